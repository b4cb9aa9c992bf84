-- scout_checks.silver_store_ids_are_known judged from its previous result and the
-- Silver keys that changed since (every change logged): a sale's verdict depends on its
-- store_id and the store list alone, so only the changed keys are judged, each against
-- what it was then. No row when that does not hold: the view judges every row again.
create or replace function scout_internal.dq_delta_silver_store_ids_are_known(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
set enable_seqscan = off  -- the few changed keys by index (see dq_changed_silver_keys)
as $fn$
    with changed as materialized (
        select k.transaction_id, k.existed_then and k.old_store_id is not null as counted_then,
               f.business_key is not null as failed_then,
               s.store_id is not null as counted_now, r.store_id is not null as known_now
          from scout_internal.dq_changed_silver_keys(p_then) k
          left join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
          left join scout.ref_stores r on r.store_id = s.store_id
          left join test_failures.silver_validated_transactions f
                 on f.check_name = 'silver_store_ids_are_known' and f.business_key = k.transaction_id),
    recent as (
        select pg_catalog.count(*) filter (where r.store_id is not null) as ok,
               pg_catalog.count(*) filter (where r.store_id is null) as bad
          from scout_internal.dq_recent_silver_transactions(scout_internal.dq_recent_since()) s
          left join scout.ref_stores r on r.store_id = s.store_id
         where s.store_id is not null)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from changed x where x.counted_then and not x.failed_then)
                    + (select pg_catalog.count(*) from changed x where x.counted_now and x.known_now),
           d.failed - (select pg_catalog.count(*) from changed x where x.failed_then)
                    + (select pg_catalog.count(*) from changed x where x.counted_now and not x.known_now),
           d.detail,
           (select pg_catalog.array_agg(x.transaction_id) from changed x
             where x.counted_now and not x.known_now and not x.failed_then),
           coalesce((select pg_catalog.array_agg(x.transaction_id) from changed x
                      where x.failed_then and not (x.counted_now and not x.known_now)), '{}'),
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_store_ids_are_known'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.silver_validated_transactions f where f.check_name = d.check_name) = d.failed
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}', '{scout.silver_validated_transactions}')
$fn$;
comment on function scout_internal.dq_delta_silver_store_ids_are_known(jsonb, jsonb) is
    'The check scout_checks.silver_store_ids_are_known judged from its result in run p_then ->> ''run_id'' and the Silver keys changed since p_then''s statement context (scout_internal.dq_changed_silver_keys), each against its verdict then; no row unless scout_internal.dq_delta_allowed with every Silver write since logged and the stores unchanged.';
revoke all on function scout_internal.dq_delta_silver_store_ids_are_known(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_silver_store_ids_are_known(jsonb, jsonb) to service_role;
