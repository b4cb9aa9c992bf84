-- The data-quality job's first step: every check of scout_checks, and the timeliness
-- of every registered table, into pg_temp.dq_run_results
--   (check_name, schema_name, table_name, layer, dimension, level, passed, failed,
--    detail, failing_keys)
-- A check that raises is a failed result of its own, not the end of the run.
create or replace function scout_internal.dq_run_checks()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_check record;
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_run_checks');
    if pg_catalog.to_regclass('pg_temp.dq_run_results') is not null then
        drop table pg_temp.dq_run_results;
    end if;
    create temp table dq_run_results (
        check_name text, schema_name text, table_name text, layer text, dimension text, level text,
        passed bigint, failed bigint, detail text, failing_keys text[]
    ) on commit drop;
    for v_check in select c.relname from pg_catalog.pg_class c
                    where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v' order by c.relname loop
        begin
            execute pg_catalog.format('insert into pg_temp.dq_run_results select * from scout_checks.%I',
                                      v_check.relname);
        exception when others then
            insert into pg_temp.dq_run_results
            values (v_check.relname, 'scout_checks', v_check.relname, 'metadata', 'validity', 'error', 0, 1,
                    pg_catalog.format('the check itself failed: %s (SQLSTATE %s)', sqlerrm, sqlstate), null);
        end;
    end loop;
    -- timeliness of every registered table with a layer threshold
    insert into pg_temp.dq_run_results
    select 'timeliness', t.schema_name, t.table_name, t.layer, 'timeliness', 'error',
           (pg_catalog.now() - t.last_updated <= h.timeliness)::int,
           (pg_catalog.now() - t.last_updated > h.timeliness)::int,
           pg_catalog.format('last change %s ago, threshold %s',
                             pg_catalog.date_trunc('second', pg_catalog.now() - t.last_updated), h.timeliness),
           null
      from ip_workbench.tables t
      join ip_workbench.dq_thresholds h on h.layer = t.layer
     where h.timeliness is not null and t.last_updated is not null
       and t.table_name not like '%rejected%';
    return (select pg_catalog.jsonb_build_object('checks', pg_catalog.count(*),
                                                 'failed_checks', pg_catalog.count(*) filter (where r.failed > 0),
                                                 'failing_rows', coalesce(pg_catalog.sum(r.failed), 0))
              from pg_temp.dq_run_results r);
end
$fn$;
comment on function scout_internal.dq_run_checks() is
    'Step 1 of scout.run_dq_checks: runs every view of scout_checks (one that raises becomes a failed result naming the error) and the timeliness of every registered table with a layer threshold into pg_temp.dq_run_results; returns {"checks", "failed_checks", "failing_rows"}. Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_run_checks() from public;
grant execute on function scout_internal.dq_run_checks() to service_role;
