-- The catalog files (db/functions/catalog/) say what every table and column is on
-- every migrate, so a description is changed by editing its line, never a landed
-- migration. A description already in place is left alone: no COMMENT runs, so an
-- unchanged catalog takes no lock on any table.
create or replace function scout_internal.describe(p_kind text, p_object text, p_description text)
returns boolean
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_relation regclass;
    v_column name;
    v_target text;
    v_now text;
begin
    case p_kind
    when 'schema' then
        select pg_catalog.quote_ident(n.nspname), pg_catalog.obj_description(n.oid, 'pg_namespace')
          into v_target, v_now
          from pg_catalog.pg_namespace n where n.nspname = p_object;
        if v_target is null then
            raise exception using errcode = '3F000', message = pg_catalog.format('schema %s does not exist', p_object),
                hint = 'Remove or rename its line in db/functions/catalog/ with the migration that dropped it.';
        end if;
    when 'table' then
        v_relation := p_object::regclass;
        v_target := v_relation::text;
        v_now := pg_catalog.obj_description(v_relation, 'pg_class');
    when 'column' then
        v_relation := pg_catalog.left(p_object, - pg_catalog.length(pg_catalog.split_part(p_object, '.', -1)) - 1)::regclass;
        v_column := pg_catalog.split_part(p_object, '.', -1);
        select pg_catalog.col_description(a.attrelid, a.attnum) into v_now
          from pg_catalog.pg_attribute a
         where a.attrelid = v_relation and a.attname = v_column and a.attnum > 0 and not a.attisdropped;
        if not found then
            raise exception using errcode = '42703',
                message = pg_catalog.format('column %s of %s does not exist', v_column, v_relation),
                hint = 'Remove or rename its line in db/functions/catalog/ with the migration that changed the table.';
        end if;
        v_target := v_relation::text || '.' || pg_catalog.quote_ident(v_column);
    when 'type' then
        v_target := p_object::regtype::text;
        v_now := pg_catalog.obj_description(p_object::regtype, 'pg_type');
    else
        raise exception using errcode = '22023',
            message = pg_catalog.format('cannot describe a %s: the catalog describes a schema, table, column or type', p_kind);
    end case;
    if v_now is not distinct from p_description then
        return false;
    end if;
    execute pg_catalog.format('comment on %s %s is %L', p_kind, v_target, p_description);
    return true;
end
$fn$;
comment on function scout_internal.describe(text, text, text) is
    'Sets the description of a schema, table (p_object as schema.table), column (schema.table.column) or type to p_description when it differs; true when it changed. Called by the db/functions/catalog files on every migrate.';
revoke all on function scout_internal.describe(text, text, text) from public;
