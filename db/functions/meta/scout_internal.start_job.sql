-- The start of every scheduler-fired function: take its advisory lock for this
-- transaction, or report (and record) that another session holds it, and which:
-- any role can take an advisory lock, so a stuck or hostile holder must be easy
-- to find and end.
create or replace function scout_internal.start_job(p_job text, p_lock_key int, p_wait boolean, p_started timestamptz)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_holder jsonb;
begin
    if p_wait then
        perform pg_catalog.pg_advisory_xact_lock(23559, p_lock_key);
        return null;
    end if;
    if pg_catalog.pg_try_advisory_xact_lock(23559, p_lock_key) then
        return null;
    end if;
    select pg_catalog.jsonb_build_object('pid', l.pid, 'role', a.usename, 'application_name', a.application_name,
                                         'since', a.xact_start, 'state', a.state)
      into v_holder
      from pg_catalog.pg_locks l
      left join pg_catalog.pg_stat_activity a on a.pid = l.pid
     where l.locktype = 'advisory' and l.granted
       and l.classid = 23559::oid and l.objid = p_lock_key::oid and l.objsubid = 2::smallint
     limit 1;
    return scout_internal.record_job_run(p_job, p_started, 'skipped', pg_catalog.jsonb_build_object(
        'status', 'skipped',
        'reason', pg_catalog.format('another %s is running; call again, or with p_wait => true to queue behind it', p_job),
        'held_by', v_holder));
end
$fn$;
comment on function scout_internal.start_job(text, int, boolean, timestamptz) is
    'Takes advisory lock (23559, p_lock_key) for the calling transaction (waiting for it when p_wait) and returns NULL; when another session holds it and p_wait is false, records a skipped run in ip_workbench.job_runs and returns {"status": "skipped", "reason", "held_by": {pid, role, application_name, since, state}} for the caller to return.';
revoke all on function scout_internal.start_job(text, int, boolean, timestamptz) from public;
grant execute on function scout_internal.start_job(text, int, boolean, timestamptz) to service_role;
