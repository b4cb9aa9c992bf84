-- Silver: typed, validated, one row per business key; every rejected row kept with its reasons.

create table scout.ref_categories (
    name text not null,
    is_active boolean not null default true,
    added_at timestamptz not null default pg_catalog.now(),
    retired_at timestamptz,
    constraint ref_categories_pkey primary key (name),
    constraint ref_categories_name_check check (name = pg_catalog.btrim(name) and name <> '')
);
create unique index ref_categories_lower_name_idx on scout.ref_categories (pg_catalog.lower(name));
select ip_workbench.secure_table('scout.ref_categories');
comment on table scout.ref_categories is 'Allowed transaction categories. DBAs add rows or retire them (is_active = false); scout.backfill re-judges old rows.';
comment on column scout.ref_categories.name is 'Canonical spelling; payload categories match it case-insensitively after trimming.';
comment on column scout.ref_categories.is_active is 'Only active categories are allowed in Silver.';
comment on column scout.ref_categories.added_at is 'When the category was added.';
comment on column scout.ref_categories.retired_at is 'When the category was retired, if it was.';
insert into scout.ref_categories (name) values
    ('Beverages'), ('Snacks'), ('Dairy'), ('Canned Goods'), ('Instant Noodles'), ('Condiments'),
    ('Personal Care'), ('Household Cleaning'), ('Tobacco'), ('Alcoholic Beverages'), ('Bakery'),
    ('Frozen Foods');

-- The once-per-row values of scout.parse_transaction_payload. Wrapping them in
-- unnest(array[row(...)]) evaluates each once per row while keeping the plan
-- parallel-safe (a subquery barrier, OFFSET 0, takes lateral parameters, which
-- PostgreSQL 15 will not run in parallel workers).
create type scout.transaction_payload_values as (
    transaction_id text,
    date_text text,
    transaction_date date,
    amount_text text,
    amount_exact numeric,
    currency_text text,
    category_text text,
    quantity_text text,
    quantity_int integer,
    tax_text text,
    tax_exact numeric
);
comment on type scout.transaction_payload_values is
    'Internal to scout.parse_transaction_payload: each payload value read once (trimmed text, and its parsed value or NULL when it does not parse).';

create table scout.silver_validated_transactions (
    transaction_id text not null,
    transaction_date date not null,
    amount numeric(14, 2) not null,
    currency text not null default 'PHP',
    category text not null,
    subcategory text,
    store_id text,
    vendor_name text,
    vendor_id text,
    customer_id text,
    sku text,
    quantity integer not null default 1,
    tax_amount numeric(14, 2),
    payment_method text,
    description text,
    attributes jsonb not null default '{}',
    bronze_id uuid not null,
    bronze_seq bigint not null,
    source text not null,
    ingestion_batch_id text,
    ingested_at timestamptz not null,
    validated_at timestamptz not null default pg_catalog.now(),
    constraint silver_validated_transactions_pkey primary key (transaction_id),
    constraint silver_validated_transactions_amount_check check (amount > 0),
    constraint silver_validated_transactions_currency_check check (currency ~ '^[A-Z]{3}$'),
    constraint silver_validated_transactions_quantity_check check (quantity > 0),
    constraint silver_validated_transactions_tax_amount_check check (tax_amount >= 0)
);
create index silver_validated_transactions_transaction_date_idx on scout.silver_validated_transactions (transaction_date);
create index silver_validated_transactions_category_transaction_date_idx
    on scout.silver_validated_transactions (category, transaction_date);
select ip_workbench.secure_table('scout.silver_validated_transactions');
comment on table scout.silver_validated_transactions is 'Validated transactions, one row per transaction_id: the latest valid version by ingestion order (an identical re-send changes nothing).';
comment on column scout.silver_validated_transactions.transaction_id is 'Business key: payload transaction_id, trimmed.';
comment on column scout.silver_validated_transactions.transaction_date is 'Date part of the ISO 8601 payload date (as written, no zone conversion); never after CURRENT_DATE.';
comment on column scout.silver_validated_transactions.amount is 'Payload amount rounded to 2 decimals; always > 0.';
comment on column scout.silver_validated_transactions.currency is 'ISO 4217 code, upper-cased; PHP when the payload has none.';
comment on column scout.silver_validated_transactions.category is 'Category in its canonical spelling from scout.ref_categories.';
comment on column scout.silver_validated_transactions.subcategory is 'Payload subcategory, trimmed; NULL when empty.';
comment on column scout.silver_validated_transactions.store_id is 'Payload store_id, trimmed; NULL when empty.';
comment on column scout.silver_validated_transactions.vendor_name is 'Payload vendor_name, trimmed; NULL when empty.';
comment on column scout.silver_validated_transactions.vendor_id is 'Payload vendor_id, trimmed; NULL when empty.';
comment on column scout.silver_validated_transactions.customer_id is 'Payload customer_id, trimmed; NULL when empty.';
comment on column scout.silver_validated_transactions.sku is 'Payload sku, trimmed; NULL when empty.';
comment on column scout.silver_validated_transactions.quantity is 'Units sold, integer > 0; 1 when the payload has none.';
comment on column scout.silver_validated_transactions.tax_amount is 'Payload tax_amount rounded to 2 decimals, >= 0; NULL when absent.';
comment on column scout.silver_validated_transactions.payment_method is 'Payload payment_method, trimmed; NULL when empty.';
comment on column scout.silver_validated_transactions.description is 'Payload description, trimmed; NULL when empty.';
comment on column scout.silver_validated_transactions.attributes is 'Payload keys the contract does not name, kept as they came.';
comment on column scout.silver_validated_transactions.bronze_id is 'Lineage: the Bronze row of this version.';
comment on column scout.silver_validated_transactions.bronze_seq is 'Lineage: ingest_seq of that Bronze row; a later valid version (higher seq) with different values replaces this one.';
comment on column scout.silver_validated_transactions.source is 'Lineage: Bronze source of this version.';
comment on column scout.silver_validated_transactions.ingestion_batch_id is 'Lineage: Bronze batch of this version.';
comment on column scout.silver_validated_transactions.ingested_at is 'Lineage: when this version reached Bronze.';
comment on column scout.silver_validated_transactions.validated_at is 'When this version was validated into Silver.';

create table scout.silver_rejected_transactions (
    bronze_id uuid not null,
    transaction_id text,
    reasons text[] not null,
    raw_data jsonb not null,
    source text not null,
    ingestion_batch_id text,
    ingested_at timestamptz not null,
    rejected_at timestamptz not null default pg_catalog.now(),
    constraint silver_rejected_transactions_pkey primary key (bronze_id),
    constraint silver_rejected_transactions_reasons_check check (pg_catalog.cardinality(reasons) > 0)
);
create index silver_rejected_transactions_transaction_id_idx on scout.silver_rejected_transactions (transaction_id);
create index silver_rejected_transactions_reasons_idx on scout.silver_rejected_transactions using gin (reasons);
select ip_workbench.secure_table('scout.silver_rejected_transactions');
comment on table scout.silver_rejected_transactions is 'Every Bronze transaction that broke a Silver rule, with every rule it broke.';
comment on column scout.silver_rejected_transactions.bronze_id is 'The rejected Bronze row.';
comment on column scout.silver_rejected_transactions.transaction_id is 'Business key, where one could be read.';
comment on column scout.silver_rejected_transactions.reasons is 'Stable reason codes, one per broken rule: missing_transaction_id, invalid_transaction_id (over 200 characters), missing_date, invalid_date, date_in_future, missing_amount, invalid_amount, amount_not_positive, missing_category, category_not_allowed, invalid_currency, invalid_quantity, quantity_not_positive, invalid_tax_amount, tax_amount_negative, invalid_sku (over 200 characters).';
comment on column scout.silver_rejected_transactions.raw_data is 'The payload as received.';
comment on column scout.silver_rejected_transactions.source is 'Bronze source.';
comment on column scout.silver_rejected_transactions.ingestion_batch_id is 'Bronze batch.';
comment on column scout.silver_rejected_transactions.ingested_at is 'When the row reached Bronze.';
comment on column scout.silver_rejected_transactions.rejected_at is 'When it was (last) judged.';

create table scout.silver_products (
    sku text not null,
    name text not null,
    description text,
    category text,
    brand text,
    price numeric(14, 2),
    cost numeric(14, 2),
    stock_quantity integer,
    unit_of_measure text,
    barcode text,
    is_active boolean not null default true,
    updated_at timestamptz,
    attributes jsonb not null default '{}',
    version_at timestamptz not null,
    bronze_id uuid not null,
    bronze_seq bigint not null,
    source text not null,
    ingestion_batch_id text,
    ingested_at timestamptz not null,
    validated_at timestamptz not null default pg_catalog.now(),
    constraint silver_products_pkey primary key (sku),
    constraint silver_products_price_check check (price >= 0),
    constraint silver_products_cost_check check (cost >= 0)
);
create index silver_products_category_idx on scout.silver_products (category);
select ip_workbench.secure_table('scout.silver_products');
comment on table scout.silver_products is 'Validated products, one row per sku: the newest valid version by updated_at, then by ingestion order.';
comment on column scout.silver_products.sku is 'Business key: payload sku, trimmed.';
comment on column scout.silver_products.name is 'Product name, trimmed.';
comment on column scout.silver_products.description is 'Payload description, trimmed; NULL when empty.';
comment on column scout.silver_products.category is 'Payload category, trimmed (canonical spelling when it names a scout.ref_categories row).';
comment on column scout.silver_products.brand is 'Payload brand, trimmed; NULL when empty.';
comment on column scout.silver_products.price is 'List price rounded to 2 decimals, >= 0.';
comment on column scout.silver_products.cost is 'Unit cost rounded to 2 decimals, >= 0.';
comment on column scout.silver_products.stock_quantity is 'Units in stock (integer, may be negative for back-orders).';
comment on column scout.silver_products.unit_of_measure is 'Payload unit_of_measure, trimmed; NULL when empty.';
comment on column scout.silver_products.barcode is 'Payload barcode, trimmed; NULL when empty.';
comment on column scout.silver_products.is_active is 'Payload is_active; true when absent.';
comment on column scout.silver_products.updated_at is 'Payload updated_at (ISO 8601; UTC when no zone is given).';
comment on column scout.silver_products.attributes is 'Payload keys the contract does not name.';
comment on column scout.silver_products.version_at is 'updated_at, or ingested_at when the payload has none: the newest version_at wins, ties broken by bronze_seq.';
comment on column scout.silver_products.bronze_id is 'Lineage: the Bronze row of this version.';
comment on column scout.silver_products.bronze_seq is 'Lineage: ingest_seq of that Bronze row.';
comment on column scout.silver_products.source is 'Lineage: Bronze source.';
comment on column scout.silver_products.ingestion_batch_id is 'Lineage: Bronze batch.';
comment on column scout.silver_products.ingested_at is 'Lineage: when this version reached Bronze.';
comment on column scout.silver_products.validated_at is 'When this version was validated into Silver.';

create table scout.silver_rejected_products (
    bronze_id uuid not null,
    sku text,
    reasons text[] not null,
    raw_data jsonb not null,
    source text not null,
    ingestion_batch_id text,
    ingested_at timestamptz not null,
    rejected_at timestamptz not null default pg_catalog.now(),
    constraint silver_rejected_products_pkey primary key (bronze_id),
    constraint silver_rejected_products_reasons_check check (pg_catalog.cardinality(reasons) > 0)
);
create index silver_rejected_products_sku_idx on scout.silver_rejected_products (sku);
select ip_workbench.secure_table('scout.silver_rejected_products');
comment on table scout.silver_rejected_products is 'Every Bronze product that broke a Silver rule, with every rule it broke.';
comment on column scout.silver_rejected_products.bronze_id is 'The rejected Bronze row.';
comment on column scout.silver_rejected_products.sku is 'Business key, where one could be read.';
comment on column scout.silver_rejected_products.reasons is 'Stable reason codes: missing_sku, invalid_sku (over 200 characters), missing_name, invalid_price, price_negative, invalid_cost, cost_negative, invalid_stock_quantity, invalid_is_active, invalid_updated_at, invalid_category (over 200 characters).';
comment on column scout.silver_rejected_products.raw_data is 'The payload as received.';
comment on column scout.silver_rejected_products.source is 'Bronze source.';
comment on column scout.silver_rejected_products.ingestion_batch_id is 'Bronze batch.';
comment on column scout.silver_rejected_products.ingested_at is 'When the row reached Bronze.';
comment on column scout.silver_rejected_products.rejected_at is 'When it was (last) judged.';

insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('scout', 'ref_categories', 'reference', 'Allowed transaction categories'),
    ('scout', 'silver_validated_transactions', 'silver', 'Validated transactions, one per transaction_id'),
    ('scout', 'silver_rejected_transactions', 'silver', 'Rejected transactions with reasons'),
    ('scout', 'silver_products', 'silver', 'Validated products, one per sku'),
    ('scout', 'silver_rejected_products', 'silver', 'Rejected products with reasons');
