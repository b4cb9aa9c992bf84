-- The hourly job: every layer in order, in one transaction, so a failing step
-- leaves the layers as they were. Each refresh waits for a run of its own that
-- another caller started, then finds only what is left to do.
create or replace function scout.run_transformations(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_started timestamptz := pg_catalog.clock_timestamp();
    v_result jsonb;
    v_silver jsonb;
    v_gold jsonb;
    v_platinum jsonb;
begin
    v_result := scout_internal.start_job('scout.run_transformations', 4, p_wait, v_started);  -- lock key: db/CONVENTIONS.md
    if v_result is not null then
        return v_result;
    end if;
    v_silver := scout.refresh_silver(true);
    v_gold := scout.refresh_gold(true);
    v_platinum := scout.refresh_platinum(true);
    v_result := pg_catalog.jsonb_build_object(
        'status', 'ok',
        'steps', pg_catalog.jsonb_build_array(
            pg_catalog.jsonb_build_object('step', 'silver', 'result', v_silver),
            pg_catalog.jsonb_build_object('step', 'gold', 'result', v_gold),
            pg_catalog.jsonb_build_object('step', 'platinum', 'result', v_platinum)),
        'seconds', pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - v_started)::numeric, 3));
    return scout_internal.record_job_run('scout.run_transformations', v_started, 'succeeded', v_result);
end
$fn$;
comment on function scout.run_transformations(boolean) is
    'The hourly pipeline in one transaction: scout.refresh_silver, then scout.refresh_gold, then scout.refresh_platinum (each waiting for a run of its own already under way). Returns {"status", "steps": [{"step", "result"}…], "seconds"}; a concurrent second call returns {"status": "skipped"}, or waits when p_wait is true.';
revoke all on function scout.run_transformations(boolean) from public;
grant execute on function scout.run_transformations(boolean) to service_role;
