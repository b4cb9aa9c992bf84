-- A version re-sent after Silver moved on, overtaken in the same delivery by a re-send
-- of the version Silver holds: Silver keeps that content and takes the re-send's
-- lineage, so every version is shown judged and retention removes all three rows.
-- (Before, Silver kept its old lineage and the overtaken row stayed in Bronze forever.)
begin;
select plan(5);

select scout.ingest_transactions('{"transaction_id": "K-1", "date": "2025-01-10", "amount": 10, "category": "Dairy"}');
select scout.run_transformations();
select scout.ingest_transactions('[
    {"transaction_id": "K-1", "date": "2025-01-10", "amount": 99, "category": "Dairy"},
    {"transaction_id": "K-1", "date": "2025-01-10", "amount": 10, "category": "Dairy"}]');
select scout.run_transformations();

select is((select amount from scout.silver_validated_transactions where transaction_id = 'K-1'), 10::numeric,
          'Silver holds the version the last row restated');
select is((select bronze_seq from scout.silver_validated_transactions where transaction_id = 'K-1'),
          (select max(ingest_seq) from scout.bronze_transactions), 'with the lineage of that last row');
select is((select total_amount from scout.gold_monthly_summary where category = 'Dairy' and month = '2025-01-01'),
          10::numeric, 'Gold still counts one sale of 10');
select is((select count(*)::int from scout.bronze_transactions where raw_data ->> 'transaction_id' = 'K-1'), 3,
          'Bronze holds the three versions');

update scout.bronze_transactions set ingested_at = now() - interval '100 days';
select scout.purge_expired();
select is((select count(*)::int from scout.bronze_transactions where raw_data ->> 'transaction_id' = 'K-1'), 0,
          'retention removes all three: the overtaken one too');

select * from finish();
rollback;
