-- scout.ingest_transactions / ingest_products: objects and arrays land in Bronze
-- as received; anything else is refused with 22023 and stores nothing.
begin;
select plan(21);

select is(scout.ingest_transactions('{"transaction_id": "A1"}', 'webhook', 'https://hooks.example/scout') - 'batch_id',
          '{"received": 1, "inserted": 1}'::jsonb, 'one object: received 1, inserted 1');
select is((select row(raw_data, source, source_filename)::text from scout.bronze_transactions),
          row('{"transaction_id": "A1"}'::jsonb, 'webhook', 'https://hooks.example/scout')::text,
          'the payload is stored exactly as received, with its source and webhook URL');

select is(scout.ingest_transactions('[{"n": 1}, {"n": 2}, {"n": 3}]') - 'batch_id',
          '{"received": 3, "inserted": 3}'::jsonb, 'an array of three objects: received 3, inserted 3');
select is((select count(distinct ingestion_batch_id)::int from scout.bronze_transactions where raw_data ? 'n'), 1,
          'one batch id per call');
select is((select array_agg(raw_data ->> 'n' order by ingest_seq) from scout.bronze_transactions where raw_data ? 'n'),
          array['1', '2', '3'], 'array order is arrival order (ingest_seq)');
select is((select source from scout.bronze_transactions where raw_data ? 'n' limit 1), 'api', 'source defaults to api');

select is(scout.ingest_transactions('[]') - 'batch_id', '{"received": 0, "inserted": 0}'::jsonb,
          'an empty array stores nothing and is not an error');

select throws_ok($$select scout.ingest_transactions('5')$$, '22023',
    'payload must be a JSON object or an array of objects, got a number: nothing was stored', 'a number is refused');
select throws_ok($$select scout.ingest_transactions('"text"')$$, '22023',
    'payload must be a JSON object or an array of objects, got a string: nothing was stored', 'a string is refused');
select throws_ok($$select scout.ingest_transactions('[{"ok": 1}, [1, 2]]')$$, '22023',
    'payload element 2 is a array, not an object: nothing was stored', 'an array holding a non-object is refused whole');
select throws_ok($$select scout.ingest_transactions(null)$$, '22023', 'payload is missing: nothing was stored',
    'a NULL payload is refused');
select throws_ok($$select scout.ingest_transactions('{}', '  ')$$, '22023', null, 'a blank source is refused');
select throws_ok($$select scout.ingest_transactions((select jsonb_agg(jsonb_build_object('i', g)) from generate_series(1, 100001) g))$$,
    '54000', null, 'more than 100,000 objects in one call are refused');
select is((select count(*)::int from scout.bronze_transactions), 4, 'the refused calls stored nothing');

select is(scout.ingest_products('[{"sku": "P1"}, {"sku": "P2"}]', 'erp') - 'batch_id',
          '{"received": 2, "inserted": 2}'::jsonb, 'products: same contract');
select is((select count(*)::int from scout.bronze_products where source = 'erp'), 2, 'products land in bronze_products');

-- hostile input is data, never code
select lives_ok($$select scout.ingest_transactions('{"transaction_id": "x''); drop table scout.bronze_transactions; --"}')$$,
    'text that looks like SQL is accepted as data');
select is((select count(*)::int from scout.bronze_transactions where raw_data ->> 'transaction_id' like '%drop table%'), 1,
    'and stored verbatim, with the table still there');
select lives_ok(pg_catalog.format('select scout.ingest_transactions(%L::jsonb)', repeat('{"a": ', 2000) || '1' || repeat('}', 2000)),
    'a 2000-level nested object is stored as data');
select lives_ok($$select scout.ingest_transactions(jsonb_build_object('transaction_id', 'big', 'description', repeat('x', 5000000)))$$,
    'a 5 MB payload is stored');
select is((select length(raw_data ->> 'description') from scout.bronze_transactions where raw_data ->> 'transaction_id' = 'big'),
    5000000, 'in full');

select * from finish();
rollback;
