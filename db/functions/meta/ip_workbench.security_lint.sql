-- Catalog-wide rules every object in the pipeline's schemas must follow, as rows
-- that should not exist: a table added tomorrow without RLS, or a function left
-- executable by PUBLIC, shows up here (and fails db/tests/050) without anyone
-- editing a test. Modelled on Supabase's splinter lints.
create or replace view ip_workbench.security_lint
with (security_invoker = true)
as
with pipeline_schemas as (
    select n.oid, n.nspname
      from pg_catalog.pg_namespace n
     where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures')
),
relations as (
    select c.oid, s.nspname, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.relacl, c.relowner
      from pg_catalog.pg_class c
      join pipeline_schemas s on s.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'v', 'm', 'f')
),
functions as (
    select p.oid, s.nspname, p.proname, p.prosecdef, p.proconfig, p.proacl, p.proowner,
           l.lanname, p.prosqlbody is not null as has_sql_body,
           pg_catalog.format('%I.%I(%s)', s.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)) as signature
      from pg_catalog.pg_proc p
      join pipeline_schemas s on s.oid = p.pronamespace
      join pg_catalog.pg_language l on l.oid = p.prolang
)
select 'table' as object_type, pg_catalog.format('%I.%I', r.nspname, r.relname) as object_name,
       'rls_disabled' as problem, 'alter table … enable row level security (or call ip_workbench.secure_table)' as fix
  from relations r where r.relkind in ('r', 'p') and not r.relrowsecurity
union all
select 'table', pg_catalog.format('%I.%I', r.nspname, r.relname),
       'rls_not_forced', 'alter table … force row level security (or call ip_workbench.secure_table)'
  from relations r where r.relkind in ('r', 'p') and not r.relforcerowsecurity
union all
select case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
       pg_catalog.format('%I.%I', r.nspname, r.relname),
       'privilege_for_' || case a.grantee when 0 then 'public' else 'anon' end,
       'revoke all on … from public, anon'
  from relations r
 cross join lateral pg_catalog.aclexplode(coalesce(r.relacl, pg_catalog.acldefault('r', r.relowner))) a
 where a.grantee = 0 or a.grantee = (select oid from pg_catalog.pg_roles where rolname = 'anon')
union all
select 'materialized view', pg_catalog.format('%I.%I', r.nspname, r.relname),
       'materialized_view_in_exposed_schema',
       'materialized views cannot carry RLS: keep them in a schema PostgREST does not expose, behind a security_invoker view'
  from relations r where r.relkind = 'm' and r.nspname = 'scout'
union all
select 'view', pg_catalog.format('%I.%I', r.nspname, r.relname),
       'view_not_security_invoker', 'create view … with (security_invoker = true), so readers'' RLS applies'
  from relations r
  join pg_catalog.pg_class c on c.oid = r.oid
 where r.relkind = 'v' and not coalesce('security_invoker=true' = any (c.reloptions), false)
union all
select 'function', f.signature,
       'execute_for_' || case a.grantee when 0 then 'public' else 'anon' end,
       'revoke all on function … from public; grant execute to the roles that need it'
  from functions f
 cross join lateral pg_catalog.aclexplode(coalesce(f.proacl, pg_catalog.acldefault('f', f.proowner))) a
 where a.privilege_type = 'EXECUTE'
   and (a.grantee = 0 or a.grantee = (select oid from pg_catalog.pg_roles where rolname = 'anon'))
union all
select 'function', f.signature, 'security_definer_without_search_path', 'add set search_path = '''' and qualify every name'
  from functions f
 where f.prosecdef and not exists (select 1 from pg_catalog.unnest(f.proconfig) c where c like 'search_path=%')
union all
-- Like splinter's lint 0011: a function whose names are looked up through the
-- caller's search_path can be made to run the caller's own operator or function.
-- Immune are those that pin it and SQL-standard bodies (begin atomic), whose names
-- were bound when they were created (and which the planner still inlines).
select 'function', f.signature, 'function_search_path_mutable',
       case when f.lanname = 'sql'
            then 'write the body as begin atomic … end (bound at creation, still inlined), or add set search_path = '''''
            else 'add set search_path = '''' and qualify every name' end
  from functions f
 where not exists (select 1 from pg_catalog.unnest(f.proconfig) c where c like 'search_path=%')
   and not (f.lanname = 'sql' and f.has_sql_body)
union all
select case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
       pg_catalog.format('%I.%I', r.nspname, r.relname), 'missing_comment', 'comment on … is ''what it holds'''
  from relations r where pg_catalog.obj_description(r.oid, 'pg_class') is null
union all
select 'column', pg_catalog.format('%I.%I.%I', r.nspname, r.relname, a.attname), 'missing_comment',
       'comment on column … is ''its definition'''
  from relations r
  join pg_catalog.pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
 where pg_catalog.col_description(r.oid, a.attnum) is null
union all
select 'function', f.signature, 'missing_comment', 'comment on function … is ''what it does'''
  from functions f where pg_catalog.obj_description(f.oid, 'pg_proc') is null;

comment on view ip_workbench.security_lint is
    'Security and documentation rules broken by objects in scout, scout_internal, scout_dev, scout_checks, ip_workbench and test_failures, one row per problem: tables without forced RLS, privileges for PUBLIC or anon, materialized views in the exposed schema, views that are not security_invoker, security definer functions without a pinned search_path, functions whose names resolve through the caller''s search_path (neither pinned nor an SQL-standard body), objects without a comment. Empty when all is well.';
comment on column ip_workbench.security_lint.object_type is 'table, view, materialized view, column or function.';
comment on column ip_workbench.security_lint.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.security_lint.problem is 'Stable problem code, e.g. rls_disabled, execute_for_public, function_search_path_mutable, missing_comment.';
comment on column ip_workbench.security_lint.fix is 'What to do about it.';
revoke all on ip_workbench.security_lint from public, anon, authenticated;
grant select on ip_workbench.security_lint to service_role;
