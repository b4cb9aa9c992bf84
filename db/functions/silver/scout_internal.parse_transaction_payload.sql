-- Every Silver rule for one transaction payload, as one set-returning SQL function
-- the planner inlines into refresh_silver's statement (no per-row function call,
-- and parallel workers can run it). Rules and reason codes: CONTRACT.md,
-- "Transaction payload". The moments it judges against come in as arguments, read
-- once per run by the caller: "today" in the business time zone, now, and the
-- oldest date a sale may carry.
create or replace function scout_internal.parse_transaction_payload(
    p_raw jsonb,
    p_today date,
    p_now timestamptz,
    p_oldest date
)
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
        coalesce(pg_catalog.upper(v.currency_text collate "C"), 'PHP'),
        c.name,
        scout_internal.clean_text(r.subcategory),
        scout_internal.clean_text(r.store_id),
        scout_internal.clean_text(r.vendor_name),
        scout_internal.clean_text(r.vendor_id),
        scout_internal.clean_text(r.customer_id),
        case when pg_catalog.length(scout_internal.clean_text(r.sku)) <= 200 then scout_internal.clean_text(r.sku) end,
        coalesce(v.quantity_int, 1),
        pg_catalog.round(v.tax_exact, 2),
        scout_internal.clean_text(r.payment_method),
        scout_internal.clean_text(r.description),
        p_raw - array['transaction_id', 'date', 'amount', 'currency', 'category', 'subcategory', 'store_id',
                      'vendor_name', 'vendor_id', 'customer_id', 'sku', 'quantity', 'tax_amount',
                      'payment_method', 'description'],
        pg_catalog.array_remove(array[
            case when v.transaction_id is null then 'missing_transaction_id'
                 when pg_catalog.length(v.transaction_id) > 200 then 'invalid_transaction_id' end,
            case when v.date_text is null then 'missing_date'
                 when v.transaction_date is null then 'invalid_date'
                 -- with a time and a zone the instant is judged, else the date against today
                 -- in the business time zone (what is left of the time part after its digits
                 -- and separators is the zone: Z, + or -)
                 when case when pg_catalog.translate(pg_catalog.substr(v.date_text, 11), '0123456789:. T', '') <> ''
                           then scout_internal.iso_timestamptz(v.date_text) > p_now
                           else v.transaction_date > p_today end then 'date_in_future'
                 when v.transaction_date < p_oldest then 'date_too_old' end,
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
            case when pg_catalog.length(scout_internal.clean_text(r.sku)) > 200 then 'invalid_sku' end
        ], null)
    from pg_catalog.jsonb_to_record(p_raw) as r(
        transaction_id text, date text, amount text, currency text, category text, subcategory text,
        store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity text,
        tax_amount text, payment_method text, description text)
    cross join lateral pg_catalog.unnest(array[row(
        case when pg_catalog.jsonb_typeof(p_raw -> 'transaction_id') in ('string', 'number')
             then scout_internal.clean_text(r.transaction_id) end,
        scout_internal.clean_text(r.date),
        scout_internal.iso_date(scout_internal.clean_text(r.date)),
        scout_internal.clean_text(r.amount),
        scout_internal.parse_money(scout_internal.clean_text(r.amount)),
        scout_internal.clean_text(r.currency),
        scout_internal.clean_text(r.category),
        scout_internal.clean_text(r.quantity),
        scout_internal.parse_int(scout_internal.clean_text(r.quantity)),
        scout_internal.clean_text(r.tax_amount),
        scout_internal.parse_money(scout_internal.clean_text(r.tax_amount))
    )::scout_internal.transaction_payload_values]) as v
    left join scout.ref_categories c
           on scout_internal.fold_case(c.name) = scout_internal.fold_case(v.category_text) and c.is_active;
end;
comment on function scout_internal.parse_transaction_payload(jsonb, date, timestamptz, date) is
    'Applies every Silver rule to one transaction payload, judging dates against p_today (today in the business time zone), p_now (for a date with a time and a zone) and p_oldest: the typed values and reasons, an array of every broken rule''s code (empty when valid). Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.parse_transaction_payload(jsonb, date, timestamptz, date) from public;
grant execute on function scout_internal.parse_transaction_payload(jsonb, date, timestamptz, date) to service_role;
