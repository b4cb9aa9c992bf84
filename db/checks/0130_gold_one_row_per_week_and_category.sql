-- Uniqueness of Gold's weekly mart: one gold_category_trends row per (week, category).
create or replace view scout_checks.gold_one_row_per_week_and_category
with (security_invoker = true)
as
select 'gold_one_row_per_week_and_category'::text as check_name, 'scout'::text as schema_name,
       'gold_category_trends'::text as table_name, 'gold'::text as layer, 'uniqueness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where k.n = 1) as passed,
       coalesce(pg_catalog.sum(k.n) filter (where k.n > 1), 0)::bigint as failed,
       '(week_start, category) with exactly one row'::text as detail,
       pg_catalog.array_agg(k.week_start::text || '/' || k.category) filter (where k.n > 1) as failing_keys
  from (select g.week_start, g.category, pg_catalog.count(*) as n
          from scout.gold_category_trends g group by g.week_start, g.category) k;
select scout_internal.register_check('scout_checks.gold_one_row_per_week_and_category', 'Uniqueness of Gold''s weekly mart: one gold_category_trends row per (week, category).');
