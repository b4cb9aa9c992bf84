-- Lower bound for the full Silver refresh: what a careful engineer writes by hand.
-- One INSERT … SELECT DISTINCT ON applying the same payload rules into a table shaped
-- like Silver (same columns, constraints and indexes), run in two sessions at once,
-- each on half of the keys (PostgreSQL never runs an INSERT … SELECT in parallel,
-- so two sessions are how one uses both cores). It stores no rejected rows, queues
-- nothing for Gold and keeps no watermark.
-- Parameters: the part (0-based) of parts, the business day today; bench_silver exists.
insert into bench_silver (
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
 where abs(hashtext(coalesce(scout_internal.payload_key(b.raw_data, 'transaction_id'), ''))) %% %(parts)s = %(part)s
   and cardinality(p.reasons) = 0
 order by p.transaction_id, b.ingest_seq desc
