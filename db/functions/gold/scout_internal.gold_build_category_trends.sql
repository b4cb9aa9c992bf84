-- Gold's mart step for scout.gold_category_trends: every week of each changed
-- category rewritten from the weekly totals, with its 4-week moving average and its
-- z-score against the 8 weeks before it.
create or replace function scout_internal.gold_build_category_trends()
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_gold_from date := scout_internal.gold_kept_from();
    v_today date := scout_internal.business_today();
    v_rows bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_build_category_trends');
    perform 'PRAGMA:TABLE: gold_changed_categories (category text)';
    delete from scout.gold_category_trends g
     using pg_temp.gold_changed_categories c where g.category = c.category;
    -- dense to the current week (a category that stops selling shows its zero weeks);
    -- a week is scored once it is over (is_complete)
    insert into scout.gold_category_trends
           (week_start, category, total_amount, transaction_count, moving_avg_4w, baseline_mean,
            baseline_stddev, z_score, is_anomaly, is_complete)
    select w.week_start, w.category, w.total_amount, w.transaction_count,
           case when w.is_complete then w.moving_avg_4w end,
           w.baseline_mean, w.baseline_stddev,
           case when w.is_complete then z.z_score end,
           w.is_complete and coalesce(pg_catalog.abs(z.z_score) > 2, false),
           w.is_complete
      from (
          select d.week_start, d.category, d.total_amount, d.transaction_count, d.week_start + 7 <= v_today as is_complete,
                 pg_catalog.avg(d.total_amount) over four_weeks as moving_avg_4w,
                 pg_catalog.avg(d.total_amount) over baseline as baseline_mean,
                 pg_catalog.stddev_samp(d.total_amount) over baseline as baseline_stddev,
                 pg_catalog.count(*) over baseline as baseline_weeks
            from (
                select g.week_start::date as week_start, b.category,
                       coalesce(t.total_amount, 0) as total_amount, coalesce(t.transaction_count, 0) as transaction_count
                  from (select x.category, pg_catalog.min(x.week_start) as first_week
                          from scout_internal.gold_weekly_category_totals x
                          join pg_temp.gold_changed_categories c on c.category = x.category
                         group by x.category) b
                 cross join lateral pg_catalog.generate_series(
                           b.first_week, greatest(b.first_week, date_trunc('week', v_today::timestamp)::date),
                           interval '1 week') as g(week_start)
                  left join scout_internal.gold_weekly_category_totals t
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
    get diagnostics v_rows = row_count;
    return v_rows;
end
$fn$;
comment on function scout_internal.gold_build_category_trends() is
    'Mart step of scout.refresh_gold: rewrites scout.gold_category_trends for the categories in pg_temp.gold_changed_categories from scout_internal.gold_weekly_category_totals, dense from the category''s first week to the current one (0 for a week without sales), with the 4-week moving average and the z-score against the 8 weeks before (at least 4, not all equal), both NULL and is_anomaly false while the week is not over (is_complete), from the first week Gold keeps; returns the rows written. Only inside scout.refresh_gold (55000 otherwise).';
revoke all on function scout_internal.gold_build_category_trends() from public;
grant execute on function scout_internal.gold_build_category_trends() to service_role;
