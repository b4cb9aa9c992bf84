-- The one place a job's lock is taken: (space jobs, the job's lock_key), for the
-- transaction, as scout_internal.holds_job_lock checks it.
create or replace function scout_internal.take_job_lock(p_job text, p_wait boolean)
returns boolean
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_key integer;
begin
    select j.lock_key into v_key from ip_workbench.jobs j where j.name = p_job;
    if not found then
        raise exception 'unknown job %', p_job
            using errcode = '42704', hint = 'Every job is a row of ip_workbench.jobs.';
    end if;
    if p_wait then
        perform pg_catalog.pg_advisory_xact_lock(scout_internal.advisory_lock_space('jobs'), v_key);
        return true;
    end if;
    return pg_catalog.pg_try_advisory_xact_lock(scout_internal.advisory_lock_space('jobs'), v_key);
end
$fn$;
comment on function scout_internal.take_job_lock(text, boolean) is
    'Takes job p_job''s advisory lock for the transaction (space jobs, its lock_key): waits for it when p_wait and returns true, else returns whether it was free. 42704 for a job that is not in ip_workbench.jobs.';
revoke all on function scout_internal.take_job_lock(text, boolean) from public;
grant execute on function scout_internal.take_job_lock(text, boolean) to service_role;
