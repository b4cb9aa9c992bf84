-- Not a function: the statement that keeps pg_cron's jobs in step with
-- ip_workbench.jobs, run at the end of every scout-db migrate.
select scout_internal.install_cron_jobs();
