-- Validity of Silver: its rows still meet the rules, reference data included (a
-- category retired after its rows were validated fails here until a backfill).
create or replace view scout_checks.silver_transaction_rules_hold
with (security_invoker = true)
as
select 'silver_transaction_rules_hold'::text as check_name, 'scout'::text as schema_name,
       'silver_validated_transactions'::text as table_name, 'silver'::text as layer, 'validity'::text as dimension,
       'error'::text as level,
       pg_catalog.count(*) filter (where v.ok) as passed,
       pg_catalog.count(*) filter (where not v.ok) as failed,
       'amount and quantity positive, tax not negative, a 3-letter currency, an active category'::text as detail,
       pg_catalog.array_agg(v.transaction_id) filter (where not v.ok) as failing_keys,
       pg_catalog.count(*) filter (where v.ok and v.recent) as recent_passed,
       pg_catalog.count(*) filter (where not v.ok and v.recent) as recent_failed
  from (select s.transaction_id, s.ingested_at >= n.since as recent,
               s.amount > 0 and s.quantity > 0 and coalesce(s.tax_amount >= 0, true)
               and s.currency ~ '^[A-Z]{3}$' and c.name is not null as ok
          from scout.silver_validated_transactions s
          left join scout.ref_categories c on c.name = s.category and c.is_active
         cross join (select (select scout_internal.dq_recent_since()) as since) n
        offset 0) v;  -- each row's verdict computed once, not once per aggregate
select scout_internal.register_check('scout_checks.silver_transaction_rules_hold', 'Validity of Silver: its rows still meet the rules, reference data included (a category retired after its rows were validated fails here until a backfill).');
