-- Products: one row per sku, the newest by updated_at (then arrival) wins; every
-- rule gives its reason code.
begin;
select plan(6);

select scout.ingest_products('[
    {"sku": " P1 ", "name": "Cola 1L", "price": "10.005", "cost": 7, "category": "beverages", "updated_at": "2025-01-02T00:00:00Z", "color": "red"},
    {"sku": "P2", "name": "Chips", "is_active": "false", "stock_quantity": "-3", "updated_at": "2025-01-01"},
    {"name": "no sku"},
    {"sku": "P3"},
    {"sku": "P4", "name": "x", "price": -1, "cost": "abc"},
    {"sku": "P5", "name": "x", "stock_quantity": "1.5", "is_active": "maybe", "updated_at": "yesterday", "price": "x", "cost": -2}]');
-- an older version arriving later does not win
select scout.ingest_products('{"sku": "P1", "name": "Cola 1L (old)", "price": 9, "updated_at": "2025-01-01T00:00:00Z"}');

select is(scout.refresh_silver() -> 'products',
          '{"processed": 7, "inserted": 2, "updated": 0, "rejected": 4, "superseded": 1}'::jsonb,
          'counts: 2 products, 4 rejected, 1 older version superseded');
select results_eq(
    $$select sku, name, price, cost, category, is_active, stock_quantity, updated_at, attributes
        from scout.silver_products order by sku$$,
    $$values ('P1', 'Cola 1L', 10.01::numeric(14, 2), 7.00::numeric(14, 2), 'Beverages', true, null::int,
              timestamptz '2025-01-02 00:00:00+00', '{"color": "red"}'::jsonb),
             ('P2', 'Chips', null, null, null, false, -3, timestamptz '2025-01-01 00:00:00+00', '{}')$$,
    'typed products; the newest updated_at wins even when it arrived first; a date without zone is UTC');
select results_eq(
    $$select sku, reasons from scout.silver_rejected_products order by sku nulls first$$,
    $$values (null::text, array['missing_sku']),
             ('P3', array['missing_name']),
             ('P4', array['price_negative', 'invalid_cost']),
             ('P5', array['invalid_price', 'cost_negative', 'invalid_stock_quantity', 'invalid_is_active', 'invalid_updated_at'])$$,
    'every product rule gives its code');

select scout.ingest_products('{"sku": "P1", "name": "Cola 1L", "price": 11, "updated_at": "2025-02-01T00:00:00Z"}');
select is(scout.refresh_silver() -> 'products' -> 'updated', '1', 'a newer version replaces the product');
select is((select price from scout.silver_products where sku = 'P1'), 11.00::numeric(14, 2), 'with its values');

select scout.ingest_products('{"sku": "P1", "name": "Cola 1L", "price": 11, "updated_at": "2025-02-01T00:00:00Z"}');
select is(scout.refresh_silver() -> 'products' -> 'superseded', '1', 'an identical re-send changes nothing');

select * from finish();
rollback;
