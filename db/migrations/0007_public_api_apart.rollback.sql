delete from ip_workbench.tables where schema_name = 'ip_workbench' and table_name = 'settings';
drop table if exists ip_workbench.settings;
alter function scout_internal.uuid_v7() set schema scout;
alter type scout_internal.transaction_payload_values set schema scout;
-- The internals go with their schemas; the previous version's db/functions
-- re-creates them in scout on its next migrate.
drop schema if exists scout_dev cascade;
drop schema if exists scout_internal cascade;
