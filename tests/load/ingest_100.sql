-- pgbench script: one webhook call with a batch of 100 transactions (a transaction
-- per request, as service_role). Batches overlap now and then (random n), so some
-- keys arrive twice: the later version wins in Silver.
\set n random(1, 2000)
begin;
set local role service_role;
select scout.ingest_transactions((
    select jsonb_agg(jsonb_build_object(
               'transaction_id', 'PB-' || (:n * 100 + g), 'date', (current_date - ((:n * 100 + g) % 700))::text,
               'amount', 1 + ((:n * 100 + g) % 10000) / 100.0, 'category', 'Snacks',
               'customer_id', 'C-' || (g % 5000), 'sku', 'SKU-' || (g % 300)))
      from generate_series(1, 100) g), 'pgbench');
commit;
