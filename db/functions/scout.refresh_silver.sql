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
    -- advisory lock namespace 23559 (0x5C07) is scout's; 1 = refresh_silver (db/CONVENTIONS.md)
    if p_wait then
        perform pg_catalog.pg_advisory_xact_lock(23559, 1);
    elsif not pg_catalog.pg_try_advisory_xact_lock(23559, 1) then
        v_result := pg_catalog.jsonb_build_object(
            'status', 'skipped',
            'reason', 'another scout.refresh_silver is running; call again, or with p_wait => true to queue behind it');
        insert into ip_workbench.job_runs (job_name, started_at, finished_at, status, details)
        values ('scout.refresh_silver', v_started, pg_catalog.clock_timestamp(), 'skipped', v_result);
        return v_result;
    end if;

    -- Taken after the lock, so it sees everything the previous run committed.
    v_transactions := scout.silver_merge_transactions(pg_catalog.pg_current_snapshot());
    v_products := scout.silver_merge_products(pg_catalog.pg_current_snapshot());

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
    insert into ip_workbench.job_runs (job_name, started_at, finished_at, status, details)
    values ('scout.refresh_silver', v_started, pg_catalog.clock_timestamp(), 'succeeded', v_result);
    return v_result;
end
$fn$;
comment on function scout.refresh_silver(boolean) is
    'Brings Silver up to date with Bronze incrementally (only rows committed since the last run). Returns {"status", "processed", "inserted", "updated", "rejected", "superseded", "transactions": {…}, "products": {…}}; processed = inserted + updated + rejected + superseded. A concurrent second call returns {"status": "skipped"} at once, or waits when p_wait is true.';
revoke all on function scout.refresh_silver(boolean) from public;
grant execute on function scout.refresh_silver(boolean) to service_role;
