-- The 6-hourly Gold step. Small Silver changes arrive as differences, added to the
-- (category, month) and (category, week) totals (unique_customers by one index probe
-- per customer whose rows in a month moved); the days of large changes are
-- re-aggregated from Silver. Then the marts
-- of the changed categories are rewritten from the totals. Readers see the previous
-- marts until commit.
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
    v_change_rows bigint;
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
            drop table pg_temp.gold_changed_days, pg_temp.gold_claimed_changes, pg_temp.gold_changed_months,
                       pg_temp.gold_changed_weeks, pg_temp.gold_changed_categories, pg_temp.gold_changed_month_days,
                       pg_temp.gold_changed_week_days;
        end if;
        if pg_catalog.to_regclass('pg_temp.gold_unique_customer_moves') is not null then
            drop table pg_temp.gold_unique_customer_moves;
        end if;
        -- Silver and the queue of differences must be read as of one moment, or a merge
        -- committing in between would be counted twice (in a re-aggregated month and
        -- again as a difference). This waits for merges still queueing and holds new
        -- ones at their queueing until this commits; readers are never blocked.
        lock table scout.gold_pending_changes in share mode;
        -- Claim the queued days and differences this snapshot sees.
        create temp table gold_changed_days on commit drop as
        with taken as (delete from scout.gold_pending_days returning category, day)
        select distinct t.category, t.day from taken t
         -- months before Silver's retention boundary are frozen: their Silver rows are gone
         where t.day >= v_frozen_before;
        get diagnostics v_days = row_count;
        create temp table gold_claimed_changes on commit drop as
        with taken as (delete from scout.gold_pending_changes
                       returning category, day, customer_id, transactions, amount, quantity)
        select t.category, t.day, date_trunc('month', t.day::timestamp)::date as month,
               date_trunc('week', t.day::timestamp)::date as week_start, t.customer_id,
               pg_catalog.sum(t.transactions) as transactions, pg_catalog.sum(t.amount) as amount,
               pg_catalog.sum(t.quantity) as quantity
          from taken t
         where t.day >= v_frozen_before
         group by t.category, t.day, t.customer_id;
        get diagnostics v_change_rows = row_count;

        -- Re-aggregated from Silver: the months and weeks of queued days. Every other
        -- month and week with differences gets them added.
        create temp table gold_changed_months on commit drop as
        select distinct d.category, date_trunc('month', d.day::timestamp)::date as month, true as reaggregate
          from pg_temp.gold_changed_days d;
        insert into pg_temp.gold_changed_months (category, month, reaggregate)
        select distinct c.category, c.month, false
          from pg_temp.gold_claimed_changes c
         where not exists (select 1 from pg_temp.gold_changed_months m
                            where m.category = c.category and m.month = c.month);
        select pg_catalog.count(*) into v_months from pg_temp.gold_changed_months;
        create temp table gold_changed_weeks on commit drop as
        select distinct d.category, date_trunc('week', d.day::timestamp)::date as week_start, true as reaggregate
          from pg_temp.gold_changed_days d
         where date_trunc('week', d.day::timestamp)::date >= v_frozen_before;  -- a week across the boundary is frozen too
        insert into pg_temp.gold_changed_weeks (category, week_start, reaggregate)
        select distinct c.category, c.week_start, false
          from pg_temp.gold_claimed_changes c
         where c.week_start >= v_frozen_before
           and not exists (select 1 from pg_temp.gold_changed_weeks w
                            where w.category = c.category and w.week_start = c.week_start);
        select pg_catalog.count(*) into v_weeks from pg_temp.gold_changed_weeks;
        create temp table gold_changed_categories on commit drop as
        select distinct m.category from pg_temp.gold_changed_months m
        union
        select w.category from pg_temp.gold_changed_weeks w;
        get diagnostics v_categories = row_count;
        -- Every day of each re-aggregated month and week, so Silver is joined on its
        -- (category, transaction_date) key: an index probe per day for a small change,
        -- one hash join for a full rebuild. Materialised and analysed so the planner
        -- knows which of the two it is facing.
        create temp table gold_changed_month_days on commit drop as
        select c.category, c.month, d.day::date as day
          from pg_temp.gold_changed_months c
         cross join lateral pg_catalog.generate_series(c.month, (c.month + interval '1 month - 1 day')::date,
                                                       interval '1 day') as d(day)
         where c.reaggregate;
        create temp table gold_changed_week_days on commit drop as
        select c.category, c.week_start, d.day::date as day
          from pg_temp.gold_changed_weeks c
         cross join lateral pg_catalog.generate_series(c.week_start, c.week_start + 6, interval '1 day') as d(day)
         where c.reaggregate;
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

        if v_months + v_weeks > 0 then
            delete from scout.gold_monthly_category_totals t
             using pg_temp.gold_changed_months c
             where c.reaggregate and t.category = c.category and t.month = c.month;
            insert into scout.gold_monthly_category_totals
                   (month, category, total_amount, transaction_count, total_quantity, unique_customers)
            select d.month, d.category, pg_catalog.sum(s.amount), pg_catalog.count(*), pg_catalog.sum(s.quantity),
                   pg_catalog.count(distinct s.customer_id)
              from pg_temp.gold_changed_month_days d
              join scout.silver_validated_transactions s
                on s.category = d.category and s.transaction_date = d.day
             group by d.month, d.category;
            -- The differences, where the month was not re-aggregated. unique_customers
            -- moves by the customers whose rows there went from none to some (+1) or from
            -- some to none (-1): Silver, read now, holds the rows after the change.
            create temp table gold_unique_customer_moves on commit drop as
            select c.category, c.month,
                   pg_catalog.count(*) filter (where n.now > 0 and n.now = c.net)
                   - pg_catalog.count(*) filter (where n.now = 0) as moved
              from (select x.category, x.month, x.customer_id, pg_catalog.sum(x.transactions) as net
                      from pg_temp.gold_claimed_changes x
                      join pg_temp.gold_changed_months m
                        on m.category = x.category and m.month = x.month and not m.reaggregate
                     where x.customer_id is not null
                     group by x.category, x.month, x.customer_id
                    having pg_catalog.sum(x.transactions) <> 0) c
             cross join lateral (
                 select pg_catalog.count(*) as now
                   from scout.silver_validated_transactions s
                  where s.customer_id = c.customer_id and s.category = c.category
                    and s.transaction_date >= c.month
                    and s.transaction_date < (c.month + interval '1 month')::date) n
             group by c.category, c.month;
            insert into scout.gold_monthly_category_totals as t
                   (month, category, total_amount, transaction_count, total_quantity, unique_customers)
            select d.month, d.category, d.amount, d.transactions, d.quantity, coalesce(u.moved, 0)
              from (select c.month, c.category, pg_catalog.sum(c.amount) as amount,
                           pg_catalog.sum(c.transactions) as transactions, pg_catalog.sum(c.quantity) as quantity
                      from pg_temp.gold_claimed_changes c
                      join pg_temp.gold_changed_months m
                        on m.category = c.category and m.month = c.month and not m.reaggregate
                     group by c.month, c.category) d
              left join pg_temp.gold_unique_customer_moves u on u.category = d.category and u.month = d.month
            on conflict (category, month) do update
               set total_amount = t.total_amount + excluded.total_amount,
                   transaction_count = t.transaction_count + excluded.transaction_count,
                   total_quantity = t.total_quantity + excluded.total_quantity,
                   unique_customers = t.unique_customers + excluded.unique_customers,
                   refreshed_at = pg_catalog.now();
            delete from scout.gold_monthly_category_totals t
             using pg_temp.gold_changed_months m
             where not m.reaggregate and t.category = m.category and t.month = m.month and t.transaction_count = 0;

            delete from scout.gold_weekly_category_totals t
             using pg_temp.gold_changed_weeks c
             where c.reaggregate and t.category = c.category and t.week_start = c.week_start;
            insert into scout.gold_weekly_category_totals (week_start, category, total_amount, transaction_count)
            select d.week_start, d.category, pg_catalog.sum(s.amount), pg_catalog.count(*)
              from pg_temp.gold_changed_week_days d
              join scout.silver_validated_transactions s
                on s.category = d.category and s.transaction_date = d.day
             group by d.week_start, d.category;
            insert into scout.gold_weekly_category_totals as t (week_start, category, total_amount, transaction_count)
            select c.week_start, c.category, pg_catalog.sum(c.amount), pg_catalog.sum(c.transactions)
              from pg_temp.gold_claimed_changes c
              join pg_temp.gold_changed_weeks w
                on w.category = c.category and w.week_start = c.week_start and not w.reaggregate
             group by c.week_start, c.category
            on conflict (category, week_start) do update
               set total_amount = t.total_amount + excluded.total_amount,
                   transaction_count = t.transaction_count + excluded.transaction_count,
                   refreshed_at = pg_catalog.now();
            delete from scout.gold_weekly_category_totals t
             using pg_temp.gold_changed_weeks w
             where not w.reaggregate and t.category = w.category and t.week_start = w.week_start
               and t.transaction_count = 0;
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

            perform scout_internal.touch_table('scout', 'gold_monthly_summary', v_days + v_change_rows);
            perform scout_internal.touch_table('scout', 'gold_category_trends', v_days + v_change_rows);
        end if;

        v_result := pg_catalog.jsonb_build_object(
            'status', 'ok',
            'changed_days', v_days,
            'changes_applied', v_change_rows,
            'months_reaggregated', (select pg_catalog.count(*) from pg_temp.gold_changed_months m where m.reaggregate),
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
    'Brings scout.gold_monthly_summary and scout.gold_category_trends up to date with Silver, from what refresh_silver queued: differences (scout.gold_pending_changes) are added to the totals; unique_customers moves by the customers whose rows in the month went from none to some or back, looked up in Silver; queued days (scout.gold_pending_days) are re-aggregated from Silver. Returns {"status", "changed_days", "changes_applied", "months_recomputed", "months_reaggregated", "weeks_recomputed", "categories_rewritten", …}. A concurrent second call returns {"status": "skipped", "held_by"}, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';
revoke all on function scout.refresh_gold(boolean) from public;
grant execute on function scout.refresh_gold(boolean) to service_role;
