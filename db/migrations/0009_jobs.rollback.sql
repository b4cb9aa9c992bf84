delete from ip_workbench.tables where schema_name = 'ip_workbench' and table_name in ('jobs', 'job_runs', 'job_run_steps');
delete from ip_workbench.settings where name in
    ('bronze_retention_days', 'silver_retention_days', 'silver_purged_before', 'gold_retention_days', 'run_log_retention_days');
drop table if exists ip_workbench.job_run_steps;
delete from ip_workbench.job_runs where status = 'abandoned';
alter table ip_workbench.job_runs drop constraint if exists job_runs_parent_id_fkey;
alter table ip_workbench.job_runs
    drop column if exists parent_id, drop column if exists failed_step, drop column if exists sqlstate,
    drop column if exists message, drop column if exists pid, drop column if exists backend_start;
alter table ip_workbench.job_runs drop constraint job_runs_status_check;
alter table ip_workbench.job_runs add constraint job_runs_status_check
    check (status in ('running', 'succeeded', 'failed', 'skipped'));
-- cascade: functions from db/functions read it; the next migrate re-creates them
drop table if exists ip_workbench.jobs cascade;
