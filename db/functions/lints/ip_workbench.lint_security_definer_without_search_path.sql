-- A security definer function whose names its caller's search_path could redirect.
create or replace view ip_workbench.lint_security_definer_without_search_path
with (security_invoker = true)
as
select 'function' as object_type, f.signature as object_name, 'security_definer_without_search_path' as problem,
       'add set search_path = '''' and qualify every name' as fix
  from ip_workbench.lint_pipeline_functions f
 where f.prosecdef and not exists (select 1 from pg_catalog.unnest(f.proconfig) c where c like 'search_path=%');
comment on view ip_workbench.lint_security_definer_without_search_path is
    'A security definer function whose names its caller''s search_path could redirect. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';
comment on column ip_workbench.lint_security_definer_without_search_path.object_type is 'table, view, materialized view, foreign table, column or function.';
comment on column ip_workbench.lint_security_definer_without_search_path.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.lint_security_definer_without_search_path.problem is 'The rule''s stable problem code.';
comment on column ip_workbench.lint_security_definer_without_search_path.fix is 'What to do about it.';
revoke all on ip_workbench.lint_security_definer_without_search_path from public, anon, authenticated;
grant select on ip_workbench.lint_security_definer_without_search_path to service_role;
