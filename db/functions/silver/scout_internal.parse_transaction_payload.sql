-- Every Silver rule for one transaction payload, as one set-returning SQL function
-- the planner inlines into refresh_silver's statement (no per-row function call,
-- and parallel workers can run it). Rules and reason codes: CONTRACT.md,
-- "Transaction payload".
create or replace function scout_internal.parse_transaction_payload(p_raw jsonb)
returns table (
    transaction_id text,
    transaction_date date,
    amount numeric(14, 2),
    currency text,
    category text,
    subcategory text,
    store_id text,
    vendor_name text,
    vendor_id text,
    customer_id text,
    sku text,
    quantity integer,
    tax_amount numeric(14, 2),
    payment_method text,
    description text,
    attributes jsonb,
    reasons text[]
)
language sql
stable
parallel safe
begin atomic
    select
        -- keys longer than 200 characters are refused: they would not fit a btree index entry
        case when pg_catalog.length(v.transaction_id) <= 200 then v.transaction_id end,
        v.transaction_date,
        pg_catalog.round(v.amount_exact, 2),
        coalesce(pg_catalog.upper(v.currency_text), 'PHP'),
        c.name,
        nullif(pg_catalog.btrim(r.subcategory), ''),
        nullif(pg_catalog.btrim(r.store_id), ''),
        nullif(pg_catalog.btrim(r.vendor_name), ''),
        nullif(pg_catalog.btrim(r.vendor_id), ''),
        nullif(pg_catalog.btrim(r.customer_id), ''),
        case when pg_catalog.length(pg_catalog.btrim(r.sku)) <= 200 then nullif(pg_catalog.btrim(r.sku), '') end,
        coalesce(v.quantity_int, 1),
        pg_catalog.round(v.tax_exact, 2),
        nullif(pg_catalog.btrim(r.payment_method), ''),
        nullif(pg_catalog.btrim(r.description), ''),
        p_raw - array['transaction_id', 'date', 'amount', 'currency', 'category', 'subcategory', 'store_id',
                      'vendor_name', 'vendor_id', 'customer_id', 'sku', 'quantity', 'tax_amount',
                      'payment_method', 'description'],
        pg_catalog.array_remove(array[
            case when v.transaction_id is null then 'missing_transaction_id'
                 when pg_catalog.length(v.transaction_id) > 200 then 'invalid_transaction_id' end,
            case when v.date_text is null then 'missing_date'
                 when v.transaction_date is null then 'invalid_date'
                 when v.transaction_date > current_date then 'date_in_future' end,
            case when v.amount_text is null then 'missing_amount'
                 when v.amount_exact is null then 'invalid_amount'
                 when pg_catalog.round(v.amount_exact, 2) <= 0 then 'amount_not_positive' end,
            case when v.category_text is null then 'missing_category'
                 when c.name is null then 'category_not_allowed' end,
            case when v.currency_text !~ '^[A-Za-z]{3}$' then 'invalid_currency' end,
            case when v.quantity_text is not null and v.quantity_int is null then 'invalid_quantity'
                 when v.quantity_int <= 0 then 'quantity_not_positive' end,
            case when v.tax_text is not null and v.tax_exact is null then 'invalid_tax_amount'
                 when pg_catalog.round(v.tax_exact, 2) < 0 then 'tax_amount_negative' end,
            case when pg_catalog.length(pg_catalog.btrim(r.sku)) > 200 then 'invalid_sku' end
        ], null)
    from pg_catalog.jsonb_to_record(p_raw) as r(
        transaction_id text, date text, amount text, currency text, category text, subcategory text,
        store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity text,
        tax_amount text, payment_method text, description text)
    cross join lateral pg_catalog.unnest(array[row(
        case when pg_catalog.jsonb_typeof(p_raw -> 'transaction_id') in ('string', 'number')
             then nullif(pg_catalog.btrim(r.transaction_id), '') end,
        nullif(pg_catalog.btrim(r.date), ''),
        scout_internal.iso_date(pg_catalog.btrim(r.date)),
        nullif(pg_catalog.btrim(r.amount), ''),
        scout_internal.parse_money(pg_catalog.btrim(r.amount)),
        nullif(pg_catalog.btrim(r.currency), ''),
        nullif(pg_catalog.btrim(r.category), ''),
        nullif(pg_catalog.btrim(r.quantity), ''),
        scout_internal.parse_int(pg_catalog.btrim(r.quantity)),
        nullif(pg_catalog.btrim(r.tax_amount), ''),
        scout_internal.parse_money(pg_catalog.btrim(r.tax_amount))
    )::scout_internal.transaction_payload_values]) as v
    left join scout.ref_categories c
           on pg_catalog.lower(c.name) = pg_catalog.lower(v.category_text) and c.is_active;
end;
comment on function scout_internal.parse_transaction_payload(jsonb) is
    'Applies every Silver rule to one transaction payload: the typed values and reasons, an array of every broken rule''s code (empty when valid). Never raises.';
revoke all on function scout_internal.parse_transaction_payload(jsonb) from public;
grant execute on function scout_internal.parse_transaction_payload(jsonb) to service_role;
