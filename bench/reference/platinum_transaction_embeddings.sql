-- Lower bound for scout.platinum_transaction_embeddings: one CREATE TABLE AS over
-- the last 90 days of Silver (a plain logged table without indexes, written once),
-- with the same expressions as the function, so the two differ only in plumbing.
create table bench_platinum_embeddings as
select s.transaction_id,
       'On ' || to_char(s.transaction_date, 'YYYY-MM-DD') || ', a ' || s.category || coalesce(' / ' || s.subcategory, '')
       || ' purchase of ' || s.amount::text || ' ' || s.currency
       || coalesce(' for ' || s.quantity::text || ' x ' || p.name || coalesce(' by ' || p.brand, ''), '')
       || coalesce(' at store ' || s.store_id, '')
       || coalesce(' from ' || s.vendor_name, '') || coalesce(', paid by ' || s.payment_method, '')
       || coalesce(': ' || s.description, '') || '.' as text,
       jsonb_strip_nulls(to_jsonb(m)) as metadata,
       s.transaction_date
  from scout.silver_validated_transactions s
  left join scout.silver_products p on p.sku = s.sku
 cross join lateral (select s.transaction_id, s.transaction_date, s.amount, s.currency, s.category, s.subcategory,
                            s.store_id, s.vendor_name, s.vendor_id, s.customer_id, s.sku, p.name as product_name, p.brand,
                            s.quantity, s.tax_amount, s.payment_method) m
 where s.transaction_date >= current_date - 89
