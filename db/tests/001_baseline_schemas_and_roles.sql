-- The baseline creates the three schemas and the Supabase API roles, and the
-- API roles reach only what the contract lets them.
begin;
select plan(12);

select has_schema('scout');
select has_schema('ip_workbench');
select has_schema('test_failures');

select has_role('anon');
select has_role('authenticated');
select has_role('service_role');

select is(
    (select count(*)::int from pg_roles
      where rolname in ('anon', 'authenticated', 'service_role') and rolcanlogin),
    0, 'the API roles cannot log in: PostgREST switches into them');

select ok(not has_schema_privilege('anon', 'scout', 'usage'), 'anon cannot even look into scout');
select ok(not has_schema_privilege('anon', 'ip_workbench', 'usage'), 'anon cannot look into ip_workbench');
select ok(not has_schema_privilege('authenticated', 'ip_workbench', 'usage'), 'authenticated cannot look into ip_workbench');
select ok(has_schema_privilege('authenticated', 'scout', 'usage'), 'authenticated may use scout (for Gold and Platinum)');
select ok(has_schema_privilege('service_role', 'test_failures', 'usage'), 'service_role may use test_failures');

select * from finish();
rollback;
