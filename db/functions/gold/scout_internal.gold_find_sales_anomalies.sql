-- Gold's paging step: the complete weeks of each changed category whose judgement may
-- have changed (from its judge_from week on, and the first 13 weeks Gold keeps, whose
-- history retention shortens) judged by scout_internal.sales_anomaly against the up to
-- 12 weeks before it, kept in scout.gold_sales_anomalies (a week no longer flagged
-- after a correction leaves it). An hour's new sales re-judge the last weeks, not the
-- category's whole history: 12 times fewer judgements at three years.
-- A newly flagged week among the last three complete ones is announced once, on
-- channel scout_sales_anomaly and as an alert (scout_internal.raise_alert); older ones (a first load of history) are recorded
-- without paging anyone.
create or replace function scout_internal.gold_find_sales_anomalies()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_today date := scout_internal.business_today();
    v_flagged bigint;
    v_new jsonb;
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_find_sales_anomalies');
    perform 'PRAGMA:TABLE: gold_changed_categories (category text, judge_from date)';
    if pg_catalog.to_regclass('pg_temp.gold_flagged_weeks') is not null then
        drop table pg_temp.gold_judged_weeks, pg_temp.gold_flagged_weeks;
    end if;
    create temp table gold_judged_weeks on commit drop as
    select h.week_start, h.category, h.total_amount, h.history, h.baseline_weeks
      from (select g.week_start, g.category, g.total_amount, c.judge_from,
                   pg_catalog.array_agg(g.total_amount) over earlier as history,
                   pg_catalog.count(*) over earlier as baseline_weeks,
                   pg_catalog.row_number() over (partition by g.category order by g.week_start) as week_number
              from scout.gold_category_trends g
              join pg_temp.gold_changed_categories c on c.category = g.category
             where g.is_complete
            window earlier as (partition by g.category order by g.week_start rows between 12 preceding and 1 preceding)) h
     where h.week_start >= h.judge_from or h.week_number <= 13;
    create temp table gold_flagged_weeks on commit drop as
    select j.week_start, j.category, a.direction, j.total_amount, a.expected_amount, j.baseline_weeks
      from pg_temp.gold_judged_weeks j
     cross join lateral scout_internal.sales_anomaly(j.total_amount, j.history) a;

    -- a judged week no longer flagged (or flagged the other way), and a week Gold no
    -- longer keeps, leave
    delete from scout.gold_sales_anomalies s
     using pg_temp.gold_changed_categories c
     where s.category = c.category
       and (exists (select 1 from pg_temp.gold_judged_weeks j where j.category = s.category and j.week_start = s.week_start)
            or not exists (select 1 from scout.gold_category_trends g
                            where g.category = s.category and g.week_start = s.week_start and g.is_complete))
       and not exists (select 1 from pg_temp.gold_flagged_weeks f
                        where f.category = s.category and f.week_start = s.week_start and f.direction = s.direction);
    with added as (
        insert into scout.gold_sales_anomalies as s
               (week_start, category, direction, total_amount, expected_amount, baseline_weeks)
        select f.week_start, f.category, f.direction, f.total_amount, f.expected_amount, f.baseline_weeks
          from pg_temp.gold_flagged_weeks f
        on conflict (category, week_start) do update
           set total_amount = excluded.total_amount, expected_amount = excluded.expected_amount,
               baseline_weeks = excluded.baseline_weeks
         where (s.total_amount, s.expected_amount, s.baseline_weeks)
               is distinct from (excluded.total_amount, excluded.expected_amount, excluded.baseline_weeks)
        returning s.week_start, s.category, s.direction, s.total_amount, s.expected_amount, (s.xmax = 0) as is_new
    )
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'week_start', a.week_start, 'category', a.category, 'direction', a.direction,
               'total_amount', a.total_amount, 'expected_amount', pg_catalog.round(a.expected_amount, 2))
               order by a.week_start, a.category), '[]'::jsonb)
      into v_new
      from added a
     where a.is_new and a.week_start >= date_trunc('week', v_today::timestamp)::date - 21;
    -- the same path as every alert (a row of ip_workbench.dq_alerts, NOTIFY
    -- scout_dq_alert, the webhook), once per category and week
    perform pg_catalog.pg_notify('scout_sales_anomaly', n.anomaly::text),
            scout_internal.raise_alert('sales_anomaly',
                                       pg_catalog.format('%s, week of %s', n.anomaly ->> 'category', n.anomaly ->> 'week_start'),
                                       n.anomaly)
       from pg_catalog.jsonb_array_elements(v_new) n(anomaly);
    select pg_catalog.count(*) into v_flagged
      from scout.gold_sales_anomalies s join pg_temp.gold_changed_categories c on c.category = s.category;
    return pg_catalog.jsonb_build_object('anomalies', v_flagged, 'anomalies_new', v_new);
end
$fn$;
comment on function scout_internal.gold_find_sales_anomalies() is
    'Paging step of scout.refresh_gold: judges the complete weeks of the categories in pg_temp.gold_changed_categories whose judgement may have changed (from the category''s judge_from week on, and its first 13 complete weeks) with scout_internal.sales_anomaly against the up to 12 weeks before, keeps scout.gold_sales_anomalies in step (new rows inserted with their detected_at, rows no longer flagged deleted), and sends each newly flagged week among the last three complete ones once on NOTIFY channel scout_sales_anomaly and as a sales_anomaly alert (scout_internal.raise_alert: ip_workbench.dq_alerts, NOTIFY scout_dq_alert, delivered like every alert). Returns {"anomalies": flagged weeks of those categories, "anomalies_new": the weeks announced}. Only inside scout.refresh_gold (55000 otherwise).';
revoke all on function scout_internal.gold_find_sales_anomalies() from public;
grant execute on function scout_internal.gold_find_sales_anomalies() to service_role;
