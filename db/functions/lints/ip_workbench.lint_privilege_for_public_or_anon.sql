-- A relation PUBLIC or anon holds a privilege on: nothing of the pipeline is for
-- anonymous callers.
create or replace view ip_workbench.lint_privilege_for_public_or_anon
with (security_invoker = true)
as
select r.object_type, r.object_name,
       'privilege_for_' || case a.grantee when 0 then 'public' else 'anon' end as problem,
       'revoke all on … from public, anon' as fix
  from ip_workbench.lint_pipeline_relations r
 cross join lateral pg_catalog.aclexplode(coalesce(r.relacl, pg_catalog.acldefault('r', r.relowner))) a
 where a.grantee = 0 or a.grantee = (select o.oid from pg_catalog.pg_roles o where o.rolname = 'anon');
comment on view ip_workbench.lint_privilege_for_public_or_anon is
    'A relation PUBLIC or anon holds a privilege on: nothing of the pipeline is for anonymous callers. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';
comment on column ip_workbench.lint_privilege_for_public_or_anon.object_type is 'table, view, materialized view, foreign table, column or function.';
comment on column ip_workbench.lint_privilege_for_public_or_anon.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.lint_privilege_for_public_or_anon.problem is 'The rule''s stable problem code.';
comment on column ip_workbench.lint_privilege_for_public_or_anon.fix is 'What to do about it.';
revoke all on ip_workbench.lint_privilege_for_public_or_anon from public, anon, authenticated;
grant select on ip_workbench.lint_privilege_for_public_or_anon to service_role;
