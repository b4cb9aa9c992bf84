-- A run's row committed before the run starts, for callers that can take two
-- transactions (scout-db run, scout-db jobs run): the next transaction sets
-- scout.run_id and calls the job, whose job_start takes this row over. If the run
-- never finishes (killed, crashed), the row stays running, and the job's next run
-- marks it abandoned.
create or replace function scout_internal.job_open_run(p_job text)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_id bigint;
begin
    if not exists (select 1 from ip_workbench.jobs j where j.name = p_job) then
        raise exception 'unknown job %', p_job
            using errcode = '42704', hint = 'scout-db jobs list shows the jobs.';
    end if;
    insert into ip_workbench.job_runs (job_name, status, pid, backend_start)
    values (p_job, 'running', pg_catalog.pg_backend_pid(),
            (select a.backend_start from pg_catalog.pg_stat_activity a where a.pid = pg_catalog.pg_backend_pid()))
    returning id into v_id;
    return v_id;
end
$fn$;
comment on function scout_internal.job_open_run(text) is
    'Records a run of job p_job as running and returns its id, to be committed before the run: call the job in the next transaction after set_config(''scout.run_id'', id, true), and its job_start takes the row over. A run that never finishes leaves the row, which the job''s next run marks abandoned.';
revoke all on function scout_internal.job_open_run(text) from public;
grant execute on function scout_internal.job_open_run(text) to service_role;
