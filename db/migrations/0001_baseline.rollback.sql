-- Roles are cluster-wide and may be used by other databases, and pg_cron may
-- hold other projects' jobs: both stay. Everything else the baseline made goes.
alter default privileges grant execute on functions to public;
drop schema if exists test_failures cascade;
drop schema if exists ip_workbench cascade;
drop schema if exists scout cascade;
