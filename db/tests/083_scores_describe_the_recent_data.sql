-- What the scores mean (contract v3), on hand-computed data: a score describes the
-- rows that arrived since the previous check run, with the cumulative figure beside
-- it; a dimension scores its worst check (a passing check never raises it); a check
-- with nothing new keeps its judgement; timeliness follows each table's cadence.
-- One transaction shares one now(), so "earlier" rows are aged by hand.
begin;
select plan(13);

create function pg_temp.age_everything(p_by interval) returns void language sql as $$
    update scout.bronze_transactions set ingested_at = ingested_at - p_by;
    update scout.silver_validated_transactions set ingested_at = ingested_at - p_by;
    update scout.silver_rejected_transactions set ingested_at = ingested_at - p_by;
$$;

-- 100 valid rows, checked
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
    'transaction_id', 'OK-' || g, 'date', '2025-04-01', 'amount', g, 'category', 'Dairy')) from generate_series(1, 100) g));
select scout.run_transformations();
select scout.run_dq_checks();
select pg_temp.age_everything(interval '2 hours');

-- then one batch of 20, all invalid
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
    'transaction_id', 'BAD-' || g, 'date', '2025-04-02', 'amount', -1, 'category', 'Dairy')) from generate_series(1, 20) g));
select scout.run_transformations();
select scout.run_dq_checks();
select results_eq($$select completeness, dq_score, cumulative_score, failing_bars from ip_workbench.tables
                     where table_name = 'silver_validated_transactions'$$,
    $$values (0.00::numeric(5, 2), 0.00::numeric(5, 2), 83.33::numeric(5, 2), array['completeness', 'overall'])$$,
    'a batch all invalid: the recent score is 0 of 20 = 0, the cumulative 100 of 120 = 83.33 beside it, failing two bars');
select results_eq($$select kind, subject, dq_score from ip_workbench.dq_alerts where closed_at is null$$,
    $$values ('data_quality', 'scout.silver_validated_transactions', 0.00::numeric(5, 2))$$,
    'and exactly one alert, for Silver');
select results_eq($$select recent_passed, recent_failed, passed, failed from ip_workbench.dq_results
                     where check_name = 'silver_accepts_bronze' order by run_id desc limit 1$$,
    $$values (0::bigint, 20::bigint, 100::bigint, 20::bigint)$$, 'the check keeps both counts');

select pg_temp.age_everything(interval '2 hours');
-- a passing completeness check of 1,000 rows: pooled, 1000 / 1020 = 98.04 would close the alert
create view scout_checks.always_complete with (security_invoker = true) as
select 'always_complete'::text as check_name, 'scout'::text as schema_name,
       'silver_validated_transactions'::text as table_name, 'silver'::text as layer,
       'completeness'::text as dimension, 'error'::text as level, 1000::bigint as passed, 0::bigint as failed,
       'a check that passes'::text as detail, null::text[] as failing_keys;
select scout.run_dq_checks();
select is((select completeness from ip_workbench.tables where table_name = 'silver_validated_transactions'), 0.00::numeric(5, 2),
          'a passing check never raises the dimension: it scores its worst check');
select is((select count(*)::int from ip_workbench.dq_alerts where closed_at is null), 1,
          'so the alert stays open');
select results_eq($$select recent_passed, recent_failed, recent_carried from ip_workbench.dq_results
                     where check_name = 'silver_accepts_bronze' order by run_id desc limit 1$$,
    $$values (0::bigint, 20::bigint, true)$$, 'nothing new arrived: the bad batch''s judgement stands (carried)');

-- the next batch is good: 50 of 50
select pg_temp.age_everything(interval '2 hours');
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
    'transaction_id', 'NEW-' || g, 'date', '2025-04-03', 'amount', g, 'category', 'Dairy')) from generate_series(1, 50) g));
select scout.run_transformations();
select scout.run_dq_checks();
select results_eq($$select dq_score, cumulative_score, failing_bars from ip_workbench.tables
                     where table_name = 'silver_validated_transactions'$$,
    $$values (100.00::numeric(5, 2), 88.24::numeric(5, 2), '{}'::text[])$$,
    'a good batch after it scores 100 (cumulative 150 of 170 = 88.24)');
select results_eq($$select closed_score, closed_at is not null from ip_workbench.dq_alerts$$,
    $$values (100.00::numeric(5, 2), true)$$, 'and closes the alert');
drop view scout_checks.always_complete;

-- timeliness by cadence: a daily source (expected_every 1 day, grace 5 minutes)
update ip_workbench.tables set last_updated = now() - interval '6 hours' where table_name = 'bronze_transactions';
select scout.run_dq_checks();
select is((select timeliness from ip_workbench.tables where table_name = 'bronze_transactions'), 100.00::numeric(5, 2),
          'a daily source checked six hours after its load is on time');
-- its next load missed by six hours: 1 - 6 h / 24 h 5 min = 75.09, below 80
update ip_workbench.tables set last_updated = now() - interval '30 hours 5 minutes' where table_name = 'bronze_transactions';
select scout.run_dq_checks();
select is((select timeliness from ip_workbench.tables where table_name = 'bronze_transactions'), 75.09::numeric(5, 2),
          'six hours past its cadence it scores 75.09');
select results_eq($$select subject, dq_score from ip_workbench.dq_alerts where closed_at is null$$,
    $$values ('scout.bronze_transactions', 75.09::numeric(5, 2))$$,
    'and a source that stopped arriving pages (Bronze is paged on its timeliness only)');

-- Silver's timeliness is how long a Bronze row waits for it: 90 minutes against 1 hour
select scout.ingest_transactions('{"transaction_id": "LATE-1", "date": "2025-04-04", "amount": 5, "category": "Dairy"}');
update scout.bronze_transactions set ingested_at = now() - interval '90 minutes' where raw_data ->> 'transaction_id' = 'LATE-1';
select scout.run_dq_checks();
select is((select timeliness from ip_workbench.tables where table_name = 'silver_validated_transactions'), 50.00::numeric(5, 2),
          'a row waiting 90 minutes for Silver (allowed 60): 1 - 30 / 60 = 50');
select is((select timeliness from ip_workbench.tables where table_name = 'gold_monthly_summary'), 100.00::numeric(5, 2),
          'Gold, with nothing queued, is on time however old its last change');

select * from finish();
rollback;
