-- scout_checks.gold_store_sales_match_silver judged from its previous result: a cell
-- (store, day, category) can only change verdict when Silver changed a sale in it or
-- Gold recomputed it, and both are logged (scout_internal.silver_changed_keys, old and
-- new cell; scout_internal.gold_store_rebuilt_cells). So the run judges those cells and
-- the cells that failed then (read back from their keys), each from the mart's and
-- Silver's store indexes; every cell that passes has a row of the mart, so the passing
-- count is the mart's rows less those that fail. No row when a write was not logged, a
-- failing key does not read back or is missing from test_failures, or too many failed.
create or replace function scout_internal.dq_delta_gold_store_sales_match_silver(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
set enable_seqscan = off  -- the few changed cells by index
as $fn$
    with bounds as (
        select (select scout_internal.silver_frozen_before()) as frozen_before,
               (select scout_internal.gold_kept_from()) as kept_from),
    rebuilt as materialized (
        select r.store_id, r.category, r.day, r.all_stores
          from scout_internal.gold_store_rebuilt_cells r
         where scout_internal.dq_written_since(r.rebuilt_xid, p_then)),
    changed as materialized (  -- read once, for the old cells and the new
        select * from scout_internal.dq_changed_silver_keys(p_then)),
    failed_then as materialized (
        select f.business_key as cell_key
          from test_failures.gold_store_daily_sales f where f.check_name = 'gold_store_sales_match_silver'),
    cells as materialized (  -- '' stands for no store, as in the view
        select distinct x.store_key, x.sales_date, x.category
          from (select coalesce(k.old_store_id, '') as store_key, k.old_transaction_date as sales_date, k.old_category as category
                  from changed k where k.existed_then
                union all
                select coalesce(s.store_id, ''), s.transaction_date, s.category
                  from changed k
                  join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
                union all
                select coalesce(r.store_id, ''), r.day, r.category from rebuilt r where not r.all_stores
                union all  -- a whole day recomputed holds the cells Silver had (a mart cell without
                           -- a sale was removed then, or failed before, or lost its sales since)
                select distinct coalesce(t.store_id, ''), t.transaction_date, t.category
                  from rebuilt r
                  join scout.silver_validated_transactions t on t.category = r.category and t.transaction_date = r.day
                 where r.all_stores
                union all  -- a failing cell's key, read back: store/YYYY-MM-DD/category
                select pg_catalog.replace(pg_catalog.split_part(f.cell_key, '/', 1), '(no store)', ''),
                       pg_catalog.to_date(pg_catalog.split_part(f.cell_key, '/', 2), 'YYYY-MM-DD'),
                       pg_catalog.substr(f.cell_key, pg_catalog.length(pg_catalog.split_part(f.cell_key, '/', 1)) + 13)
                  from failed_then f) x),
    judged as materialized (
        select coalesce(nullif(c.store_key, ''), '(no store)') || '/' || pg_catalog.to_char(c.sales_date, 'YYYY-MM-DD')
                   || '/' || c.category as cell_key,
               g.total_amount is not null as in_gold,
               (g.total_amount is not null or s.n > 0)
               and (g.total_amount, g.transaction_count) is distinct from (s.total, nullif(s.n, 0)) as failing
          from cells c cross join bounds w
          left join lateral (select x.total_amount, x.transaction_count from scout.gold_store_daily_sales x
                              where coalesce(x.store_id, '') = c.store_key and x.sales_date = c.sales_date
                                and x.category = c.category and x.sales_date >= w.frozen_before) g on true
          -- a store's cell and the cell of sales without a store apart: each an index-only
          -- range of Silver's store index (an OR of the two reads the heap, page by page)
          cross join lateral (select pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                                from scout.silver_validated_transactions t
                               where t.store_id = c.store_key and t.transaction_date = c.sales_date
                                 and t.category = c.category
                                 and t.transaction_date >= w.frozen_before and t.transaction_date >= w.kept_from) s1
          cross join lateral (select pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                                from scout.silver_validated_transactions t
                               where c.store_key = '' and t.store_id is null and t.transaction_date = c.sales_date
                                 and t.category = c.category
                                 and t.transaction_date >= w.frozen_before and t.transaction_date >= w.kept_from) s2
          cross join lateral (select coalesce(s1.total, s2.total) as total, s1.n + s2.n as n) s),
    verdict as materialized (
        select (select pg_catalog.count(*) from scout.gold_store_daily_sales g, bounds w where g.sales_date >= w.frozen_before)
               - (select pg_catalog.count(*) from judged j where j.failing and j.in_gold) as passed,
               (select pg_catalog.count(*) from judged j where j.failing) as failed)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level, v.passed, v.failed, d.detail,
           (select pg_catalog.array_agg(j.cell_key) from judged j
             where j.failing and not exists (select 1 from failed_then f where f.cell_key = j.cell_key)),
           coalesce((select pg_catalog.array_agg(f.cell_key) from failed_then f
                      where exists (select 1 from judged j where j.cell_key = f.cell_key and not j.failing)), '{}'),
           -- a view without recent figures counts the same in both
           v.passed, v.failed
      from ip_workbench.dq_results d cross join verdict v
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'gold_store_sales_match_silver'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.gold_store_daily_sales f where f.check_name = d.check_name) = d.failed
       and d.failed <= 10000
       -- every failing key read back as the cell it names (a store id with a '/' would not be)
       and not exists (select 1 from failed_then f where not exists (select 1 from judged j where j.cell_key = f.cell_key))
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}',
                                           '{scout.silver_validated_transactions,scout.gold_store_daily_sales}')
$fn$;
comment on function scout_internal.dq_delta_gold_store_sales_match_silver(jsonb, jsonb) is
    'The check scout_checks.gold_store_sales_match_silver judged from its result in run p_then ->> ''run_id'': the cells Silver changed a sale in (old and new, scout_internal.dq_changed_silver_keys), the cells Gold recomputed (scout_internal.gold_store_rebuilt_cells) since p_then''s statement context, and the cells failing then (test_failures.gold_store_daily_sales) are judged; the passing count is the mart''s rows less the failing cells that have one. A whole (category, day) recomputed is judged by the cells Silver holds in it. No row unless scout_internal.dq_delta_allowed with every Silver and mart write since logged, every failing key read back, and at most 10,000 cells failing then.';
revoke all on function scout_internal.dq_delta_gold_store_sales_match_silver(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_gold_store_sales_match_silver(jsonb, jsonb) to service_role;
