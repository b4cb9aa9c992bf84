-- The 6-hourly Gold job, as its steps: claim what Silver queued, bring the monthly and
-- weekly totals up to date (differences added, queued days re-aggregated from Silver),
-- then rewrite the marts of the changed categories from the totals (every category on
-- the first run of a business day) and judge their weeks for anomalies that page.
-- Readers see the previous marts until commit.
create or replace function scout.refresh_gold(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
-- no JIT: compiling a statement the planner prices high takes 0.1-0.4 s, more than
-- the job's statements over a delta or a small mart take to run, and its largest
-- statements gained nothing measurable from it (bench/README.md, "JIT")
set jit = off
set work_mem = '256MB'
-- changed below for large rebuilds; this clause restores it when the function returns
set enable_nestloop = on
as $fn$
declare
    v_run jsonb;
    v_claimed jsonb;
    v_plan text;
    v_monthly_rows bigint := 0;
    v_weekly_rows bigint := 0;
    v_anomalies jsonb := '{}'::jsonb;
    v_stores jsonb;
begin
    v_run := scout_internal.job_start('scout.refresh_gold', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    begin
        v_claimed := scout_internal.gold_claim_changes();
        -- Thousands of days (a first load, a backfill): one pass over Silver with a
        -- hash join beats an index probe per day, which the planner prices too low.
        -- The limit is a setting (gold_hash_rebuild_days) so a test can force either plan.
        v_plan := case when (v_claimed ->> 'changed_days')::bigint > (scout_internal.setting('gold_hash_rebuild_days'))::bigint
                       then 'hash' else 'probe' end;
        if (v_claimed ->> 'months_recomputed')::bigint + (v_claimed ->> 'weeks_recomputed')::bigint > 0 then
            perform pg_catalog.set_config('enable_nestloop', (v_plan = 'probe')::text, true);
            perform scout_internal.gold_apply_monthly_totals();
            perform scout_internal.gold_apply_weekly_totals();
            perform pg_catalog.set_config('enable_nestloop', 'on', true);

        end if;
        v_stores := scout_internal.gold_apply_store_daily_sales();
        if (v_claimed ->> 'categories_rewritten')::bigint > 0 then
            v_monthly_rows := scout_internal.gold_build_monthly_summary();
            v_weekly_rows := scout_internal.gold_build_category_trends();
            v_anomalies := scout_internal.gold_find_sales_anomalies();
            perform scout_internal.touch_table('scout', 'gold_monthly_summary', v_monthly_rows);
            perform scout_internal.touch_table('scout', 'gold_category_trends', v_weekly_rows);
        end if;
        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object('status', 'ok') || v_claimed
            || pg_catalog.jsonb_build_object('monthly_summary_rows', v_monthly_rows,
                                             'category_trends_rows', v_weekly_rows, 'plan', v_plan)
            || v_stores || v_anomalies);
    exception when others or query_canceled then
        -- the block's work is rolled back; the failure is kept in the run's row
        return scout_internal.job_fail(v_run, 'gold', sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.refresh_gold(boolean) is
    'Brings scout.gold_monthly_summary, scout.gold_category_trends and scout.gold_store_daily_sales up to date with Silver, from what refresh_silver queued, in named steps: scout_internal.gold_claim_changes, gold_apply_monthly_totals, gold_apply_weekly_totals, gold_apply_store_daily_sales, gold_build_monthly_summary, gold_build_category_trends, gold_find_sales_anomalies. Returns {"status", "changed_days", "changes_applied", "months_recomputed", "months_reaggregated", "weeks_recomputed", "categories_rewritten", "monthly_summary_rows", "category_trends_rows", "plan", "store_cells_rebuilt", "store_rows_written", "store_rows_completed", "new_business_day", "anomalies", "anomalies_new"}. A concurrent second call returns {"status": "skipped", "held_by"}, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';
revoke all on function scout.refresh_gold(boolean) from public;
grant execute on function scout.refresh_gold(boolean) to service_role;
