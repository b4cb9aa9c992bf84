-- scout_checks.every_bronze_transaction_is_accounted_for judged from its previous
-- result, the Bronze rows Silver has judged since, and the rows that failed then (their
-- keys are in test_failures): a row accounted for stays so while nothing is removed
-- from Silver or its rejections (a winner that is replaced is superseded: its key stays
-- in Silver), so only those two sets are read. No row when that does not hold, or when
-- so many rows failed that reading them one by one costs more than the view.
create or replace function scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language plpgsql
stable
set search_path = ''
-- the new rows' bounds and the window's start are parameters (see dq_new_bronze_transactions)
set enable_seqscan = off
as $fn$
declare
    v_frozen date := scout_internal.silver_frozen_before();
    v_since timestamptz := scout_internal.dq_recent_since();
begin
    if not scout_internal.dq_delta_allowed(p_then, p_now, array['scout.silver_validated_transactions',
                                                                 'ip_workbench.watermarks']::regclass[],
                                           array['scout.silver_rejected_transactions']::regclass[])
       or not exists (select 1 from ip_workbench.dq_results d
                       where d.run_id = (p_then ->> 'run_id')::bigint
                         and d.check_name = 'every_bronze_transaction_is_accounted_for'
                         and d.failed <= (d.passed + d.failed) / 4
                         -- its failing keys all in test_failures, else the counts would drift
                         and (select pg_catalog.count(*) from test_failures.bronze_transactions f
                               where f.check_name = d.check_name) = d.failed) then
        return;
    end if;
    return query
    with new_rows as materialized (
        select n.id, n.raw_data, n.ingested_at
          from scout_internal.dq_new_bronze_transactions(p_then) n where n.newly_judged),
    failed_then as materialized (
        select b.id, b.raw_data, b.ingested_at
          from test_failures.bronze_transactions f
          join scout.bronze_transactions b on b.id = f.business_key::uuid
         where f.check_name = 'every_bronze_transaction_is_accounted_for'),
    judged as (  -- the rows to judge: newly judged, failing then, and the others of the recent window
        select r.id, r.raw_data, r.ingested_at, true as new, false as failed_then from new_rows r
        union all
        select f.id, f.raw_data, f.ingested_at, false, true from failed_then f
        union all
        select b.id, b.raw_data, b.ingested_at, false, false
          from scout.bronze_transactions b
          join ip_workbench.watermarks w on w.stream = 'silver_transactions'
         where b.ingested_at >= v_since
           and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                   pg_catalog.pg_current_xact_id_if_assigned(), w.processed_snapshot, w.processed_xid, w.processed_seq)
           and not exists (select 1 from new_rows r where r.id = b.id)
           and not exists (select 1 from failed_then f where f.id = b.id)),
    verdicts as materialized (
        -- Silver's key is the payload's cleaned transaction_id, so the key's row is the
        -- winner or the version that superseded this one: either way accounted for. One
        -- index lookup per row (lateral): these are a few rows, not a reason to hash Silver.
        select j.new, j.failed_then, j.id, j.ingested_at >= v_since as recent,
               k.found is not null or r.found is not null as accounted
          from judged j
          left join lateral (select true as found from scout.silver_validated_transactions k
                              where k.transaction_id = scout_internal.clean_text(j.raw_data ->> 'transaction_id')
                              limit 1) k on true
          left join lateral (select true as found from scout.silver_rejected_transactions r
                              where r.bronze_id = j.id limit 1) r on true
         where v_frozen = '-infinity'
            or coalesce(scout_internal.iso_date(scout_internal.clean_text(j.raw_data ->> 'date')) >= v_frozen, true))
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed + v.new_passing + v.cleared, d.failed + v.new_failing - v.cleared,
           d.detail, v.failing_keys, coalesce(v.keys_cleared, '{}'), v.recent_passed, v.recent_failed
      from ip_workbench.dq_results d
     cross join (select pg_catalog.count(*) filter (where x.new and x.accounted) as new_passing,
                        pg_catalog.count(*) filter (where x.new and not x.accounted) as new_failing,
                        pg_catalog.count(*) filter (where x.failed_then and x.accounted) as cleared,
                        pg_catalog.array_agg(x.id::text) filter (where x.new and not x.accounted) as failing_keys,
                        pg_catalog.array_agg(x.id::text) filter (where x.failed_then and x.accounted) as keys_cleared,
                        pg_catalog.count(*) filter (where x.recent and x.accounted) as recent_passed,
                        pg_catalog.count(*) filter (where x.recent and not x.accounted) as recent_failed
                   from verdicts x) v
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'every_bronze_transaction_is_accounted_for';
end
$fn$;
comment on function scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(jsonb, jsonb) is
    'The check scout_checks.every_bronze_transaction_is_accounted_for judged from its result in run p_then ->> ''run_id'': the Bronze rows Silver has judged since p_then''s statement context (scout_internal.dq_new_bronze_transactions) and the rows failing then (test_failures.bronze_transactions) are judged, the rest keep their verdicts. No row unless scout_internal.dq_delta_allowed (Silver changed in place, nothing removed; the watermark moved; every rejection since written by Silver''s merge, logged) and at most a quarter of the rows failed.';
revoke all on function scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(jsonb, jsonb) to service_role;
