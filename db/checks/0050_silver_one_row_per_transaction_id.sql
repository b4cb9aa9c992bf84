-- Uniqueness of Silver transactions: one row per transaction_id.
create or replace view scout_checks.silver_one_row_per_transaction_id
with (security_invoker = true)
as
select 'silver_one_row_per_transaction_id'::text as check_name, 'scout'::text as schema_name,
       'silver_validated_transactions'::text as table_name, 'silver'::text as layer, 'uniqueness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where k.n = 1) as passed,
       coalesce(pg_catalog.sum(k.n) filter (where k.n > 1), 0)::bigint as failed,
       'transaction_ids with exactly one Silver row'::text as detail,
       pg_catalog.array_agg(k.transaction_id) filter (where k.n > 1) as failing_keys
  from (select s.transaction_id, pg_catalog.count(*) as n
          from scout.silver_validated_transactions s group by s.transaction_id) k;
select scout_internal.register_check('scout_checks.silver_one_row_per_transaction_id', 'Uniqueness of Silver transactions: one row per transaction_id.');
