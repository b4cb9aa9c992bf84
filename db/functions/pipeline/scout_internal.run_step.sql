-- One step of a run of scout.run_transformations: run p_sql (an expression that
-- returns jsonb), time it, and record it in ip_workbench.job_run_steps. An error
-- rolls back the step's own work only and is returned as a failed step, so the
-- run can stop there and say why.
create or replace function scout_internal.run_step(p_run_id bigint, p_position int, p_step text, p_sql text)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_started timestamptz := pg_catalog.clock_timestamp();
    v_result jsonb;
    v_status text;
begin
    begin
        execute 'select ' || p_sql into v_result;
    exception when others or query_canceled then
        v_result := pg_catalog.jsonb_build_object('status', 'failed', 'sqlstate', sqlstate, 'message', sqlerrm);
    end;
    v_status := case v_result ->> 'status' when 'failed' then 'failed' when 'skipped' then 'skipped' else 'ok' end;
    insert into ip_workbench.job_run_steps (run_id, position, step, status, rows, seconds, details)
    values (p_run_id, p_position, p_step, v_status,
            coalesce((v_result ->> 'rows')::bigint, (v_result ->> 'processed')::bigint, (v_result ->> 'changed_days')::bigint,
                     (v_result ->> 'embeddings')::bigint),
            pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - v_started)::numeric, 3),
            v_result);
    return v_result || pg_catalog.jsonb_build_object('step', p_step, 'step_status', v_status,
        'step_seconds', pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - v_started)::numeric, 3));
end
$fn$;
comment on function scout_internal.run_step(bigint, int, text, text) is
    'Runs one step of run p_run_id (the jsonb expression p_sql), records it as step p_position of ip_workbench.job_run_steps with its status, rows and seconds, and returns its result with "step", "step_status" and "step_seconds". An error becomes {"status": "failed", "sqlstate", "message"} with the step''s work rolled back.';
revoke all on function scout_internal.run_step(bigint, int, text, text) from public;
grant execute on function scout_internal.run_step(bigint, int, text, text) to service_role;
