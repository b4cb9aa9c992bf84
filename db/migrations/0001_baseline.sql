-- Baseline: the three schemas, the Supabase API roles, locked-down defaults, pg_cron.
-- Conventions: db/CONVENTIONS.md. Never edit once applied; add a new migration.

create schema if not exists scout;
comment on schema scout is 'Scout Retail medallion layers (bronze_*, silver_*, gold_*, platinum_*), reference tables (ref_*) and the pipeline functions.';

create schema if not exists ip_workbench;
comment on schema ip_workbench is 'Pipeline metadata: table registry with freshness and data-quality scores, job runs, data-quality results and alerts.';

create schema if not exists test_failures;
comment on schema test_failures is 'Rows that failed a data-quality check, one table per checked table (e.g. test_failures.silver_validated_transactions).';

-- Supabase projects already have these roles; vanilla Postgres gets them here.
-- They cannot log in: PostgREST's authenticator switches into them per request.
do $roles$
declare
    v_role text;
begin
    foreach v_role in array array['anon', 'authenticated', 'service_role'] loop
        if not exists (select 1 from pg_catalog.pg_roles where rolname = v_role) then
            execute pg_catalog.format('create role %I nologin noinherit', v_role);
            raise notice 'created role %', v_role;
        end if;
    end loop;
end
$roles$;

-- Nothing is reachable by default; every grant below and in later migrations is explicit.
revoke all on schema scout, ip_workbench, test_failures from public;
grant usage on schema scout to authenticated, service_role;
grant usage on schema ip_workbench, test_failures to service_role;

-- Functions are created executable by PUBLIC unless told otherwise: each function
-- file grants EXECUTE to the roles that need it, next to its definition.
alter default privileges revoke execute on functions from public;

-- pg_cron lives in one database (cron.database_name) and needs a superuser (or
-- Supabase's supautils) to create; wherever that does not hold, the jobs are run
-- by another scheduler calling the same functions, so this is a notice, not an error.
do $cron$
begin
    if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
        return;
    end if;
    if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron') then
        raise notice 'pg_cron is not installed on this server: skipped; schedule the scout jobs with another scheduler';
        return;
    end if;
    begin
        create extension pg_cron;
    exception when others then
        raise notice 'pg_cron not created in this database (%): skipped; schedule the jobs from cron.database_name with cron.schedule_in_database, or with another scheduler', sqlerrm;
    end;
end
$cron$;
