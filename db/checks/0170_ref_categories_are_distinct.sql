-- Uniqueness of the category list: no two categories differ only by case or spaces
-- ("Dairy" and "dairy " would split every mart's totals in two).
create or replace view scout_checks.ref_categories_are_distinct
with (security_invoker = true)
as
select 'ref_categories_are_distinct'::text as check_name, 'scout'::text as schema_name,
       'ref_categories'::text as table_name, 'reference'::text as layer, 'uniqueness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where k.n = 1) as passed,
       coalesce(pg_catalog.sum(k.n) filter (where k.n > 1), 0)::bigint as failed,
       'category names distinct once case and surrounding spaces are ignored'::text as detail,
       pg_catalog.array_agg(k.names) filter (where k.n > 1) as failing_keys
  from (select pg_catalog.lower(pg_catalog.btrim(c.name)) as folded, pg_catalog.count(*) as n,
               pg_catalog.string_agg(c.name, ' / ' order by c.name) as names
          from scout.ref_categories c group by 1) k;
select scout_internal.register_check('scout_checks.ref_categories_are_distinct', 'Uniqueness of the category list: no two categories differ only by case or surrounding spaces, which would split every mart''s totals.');
