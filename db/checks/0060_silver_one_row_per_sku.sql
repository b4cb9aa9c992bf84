-- Uniqueness of Silver products: one row per sku.
create or replace view scout_checks.silver_one_row_per_sku
with (security_invoker = true)
as
select 'silver_one_row_per_sku'::text as check_name, 'scout'::text as schema_name,
       'silver_products'::text as table_name, 'silver'::text as layer, 'uniqueness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where k.n = 1) as passed,
       coalesce(pg_catalog.sum(k.n) filter (where k.n > 1), 0)::bigint as failed,
       'skus with exactly one Silver row'::text as detail,
       pg_catalog.array_agg(k.sku) filter (where k.n > 1) as failing_keys
  from (select p.sku, pg_catalog.count(*) as n from scout.silver_products p group by p.sku) k;
select scout_internal.register_check('scout_checks.silver_one_row_per_sku', 'Uniqueness of Silver products: one row per sku.');
