-- What the function lints read: every function of the pipeline's schemas.
create or replace view ip_workbench.lint_pipeline_functions
with (security_invoker = true)
as
select p.oid, n.nspname, p.proname, p.prosecdef, p.proconfig, p.proacl, p.proowner, l.lanname,
       p.prosqlbody is not null as has_sql_body,
       pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))
           as signature
  from pg_catalog.pg_proc p
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  join pg_catalog.pg_language l on l.oid = p.prolang
 where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures');
comment on view ip_workbench.lint_pipeline_functions is
    'The functions every function lint of ip_workbench.security_lint reads: those of scout, scout_internal, scout_dev, scout_checks, ip_workbench and test_failures, with their rights, settings, language and signature.';
comment on column ip_workbench.lint_pipeline_functions.oid is 'pg_proc oid.';
comment on column ip_workbench.lint_pipeline_functions.nspname is 'Schema.';
comment on column ip_workbench.lint_pipeline_functions.proname is 'Name.';
comment on column ip_workbench.lint_pipeline_functions.prosecdef is 'Security definer.';
comment on column ip_workbench.lint_pipeline_functions.proconfig is 'Its SET clauses (search_path among them).';
comment on column ip_workbench.lint_pipeline_functions.proacl is 'Its privileges (NULL: the defaults).';
comment on column ip_workbench.lint_pipeline_functions.proowner is 'Its owner.';
comment on column ip_workbench.lint_pipeline_functions.lanname is 'Its language.';
comment on column ip_workbench.lint_pipeline_functions.has_sql_body is 'An SQL-standard body (begin atomic), bound to its objects when created.';
comment on column ip_workbench.lint_pipeline_functions.signature is 'schema.name(argument types).';
revoke all on ip_workbench.lint_pipeline_functions from public, anon, authenticated;
grant select on ip_workbench.lint_pipeline_functions to service_role;
