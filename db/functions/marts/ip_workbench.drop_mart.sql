-- Undoes ip_workbench.define_mart: the mart, its query view, its check, its failing
-- rows' table, its registry and counter rows and its definition. A mart or view that
-- reads it makes this fail with the dependent's name (2BP01), never a silent cascade.
create or replace function ip_workbench.drop_mart(mart text)
returns boolean
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_name text;
begin
    select pg_catalog.split_part(m.mart_name, '.', 2) into v_name
      from ip_workbench.marts m where m.mart_name = drop_mart.mart;
    if v_name is null then
        return false;
    end if;
    execute pg_catalog.format('drop view if exists scout_checks.%I', v_name || '_matches_its_query');
    execute pg_catalog.format('drop table if exists test_failures.%I', v_name);
    delete from ip_workbench.layer_versions v where v.table_name = pg_catalog.to_regclass(drop_mart.mart);
    delete from ip_workbench.tables t where t.schema_name = 'scout' and t.table_name = v_name;
    execute pg_catalog.format('drop table if exists scout.%I', v_name);
    execute pg_catalog.format('drop view if exists scout_internal.%I', v_name || '_query');
    delete from ip_workbench.marts m where m.mart_name = drop_mart.mart;
    return true;
end
$fn$;
comment on function ip_workbench.drop_mart(text) is
    'Drops mart `mart` (schema-qualified) that ip_workbench.define_mart made, with everything define_mart made for it: its query view scout_internal.<name>_query, its check scout_checks.<name>_matches_its_query, test_failures.<name>, its rows in ip_workbench.tables and ip_workbench.layer_versions, and its definition (ip_workbench.marts, whose queued days go with it). Returns false when no such mart is defined. Fails with 2BP01 naming any object that reads it. Owner only: scout-db migrate calls it for a mart whose file was removed, and rollback --extension for each mart of the extension.';
revoke all on function ip_workbench.drop_mart(text) from public;
