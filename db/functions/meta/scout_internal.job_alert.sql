-- A job's alert follows its runs: a failed or abandoned run raises it (once while it
-- stays open), the next good run closes it.
create or replace function scout_internal.job_alert(p_job text, p_run_id bigint, p_status text, p_result jsonb)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    if p_status = 'ok' then
        update ip_workbench.dq_alerts a
           set closed_at = pg_catalog.now(),
               details = a.details || pg_catalog.jsonb_build_object('closed_by_run_id', p_run_id)
         where a.kind = 'job_failed' and a.subject = p_job and a.closed_at is null;
    elsif p_status in ('failed', 'abandoned') and p_result ->> 'paged_as' is null
          and coalesce((scout_internal.setting('dq_alert_on_job_failure') #>> '{}')::boolean, true) then
        perform scout_internal.raise_alert('job_failed', p_job, pg_catalog.jsonb_build_object(
            'run_id', p_run_id, 'status', p_status, 'step', p_result ->> 'step',
            'sqlstate', p_result ->> 'sqlstate', 'message', p_result ->> 'message'));
    end if;
end
$fn$;
comment on function scout_internal.job_alert(text, bigint, text, jsonb) is
    'Settles job p_job''s alert after its run p_run_id ended with p_status: failed or abandoned raises a job_failed alert (scout_internal.raise_alert, with the run''s step, sqlstate and message from p_result) unless the setting dq_alert_on_job_failure is false or the run already paged otherwise (p_result has paged_as, as failing Silver checks do); ok closes the open one.';
revoke all on function scout_internal.job_alert(text, bigint, text, jsonb) from public;
grant execute on function scout_internal.job_alert(text, bigint, text, jsonb) to service_role;
