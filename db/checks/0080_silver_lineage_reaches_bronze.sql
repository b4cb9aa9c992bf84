-- Referential integrity Silver → Bronze: a Silver row points at its Bronze row
-- while Bronze still keeps it (within bronze_retention_days).
create or replace view scout_checks.silver_lineage_reaches_bronze
with (security_invoker = true)
as
select 'silver_lineage_reaches_bronze'::text as check_name, 'scout'::text as schema_name,
       'silver_validated_transactions'::text as table_name, 'silver'::text as layer, 'integrity'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where b.id is not null) as passed,
       pg_catalog.count(*) filter (where b.id is null) as failed,
       'Silver rows of the Bronze retention period whose bronze_id is a Bronze row'::text as detail,
       pg_catalog.array_agg(s.transaction_id) filter (where b.id is null) as failing_keys,
       pg_catalog.count(*) filter (where b.id is not null and s.ingested_at >= n.since) as recent_passed,
       pg_catalog.count(*) filter (where b.id is null and s.ingested_at >= n.since) as recent_failed
  from scout.silver_validated_transactions s
  left join scout.bronze_transactions b on b.id = s.bronze_id
 cross join (select (select scout_internal.dq_recent_since()) as since) n
 where s.ingested_at >= pg_catalog.now()
           - pg_catalog.make_interval(days => (select scout_internal.setting('bronze_retention_days'))::int);
select scout_internal.register_check('scout_checks.silver_lineage_reaches_bronze', 'Referential integrity Silver → Bronze: a Silver row points at its Bronze row while Bronze still keeps it (within bronze_retention_days).');
