delete from ip_workbench.job_runs where job_name = 'scout.run_micro_batch';
delete from ip_workbench.jobs where name = 'scout.run_micro_batch';
delete from ip_workbench.settings where name in ('micro_batch_enabled', 'dq_escalate_after');
