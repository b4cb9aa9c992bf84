-- Completeness of Bronze products: every payload names sku and name.
create or replace view scout_checks.bronze_products_have_required_keys
with (security_invoker = true)
as
select 'bronze_products_have_required_keys'::text as check_name, 'scout'::text as schema_name,
       'bronze_products'::text as table_name, 'bronze'::text as layer, 'completeness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where k.ok) as passed,
       pg_catalog.count(*) filter (where not k.ok) as failed,
       'payloads holding sku and name'::text as detail,
       pg_catalog.array_agg(k.id::text) filter (where not k.ok) as failing_keys,
       pg_catalog.count(*) filter (where k.ok and k.recent) as recent_passed,
       pg_catalog.count(*) filter (where not k.ok and k.recent) as recent_failed
  from (select b.id, b.raw_data ?& array['sku', 'name'] as ok, b.ingested_at >= w.since as recent
          from scout.bronze_products b
         cross join (select (select scout_internal.dq_recent_since()) as since) w
        offset 0) k;  -- each row's verdict computed once, not once per aggregate
select scout_internal.register_check('scout_checks.bronze_products_have_required_keys', 'Completeness of Bronze products: every payload names sku and name.');
