-- gold_category_trends against a fixture computed by hand: a dense series with a
-- zero week, the ISO week boundary, fewer than 4 baseline weeks, the 8-week cap, a
-- spike flagged, a normal week not flagged, and a zero standard deviation. The series
-- goes on, dense, to the current week (a category that stops selling shows it).
begin;
select plan(5);

-- Bakery, weeks from Monday 2024-01-01: totals 10, 12, 0, 11, 9, 10, 50, 10, 20, 10
select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'B0a', 'date', '2024-01-01', 'amount', 4, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B0b', 'date', '2024-01-07', 'amount', 6, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B1', 'date', '2024-01-10', 'amount', 12, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B3', 'date', '2024-01-24', 'amount', 11, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B4', 'date', '2024-01-31', 'amount', 9, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B5', 'date', '2024-02-07', 'amount', 10, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B6', 'date', '2024-02-14', 'amount', 50, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B7', 'date', '2024-02-21', 'amount', 10, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B8', 'date', '2024-02-28', 'amount', 20, 'category', 'Bakery'),
    jsonb_build_object('transaction_id', 'B9', 'date', '2024-03-06', 'amount', 10, 'category', 'Bakery')));
-- Frozen Foods: 5.00 every week for five weeks (a flat baseline)
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
           'transaction_id', 'F' || i, 'date', (date '2024-01-02' + 7 * i)::text, 'amount', 5, 'category', 'Frozen Foods'))
      from generate_series(0, 4) i));
select scout.refresh_silver();
select scout.refresh_gold();

select results_eq(
    $$select week_start, category, total_amount, transaction_count, round(moving_avg_4w, 4),
             round(baseline_mean, 4), round(baseline_stddev, 4), round(z_score, 4), is_anomaly
        from scout.gold_category_trends where ((category = 'Bakery' and week_start <= '2024-03-04') or (category = 'Frozen Foods' and week_start <= '2024-01-29'))
       order by category, week_start$$,
    $$values
      (date '2024-01-01', 'Bakery', 10.00, 2::bigint, 10.0000, null::numeric, null::numeric, null::numeric, false),
      (date '2024-01-08', 'Bakery', 12.00, 1, 11.0000, 10.0000, null, null, false),
      (date '2024-01-15', 'Bakery',  0.00, 0, 7.3333, 11.0000, 1.4142, null, false),
      (date '2024-01-22', 'Bakery', 11.00, 1, 8.2500, 7.3333, 6.4291, null, false),
      (date '2024-01-29', 'Bakery',  9.00, 1, 8.0000, 8.2500, 5.5603, 0.1349, false),
      (date '2024-02-05', 'Bakery', 10.00, 1, 7.5000, 8.4000, 4.8270, 0.3315, false),
      (date '2024-02-12', 'Bakery', 50.00, 1, 20.0000, 8.6667, 4.3665, 9.4659, true),
      (date '2024-02-19', 'Bakery', 10.00, 1, 19.7500, 14.5714, 16.1230, -0.2835, false),
      (date '2024-02-26', 'Bakery', 20.00, 1, 22.5000, 14.0000, 15.0143, 0.3996, false),
      (date '2024-03-04', 'Bakery', 10.00, 1, 22.5000, 15.2500, 15.0499, -0.3488, false),
      (date '2024-01-01', 'Frozen Foods', 5.00, 1, 5.0000, null, null, null, false),
      (date '2024-01-08', 'Frozen Foods', 5.00, 1, 5.0000, 5.0000, null, null, false),
      (date '2024-01-15', 'Frozen Foods', 5.00, 1, 5.0000, 5.0000, 0.0000, null, false),
      (date '2024-01-22', 'Frozen Foods', 5.00, 1, 5.0000, 5.0000, 0.0000, null, false),
      (date '2024-01-29', 'Frozen Foods', 5.00, 1, 5.0000, 5.0000, 0.0000, null, false)$$,
    'every column of every week, computed by hand');

select is((select count(*)::int from scout.gold_category_trends where is_anomaly and ((category = 'Bakery' and week_start <= '2024-03-04') or (category = 'Frozen Foods' and week_start <= '2024-01-29'))), 1,
          'exactly the spike is flagged');

-- after the last sale: zero weeks up to the current one, the first of them scored
select results_eq(
    $$select category, min(week_start), max(week_start), count(*)::int, sum(total_amount)
        from scout.gold_category_trends
       where (category = 'Bakery' and week_start > '2024-03-04') or (category = 'Frozen Foods' and week_start > '2024-01-29')
       group by category order by 1$$,
    $$select c, first_zero, this_week, ((this_week - first_zero) / 7 + 1)::int, 0::numeric
        from (values ('Bakery', date '2024-03-11'), ('Frozen Foods', date '2024-02-05')) v(c, first_zero),
             (select date_trunc('week', scout_internal.business_today()::timestamp)::date as this_week) w$$,
    'after its last sale each category has every week up to the current one, at 0');
select results_eq(
    $$select week_start, total_amount, round(baseline_mean, 4), round(z_score, 4), is_anomaly
        from scout.gold_category_trends where category = 'Frozen Foods' and week_start = '2024-02-05'$$,
    $$values (date '2024-02-05', 0::numeric, 5.0000, null::numeric, false)$$,
    'Frozen Foods'' first week without sales is a row, scored against its flat baseline (stddev 0: no z-score)');
select results_eq(
    $$select is_complete, moving_avg_4w is null, z_score is null, is_anomaly
        from scout.gold_category_trends
       where week_start = date_trunc('week', scout_internal.business_today()::timestamp)::date order by category$$,
    $$values (false, true, true, false), (false, true, true, false)$$,
    'the current week is not over: not scored, its moving average and z-score NULL, never an anomaly');

select * from finish();
rollback;
