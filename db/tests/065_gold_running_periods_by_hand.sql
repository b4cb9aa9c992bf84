-- The running month and week are never compared with whole ones (CONTRACT v3): a
-- fixture relative to today (the business date), computed by hand. Tea sells 100 on
-- the 1st of the month two months ago, 60 on the 1st and 200 on the 20th of last
-- month, and 30 on the 1st of this month (when the 1st is already over).
begin;
select plan(6);

create temp table fixture_days as
select scout_internal.business_today() as today,
       date_trunc('month', scout_internal.business_today()::timestamp)::date as m0,
       (date_trunc('month', scout_internal.business_today()::timestamp) - interval '1 month')::date as m1,
       (date_trunc('month', scout_internal.business_today()::timestamp) - interval '2 months')::date as m2;
insert into scout.ref_categories (name) values ('Tea');
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
        'transaction_id', id, 'date', day::text, 'amount', amount, 'category', 'Tea'))
    from fixture_days f,
         lateral (values ('T2', f.m2, 100), ('T1a', f.m1, 60), ('T1b', f.m1 + 19, 200), ('T0', f.m0, 30)) v(id, day, amount)
   where day < f.today));
select scout.refresh_silver();
select scout.refresh_gold();

select results_eq(
    $$select month, total_amount, is_complete, mom_growth_pct, moving_avg_3m
        from scout.gold_monthly_summary where category = 'Tea' and month < (select m0 from fixture_days) order by month$$,
    $$select m2, 100::numeric, true, null::numeric, 100::numeric from fixture_days
      union all
      select m1, 260, true, 160.00, 180 from fixture_days$$,
    'whole months: compared (260 against 100 is +160 %), averaged over the months the category has had');
select results_eq(
    $$select is_complete, mom_growth_pct, yoy_growth_pct, moving_avg_3m
        from scout.gold_monthly_summary where category = 'Tea' and month = (select m0 from fixture_days)$$,
    $$select false, null::numeric, null::numeric, null::numeric from fixture_days where today > m0$$,
    'the running month: not complete, no month-on-month, year-on-year or moving average (no collapse)');
-- month to date: this month's complete days (before today) against as many first days
-- of last month: 30 against 60 (-50 %), or against 260 (-88.46 %) once those days reach
-- the 20th of last month
select results_eq(
    $$select mtd_growth_pct from scout.gold_monthly_summary
       where category = 'Tea' and month = (select m0 from fixture_days)$$,
    $$select case when today - m0 >= 20 then -88.46 else -50.00 end::numeric from fixture_days where today > m0$$,
    'the running month compares like for like: month to date against the same first days of last month');
select is_empty($$select 1 from scout.gold_monthly_summary where is_complete and mtd_growth_pct is not null$$,
    'a complete month has no month-to-date figure');

-- the weeks: the current one is there, not over, not scored
select results_eq(
    $$select is_complete, moving_avg_4w, z_score, is_anomaly from scout.gold_category_trends
       where category = 'Tea' and week_start = date_trunc('week', (select today from fixture_days)::timestamp)::date$$,
    $$values (false, null::numeric, null::numeric, false)$$,
    'the current week is a row, not complete and not scored');
select is_empty($$select 1 from scout.gold_category_trends
                   where category = 'Tea' and is_complete <> (week_start + 7 <= (select today from fixture_days))$$,
    'a week is complete exactly when its Sunday is before today');

select * from finish();
rollback;
