-- One Silver row per transaction_id: an identical re-send changes nothing, a
-- correction replaces the row, an invalid correction is rejected and the last
-- valid version stays.
begin;
select plan(14);

select scout.ingest_transactions('{"transaction_id": "T1", "date": "2025-05-01", "amount": 10, "category": "Dairy"}');
select is(scout.refresh_silver() -> 'transactions' -> 'inserted', '1', 'first version inserted');
create temp table first_version as select bronze_id, validated_at from scout.silver_validated_transactions;

select scout.ingest_transactions('{"transaction_id": "T1", "date": "2025-05-01", "amount": 10, "category": "Dairy"}', 'webhook');
select is((scout.refresh_silver() -> 'transactions') - 'plan',
          '{"processed": 1, "inserted": 0, "updated": 0, "rejected": 0, "superseded": 1}'::jsonb,
          'an identical re-send (a webhook retry) is superseded');
select is((select bronze_id from scout.silver_validated_transactions), (select bronze_id from first_version),
          'and leaves the Silver row, lineage included, as it was');

select scout.ingest_transactions('{"transaction_id": "T1", "date": "2025-05-02", "amount": "12.50", "category": "Dairy"}');
select is(scout.refresh_silver() -> 'transactions' -> 'updated', '1', 'a correction updates the row');
select is((select row(transaction_date, amount)::text from scout.silver_validated_transactions),
          row(date '2025-05-02', 12.50::numeric(14, 2))::text, 'with the corrected values');
select is((select bronze_id from scout.silver_validated_transactions),
          (select id from scout.bronze_transactions order by ingest_seq desc limit 1),
          'and points at the correction in Bronze');

select scout.ingest_transactions('{"transaction_id": "T1", "date": "2025-05-02", "amount": -3, "category": "Dairy"}');
select is(scout.refresh_silver() -> 'transactions' -> 'rejected', '1', 'an invalid correction is rejected');
select is((select amount from scout.silver_validated_transactions where transaction_id = 'T1'), 12.50::numeric(14, 2),
          'and the latest valid version stays');

select is((select count(*)::int from scout.silver_validated_transactions where transaction_id = 'T1'), 1,
          'four versions of T1 in Bronze, one row in Silver');
select is((select count(*)::int from scout.bronze_transactions where raw_data ->> 'transaction_id' = 'T1'), 4,
          'Bronze keeps every version');

-- several versions in one call: the last in the array wins
select scout.ingest_transactions('[
    {"transaction_id": "T2", "date": "2025-05-01", "amount": 1, "category": "Snacks"},
    {"transaction_id": "T2", "date": "2025-05-01", "amount": 2, "category": "Snacks"},
    {"transaction_id": "T2", "date": "2025-05-01", "amount": 3, "category": "Snacks"}]');
select is((scout.refresh_silver() -> 'transactions') - 'plan',
          '{"processed": 3, "inserted": 1, "updated": 0, "rejected": 0, "superseded": 2}'::jsonb,
          'three versions in one batch: one inserted, two superseded');
select is((select amount from scout.silver_validated_transactions where transaction_id = 'T2'), 3.00::numeric(14, 2),
          'the last one wins');

-- a re-send of an older version after a correction is a change back: the latest arrival wins
select scout.ingest_transactions('{"transaction_id": "T2", "date": "2025-05-01", "amount": 1, "category": "Snacks"}');
select is(scout.refresh_silver() -> 'transactions' -> 'updated', '1', 'a later arrival with other values replaces the row');
select is((select amount from scout.silver_validated_transactions where transaction_id = 'T2'), 1.00::numeric(14, 2),
          'latest by ingestion order, not by value');

select * from finish();
rollback;
