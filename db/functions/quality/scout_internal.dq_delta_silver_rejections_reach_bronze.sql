-- scout_checks.silver_rejections_reach_bronze judged from its previous result: while
-- Bronze has removed nothing and every rejected transaction since was written by
-- Silver's merge (logged: it rejects only the rows it judges), a rejection's verdict
-- changes only when it is new (a newly judged Bronze row) or leaves the window (its
-- arrival falls behind now minus bronze_retention_days: found through Bronze's
-- ingested_at index). Their failing keys are kept nowhere (test_failures has no table
-- for them), so only a result with none failing is carried forward. The rejected
-- products, a catalogue's worth, are read whole as the view reads them. No row when
-- that does not hold.
create or replace function scout_internal.dq_delta_silver_rejections_reach_bronze(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
set enable_seqscan = off  -- the few new and leaving rows by index
as $fn$
    with bounds as (
        select (p_then -> 'judged' ->> 'now')::timestamptz - r.retention as window_then,
               pg_catalog.now() - r.retention as window_now,
               (select scout_internal.dq_recent_since()) as since
          from (select pg_catalog.make_interval(days => (select scout_internal.setting('bronze_retention_days'))::int)
                           as retention) r),
    judged as materialized (  -- each rejection whose verdict may differ: then, and now
        select j.bronze_id, j.counted_then,
               r.bronze_id is not null and r.ingested_at >= w.window_now as counted_now,
               exists (select 1 from scout.bronze_transactions b where b.id = r.bronze_id) as ok_now
          from (select n.id as bronze_id, false as counted_then
                  from scout_internal.dq_new_bronze_transactions(p_then) n where n.newly_judged
                union all  -- behind the window now, in it then, their Bronze row still there
                select x.bronze_id, true
                  from bounds w
                  cross join lateral scout_internal.dq_bronze_transactions_arrived(w.window_then, w.window_now) b
                  join scout.silver_rejected_transactions x on x.bronze_id = b.id) j
         cross join bounds w
          -- one probe per row (lateral): a few rows are no reason to read every rejection
          left join lateral (select x.bronze_id, x.ingested_at from scout.silver_rejected_transactions x
                              where x.bronze_id = j.bronze_id offset 0) r on true),  -- offset 0: not flattened
    recent as (  -- the Bronze rows since the window's start, each with its rejection if any
        select pg_catalog.count(*) as ok, 0::bigint as bad
          from bounds w
          cross join lateral scout_internal.dq_bronze_transactions_arrived(w.since) b
          cross join lateral (select 1 from scout.silver_rejected_transactions x
                               where x.bronze_id = b.id and x.ingested_at >= w.window_now offset 0) r),
    allowed as (  -- both rows or neither: the view's result is judged whole otherwise
        select exists (select 1 from ip_workbench.dq_results d
                        where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_rejections_reach_bronze'
                          and d.table_name = 'silver_rejected_transactions' and d.failed = 0)
               and (p_then -> 'judged' ->> 'now')::timestamptz <= pg_catalog.now()
               and scout_internal.dq_delta_allowed(p_then, p_now, '{scout.silver_rejected_products,ip_workbench.watermarks}',
                                                   '{scout.silver_rejected_transactions}') as ok),
    products as (  -- read whole, as the view does
        select pg_catalog.count(*) filter (where x.found) as passed, pg_catalog.count(*) filter (where not x.found) as failed,
               pg_catalog.array_agg(x.bronze_id::text) filter (where not x.found) as failing_keys,
               pg_catalog.count(*) filter (where x.found and x.ingested_at >= w.since) as recent_passed,
               pg_catalog.count(*) filter (where not x.found and x.ingested_at >= w.since) as recent_failed
          from bounds w
          join (select r.bronze_id, r.ingested_at,
                       exists (select 1 from scout.bronze_products b where b.id = r.bronze_id) as found
                  from scout.silver_rejected_products r) x on x.ingested_at >= w.window_now
         group by w.since)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from judged x where x.counted_then)
                    + (select pg_catalog.count(*) from judged x where x.counted_now and x.ok_now),
           (select pg_catalog.count(*) from judged x where x.counted_now and not x.ok_now),
           d.detail,
           (select pg_catalog.array_agg(x.bronze_id::text) from judged x where x.counted_now and not x.ok_now),
           '{}'::text[],
           -- rows arrived since the window's start have their Bronze row (nothing was removed)
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_rejections_reach_bronze'
       and d.table_name = 'silver_rejected_transactions'
       and (select a.ok from allowed a)
    union all
    select 'silver_rejections_reach_bronze', 'scout', 'silver_rejected_products', 'silver', 'integrity', 'error',
           p.passed, p.failed, 'rejected rows of the Bronze retention period whose bronze_id is a Bronze row',
           p.failing_keys, null, p.recent_passed, p.recent_failed
      from products p
     where (select a.ok from allowed a)
$fn$;
comment on function scout_internal.dq_delta_silver_rejections_reach_bronze(jsonb, jsonb) is
    'The check scout_checks.silver_rejections_reach_bronze judged from its result in run p_then ->> ''run_id'': of the rejected transactions, those of the Bronze rows judged since p_then''s statement context (scout_internal.dq_new_bronze_transactions) and those that fell behind the window (now minus bronze_retention_days) since are judged; the rejected products are read whole. No row unless scout_internal.dq_delta_allowed (Bronze removed nothing, every rejected transaction since written by Silver''s merge, the settings unchanged) and the previous run judged the rejected transactions with none failing (their failing keys are kept nowhere).';
revoke all on function scout_internal.dq_delta_silver_rejections_reach_bronze(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_silver_rejections_reach_bronze(jsonb, jsonb) to service_role;
