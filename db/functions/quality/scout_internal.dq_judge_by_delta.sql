-- A check judged by its delta function, scout_internal.dq_delta_<view>(p_then, p_now),
-- from its previous result and what changed since, into pg_temp.dq_run_results (step 1
-- of scout.run_dq_checks, scout_internal.dq_run_checks). Returns the results written:
-- 0 when the view has no delta function, the function declined (it returns no row when
-- it cannot tell what changed) or failed; then the view judges every row.
create or replace function scout_internal.dq_judge_by_delta(
    p_view name,          -- the check view of scout_checks
    p_then jsonb,         -- its previous result's inputs_seen
    p_now jsonb,          -- what it reads now (scout_internal.dq_check_inputs, with removals)
    p_then_run bigint     -- the run that holds its previous result
)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_function text := pg_catalog.format('scout_internal.%I', 'dq_delta_' || p_view);
    v_rows bigint := 0;
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_judge_by_delta');
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], recent_passed bigint, recent_failed bigint, recent_carried boolean, timeliness numeric, inputs_seen jsonb, reused_from_run_id bigint, seconds numeric, delta_of_run_id bigint, keys_cleared text[])';
    if pg_catalog.to_regprocedure(v_function || '(jsonb, jsonb)') is null then
        return 0;
    end if;
    begin
        -- one statement: the delta and the context it records share a snapshot
        execute pg_catalog.format(
            'insert into pg_temp.dq_run_results (check_name, schema_name, table_name, layer, dimension, level, passed,
                                                 failed, detail, failing_keys, recent_passed, recent_failed, inputs_seen,
                                                 delta_of_run_id, keys_cleared)
             select check_name, schema_name, table_name, layer, dimension, level, passed, failed, detail, failing_keys,
                    recent_passed, recent_failed,
                    $2 || pg_catalog.jsonb_build_object(''judged'', scout_internal.dq_statement_context(), ''delta_of_run'', $3),
                    $3, keys_cleared
               from %s($1, $2)', v_function)
            using p_then || pg_catalog.jsonb_build_object('run_id', p_then_run), p_now, p_then_run;
        get diagnostics v_rows = row_count;
        -- one result per result of the view's previous judgement, or none: a delta that
        -- names other checks than the view did is no verdict either
        if v_rows > 0 and v_rows <> (select pg_catalog.count(*) from ip_workbench.dq_results d
                                      where d.run_id = p_then_run
                                        and d.inputs_seen ->> 'view' = pg_catalog.format('scout_checks.%I', p_view)) then
            delete from pg_temp.dq_run_results r where r.seconds is null;
            return 0;
        end if;
    exception when others then
        -- a delta that fails is no verdict: the view judges every row
        raise warning 'data-quality check %: its delta function failed (%, SQLSTATE %); judging every row',
            p_view, sqlerrm, sqlstate;
        return 0;
    end;
    -- the alert's samples: the keys that fail since, else a few that failed before
    update pg_temp.dq_run_results r
       set failing_keys = (select pg_catalog.array_agg(f.key)
                             from (select k.key from scout_internal.dq_failing_keys(r.check_name, r.schema_name, r.table_name) k(key)
                                    where k.key <> all (r.keys_cleared) limit 5) f)
     where r.seconds is null and r.delta_of_run_id is not null and r.failing_keys is null and r.failed > 0;
    return v_rows;
end
$fn$;
comment on function scout_internal.dq_judge_by_delta(name, jsonb, jsonb, bigint) is
    'Step of scout_internal.dq_run_checks: judges check view p_view by its delta function scout_internal.dq_delta_<p_view>(p_then with run_id p_then_run, p_now), if it has one, into pg_temp.dq_run_results (delta_of_run_id, keys_cleared; inputs_seen with the statement context ''judged'' and delta_of_run), with a few failing keys as the alert''s samples where no key fails anew. Returns the results written: 0 when there is no delta function, it declined (no row), it failed (a warning) or it gave another number of results than the view''s previous judgement, and the view must judge every row. Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_judge_by_delta(name, jsonb, jsonb, bigint) from public;
grant execute on function scout_internal.dq_judge_by_delta(name, jsonb, jsonb, bigint) to service_role;
