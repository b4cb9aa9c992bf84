-- One sentence per Silver transaction of the last 90 days, NULL parts left out, the
-- product named where the catalogue knows its SKU.
begin;
select plan(5);

select scout.ingest_products(jsonb_build_array(
    jsonb_build_object('sku', 'SKU-0001', 'name', 'Piattos Cheese', 'brand', 'Jack n Jill', 'category', 'Snacks',
                       'price', 35, 'updated_at', (current_date - 2)::text)));

select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'E1', 'date', (current_date - 1)::text, 'amount', '120.5', 'category', 'snacks',
                       'subcategory', 'Chips', 'store_id', 'ST-001', 'vendor_name', 'Vendor 3', 'payment_method', 'cash',
                       'description', '2 x SKU-0001', 'customer_id', 'C1', 'sku', 'SKU-0001', 'quantity', 2),
    jsonb_build_object('transaction_id', 'E2', 'date', (current_date - 89)::text, 'amount', 7, 'currency', 'usd',
                       'category', 'Dairy'),
    jsonb_build_object('transaction_id', 'E3', 'date', (current_date - 90)::text, 'amount', 7, 'category', 'Dairy')));
select scout.refresh_silver();
select is(scout.refresh_platinum() ->> 'embeddings', '2', 'two transactions in the window');

select results_eq(
    $$select transaction_id, text from scout.platinum_transaction_embeddings order by transaction_id$$,
    $$values ('E1', 'On ' || (current_date - 1)::text || ', a Snacks / Chips purchase of 120.50 PHP for 2 x Piattos Cheese by Jack n Jill at store ST-001 from Vendor 3, paid by cash: 2 x SKU-0001.'),
             ('E2', 'On ' || (current_date - 89)::text || ', a Dairy purchase of 7.00 USD.')$$,
    'full and minimal sentences: the product by name and brand, no product when there is no SKU');
select is((select metadata ->> 'product_name' || ' / ' || (metadata ->> 'brand')
             from scout.platinum_transaction_embeddings where transaction_id = 'E1'),
          'Piattos Cheese / Jack n Jill', 'metadata names the product too');
select is((select metadata from scout.platinum_transaction_embeddings where transaction_id = 'E2'),
          jsonb_build_object('transaction_id', 'E2', 'transaction_date', current_date - 89, 'amount', 7.00,
                             'currency', 'USD', 'category', 'Dairy', 'quantity', 1),
          'metadata holds the typed fields, without NULLs');
select is_empty($$select 1 from scout.platinum_transaction_embeddings where transaction_id = 'E3'$$,
                'a transaction 90 days old is outside the window');

select * from finish();
rollback;
