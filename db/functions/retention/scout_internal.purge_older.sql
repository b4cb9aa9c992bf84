-- One retention delete of scout.purge_expired: the rows of p_schema.p_table whose
-- p_column is before p_before, and the registry's count kept true.
create or replace function scout_internal.purge_older(p_schema text, p_table text, p_column text, p_before timestamptz)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_deleted bigint;
    v_any boolean;
begin
    -- nothing to delete, no statement: a DELETE counts as a write of its table even when
    -- it deletes nothing (ip_workbench.layer_versions), which would wake Platinum daily
    execute pg_catalog.format('select exists (select 1 from %I.%I where %I < $1)', p_schema, p_table, p_column)
       into v_any using p_before;
    if not v_any then
        return 0;
    end if;
    execute pg_catalog.format('delete from %I.%I where %I < $1', p_schema, p_table, p_column) using p_before;
    get diagnostics v_deleted = row_count;
    if exists (select 1 from ip_workbench.tables t where t.schema_name = p_schema and t.table_name = p_table) then
        perform scout_internal.touch_table(p_schema, p_table, v_deleted, -v_deleted);
    end if;
    return v_deleted;
end
$fn$;
comment on function scout_internal.purge_older(text, text, text, timestamptz) is
    'Deletes the rows of p_schema.p_table whose p_column is before p_before, adjusts its row_count in ip_workbench.tables when it is registered, and returns how many went. Internal to scout.purge_expired.';
revoke all on function scout_internal.purge_older(text, text, text, timestamptz) from public;
-- Owner only: scout.purge_expired runs with its owner's rights.
