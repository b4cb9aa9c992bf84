-- Registers the scheduled jobs of ip_workbench.jobs with pg_cron by name, so
-- running it again (every scout-db migrate does) updates them and adds nothing;
-- a scout_* cron job no longer in the registry is removed. pg_cron lives in one
-- database (cron.database_name): elsewhere this is a notice, and scout-db jobs
-- install schedules the jobs from that database with cron.schedule_in_database.
-- Jobs are code: what pg_cron runs is derived here from a scheduled job's name, a
-- function of this project (schema scout or scout_internal, no arguments, owned by
-- the role scheduling it), never taken from a text column someone else could write.
create or replace function scout_internal.cron_commands()
returns table (cron_name text, schedule text, command text)
language plpgsql
stable
set search_path = ''
as $fn$
declare
    v_job record;
    v_function record;
begin
    for v_job in select j.name, j.cron_name, j.schedule from ip_workbench.jobs j
                  where j.cron_name is not null order by j.cron_name loop
        -- exactly one function of that name, callable with no arguments (all have defaults)
        select n.nspname, p.proname, p.proowner into v_function
          from pg_catalog.pg_proc p
          join pg_catalog.pg_namespace n on n.oid = p.pronamespace
         where n.nspname in ('scout', 'scout_internal')
           and n.nspname = pg_catalog.split_part(v_job.name, '.', 1)
           and p.proname = pg_catalog.split_part(v_job.name, '.', 2)
           and v_job.name = n.nspname || '.' || p.proname
           and p.prokind = 'f' and p.pronargs = p.pronargdefaults;
        if not found or not pg_catalog.pg_has_role(v_function.proowner, 'USAGE') then
            raise exception 'job % is not a function of this project callable without arguments and owned by %: not scheduled',
                v_job.name, current_user
                using errcode = '42501',
                      hint = 'A scheduled job''s name must be a function in schema scout or scout_internal, owned by the scheduling role, whose arguments all have defaults.';
        end if;
        cron_name := v_job.cron_name;
        schedule := v_job.schedule;
        command := pg_catalog.format('select %I.%I()', v_function.nspname, v_function.proname);
        return next;
    end loop;
end
$fn$;
comment on function scout_internal.cron_commands() is
    'The scheduled jobs of ip_workbench.jobs as pg_cron should run them: cron_name, schedule, and the command derived from the job''s name (select <function>()), after checking the name is a function of schema scout or scout_internal, callable without arguments, that the caller owns (42501 otherwise). The only source of what scout_internal.install_cron_jobs and scout-db jobs install schedule.';
revoke all on function scout_internal.cron_commands() from public;

create or replace function scout_internal.install_cron_jobs()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_job record;
    v_installed jsonb := '[]'::jsonb;
    v_removed jsonb := '[]'::jsonb;
    v_conflicts jsonb := '[]'::jsonb;
begin
    if pg_catalog.to_regnamespace('cron') is null then
        raise notice 'pg_cron is not in database %: the scout jobs are not scheduled here; run scout-db jobs install (it schedules them from pg_cron''s database), or schedule their commands with another scheduler',
            pg_catalog.current_database();
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'pg_cron is not in this database');
    end if;
    for v_job in select j.cron_name, j.schedule, j.command, c.database as elsewhere
                   from scout_internal.cron_commands() j
                   left join cron.job c on c.jobname = j.cron_name and c.username = current_user
                                       and c.database <> pg_catalog.current_database()
                  order by j.cron_name loop
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
