-- pgbench script: one webhook call with one transaction, as PostgREST makes it
-- (a transaction per request, as service_role). Keys repeat now and then across
-- calls (random n), as retried webhooks do: the later version wins in Silver.
\set n random(1, 200000)
begin;
set local role service_role;
select scout.ingest_transactions(jsonb_build_object(
    'transaction_id', 'PB-' || :n, 'date', (current_date - (:n % 700))::text,
    'amount', 1 + (:n % 10000) / 100.0, 'category', 'Dairy', 'customer_id', 'C-' || (:n % 5000),
    'sku', 'SKU-' || (:n % 300)), 'pgbench');
commit;
