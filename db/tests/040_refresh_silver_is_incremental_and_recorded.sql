-- refresh_silver reads only what arrived since the last run, and records each run
-- and the registry's row counts and freshness.
begin;
select plan(8);

select scout.ingest_transactions('[
    {"transaction_id": "I1", "date": "2025-01-01", "amount": 1, "category": "Dairy"},
    {"transaction_id": "I2", "date": "2025-01-01", "amount": 2, "category": "Dairy"},
    {"transaction_id": "I3", "date": "2025-01-01", "amount": -2, "category": "Dairy"}]');
select is(scout.refresh_silver() ->> 'processed', '3', 'first run: three rows');
select is(scout.refresh_silver() ->> 'processed', '0', 'second run: nothing new, nothing processed');
select scout.ingest_transactions('{"transaction_id": "I4", "date": "2025-01-01", "amount": 4, "category": "Dairy"}');
select is(scout.refresh_silver() ->> 'processed', '1', 'third run: only the new row');

select is((select count(*)::int from ip_workbench.job_runs where job_name = 'scout.refresh_silver' and status = 'succeeded'), 3,
          'each run is recorded in ip_workbench.job_runs');
select is((select details ->> 'processed' from ip_workbench.job_runs order by id desc limit 1), '1',
          'with the counts it returned');
select is((select row_count from ip_workbench.tables where table_name = 'silver_validated_transactions'), 3::bigint,
          'the registry has the exact Silver row count');
select is((select row_count from ip_workbench.tables where table_name = 'bronze_transactions'), 4::bigint,
          'and the Bronze row count');
select ok((select last_updated is not null from ip_workbench.tables where table_name = 'silver_rejected_transactions'),
          'and when the rejected table last changed');

select * from finish();
rollback;
