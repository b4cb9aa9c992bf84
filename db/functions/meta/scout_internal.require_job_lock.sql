-- A step that writes what its job owns (a queue it claims, totals, a mart) runs only
-- inside that job: service_role may execute the step, but not around the job's lock.
create or replace function scout_internal.require_job_lock(p_job text, p_step text)
returns void
language plpgsql
stable
set search_path = ''
as $fn$
begin
    if not scout_internal.holds_job_lock(p_job) then
        raise exception '% runs only inside %, which holds its lock', p_step, p_job
            using errcode = '55000', hint = pg_catalog.format('Call select %s();', p_job);
    end if;
end
$fn$;
comment on function scout_internal.require_job_lock(text, text) is
    'Raises 55000 naming step p_step and job p_job unless this session holds p_job''s lock (scout_internal.holds_job_lock). The first statement of every step a job calls.';
revoke all on function scout_internal.require_job_lock(text, text) from public;
grant execute on function scout_internal.require_job_lock(text, text) to service_role;
