-- The start of every scheduler-fired function: take its advisory lock for this
-- transaction, or report (and record) that another run holds it.
create or replace function scout_internal.start_job(p_job text, p_lock_key int, p_wait boolean, p_started timestamptz)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    if p_wait then
        perform pg_catalog.pg_advisory_xact_lock(23559, p_lock_key);
        return null;
    end if;
    if pg_catalog.pg_try_advisory_xact_lock(23559, p_lock_key) then
        return null;
    end if;
    return scout_internal.record_job_run(p_job, p_started, 'skipped', pg_catalog.jsonb_build_object(
        'status', 'skipped',
        'reason', pg_catalog.format('another %s is running; call again, or with p_wait => true to queue behind it', p_job)));
end
$fn$;
comment on function scout_internal.start_job(text, int, boolean, timestamptz) is
    'Takes advisory lock (23559, p_lock_key) for the calling transaction (waiting for it when p_wait) and returns NULL; when another run holds it and p_wait is false, records a skipped run in ip_workbench.job_runs and returns {"status": "skipped", "reason"} for the caller to return.';
revoke all on function scout_internal.start_job(text, int, boolean, timestamptz) from public;
grant execute on function scout_internal.start_job(text, int, boolean, timestamptz) to service_role;
