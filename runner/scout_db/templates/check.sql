-- Check {name}: written by `scout-db new check`, a working starting point.
-- A check is a view in scout_checks with the columns below; `scout-db migrate
-- --extension {folder}` creates it, and scout.run_dq_checks (`scout-db dq run`, the
-- daily job, `scout-db check`) runs every view it finds there. Its failing rows go to
-- ip_workbench.dq_results and, when the table has one, to test_failures.<table>.
--   level error: counts in the table's score and fails `scout-db check`;
--   level warning: reported, pages nobody.
create or replace view scout_checks.{name}
with (security_invoker = true)
as
select '{name}'::text as check_name,
       'scout'::text as schema_name,
       'silver_validated_transactions'::text as table_name,
       'silver'::text as layer,
       -- completeness, uniqueness, validity, integrity, volume or timeliness
       'validity'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where v.ok) as passed,
       pg_catalog.count(*) filter (where not v.ok) as failed,
       'tax is never more than the amount it is charged on'::text as detail,
       -- the business keys of the failing rows, for the report and test_failures
       pg_catalog.array_agg(v.transaction_id) filter (where not v.ok) as failing_keys,
       -- the rows that arrived since the previous check run: what the scores describe
       pg_catalog.count(*) filter (where v.ok and v.recent) as recent_passed,
       pg_catalog.count(*) filter (where not v.ok and v.recent) as recent_failed
  from (select s.transaction_id,
               s.ingested_at >= (select scout_internal.dq_recent_since()) as recent,
               coalesce(s.tax_amount <= s.amount, true) as ok
          from scout.silver_validated_transactions s
        offset 0) v;  -- each row's verdict computed once, not once per aggregate
-- its comment, the columns' comments and its grant (service_role reads it)
select scout_internal.register_check('scout_checks.{name}',
    'Tax is never more than the amount it is charged on.');
