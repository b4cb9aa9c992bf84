-- Completeness of Silver: the share of the Bronze transactions Silver has judged
-- that it accepted; a batch half of which breaks the rules halves it.
create or replace view scout_checks.silver_accepts_bronze
with (security_invoker = true)
as
select 'silver_accepts_bronze'::text as check_name, 'scout'::text as schema_name,
       'silver_validated_transactions'::text as table_name, 'silver'::text as layer, 'completeness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where r.bronze_id is null) as passed,
       pg_catalog.count(*) filter (where r.bronze_id is not null) as failed,
       'judged Bronze transactions that passed every rule (the rejected, by key, are failing)'::text as detail,
       pg_catalog.array_agg(coalesce(r.transaction_id, b.id::text)) filter (where r.bronze_id is not null) as failing_keys,
       pg_catalog.count(*) filter (where r.bronze_id is null and b.ingested_at >= n.since) as recent_passed,
       pg_catalog.count(*) filter (where r.bronze_id is not null and b.ingested_at >= n.since) as recent_failed
  from scout.bronze_transactions b
  join ip_workbench.watermarks w on w.stream = 'silver_transactions'
 cross join (select (select scout_internal.dq_recent_since()) as since) n
  left join scout.silver_rejected_transactions r on r.bronze_id = b.id
 where not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                   pg_catalog.pg_current_xact_id_if_assigned(), w.processed_snapshot, w.processed_xid, w.processed_seq) or r.bronze_id is not null;
select scout_internal.register_check('scout_checks.silver_accepts_bronze', 'Completeness of Silver: the share of the Bronze transactions Silver has judged that it accepted; a batch half of which breaks the rules halves it.');
