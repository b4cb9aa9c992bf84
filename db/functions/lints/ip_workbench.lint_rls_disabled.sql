-- A table any role can read without row level security: every table of the pipeline has
-- it, so a grant added by mistake still shows nothing.
create or replace view ip_workbench.lint_rls_disabled
with (security_invoker = true)
as
select r.object_type, r.object_name, 'rls_disabled' as problem,
       'alter table … enable row level security (or call ip_workbench.secure_table)' as fix
  from ip_workbench.lint_pipeline_relations r
 where r.relkind in ('r', 'p') and not r.relrowsecurity;
comment on view ip_workbench.lint_rls_disabled is
    'A table any role can read without row level security: every table of the pipeline has it, so a grant added by mistake still shows nothing. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';
comment on column ip_workbench.lint_rls_disabled.object_type is 'table, view, materialized view, foreign table, column or function.';
comment on column ip_workbench.lint_rls_disabled.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.lint_rls_disabled.problem is 'The rule''s stable problem code.';
comment on column ip_workbench.lint_rls_disabled.fix is 'What to do about it.';
revoke all on ip_workbench.lint_rls_disabled from public, anon, authenticated;
grant select on ip_workbench.lint_rls_disabled to service_role;
