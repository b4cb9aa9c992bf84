-- Every table and function, as each API role, the way PostgREST runs a request:
-- a transaction, the role and JWT claims set locally, search_path = the exposed schema.
begin;
select plan((
    select 4 * count(*)::int from pg_catalog.pg_tables where schemaname in ('scout', 'ip_workbench', 'test_failures')
) + 3 * (
    select count(*)::int from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('scout', 'ip_workbench')
) + 9);

create function pg_temp.as_role(p_role text) returns void language plpgsql as $$
begin
    perform set_config('role', p_role, true);
    perform set_config('request.jwt.claims', json_build_object('role', p_role, 'sub', gen_random_uuid())::text, true);
    perform set_config('search_path', 'scout, public', true);
end $$;
create function pg_temp.as_dba() returns void language plpgsql as $$
begin
    perform set_config('role', 'none', true);
    perform set_config('search_path', 'public', true);
end $$;
-- scout's default privileges keep new functions from PUBLIC; these helpers are for every role
grant execute on function pg_temp.as_role(text), pg_temp.as_dba() to public;

-- tables: anon may neither read nor write; authenticated only reads the marts;
-- service_role reads everything
select throws_ok(pg_catalog.format('select pg_temp.as_role(''anon''); select * from %I.%I limit 1', schemaname, tablename),
                 '42501', null, pg_catalog.format('anon cannot read %I.%I', schemaname, tablename))
  from pg_catalog.pg_tables where schemaname in ('scout', 'ip_workbench', 'test_failures');
select pg_temp.as_dba();
-- authenticated reads the contract's Gold and Platinum marts, and nothing else
select case when schemaname = 'scout' and tablename in ('gold_monthly_summary', 'gold_category_trends',
                                                         'platinum_transaction_embeddings', 'platinum_product_recommendations')
            then lives_ok(pg_catalog.format('select pg_temp.as_role(''authenticated''); select * from %I.%I limit 1', schemaname, tablename),
                          pg_catalog.format('authenticated reads %I.%I', schemaname, tablename))
            else throws_ok(pg_catalog.format('select pg_temp.as_role(''authenticated''); select * from %I.%I limit 1', schemaname, tablename),
                           '42501', null, pg_catalog.format('authenticated cannot read %I.%I', schemaname, tablename))
       end
  from pg_catalog.pg_tables
 where schemaname in ('scout', 'ip_workbench', 'test_failures');
select pg_temp.as_dba();
select throws_ok(pg_catalog.format('select pg_temp.as_role(''authenticated''); insert into %I.%I default values', schemaname, tablename),
                 '42501', null, pg_catalog.format('authenticated cannot write %I.%I', schemaname, tablename))
  from pg_catalog.pg_tables where schemaname in ('scout', 'ip_workbench', 'test_failures');
select pg_temp.as_dba();
select lives_ok(pg_catalog.format('select pg_temp.as_role(''service_role''); select * from %I.%I limit 1', schemaname, tablename),
                pg_catalog.format('service_role reads %I.%I', schemaname, tablename))
  from pg_catalog.pg_tables where schemaname in ('scout', 'ip_workbench', 'test_failures');
select pg_temp.as_dba();

-- functions: nothing for anon and authenticated (they read tables), everything for service_role
select ok(not has_function_privilege('anon', p.oid, 'execute'),
          pg_catalog.format('anon cannot execute %s.%s', n.nspname, p.oid::regprocedure))
  from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
 where n.nspname in ('scout', 'ip_workbench');
select ok(not has_function_privilege('authenticated', p.oid, 'execute'),
          pg_catalog.format('authenticated cannot execute %s', p.oid::regprocedure))
  from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
 where n.nspname in ('scout', 'ip_workbench');
select ok(has_function_privilege('service_role', p.oid, 'execute'),
          pg_catalog.format('service_role may execute %s', p.oid::regprocedure))
  from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
 where n.nspname in ('scout', 'ip_workbench') and p.oid <> 'ip_workbench.secure_table'::regproc;
select ok(not has_function_privilege('service_role', 'ip_workbench.secure_table(regclass, text[])', 'execute'),
          'the migration helper ip_workbench.secure_table is for the owner only');

-- real calls, as PostgREST would make them
select throws_ok($$select pg_temp.as_role('anon'); select scout.ingest_transactions('{"transaction_id": "x"}')$$,
                 '42501', null, 'anon cannot call /rpc/ingest_transactions');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('authenticated'); select scout.ingest_transactions('{"transaction_id": "x"}')$$,
                 '42501', null, 'authenticated cannot call /rpc/ingest_transactions');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('authenticated'); select scout.refresh_silver()$$,
                 '42501', null, 'authenticated cannot run the pipeline');
select pg_temp.as_dba();
select pg_temp.as_role('service_role');
select lives_ok($$select ingest_transactions('{"transaction_id": "S1", "date": "2025-01-01", "amount": 5, "category": "Dairy"}')$$,
                'service_role calls ingest_transactions (unqualified, as through PostgREST)');
select lives_ok($$select refresh_silver()$$, 'service_role runs refresh_silver');
select is((select count(*)::int from silver_validated_transactions where transaction_id = 'S1'), 1,
          'and reads the result through RLS');
select pg_temp.as_dba();

-- the owner keeps full access even when RLS is forced
select is((select count(*)::int from scout.silver_validated_transactions where transaction_id = 'S1'), 1,
          'the DBA reads the same row');
select ok((select relforcerowsecurity from pg_class where oid = 'scout.silver_validated_transactions'::regclass),
          'with RLS forced on the table');
select ok(not has_table_privilege('service_role', 'scout_meta.migration_checksums', 'select'),
          'service_role cannot touch the migration bookkeeping');

select * from finish();
rollback;
