-- Catalog-wide rules every object in the pipeline's schemas must follow, as rows
-- that should not exist: a table added tomorrow without RLS, or a function left
-- executable by PUBLIC, shows up here (and fails db/tests/050) without anyone
-- editing a test. One view per rule in db/functions/lints/, as Supabase's splinter
-- keeps one file per lint; a new rule is a new file there and its line here.
create or replace view ip_workbench.security_lint
with (security_invoker = true)
as
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_rls_disabled l
union all
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_rls_not_forced l
union all
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_privilege_for_public_or_anon l
union all
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_materialized_view_in_exposed_schema l
union all
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_view_not_security_invoker l
union all
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_execute_for_public_or_anon l
union all
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_security_definer_without_search_path l
union all
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_function_search_path_mutable l
union all
select l.object_type, l.object_name, l.problem, l.fix from ip_workbench.lint_missing_comment l;

comment on view ip_workbench.security_lint is
    'Security and documentation rules broken by objects in scout, scout_internal, scout_dev, scout_checks, ip_workbench and test_failures, one row per problem: tables without forced RLS, privileges for PUBLIC or anon, materialized views in the exposed schema, views that are not security_invoker, security definer functions without a pinned search_path, functions whose names resolve through the caller''s search_path (neither pinned nor an SQL-standard body), objects without a comment. Empty when all is well.';
comment on column ip_workbench.security_lint.object_type is 'table, view, materialized view, column or function.';
comment on column ip_workbench.security_lint.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.security_lint.problem is 'Stable problem code, e.g. rls_disabled, execute_for_public, function_search_path_mutable, missing_comment.';
comment on column ip_workbench.security_lint.fix is 'What to do about it.';
revoke all on ip_workbench.security_lint from public, anon, authenticated;
grant select on ip_workbench.security_lint to service_role;
