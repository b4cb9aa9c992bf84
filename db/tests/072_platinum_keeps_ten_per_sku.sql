-- At most 10 recommendations per SKU: with 11 equal candidates the last by name drops out.
begin;
select plan(2);

-- two customers buy the same twelve SKUs: every pair shares two baskets
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
        'transaction_id', 'T' || c || s, 'date', (current_date - 1)::text, 'amount', 1, 'category', 'Snacks',
        'customer_id', c, 'sku', s))
    from unnest(array['H', 'I01', 'I02', 'I03', 'I04', 'I05', 'I06', 'I07', 'I08', 'I09', 'I10', 'I11']) s,
         unnest(array['C1', 'C2']) c));
select scout.refresh_silver();
select scout.refresh_platinum();

select results_eq($$select recommended_sku, rank from scout.platinum_product_recommendations where sku = 'H' order by rank$$,
    $$values ('I01', 1), ('I02', 2), ('I03', 3), ('I04', 4), ('I05', 5), ('I06', 6), ('I07', 7), ('I08', 8), ('I09', 9), ('I10', 10)$$,
    'ten, ranked; I11 is the eleventh and is left out');
select is((select max(c)::int from (select count(*) c from scout.platinum_product_recommendations group by sku) x), 10,
          'no SKU has more than ten');

select * from finish();
rollback;
