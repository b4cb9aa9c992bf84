-- Gold → Silver, in one pass over Silver: every month of gold_monthly_summary that
-- Silver still holds in full sums to Silver's rows (integrity), and every such month
-- of Silver is in Gold (completeness, as its own result gold_has_every_silver_month).
create or replace view scout_checks.gold_totals_match_silver
with (security_invoker = true)
as
select case when k.missing then 'gold_has_every_silver_month' else 'gold_totals_match_silver' end as check_name,
       'scout'::text as schema_name, 'gold_monthly_summary'::text as table_name, 'gold'::text as layer,
       case when k.missing then 'completeness' else 'integrity' end as dimension, 'error'::text as level,
       pg_catalog.count(*) filter (where m.ok) as passed,
       pg_catalog.count(*) filter (where not m.ok) as failed,
       case when k.missing then '(month, category) of Silver with a Gold row'
            else '(month, category) whose total_amount and transaction_count equal Silver''s' end as detail,
       pg_catalog.array_agg(m.month::text || '/' || m.category) filter (where not m.ok) as failing_keys
  from (select coalesce(g.month, s.month) as month, coalesce(g.category, s.category) as category,
               g.month is not null as in_gold, s.month is not null as in_silver,
               (g.total_amount, g.transaction_count) is not distinct from (s.total, s.n) as same
          from (select x.month, x.category, x.total_amount, x.transaction_count
                  from scout.gold_monthly_summary x where x.month >= (select scout_internal.silver_frozen_before())) g
          full join (select pg_catalog.date_trunc('month', t.transaction_date::timestamp)::date as month, t.category,
                            pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                       from scout.silver_validated_transactions t
                      where t.transaction_date >= (select scout_internal.silver_frozen_before())
                        and t.transaction_date >= (select scout_internal.gold_kept_from())
                      group by 1, 2) s
            on s.month = g.month and s.category = g.category) j
 cross join lateral (values (false), (true)) k(missing)
 cross join lateral (select case when k.missing then j.in_gold else j.same end as ok, j.month, j.category) m
 where k.missing = false or j.in_silver
 group by k.missing;
select scout_internal.register_check('scout_checks.gold_totals_match_silver', 'Gold → Silver in one pass: every month of gold_monthly_summary that Silver still holds in full sums to Silver''s rows (gold_totals_match_silver, integrity), and every such month of Silver has a Gold row (gold_has_every_silver_month, completeness).');
