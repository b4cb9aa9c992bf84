-- Rebuilds Platinum from the last 90 days of Silver in one transaction, unless
-- nothing it reads changed since the last build: the same window, the same basket
-- cap, and no statement has written Silver since (ip_workbench.layer_versions).
create or replace function scout.refresh_platinum(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
set work_mem = '256MB'
as $fn$
declare
    v_run jsonb;
    v_since date := current_date - 89;
    v_embeddings bigint;
    v_embeddings_dropped bigint;
    v_recommendations_dropped bigint;
    v_recommendations bigint;
    v_result jsonb;
    v_basket_max_skus int := (scout_internal.setting('recommendation_basket_max_skus'))::int;
    v_min_co_occurrence int := (scout_internal.setting('min_co_occurrence'))::int;
    v_silver_version bigint;
    v_built ip_workbench.platinum_builds;
begin
    v_run := scout_internal.job_start('scout.refresh_platinum', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    begin
        -- read before Silver is: a write committed in between makes the next run rebuild again, never skip
        select v.version into v_silver_version
          from ip_workbench.layer_versions v where v.table_name = 'scout.silver_validated_transactions'::regclass;
        select * into v_built from ip_workbench.platinum_builds b;
        if (v_built.silver_version, v_built.window_start, v_built.basket_max_skus, v_built.min_co_occurrence)
           is not distinct from (v_silver_version, v_since, v_basket_max_skus, v_min_co_occurrence) then
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'ok', 'since', v_since, 'rebuilt', false,
                'reason', 'Silver unchanged since the build of ' || v_built.built_at::text || ' over the same window'));
        end if;

        -- DELETE, not TRUNCATE: TRUNCATE would block readers until commit.
        delete from scout.platinum_transaction_embeddings;
        get diagnostics v_embeddings_dropped = row_count;
        insert into scout.platinum_transaction_embeddings (transaction_id, text, metadata, transaction_date)
        select s.transaction_id,
               -- to_char, not ::text: a date's text form follows the session's DateStyle
               'On ' || pg_catalog.to_char(s.transaction_date, 'YYYY-MM-DD') || ', a ' || s.category || coalesce(' / ' || s.subcategory, '')
                   || ' purchase of ' || s.amount::text || ' ' || s.currency
                   || coalesce(' at store ' || s.store_id, '')
                   || coalesce(' from ' || s.vendor_name, '')
                   || coalesce(', paid by ' || s.payment_method, '')
                   || coalesce(': ' || s.description, '') || '.',
               -- to_jsonb of a row: the same object as jsonb_build_object of its columns, in half the time
               pg_catalog.jsonb_strip_nulls(pg_catalog.to_jsonb(m)),
               s.transaction_date
          from scout.silver_validated_transactions s
         cross join lateral (select s.transaction_id, s.transaction_date, s.amount, s.currency, s.category,
                                    s.subcategory, s.store_id, s.vendor_name, s.vendor_id, s.customer_id, s.sku,
                                    s.quantity, s.tax_amount, s.payment_method) m
         where s.transaction_date >= v_since;
        get diagnostics v_embeddings = row_count;

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
                         where s.transaction_date >= v_since and s.customer_id is not null and s.sku is not null) d) i
         where i.basket_skus <= v_basket_max_skus;
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
            having pg_catalog.count(*) >= v_min_co_occurrence
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

        perform scout_internal.touch_table('scout', 'platinum_transaction_embeddings', v_embeddings_dropped + v_embeddings,
                                         v_embeddings - v_embeddings_dropped);
        perform scout_internal.touch_table('scout', 'platinum_product_recommendations',
                                         v_recommendations_dropped + v_recommendations,
                                         v_recommendations - v_recommendations_dropped);

        insert into ip_workbench.platinum_builds as b (silver_version, window_start, basket_max_skus, min_co_occurrence)
        values (v_silver_version, v_since, v_basket_max_skus, v_min_co_occurrence)
        on conflict (singleton) do update
           set silver_version = excluded.silver_version, window_start = excluded.window_start,
               basket_max_skus = excluded.basket_max_skus, min_co_occurrence = excluded.min_co_occurrence,
               built_at = pg_catalog.now();

        v_result := pg_catalog.jsonb_build_object(
            'status', 'ok',
            'since', v_since,
            'rebuilt', true,
            'embeddings', v_embeddings,
            'recommendations', v_recommendations);
        return scout_internal.job_finish(v_run, v_result);
    exception when others or query_canceled then
        -- the block's work is rolled back; the failure is kept in the run's row
        return scout_internal.job_fail(v_run, 'platinum', sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.refresh_platinum(boolean) is
    'Rebuilds scout.platinum_transaction_embeddings and scout.platinum_product_recommendations from Silver rows of the last 90 days (transaction_date > current_date - 90), in one transaction; baskets over recommendation_basket_max_skus SKUs are left out of the recommendations, and so are pairs held by fewer than min_co_occurrence baskets. Skips the rebuild when Silver has not been written since the last one over the same window, basket cap and min_co_occurrence (ip_workbench.platinum_builds). Returns {"status", "since", "rebuilt": true, "embeddings", "recommendations", "seconds"}, or {"status": "ok", "since", "rebuilt": false, "reason"} when it skipped. A concurrent second call returns {"status": "skipped", "held_by"}, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';
revoke all on function scout.refresh_platinum(boolean) from public;
grant execute on function scout.refresh_platinum(boolean) to service_role;
