-- Internal steps that must run under their job's lock check it here, so calling
-- one directly (as service_role may) cannot bypass the lock.
create or replace function scout_internal.holds_job_lock(p_job text)
returns boolean
language sql
stable
-- called a few times a run, never per row: pinning search_path costs nothing measurable
set search_path = ''
begin atomic
    select exists (
        select 1
          from pg_catalog.pg_locks l
          join ip_workbench.jobs j on l.objid = j.lock_key::oid
         where j.name = p_job
           and l.locktype = 'advisory' and l.granted
           and l.pid = pg_catalog.pg_backend_pid()
           and l.classid = scout_internal.advisory_lock_space('jobs')::oid and l.objsubid = 2::smallint);
end;
comment on function scout_internal.holds_job_lock(text) is
    'Whether this session holds the advisory lock of job p_job (ip_workbench.jobs), which scout_internal.job_start takes.';
revoke all on function scout_internal.holds_job_lock(text) from public;
grant execute on function scout_internal.holds_job_lock(text) to service_role;
