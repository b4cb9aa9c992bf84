-- A run that fails still leaves its trace: the failing job's row says failed with
-- its step, SQLSTATE and message; run_transformations stops there, before Gold;
-- and failing Silver checks stop it the same way.
begin;
select plan(17);

select scout.ingest_transactions('{"transaction_id": "F1", "date": "2025-01-01", "amount": 1, "category": "Dairy"}');

-- a step that raises: the products merge, replaced for this test
create or replace function scout_internal.silver_merge_products() returns jsonb language plpgsql as $$
begin raise exception 'the products merge broke' using errcode = 'XX001'; end $$;
create temp table failed_run as select scout.run_transformations() as result;

select is((select result ->> 'status' from failed_run), 'failed', 'run_transformations reports failed');
select is((select result ->> 'step' from failed_run), 'silver', 'in step silver');
select results_eq($$select status, failed_step, sqlstate, message from ip_workbench.job_runs
                     where job_name = 'scout.refresh_silver' order by id desc limit 1$$,
    $$values ('failed', 'silver', 'XX001', 'the products merge broke')$$,
    'refresh_silver''s row keeps the failure: status, step, SQLSTATE and message');
select results_eq($$select status, failed_step, sqlstate from ip_workbench.job_runs
                     where job_name = 'scout.run_transformations' order by id desc limit 1$$,
    $$values ('failed', 'silver', 'XX001')$$, 'and so does the run''s own row');
select is((select parent_id from ip_workbench.job_runs where job_name = 'scout.refresh_silver' order by id desc limit 1),
          (select (result ->> 'run_id')::bigint from failed_run), 'refresh_silver ran as a step of that run');
select is((select count(*)::int from ip_workbench.job_runs where job_name = 'scout.refresh_gold'), 0,
          'Gold was not refreshed');
select results_eq($$select step, status from ip_workbench.job_run_steps
                     where run_id = (select (result ->> 'run_id')::bigint from failed_run) order by position$$,
    $$values ('bronze_freshness', 'ok'), ('silver', 'failed')$$, 'the steps up to the failing one are recorded');
select is((select count(*)::int from scout.silver_validated_transactions), 0,
          'the failing step''s work was rolled back (transactions too: one step, one unit)');
select results_eq($$select kind, subject, details ->> 'step', details ->> 'sqlstate', details ->> 'message'
                      from ip_workbench.dq_alerts where closed_at is null$$,
    $$values ('job_failed', 'scout.run_transformations', 'silver', 'XX001', 'the products merge broke')$$,
    'the failed run raises one alert for the job the scheduler ran (not a second for refresh_silver inside it)');

-- Silver checks that fail: a trigger loses every rejected row, so a rejected row is
-- neither in Silver nor in the rejected table
create or replace function scout_internal.silver_merge_products() returns jsonb language sql
    as $$select '{"processed": 0, "inserted": 0, "updated": 0, "rejected": 0, "superseded": 0}'::jsonb$$;
create function pg_temp.lose_rejects() returns trigger language plpgsql as $$
begin delete from scout.silver_rejected_transactions where bronze_id = new.bronze_id; return null; end $$;
create trigger lose_rejects after insert on scout.silver_rejected_transactions
    for each row execute function pg_temp.lose_rejects();
select scout.ingest_transactions('{"transaction_id": "F2", "date": "2025-01-01", "amount": -1, "category": "Dairy"}');
create temp table checked_run as select scout.run_transformations() as result;
select is((select result ->> 'step' from checked_run), 'silver_checks', 'failing Silver checks stop the run');
select matches((select result ->> 'message' from checked_run), '^1 Bronze transactions .* neither in Silver nor rejected.*Gold was not refreshed$',
               'saying what failed and that Gold was not refreshed');
select is((select count(*)::int from ip_workbench.job_runs where job_name = 'scout.refresh_gold'), 0,
          'and Gold was not refreshed');
select is((select count(*)::int from scout.silver_validated_transactions where transaction_id = 'F1'), 1,
          'Silver''s own work, which passed its step, stays');
select ok((select count(*) from scout_internal.gold_days_to_reaggregate) + (select count(*) from scout_internal.gold_differences_to_add) > 0,
          'its changes stay queued for the next Gold refresh');
select results_eq($$select table_name, dq_score, failing_checks -> 0 ->> 'check' from ip_workbench.dq_alerts
                     where closed_at is null and kind = 'data_quality'$$,
    $$values ('silver_validated_transactions', 50.00::numeric(5, 2), 'run_transformations.silver_checks')$$,
    'and raise the data-quality alert for Silver (one of the two rows it judged is unaccounted: 50%)');

select is((select details ->> 'times' from ip_workbench.dq_alerts where kind = 'job_failed'), null,
          'failing checks page as the data-quality alert, not as another failure of the job');
drop trigger lose_rejects on scout.silver_rejected_transactions;
select scout.run_transformations();
select is((select count(*)::int from ip_workbench.dq_alerts where kind = 'job_failed' and closed_at is null), 0,
          'the job''s next good run closes its alert');
select * from finish();
rollback;
