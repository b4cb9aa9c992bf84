delete from ip_workbench.settings where name in ('dq_alert_on_job_failure', 'dq_deliver_within');
drop index ip_workbench.dq_alerts_one_per_anomaly_idx;
drop index ip_workbench.dq_alerts_one_open_per_subject_idx;
delete from ip_workbench.dq_alerts where kind <> 'data_quality';
alter table ip_workbench.dq_alerts
    drop constraint dq_alerts_data_quality_names_a_table,
    drop constraint dq_alerts_kind_check,
    drop column kind,
    drop column subject,
    drop column details,
    alter column schema_name set not null,
    alter column table_name set not null,
    alter column layer set not null,
    alter column dq_score set not null,
    alter column threshold set not null,
    alter column scores set not null,
    alter column opened_run_id set not null,
    alter column last_seen_run_id set not null;
create unique index dq_alerts_one_open_per_table_idx on ip_workbench.dq_alerts (schema_name, table_name) where closed_at is null;
insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('ip_workbench', 'dq_thresholds', 'metadata', 'Data-quality thresholds per layer'),
    ('ip_workbench', 'dq_results', 'metadata', 'Every data-quality check result'),
    ('ip_workbench', 'dq_scores', 'metadata', 'Every table''s data-quality scores over time'),
    ('ip_workbench', 'dq_alerts', 'metadata', 'Data-quality alerts'),
    ('ip_workbench', 'dq_alert_deliveries', 'metadata', 'Deliveries of data-quality alerts to people'),
    ('ip_workbench', 'jobs', 'metadata', 'The scheduled jobs'),
    ('ip_workbench', 'job_runs', 'metadata', 'Every run of a job'),
    ('ip_workbench', 'job_run_steps', 'metadata', 'Every step of a run'),
    ('ip_workbench', 'settings', 'metadata', 'Tunable settings')
on conflict do nothing;
alter table ip_workbench.tables drop column cumulative_score, drop column failing_bars, drop column expected_every;
alter table ip_workbench.dq_scores drop column cumulative_score, drop column failing_bars;
alter table ip_workbench.dq_results drop column recent_passed, drop column recent_failed, drop column recent_carried;
