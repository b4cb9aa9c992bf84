do $failures$
declare
    v_table regclass;
begin
    for v_table in select c.oid::regclass from pg_catalog.pg_class c
                    where c.relnamespace = 'test_failures'::regnamespace and c.relkind = 'r' order by 1 loop
        execute pg_catalog.format('alter table %s drop column id', v_table);
    end loop;
end
$failures$;
alter table scout.gold_pending_changes drop column id;
alter table scout.gold_pending_days drop column id;
do $sequences$
declare
    v_job record;
begin
    for v_job in select pg_catalog.replace(j.name, '.', '_') || '_last_xact' as sequence_name
                   from ip_workbench.jobs j order by j.name loop
        execute pg_catalog.format('drop sequence if exists scout_internal.%I', v_job.sequence_name);
    end loop;
end
$sequences$;
drop index ip_workbench.job_runs_job_name_xact_id_idx;
alter table ip_workbench.job_runs drop column xact_id;
grant insert, update, delete, truncate on table ip_workbench.jobs to service_role;
drop policy "service_role reads all rows" on ip_workbench.jobs;
create policy "service_role manages all rows" on ip_workbench.jobs for all to service_role using (true) with check (true);
comment on policy "service_role manages all rows" on ip_workbench.jobs is 'The backend role used by the pipeline and trusted services reads and writes every row.';
alter table ip_workbench.jobs drop constraint jobs_scheduled_command_check;
comment on column ip_workbench.jobs.command is 'The SQL pg_cron runs for it.';
update ip_workbench.settings
   set description = 'A first load into an empty Silver of at least this many Bronze rows drops Silver''s secondary indexes and builds them again after the insert (several times faster than growing them row by row; Silver is locked until the load commits). Only when the caller owns the table. Default 100000.'
 where name = 'silver_first_load_rebuilds_indexes_from';
