-- Completeness of Bronze transactions: every payload names the keys Silver requires.
create or replace view scout_checks.bronze_transactions_have_required_keys
with (security_invoker = true)
as
select 'bronze_transactions_have_required_keys'::text as check_name, 'scout'::text as schema_name,
       'bronze_transactions'::text as table_name, 'bronze'::text as layer, 'completeness'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where k.ok) as passed,
       pg_catalog.count(*) filter (where not k.ok) as failed,
       'payloads holding transaction_id, date, amount and category'::text as detail,
       pg_catalog.array_agg(k.id::text) filter (where not k.ok) as failing_keys,
       pg_catalog.count(*) filter (where k.ok and k.recent) as recent_passed,
       pg_catalog.count(*) filter (where not k.ok and k.recent) as recent_failed
  from (select b.id, b.raw_data ?& array['transaction_id', 'date', 'amount', 'category'] as ok,
               b.ingested_at >= w.since as recent
          from scout.bronze_transactions b
         cross join (select (select scout_internal.dq_recent_since()) as since) w
        offset 0) k;  -- each row's verdict computed once, not once per aggregate
select scout_internal.register_check('scout_checks.bronze_transactions_have_required_keys', 'Completeness of Bronze transactions: every payload names the keys Silver requires.');
