drop table if exists ip_workbench.watermarks;
drop table if exists ip_workbench.job_runs;
-- cascade: the views over it come from db/functions, which the next migrate re-creates
drop table if exists ip_workbench.tables cascade;
drop function if exists ip_workbench.secure_table(regclass, text[]);
