-- Every Silver rule for transactions, with the reason code it produces; valid
-- rows are typed, trimmed and canonicalised exactly as the contract says.
begin;
select plan(8);

update scout.ref_categories set is_active = false, retired_at = now() where name = 'Tobacco';

select scout.ingest_transactions(jsonb_build_array(
    '{"transaction_id": "  V1 ", "date": "2025-03-15T23:30:00+08:00", "amount": "12.345", "currency": "usd",
      "category": " beverages ", "store_id": " ", "quantity": "3", "tax_amount": 1.2, "sku": " S-1 ", "extra": "kept"}'::jsonb,
    '{"transaction_id": "V2", "date": "2025-03-15", "amount": 7, "category": "DAIRY"}'::jsonb,
    '{"transaction_id": 12345, "date": "2024-02-29", "amount": 999999999999.99, "category": "Snacks"}'::jsonb,
    '{"transaction_id": "R01", "date": "2025-01-01", "amount": 0.004, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R02", "date": "2025-01-01", "amount": -5, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R03", "date": "2025-01-01", "amount": "abc", "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R04", "date": "2025-01-01", "category": "Dairy"}'::jsonb,
    jsonb_build_object('transaction_id', 'R05', 'date', (current_date + 1)::text, 'amount', 1, 'category', 'Dairy'),
    '{"transaction_id": "R06", "date": "today", "amount": 1, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R07", "date": "2025-02-29", "amount": 1, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R08", "date": "15/03/2025", "amount": 1, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R09", "date": "infinity", "amount": 1, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R10", "amount": 1, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R11", "date": "2025-01-01", "amount": 1, "category": "Electronics"}'::jsonb,
    '{"transaction_id": "R12", "date": "2025-01-01", "amount": 1}'::jsonb,
    '{"transaction_id": "R13", "date": "2025-01-01", "amount": 1, "category": "Tobacco"}'::jsonb,
    '{"date": "2025-01-01", "amount": 1, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "   ", "date": "2025-01-01", "amount": 1, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R14", "date": "2025-01-01", "amount": 1, "category": "Dairy", "currency": "PESO",
      "quantity": 0, "tax_amount": -1}'::jsonb,
    '{"transaction_id": "R15", "date": "2025-01-01", "amount": 1, "category": "Dairy", "quantity": "2.5", "tax_amount": "x"}'::jsonb,
    '{"transaction_id": "R16", "date": "nope", "amount": "-1", "category": "Cars"}'::jsonb,
    '{"transaction_id": "R17", "date": "2025-01-01", "amount": 1e12, "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R18", "date": "2025-01-01", "amount": "NaN", "category": "Dairy"}'::jsonb,
    '{"transaction_id": "R19", "date": "2025-01-01", "amount": "999999999999.995", "category": "Dairy"}'::jsonb
));

select is((scout.refresh_silver() -> 'transactions') - 'plan',
          '{"processed": 24, "inserted": 3, "updated": 0, "rejected": 21, "superseded": 0}'::jsonb,
          'refresh_silver counts 3 valid and 21 rejected of 24');

select results_eq(
    $$select transaction_id, transaction_date, amount, currency, category, store_id, sku, quantity, tax_amount, attributes
        from scout.silver_validated_transactions order by transaction_id$$,
    $$values ('12345', date '2024-02-29', 999999999999.99::numeric(14, 2), 'PHP', 'Snacks', null::text, null::text, 1, null::numeric(14, 2), '{}'::jsonb),
             ('V1', date '2025-03-15', 12.35, 'USD', 'Beverages', null, 'S-1', 3, 1.20, '{"extra": "kept"}'),
             ('V2', date '2025-03-15', 7.00, 'PHP', 'Dairy', null, null, 1, null, '{}')$$,
    'valid rows: trimmed ids, date part as written, amounts rounded to cents, currency upper-cased or PHP, canonical categories, empty text as NULL, defaults, unknown keys in attributes');

select results_eq(
    $$select transaction_id, reasons from scout.silver_rejected_transactions where transaction_id is not null order by transaction_id$$,
    $$values ('R01', array['amount_not_positive']),
             ('R02', array['amount_not_positive']),
             ('R03', array['invalid_amount']),
             ('R04', array['missing_amount']),
             ('R05', array['date_in_future']),
             ('R06', array['invalid_date']),
             ('R07', array['invalid_date']),
             ('R08', array['invalid_date']),
             ('R09', array['invalid_date']),
             ('R10', array['missing_date']),
             ('R11', array['category_not_allowed']),
             ('R12', array['missing_category']),
             ('R13', array['category_not_allowed']),
             ('R14', array['invalid_currency', 'quantity_not_positive', 'tax_amount_negative']),
             ('R15', array['invalid_quantity', 'invalid_tax_amount']),
             ('R16', array['invalid_date', 'amount_not_positive', 'category_not_allowed']),
             ('R17', array['invalid_amount']),
             ('R18', array['invalid_amount']),
             ('R19', array['invalid_amount'])$$,
    'each rule gives its stable code, and a row breaking several rules lists every one');

select is((select array_agg(reasons[1]) from scout.silver_rejected_transactions where transaction_id is null),
          array['missing_transaction_id', 'missing_transaction_id'], 'a missing or blank transaction_id is missing_transaction_id');

select is((select count(*)::int from scout.silver_rejected_transactions r
            join scout.bronze_transactions b on b.id = r.bronze_id and b.raw_data = r.raw_data), 21,
          'every rejected row keeps its Bronze id and the payload as received');

-- a DBA adds a category; the next refresh accepts it for new rows
insert into scout.ref_categories (name) values ('Electronics');
select scout.ingest_transactions('{"transaction_id": "N1", "date": "2025-01-01", "amount": 1, "category": "electronics"}');
select is(scout.refresh_silver() -> 'transactions' ->> 'inserted', '1', 'a newly added category is allowed');
select is((select category from scout.silver_validated_transactions where transaction_id = 'N1'), 'Electronics',
          'and stored in its canonical spelling');
select is((select count(*)::int from scout.silver_validated_transactions where transaction_id like 'R%'), 0,
          'no rejected row reached Silver');

select * from finish();
rollback;
