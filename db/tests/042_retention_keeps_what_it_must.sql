-- scout.purge_expired at its boundaries: a second inside stays, a second outside
-- goes, a row Silver has not processed stays however old; Silver goes by whole
-- months and Gold keeps those months frozen; the accounting still holds.
begin;
select plan(15);

-- processed rows, one a second either side of the 90-day Bronze boundary
insert into scout.bronze_transactions (raw_data, source, ingested_at) values
    ('{"transaction_id": "IN", "date": "2025-06-01", "amount": 1, "category": "Dairy"}', 'test', now() - interval '90 days' + interval '1 second'),
    ('{"transaction_id": "OUT", "date": "2025-06-01", "amount": 2, "category": "Dairy"}', 'test', now() - interval '90 days' - interval '1 second'),
    ('{"transaction_id": "OUT-BAD", "date": "2025-06-01", "amount": -2, "category": "Dairy"}', 'test', now() - interval '91 days');
insert into scout.bronze_products (raw_data, source, ingested_at) values
    ('{"sku": "P-IN", "name": "in"}', 'test', now() - interval '90 days' + interval '1 second'),
    ('{"sku": "P-OUT", "name": "out"}', 'test', now() - interval '90 days' - interval '1 second');
select scout.refresh_silver();
-- and one as old that Silver has not seen yet
insert into scout.bronze_transactions (raw_data, source, ingested_at) values
    ('{"transaction_id": "UNSEEN", "date": "2025-06-01", "amount": 3, "category": "Dairy"}', 'test', now() - interval '120 days');

create temp table purged as select scout.purge_expired() as result;
select is((select result ->> 'status' from purged), 'ok', 'purge_expired succeeds');
select results_eq($$select raw_data ->> 'transaction_id' from scout.bronze_transactions order by 1$$,
    $$values ('IN'), ('UNSEEN')$$, 'Bronze: a second inside stays, a second outside goes, an unprocessed row stays');
select results_eq($$select raw_data ->> 'sku' from scout.bronze_products$$, $$values ('P-IN')$$, 'products alike');
select is((select (result -> 'deleted' ->> 'bronze_transactions')::int from purged), 2, 'and it says how many went');
select results_eq($$select transaction_id, source from scout.silver_validated_transactions order by 1$$,
    $$values ('IN', 'test'), ('OUT', 'test')$$, 'Silver keeps the rows of purged Bronze, with their lineage');
select is((select count(*)::int from scout.silver_validated_transactions s
            where not exists (select 1 from scout.bronze_transactions b where b.id = s.bronze_id)), 1,
          'one Silver row now points at a purged Bronze row (its bronze_id is history)');
select is((select scout.refresh_silver() -> 'transactions' ->> 'processed'), '1', 'the unprocessed row is processed later');
select is_empty($$select b.id from scout.bronze_transactions b
                   where b.id not in (select bronze_id from scout.silver_validated_transactions)
                     and b.id not in (select bronze_id from scout.silver_rejected_transactions)
                     and b.raw_data ->> 'transaction_id' not in (select transaction_id from scout.silver_validated_transactions)$$,
    'every remaining Bronze row is a winner, superseded or rejected');

-- Silver by whole months, Gold frozen there (as on a database never purged before)
update ip_workbench.settings set value = 'null' where name = 'silver_purged_before';
select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'OLD-A', 'category', 'Snacks', 'amount', 10,
                       'date', (date_trunc('month', current_date - 730) - interval '1 day')::date::text),
    jsonb_build_object('transaction_id', 'OLD-B', 'category', 'Snacks', 'amount', 20,
                       'date', date_trunc('month', current_date - 730)::date::text)));
select scout.run_transformations();
select scout.purge_expired();
select results_eq($$select transaction_id from scout.silver_validated_transactions where transaction_id like 'OLD-%'$$,
    $$values ('OLD-B')$$, 'Silver purges the months before silver_retention_days back, whole');
select is((select total_amount from scout.gold_monthly_summary
            where category = 'Snacks' and month = (date_trunc('month', current_date - 730) - interval '1 month')::date),
          10::numeric, 'Gold keeps the purged month''s totals');
select scout.ingest_transactions(jsonb_build_object('transaction_id', 'OLD-C', 'category', 'Snacks', 'amount', 5,
        'date', (date_trunc('month', current_date - 730) - interval '2 days')::date::text));
select scout.run_transformations();
select is((select total_amount from scout.gold_monthly_summary
            where category = 'Snacks' and month = (date_trunc('month', current_date - 730) - interval '1 month')::date),
          10::numeric, 'and a late row for a frozen month does not rewrite it from a Silver that no longer holds it');
select is((select value #>> '{}' from ip_workbench.settings where name = 'silver_purged_before'),
          date_trunc('month', current_date - 730)::date::text, 'the boundary is remembered');

-- the guards: the setting is judged when written, and the purge checks it again
select throws_ok($$update ip_workbench.settings set value = '7' where name = 'bronze_retention_days'$$, '22023',
    'setting bronze_retention_days = 7 is outside 30 to 36500',
    'a Bronze retention under 30 days is refused when it is written');
alter table ip_workbench.settings disable trigger settings_are_checked;
update ip_workbench.settings set value = '7' where name = 'bronze_retention_days';
create temp table refused as select scout.purge_expired() as result;
select results_eq($$select result ->> 'status', result ->> 'sqlstate' from refused$$, $$values ('failed', '22023')$$,
    'a Bronze retention under 30 days is refused');
select is((select count(*)::int from scout.bronze_transactions where raw_data ->> 'transaction_id' = 'IN'), 1,
          'and nothing was purged');

select * from finish();
rollback;
