-- Referential integrity of the rejected rows → Bronze: every rejected transaction or
-- product points at its Bronze row while Bronze still keeps it, so its payload can be
-- fixed and sent again (a hand-deleted Bronze row breaks the trail).
create or replace view scout_checks.silver_rejections_reach_bronze
with (security_invoker = true)
as
select 'silver_rejections_reach_bronze'::text as check_name, 'scout'::text as schema_name, j.table_name,
       'silver'::text as layer, 'integrity'::text as dimension, 'error'::text as level,
       pg_catalog.count(*) filter (where j.found) as passed,
       pg_catalog.count(*) filter (where not j.found) as failed,
       'rejected rows of the Bronze retention period whose bronze_id is a Bronze row'::text as detail,
       pg_catalog.array_agg(j.key) filter (where not j.found) as failing_keys,
       pg_catalog.count(*) filter (where j.found and j.ingested_at >= n.since) as recent_passed,
       pg_catalog.count(*) filter (where not j.found and j.ingested_at >= n.since) as recent_failed
  from (select 'silver_rejected_transactions'::text as table_name, r.bronze_id::text as key, r.ingested_at,
               exists (select 1 from scout.bronze_transactions b where b.id = r.bronze_id) as found
          from scout.silver_rejected_transactions r
        union all
        select 'silver_rejected_products', r.bronze_id::text, r.ingested_at,
               exists (select 1 from scout.bronze_products b where b.id = r.bronze_id)
          from scout.silver_rejected_products r) j
 cross join (select (select scout_internal.dq_recent_since()) as since) n
 where j.ingested_at >= pg_catalog.now()
           - pg_catalog.make_interval(days => (select scout_internal.setting('bronze_retention_days'))::int)
 group by j.table_name;
select scout_internal.register_check('scout_checks.silver_rejections_reach_bronze', 'Referential integrity of the rejected rows → Bronze: every rejected transaction or product of the Bronze retention period points at its Bronze row, so its payload can be fixed and sent again.');
