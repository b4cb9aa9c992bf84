-- The hourly job (the old scout_transformation DAG): Bronze freshness → Silver →
-- Silver checks → Gold → Gold checks → the teams' marts → metadata, each step recorded with its rows
-- and seconds. A step that fails, or Silver checks that fail, stop the run there:
-- Gold is never built from a Silver that did not pass; the steps before stay done.
create or replace function scout.run_transformations(p_wait boolean default false, p_platinum boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
-- no JIT: compiling a statement the planner prices high takes 0.1-0.4 s, more than
-- the job's statements over a delta or a small mart take to run, and its largest
-- statements gained nothing measurable from it (bench/README.md, "JIT")
set jit = off
as $fn$
declare
    v_run jsonb;
    v_run_id bigint;
    v_steps jsonb := '[]'::jsonb;
    v_step jsonb;
    v_position int := 0;
    v_plan text[] := array['bronze_freshness', 'silver', 'silver_checks', 'gold', 'gold_checks', 'marts']
                     || case when p_platinum then array['platinum'] else '{}'::text[] end
                     || array['metadata'];
    v_name text;
begin
    v_run := scout_internal.job_start('scout.run_transformations', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    v_run_id := (v_run ->> 'run_id')::bigint;
    -- the refreshes it calls record themselves as steps of this run
    perform pg_catalog.set_config('scout.parent_run_id', v_run_id::text, true);
    foreach v_name in array v_plan loop
        v_position := v_position + 1;
        v_step := scout_internal.run_step(v_run_id, v_position, v_name, case v_name
            when 'bronze_freshness' then 'scout_internal.bronze_freshness()'
            when 'silver' then 'scout.refresh_silver(true)'
            when 'silver_checks' then 'scout_internal.check_silver_delta()'
            when 'gold' then 'scout.refresh_gold(true)'
            when 'gold_checks' then 'scout_internal.check_gold_changes()'
            when 'marts' then 'scout_internal.refresh_marts()'
            when 'platinum' then 'scout.refresh_platinum(true)'
            when 'metadata' then 'scout_internal.record_run_metadata()'
        end);
        v_steps := v_steps || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
            'step', v_name, 'status', v_step ->> 'step_status', 'seconds', v_step -> 'step_seconds',
            'result', v_step - array['step', 'step_status', 'step_seconds']));
        if v_step ->> 'step_status' = 'failed' then
            perform pg_catalog.set_config('scout.parent_run_id', '', true);
            if v_name = 'silver_checks' then
                -- the same alert the daily checks raise: people hear of it now, not tomorrow
                perform scout_internal.dq_raise_alert('scout', 'silver_validated_transactions', 'silver',
                    pg_catalog.round(100.0 * ((v_step ->> 'rows')::bigint - (v_step ->> 'unaccounted')::bigint)
                                     / greatest((v_step ->> 'rows')::bigint, 1), 2),
                    (scout_internal.setting('dq_alert_threshold'))::numeric,
                    pg_catalog.jsonb_build_object('integrity', pg_catalog.round(100.0 * ((v_step ->> 'rows')::bigint
                        - (v_step ->> 'unaccounted')::bigint) / greatest((v_step ->> 'rows')::bigint, 1), 2)),
                    pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                        'check', 'run_transformations.silver_checks', 'failed', v_step -> 'unaccounted',
                        'detail', v_step ->> 'message', 'sample_keys', v_step -> 'sample_bronze_ids')),
                    v_run_id);
            end if;
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'failed', 'step', v_name,
                'sqlstate', coalesce(v_step ->> 'sqlstate', case when v_name like '%checks' then 'check_failed' end),
                'message', coalesce(v_step ->> 'message', 'step ' || v_name || ' failed')
                           || case when v_name = 'silver_checks' then '; Gold was not refreshed' else '' end,
                'steps', v_steps)
                -- failing checks paged as the data-quality alert above: not a second page for the run
                || case when v_name = 'silver_checks' then '{"paged_as": "data_quality"}'::jsonb else '{}'::jsonb end);
        end if;
    end loop;
    perform pg_catalog.set_config('scout.parent_run_id', '', true);
    return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object('status', 'ok', 'steps', v_steps));
end
$fn$;
comment on function scout.run_transformations(boolean, boolean) is
    'The hourly pipeline: Bronze freshness, scout.refresh_silver, the Silver checks, scout.refresh_gold, the Gold checks, the marts defined with ip_workbench.define_mart (scout_internal.refresh_marts), (scout.refresh_platinum when p_platinum), metadata; each step recorded in ip_workbench.job_run_steps. Stops at a failing step or failing Silver checks (before Gold) with status failed, keeping the steps before; failing Silver checks also raise a data-quality alert (scout_internal.dq_raise_alert), which stands for the run (its result says paged_as data_quality, and no job_failed alert is raised); any other failure raises the job''s alert (scout_internal.job_alert). Returns {"status", "steps": [{"step", "status", "seconds", "result"}…], "run_id", "seconds"}; a concurrent second call returns {"status": "skipped"} at once, or waits when p_wait is true.';
revoke all on function scout.run_transformations(boolean, boolean) from public;
grant execute on function scout.run_transformations(boolean, boolean) to service_role;
