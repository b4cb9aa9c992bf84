-- Rebuilds Platinum from the last 90 days of Silver in one transaction, as its two
-- steps (the sentences, the recommendations), unless nothing it reads changed since
-- the last build: the same window, basket cap and min_co_occurrence, the same product
-- catalogue, and no statement has written Silver since (ip_workbench.layer_versions).
create or replace function scout.refresh_platinum(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
-- no JIT: compiling a statement the planner prices high takes 0.1-0.4 s, more than
-- the job's statements over a delta or a small mart take to run, and its largest
-- statements gained nothing measurable from it (bench/README.md, "JIT")
set jit = off
set work_mem = '256MB'
as $fn$
declare
    v_run jsonb;
    v_since date := current_date - 89;
    v_embeddings jsonb;
    v_recommendations jsonb;
    v_result jsonb;
    v_basket_max_skus int := (scout_internal.setting('recommendation_basket_max_skus'))::int;
    v_min_co_occurrence int := (scout_internal.setting('min_co_occurrence'))::int;
    -- the sentences name products: a catalogue change (every write sets validated_at) rebuilds them
    v_products_seen text := (select pg_catalog.count(*)::text || ' products, last validated '
                                    || coalesce(pg_catalog.max(p.validated_at)::text, 'never')
                               from scout.silver_products p);
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
        if (v_built.silver_version, v_built.window_start, v_built.basket_max_skus, v_built.min_co_occurrence,
            v_built.products_seen)
           is not distinct from (v_silver_version, v_since, v_basket_max_skus, v_min_co_occurrence, v_products_seen) then
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'ok', 'since', v_since, 'rebuilt', false,
                'reason', 'Silver unchanged since the build of ' || v_built.built_at::text || ' over the same window'));
        end if;

        v_embeddings := scout_internal.platinum_build_embeddings(v_since);
        v_recommendations := scout_internal.platinum_build_recommendations(v_since, v_basket_max_skus, v_min_co_occurrence);

        -- merged, so the count is counted (touch_table counts when told no difference)
        perform scout_internal.touch_table('scout', 'platinum_transaction_embeddings',
            (v_embeddings ->> 'dropped')::bigint + (v_embeddings ->> 'written')::bigint, null);
        perform scout_internal.touch_table('scout', 'platinum_product_recommendations',
            (v_recommendations ->> 'dropped')::bigint + (v_recommendations ->> 'recommendations')::bigint,
            (v_recommendations ->> 'recommendations')::bigint - (v_recommendations ->> 'dropped')::bigint);

        insert into ip_workbench.platinum_builds as b
               (silver_version, window_start, basket_max_skus, min_co_occurrence, products_seen)
        values (v_silver_version, v_since, v_basket_max_skus, v_min_co_occurrence, v_products_seen)
        on conflict (singleton) do update
           set silver_version = excluded.silver_version, window_start = excluded.window_start,
               basket_max_skus = excluded.basket_max_skus, min_co_occurrence = excluded.min_co_occurrence,
               products_seen = excluded.products_seen,
               built_at = pg_catalog.now();

        v_result := pg_catalog.jsonb_build_object(
            'status', 'ok',
            'since', v_since,
            'rebuilt', true,
            'embeddings', (v_embeddings ->> 'embeddings')::bigint,
            'sentences_written', (v_embeddings ->> 'written')::bigint,
            'recommendations', (v_recommendations ->> 'recommendations')::bigint);
        -- new or changed sentences wait for their vectors: scout-db embed --follow wakes up
        -- at commit (a notification is sent only if the transaction commits)
        if (v_embeddings ->> 'written')::bigint > 0 then
            perform pg_catalog.pg_notify('scout_platinum_changed', (v_embeddings ->> 'written'));
        end if;
        return scout_internal.job_finish(v_run, v_result);
    exception when others or query_canceled then
        -- the block's work is rolled back; the failure is kept in the run's row
        return scout_internal.job_fail(v_run, 'platinum', sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.refresh_platinum(boolean) is
    'Rebuilds scout.platinum_transaction_embeddings and scout.platinum_product_recommendations from Silver rows of the last 90 days (transaction_date > current_date - 90), in one transaction; baskets over recommendation_basket_max_skus SKUs are left out of the recommendations, and so are pairs held by fewer than min_co_occurrence baskets. The sentences name the product (name, brand) where scout.silver_products knows the SKU. Skips the rebuild when Silver and the product catalogue have not been written since the last one over the same window, basket cap and min_co_occurrence (ip_workbench.platinum_builds). The sentences are merged (an unchanged one keeps its embedding); when any was written, NOTIFY scout_platinum_changed (payload: how many) tells scout-db embed --follow. Returns {"status", "since", "rebuilt": true, "embeddings", "sentences_written", "recommendations", "seconds"}, or {"status": "ok", "since", "rebuilt": false, "reason"} when it skipped. A concurrent second call returns {"status": "skipped", "held_by"}, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';
revoke all on function scout.refresh_platinum(boolean) from public;
grant execute on function scout.refresh_platinum(boolean) to service_role;
