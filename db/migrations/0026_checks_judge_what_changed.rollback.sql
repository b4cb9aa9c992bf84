drop table if exists scout_internal.platinum_changed_keys;
drop table if exists scout_internal.gold_monthly_changed_totals;
drop table if exists scout_internal.gold_store_rebuilt_cells;
drop table if exists scout_internal.silver_changed_keys;
drop table if exists scout_internal.logged_writes;
alter table ip_workbench.layer_versions drop column if exists removals;
