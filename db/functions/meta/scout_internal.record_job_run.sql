-- One row in ip_workbench.job_runs per finished (or skipped) run; returns the
-- details so a job can end with `return scout_internal.record_job_run(…)`.
create or replace function scout_internal.record_job_run(p_job text, p_started timestamptz, p_status text, p_details jsonb)
returns jsonb
language sql
volatile
set search_path = ''
as $fn$
    insert into ip_workbench.job_runs (job_name, started_at, finished_at, status, details)
    values (p_job, p_started, pg_catalog.clock_timestamp(), p_status, p_details)
    returning details
$fn$;
comment on function scout_internal.record_job_run(text, timestamptz, text, jsonb) is
    'Records a run of p_job (started at p_started, ending now) with its status and result document in ip_workbench.job_runs; returns p_details.';
revoke all on function scout_internal.record_job_run(text, timestamptz, text, jsonb) from public;
grant execute on function scout_internal.record_job_run(text, timestamptz, text, jsonb) to service_role;
