-- Like splinter's lint 0011: a function whose names are looked up through the caller's
-- search_path can be made to run the caller's own operator or function. Immune are those
-- that pin it and SQL-standard bodies (begin atomic), whose names were bound when they
-- were created (and which the planner still inlines).
create or replace view ip_workbench.lint_function_search_path_mutable
with (security_invoker = true)
as
select 'function' as object_type, f.signature as object_name, 'function_search_path_mutable' as problem,
       case when f.lanname = 'sql'
            then 'write the body as begin atomic … end (bound at creation, still inlined), or add set search_path = '''''
            else 'add set search_path = '''' and qualify every name' end as fix
  from ip_workbench.lint_pipeline_functions f
 where not exists (select 1 from pg_catalog.unnest(f.proconfig) c where c like 'search_path=%')
   and not (f.lanname = 'sql' and f.has_sql_body);
comment on view ip_workbench.lint_function_search_path_mutable is
    'Like splinter''s lint 0011: a function whose names are looked up through the caller''s search_path can be made to run the caller''s own operator or function. Immune are those that pin it and SQL-standard bodies (begin atomic), whose names were bound when they were created (and which the planner still inlines). One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';
comment on column ip_workbench.lint_function_search_path_mutable.object_type is 'table, view, materialized view, foreign table, column or function.';
comment on column ip_workbench.lint_function_search_path_mutable.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.lint_function_search_path_mutable.problem is 'The rule''s stable problem code.';
comment on column ip_workbench.lint_function_search_path_mutable.fix is 'What to do about it.';
revoke all on ip_workbench.lint_function_search_path_mutable from public, anon, authenticated;
grant select on ip_workbench.lint_function_search_path_mutable to service_role;
