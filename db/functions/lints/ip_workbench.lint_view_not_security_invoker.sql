-- A view that reads with its owner's rights: as security_invoker, the reader's row level
-- security applies.
create or replace view ip_workbench.lint_view_not_security_invoker
with (security_invoker = true)
as
select r.object_type, r.object_name, 'view_not_security_invoker' as problem,
       'create view … with (security_invoker = true), so readers'' RLS applies' as fix
  from ip_workbench.lint_pipeline_relations r
 where r.relkind = 'v' and not coalesce('security_invoker=true' = any (r.reloptions), false);
comment on view ip_workbench.lint_view_not_security_invoker is
    'A view that reads with its owner''s rights: as security_invoker, the reader''s row level security applies. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';
comment on column ip_workbench.lint_view_not_security_invoker.object_type is 'table, view, materialized view, foreign table, column or function.';
comment on column ip_workbench.lint_view_not_security_invoker.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.lint_view_not_security_invoker.problem is 'The rule''s stable problem code.';
comment on column ip_workbench.lint_view_not_security_invoker.fix is 'What to do about it.';
revoke all on ip_workbench.lint_view_not_security_invoker from public, anon, authenticated;
grant select on ip_workbench.lint_view_not_security_invoker to service_role;
