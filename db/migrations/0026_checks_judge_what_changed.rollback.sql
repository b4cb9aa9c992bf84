drop table if exists scout_internal.platinum_changed_keys;
drop table if exists scout_internal.gold_monthly_changed_totals;
drop table if exists scout_internal.gold_store_rebuilt_cells;
drop table if exists scout_internal.silver_changed_keys;
drop table if exists scout_internal.logged_writes;
-- the counting triggers call count_removal: it counts a plain write again, as before
create or replace function scout_internal.count_removal(p_table regclass)
returns void
language sql
volatile
set search_path = ''
as $fn$
    update ip_workbench.layer_versions v set version = v.version + 1, changed_at = pg_catalog.now()
     where v.table_name = p_table
$fn$;
alter table ip_workbench.layer_versions drop column if exists removals;
