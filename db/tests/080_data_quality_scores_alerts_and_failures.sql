-- scout.run_dq_checks on hand-computed data: a batch half of which breaks the rules
-- drops Silver's score below 80 and raises exactly one alert; the same data again
-- raises nothing new; recovering closes it. test_failures holds exactly the failing
-- keys, and every run's results and scores are kept.
begin;
select plan(14);

select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
    'transaction_id', 'OK-' || g, 'date', '2025-04-01', 'amount', g, 'category', 'Dairy')) from generate_series(1, 10) g));
select scout.run_transformations();
create temp table run1 as select scout.run_dq_checks() as result;
select is((select dq_score from ip_workbench.tables where table_name = 'silver_validated_transactions'), 100.00,
          'ten valid rows: Silver scores 100');
select is((select jsonb_array_length(result -> 'alerts_raised') from run1), 0, 'and nothing is raised');

-- 20 more, 10 of them with a negative amount: Silver accepted 20 of the 30 judged
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
    'transaction_id', case when g <= 10 then 'BAD-' else 'OK-' end || g, 'date', '2025-04-02',
    'amount', case when g <= 10 then -1 else g end, 'category', 'Dairy')) from generate_series(1, 20) g));
select scout.run_transformations();
create temp table run2 as select scout.run_dq_checks() as result;
select results_eq($$select completeness, uniqueness, timeliness, dq_score from ip_workbench.tables
                     where table_name = 'silver_validated_transactions'$$,
    $$values (66.67::numeric(5, 2), 100.00::numeric(5, 2), 100.00::numeric(5, 2), 66.67::numeric(5, 2))$$,
    'half a batch invalid: completeness 20/30 = 66.67, and the overall score is the weakest dimension');
select results_eq($$select table_name, dq_score, threshold from ip_workbench.dq_alerts where closed_at is null$$,
    $$values ('silver_validated_transactions', 66.67::numeric(5, 2), 80.00::numeric(5, 2))$$,
    'exactly one alert, for Silver, below the threshold of 80');
select set_eq($$select business_key from test_failures.silver_validated_transactions where check_name = 'silver_accepts_bronze'$$,
    $$select 'BAD-' || g from generate_series(1, 10) g$$, 'test_failures holds exactly the failing rows'' keys');
select is((select failing_checks -> 0 ->> 'check' from ip_workbench.dq_alerts where closed_at is null),
          'silver_accepts_bronze', 'the alert names the failing check');

create temp table run3 as select scout.run_dq_checks() as result;
select is((select jsonb_array_length(result -> 'alerts_raised') from run3), 0, 'the same data again raises nothing new');
select results_eq($$select count(*)::int, max(last_seen_run_id) from ip_workbench.dq_alerts$$,
    $$select 1, (result ->> 'run_id')::bigint from run3$$, 'the one alert is still open, seen by the latest run');

-- 40 more valid rows: 60 of 70 accepted, 85.71, above the threshold
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
    'transaction_id', 'MORE-' || g, 'date', '2025-04-03', 'amount', g, 'category', 'Dairy')) from generate_series(1, 40) g));
select scout.run_transformations();
create temp table run4 as select scout.run_dq_checks() as result;
select is((select dq_score from ip_workbench.tables where table_name = 'silver_validated_transactions'), 85.71::numeric(5, 2),
          'the score recovers to 60/70 = 85.71');
select results_eq($$select closed_score, closed_at is not null from ip_workbench.dq_alerts$$,
    $$values (85.71::numeric(5, 2), true)$$, 'which closes the alert');
select is((select array_agg(dq_score order by run_id) from ip_workbench.dq_scores where table_name = 'silver_validated_transactions'),
          array[100.00, 66.67, 66.67, 85.71]::numeric[], 'every run''s score is kept');
select is((select count(distinct run_id)::int from ip_workbench.dq_results where check_name = 'silver_accepts_bronze' and failed = 0), 1,
          'and every check''s result, passes included');
-- how long each check took is kept with its result: every view's results timed (all
-- of one view's alike), timeliness, read from the registry, not
select is((select count(*)::int from ip_workbench.dq_results r, run4
            where r.run_id = (run4.result ->> 'run_id')::bigint
              and (r.check_name = 'timeliness') = (r.seconds is not null)), 0,
          'every check view''s result has its seconds, and no timeliness result has any');
select is((select count(*)::int from (select coalesce(r.inputs_seen ->> 'view', r.check_name) from ip_workbench.dq_results r, run4
                                       where r.run_id = (run4.result ->> 'run_id')::bigint and r.seconds is not null
                                       group by 1 having count(distinct r.seconds) > 1) v), 0,
          'the results of one view share its time');

select * from finish();
rollback;
