-- squawk-ignore-file ban-drop-not-null, adding-required-field, constraint-missing-not-valid, adding-not-nullable-field
-- (dq_alerts now holds job failures and sales anomalies, which have no table or
-- score: those columns may be NULL for them; the new columns have constant defaults
-- or are filled in this file before they become required; dq_alerts holds a few rows
-- a day, so validating its constraints at once blocks it for microseconds)
-- Data-quality signals people can be paged on (CONTRACT v3, "What the scores mean"):
-- * every check result keeps, beside its counts over all retained rows, its counts over
--   the recent rows (those that arrived since the previous check run), which the
--   scores describe; the cumulative score stays beside the recent one;
-- * a table below any bar of its layer is failing (failing_bars);
-- * timeliness is judged against a source's expected cadence (expected_every), and a
--   downstream layer's against its processing lag;
-- * dq_alerts carries every kind of alert people are paged on: data quality, failed or
--   abandoned job runs, and sales anomalies, each with its subject, one open per subject;
-- * the registry holds the layer's tables, not the project's bookkeeping;
-- * webhook targets never keep a token: the path of every recorded webhook target is
--   cut (the runner now records the URL redacted).
alter table ip_workbench.dq_results
    add column recent_passed bigint,
    add column recent_failed bigint,
    add column recent_carried boolean not null default false;

alter table ip_workbench.dq_scores
    add column cumulative_score numeric(5, 2),
    add column failing_bars text[] not null default '{}';

alter table ip_workbench.tables
    add column cumulative_score numeric(5, 2),
    add column failing_bars text[],
    add column expected_every interval;
update ip_workbench.tables set expected_every = interval '1 day'
 where schema_name = 'scout' and table_name = 'bronze_transactions';
update ip_workbench.tables set expected_every = interval '7 days'
 where schema_name = 'scout' and table_name = 'bronze_products';
delete from ip_workbench.tables where layer = 'metadata';

alter table ip_workbench.dq_alerts
    add column kind text not null default 'data_quality',
    add column subject text,
    add column details jsonb not null default '{}',
    alter column schema_name drop not null,
    alter column table_name drop not null,
    alter column layer drop not null,
    alter column dq_score drop not null,
    alter column threshold drop not null,
    alter column scores drop not null,
    alter column opened_run_id drop not null,
    alter column last_seen_run_id drop not null,
    add constraint dq_alerts_kind_check check (kind in ('data_quality', 'job_failed', 'sales_anomaly'));
update ip_workbench.dq_alerts set subject = schema_name || '.' || table_name;
alter table ip_workbench.dq_alerts
    alter column subject set not null,
    add constraint dq_alerts_data_quality_names_a_table check (kind <> 'data_quality' or (table_name is not null
        and dq_score is not null and threshold is not null and scores is not null and opened_run_id is not null));
drop index ip_workbench.dq_alerts_one_open_per_table_idx;
create unique index dq_alerts_one_open_per_subject_idx on ip_workbench.dq_alerts (kind, subject) where closed_at is null;
-- a sales anomaly pages once per category and week, ever
create unique index dq_alerts_one_per_anomaly_idx on ip_workbench.dq_alerts (subject) where kind = 'sales_anomaly';

-- a webhook's path or query may be its secret (Mattermost /hooks/<key>, Slack
-- /services/…/<token>): keep the host only of what was recorded before
update ip_workbench.dq_alert_deliveries
   set target = pg_catalog.regexp_replace(target, '^([a-z]+://)(?:[^/@]*@)?([^/?#]*).*$', '\1\2/…')
 where channel = 'webhook';

insert into ip_workbench.settings (name, value, description) values
    ('dq_alert_on_job_failure', 'true',
     'Whether a failed or abandoned job run raises an alert (ip_workbench.dq_alerts kind job_failed), closed by the job''s next successful run. Default true.'),
    ('dq_deliver_within', '"7 days"',
     'How old an alert may be and still be delivered to a webhook that has not had it: a new or restored target is not flooded with history. An interval. Default 7 days.');
