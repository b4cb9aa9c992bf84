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
    v_conflicts jsonb := '[]';
begin
    if pg_catalog.to_regnamespace('cron') is null then
        raise notice 'pg_cron is not in database %: the scout jobs are not scheduled here; run scout-db jobs install (it schedules them from pg_cron''s database), or schedule their commands with another scheduler',
            pg_catalog.current_database();
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'pg_cron is not in this database');
    end if;
    for v_job in select j.cron_name, j.schedule, j.command, c.database as elsewhere
                   from ip_workbench.jobs j
                   left join cron.job c on c.jobname = j.cron_name and c.username = current_user
                                       and c.database <> pg_catalog.current_database()
                  where j.cron_name is not null order by j.cron_name loop
        if v_job.elsewhere is not null then
            -- pg_cron names jobs per role, not per database: scheduling it here would move it
            raise warning 'pg_cron job % of role % already runs in database %: not scheduled here; unschedule it there first, or schedule this database''s jobs as another role',
                v_job.cron_name, current_user, v_job.elsewhere;
            v_conflicts := v_conflicts || pg_catalog.to_jsonb(v_job.cron_name);
            continue;
        end if;
        perform cron.schedule(v_job.cron_name, v_job.schedule, v_job.command);
        v_installed := v_installed || pg_catalog.to_jsonb(v_job.cron_name);
    end loop;
    for v_job in select c.jobid, c.jobname from cron.job c
                  where c.jobname like 'scout\_%' and c.database = pg_catalog.current_database()
                    and c.jobname not in (select j.cron_name from ip_workbench.jobs j where j.cron_name is not null) loop
        perform cron.unschedule(v_job.jobid);
        v_removed := v_removed || pg_catalog.to_jsonb(v_job.jobname);
    end loop;
    return pg_catalog.jsonb_build_object('status', case when v_conflicts = '[]' then 'ok' else 'conflict' end,
                                         'installed', v_installed, 'removed', v_removed, 'conflicts', v_conflicts);
end
$fn$;
comment on function scout_internal.install_cron_jobs() is
    'Schedules every job of ip_workbench.jobs that has a cron_name with pg_cron (cron.schedule by name: idempotent) and unschedules scout_* jobs of this database no longer registered. A job name this role already schedules in another database is left alone with a warning (pg_cron names jobs per role). Returns {"status": ok|conflict, "installed", "removed", "conflicts"}; a notice and {"status": "skipped"} where pg_cron is not in this database.';
revoke all on function scout_internal.install_cron_jobs() from public;
-- Owner only: pg_cron runs each job as the role that scheduled it.
