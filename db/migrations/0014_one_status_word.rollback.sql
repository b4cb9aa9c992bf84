alter table ip_workbench.job_run_steps drop constraint job_run_steps_status_check;
update ip_workbench.job_run_steps set status = 'succeeded' where status = 'ok';
alter table ip_workbench.job_run_steps add constraint job_run_steps_status_check
    check (status in ('succeeded', 'failed', 'skipped'));
alter table ip_workbench.job_runs drop constraint job_runs_status_check;
update ip_workbench.job_runs set status = 'succeeded' where status = 'ok';
alter table ip_workbench.job_runs add constraint job_runs_status_check
    check (status in ('running', 'succeeded', 'failed', 'skipped', 'abandoned'));
