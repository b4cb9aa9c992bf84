-- Data quality: per-layer thresholds, the history of every check's result and of
-- every table's scores, the failing rows of each checked table by business key,
-- and alerts. The checks themselves are views in scout_checks (db/checks/).

create schema if not exists scout_checks;
comment on schema scout_checks is 'Data-quality checks, one view each (db/checks/NNNN_name.sql), all with the same columns; scout.run_dq_checks runs every view here. Never exposed.';
revoke all on schema scout_checks from public;
grant usage on schema scout_checks to service_role;

create table ip_workbench.dq_thresholds (
    layer text not null,
    completeness numeric(5, 2),
    uniqueness numeric(5, 2),
    timeliness interval,
    overall numeric(5, 2),
    constraint dq_thresholds_pkey primary key (layer),
    constraint dq_thresholds_layer_check check (layer in ('bronze', 'silver', 'gold', 'platinum'))
);
select ip_workbench.secure_table('ip_workbench.dq_thresholds');
comment on table ip_workbench.dq_thresholds is 'The data-quality bar per layer (CONTRACT.md, Metadata), editable; NULL means not applicable.';
comment on column ip_workbench.dq_thresholds.layer is 'bronze, silver, gold or platinum.';
comment on column ip_workbench.dq_thresholds.completeness is 'Least completeness score (0-100) that passes.';
comment on column ip_workbench.dq_thresholds.uniqueness is 'Least uniqueness score (0-100) that passes.';
comment on column ip_workbench.dq_thresholds.timeliness is 'Most a table''s data may lag (now - last_updated); NULL for on-demand layers.';
comment on column ip_workbench.dq_thresholds.overall is 'Least overall dq_score that passes.';
insert into ip_workbench.dq_thresholds (layer, completeness, uniqueness, timeliness, overall) values
    ('bronze', 99, null, interval '5 minutes', null),
    ('silver', 95, 100, interval '1 hour', 95),
    ('gold', 100, 100, interval '6 hours', 100),
    ('platinum', 100, 100, null, 100);

insert into ip_workbench.settings (name, value, description) values
    ('dq_alert_threshold', '80',
     'A table whose overall dq_score falls below this raises an alert (ip_workbench.dq_alerts, NOTIFY scout_dq_alert). Default 80.');

create table ip_workbench.dq_results (
    run_id bigint not null,
    checked_at timestamptz not null default pg_catalog.now(),
    check_name text not null,
    schema_name text not null,
    table_name text not null,
    layer text not null,
    dimension text not null,
    level text not null,
    passed bigint not null,
    failed bigint not null,
    detail text,
    constraint dq_results_pkey primary key (run_id, check_name, schema_name, table_name),
    constraint dq_results_dimension_check check (dimension in ('completeness', 'uniqueness', 'validity', 'integrity', 'volume', 'timeliness')),
    constraint dq_results_level_check check (level in ('error', 'warning'))
);
create index dq_results_table_checked_at_idx on ip_workbench.dq_results (schema_name, table_name, checked_at);
select ip_workbench.secure_table('ip_workbench.dq_results');
comment on table ip_workbench.dq_results is 'Every data-quality check''s result of every run, passes included: the history of pass rates.';
comment on column ip_workbench.dq_results.run_id is 'The run of scout.run_dq_checks (ip_workbench.job_runs.id).';
comment on column ip_workbench.dq_results.checked_at is 'When the check ran.';
comment on column ip_workbench.dq_results.check_name is 'The check (a view of scout_checks).';
comment on column ip_workbench.dq_results.schema_name is 'Schema of the checked table.';
comment on column ip_workbench.dq_results.table_name is 'The checked table.';
comment on column ip_workbench.dq_results.layer is 'Its layer.';
comment on column ip_workbench.dq_results.dimension is 'completeness, uniqueness, validity, integrity, volume or timeliness.';
comment on column ip_workbench.dq_results.level is 'error (counts in the score) or warning.';
comment on column ip_workbench.dq_results.passed is 'Rows (or items) that passed.';
comment on column ip_workbench.dq_results.failed is 'Rows (or items) that failed.';
comment on column ip_workbench.dq_results.detail is 'What was checked, or why it failed.';

create table ip_workbench.dq_scores (
    run_id bigint not null,
    checked_at timestamptz not null default pg_catalog.now(),
    schema_name text not null,
    table_name text not null,
    layer text not null,
    completeness numeric(5, 2),
    uniqueness numeric(5, 2),
    validity numeric(5, 2),
    integrity numeric(5, 2),
    timeliness numeric(5, 2),
    dq_score numeric(5, 2),
    constraint dq_scores_pkey primary key (run_id, schema_name, table_name)
);
create index dq_scores_table_checked_at_idx on ip_workbench.dq_scores (schema_name, table_name, checked_at);
select ip_workbench.secure_table('ip_workbench.dq_scores');
comment on table ip_workbench.dq_scores is 'Every table''s data-quality scores at every run of scout.run_dq_checks: the history behind ip_workbench.tables'' latest scores.';
comment on column ip_workbench.dq_scores.run_id is 'The run of scout.run_dq_checks.';
comment on column ip_workbench.dq_scores.checked_at is 'When.';
comment on column ip_workbench.dq_scores.schema_name is 'Schema of the table.';
comment on column ip_workbench.dq_scores.table_name is 'The table.';
comment on column ip_workbench.dq_scores.layer is 'Its layer.';
comment on column ip_workbench.dq_scores.completeness is '100 x passed / checked over its completeness checks; NULL when it has none.';
comment on column ip_workbench.dq_scores.uniqueness is 'The same over its uniqueness checks.';
comment on column ip_workbench.dq_scores.validity is 'The same over its validity checks.';
comment on column ip_workbench.dq_scores.integrity is 'The same over its integrity and volume checks.';
comment on column ip_workbench.dq_scores.timeliness is '100 when its data lags less than the layer''s threshold, else 100 x threshold / lag.';
comment on column ip_workbench.dq_scores.dq_score is 'The overall score: the lowest of its dimension scores (a table is as good as its weakest dimension).';

create table ip_workbench.dq_alerts (
    id bigint generated always as identity,
    schema_name text not null,
    table_name text not null,
    layer text not null,
    dq_score numeric(5, 2) not null,
    threshold numeric(5, 2) not null,
    scores jsonb not null,
    failing_checks jsonb not null default '[]',
    opened_run_id bigint not null,
    opened_at timestamptz not null default pg_catalog.now(),
    last_seen_run_id bigint not null,
    closed_at timestamptz,
    closed_score numeric(5, 2),
    constraint dq_alerts_pkey primary key (id)
);
create unique index dq_alerts_one_open_per_table_idx on ip_workbench.dq_alerts (schema_name, table_name) where closed_at is null;
select ip_workbench.secure_table('ip_workbench.dq_alerts');
comment on table ip_workbench.dq_alerts is 'Data-quality alerts: one open alert per table whose overall score is below dq_alert_threshold, raised with NOTIFY scout_dq_alert, closed when the score recovers. Repeated runs with the same problem update it, never add another.';
comment on column ip_workbench.dq_alerts.id is 'Alert id.';
comment on column ip_workbench.dq_alerts.schema_name is 'Schema of the table.';
comment on column ip_workbench.dq_alerts.table_name is 'The table.';
comment on column ip_workbench.dq_alerts.layer is 'Its layer.';
comment on column ip_workbench.dq_alerts.dq_score is 'Its overall score when the alert was raised.';
comment on column ip_workbench.dq_alerts.threshold is 'The alert threshold then.';
comment on column ip_workbench.dq_alerts.scores is 'Its dimension scores then.';
comment on column ip_workbench.dq_alerts.failing_checks is 'The checks that failed then, with counts and sample keys.';
comment on column ip_workbench.dq_alerts.opened_run_id is 'The run of scout.run_dq_checks that raised it.';
comment on column ip_workbench.dq_alerts.opened_at is 'When it was raised.';
comment on column ip_workbench.dq_alerts.last_seen_run_id is 'The latest run that still found the score below the threshold.';
comment on column ip_workbench.dq_alerts.closed_at is 'When a run found the score recovered; NULL while open.';
comment on column ip_workbench.dq_alerts.closed_score is 'The score that closed it.';

create table ip_workbench.dq_alert_deliveries (
    id bigint generated always as identity,
    alert_id bigint not null,
    channel text not null,
    target text not null,
    attempt integer not null,
    attempted_at timestamptz not null default pg_catalog.now(),
    succeeded boolean not null,
    response text,
    payload jsonb not null,
    constraint dq_alert_deliveries_pkey primary key (id),
    constraint dq_alert_deliveries_alert_id_fkey foreign key (alert_id) references ip_workbench.dq_alerts (id) on delete cascade,
    constraint dq_alert_deliveries_channel_check check (channel in ('webhook', 'email'))
);
-- an alert reaches a target once: a second success cannot be recorded
create unique index dq_alert_deliveries_once_idx on ip_workbench.dq_alert_deliveries (alert_id, channel, target) where succeeded;
select ip_workbench.secure_table('ip_workbench.dq_alert_deliveries');
comment on table ip_workbench.dq_alert_deliveries is 'Every attempt to deliver an alert to people (scout-db dq alert): what was sent where and when, and the answer. At most one successful delivery per alert and target.';
comment on column ip_workbench.dq_alert_deliveries.id is 'Attempt id.';
comment on column ip_workbench.dq_alert_deliveries.alert_id is 'The alert (ip_workbench.dq_alerts.id).';
comment on column ip_workbench.dq_alert_deliveries.channel is 'webhook or email.';
comment on column ip_workbench.dq_alert_deliveries.target is 'The webhook URL (without its query) or the recipients.';
comment on column ip_workbench.dq_alert_deliveries.attempt is '1 for the first try, then counting the retries.';
comment on column ip_workbench.dq_alert_deliveries.attempted_at is 'When.';
comment on column ip_workbench.dq_alert_deliveries.succeeded is 'Whether the target accepted it (HTTP 2xx).';
comment on column ip_workbench.dq_alert_deliveries.response is 'The HTTP status and the start of the answer, or the error.';
comment on column ip_workbench.dq_alert_deliveries.payload is 'What was sent.';

-- test_failures.<table>: the failing rows of each checked table, by business key
do $failures$
declare
    v_table text;
begin
    for v_table in select t.table_name from ip_workbench.tables t
                    where t.schema_name = 'scout' and t.layer in ('bronze', 'silver', 'gold', 'platinum')
                      and t.table_name not like '%rejected%' order by 1 loop
        execute pg_catalog.format('create table test_failures.%I (
            check_name text not null,
            business_key text not null,
            detail text,
            run_id bigint not null,
            found_at timestamptz not null default pg_catalog.now())', v_table);
        perform ip_workbench.secure_table(pg_catalog.format('test_failures.%I', v_table)::regclass);
        execute pg_catalog.format('create index on test_failures.%I (check_name)', v_table);
        execute pg_catalog.format('comment on table test_failures.%I is %L', v_table,
            pg_catalog.format('Rows of scout.%s that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.', v_table));
        execute pg_catalog.format('comment on column test_failures.%I.check_name is %L', v_table, 'The check it failed.');
        execute pg_catalog.format('comment on column test_failures.%I.business_key is %L', v_table,
            'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).');
        execute pg_catalog.format('comment on column test_failures.%I.detail is %L', v_table, 'What failed, where the check says.');
        execute pg_catalog.format('comment on column test_failures.%I.run_id is %L', v_table, 'The run of scout.run_dq_checks that found it.');
        execute pg_catalog.format('comment on column test_failures.%I.found_at is %L', v_table, 'When.');
    end loop;
end
$failures$;

insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('ip_workbench', 'dq_thresholds', 'metadata', 'Data-quality thresholds per layer'),
    ('ip_workbench', 'dq_results', 'metadata', 'Every data-quality check result'),
    ('ip_workbench', 'dq_scores', 'metadata', 'Every table''s data-quality scores over time'),
    ('ip_workbench', 'dq_alerts', 'metadata', 'Data-quality alerts'),
    ('ip_workbench', 'dq_alert_deliveries', 'metadata', 'Deliveries of data-quality alerts to people');
