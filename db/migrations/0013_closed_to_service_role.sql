-- squawk-ignore-file constraint-missing-not-valid, adding-field-with-default, adding-serial-primary-key-field
-- (every table this rewrites or constrains is small by design: ip_workbench.jobs has a row per job, the two
-- Gold queues are emptied by every refresh_gold, test_failures.* are replaced by every check run; the
-- ACCESS EXCLUSIVE lock each takes lasts milliseconds, and migrate waits at most lock_timeout for it)
-- Closed to service_role escalation (the security review of 2026-12):
-- * jobs are code, not data: ip_workbench.jobs is read-only below the owner, and a
--   scheduled job's command is derived from its name, so no row a lower role can
--   write becomes SQL that pg_cron runs as the owner;
-- * a run whose transaction never committed (killed in psql, an RPC cut off, a
--   crash) is found by the job's next run through the transaction id it left in a
--   sequence (sequences are not rolled back), and recorded as abandoned;
-- * the Gold queues get a primary key, so a FOR ALL TABLES publication (Supabase
--   Realtime, change capture, logical replicas) accepts their deletes;
-- * what migration 0012 said about its index builds, corrected: its DROP INDEX and
--   CREATE INDEX of silver_validated_transactions_category_transaction_date_idx ran
--   in one transaction, so the DROP's ACCESS EXCLUSIVE lock was held through the
--   whole build and blocked readers of Silver too, not only writers. A later
--   migration that replaces an index builds the new one first under another name
--   (CREATE INDEX takes a SHARE lock: readers go on) and drops the old one last,
--   so readers wait only for the moment between the drop and the commit
--   (db/CONVENTIONS.md; tests/test_migrations.py holds later migrations to it).

-- Jobs: readable by service_role (scout-db jobs list, the run log), written by the owner only.
update ip_workbench.jobs set command = 'select ' || name || '()' where cron_name is not null;
alter table ip_workbench.jobs add constraint jobs_scheduled_command_check
    check (cron_name is null or command = 'select ' || name || '()');
drop policy "service_role manages all rows" on ip_workbench.jobs;
create policy "service_role reads all rows" on ip_workbench.jobs for select to service_role using (true);
comment on policy "service_role reads all rows" on ip_workbench.jobs is
    'Jobs are code: pg_cron runs a scheduled job''s command as the role that scheduled it (the owner), so only the owner may write this table.';
revoke insert, update, delete, truncate on table ip_workbench.jobs from service_role;
comment on column ip_workbench.jobs.command is
    'The SQL that runs it. For a scheduled job it is always select <name>() (a check constraint), and scout_internal.install_cron_jobs schedules that, not this text.';

-- Runs that left no row: each run writes its transaction id into its job's
-- sequence; the next run of the job reads it back and looks for that run's row.
alter table ip_workbench.job_runs add column xact_id xid8;
comment on column ip_workbench.job_runs.xact_id is
    'The transaction the run ran in (pg_current_xact_id()); the job''s next run looks for it to find a run that never committed.';
create index job_runs_job_name_xact_id_idx on ip_workbench.job_runs (job_name, xact_id);
do $sequences$
declare
    v_job record;
begin
    for v_job in select j.name, pg_catalog.replace(j.name, '.', '_') || '_last_xact' as sequence_name
                   from ip_workbench.jobs j order by j.name loop
        execute pg_catalog.format('create sequence scout_internal.%I as bigint minvalue -9223372036854775808 start 0',
                                  v_job.sequence_name);
        execute pg_catalog.format('comment on sequence scout_internal.%I is %L', v_job.sequence_name,
            pg_catalog.format('The transaction id of the latest run of job %s that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.', v_job.name));
        execute pg_catalog.format('grant select, update on sequence scout_internal.%I to service_role', v_job.sequence_name);
    end loop;
end
$sequences$;

-- The Gold queues: a key of their own, so that logical replication can publish their deletes.
alter table scout.gold_pending_days add column id bigint generated always as identity;
alter table scout.gold_pending_days add constraint gold_pending_days_pkey primary key (id);
comment on column scout.gold_pending_days.id is
    'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the queue''s deletes.';
alter table scout.gold_pending_changes add column id bigint generated always as identity;
alter table scout.gold_pending_changes add constraint gold_pending_changes_pkey primary key (id);
comment on column scout.gold_pending_changes.id is
    'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the queue''s deletes.';

-- test_failures.<table>: replaced on each check run, so their deletes must publish too
do $failures$
declare
    v_table regclass;
begin
    for v_table in select c.oid::regclass from pg_catalog.pg_class c
                    where c.relnamespace = 'test_failures'::regnamespace and c.relkind = 'r' order by 1 loop
        execute pg_catalog.format('alter table %s add column id bigint generated always as identity', v_table);
        execute pg_catalog.format('alter table %s add constraint %I primary key (id)', v_table,
                                  (select c.relname from pg_catalog.pg_class c where c.oid = v_table) || '_pkey');
        execute pg_catalog.format('comment on column %s.id is %L', v_table,
            'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.');
    end loop;
end
$failures$;

-- Settings are judged when written (scout_internal.check_setting, by a trigger that
-- db/functions creates); the retention periods say their floor.
update ip_workbench.settings
   set description = 'A first load into an empty Silver of at least this many Bronze rows drops Silver''s secondary indexes and builds them again after the insert (several times faster than growing them row by row; Silver is locked for reads and writes until the load commits). Only when the caller owns the table. Default 100000.'
 where name = 'silver_first_load_rebuilds_indexes_from';
