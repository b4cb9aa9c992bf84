-- Lower bound for scout.gold_category_trends: one statement from Silver. Weeks
-- without sales count as 0 from a category's first week to the current one; the
-- baseline is the up to 8 weeks before, the z-score needs at least 4 of them, and a
-- week is scored (moving average, z-score, highlight) once it is over.
create table bench_gold_weekly as
with today as (
    select (now() at time zone (select value #>> '{}' from ip_workbench.settings where name = 'business_time_zone'))::date
               as today),
w as (
    select date_trunc('week', transaction_date::timestamp)::date as week_start, category,
           sum(amount) as total_amount, count(*) as transaction_count
      from scout.silver_validated_transactions
     group by 1, 2),
dense as (
    select g.week_start::date as week_start, b.category, coalesce(w.total_amount, 0) as total_amount,
           coalesce(w.transaction_count, 0) as transaction_count, g.week_start::date + 7 <= t.today as is_complete
      from (select category, min(week_start) as first_week from w group by category) b
     cross join today t
     cross join lateral generate_series(b.first_week, greatest(b.first_week, date_trunc('week', t.today::timestamp)::date),
                                        interval '1 week') g(week_start)
      left join w on w.category = b.category and w.week_start = g.week_start::date),
s as (
    select d.*, avg(total_amount) over f as moving_avg_4w, avg(total_amount) over b as baseline_mean,
           stddev_samp(total_amount) over b as baseline_stddev, count(*) over b as baseline_weeks
      from dense d
    window f as (partition by category order by week_start rows between 3 preceding and current row),
           b as (partition by category order by week_start rows between 8 preceding and 1 preceding))
select s.week_start, s.category, s.total_amount, s.transaction_count,
       case when s.is_complete then s.moving_avg_4w end as moving_avg_4w, s.baseline_mean,
       s.baseline_stddev, case when s.is_complete then z.z_score end as z_score,
       s.is_complete and coalesce(abs(z.z_score) > 2, false) as is_anomaly, s.is_complete
  from s
 cross join lateral (select case when s.baseline_weeks >= 4 and s.baseline_stddev > 0
                                 then (s.total_amount - s.baseline_mean) / s.baseline_stddev end as z_score) z
