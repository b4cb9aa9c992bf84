-- What the lints read: every table, view, materialized view and foreign table of the
-- pipeline's schemas, with what the rules look at.
create or replace view ip_workbench.lint_pipeline_relations
with (security_invoker = true)
as
select c.oid, n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.relacl, c.relowner,
       c.reloptions,
       case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table'
                      else 'table' end as object_type,
       pg_catalog.format('%I.%I', n.nspname, c.relname) as object_name
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
 where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures')
   and c.relkind in ('r', 'p', 'v', 'm', 'f');
comment on view ip_workbench.lint_pipeline_relations is
    'The relations every lint of ip_workbench.security_lint reads: the tables, views, materialized views and foreign tables of scout, scout_internal, scout_dev, scout_checks, ip_workbench and test_failures, with their kind, RLS flags, ACL, owner and options.';
comment on column ip_workbench.lint_pipeline_relations.oid is 'pg_class oid.';
comment on column ip_workbench.lint_pipeline_relations.nspname is 'Schema.';
comment on column ip_workbench.lint_pipeline_relations.relname is 'Name.';
comment on column ip_workbench.lint_pipeline_relations.relkind is 'r, p, v, m or f (pg_class.relkind).';
comment on column ip_workbench.lint_pipeline_relations.relrowsecurity is 'Row level security enabled.';
comment on column ip_workbench.lint_pipeline_relations.relforcerowsecurity is 'Row level security forced on the owner too.';
comment on column ip_workbench.lint_pipeline_relations.relacl is 'Its privileges (NULL: the defaults).';
comment on column ip_workbench.lint_pipeline_relations.relowner is 'Its owner.';
comment on column ip_workbench.lint_pipeline_relations.reloptions is 'Its options (security_invoker for a view).';
comment on column ip_workbench.lint_pipeline_relations.object_type is 'table, view, materialized view or foreign table.';
comment on column ip_workbench.lint_pipeline_relations.object_name is 'schema.name, quoted where needed.';
revoke all on ip_workbench.lint_pipeline_relations from public, anon, authenticated;
grant select on ip_workbench.lint_pipeline_relations to service_role;
