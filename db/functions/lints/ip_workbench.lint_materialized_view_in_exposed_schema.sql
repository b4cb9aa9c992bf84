-- A materialized view in the schema PostgREST exposes: it cannot carry row level
-- security.
create or replace view ip_workbench.lint_materialized_view_in_exposed_schema
with (security_invoker = true)
as
select r.object_type, r.object_name, 'materialized_view_in_exposed_schema' as problem,
       'materialized views cannot carry RLS: keep them in a schema PostgREST does not expose, behind a security_invoker view' as fix
  from ip_workbench.lint_pipeline_relations r
 where r.relkind = 'm' and r.nspname = 'scout';
comment on view ip_workbench.lint_materialized_view_in_exposed_schema is
    'A materialized view in the schema PostgREST exposes: it cannot carry row level security. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';
comment on column ip_workbench.lint_materialized_view_in_exposed_schema.object_type is 'table, view, materialized view, foreign table, column or function.';
comment on column ip_workbench.lint_materialized_view_in_exposed_schema.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.lint_materialized_view_in_exposed_schema.problem is 'The rule''s stable problem code.';
comment on column ip_workbench.lint_materialized_view_in_exposed_schema.fix is 'What to do about it.';
revoke all on ip_workbench.lint_materialized_view_in_exposed_schema from public, anon, authenticated;
grant select on ip_workbench.lint_materialized_view_in_exposed_schema to service_role;
