-- The last step of the hourly run: the registry's own size and freshness for the
-- run log the run has just written to.
create or replace function scout_internal.record_run_metadata()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    perform scout_internal.touch_table('ip_workbench', 'job_runs', 1, null);
    perform scout_internal.touch_table('ip_workbench', 'job_run_steps', 1, null);
    return (select pg_catalog.jsonb_build_object('status', 'ok', 'rows', pg_catalog.count(*),
                                                 'layers', pg_catalog.jsonb_object_agg(l.layer, l.row_count))
              from (select t.layer, pg_catalog.sum(t.row_count) as row_count
                      from ip_workbench.tables t group by t.layer) l);
end
$fn$;
comment on function scout_internal.record_run_metadata() is
    'Recounts the run log''s tables in ip_workbench.tables and returns the rows registered per layer: {"status": "ok", "rows", "layers"}.';
revoke all on function scout_internal.record_run_metadata() from public;
grant execute on function scout_internal.record_run_metadata() to service_role;
