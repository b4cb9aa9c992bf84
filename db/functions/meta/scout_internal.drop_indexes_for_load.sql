-- A bulk load into an empty table: building an index from all its rows at once costs
-- a fraction of growing it row by row, so the load drops the table's secondary indexes
-- first and runs the definitions this returns after its insert. That locks the table
-- until commit, and only its owner may drop them: for anyone else this drops nothing
-- and the load grows the indexes as it goes.
create or replace function scout_internal.drop_indexes_for_load(p_table regclass)
returns text[]
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_definitions text[];
    v_names text;
begin
    if not pg_catalog.pg_has_role((select c.relowner from pg_catalog.pg_class c where c.oid = p_table), 'USAGE') then
        return '{}'::text[];
    end if;
    select pg_catalog.array_agg(pg_catalog.pg_get_indexdef(i.indexrelid) order by i.indexrelid),
           pg_catalog.string_agg(i.indexrelid::regclass::text, ', ')
      into v_definitions, v_names
      from pg_catalog.pg_index i
     where i.indrelid = p_table and not i.indisprimary;
    if v_names is not null then
        execute 'drop index ' || v_names;
    end if;
    return coalesce(v_definitions, '{}'::text[]);
end
$fn$;
comment on function scout_internal.drop_indexes_for_load(regclass) is
    'For a bulk load into an empty table: drops p_table''s indexes but its primary key and returns their definitions (pg_get_indexdef), for the load to run after its insert; drops nothing and returns none unless the caller may act as the table''s owner.';
revoke all on function scout_internal.drop_indexes_for_load(regclass) from public;
grant execute on function scout_internal.drop_indexes_for_load(regclass) to service_role;
