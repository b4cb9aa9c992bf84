-- Keeps the run log from growing forever: ip_workbench.job_runs (with their steps)
-- and, where pg_cron lives in this database, its cron.job_run_details.
create or replace function scout_internal.purge_run_log(p_wait boolean default false)
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
    v_before timestamptz;
    v_runs bigint;
    v_cron bigint := 0;
begin
    v_run := scout_internal.job_start('scout_internal.purge_run_log', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    begin
        v_before := pg_catalog.now() - pg_catalog.make_interval(days => (scout_internal.setting('run_log_retention_days'))::int);
        delete from ip_workbench.job_runs r
         where r.started_at < v_before and r.id <> (v_run ->> 'run_id')::bigint and r.status <> 'running';
        get diagnostics v_runs = row_count;
        -- to_regclass itself raises 42501 for a role without USAGE on schema cron
        -- (service_role on Supabase), so look at the privileges first
        if pg_catalog.to_regnamespace('cron') is not null
           and pg_catalog.has_schema_privilege('cron', 'USAGE')
           and pg_catalog.to_regclass('cron.job_run_details') is not null then
            begin
                execute 'delete from cron.job_run_details d where d.end_time < $1' using v_before;
                get diagnostics v_cron = row_count;
            exception when insufficient_privilege then
                v_cron := null;  -- pg_cron's log belongs to the role that scheduled the jobs
            end;
        end if;
        perform scout_internal.touch_table('ip_workbench', 'job_runs', v_runs, -v_runs);
        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok', 'before', v_before, 'job_runs', v_runs, 'cron_job_run_details', v_cron));
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, 'purge_run_log', sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout_internal.purge_run_log(boolean) is
    'Deletes run log rows started more than run_log_retention_days ago (ip_workbench.settings): ip_workbench.job_runs with their steps, and cron.job_run_details where pg_cron is in this database. Returns {"status", "before", "job_runs", "cron_job_run_details", …}.';
revoke all on function scout_internal.purge_run_log(boolean) from public;
-- Owner only: scheduled by pg_cron as the owner.
