-- How many of the generator's planted pairs (SKU 2k-1 with 2k, scout_dev.generate_transactions)
-- the recommendations find: for each planted SKU that has recommendations, whether its
-- partner is among its top 3.
create or replace function scout_dev.recommendation_precision()
returns jsonb
language sql
stable
set search_path = ''
begin atomic
    with planted as (
        select pg_catalog.format('SKU-%s', pg_catalog.lpad(k::text, 4, '0')) as sku,
               pg_catalog.format('SKU-%s', pg_catalog.lpad((k + 1 - 2 * ((k + 1) % 2))::text, 4, '0')) as partner
          from pg_catalog.generate_series(1, 100) k
    ), judged as (
        select p.sku,
               exists (select 1 from scout.platinum_product_recommendations r where r.sku = p.sku) as recommended,
               exists (select 1 from scout.platinum_product_recommendations r
                        where r.sku = p.sku and r.recommended_sku = p.partner and r.rank <= 3) as partner_in_top_3,
               exists (select 1 from scout.platinum_product_recommendations r
                        where r.sku = p.sku and r.recommended_sku = p.partner and r.rank = 1) as partner_first
          from planted p
    )
    select pg_catalog.jsonb_build_object(
               'planted_skus', pg_catalog.count(*),
               'with_recommendations', pg_catalog.count(*) filter (where recommended),
               'partner_in_top_3', pg_catalog.count(*) filter (where partner_in_top_3),
               'partner_first', pg_catalog.count(*) filter (where partner_first),
               'precision_at_3_pct', pg_catalog.round(100.0 * pg_catalog.count(*) filter (where partner_in_top_3)
                                                      / nullif(pg_catalog.count(*) filter (where recommended), 0), 1))
      from judged;
end;
comment on function scout_dev.recommendation_precision() is
    'What scout.platinum_product_recommendations finds of the generator''s 50 planted pairs (SKU 2k-1 with 2k): {"planted_skus", "with_recommendations", "partner_in_top_3", "partner_first", "precision_at_3_pct"} over the planted SKUs that have recommendations.';
revoke all on function scout_dev.recommendation_precision() from public;
