-- Lower bound for the Silver half of the hourly run: the new Bronze rows (after
-- ingest_seq %(after_seq)s), parsed with the same rules and upserted by hand into the
-- table the Silver bound built (what a dbt incremental model does, in one statement).
insert into bench_silver as s (
    transaction_id, transaction_date, amount, currency, category, subcategory, store_id, vendor_name,
    vendor_id, customer_id, sku, quantity, tax_amount, payment_method, description, attributes,
    bronze_id, bronze_seq, source, ingestion_batch_id, ingested_at)
select distinct on (p.transaction_id)
       p.transaction_id, p.transaction_date, p.amount, p.currency, p.category, p.subcategory,
       p.store_id, p.vendor_name, p.vendor_id, p.customer_id, p.sku, p.quantity, p.tax_amount,
       p.payment_method, p.description, p.attributes,
       b.id, b.ingest_seq, b.source, b.ingestion_batch_id, b.ingested_at
  from scout.bronze_transactions b
 cross join lateral scout_internal.parse_transaction_payload(
       b.raw_data, %(today)s::date, now(), (%(today)s::date - interval '20 years')::date) p
 where b.ingest_seq > %(after_seq)s
   and cardinality(p.reasons) = 0
 order by p.transaction_id, b.ingest_seq desc
on conflict (transaction_id) do update
   set transaction_date = excluded.transaction_date, amount = excluded.amount, currency = excluded.currency,
       category = excluded.category, subcategory = excluded.subcategory, store_id = excluded.store_id,
       vendor_name = excluded.vendor_name, vendor_id = excluded.vendor_id, customer_id = excluded.customer_id,
       sku = excluded.sku, quantity = excluded.quantity, tax_amount = excluded.tax_amount,
       payment_method = excluded.payment_method, description = excluded.description,
       attributes = excluded.attributes, bronze_id = excluded.bronze_id, bronze_seq = excluded.bronze_seq,
       source = excluded.source, ingestion_batch_id = excluded.ingestion_batch_id, ingested_at = excluded.ingested_at
 where excluded.bronze_seq > s.bronze_seq
