-- Platinum's item-to-item recommendations: a basket is one customer's SKUs since
-- p_since; baskets over p_basket_max_skus are left out (their pairs grow with its
-- square) and so are pairs fewer than p_min_co_occurrence baskets share.
create or replace function scout_internal.platinum_build_recommendations(
    p_since date, p_basket_max_skus int, p_min_co_occurrence int)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_recommendations bigint;
    v_recommendations_dropped bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_platinum', 'scout_internal.platinum_build_recommendations');
    delete from scout.platinum_product_recommendations;
    get diagnostics v_recommendations_dropped = row_count;
    -- Baskets, materialised and analysed so the planner sizes the pair join right
    -- (estimating one row, it picks nested loops that never end on a large basket);
    -- baskets over the size cap are left out, since their pairs grow with its square.
    if pg_catalog.to_regclass('pg_temp.platinum_basket_items') is not null then
        drop table pg_temp.platinum_basket_items;
    end if;
    create temp table platinum_basket_items on commit drop as
    select i.customer_id, i.sku
      from (select d.customer_id, d.sku, pg_catalog.count(*) over (partition by d.customer_id) as basket_skus
              from (select distinct s.customer_id, s.sku
                      from scout.silver_validated_transactions s
                     where s.transaction_date >= p_since and s.customer_id is not null and s.sku is not null) d) i
     where i.basket_skus <= p_basket_max_skus;
    analyze pg_temp.platinum_basket_items;
    with items as (
        select b.customer_id, b.sku from pg_temp.platinum_basket_items b
    ),
    basket_count as (
        select pg_catalog.count(distinct i.customer_id)::numeric as baskets from items i
    ),
    sku_baskets as (
        select i.sku, pg_catalog.count(*)::numeric as baskets from items i group by i.sku
    ),
    pairs as (
        select a.sku, b.sku as recommended_sku, pg_catalog.count(*) as co_occurrence
          from items a
          join items b on b.customer_id = a.customer_id and b.sku <> a.sku
         group by a.sku, b.sku
        -- one shared basket is not evidence (setting min_co_occurrence)
        having pg_catalog.count(*) >= p_min_co_occurrence
    ),
    scored as (
        select p.sku, p.recommended_sku, p.co_occurrence,
               p.co_occurrence / n.baskets as support,
               p.co_occurrence / sa.baskets as confidence,
               (p.co_occurrence / sa.baskets) / (sb.baskets / n.baskets) as lift
          from pairs p
         cross join basket_count n
          join sku_baskets sa on sa.sku = p.sku
          join sku_baskets sb on sb.sku = p.recommended_sku
    ),
    ranked as (
        select c.*, pg_catalog.row_number() over (
                   partition by c.sku order by c.lift desc, c.co_occurrence desc, c.recommended_sku) as rank
          from scored c
    )
    insert into scout.platinum_product_recommendations
           (sku, recommended_sku, co_occurrence, support, confidence, lift, rank)
    select r.sku, r.recommended_sku, r.co_occurrence, r.support, r.confidence, r.lift, r.rank
      from ranked r
     where r.rank <= 10;
    get diagnostics v_recommendations = row_count;
    return pg_catalog.jsonb_build_object('recommendations', v_recommendations, 'dropped', v_recommendations_dropped);
end
$fn$;
comment on function scout_internal.platinum_build_recommendations(date, int, int) is
    'Step of scout.refresh_platinum: rewrites scout.platinum_product_recommendations from the baskets (a customer''s SKUs since p_since, at most p_basket_max_skus of them): co_occurrence, support, confidence and lift of each pair at least p_min_co_occurrence baskets share, the best 10 per SKU by lift, co_occurrence, then recommended_sku; returns {"recommendations", "dropped"}. Only inside scout.refresh_platinum (55000 otherwise).';
revoke all on function scout_internal.platinum_build_recommendations(date, int, int) from public;
grant execute on function scout_internal.platinum_build_recommendations(date, int, int) to service_role;
