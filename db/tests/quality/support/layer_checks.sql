-- Shared by the quality suites: every error-level check of scout_checks for one layer,
-- run now (a warning, such as a sale at an unregistered store, fails no layer).
-- Reads the live database and writes nothing but this session's temp function.
create or replace function pg_temp.layer_checks(p_layer text)
returns table (check_name text, table_name text, passed bigint, failed bigint)
language plpgsql as $$
declare
    v_view text;
begin
    for v_view in select c.relname from pg_catalog.pg_class c
                   where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v' order by 1 loop
        return query execute pg_catalog.format(
            'select check_name, schema_name || ''.'' || table_name, passed, failed from scout_checks.%I where layer = $1 and level = ''error''',
            v_view) using p_layer;
    end loop;
end $$;
