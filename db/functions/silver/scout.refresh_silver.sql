-- The hourly Silver step. Safe to call twice and concurrently: one caller works,
-- a second returns at once ("skipped"), or waits its turn with p_wait => true.
create or replace function scout.refresh_silver(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_started timestamptz := pg_catalog.clock_timestamp();
    v_transactions jsonb;
    v_products jsonb;
    v_result jsonb;
begin
    v_result := scout_internal.start_job('scout.refresh_silver', 1, p_wait, v_started);  -- lock key: db/CONVENTIONS.md
    if v_result is not null then
        return v_result;
    end if;

    -- Taken after the lock, so it sees everything the previous run committed.
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
        'products', v_products,
        'seconds', pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - v_started)::numeric, 3));
    return scout_internal.record_job_run('scout.refresh_silver', v_started, 'succeeded', v_result);
end
$fn$;
comment on function scout.refresh_silver(boolean) is
    'Brings Silver up to date with Bronze incrementally (only rows committed since the last run). Returns {"status", "processed", "inserted", "updated", "rejected", "superseded", "transactions": {…}, "products": {…}}; processed = inserted + updated + rejected + superseded. A concurrent second call returns {"status": "skipped"} at once, or waits when p_wait is true.';
revoke all on function scout.refresh_silver(boolean) from public;
grant execute on function scout.refresh_silver(boolean) to service_role;
