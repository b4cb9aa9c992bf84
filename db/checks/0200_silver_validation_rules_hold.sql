-- The rules kept as data (scout.ref_validation_rules), one result per active rule over
-- Silver. A flag rule keeps its rows in Silver and reports them here as a warning (a
-- suspicious amount is worth a look, not a page). A reject rule's rows are rejected as
-- they arrive; those still here were accepted before the rule existed, an error until
-- scout.backfill judges them again.
create or replace view scout_checks.silver_validation_rules_hold
with (security_invoker = true)
as
select 'silver_rule_' || r.rule_name as check_name, 'scout'::text as schema_name,
       'silver_validated_transactions'::text as table_name, 'silver'::text as layer, 'validity'::text as dimension,
       case r.action when 'flag' then 'warning' else 'error' end as level,
       coalesce(v.rows, 0) - coalesce(v.broken, 0) as passed,
       coalesce(v.broken, 0) as failed,
       r.description || case r.action when 'flag' then ' (flagged: the rows stay in Silver, reason ' || r.reason_code || ')'
                                      else ' (rejects as ' || r.reason_code || '; rows here predate the rule: scout.backfill applies it)' end
           as detail,
       v.failing_keys,
       coalesce(v.recent_rows, 0) - coalesce(v.recent_broken, 0) as recent_passed,
       coalesce(v.recent_broken, 0) as recent_failed
  from scout.ref_validation_rules r
  left join lateral (
        select pg_catalog.count(*) as rows,
               pg_catalog.count(*) filter (where b.broken) as broken,
               pg_catalog.count(*) filter (where b.recent) as recent_rows,
               pg_catalog.count(*) filter (where b.recent and b.broken) as recent_broken,
               (pg_catalog.array_agg(b.transaction_id) filter (where b.broken)) as failing_keys
          from (select s.transaction_id, s.ingested_at >= (select scout_internal.dq_recent_since()) as recent,
                       scout_internal.breaks_rule(r, s.amount, s.quantity, s.tax_amount, s.currency, s.subcategory,
                                                  s.store_id, s.vendor_id, s.vendor_name, s.customer_id, s.sku,
                                                  s.payment_method, s.description) as broken
                  from scout.silver_validated_transactions s
                 where r.category is null or s.category = r.category
                offset 0) b) v on true
 where r.is_active;
select scout_internal.register_check('scout_checks.silver_validation_rules_hold', 'The validation rules kept as data (scout.ref_validation_rules), one result per active rule over Silver, named silver_rule_<rule_name>: a flag rule''s rows stay in Silver and are reported as a warning; a reject rule''s rows still in Silver were accepted before the rule existed, an error until scout.backfill judges them again.');
