-- Values built to break a set-based statement (an index entry too large, a number
-- that overflows its column once rounded) are rejected with a reason; the rest of
-- the batch reaches Silver and Gold/Platinum refresh as usual.
begin;
select plan(7);
\ir support/jobs.sql

create temp table huge as select string_agg(md5(i::text), '') as text from generate_series(1, 400) i;
select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', (select text from huge), 'date', '2025-01-01', 'amount', 1, 'category', 'Dairy'),
    jsonb_build_object('transaction_id', 'H2', 'date', '2025-01-01', 'amount', 1, 'category', 'Dairy',
                       'sku', (select text from huge), 'customer_id', 'C1'),
    '{"transaction_id": "H3", "date": "2025-01-01", "amount": 1, "category": "Dairy", "tax_amount": "999999999999.999"}'::jsonb,
    jsonb_build_object('transaction_id', 'H4', 'date', (current_date - 1)::text, 'amount', 2, 'category', 'Dairy',
                       'sku', 'S1', 'customer_id', 'C1', 'description', (select text from huge))));
select scout.ingest_products(jsonb_build_array(
    jsonb_build_object('sku', (select text from huge), 'name', 'x'),
    jsonb_build_object('sku', 'P1', 'name', 'x', 'category', (select text from huge))));

select pg_temp.job_succeeds($$select scout.refresh_silver()$$, 'refresh_silver survives the batch');
select results_eq(
    $$select coalesce(transaction_id, '(unreadable)'), reasons from scout.silver_rejected_transactions order by 1$$,
    $$values ('(unreadable)', array['invalid_transaction_id']), ('H2', array['invalid_sku']), ('H3', array['invalid_tax_amount'])$$,
    'an over-long key or SKU and an overflowing tax are rejected with their reasons');
select results_eq($$select coalesce(sku, '(unreadable)'), reasons from scout.silver_rejected_products order by 1$$,
    $$values ('(unreadable)', array['invalid_sku']), ('P1', array['invalid_category'])$$,
    'products: an over-long SKU or category is rejected');
select is((select length(description) from scout.silver_validated_transactions where transaction_id = 'H4'), 12800,
          'long free text is data, kept whole');
select pg_temp.job_succeeds($$select scout.refresh_gold()$$, 'Gold refreshes');
-- 150 of the largest valid amounts in one month: 1.5 × 10^14, past any numeric(16, 2)
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object('transaction_id', 'BIG' || i, 'date', '2025-03-01',
        'amount', 999999999999.99, 'category', 'Tobacco')) from generate_series(1, 150) i));
select scout.refresh_silver();
select scout.refresh_gold();
select is((select total_amount from scout.gold_monthly_summary where month = '2025-03-01' and category = 'Tobacco'),
          149999999999998.50, 'Gold sums large valid amounts without overflowing');
select pg_temp.job_succeeds($$select scout.refresh_platinum()$$, 'Platinum refreshes');

select * from finish();
rollback;
