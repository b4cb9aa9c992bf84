-- The paging rule (scout_internal.sales_anomaly) on series computed by hand, and
-- scout.gold_sales_anomalies kept by refresh_gold.
begin;
select plan(10);

-- history 90..110: median 100; deviations 0,0,0,0,1,1,2,2,5,5,10,10 → MAD 1.5, spread
-- max(1.4826 x 1.5, 10 % of 100) = 10
create temp table steady as select array[100, 110, 90, 100, 105, 95, 100, 98, 102, 100, 101, 99]::numeric[] as h;
select results_eq($$select direction, expected_amount from scout_internal.sales_anomaly(300, (select h from steady))$$,
    $$values ('spike', 100::numeric)$$, '3 x the median, 20 spreads above it: a spike, expecting 100');
select is_empty($$select 1 from scout_internal.sales_anomaly(240, (select h from steady))$$,
    '2.4 x the median is busy, not a page (below 2.5 x)');
select results_eq($$select direction from scout_internal.sales_anomaly(30, (select h from steady))$$,
    $$values ('drop')$$, '0.3 x the median, 7 spreads below it: a drop');
select is_empty($$select 1 from scout_internal.sales_anomaly(300, array[100, 110, 90, 100, 105]::numeric[])$$,
    'five earlier weeks are too few to judge');
-- a noisy series: median 110, MAD 55, spread 81.5 — neither 400 nor 0 is 4 spreads out,
-- and its median is under 2 spreads, so even nothing sold is its noise
select is_empty($$select 1 from unnest(array[400, 0]::numeric[]) t(total)
                   cross join lateral scout_internal.sales_anomaly(t.total,
                       array[100, 300, 50, 200, 80, 250, 120, 60, 180, 90, 220, 70]::numeric[])$$,
    'a noisy series pages on neither 400 nor 0');
-- a stop under way: two zero weeks end the history; the third is still a drop
select results_eq($$select direction from scout_internal.sales_anomaly(0, array[100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 0, 0]::numeric[])$$,
    $$values ('drop')$$, 'each week of a stop of up to three weeks pages as a drop');

-- through Gold: Tea sells 10 a week for 14 complete weeks, 50 in the 15th, then stops
insert into scout.ref_categories (name) values ('Tea');
create temp table weeks as
select date_trunc('week', scout_internal.business_today()::timestamp)::date - 7 * (17 - i) as week_start, i
  from generate_series(0, 16) i;
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
        'transaction_id', 'W' || i, 'date', (week_start + 2)::text, 'amount', case when i = 14 then 50 else 10 end,
        'category', 'Tea'))
    from weeks where i <= 14));
select scout.refresh_silver();
select scout.refresh_gold();
select results_eq($$select week_start, direction, total_amount, expected_amount from scout.gold_sales_anomalies
                     where category = 'Tea' order by week_start$$,
    $$select week_start, case when i = 14 then 'spike' else 'drop' end,
             case when i = 14 then 50 else 0 end::numeric, 10::numeric
        from weeks where i >= 14$$,
    'the 5x week and the two complete weeks after the last sale are flagged, against the median of 10');
select is_empty($$select 1 from scout.gold_sales_anomalies a join scout.gold_category_trends g using (category, week_start)
                   where not g.is_complete$$, 'only complete weeks are judged');

select results_eq($$select kind, subject, details ->> 'direction', closed_at is not null from ip_workbench.dq_alerts
                     where subject like 'Tea,%' order by subject$$,
    $$select 'sales_anomaly', 'Tea, week of ' || week_start, case when i = 14 then 'spike' else 'drop' end, true
        from weeks where i >= 14 order by 2$$,
    'each flagged week among the last three complete ones is an alert too, an event closed as it is raised');
-- the same weeks again (a rebuild of every category) page nobody twice
update scout_internal.gold_build_state set built_for = built_for - 1;
select scout.refresh_gold();
select is((select count(*)::int from ip_workbench.dq_alerts where kind = 'sales_anomaly' and subject like 'Tea,%'), 3,
          'once per category and week, ever');
select * from finish();
rollback;
