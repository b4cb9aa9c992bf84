-- gold_monthly_summary against a fixture computed by hand: first month of a series,
-- a missing month (MoM NULL, moving average counting it as 0), a year with no
-- previous year, customers counted once and NULL customers not at all.
begin;
select plan(3);

select scout.ingest_transactions('[
  {"transaction_id": "D1", "date": "2024-01-05", "amount": 100, "quantity": 2, "category": "Dairy", "customer_id": "C1"},
  {"transaction_id": "D2", "date": "2024-01-20", "amount": 50, "category": "Dairy", "customer_id": "C2"},
  {"transaction_id": "D3", "date": "2024-01-31T23:59:00+08:00", "amount": 30, "category": "Dairy", "customer_id": "C1"},
  {"transaction_id": "D4", "date": "2024-02-01", "amount": 90, "category": "Dairy", "customer_id": "C1"},
  {"transaction_id": "D5", "date": "2024-04-10", "amount": 60, "quantity": 3, "category": "Dairy"},
  {"transaction_id": "D6", "date": "2025-01-15", "amount": 200, "category": "Dairy", "customer_id": "C3"},
  {"transaction_id": "D7", "date": "2025-02-03", "amount": 45, "category": "Dairy", "customer_id": "C3"},
  {"transaction_id": "D8", "date": "2025-02-28", "amount": 55, "category": "Dairy", "customer_id": "C4"},
  {"transaction_id": "S1", "date": "2024-03-01", "amount": 10, "category": "Snacks", "customer_id": "C9"},
  {"transaction_id": "S2", "date": "2024-04-30", "amount": 20, "category": "Snacks", "customer_id": "C9"},
  {"transaction_id": "S3", "date": "2024-05-15", "amount": 5, "category": "Snacks", "customer_id": "C9"},
  {"transaction_id": "X1", "date": "2024-05-15", "amount": -5, "category": "Snacks"}
]');
select scout.refresh_silver();
select is(scout.refresh_gold() ->> 'status', 'ok', 'refresh_gold runs');

-- month | total | count | avg | qty | customers | MoM % | YoY % | 3-month moving average
select results_eq(
    $$select month, category, total_amount, transaction_count, avg_amount, total_quantity, unique_customers,
             mom_growth_pct, yoy_growth_pct, round(moving_avg_3m, 4)
        from scout.gold_monthly_summary order by category, month$$,
    $$values
      (date '2024-01-01', 'Dairy', 180.00, 3::bigint, 60::numeric, 4::bigint, 2::bigint, null::numeric, null::numeric, 180.0000),
      (date '2024-02-01', 'Dairy',  90.00, 1, 90, 1, 1, -50.00, null, 135.0000),
      (date '2024-04-01', 'Dairy',  60.00, 1, 60, 3, 0, null, null, 50.0000),
      (date '2025-01-01', 'Dairy', 200.00, 1, 200, 1, 1, null, 11.11, 66.6667),
      (date '2025-02-01', 'Dairy', 100.00, 2, 50, 2, 2, -50.00, 11.11, 100.0000),
      (date '2024-03-01', 'Snacks', 10.00, 1, 10, 1, 1, null, null, 10.0000),
      (date '2024-04-01', 'Snacks', 20.00, 1, 20, 1, 1, 100.00, null, 15.0000),
      (date '2024-05-01', 'Snacks',  5.00, 1, 5, 1, 1, -75.00, null, 11.6667)$$,
    'every column of every (month, category), computed by hand');

select is_empty($$select 1 from scout.gold_monthly_summary where month = '2024-03-01' and category = 'Dairy'$$,
    'a month without sales has no row');

select * from finish();
rollback;
