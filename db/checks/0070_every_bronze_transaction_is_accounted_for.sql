-- The accounting invariant: every Bronze transaction Silver has judged is the
-- winner of its key, superseded by another version of it (its key is in Silver),
-- or rejected. Sales Silver has since purged by retention are not asked for.
create or replace view scout_checks.every_bronze_transaction_is_accounted_for
with (security_invoker = true)
as
select 'every_bronze_transaction_is_accounted_for'::text as check_name, 'scout'::text as schema_name,
       'bronze_transactions'::text as table_name, 'bronze'::text as layer, 'integrity'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where a.accounted) as passed,
       pg_catalog.count(*) filter (where not a.accounted) as failed,
       'judged Bronze transactions that are a Silver winner, superseded, or rejected'::text as detail,
       pg_catalog.array_agg(a.id::text) filter (where not a.accounted) as failing_keys,
       pg_catalog.count(*) filter (where a.accounted and a.recent) as recent_passed,
       pg_catalog.count(*) filter (where not a.accounted and a.recent) as recent_failed
  -- a winner by its bronze_id and a rejected row by its own (two hash joins); only the
  -- few rows left, superseded versions, have their key read from the payload and
  -- looked up (an OR stops at its first true)
  from (select b.id,
               s.bronze_id is not null or r.bronze_id is not null
               or exists (select 1 from scout.silver_validated_transactions k
                           where k.transaction_id = scout_internal.clean_text(b.raw_data ->> 'transaction_id'))
                   as accounted,
               b.ingested_at >= n.since as recent
          from scout.bronze_transactions b
          join ip_workbench.watermarks w on w.stream = 'silver_transactions'
         cross join (select (select scout_internal.dq_recent_since()) as since) n
          left join scout.silver_validated_transactions s on s.bronze_id = b.id
          left join scout.silver_rejected_transactions r on r.bronze_id = b.id
         where not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                   pg_catalog.pg_current_xact_id_if_assigned(), w.processed_snapshot, w.processed_xid, w.processed_seq)
           -- (nothing frozen, the usual case: no payload's date needs parsing)
           and ((select scout_internal.silver_frozen_before()) = '-infinity'
                or coalesce(scout_internal.iso_date(scout_internal.clean_text(b.raw_data ->> 'date'))
                            >= (select scout_internal.silver_frozen_before()), true))
        offset 0) a;  -- each row's verdict computed once, not once per aggregate
select scout_internal.register_check('scout_checks.every_bronze_transaction_is_accounted_for', 'The accounting invariant: every Bronze transaction Silver has judged is the winner of its key, superseded by another version of it (its key is in Silver), or rejected. Sales Silver has since purged by retention are not asked for.');
