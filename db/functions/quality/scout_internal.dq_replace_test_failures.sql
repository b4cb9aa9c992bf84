-- The data-quality job's third step: each checked table's failing keys replace the
-- previous run's in its test_failures table (dbt's --store-failures). A check that kept
-- its judgement (nothing it reads changed) keeps its rows, with the run that found
-- them: rewriting 200,000 unchanged keys made a run with nothing new cost 4-7 s at 10M.
-- A check judged by its delta function (scout_internal.dq_run_checks) adds the keys that
-- fail since and removes those that pass now; the others keep the run that found them.
create or replace function scout_internal.dq_replace_test_failures(p_run_id bigint)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_table record;
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_replace_test_failures');
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], recent_passed bigint, recent_failed bigint, recent_carried boolean, timeliness numeric, inputs_seen jsonb, reused_from_run_id bigint, seconds numeric, delta_of_run_id bigint, keys_cleared text[])';
    for v_table in select c.relname from pg_catalog.pg_class c
                    where c.relnamespace = 'test_failures'::regnamespace and c.relkind = 'r' loop
        -- a check judged whole: its rows go (as do those of a check that no longer exists)
        execute pg_catalog.format(
            'delete from test_failures.%I f
              where not exists (select 1 from pg_temp.dq_run_results r
                                 where r.schema_name = ''scout'' and r.table_name = $1 and r.check_name = f.check_name
                                   and (r.reused_from_run_id is not null or r.delta_of_run_id is not null))', v_table.relname)
            using v_table.relname;
        -- a check judged by its delta: the keys that pass now go, the rest stay as found
        execute pg_catalog.format(
            'delete from test_failures.%I f
              using pg_temp.dq_run_results r
              where r.schema_name = ''scout'' and r.table_name = $1 and r.check_name = f.check_name
                and r.delta_of_run_id is not null and f.business_key = any (r.keys_cleared)', v_table.relname)
            using v_table.relname;
        execute pg_catalog.format(
            'insert into test_failures.%I (check_name, business_key, detail, run_id)
             select r.check_name, k.key, r.detail, $1
               from pg_temp.dq_run_results r cross join lateral pg_catalog.unnest(r.failing_keys) k(key)
              where r.schema_name = ''scout'' and r.table_name = $2 and k.key is not null
                and r.reused_from_run_id is null
                and (r.delta_of_run_id is null
                     or not exists (select 1 from test_failures.%I f where f.check_name = r.check_name and f.business_key = k.key))',
            v_table.relname, v_table.relname)
            using p_run_id, v_table.relname;
    end loop;
end
$fn$;
comment on function scout_internal.dq_replace_test_failures(bigint) is
    'Step 3 of scout.run_dq_checks: replaces the rows of every test_failures table with the failing keys of its table in pg_temp.dq_run_results, under run p_run_id; the rows of a check that kept an earlier run''s judgement (reused_from_run_id) stay as that run wrote them, and a check judged by its delta function (delta_of_run_id) loses the keys that pass now (keys_cleared) and gains those that fail since. Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_replace_test_failures(bigint) from public;
grant execute on function scout_internal.dq_replace_test_failures(bigint) to service_role;
