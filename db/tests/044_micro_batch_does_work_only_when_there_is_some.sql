-- scout.run_micro_batch: nothing waiting, nothing done and nothing recorded; rows
-- waiting, Silver for them as one recorded run; switched off, it says so.
begin;
select plan(7);

select is(scout.run_micro_batch() ->> 'status', 'idle', 'no Bronze row waiting: idle');
select is((select count(*)::int from ip_workbench.job_runs), 0, 'and no run row, not even refresh_silver''s');

select scout.ingest_transactions('[{"transaction_id": "RT1", "date": "2025-01-01", "amount": 1, "category": "Dairy"},
                                   {"transaction_id": "RT2", "date": "2025-01-01", "amount": 2, "category": "Dairy"}]');
create temp table batch as select scout.run_micro_batch() as result;
select results_eq($$select result ->> 'status', (result ->> 'processed')::int from batch$$, $$values ('ok', 2)$$,
    'rows waiting: one micro-batch brings both to Silver');
select results_eq($$select job_name, parent_id is null from ip_workbench.job_runs order by id$$,
    $$values ('scout.run_micro_batch', true), ('scout.refresh_silver', false)$$,
    'recorded as one run, its Silver step a child of it');
select is(scout.run_micro_batch() ->> 'status', 'idle', 'the next firing finds nothing left');

update ip_workbench.settings set value = 'false' where name = 'micro_batch_enabled';
select scout.ingest_transactions('{"transaction_id": "RT3", "date": "2025-01-01", "amount": 3, "category": "Dairy"}');
select is(scout.run_micro_batch() ->> 'status', 'disabled', 'a setting switches it off');
select is((select count(*)::int from scout.silver_validated_transactions where transaction_id = 'RT3'), 0,
          'and then rows wait for the hourly run');

select * from finish();
rollback;
