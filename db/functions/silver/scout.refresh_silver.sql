-- The hourly Silver step. Safe to call twice and concurrently: one caller works,
-- a second returns at once ("skipped"), or waits its turn with p_wait => true.
create or replace function scout.refresh_silver(p_wait boolean default false)
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
    v_transactions jsonb;
    v_products jsonb;
    v_result jsonb;
begin
    v_run := scout_internal.job_start('scout.refresh_silver', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    begin
        -- after the lock, so each merge's snapshot sees everything the previous run committed
        v_transactions := scout_internal.silver_merge_transactions();
        v_products := scout_internal.silver_merge_products();

        v_result := pg_catalog.jsonb_build_object(
            'status', 'ok',
            'processed', (v_transactions ->> 'processed')::bigint + (v_products ->> 'processed')::bigint,
            'inserted', (v_transactions ->> 'inserted')::bigint + (v_products ->> 'inserted')::bigint,
            'updated', (v_transactions ->> 'updated')::bigint + (v_products ->> 'updated')::bigint,
            'rejected', (v_transactions ->> 'rejected')::bigint + (v_products ->> 'rejected')::bigint,
            'superseded', (v_transactions ->> 'superseded')::bigint + (v_products ->> 'superseded')::bigint,
            'transactions', v_transactions,
            'products', v_products);
        return scout_internal.job_finish(v_run, v_result);
    exception when others or query_canceled then
        -- the block's work is rolled back; the failure is kept in the run's row
        return scout_internal.job_fail(v_run, 'silver', sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.refresh_silver(boolean) is
    'Brings Silver up to date with Bronze incrementally (only rows committed since the last run). Returns {"status": "ok", "processed", "inserted", "updated", "rejected", "superseded", "transactions": {…}, "products": {…}, "run_id", "seconds"}; processed = inserted + updated + rejected + superseded. A concurrent second call returns {"status": "skipped", "held_by"} at once, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';
revoke all on function scout.refresh_silver(boolean) from public;
grant execute on function scout.refresh_silver(boolean) to service_role;
