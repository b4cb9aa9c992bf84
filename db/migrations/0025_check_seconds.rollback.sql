alter table ip_workbench.dq_results drop column if exists seconds;
