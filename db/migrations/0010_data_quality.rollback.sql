delete from ip_workbench.tables where schema_name = 'ip_workbench' and table_name in ('dq_thresholds', 'dq_results', 'dq_scores', 'dq_alerts', 'dq_alert_deliveries');
do $failures$
declare
    v_table text;
begin
    for v_table in select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'test_failures' and c.relkind = 'r' loop
        execute pg_catalog.format('drop table test_failures.%I', v_table);
    end loop;
end
$failures$;
drop table if exists ip_workbench.dq_alert_deliveries;
drop table if exists ip_workbench.dq_alerts cascade;
drop table if exists ip_workbench.dq_scores;
drop table if exists ip_workbench.dq_results;
-- cascade: functions from db/functions read it; the next migrate re-creates them
drop table if exists ip_workbench.dq_thresholds cascade;
delete from ip_workbench.settings where name = 'dq_alert_threshold';
-- cascade: the check views of db/checks read the pipeline's tables; the next migrate re-creates them
drop schema if exists scout_checks cascade;
