-- refresh_gold judges a category's weeks for anomalies only where the judgement can
-- have changed: from the first week whose total changed, the weeks still running at
-- the last build, and the first 13 weeks Gold keeps (retention shortens their
-- history). What it keeps must still be every flagged week, worked out by hand here.
begin;
select plan(7);

-- Tea sells 10 a week for 70 complete weeks, 50 in week 8
insert into scout.ref_categories (name) values ('Tea');
create temp table weeks as
select date_trunc('week', scout_internal.business_today()::timestamp)::date - 7 * (70 - i) as week_start, i
  from generate_series(0, 69) i;
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
        'transaction_id', 'W' || i, 'date', (week_start + 2)::text, 'amount', case when i = 8 then 50 else 10 end,
        'category', 'Tea'))
    from weeks));
select scout.refresh_silver();
select scout.refresh_gold();
select results_eq($$select week_start from scout.gold_sales_anomalies where category = 'Tea' order by 1$$,
    $$select week_start from weeks where i = 8$$,
    'the first build flags week 8: 5 x the median of the weeks before');

-- an hour later, 40 more in week 40 and in the last complete week (69): spikes both
select scout.ingest_transactions((select jsonb_agg(jsonb_build_object(
        'transaction_id', 'X' || i, 'date', (week_start + 3)::text, 'amount', 40, 'category', 'Tea'))
    from weeks where i in (40, 69)));
select scout.refresh_silver();
set local track_functions = 'all';
select scout.refresh_gold();
select results_eq($$select week_start, direction, total_amount, expected_amount from scout.gold_sales_anomalies
                     where category = 'Tea' order by 1$$,
    $$select week_start, 'spike', 50::numeric, 10::numeric from weeks where i in (8, 40, 69) order by 1$$,
    'weeks 40 and 69 are flagged, and week 8, not judged again, stays');
-- weeks 0-12 (the first 13 kept) and 40-69: 43 of the 70, not all of them
select is((select calls::int from pg_stat_xact_user_functions
            where schemaname = 'scout_internal' and funcname = 'sales_anomaly'), 43,
          'the rule ran for the 43 weeks whose judgement could change, not for all 70');

-- every week judged again (no build recorded) keeps exactly the same flags
delete from scout_internal.gold_build_state;
select scout.refresh_gold();
select results_eq($$select week_start from scout.gold_sales_anomalies where category = 'Tea' order by 1$$,
    $$select week_start from weeks where i in (8, 40, 69) order by 1$$,
    'judging every week again flags the same three');

-- the next business day, with Gold keeping 400 days: the weeks before its first month
-- leave the marts, and week 8's anomaly with them
update ip_workbench.settings set value = '400' where name = 'gold_retention_days';
update scout_internal.gold_build_state set built_for = built_for - 1;
select scout.refresh_gold();
select ok((select week_start from weeks where i = 8) < scout_internal.gold_kept_from()
          and (select week_start from weeks where i = 40) > scout_internal.gold_kept_from(),
          'the fixture: 400 days cut week 8, not week 40');
select results_eq($$select week_start from scout.gold_sales_anomalies where category = 'Tea' order by 1$$,
    $$select week_start from weeks where i in (40, 69) order by 1$$,
    'a week Gold no longer keeps leaves the anomalies; the others stay');
select is_empty($$select 1 from scout.gold_sales_anomalies a
                  where not exists (select 1 from scout.gold_category_trends g
                                     where g.category = a.category and g.week_start = a.week_start and g.is_complete)$$,
    'every anomaly is a complete week of the marts');

select * from finish();
rollback;
