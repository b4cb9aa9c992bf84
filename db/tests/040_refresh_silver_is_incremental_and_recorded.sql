-- refresh_silver reads only what arrived since the last run, and records each run
-- and the registry's row counts and freshness.
begin;
select plan(10);

select scout.ingest_transactions('[
    {"transaction_id": "I1", "date": "2025-01-01", "amount": 1, "category": "Dairy"},
    {"transaction_id": "I2", "date": "2025-01-01", "amount": 2, "category": "Dairy"},
    {"transaction_id": "I3", "date": "2025-01-01", "amount": -2, "category": "Dairy"}]');
select is(scout.refresh_silver() ->> 'processed', '3', 'first run: three rows');
select is(scout.refresh_silver() ->> 'processed', '0', 'second run: nothing new, nothing processed');
select scout.ingest_transactions('{"transaction_id": "I4", "date": "2025-01-01", "amount": 4, "category": "Dairy"}');
select is(scout.refresh_silver() ->> 'processed', '1', 'third run: only the new row');

-- A later transaction id ending meanwhile (here a rolled-back savepoint that wrote;
-- in production, any commit elsewhere) makes this transaction look committed in the
-- last run's snapshot, which never lists its own transaction as running: its rows
-- after that run are still new to the next one.
savepoint burn_an_xid;
insert into ip_workbench.settings (name, value, description) values ('throwaway', '1', 'rolled back');
rollback to savepoint burn_an_xid;
select is(scout.refresh_silver() ->> 'processed', '0', 'a run after a later transaction id ended finds nothing new');
select scout.ingest_transactions('{"transaction_id": "I5", "date": "2025-01-01", "amount": 5, "category": "Dairy"}');
select is(scout.refresh_silver() ->> 'processed', '1', 'but a row added after it is processed by the next run');

select is((select count(*)::int from ip_workbench.job_runs where job_name = 'scout.refresh_silver' and status = 'ok'), 5,
          'each run is recorded in ip_workbench.job_runs');
select is((select details ->> 'processed' from ip_workbench.job_runs order by id desc limit 1), '1',
          'with the counts it returned');
select is((select row_count from ip_workbench.tables where table_name = 'silver_validated_transactions'), 4::bigint,
          'the registry has the exact Silver row count');
select is((select row_count from ip_workbench.tables where table_name = 'bronze_transactions'), 5::bigint,
          'and the Bronze row count');
select ok((select last_updated is not null from ip_workbench.tables where table_name = 'silver_rejected_transactions'),
          'and when the rejected table last changed');

select * from finish();
rollback;
