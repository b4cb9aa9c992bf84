-- Real time: a micro-batch job brings webhook rows to Silver within a minute.
-- Escalation: an alert left open too long, or raised again soon after it closed,
-- goes to people by email.

insert into ip_workbench.settings (name, value, description) values
    ('micro_batch_enabled', 'true',
     'Whether scout.run_micro_batch (pg_cron, every minute) brings new Bronze rows to Silver between the hourly runs. Default true.'),
    ('dq_escalate_after', '"24 hours"',
     'An alert still open this long, or raised again within this long of closing, escalates by email (scout-db dq alert --email). An interval. Default 24 hours.');

-- minute 0 is the hourly run's: the micro-batch shares its lock and would make it skip
insert into ip_workbench.jobs (name, cron_name, schedule, command, description) values
    ('scout.run_micro_batch', 'scout_silver_micro_batch', '1-59 * * * *', 'select scout.run_micro_batch()',
     'Every minute but the hourly run''s: Silver for the Bronze rows that arrived since, when there are any (almost free when there are none).');
