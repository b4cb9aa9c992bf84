-- The end of a run whose work raised: called from the job's exception handler,
-- after its work was rolled back to the block's start, so the failure itself is
-- kept (the run row was written before the block).
create or replace function scout_internal.job_fail(p_run jsonb, p_step text, p_sqlstate text, p_message text)
returns jsonb
language sql
volatile
set search_path = ''
as $fn$
    select scout_internal.job_finish(p_run, pg_catalog.jsonb_build_object(
        'status', 'failed', 'step', p_step, 'sqlstate', p_sqlstate, 'message', p_message))
$fn$;
comment on function scout_internal.job_fail(jsonb, text, text, text) is
    'Closes the run p_run as failed in step p_step with the error''s SQLSTATE and message; returns {"status": "failed", "step", "sqlstate", "message", "run_id", "seconds"}.';
revoke all on function scout_internal.job_fail(jsonb, text, text, text) from public;
grant execute on function scout_internal.job_fail(jsonb, text, text, text) to service_role;
