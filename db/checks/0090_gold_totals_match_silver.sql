-- Referential integrity Gold → Silver: every month of gold_monthly_summary that
-- Silver still holds in full sums to Silver's rows, and every such month of Silver
-- is in Gold.
create or replace view scout_checks.gold_totals_match_silver
with (security_invoker = true)
as
select 'gold_totals_match_silver'::text as check_name, 'scout'::text as schema_name,
       'gold_monthly_summary'::text as table_name, 'gold'::text as layer, 'integrity'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where m.ok) as passed,
       pg_catalog.count(*) filter (where not m.ok) as failed,
       '(month, category) whose total_amount and transaction_count equal Silver''s'::text as detail,
       pg_catalog.array_agg(m.month::text || '/' || m.category) filter (where not m.ok) as failing_keys
  from (select coalesce(g.month, s.month) as month, coalesce(g.category, s.category) as category,
               (g.total_amount, g.transaction_count) is not distinct from (s.total, s.n) as ok
          from (select x.month, x.category, x.total_amount, x.transaction_count
                  from scout.gold_monthly_summary x where x.month >= scout_internal.silver_frozen_before()) g
          full join (select pg_catalog.date_trunc('month', t.transaction_date::timestamp)::date as month, t.category,
                            pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                       from scout.silver_validated_transactions t
                      where t.transaction_date >= scout_internal.silver_frozen_before()
                        and t.transaction_date >= scout_internal.gold_kept_from()
                      group by 1, 2) s
            on s.month = g.month and s.category = g.category) m;
select scout_internal.register_check('scout_checks.gold_totals_match_silver', 'Referential integrity Gold → Silver: every month of gold_monthly_summary that Silver still holds in full sums to Silver''s rows, and every such month of Silver is in Gold.');
