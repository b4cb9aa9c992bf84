-- scout_checks.bronze_transactions_have_required_keys judged from its previous result
-- and the Bronze rows that arrived since: a payload's keys never change, so the rows
-- judged before keep their verdicts while Bronze has removed and updated nothing.
-- No row when that does not hold: the view judges every row again.
create or replace function scout_internal.dq_delta_bronze_transactions_have_required_keys(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
-- the few new rows by index, never a read of all of Bronze
set enable_seqscan = off
as $fn$
    with verdicts as (
        select n.id, n.raw_data ?& array['transaction_id', 'date', 'amount', 'category'] as ok
          from scout_internal.dq_new_bronze_transactions(p_then) n
         where n.arrived
        offset 0),
    recent as (  -- the recent figures read the rows that arrived since the window's start
        select pg_catalog.count(*) filter (where b.raw_data ?& array['transaction_id', 'date', 'amount', 'category']) as ok,
               pg_catalog.count(*) filter (where not b.raw_data ?& array['transaction_id', 'date', 'amount', 'category']) as bad
          from scout_internal.dq_bronze_transactions_arrived(scout_internal.dq_recent_since()) b)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed + (select pg_catalog.count(*) from verdicts v where v.ok),
           d.failed + (select pg_catalog.count(*) from verdicts v where not v.ok),
           d.detail,
           (select pg_catalog.array_agg(v.id::text) from verdicts v where not v.ok), '{}'::text[],
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'bronze_transactions_have_required_keys'
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}')
$fn$;
comment on function scout_internal.dq_delta_bronze_transactions_have_required_keys(jsonb, jsonb) is
    'The check scout_checks.bronze_transactions_have_required_keys judged from its result in run p_then ->> ''run_id'' and the Bronze rows that arrived since p_then''s statement context (scout_internal.dq_new_bronze_transactions); no row unless scout_internal.dq_delta_allowed (Bronze unchanged but for inserts).';
revoke all on function scout_internal.dq_delta_bronze_transactions_have_required_keys(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_bronze_transactions_have_required_keys(jsonb, jsonb) to service_role;
