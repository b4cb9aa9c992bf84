-- One write of a counted table that removed rows: its version and its removals go up
-- by one. A check that judges only what is new since its previous run needs to know
-- that nothing it counted then has gone (scout_internal.dq_delta_allowed).
create or replace function scout_internal.count_removal(p_table regclass)
returns void
language sql
volatile
set search_path = ''
as $fn$
    update ip_workbench.layer_versions v
       set version = v.version + 1, removals = v.removals + 1, changed_at = pg_catalog.now()
     where v.table_name = p_table
$fn$;
comment on function scout_internal.count_removal(regclass) is
    'Adds 1 to p_table''s ip_workbench.layer_versions.version and removals and sets changed_at: one counted write that removed rows (a DELETE, a TRUNCATE), for the counting triggers (count_table_writes, count_changed_rows).';
revoke all on function scout_internal.count_removal(regclass) from public;
-- the triggers run as the role that writes (the pipeline's service_role)
grant execute on function scout_internal.count_removal(regclass) to service_role;
