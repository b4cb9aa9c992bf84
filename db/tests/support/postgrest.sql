-- Become an API role the way PostgREST runs a request: inside the request's
-- transaction, the role and the JWT claims set locally, search_path = the exposed
-- schema. Shared by the pgTAP files (\ir support/postgrest.sql) and the Python
-- tests (tests/postgrest.py), so every permission test switches roles one way.
create or replace function pg_temp.as_role(p_role text) returns void language plpgsql as $$
begin
    perform set_config('role', p_role, true);
    perform set_config('request.jwt.claims', json_build_object('role', p_role, 'sub', gen_random_uuid())::text, true);
    perform set_config('search_path', 'scout, public', true);
end $$;
-- Back to the connecting role (the DBA) within the same transaction.
create or replace function pg_temp.as_dba() returns void language plpgsql as $$
begin
    perform set_config('role', 'none', true);
    perform set_config('request.jwt.claims', '', true);
    perform set_config('search_path', 'public', true);
end $$;
-- The project's default privileges keep new functions from PUBLIC; these are for every role.
grant execute on function pg_temp.as_role(text), pg_temp.as_dba() to public;
