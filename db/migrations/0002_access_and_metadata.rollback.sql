drop table if exists ip_workbench.watermarks;
drop table if exists ip_workbench.job_runs;
drop table if exists ip_workbench.tables;
drop function if exists ip_workbench.secure_table(regclass, text[]);
