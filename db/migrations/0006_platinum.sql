-- Platinum: AI-ready features over the last 90 days of Silver, rebuilt by
-- scout.refresh_platinum in one transaction (readers see the previous state until
-- it commits). The window slides every day, so a rebuild is the honest refresh.

create table scout.platinum_transaction_embeddings (
    transaction_id text not null,
    text text not null,
    metadata jsonb not null,
    transaction_date date not null,
    refreshed_at timestamptz not null default pg_catalog.now(),
    constraint platinum_transaction_embeddings_pkey primary key (transaction_id)
);
create index platinum_transaction_embeddings_transaction_date_idx on scout.platinum_transaction_embeddings (transaction_date);
select ip_workbench.secure_table('scout.platinum_transaction_embeddings', array['authenticated']);
comment on table scout.platinum_transaction_embeddings is 'One readable sentence per Silver transaction of the last 90 days (transaction_date > current_date - 90), for embedding and retrieval.';
comment on column scout.platinum_transaction_embeddings.transaction_id is 'Silver transaction_id.';
comment on column scout.platinum_transaction_embeddings.text is 'The transaction as one sentence: date, category / subcategory, amount and currency, store and vendor, payment method and description; parts that are NULL are left out.';
comment on column scout.platinum_transaction_embeddings.metadata is 'The typed Silver fields (NULLs left out): transaction_id, transaction_date, amount, currency, category, subcategory, store_id, vendor_name, vendor_id, customer_id, sku, quantity, tax_amount, payment_method.';
comment on column scout.platinum_transaction_embeddings.transaction_date is 'Silver transaction_date (for filtering without reading metadata).';
comment on column scout.platinum_transaction_embeddings.refreshed_at is 'When the row was built.';

create table scout.platinum_product_recommendations (
    sku text not null,
    recommended_sku text not null,
    co_occurrence bigint not null,
    support numeric not null,
    confidence numeric not null,
    lift numeric not null,
    rank integer not null,
    refreshed_at timestamptz not null default pg_catalog.now(),
    constraint platinum_product_recommendations_pkey primary key (sku, recommended_sku),
    constraint platinum_product_recommendations_rank_check check (rank between 1 and 10),
    constraint platinum_product_recommendations_sku_check check (sku <> recommended_sku)
);
create unique index platinum_product_recommendations_sku_rank_idx on scout.platinum_product_recommendations (sku, rank);
select ip_workbench.secure_table('scout.platinum_product_recommendations', array['authenticated']);
comment on table scout.platinum_product_recommendations is 'Item-to-item collaborative filtering features: for each SKU, the (up to) 10 SKUs most often in the same baskets. A basket is one customer_id''s set of SKUs over the last 90 days; rows without a customer or a SKU are left out.';
comment on column scout.platinum_product_recommendations.sku is 'The SKU a recommendation is for.';
comment on column scout.platinum_product_recommendations.recommended_sku is 'The SKU recommended with it.';
comment on column scout.platinum_product_recommendations.co_occurrence is 'Baskets holding both.';
comment on column scout.platinum_product_recommendations.support is 'co_occurrence / number of baskets.';
comment on column scout.platinum_product_recommendations.confidence is 'co_occurrence / baskets holding sku.';
comment on column scout.platinum_product_recommendations.lift is 'confidence / (baskets holding recommended_sku / number of baskets).';
comment on column scout.platinum_product_recommendations.rank is '1 = best for this sku, by lift, then co_occurrence (both descending), then recommended_sku.';
comment on column scout.platinum_product_recommendations.refreshed_at is 'When the row was built.';

insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('scout', 'platinum_transaction_embeddings', 'platinum', 'Transaction sentences for embeddings (last 90 days)'),
    ('scout', 'platinum_product_recommendations', 'platinum', 'Item-to-item recommendation features (last 90 days)');
