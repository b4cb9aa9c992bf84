-- Completeness of the vendor mart: every row names its vendor. Sales without a vendor
-- are kept (the contract does not require one), and land in one nameless row per day
-- that the vendor team cannot act on: an error in the mart's score.
create or replace view scout_checks.vendor_days_name_a_vendor
with (security_invoker = true)
as
select 'vendor_days_name_a_vendor'::text as check_name, 'scout'::text as schema_name,
       'gold_vendor_daily_sales'::text as table_name, 'gold'::text as layer, 'completeness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where g.vendor_name is not null) as passed,
       pg_catalog.count(*) filter (where g.vendor_name is null) as failed,
       'vendor days whose vendor_name is present'::text as detail,
       pg_catalog.array_agg('(no vendor)/' || pg_catalog.to_char(g.sales_date, 'YYYY-MM-DD'))
           filter (where g.vendor_name is null) as failing_keys
  from scout.gold_vendor_daily_sales g;
select scout_internal.register_check('scout_checks.vendor_days_name_a_vendor',
    'Completeness of scout.gold_vendor_daily_sales: every vendor day names its vendor.');
