-- scout_checks.silver_one_row_per_transaction_id judged from its previous result and the
-- Silver keys that changed since (every change logged): a key added or removed moves
-- the count of keys; none fails while Silver's primary key holds, so a previous result
-- with a failure is judged whole again. No row when that does not hold.
create or replace function scout_internal.dq_delta_silver_one_row_per_transaction_id(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
set enable_seqscan = off  -- the few changed keys by index (see dq_changed_silver_keys)
as $fn$
    with changed as materialized (
        select k.existed_then, exists (select 1 from scout.silver_validated_transactions s
                                        where s.transaction_id = k.transaction_id) as exists_now
          from scout_internal.dq_changed_silver_keys(p_then) k)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from changed x where x.existed_then)
                    + (select pg_catalog.count(*) from changed x where x.exists_now),
           d.failed, d.detail, null::text[], '{}'::text[],
           -- a view without recent figures counts the same in both
           d.passed - (select pg_catalog.count(*) from changed x where x.existed_then)
                    + (select pg_catalog.count(*) from changed x where x.exists_now),
           d.failed
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_one_row_per_transaction_id'
       and d.failed = 0
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}', '{scout.silver_validated_transactions}')
$fn$;
comment on function scout_internal.dq_delta_silver_one_row_per_transaction_id(jsonb, jsonb) is
    'The check scout_checks.silver_one_row_per_transaction_id judged from its result in run p_then ->> ''run_id'' (which found no duplicate) and the Silver keys added and removed since p_then''s statement context (scout_internal.dq_changed_silver_keys); no row unless scout_internal.dq_delta_allowed with every Silver write since logged.';
revoke all on function scout_internal.dq_delta_silver_one_row_per_transaction_id(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_silver_one_row_per_transaction_id(jsonb, jsonb) to service_role;
