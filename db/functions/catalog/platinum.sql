-- Platinum: sentences for semantic search and item-to-item recommendations.
-- Re-applied on every migrate (scout_internal.describe sets only what differs): change a
-- description here, never in a landed migration. Every table and column has one.
select scout_internal.describe(d.kind, d.object, d.description)
  from (values
    ('table', 'scout.platinum_transaction_embeddings',
     'One readable sentence per Silver transaction of the last 90 days (transaction_date > current_date - 90), for embedding and retrieval.'),
    ('column', 'scout.platinum_transaction_embeddings.transaction_id',
     'Silver transaction_id.'),
    ('column', 'scout.platinum_transaction_embeddings.text',
     'The transaction as one sentence: date, category / subcategory, amount and currency, the quantity and product by name and brand (where scout.silver_products knows the SKU), store and vendor, payment method and description; parts that are NULL are left out.'),
    ('column', 'scout.platinum_transaction_embeddings.metadata',
     'The typed Silver fields (NULLs left out): transaction_id, transaction_date, amount, currency, category, subcategory, store_id, vendor_name, vendor_id, customer_id, sku, product_name and brand (from scout.silver_products), quantity, tax_amount, payment_method.'),
    ('column', 'scout.platinum_transaction_embeddings.transaction_date',
     'Silver transaction_date (for filtering without reading metadata).'),
    ('column', 'scout.platinum_transaction_embeddings.refreshed_at',
     'When the row was built.'),
    ('table', 'scout.platinum_product_recommendations',
     'Item-to-item collaborative filtering features: for each SKU, the (up to) 10 SKUs most often in the same baskets. A basket is one customer_id''s set of SKUs over the last 90 days; rows without a customer or a SKU are left out, and so are baskets of more than recommendation_basket_max_skus SKUs (ip_workbench.settings) from every count.'),
    ('column', 'scout.platinum_product_recommendations.sku',
     'The SKU a recommendation is for.'),
    ('column', 'scout.platinum_product_recommendations.recommended_sku',
     'The SKU recommended with it.'),
    ('column', 'scout.platinum_product_recommendations.co_occurrence',
     'Baskets holding both.'),
    ('column', 'scout.platinum_product_recommendations.support',
     'co_occurrence / number of baskets.'),
    ('column', 'scout.platinum_product_recommendations.confidence',
     'co_occurrence / baskets holding sku.'),
    ('column', 'scout.platinum_product_recommendations.lift',
     'confidence / (baskets holding recommended_sku / number of baskets).'),
    ('column', 'scout.platinum_product_recommendations.rank',
     '1 = best for this sku, by lift, then co_occurrence (both descending), then recommended_sku.'),
    ('column', 'scout.platinum_product_recommendations.refreshed_at',
     'When the row was built.')
  ) d(kind, object, description);
