-- A run that pg_cron started and that never returned (its backend terminated, the
-- server crashed) took its own run row with it; pg_cron's log kept the failure.
-- Copy such failures of this job into the run log, once each, as abandoned.
create or replace function scout_internal.import_cron_failures(p_job ip_workbench.jobs)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_imported bigint := 0;
begin
    if p_job.cron_name is null or pg_catalog.to_regclass('cron.job_run_details') is null then
        return 0;
    end if;
    begin
        execute $sql$
            insert into ip_workbench.job_runs (job_name, started_at, finished_at, status, message, details)
            select $1, coalesce(d.start_time, d.end_time, pg_catalog.now()), coalesce(d.end_time, pg_catalog.now()),
                   'abandoned', 'pg_cron: ' || coalesce(d.return_message, d.status),
                   pg_catalog.jsonb_build_object('cron_runid', d.runid, 'cron_status', d.status)
              from cron.job_run_details d
              join cron.job j on j.jobid = d.jobid
             where j.jobname = $2 and j.database = pg_catalog.current_database() and d.status = 'failed'
               and d.runid > coalesce((select pg_catalog.max((r.details ->> 'cron_runid')::bigint)
                                         from ip_workbench.job_runs r
                                        where r.job_name = $1 and r.details ? 'cron_runid'), 0)$sql$
            using p_job.name, p_job.cron_name;
        get diagnostics v_imported = row_count;
    exception when insufficient_privilege then
        return 0;  -- pg_cron's log is the scheduling role's own; this caller cannot read it
    end;
    return v_imported;
end
$fn$;
comment on function scout_internal.import_cron_failures(ip_workbench.jobs) is
    'Copies the runs of p_job that pg_cron logged as failed (cron.job_run_details; a backend terminated or a crash, so the run''s own row was rolled back) into ip_workbench.job_runs as abandoned, once each; returns how many. 0 where pg_cron is not in this database or its log is not readable.';
revoke all on function scout_internal.import_cron_failures(ip_workbench.jobs) from public;
grant execute on function scout_internal.import_cron_failures(ip_workbench.jobs) to service_role;
