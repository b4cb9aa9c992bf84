-- Registers the scheduled jobs of ip_workbench.jobs with pg_cron by name, so
-- running it again (every scout-db migrate does) updates them and adds nothing;
-- a scout_* cron job no longer in the registry is removed. pg_cron lives in one
-- database (cron.database_name): elsewhere this is a notice, and scout-db jobs
-- install schedules the jobs from that database with cron.schedule_in_database.
create or replace function scout_internal.install_cron_jobs()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_job record;
    v_installed jsonb := '[]';
    v_removed jsonb := '[]';
begin
    if pg_catalog.to_regnamespace('cron') is null then
        raise notice 'pg_cron is not in database %: the scout jobs are not scheduled here; run scout-db jobs install (it schedules them from pg_cron''s database), or schedule their commands with another scheduler',
            pg_catalog.current_database();
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'pg_cron is not in this database');
    end if;
    for v_job in select j.cron_name, j.schedule, j.command from ip_workbench.jobs j
                  where j.cron_name is not null order by j.cron_name loop
        perform cron.schedule(v_job.cron_name, v_job.schedule, v_job.command);
        v_installed := v_installed || pg_catalog.to_jsonb(v_job.cron_name);
    end loop;
    for v_job in select c.jobid, c.jobname from cron.job c
                  where c.jobname like 'scout\_%' and c.database = pg_catalog.current_database()
                    and c.jobname not in (select j.cron_name from ip_workbench.jobs j where j.cron_name is not null) loop
        perform cron.unschedule(v_job.jobid);
        v_removed := v_removed || pg_catalog.to_jsonb(v_job.jobname);
    end loop;
    return pg_catalog.jsonb_build_object('status', 'ok', 'installed', v_installed, 'removed', v_removed);
end
$fn$;
comment on function scout_internal.install_cron_jobs() is
    'Schedules every job of ip_workbench.jobs that has a cron_name with pg_cron (cron.schedule by name: idempotent) and unschedules scout_* jobs of this database no longer registered. Returns {"status", "installed", "removed"}; a notice and {"status": "skipped"} where pg_cron is not in this database.';
revoke all on function scout_internal.install_cron_jobs() from public;
-- Owner only: pg_cron runs each job as the role that scheduled it.
