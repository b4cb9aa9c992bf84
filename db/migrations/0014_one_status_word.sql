-- squawk-ignore-file constraint-missing-not-valid, ban-drop-constraint
-- (each status check is dropped only to be replaced, in the same transaction, by one
-- naming the new word: no client ever sees the table unguarded; the run log is small
-- by design, purged daily after run_log_retention_days, so the ACCESS EXCLUSIVE lock
-- each swap takes lasts milliseconds)
-- One status word: a job's result says {"status": "ok"} and so does its run-log row,
-- which said "succeeded" until now. Dashboards that count successful runs read
-- status = 'ok' from here on; pg_cron's own cron.job_run_details keeps its word.
alter table ip_workbench.job_runs drop constraint job_runs_status_check;
update ip_workbench.job_runs set status = 'ok' where status = 'succeeded';
alter table ip_workbench.job_runs add constraint job_runs_status_check
    check (status in ('running', 'ok', 'failed', 'skipped', 'abandoned'));
alter table ip_workbench.job_run_steps drop constraint job_run_steps_status_check;
update ip_workbench.job_run_steps set status = 'ok' where status = 'succeeded';
alter table ip_workbench.job_run_steps add constraint job_run_steps_status_check
    check (status in ('ok', 'failed', 'skipped'));
