-- The daily retention job (ip_workbench.settings holds each layer's period).
-- Bronze is append-only for the API roles, so this one function runs with its
-- owner's rights (security definer, search_path pinned): it deletes only what the
-- settings allow, never a Bronze row Silver has not processed, and refuses a Bronze
-- period under 30 days.
create or replace function scout.purge_expired(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
-- no JIT: compiling a statement the planner prices high takes 0.1-0.4 s, more than
-- the job's statements over a delta or a small mart take to run, and its largest
-- statements gained nothing measurable from it (bench/README.md, "JIT")
set jit = off
as $fn$
declare
    v_run jsonb;
    v_step text := 'settings';
    v_bronze_days int;
    v_bronze_before timestamptz;
    v_silver_before date;
    v_gold_before date;
    v_platinum_before date := current_date - 89;
    v_counts jsonb := '{}'::jsonb;
    v_partitions jsonb;
    v_bronze jsonb;
begin
    v_run := scout_internal.job_start('scout.purge_expired', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    begin
        v_bronze_days := (scout_internal.setting('bronze_retention_days'))::int;
        if v_bronze_days < 30 then
            raise exception 'bronze_retention_days is %, under the 30 days Bronze must keep', v_bronze_days
                using errcode = '22023', hint = 'update ip_workbench.settings set value = ''30'' where name = ''bronze_retention_days''';
        end if;
        v_bronze_before := pg_catalog.now() - pg_catalog.make_interval(days => v_bronze_days);
        -- Silver and Gold go by whole months, so no month is ever left half in Silver
        -- (refresh_gold leaves the months before the Silver boundary frozen)
        v_silver_before := pg_catalog.date_trunc('month', current_date
                               - (scout_internal.setting('silver_retention_days'))::int)::date;
        v_gold_before := scout_internal.gold_kept_from();

        -- next months' partitions first: ingest never waits for one
        v_step := 'partitions';
        v_partitions := scout_internal.bronze_prepare_partitions();

        v_step := 'bronze';
        v_bronze := scout_internal.purge_processed_bronze_transactions(v_bronze_before);
        v_counts := pg_catalog.jsonb_build_object(
            'bronze_transactions', v_bronze -> 'rows',
            'bronze_products', scout_internal.purge_processed_bronze_products(v_bronze_before),
            'bronze_ingest_errors', scout_internal.purge_older('scout', 'bronze_ingest_errors', 'created_at',
                                                               v_bronze_before));
        v_step := 'silver';
        v_counts := v_counts || pg_catalog.jsonb_build_object(
            'silver_validated_transactions', scout_internal.purge_older('scout', 'silver_validated_transactions',
                                                                        'transaction_date', v_silver_before),
            'silver_rejected_transactions', scout_internal.purge_older('scout', 'silver_rejected_transactions',
                                                                       'rejected_at', v_silver_before),
            'silver_rejected_products', scout_internal.purge_older('scout', 'silver_rejected_products', 'rejected_at',
                                                                   v_silver_before));
        update ip_workbench.settings
           set value = pg_catalog.to_jsonb(greatest(v_silver_before, scout_internal.silver_frozen_before())),
               updated_at = pg_catalog.now()
         where name = 'silver_purged_before'
           -- saved only when it moves: an unchanged value is no change to count
           and value is distinct from pg_catalog.to_jsonb(greatest(v_silver_before, scout_internal.silver_frozen_before()));

        v_step := 'gold';
        v_counts := v_counts || pg_catalog.jsonb_build_object(
            'gold_monthly_summary', scout_internal.purge_older('scout', 'gold_monthly_summary', 'month', v_gold_before),
            'gold_category_trends', scout_internal.purge_older('scout', 'gold_category_trends', 'week_start', v_gold_before),
            'gold_store_daily_sales', scout_internal.purge_older('scout', 'gold_store_daily_sales', 'sales_date', v_gold_before));
        -- the teams' incremental Gold marts keep what Gold keeps (a full mart is what its
        -- query says, every run)
        v_counts := v_counts || coalesce((
            select pg_catalog.jsonb_object_agg(m.mart_name,
                       scout_internal.purge_older('scout', pg_catalog.split_part(m.mart_name, '.', 2), m.date_column, v_gold_before))
              from ip_workbench.marts m
             where m.refresh = 'incremental' and m.mart_name like 'scout.gold\_%'), '{}');
        -- the totals keep a year more: growth rates and baselines look back that far
        perform scout_internal.purge_older('scout_internal', 'gold_monthly_category_totals', 'month', v_gold_before - interval '1 year');
        perform scout_internal.purge_older('scout_internal', 'gold_weekly_category_totals', 'week_start', v_gold_before - interval '1 year');

        v_step := 'platinum';
        v_counts := v_counts || pg_catalog.jsonb_build_object(
            'platinum_transaction_embeddings', scout_internal.purge_older('scout', 'platinum_transaction_embeddings',
                                                                          'transaction_date', v_platinum_before));

        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok', 'deleted', v_counts,
            'bronze_months_dropped', v_bronze -> 'months_dropped', 'bronze_partitions', v_partitions,
            'bronze_before', v_bronze_before, 'silver_before', v_silver_before, 'gold_before', v_gold_before,
            'platinum_before', v_platinum_before));
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, v_step, sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.purge_expired(boolean) is
    'Makes Bronze''s monthly partitions ready two months ahead (scout_internal.bronze_prepare_partitions), then applies each layer''s retention (ip_workbench.settings): Bronze rows and ingest errors older than bronze_retention_days (at least 30) that Silver has processed, a month of Bronze transactions dropped whole when every row of it is; Silver transactions of, and rejected rows judged in, whole months older than silver_retention_days (Gold keeps those months, frozen); Gold mart rows of months, weeks and days older than gold_retention_days (the incremental Gold marts of ip_workbench.marts too, by their date column); Platinum sentences older than 90 days. Silver rows keep their lineage (bronze_id, source, batch, ingested_at) after their Bronze row is purged. Returns {"status", "deleted": {table: rows}, "bronze_months_dropped", "bronze_partitions", the boundaries, …}. Runs with its owner''s rights.';
revoke all on function scout.purge_expired(boolean) from public;
grant execute on function scout.purge_expired(boolean) to service_role;
