-- Item-to-item features against a fixture computed by hand.
-- Baskets (last 90 days): C1 {A,B,C}, C2 {A,B}, C3 {A,C}, C4 {B}, C5 {D}, C6 {E,F,G} → 6 baskets;
-- baskets holding A 3, B 3, C 2, D 1, E 1, F 1, G 1. Left out: a row without a customer,
-- a row without a SKU, and a purchase 100 days ago. A pair needs min_co_occurrence (2)
-- shared baskets: one shared basket is not evidence.
begin;
select plan(3);

select scout.ingest_transactions((select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
        'transaction_id', 'P' || n, 'date', (current_date - d)::text, 'amount', 1, 'category', 'Snacks',
        'customer_id', c, 'sku', s)))
    from (values (1, 'C1', 'A', 1), (2, 'C1', 'B', 2), (3, 'C1', 'C', 3), (4, 'C1', 'A', 4),
                 (5, 'C2', 'A', 1), (6, 'C2', 'B', 1),
                 (7, 'C3', 'A', 5), (8, 'C3', 'C', 6),
                 (9, 'C4', 'B', 1), (10, 'C4', 'D', 100),
                 (11, 'C5', 'D', 7),
                 (12, 'C6', 'E', 1), (13, 'C6', 'F', 1), (14, 'C6', 'G', 1),
                 (15, null, 'A', 1), (16, 'C7', null, 1)) as f(n, c, s, d)));
select scout.refresh_silver();
select scout.refresh_platinum();

select results_eq(
    $$select sku, recommended_sku, co_occurrence, round(support, 4), round(confidence, 4), round(lift, 4), rank
        from scout.platinum_product_recommendations order by sku, recommended_sku$$,
    $$values ('A', 'B', 2::bigint, 0.3333, 0.6667, 1.3333, 2),
             ('A', 'C', 2, 0.3333, 0.6667, 2.0000, 1),
             ('B', 'A', 2, 0.3333, 0.6667, 1.3333, 1),
             ('C', 'A', 2, 0.3333, 1.0000, 2.0000, 1)$$,
    'co-occurrence, support, confidence, lift and rank of the pairs two baskets share; none resting on one basket (E, F, G: lift 6 on one basket)');

update ip_workbench.settings set value = '1' where name = 'min_co_occurrence';
select scout.refresh_platinum();
select results_eq(
    $$select sku, recommended_sku, co_occurrence, round(lift, 4), rank
        from scout.platinum_product_recommendations where co_occurrence = 1 order by sku, recommended_sku$$,
    $$values ('B', 'C', 1::bigint, 1.0000, 2), ('C', 'B', 1, 1.0000, 2),
             ('E', 'F', 1, 6.0000, 1), ('E', 'G', 1, 6.0000, 2), ('F', 'E', 1, 6.0000, 1),
             ('F', 'G', 1, 6.0000, 2), ('G', 'E', 1, 6.0000, 1), ('G', 'F', 1, 6.0000, 2)$$,
    'min_co_occurrence = 1 lets single shared baskets back (ties on lift and co-occurrence go to the first SKU by name), rebuilt though Silver did not change');
select is_empty($$select 1 from scout.platinum_product_recommendations where 'D' in (sku, recommended_sku)$$,
                'a SKU alone in its only basket gets no recommendation and is recommended to no one');

select * from finish();
rollback;
