-- Corrections in Silver flow through to Gold on the next refresh, replacing the old
-- value (never counted twice), also when the correction moves a sale to another
-- month or category; an unchanged Silver means nothing to do.
begin;
select plan(7);

select scout.ingest_transactions('[
  {"transaction_id": "K1", "date": "2024-06-10", "amount": 100, "category": "Condiments"},
  {"transaction_id": "K2", "date": "2024-06-11", "amount": 50, "category": "Condiments"}]');
select scout.refresh_silver();
select scout.refresh_gold();
select is((select total_amount from scout.gold_monthly_summary where category = 'Condiments' and month = '2024-06-01'),
          150.00::numeric(16, 2), 'June before the correction');

select scout.ingest_transactions('{"transaction_id": "K1", "date": "2024-06-10", "amount": 120, "category": "Condiments"}');
select scout.refresh_silver();
select is(scout.refresh_gold() ->> 'months_recomputed', '1', 'only the changed month is re-aggregated');
select is((select total_amount from scout.gold_monthly_summary where category = 'Condiments' and month = '2024-06-01'),
          170.00::numeric(16, 2), 'an updated amount replaces the old one: 120 + 50, not 100 + 120 + 50');
select is((select transaction_count from scout.gold_monthly_summary where category = 'Condiments' and month = '2024-06-01'),
          2::bigint, 'and the count is unchanged');

-- a correction that moves K2 to July and to another category
select scout.ingest_transactions('{"transaction_id": "K2", "date": "2024-07-01", "amount": 50, "category": "Snacks"}');
select scout.refresh_silver();
select scout.refresh_gold();
select results_eq(
    $$select month, category, total_amount from scout.gold_monthly_summary order by category, month$$,
    $$values (date '2024-06-01', 'Condiments', 120.00::numeric(16, 2)), (date '2024-07-01', 'Snacks', 50.00)$$,
    'the old month loses the sale and the new one gains it');
select is((select sum(total_amount) from scout.gold_category_trends where category = 'Condiments'), 120.00::numeric,
          'the weekly mart agrees');

select is(scout.refresh_gold() ->> 'changed_days', '0', 'with nothing new, refresh_gold has nothing to do');

select * from finish();
rollback;
