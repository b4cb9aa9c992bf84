-- The end of a run that did its work: the run row gets the result.
create or replace function scout_internal.job_finish(p_run jsonb, p_result jsonb)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_result jsonb := p_result || pg_catalog.jsonb_build_object(
        'run_id', p_run -> 'run_id',
        'seconds', pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - (p_run ->> 'started_at')::timestamptz)::numeric, 3));
begin
    update ip_workbench.job_runs r
       set status = case when p_result ->> 'status' = 'failed' then 'failed' else 'ok' end,
           finished_at = pg_catalog.clock_timestamp(),
           details = v_result,
           failed_step = p_result ->> 'step', sqlstate = p_result ->> 'sqlstate', message = p_result ->> 'message'
     where r.id = (p_run ->> 'run_id')::bigint;
    -- people hear of a failed run of a job the scheduler started, and that it is over
    -- once the job runs well again; a job inside another (parent_id) fails its parent,
    -- which is the one alert
    perform scout_internal.job_alert(r.job_name, r.id, r.status, v_result)
       from ip_workbench.job_runs r
      where r.id = (p_run ->> 'run_id')::bigint and r.parent_id is null;
    return v_result;
end
$fn$;
comment on function scout_internal.job_finish(jsonb, jsonb) is
    'Closes the run p_run (from scout_internal.job_start) with result p_result: status ok, or failed when p_result says so (with its step, sqlstate and message), and settles the job''s alert (scout_internal.job_alert) unless the run is inside another job''s; returns p_result with run_id and seconds.';
revoke all on function scout_internal.job_finish(jsonb, jsonb) from public;
grant execute on function scout_internal.job_finish(jsonb, jsonb) to service_role;
