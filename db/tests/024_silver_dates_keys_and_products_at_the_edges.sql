-- Dates, keys and products at the edges: a zoned sale is judged as an instant, a
-- plain date against today in the business time zone; invisible characters never
-- make a second key; a product cannot be dated into the far future; a sale cannot
-- be dated centuries back.
begin;
select plan(13);

-- UTC-12 as the business zone: its "today" is at most today in UTC. A sale one minute
-- ago written at +14:00 carries a date at least a day after that "today", yet it
-- happened: the instant is judged, not the date as written.
update ip_workbench.settings set value = '"Etc/GMT+12"' where name = 'business_time_zone';
select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'ZONED-PAST', 'category', 'Snacks', 'amount', 1,
        'date', to_char((now() - interval '1 minute') at time zone '+14', 'YYYY-MM-DD"T"HH24:MI:SS') || '+14:00'),
    jsonb_build_object('transaction_id', 'ZONED-FUTURE', 'category', 'Snacks', 'amount', 1,
        'date', to_char((now() + interval '1 hour') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || 'Z'),
    jsonb_build_object('transaction_id', 'PLAIN-TODAY', 'category', 'Snacks', 'amount', 1,
        'date', ((now() at time zone 'Etc/GMT+12')::date)::text),
    jsonb_build_object('transaction_id', 'PLAIN-TOMORROW', 'category', 'Snacks', 'amount', 1,
        'date', ((now() at time zone 'Etc/GMT+12')::date + 1)::text),
    jsonb_build_object('transaction_id', 'OLD-19', 'category', 'Snacks', 'amount', 1,
        'date', (current_date - interval '19 years')::date::text),
    jsonb_build_object('transaction_id', 'OLD-21', 'category', 'Snacks', 'amount', 1,
        'date', (current_date - interval '21 years')::date::text),
    jsonb_build_object('transaction_id', 'YEAR-1', 'category', 'Snacks', 'amount', 1, 'date', '0001-01-01')));
select scout.refresh_silver();
select results_eq($$select transaction_id from scout.silver_validated_transactions order by 1$$,
    $$values ('OLD-19'), ('PLAIN-TODAY'), ('ZONED-PAST')$$,
    'a zoned sale in the past, a plain date of today in the business zone and one 19 years old are valid');
select results_eq($$select transaction_id, reasons from scout.silver_rejected_transactions order by 1$$,
    $$values ('OLD-21', array['date_too_old']), ('PLAIN-TOMORROW', array['date_in_future']),
             ('YEAR-1', array['date_too_old']), ('ZONED-FUTURE', array['date_in_future'])$$,
    'a zoned instant ahead of now and a plain date after today there are date_in_future; over 20 years back is date_too_old');
select is((select transaction_date from scout.silver_validated_transactions where transaction_id = 'ZONED-PAST'),
          ((now() - interval '1 minute') at time zone '+14')::date, 'the zoned sale keeps its date as written');

update ip_workbench.settings set value = '30' where name = 'transaction_max_age_years';
select scout.ingest_transactions(jsonb_build_object('transaction_id', 'OLD-21', 'category', 'Snacks', 'amount', 1,
        'date', (current_date - interval '21 years')::date::text));
select scout.refresh_silver();
select is((select count(*)::int from scout.silver_validated_transactions where transaction_id = 'OLD-21'), 1,
          'the horizon is a setting: at 30 years a 21-year-old sale is valid');

-- invisible characters at either end: one key, one category
select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'T-TAB', 'date', '2025-03-01', 'category', 'Dairy', 'amount', 1),
    jsonb_build_object('transaction_id', E'T-TAB\t', 'date', '2025-03-01', 'category', 'Dairy', 'amount', 2),
    jsonb_build_object('transaction_id', E'\u200bT-TAB\u00a0', 'date', E'2025-03-01\u3000', 'category', E'\u00a0dairy\u200b',
                       'amount', E'3\u2009', 'store_id', E'\u2060ST-1\ufeff')));
select scout.refresh_silver();
select results_eq($$select transaction_id, amount, category, store_id from scout.silver_validated_transactions
                     where transaction_id like '%T-TAB%'$$,
    $$values ('T-TAB', 3.00::numeric(14, 2), 'Dairy', 'ST-1')$$,
    'tab, no-break, zero-width, ideographic and thin spaces, word joiner and BOM are trimmed: one key, the latest version');
select is((select count(*)::int from scout.silver_rejected_transactions where transaction_id like '%T-TAB%'), 0,
          'and none of the three versions is rejected');

-- products: a version dated into the far future is refused; within the tolerance it is not
select scout.ingest_products(jsonb_build_array(
    jsonb_build_object('sku', 'FUT', 'name', 'v1', 'updated_at', '2025-01-01T00:00:00Z'),
    jsonb_build_object('sku', 'FUT', 'name', 'frozen', 'updated_at', '9999-12-31'),
    jsonb_build_object('sku', 'FUT', 'name', 'v2', 'updated_at', '2025-06-01T00:00:00Z'),
    jsonb_build_object('sku', 'SKEW', 'name', 'a minute ahead',
                       'updated_at', to_char(now() at time zone 'UTC' + interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))));
select scout.refresh_silver();
select is((select reasons from scout.silver_rejected_products where raw_data ->> 'name' = 'frozen'), array['updated_at_in_future'],
          'a product dated 9999-12-31 is updated_at_in_future');
select is((select name from scout.silver_products where sku = 'FUT'), 'v2', 'so a later real version still wins');
select is((select count(*)::int from scout.silver_products where sku = 'SKEW'), 1,
          'a version a minute ahead (clock skew) is within the tolerance');

-- the Turkish-locale trap: case folding and upper-casing do not follow the session's locale
select scout.ingest_transactions(jsonb_build_object('transaction_id', 'TR', 'date', '2025-03-01',
        'category', 'INSTANT NOODLES', 'currency', 'idr', 'amount', 1));
select scout.refresh_silver();
select results_eq($$select category, currency from scout.silver_validated_transactions where transaction_id = 'TR'$$,
    $$values ('Instant Noodles', 'IDR')$$, 'category matched case-insensitively, currency upper-cased, by fixed rules');

-- Platinum's sentence does not follow DateStyle
set local datestyle = 'SQL, DMY';
select scout.ingest_transactions(jsonb_build_object('transaction_id', 'DS', 'date', to_char(current_date - 3, 'YYYY-MM-DD'),
        'category', 'Snacks', 'amount', 12.5));
select scout.refresh_silver();
select scout.refresh_platinum();
select is((select left(text, 13) from scout.platinum_transaction_embeddings where transaction_id = 'DS'),
          'On ' || to_char(current_date - 3, 'YYYY-MM-DD'), 'the sentence writes its date as ISO under any DateStyle');
reset datestyle;

-- source names are index keys: too long is a clear 22023, nothing stored
select throws_ok($$select scout.ingest_transactions('{"transaction_id": "S"}', repeat('s', 201))$$, '22023',
                 'source is 201 characters long, more than the 200 allowed: nothing was stored',
                 'a source over 200 characters is refused with 22023');
select throws_ok($$select scout.ingest_transactions('{"transaction_id": "S"}', 'api', repeat('f', 2001))$$, '22023',
                 'source_filename is 2001 characters long, more than the 2000 allowed: nothing was stored',
                 'a source_filename over 2000 characters is refused with 22023');

select * from finish();
rollback;
