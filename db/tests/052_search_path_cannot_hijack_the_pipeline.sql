-- A role that owns a schema on the caller's search_path puts its own operators
-- there. pg_catalog has no numeric * integer (only numeric * numeric, by an
-- implicit cast), so an exact match on the path wins in any function that resolves
-- its names at call time, and runs the attacker's code as the caller. The
-- pipeline's functions are pinned or bound at creation: nothing of the attacker's runs.
begin;
select plan(4);

create role scout_test_mallory;
create schema evil authorization scout_test_mallory;
create table evil.ran (who text, what text);
grant insert on evil.ran to public;
set local role scout_test_mallory;
create function evil.mul(numeric, integer) returns numeric language plpgsql as $$
begin insert into evil.ran values (current_user, 'numeric * integer'); return $1 operator(pg_catalog.*) $2::numeric; end $$;
create operator evil.* (leftarg = numeric, rightarg = integer, function = evil.mul);
create function evil.arrow(jsonb, text) returns jsonb language plpgsql as $$
begin insert into evil.ran values (current_user, 'jsonb -> text'); return $1 operator(pg_catalog.->) $2; end $$;
create operator evil.-> (leftarg = jsonb, rightarg = text, function = evil.arrow);
grant usage on schema evil to public;
grant execute on function evil.mul(numeric, integer), evil.arrow(jsonb, text) to public;
reset role;

-- the control: an unpinned function with a string body does run the attacker's operator
create function pg_temp.careless(p numeric) returns numeric language sql as 'select p * 1000';
set local search_path = evil, public, pg_temp;
select pg_temp.careless(1);
select is((select count(*)::int from evil.ran where what = 'numeric * integer'), 1,
          'control: an unpinned SQL function resolves * through the search_path');
delete from evil.ran;

-- the pipeline, called with the attacker's schema first on the path
insert into scout.bronze_transactions (raw_data) values
    ('{"transaction_id": "H1", "date": "2025-01-01", "amount": 1, "category": "Dairy"}');
select scout.ingest_transactions('{"transaction_id": "H2", "date": "2025-01-01", "amount": 2, "category": "Dairy"}');
select scout.ingest_products('{"sku": "H", "name": "n", "price": "1.5", "updated_at": "2025-01-01"}');
select scout.run_transformations();
select is_empty($$select who, what from evil.ran$$,
    'Bronze''s id default, the ingest RPCs, the parsers and every refresh ran none of the attacker''s operators');
select is((select count(*)::int from scout.silver_validated_transactions where transaction_id in ('H1', 'H2')), 2,
          'and did their work');
reset search_path;
select is_empty($$select object_name from ip_workbench.security_lint where problem = 'function_search_path_mutable'$$,
    'no pipeline function resolves a name through the caller''s search_path');

select * from finish();
rollback;
