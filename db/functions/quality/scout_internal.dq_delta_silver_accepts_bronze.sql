-- scout_checks.silver_accepts_bronze judged from its previous result and the Bronze
-- rows Silver has judged since: a judged row's verdict (rejected or not) stays while
-- every rejection written since is the merge's (logged), which rejects only the rows
-- it judges, so only the newly judged rows are read.
-- No row when that does not hold: the view judges every row again.
create or replace function scout_internal.dq_delta_silver_accepts_bronze(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language plpgsql
stable
set search_path = ''
-- the few new rows by index, never a read of all of Bronze
set enable_seqscan = off
as $fn$
begin
    -- rejections are written with the rows Silver judges (logged), never later for old
    -- rows but by a backfill, whose writes are not logged
    if not scout_internal.dq_delta_allowed(p_then, p_now, array['ip_workbench.watermarks']::regclass[],
                                           array['scout.silver_rejected_transactions']::regclass[]) then
        return;
    end if;
    -- the view also counts a rejected row Silver has not judged (inside the transaction
    -- that rejects it): which run counted it first cannot be told, so judge it whole
    if exists (select 1 from scout_internal.dq_new_bronze_transactions(p_then) n
                 join scout.silver_rejected_transactions r on r.bronze_id = n.id
                where not n.newly_judged) then
        return;
    end if;
    return query
    with verdicts as (
        select n.id, r.transaction_id, r.bronze_id is null as ok
          from scout_internal.dq_new_bronze_transactions(p_then) n
          left join lateral (select x.bronze_id, x.transaction_id from scout.silver_rejected_transactions x
                              where x.bronze_id = n.id offset 0) r on true  -- a probe per row, not a hash of all
         where n.newly_judged),
    recent as (
        select pg_catalog.count(*) filter (where r.bronze_id is null) as ok,
               pg_catalog.count(*) filter (where r.bronze_id is not null) as bad
          from scout_internal.dq_bronze_transactions_arrived(scout_internal.dq_recent_since()) b
          join ip_workbench.watermarks w on w.stream = 'silver_transactions'
          left join lateral (select x.bronze_id from scout.silver_rejected_transactions x
                              where x.bronze_id = b.id offset 0) r on true
         where (not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                    pg_catalog.pg_current_xact_id_if_assigned(), w.processed_snapshot, w.processed_xid, w.processed_seq)
                or r.bronze_id is not null))
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed + (select pg_catalog.count(*) from verdicts v where v.ok),
           d.failed + (select pg_catalog.count(*) from verdicts v where not v.ok),
           d.detail,
           (select pg_catalog.array_agg(coalesce(v.transaction_id, v.id::text)) from verdicts v where not v.ok),
           '{}'::text[],
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_accepts_bronze';
end
$fn$;
comment on function scout_internal.dq_delta_silver_accepts_bronze(jsonb, jsonb) is
    'The check scout_checks.silver_accepts_bronze judged from its result in run p_then ->> ''run_id'' and the Bronze rows Silver has judged since p_then''s statement context (scout_internal.dq_new_bronze_transactions); no row unless scout_internal.dq_delta_allowed (the watermark may have moved, every rejection since written by Silver''s merge, logged) and no rejected row is yet unjudged.';
revoke all on function scout_internal.dq_delta_silver_accepts_bronze(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_silver_accepts_bronze(jsonb, jsonb) to service_role;
