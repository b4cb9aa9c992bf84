-- Internal steps that must run under their job's lock check it here, so calling
-- one directly (as service_role may) cannot bypass the lock.
create or replace function scout_internal.holds_job_lock(p_lock_key int)
returns boolean
language sql
stable
begin atomic
    select exists (
        select 1
          from pg_catalog.pg_locks l
         where l.locktype = 'advisory' and l.granted
           and l.pid = pg_catalog.pg_backend_pid()
           and l.classid = 23559::oid and l.objid = p_lock_key::oid and l.objsubid = 2::smallint);
end;
comment on function scout_internal.holds_job_lock(int) is
    'Whether this session holds the job lock (23559, p_lock_key) that scout_internal.start_job takes.';
revoke all on function scout_internal.holds_job_lock(int) from public;
grant execute on function scout_internal.holds_job_lock(int) to service_role;
