-- The queries of the original README (Superset, PostgREST/supabase-js, monitoring)
-- run unchanged against the new layer, as the roles that run them.
begin;
select plan(5);
\ir support/postgrest.sql

select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'Q1', 'date', (date_trunc('month', current_date) - interval '1 month')::date::text,
                       'amount', 10, 'category', 'Dairy'),
    jsonb_build_object('transaction_id', 'Q2', 'date', (date_trunc('month', current_date) - interval '2 months')::date::text,
                       'amount', 20, 'category', 'Snacks'),
    jsonb_build_object('transaction_id', 'Q3', 'date', '2025-12-03', 'amount', 30, 'category', 'Snacks')));
select scout.refresh_silver();
select scout.refresh_gold();

select pg_temp.as_role('authenticated');
select results_eq($$
    SELECT
        month,
        category,
        total_amount,
        mom_growth_pct
    FROM scout.gold_monthly_summary
    WHERE month >= DATE_TRUNC('month', CURRENT_DATE - INTERVAL '12 months')
    ORDER BY month DESC, total_amount DESC
$$, $$values ((date_trunc('month', current_date) - interval '1 month')::date, 'Dairy', 10.00::numeric(16, 2), null::numeric),
             ((date_trunc('month', current_date) - interval '2 months')::date, 'Snacks', 20.00, null)
      union all
      select date '2025-12-01', 'Snacks', 30.00, null
       where date '2025-12-01' >= date_trunc('month', current_date - interval '12 months')$$,
    'the Superset dashboard query, as an authenticated reader');
select results_eq($$select category, total_amount from scout.gold_monthly_summary where month = '2025-12-01'$$,
    $$values ('Snacks', 30.00::numeric(16, 2))$$,
    'supabase.from(''gold_monthly_summary'').select(''*'').eq(''month'', ''2025-12-01'')');
select pg_temp.as_dba();

select lives_ok($$
    SELECT
        schema_name,
        table_name,
        MAX(last_updated) AS last_refresh,
        EXTRACT(EPOCH FROM (NOW() - MAX(last_updated))) / 3600 AS hours_old
    FROM ip_workbench.tables
    GROUP BY schema_name, table_name
    ORDER BY hours_old DESC
$$, 'the data-freshness query');
select results_eq($$
    SELECT
        'bronze' AS layer,
        COUNT(*) AS row_count
    FROM scout.bronze_transactions
    UNION ALL
    SELECT 'silver', COUNT(*)
    FROM scout.silver_validated_transactions
    UNION ALL
    SELECT 'gold', COUNT(*)
    FROM scout.gold_monthly_summary
$$, $$values ('bronze', 3::bigint), ('silver', 3), ('gold', 3)$$, 'the row-counts-by-layer query');
select lives_ok($$
    SELECT
        schema_name || '.' || table_name AS table_name,
        dq_score,
        last_updated
    FROM ip_workbench.tables
    WHERE dq_score IS NOT NULL
    ORDER BY dq_score ASC
$$, 'the DQ-scores query');

select * from finish();
rollback;
