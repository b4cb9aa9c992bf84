-- Keeps the registry's size and freshness true after a refresh changed a table,
-- at a cost that follows the change: the count is adjusted by the rows added, and
-- counted in full only when the caller cannot say (a rewritten table), the first
-- time, or after someone cleared it.
create or replace function scout_internal.touch_table(
    p_schema text,
    p_table text,
    p_changed bigint,
    p_added bigint default null,
    p_last_updated timestamptz default null
)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_count bigint;
begin
    if coalesce(p_changed, 0) = 0 then
        return;
    end if;
    update ip_workbench.tables
       set row_count = row_count + p_added,
           last_updated = coalesce(p_last_updated, pg_catalog.now())
     where schema_name = p_schema and table_name = p_table and row_count is not null and p_added is not null;
    if not found then
        execute pg_catalog.format('select pg_catalog.count(*) from %I.%I', p_schema, p_table) into v_count;
        update ip_workbench.tables
           set row_count = v_count,
               last_updated = coalesce(p_last_updated, pg_catalog.now())
         where schema_name = p_schema and table_name = p_table;
    end if;
end
$fn$;
comment on function scout_internal.touch_table(text, text, bigint, bigint, timestamptz) is
    'After a refresh changed p_changed rows of a registered table, p_added of them new: adds p_added to its row_count (or counts the table when p_added or row_count is NULL) and records when it changed (p_last_updated, default now()). Does nothing when p_changed is 0.';
revoke all on function scout_internal.touch_table(text, text, bigint, bigint, timestamptz) from public;
grant execute on function scout_internal.touch_table(text, text, bigint, bigint, timestamptz) to service_role;
