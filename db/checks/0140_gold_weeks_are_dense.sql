-- Completeness of Gold's weekly mart (contract v3): each category has a row for every
-- week from its first to the current one, so a category that stops selling shows
-- zero weeks instead of vanishing.
create or replace view scout_checks.gold_weeks_are_dense
with (security_invoker = true)
as
select 'gold_weeks_are_dense'::text as check_name, 'scout'::text as schema_name,
       'gold_category_trends'::text as table_name, 'gold'::text as layer, 'completeness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where g.category is not null) as passed,
       pg_catalog.count(*) filter (where g.category is null) as failed,
       'weeks from each category''s first to the current week that have a row'::text as detail,
       pg_catalog.array_agg(w.week_start::text || '/' || w.category) filter (where g.category is null) as failing_keys
  from (select c.category, pg_catalog.generate_series(c.first_week, c.current_week, interval '1 week')::date as week_start
          from (select x.category, pg_catalog.min(x.week_start)::timestamp as first_week,
                       pg_catalog.date_trunc('week', scout_internal.business_today()::timestamp) as current_week
                  from scout.gold_category_trends x group by x.category) c) w
  left join scout.gold_category_trends g on g.category = w.category and g.week_start = w.week_start;
select scout_internal.register_check('scout_checks.gold_weeks_are_dense', 'Completeness of Gold''s weekly mart (contract v3): each category has a row for every week from its first to the current one, so a category that stops selling shows zero weeks.');
