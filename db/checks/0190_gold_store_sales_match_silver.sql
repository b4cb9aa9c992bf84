-- The store mart agrees with Silver: every (store, day, category) Silver holds since
-- its retention boundary (and within Gold's) has a row of scout.gold_store_daily_sales
-- with the same total and count, and the mart has no row Silver lacks.
create or replace view scout_checks.gold_store_sales_match_silver
with (security_invoker = true)
as
select 'gold_store_sales_match_silver'::text as check_name, 'scout'::text as schema_name,
       'gold_store_daily_sales'::text as table_name, 'gold'::text as layer, 'integrity'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where j.same) as passed,
       pg_catalog.count(*) filter (where not j.same) as failed,
       '(store, day, category) whose total_amount and transaction_count equal Silver''s'::text as detail,
       pg_catalog.array_agg(coalesce(j.store_id, '(no store)') || '/' || pg_catalog.to_char(j.sales_date, 'YYYY-MM-DD') || '/' || j.category)
           filter (where not j.same) as failing_keys
  from (select nullif(coalesce(g.store_key, s.store_key), '') as store_id, coalesce(g.sales_date, s.sales_date) as sales_date,
               coalesce(g.category, s.category) as category,
               (g.total_amount, g.transaction_count) is not distinct from (s.total, s.n) as same
          -- '' stands for no store (Silver stores none): a key a hash join can use
          from (select coalesce(x.store_id, '') as store_key, x.sales_date, x.category, x.total_amount, x.transaction_count
                  from scout.gold_store_daily_sales x
                 where x.sales_date >= (select scout_internal.silver_frozen_before())) g
          full join (select coalesce(t.store_id, '') as store_key, t.transaction_date as sales_date, t.category,
                            pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                       from scout.silver_validated_transactions t
                      where t.transaction_date >= (select scout_internal.silver_frozen_before())
                        and t.transaction_date >= (select scout_internal.gold_kept_from())
                      group by 1, 2, 3) s
            on s.store_key = g.store_key and s.sales_date = g.sales_date and s.category = g.category) j;
select scout_internal.register_check('scout_checks.gold_store_sales_match_silver', 'The store mart agrees with Silver: every (store, day, category) of Silver within the retention boundaries has a row of scout.gold_store_daily_sales with the same total_amount and transaction_count, and the mart has no row Silver lacks.');
