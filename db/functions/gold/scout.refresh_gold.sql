-- The 6-hourly Gold step. Re-aggregates only the (category, month) and
-- (category, week) totals whose Silver days changed, then rewrites the marts of
-- the categories they belong to. Readers see the previous marts until commit.
create or replace function scout.refresh_gold(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
set work_mem = '256MB'
-- changed below for large rebuilds; this clause restores it when the function returns
set enable_nestloop = on
as $fn$
declare
    v_run jsonb;
    v_days bigint;
    v_frozen_before date := scout_internal.silver_frozen_before();
    v_gold_from date := scout_internal.gold_kept_from();
    v_plan text;
    v_months bigint;
    v_weeks bigint;
    v_categories bigint;
    v_monthly_rows bigint := 0;
    v_weekly_rows bigint := 0;
    v_result jsonb;
begin
    v_run := scout_internal.job_start('scout.refresh_gold', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    begin
        if pg_catalog.to_regclass('pg_temp.gold_changed_days') is not null then
            drop table pg_temp.gold_changed_days, pg_temp.gold_changed_months, pg_temp.gold_changed_weeks,
                       pg_temp.gold_changed_categories, pg_temp.gold_changed_month_days, pg_temp.gold_changed_week_days;
        end if;
        -- Claim the queued days this snapshot sees; days queued meanwhile stay for the next run.
        create temp table gold_changed_days on commit drop as
        with taken as (delete from scout.gold_pending_days returning category, day)
        select distinct t.category, t.day from taken t
         -- months before Silver's retention boundary are frozen: their Silver rows are gone
         where t.day >= v_frozen_before;
        get diagnostics v_days = row_count;

        create temp table gold_changed_months on commit drop as
        select distinct d.category, date_trunc('month', d.day::timestamp)::date as month from pg_temp.gold_changed_days d;
        get diagnostics v_months = row_count;
        create temp table gold_changed_weeks on commit drop as
        select distinct d.category, date_trunc('week', d.day::timestamp)::date as week_start from pg_temp.gold_changed_days d
         where date_trunc('week', d.day::timestamp)::date >= v_frozen_before;  -- a week across the boundary is frozen too
        get diagnostics v_weeks = row_count;
        create temp table gold_changed_categories on commit drop as
        select distinct d.category from pg_temp.gold_changed_days d;
        get diagnostics v_categories = row_count;
        -- Every day of each changed month and week, so Silver is joined on its
        -- (category, transaction_date) key: an index probe per day for a small change,
        -- one hash join for a full rebuild. Materialised and analysed so the planner
        -- knows which of the two it is facing.
        create temp table gold_changed_month_days on commit drop as
        select c.category, c.month, d.day::date as day
          from pg_temp.gold_changed_months c
         cross join lateral pg_catalog.generate_series(c.month, (c.month + interval '1 month - 1 day')::date,
                                                       interval '1 day') as d(day);
        create temp table gold_changed_week_days on commit drop as
        select c.category, c.week_start, d.day::date as day
          from pg_temp.gold_changed_weeks c
         cross join lateral pg_catalog.generate_series(c.week_start, c.week_start + 6, interval '1 day') as d(day);
        analyze pg_temp.gold_changed_months;
        analyze pg_temp.gold_changed_weeks;
        analyze pg_temp.gold_changed_month_days;
        analyze pg_temp.gold_changed_week_days;

        -- Thousands of days (a first load, a backfill): one pass over Silver with a
        -- hash join beats an index probe per day, which the planner prices too low.
        -- The limit is a setting (gold_hash_rebuild_days) so a test can force either plan.
        v_plan := case when v_days > (scout_internal.setting('gold_hash_rebuild_days'))::bigint then 'hash' else 'probe' end;
        if v_plan = 'hash' then
            perform pg_catalog.set_config('enable_nestloop', 'off', true);
        end if;

        if v_days > 0 then
            delete from scout.gold_monthly_category_totals t
             using pg_temp.gold_changed_months c
             where t.category = c.category and t.month = c.month;
            insert into scout.gold_monthly_category_totals
                   (month, category, total_amount, transaction_count, total_quantity, unique_customers)
            select d.month, d.category, pg_catalog.sum(s.amount), pg_catalog.count(*), pg_catalog.sum(s.quantity),
                   pg_catalog.count(distinct s.customer_id)
              from pg_temp.gold_changed_month_days d
              join scout.silver_validated_transactions s
                on s.category = d.category and s.transaction_date = d.day
             group by d.month, d.category;

            delete from scout.gold_weekly_category_totals t
             using pg_temp.gold_changed_weeks c
             where t.category = c.category and t.week_start = c.week_start;
            insert into scout.gold_weekly_category_totals (week_start, category, total_amount, transaction_count)
            select d.week_start, d.category, pg_catalog.sum(s.amount), pg_catalog.count(*)
              from pg_temp.gold_changed_week_days d
              join scout.silver_validated_transactions s
                on s.category = d.category and s.transaction_date = d.day
             group by d.week_start, d.category;
            perform pg_catalog.set_config('enable_nestloop', 'on', true);

            -- The marts of the changed categories, from the (small) totals.
            delete from scout.gold_monthly_summary m
             using pg_temp.gold_changed_categories c where m.category = c.category;
            insert into scout.gold_monthly_summary
                   (month, category, total_amount, transaction_count, avg_amount, total_quantity, unique_customers,
                    mom_growth_pct, yoy_growth_pct, moving_avg_3m)
            select t.month, t.category, t.total_amount, t.transaction_count,
                   t.total_amount / t.transaction_count,
                   t.total_quantity, t.unique_customers,
                   pg_catalog.round(100 * (t.total_amount - prev.total_amount) / prev.total_amount, 2),
                   pg_catalog.round(100 * (t.total_amount - last_year.total_amount) / last_year.total_amount, 2),
                   (t.total_amount + coalesce(prev.total_amount, 0) + coalesce(prev2.total_amount, 0))
                       / least(3, 1 + (extract(year from t.month) - extract(year from f.first_month)) * 12
                                    + extract(month from t.month) - extract(month from f.first_month))
              from scout.gold_monthly_category_totals t
              join pg_temp.gold_changed_categories c on c.category = t.category
              join (select x.category, pg_catalog.min(x.month) as first_month
                      from scout.gold_monthly_category_totals x group by x.category) f on f.category = t.category
              left join scout.gold_monthly_category_totals prev
                on prev.category = t.category and prev.month = (t.month - interval '1 month')::date
              left join scout.gold_monthly_category_totals prev2
                on prev2.category = t.category and prev2.month = (t.month - interval '2 months')::date
                left join scout.gold_monthly_category_totals last_year
                  on last_year.category = t.category and last_year.month = (t.month - interval '1 year')::date
               where t.month >= v_gold_from;  -- older months were purged by retention
            get diagnostics v_monthly_rows = row_count;

            delete from scout.gold_category_trends g
             using pg_temp.gold_changed_categories c where g.category = c.category;
            insert into scout.gold_category_trends
                   (week_start, category, total_amount, transaction_count, moving_avg_4w, baseline_mean,
                    baseline_stddev, z_score, is_anomaly)
            select w.week_start, w.category, w.total_amount, w.transaction_count, w.moving_avg_4w,
                   w.baseline_mean, w.baseline_stddev, z.z_score, coalesce(pg_catalog.abs(z.z_score) > 2, false)
              from (
                  select d.week_start, d.category, d.total_amount, d.transaction_count,
                         pg_catalog.avg(d.total_amount) over four_weeks as moving_avg_4w,
                         pg_catalog.avg(d.total_amount) over baseline as baseline_mean,
                         pg_catalog.stddev_samp(d.total_amount) over baseline as baseline_stddev,
                         pg_catalog.count(*) over baseline as baseline_weeks
                    from (
                        -- dense: every week from the category's first to its last, 0 where nothing sold
                        select g.week_start::date as week_start, b.category,
                               coalesce(t.total_amount, 0) as total_amount, coalesce(t.transaction_count, 0) as transaction_count
                          from (select x.category, pg_catalog.min(x.week_start) as first_week, pg_catalog.max(x.week_start) as last_week
                                  from scout.gold_weekly_category_totals x
                                  join pg_temp.gold_changed_categories c on c.category = x.category
                                 group by x.category) b
                         cross join lateral pg_catalog.generate_series(b.first_week, b.last_week, interval '1 week') as g(week_start)
                          left join scout.gold_weekly_category_totals t
                            on t.category = b.category and t.week_start = g.week_start::date
                    ) d
                  window four_weeks as (partition by d.category order by d.week_start rows between 3 preceding and current row),
                         baseline as (partition by d.category order by d.week_start rows between 8 preceding and 1 preceding)
              ) w
             cross join lateral (
                  select case when w.baseline_weeks >= 4 and w.baseline_stddev > 0
                              then (w.total_amount - w.baseline_mean) / w.baseline_stddev end as z_score
              ) z
              where w.week_start >= v_gold_from;  -- older weeks were purged by retention
            get diagnostics v_weekly_rows = row_count;

            perform scout_internal.touch_table('scout', 'gold_monthly_summary', v_days);
            perform scout_internal.touch_table('scout', 'gold_category_trends', v_days);
        end if;

        v_result := pg_catalog.jsonb_build_object(
            'status', 'ok',
            'changed_days', v_days,
            'months_recomputed', v_months,
            'weeks_recomputed', v_weeks,
            'categories_rewritten', v_categories,
            'monthly_summary_rows', v_monthly_rows,
            'category_trends_rows', v_weekly_rows,
            'plan', v_plan);
        return scout_internal.job_finish(v_run, v_result);
    exception when others or query_canceled then
        -- the block's work is rolled back; the failure is kept in the run's row
        return scout_internal.job_fail(v_run, 'gold', sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.refresh_gold(boolean) is
    'Brings scout.gold_monthly_summary and scout.gold_category_trends up to date with Silver, re-aggregating only the months and weeks whose Silver days changed (queued in scout.gold_pending_days by refresh_silver). Returns {"status", "changed_days", "months_recomputed", "weeks_recomputed", "categories_rewritten", …}. A concurrent second call returns {"status": "skipped", "held_by"}, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';
revoke all on function scout.refresh_gold(boolean) from public;
grant execute on function scout.refresh_gold(boolean) to service_role;
