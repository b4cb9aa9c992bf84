-- A table whose owner bypasses its row level security: forced, the DBA's own functions
-- obey the same policies.
create or replace view ip_workbench.lint_rls_not_forced
with (security_invoker = true)
as
select r.object_type, r.object_name, 'rls_not_forced' as problem,
       'alter table … force row level security (or call ip_workbench.secure_table)' as fix
  from ip_workbench.lint_pipeline_relations r
 where r.relkind in ('r', 'p') and not r.relforcerowsecurity;
comment on view ip_workbench.lint_rls_not_forced is
    'A table whose owner bypasses its row level security: forced, the DBA''s own functions obey the same policies. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';
comment on column ip_workbench.lint_rls_not_forced.object_type is 'table, view, materialized view, foreign table, column or function.';
comment on column ip_workbench.lint_rls_not_forced.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.lint_rls_not_forced.problem is 'The rule''s stable problem code.';
comment on column ip_workbench.lint_rls_not_forced.fix is 'What to do about it.';
revoke all on ip_workbench.lint_rls_not_forced from public, anon, authenticated;
grant select on ip_workbench.lint_rls_not_forced to service_role;
