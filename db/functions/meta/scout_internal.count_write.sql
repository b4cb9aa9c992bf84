-- One write of a counted table: its counter in ip_workbench.layer_versions goes up by
-- one. What counts as a write is each trigger function's below.
create or replace function scout_internal.count_write(p_table regclass)
returns void
language sql
volatile
set search_path = ''
as $fn$
    update ip_workbench.layer_versions v
       set version = v.version + 1, changed_at = pg_catalog.now()
     where v.table_name = p_table
$fn$;
comment on function scout_internal.count_write(regclass) is
    'Adds 1 to p_table''s ip_workbench.layer_versions.version and sets changed_at: one counted write, for the counting triggers (count_table_writes, count_changed_rows, count_registry_changes).';
revoke all on function scout_internal.count_write(regclass) from public;
-- the triggers run as the role that writes (the pipeline's service_role), which may
-- update the counters already
grant execute on function scout_internal.count_write(regclass) to service_role;
