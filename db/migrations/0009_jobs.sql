-- squawk-ignore-file ban-drop-constraint, constraint-missing-not-valid, adding-foreign-key-constraint
-- (job_runs is a small metadata table: validating its new constraints at once locks it for milliseconds)
-- The pipeline runs itself: a registry of jobs (one lock per job, derived from its
-- name; the pg_cron schedule of those that are scheduled), a run log that keeps
-- failures and runs that never finished, each run's steps, and the retention
-- settings of every layer.

create table ip_workbench.jobs (
    name text not null,
    -- derived from the name, so a job's lock never collides by a hand-picked number
    lock_key integer not null generated always as (('x' || pg_catalog.left(pg_catalog.md5(name), 8))::bit(32)::integer) stored,
    cron_name text,
    schedule text,
    command text not null,
    description text not null,
    constraint jobs_pkey primary key (name),
    constraint jobs_lock_key_key unique (lock_key),
    constraint jobs_cron_name_key unique (cron_name),
    constraint jobs_schedule_check check ((cron_name is null) = (schedule is null))
);
select ip_workbench.secure_table('ip_workbench.jobs');
comment on table ip_workbench.jobs is 'The pipeline''s jobs, one row each: the function that runs it, its advisory lock, and for a scheduled job its pg_cron name and schedule. scout-db migrate registers the scheduled ones with pg_cron by cron_name where pg_cron is in this database (scout-db jobs install elsewhere).';
comment on column ip_workbench.jobs.name is 'The job''s function, e.g. scout.run_transformations.';
comment on column ip_workbench.jobs.lock_key is 'Second key of the job''s transaction advisory lock (23559, lock_key): the first 32 bits of md5(name).';
comment on column ip_workbench.jobs.cron_name is 'Its pg_cron job name (cron.job.jobname), when it is scheduled.';
comment on column ip_workbench.jobs.schedule is 'Its pg_cron schedule (UTC), when it is scheduled.';
comment on column ip_workbench.jobs.command is 'The SQL pg_cron runs for it.';
comment on column ip_workbench.jobs.description is 'What it does.';
insert into ip_workbench.jobs (name, cron_name, schedule, command, description) values
    ('scout.run_transformations', 'scout_transformation', '0 * * * *', 'select scout.run_transformations()',
     'Hourly: Bronze freshness, Silver, Silver checks, Gold, Gold checks, metadata.'),
    ('scout.refresh_gold', 'scout_gold_refresh', '15 */6 * * *', 'select scout.refresh_gold()',
     'Every 6 hours: both Gold marts up to date with Silver.'),
    ('scout.refresh_platinum', 'scout_platinum_refresh', '30 */6 * * *', 'select scout.refresh_platinum()',
     'Every 6 hours, after Gold: the Platinum features of the last 90 days.'),
    ('scout.run_dq_checks', 'scout_data_quality', '0 8 * * *', 'select scout.run_dq_checks()',
     'Daily 08:00: data-quality scores of every registered table.'),
    ('scout.purge_expired', 'scout_retention', '0 3 * * *', 'select scout.purge_expired()',
     'Daily 03:00: each layer''s retention.'),
    ('scout_internal.purge_run_log', 'scout_run_log_retention', '30 3 * * *', 'select scout_internal.purge_run_log()',
     'Daily 03:30: the run log (ip_workbench.job_runs and pg_cron''s cron.job_run_details) older than run_log_retention_days.'),
    ('scout.refresh_silver', null, null, 'select scout.refresh_silver()',
     'Silver up to date with Bronze; a step of scout.run_transformations.'),
    ('scout.backfill', null, null, 'select scout.backfill(from_date, to_date)',
     'On demand: re-judge the Bronze rows of a date range and refresh the marts they touch.');

alter table ip_workbench.job_runs drop constraint job_runs_status_check;
alter table ip_workbench.job_runs add constraint job_runs_status_check
    check (status in ('running', 'succeeded', 'failed', 'skipped', 'abandoned'));
alter table ip_workbench.job_runs
    add column parent_id bigint,
    add column failed_step text,
    add column sqlstate text,
    add column message text,
    add column pid integer,
    add column backend_start timestamptz;
alter table ip_workbench.job_runs add constraint job_runs_parent_id_fkey
    foreign key (parent_id) references ip_workbench.job_runs (id) on delete cascade;
create index job_runs_parent_id_idx on ip_workbench.job_runs (parent_id);
create index job_runs_status_idx on ip_workbench.job_runs (status) where status = 'running';
comment on table ip_workbench.job_runs is 'One row per run of a job (ip_workbench.jobs): when, outcome and the result it returned. A run that fails leaves status failed with the step, SQLSTATE and message; one whose session ended mid-way (killed, crashed) is marked abandoned by the next run of its job.';
comment on column ip_workbench.job_runs.status is 'running, succeeded, failed (an error in a step, recorded with it), skipped (another run held the lock), or abandoned (the session running it ended before it finished).';
comment on column ip_workbench.job_runs.parent_id is 'The run this one was a step of (refresh_silver inside run_transformations); NULL for a top-level run.';
comment on column ip_workbench.job_runs.failed_step is 'For a failed run: the step that failed.';
comment on column ip_workbench.job_runs.sqlstate is 'For a failed run: the SQLSTATE of its error.';
comment on column ip_workbench.job_runs.message is 'For a failed or abandoned run: the error message, or how it ended.';
comment on column ip_workbench.job_runs.pid is 'Backend process that ran it, for a DBA to find (or end) a run still going: pg_stat_activity.pid.';
comment on column ip_workbench.job_runs.backend_start is 'When that backend started: with pid it names the session, since pids are reused.';

create table ip_workbench.job_run_steps (
    run_id bigint not null,
    position integer not null,
    step text not null,
    status text not null,
    rows bigint,
    seconds numeric(12, 3),
    details jsonb not null default '{}',
    constraint job_run_steps_pkey primary key (run_id, position),
    constraint job_run_steps_run_id_fkey foreign key (run_id) references ip_workbench.job_runs (id) on delete cascade,
    constraint job_run_steps_status_check check (status in ('succeeded', 'failed', 'skipped'))
);
select ip_workbench.secure_table('ip_workbench.job_run_steps');
comment on table ip_workbench.job_run_steps is 'The steps of a run of scout.run_transformations, in order, each with its outcome, rows and seconds.';
comment on column ip_workbench.job_run_steps.run_id is 'The run (ip_workbench.job_runs.id).';
comment on column ip_workbench.job_run_steps.position is 'Order of the step in the run, from 1.';
comment on column ip_workbench.job_run_steps.step is 'bronze_freshness, silver, silver_checks, gold, gold_checks, platinum or metadata.';
comment on column ip_workbench.job_run_steps.status is 'succeeded, failed (the run stopped here) or skipped (not needed, or another run held its lock).';
comment on column ip_workbench.job_run_steps.rows is 'Rows the step processed or checked.';
comment on column ip_workbench.job_run_steps.seconds is 'Wall-clock seconds the step took.';
comment on column ip_workbench.job_run_steps.details is 'The step''s result document.';

insert into ip_workbench.settings (name, value, description) values
    ('bronze_retention_days', '90',
     'Bronze rows (transactions, products, ingest errors) older than this many days by ingested_at are purged by scout.purge_expired, never one Silver has not processed. At least 30. Default 90.'),
    ('silver_retention_days', '730',
     'Silver transactions whose transaction_date is older than this many days, and rejected rows judged that long ago, are purged; Gold keeps their months (frozen). Default 730 (2 years).'),
    ('gold_retention_days', '1825',
     'Gold mart rows whose month or week starts more than this many days ago are purged; their totals stay a year longer for growth and baselines. Default 1825 (5 years).'),
    ('silver_purged_before', 'null',
     'Kept by scout.purge_expired, not a tunable: the first day Silver still holds in full after its last purge (NULL before the first). Gold never recomputes a month or week before it.'),
    ('run_log_retention_days', '90',
     'Run log rows (ip_workbench.job_runs, cron.job_run_details) older than this many days are purged by scout_internal.purge_run_log. Default 90.');

insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('ip_workbench', 'jobs', 'metadata', 'The pipeline''s jobs and schedules'),
    ('ip_workbench', 'job_runs', 'metadata', 'Every run of a job'),
    ('ip_workbench', 'job_run_steps', 'metadata', 'The steps of each hourly run');
