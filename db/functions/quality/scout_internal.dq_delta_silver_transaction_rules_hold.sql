-- scout_checks.silver_transaction_rules_hold judged from its previous result and the
-- Silver keys that changed since (every change logged, scout_internal.dq_writes_logged):
-- a row's verdict depends on the row and the active categories alone, so only the
-- changed keys are judged, each against what it was then (failing: its key is in
-- test_failures). No row when that does not hold: the view judges every row again.
create or replace function scout_internal.dq_delta_silver_transaction_rules_hold(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
set enable_seqscan = off  -- the few changed keys by index (see dq_changed_silver_keys)
as $fn$
    with changed as materialized (
        select k.transaction_id, k.existed_then, f.business_key is not null as failed_then,
               s.transaction_id is not null as exists_now,
               s.amount > 0 and s.quantity > 0 and coalesce(s.tax_amount >= 0, true)
               and s.currency ~ '^[A-Z]{3}$' and c.name is not null as ok_now
          from scout_internal.dq_changed_silver_keys(p_then) k
          left join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
          left join scout.ref_categories c on c.name = s.category and c.is_active
          left join test_failures.silver_validated_transactions f
                 on f.check_name = 'silver_transaction_rules_hold' and f.business_key = k.transaction_id),
    recent as (
        select pg_catalog.count(*) filter (where c.name is not null and s.amount > 0 and s.quantity > 0
                                           and coalesce(s.tax_amount >= 0, true) and s.currency ~ '^[A-Z]{3}$') as ok,
               pg_catalog.count(*) filter (where not (c.name is not null and s.amount > 0 and s.quantity > 0
                                           and coalesce(s.tax_amount >= 0, true) and s.currency ~ '^[A-Z]{3}$')) as bad
          from scout_internal.dq_recent_silver_transactions(scout_internal.dq_recent_since()) s
          left join scout.ref_categories c on c.name = s.category and c.is_active)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from changed x where x.existed_then and not x.failed_then)
                    + (select pg_catalog.count(*) from changed x where x.exists_now and x.ok_now),
           d.failed - (select pg_catalog.count(*) from changed x where x.failed_then)
                    + (select pg_catalog.count(*) from changed x where x.exists_now and not x.ok_now),
           d.detail,
           (select pg_catalog.array_agg(x.transaction_id) from changed x
             where x.exists_now and not x.ok_now and not x.failed_then),
           coalesce((select pg_catalog.array_agg(x.transaction_id) from changed x
                      where x.failed_then and not (x.exists_now and not x.ok_now)), '{}'),
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_transaction_rules_hold'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.silver_validated_transactions f where f.check_name = d.check_name) = d.failed
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}', '{scout.silver_validated_transactions}')
$fn$;
comment on function scout_internal.dq_delta_silver_transaction_rules_hold(jsonb, jsonb) is
    'The check scout_checks.silver_transaction_rules_hold judged from its result in run p_then ->> ''run_id'' and the Silver keys changed since p_then''s statement context (scout_internal.dq_changed_silver_keys), each against its verdict then (test_failures.silver_validated_transactions); no row unless scout_internal.dq_delta_allowed with every Silver write since logged and the categories unchanged.';
revoke all on function scout_internal.dq_delta_silver_transaction_rules_hold(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_silver_transaction_rules_hold(jsonb, jsonb) to service_role;
