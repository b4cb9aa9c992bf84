-- Validity of the recommendations (contract v3): each rests on at least
-- min_co_occurrence shared baskets, with a confidence that is a share and a positive
-- lift, and ranks 1 to 10 per product without gaps.
create or replace view scout_checks.platinum_recommendations_have_evidence
with (security_invoker = true)
as
select 'platinum_recommendations_have_evidence'::text as check_name, 'scout'::text as schema_name,
       'platinum_product_recommendations'::text as table_name, 'platinum'::text as layer,
       'validity'::text as dimension, 'error'::text as level,
       pg_catalog.count(*) filter (where v.ok) as passed,
       pg_catalog.count(*) filter (where not v.ok) as failed,
       'co_occurrence at least min_co_occurrence, 0 < confidence <= 1, lift > 0, ranks 1..n per sku'::text as detail,
       pg_catalog.array_agg(v.sku || ' -> ' || v.recommended_sku) filter (where not v.ok) as failing_keys
  from (select r.sku, r.recommended_sku,
               r.co_occurrence >= coalesce(b.min_co_occurrence, (select scout_internal.setting('min_co_occurrence'))::int)
               and r.confidence > 0 and r.confidence <= 1 and r.lift > 0
               and r.rank = pg_catalog.row_number() over (partition by r.sku order by r.rank) as ok
          from scout.platinum_product_recommendations r
          left join scout_internal.platinum_last_build() b on true) v;
select scout_internal.register_check('scout_checks.platinum_recommendations_have_evidence', 'Validity of the recommendations (contract v3): each rests on at least min_co_occurrence shared baskets, has 0 < confidence <= 1 and lift > 0, and ranks run 1..n per product.');
