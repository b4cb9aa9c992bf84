-- Uniqueness of Gold: one gold_monthly_summary row per (month, category).
create or replace view scout_checks.gold_one_row_per_month_and_category
with (security_invoker = true)
as
select 'gold_one_row_per_month_and_category'::text as check_name, 'scout'::text as schema_name,
       'gold_monthly_summary'::text as table_name, 'gold'::text as layer, 'uniqueness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where k.n = 1) as passed,
       coalesce(pg_catalog.sum(k.n) filter (where k.n > 1), 0)::bigint as failed,
       '(month, category) with exactly one row'::text as detail,
       pg_catalog.array_agg(k.month::text || '/' || k.category) filter (where k.n > 1) as failing_keys
  from (select g.month, g.category, pg_catalog.count(*) as n
          from scout.gold_monthly_summary g group by g.month, g.category) k;
select scout_internal.register_check('scout_checks.gold_one_row_per_month_and_category', 'Uniqueness of Gold: one gold_monthly_summary row per (month, category).');
