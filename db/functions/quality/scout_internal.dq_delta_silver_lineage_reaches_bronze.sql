-- scout_checks.silver_lineage_reaches_bronze judged from its previous result: while
-- Bronze has removed nothing, a Silver row's verdict changes only when the row changes
-- (every Silver change logged) or leaves the window (its arrival falls behind now minus
-- bronze_retention_days). So the run judges the changed keys, the rows that left the
-- window since (found through Bronze's ingested_at index: Silver's arrival is its
-- winner's) and the rows that failed then (their Bronze row is gone, so only their key
-- finds them); the rest keep their verdicts. No row when that does not hold, or when so
-- many rows failed that reading them one by one costs more than the view.
create or replace function scout_internal.dq_delta_silver_lineage_reaches_bronze(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
set enable_seqscan = off  -- the few changed keys and arrivals by index
as $fn$
    with bounds as (
        select (p_then -> 'judged' ->> 'now')::timestamptz - r.retention as window_then,
               pg_catalog.now() - r.retention as window_now
          from (select pg_catalog.make_interval(days => (select scout_internal.setting('bronze_retention_days'))::int)
                           as retention) r),
    failed_then as materialized (
        select f.business_key as transaction_id
          from test_failures.silver_validated_transactions f where f.check_name = 'silver_lineage_reaches_bronze'),
    changed as materialized (
        select k.transaction_id, k.existed_then and k.old_ingested_at >= b.window_then as counted_then
          from scout_internal.dq_changed_silver_keys(p_then) k cross join bounds b),
    -- untouched rows of the window then that are behind it now, their Bronze row still there
    left_window as materialized (
        select s.transaction_id
          from bounds w
          cross join lateral scout_internal.dq_bronze_transactions_arrived(w.window_then, w.window_now) b
          join scout.silver_validated_transactions s
            on s.transaction_id = scout_internal.clean_text(b.raw_data ->> 'transaction_id') and s.bronze_id = b.id
         where not exists (select 1 from changed c where c.transaction_id = s.transaction_id)
           and not exists (select 1 from failed_then f where f.transaction_id = s.transaction_id)),
    -- every key whose verdict may differ, with what it was then and what it is now
    judged as materialized (
        select j.transaction_id, j.counted_then, j.failed_then,
               s.transaction_id is not null and s.ingested_at >= w.window_now as counted_now,
               exists (select 1 from scout.bronze_transactions b where b.id = s.bronze_id) as ok_now
          from (select c.transaction_id, c.counted_then, f.transaction_id is not null as failed_then
                  from changed c left join failed_then f on f.transaction_id = c.transaction_id
                union all
                select f.transaction_id, true, true from failed_then f
                 where not exists (select 1 from changed c where c.transaction_id = f.transaction_id)
                union all
                select l.transaction_id, true, false from left_window l) j
         cross join bounds w
          left join scout.silver_validated_transactions s on s.transaction_id = j.transaction_id),
    recent as (
        select pg_catalog.count(*) filter (where b.id is not null) as ok, pg_catalog.count(*) filter (where b.id is null) as bad
          from scout_internal.dq_recent_silver_transactions(scout_internal.dq_recent_since()) s
          cross join bounds w
          left join scout.bronze_transactions b on b.id = s.bronze_id
         where s.ingested_at >= w.window_now)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from judged x where x.counted_then and not x.failed_then)
                    + (select pg_catalog.count(*) from judged x where x.counted_now and x.ok_now),
           d.failed - (select pg_catalog.count(*) from judged x where x.failed_then)
                    + (select pg_catalog.count(*) from judged x where x.counted_now and not x.ok_now),
           d.detail,
           (select pg_catalog.array_agg(x.transaction_id) from judged x
             where x.counted_now and not x.ok_now and not x.failed_then),
           coalesce((select pg_catalog.array_agg(x.transaction_id) from judged x
                      where x.failed_then and not (x.counted_now and not x.ok_now)), '{}'),
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_lineage_reaches_bronze'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.silver_validated_transactions f where f.check_name = d.check_name) = d.failed
       and d.failed <= (d.passed + d.failed) / 4
       and (p_then -> 'judged' ->> 'now')::timestamptz <= pg_catalog.now()
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}', '{scout.silver_validated_transactions}')
$fn$;
comment on function scout_internal.dq_delta_silver_lineage_reaches_bronze(jsonb, jsonb) is
    'The check scout_checks.silver_lineage_reaches_bronze judged from its result in run p_then ->> ''run_id'': the Silver keys changed since p_then''s statement context (scout_internal.dq_changed_silver_keys), the rows that fell behind the window (now minus bronze_retention_days) since, and the rows failing then (test_failures.silver_validated_transactions) are judged, the rest keep their verdicts. No row unless scout_internal.dq_delta_allowed (Bronze removed nothing, every Silver write since logged, the settings unchanged) and at most a quarter of the rows failed.';
revoke all on function scout_internal.dq_delta_silver_lineage_reaches_bronze(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_silver_lineage_reaches_bronze(jsonb, jsonb) to service_role;
