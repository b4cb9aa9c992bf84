-- The first step of the hourly run: how long ago Bronze last received a row, against
-- the Bronze timeliness threshold (5 minutes). It informs; it never stops the run.
create or replace function scout_internal.bronze_freshness()
returns jsonb
language sql
stable
set search_path = ''
as $fn$
    select pg_catalog.jsonb_build_object(
        'status', 'ok',
        'threshold_seconds', 300,
        'transactions_lag_seconds', pg_catalog.round(extract(epoch from pg_catalog.now() - t.newest)::numeric, 1),
        'products_lag_seconds', pg_catalog.round(extract(epoch from pg_catalog.now() - p.newest)::numeric, 1),
        'fresh', coalesce(pg_catalog.now() - t.newest < interval '5 minutes', false))
      from (select pg_catalog.max(b.ingested_at) as newest from scout.bronze_transactions b) t,
           (select pg_catalog.max(b.ingested_at) as newest from scout.bronze_products b) p
$fn$;
comment on function scout_internal.bronze_freshness() is
    'Seconds since the newest row of each Bronze table arrived, and whether transactions arrived within the 5-minute Bronze threshold: {"status": "ok", "threshold_seconds", "transactions_lag_seconds", "products_lag_seconds", "fresh"}.';
revoke all on function scout_internal.bronze_freshness() from public;
grant execute on function scout_internal.bronze_freshness() to service_role;
