-- Lower bound for scout.platinum_product_recommendations: one CREATE TABLE AS.
-- A basket is a customer's SKUs over the last 90 days (baskets over %(basket_max)s
-- SKUs left out, as the setting recommendation_basket_max_skus says); the top 10
-- by lift per SKU.
create table bench_platinum_recommendations as
with items as (
    select customer_id, sku
      from (select customer_id, sku, count(*) over (partition by customer_id) as basket_skus
              from (select distinct customer_id, sku from scout.silver_validated_transactions
                     where transaction_date >= current_date - 89
                       and customer_id is not null and sku is not null) d) i
     where basket_skus <= %(basket_max)s),
n as (select count(distinct customer_id)::numeric as baskets from items),
per_sku as (select sku, count(*)::numeric as baskets from items group by sku),
pairs as (select a.sku, b.sku as recommended_sku, count(*) as co_occurrence
            from items a join items b on a.customer_id = b.customer_id and a.sku <> b.sku group by 1, 2
          having count(*) >= %(min_co_occurrence)s),
ranked as (select p.*, p.co_occurrence / n.baskets as support, p.co_occurrence / sa.baskets as confidence,
                  (p.co_occurrence / sa.baskets) / (sb.baskets / n.baskets) as lift,
                  row_number() over (partition by p.sku order by (p.co_occurrence / sa.baskets) / (sb.baskets / n.baskets) desc,
                                     p.co_occurrence desc, p.recommended_sku) as rank
             from pairs p cross join n join per_sku sa on sa.sku = p.sku join per_sku sb on sb.sku = p.recommended_sku)
select sku, recommended_sku, co_occurrence, support, confidence, lift, rank from ranked where rank <= 10
