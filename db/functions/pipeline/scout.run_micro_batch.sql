-- The real-time path (the old n8n flow's "trigger dbt Silver"): every minute, Silver
-- for the Bronze rows that arrived since, through the same refresh_silver. When
-- nothing arrived, or the hourly run is under way (whose lock it shares), it
-- returns at once and leaves no run row: a firing that did nothing costs nothing.
create or replace function scout.run_micro_batch(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
-- no JIT: compiling a statement the planner prices high takes 0.1-0.4 s, more than
-- the job's statements over a delta or a small mart take to run, and its largest
-- statements gained nothing measurable from it (bench/README.md, "JIT")
set jit = off
as $fn$
declare
    v_run jsonb;
    v_silver jsonb;
begin
    if not (scout_internal.setting('micro_batch_enabled'))::boolean then
        return pg_catalog.jsonb_build_object('status', 'disabled', 'reason', 'setting micro_batch_enabled is false');
    end if;
    if not scout_internal.has_unprocessed_bronze() then
        return pg_catalog.jsonb_build_object('status', 'idle', 'reason', 'no Bronze row is waiting for Silver');
    end if;
    -- the hourly run's lock: never beside it, never processing its rows twice
    if not scout_internal.take_job_lock('scout.run_transformations', false) then
        return pg_catalog.jsonb_build_object('status', 'idle', 'reason', 'the hourly run is under way; it does Silver');
    end if;
    v_run := scout_internal.job_start('scout.run_micro_batch', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    perform pg_catalog.set_config('scout.parent_run_id', v_run ->> 'run_id', true);
    v_silver := scout.refresh_silver(true);
    perform pg_catalog.set_config('scout.parent_run_id', '', true);
    return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
        'status', case when v_silver ->> 'status' = 'failed' then 'failed' else 'ok' end,
        'step', case when v_silver ->> 'status' = 'failed' then 'silver' end,
        'sqlstate', v_silver ->> 'sqlstate', 'message', v_silver ->> 'message',
        'processed', v_silver -> 'processed', 'silver', v_silver));
end
$fn$;
comment on function scout.run_micro_batch(boolean) is
    'The every-minute micro-batch: when Bronze holds rows Silver has not processed and the hourly run is not under way (it shares its lock), runs scout.refresh_silver as a recorded run and returns {"status": "ok", "processed", "silver", "run_id", "seconds"}; otherwise returns at once with {"status": "idle" | "disabled", "reason"} and records nothing. Gold and the checks stay the hourly run''s.';
revoke all on function scout.run_micro_batch(boolean) from public;
grant execute on function scout.run_micro_batch(boolean) to service_role;
