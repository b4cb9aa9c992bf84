-- A reseller's basket of hundreds of SKUs would make Platinum's pairs grow with its
-- square; baskets over recommendation_basket_max_skus are left out of every count.
begin;
select plan(4);
-- this file is about the cap, on single baskets: min_co_occurrence (071) is set aside
update ip_workbench.settings set value = '1' where name = 'min_co_occurrence';

-- one small basket (A, B, C) and one of 250 SKUs
insert into scout.silver_validated_transactions
       (transaction_id, transaction_date, amount, category, customer_id, sku, bronze_id, bronze_seq, source, ingested_at)
select 'S-' || s, current_date - 1, 1, 'Snacks', 'SMALL', s, gen_random_uuid(), 0, 'test', now()
  from unnest(array['A', 'B', 'C']) s
union all
select 'R-' || g, current_date - 1, 1, 'Snacks', 'RESELLER', 'BULK-' || g, gen_random_uuid(), 0, 'test', now()
  from generate_series(1, 250) g;

select scout.refresh_platinum();
select results_eq($$select sku, recommended_sku, co_occurrence, support, confidence, lift
                      from scout.platinum_product_recommendations order by 1, 2$$,
    $$values ('A', 'B', 1::bigint, 1::numeric, 1::numeric, 1::numeric), ('A', 'C', 1, 1, 1, 1),
             ('B', 'A', 1, 1, 1, 1), ('B', 'C', 1, 1, 1, 1), ('C', 'A', 1, 1, 1, 1), ('C', 'B', 1, 1, 1, 1)$$,
    'with the default cap (200) the 250-SKU basket is left out: one basket, whose pairs have support 1');
select is((select value from ip_workbench.settings where name = 'recommendation_basket_max_skus'), '200'::jsonb,
          'the default cap is 200 SKUs');

update ip_workbench.settings set value = '300' where name = 'recommendation_basket_max_skus';
select scout.refresh_platinum();
select is((select count(*)::int from scout.platinum_product_recommendations where sku like 'BULK-%'), 250 * 10,
          'under a cap of 300 it counts: each of its SKUs gets 10 recommendations');
select is((select support from scout.platinum_product_recommendations where sku = 'A' and recommended_sku = 'B'), 0.5,
          'and the small basket''s support halves (two baskets now)');

select * from finish();
rollback;
