-- A table, view, column or function without a description: the catalog (docs/schemas) is
-- generated from them.
create or replace view ip_workbench.lint_missing_comment
with (security_invoker = true)
as
select r.object_type, r.object_name, 'missing_comment' as problem, 'comment on … is ''what it holds''' as fix
  from ip_workbench.lint_pipeline_relations r where pg_catalog.obj_description(r.oid, 'pg_class') is null
union all
select 'column', r.object_name || '.' || pg_catalog.quote_ident(a.attname), 'missing_comment',
       'comment on column … is ''its definition'''
  from ip_workbench.lint_pipeline_relations r
  join pg_catalog.pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
 where pg_catalog.col_description(r.oid, a.attnum) is null
union all
select 'function', f.signature, 'missing_comment', 'comment on function … is ''what it does'''
  from ip_workbench.lint_pipeline_functions f where pg_catalog.obj_description(f.oid, 'pg_proc') is null;
comment on view ip_workbench.lint_missing_comment is
    'A table, view, column or function without a description: the catalog (docs/schemas) is generated from them. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';
comment on column ip_workbench.lint_missing_comment.object_type is 'table, view, materialized view, foreign table, column or function.';
comment on column ip_workbench.lint_missing_comment.object_name is 'Qualified name (functions with their argument types).';
comment on column ip_workbench.lint_missing_comment.problem is 'The rule''s stable problem code.';
comment on column ip_workbench.lint_missing_comment.fix is 'What to do about it.';
revoke all on ip_workbench.lint_missing_comment from public, anon, authenticated;
grant select on ip_workbench.lint_missing_comment to service_role;
