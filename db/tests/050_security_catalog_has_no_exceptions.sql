-- The catalog-wide rules (ip_workbench.security_lint) hold for every object that
-- exists now, and the lint catches a table added without RLS, a function left
-- executable by PUBLIC, a function whose names resolve through the caller's
-- search_path, and an undocumented object.
begin;
select plan(10);

select is_empty($$select object_type, object_name, problem from ip_workbench.security_lint$$,
    'no table without forced RLS, no PUBLIC or anon privilege, no mutable search_path, no undocumented object');
select is_empty($$
    select c.relname from pg_class c
     where c.relnamespace = 'ip_workbench'::regnamespace and c.relkind = 'v'
       and c.relname like 'lint\_%' and c.relname not like 'lint\_pipeline\_%'
       and not exists (select 1 from pg_depend d join pg_rewrite r on r.oid = d.objid
                        where r.ev_class = 'ip_workbench.security_lint'::regclass and d.refobjid = c.oid)$$,
    'every rule view of db/functions/lints is part of ip_workbench.security_lint');

-- break it…
create table scout.careless (id int);
create function scout.careless_fn() returns int language sql security definer as 'select 1';
grant execute on function scout.careless_fn() to public;
create function scout_internal.careless_plpgsql() returns int language plpgsql as 'begin return 1; end';
comment on function scout_internal.careless_plpgsql() is 'test';
create function scout_internal.careless_sql(p int) returns int language sql as 'select p + 1';
comment on function scout_internal.careless_sql(int) is 'test';
create function scout_internal.bound_sql(p int) returns int language sql begin atomic select p operator(pg_catalog.+) 1; end;
comment on function scout_internal.bound_sql(int) is 'test';
create function scout_internal.pinned_plpgsql() returns int language plpgsql set search_path = '' as 'begin return 1; end';
comment on function scout_internal.pinned_plpgsql() is 'test';

select set_eq($$select problem from ip_workbench.security_lint where object_name = 'scout.careless'$$,
    array['rls_disabled', 'rls_not_forced', 'missing_comment'],
    'a table added without RLS or a comment is reported');
select set_eq($$select problem from ip_workbench.security_lint where object_name = 'scout.careless_fn()'$$,
    array['execute_for_public', 'security_definer_without_search_path', 'function_search_path_mutable', 'missing_comment'],
    'a function executable by PUBLIC, with a mutable search_path and no comment is reported');
select set_eq($$select problem from ip_workbench.security_lint where object_name = 'scout_internal.careless_plpgsql()'$$,
    array['function_search_path_mutable'],
    'a plpgsql function without a pinned search_path is reported, security definer or not');
select set_eq($$select problem from ip_workbench.security_lint where object_name = 'scout_internal.careless_sql(p integer)'$$,
    array['function_search_path_mutable'],
    'an SQL function whose string body is parsed at each call under the caller''s search_path is reported');
select is_empty($$select problem from ip_workbench.security_lint
                   where object_name in ('scout_internal.bound_sql(p integer)', 'scout_internal.pinned_plpgsql()')$$,
    'an SQL-standard body (bound at creation) and a pinned plpgsql function pass');

-- …and fix the table with the project's template
select ip_workbench.secure_table('scout.careless');
comment on table scout.careless is 'test';
comment on column scout.careless.id is 'test';
select is_empty($$select problem from ip_workbench.security_lint where object_name = 'scout.careless'$$,
    'ip_workbench.secure_table plus comments clear the table''s problems');

select is((select count(*)::int from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'scout_meta' and c.relkind = 'r'
              and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select')
                   or has_table_privilege('service_role', c.oid, 'select'))), 0,
          'the migration bookkeeping in scout_meta is invisible to the API roles');
select ok(not has_schema_privilege('authenticated', 'scout_meta', 'usage'), 'and its schema is closed to them');

select * from finish();
rollback;
