-- Gold's first step: claim what refresh_silver queued and work out what it touches.
-- Leaves, for the steps after it (temporary, dropped at commit):
--   gold_changed_days        (category, day)              days to re-aggregate from Silver
--   gold_claimed_changes     (category, day, month, week_start, customer_id, transactions, amount, quantity)
--   gold_changed_months      (category, month, reaggregate)     re-aggregated, or differences added
--   gold_changed_weeks       (category, week_start, reaggregate)
--   gold_changed_categories  (category, judge_from)       whose marts are rewritten: every
--                            category on the first run of a business day, which closes the
--                            periods that ended and moves the running ones; judge_from is
--                            its first week whose paging judgement may have changed
--   gold_changed_month_days, gold_changed_week_days (…, day)   every day of a re-aggregated period
create or replace function scout_internal.gold_claim_changes()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_frozen_before date := scout_internal.silver_frozen_before();
    v_today date := scout_internal.business_today();
    v_built_for date;  -- the business day of the previous build
    v_new_day boolean;
    v_days bigint;
    v_change_rows bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_claim_changes');
    if pg_catalog.to_regclass('pg_temp.gold_changed_days') is not null then
        drop table pg_temp.gold_changed_days, pg_temp.gold_claimed_changes, pg_temp.gold_changed_months,
                   pg_temp.gold_changed_weeks, pg_temp.gold_changed_categories, pg_temp.gold_changed_month_days,
                   pg_temp.gold_changed_week_days;
    end if;
    -- Silver and the queue of differences must be read as of one moment, or a merge
    -- committing in between would be counted twice (in a re-aggregated month and
    -- again as a difference). This waits for merges still queueing and holds new
    -- ones at their queueing until this commits; readers are never blocked.
    lock table scout_internal.gold_differences_to_add in share mode;
    create temp table gold_changed_days on commit drop as
    with taken as (delete from scout_internal.gold_days_to_reaggregate returning category, day)
    select distinct t.category, t.day from taken t
     -- months before Silver's retention boundary are frozen: their Silver rows are gone
     where t.day >= v_frozen_before;
    get diagnostics v_days = row_count;
    create temp table gold_claimed_changes on commit drop as
    with taken as (delete from scout_internal.gold_differences_to_add
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
    -- A new business day ends periods (is_complete, the comparisons, the anomaly rule)
    -- and moves the running month's month-to-date and the current week: every category.
    v_built_for := (select s.built_for from scout_internal.gold_build_state s);
    v_new_day := coalesce(v_built_for <> v_today, true);
    insert into scout_internal.gold_build_state as s (only_row, built_for) values (true, v_today)
    on conflict (only_row) do update set built_for = excluded.built_for where s.built_for <> excluded.built_for;
    -- A week's paging judgement reads its total and the 12 complete weeks before, so it
    -- can change only from the first changed week on, or from the first week that was
    -- still running at the last build (v_built_for, none: every week), and near the
    -- retention boundary (scout_internal.gold_find_sales_anomalies judges those always).
    create temp table gold_changed_categories on commit drop as
    select c.category, pg_catalog.min(c.judge_from) as judge_from
      from (select m.category, 'infinity'::date as judge_from from pg_temp.gold_changed_months m
            union all
            select w.category, w.week_start from pg_temp.gold_changed_weeks w
            union all
            select t.category, coalesce(date_trunc('week', (v_built_for - 7)::timestamp)::date, '-infinity'::date)
              from scout_internal.gold_monthly_category_totals t where v_new_day
            union all
            select t.category, coalesce(date_trunc('week', (v_built_for - 7)::timestamp)::date, '-infinity'::date)
              from scout_internal.gold_weekly_category_totals t where v_new_day) c
     group by c.category;
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
    return pg_catalog.jsonb_build_object(
        'changed_days', v_days,
        'changes_applied', v_change_rows,
        'months_reaggregated', (select pg_catalog.count(*) from pg_temp.gold_changed_months m where m.reaggregate),
        'months_recomputed', (select pg_catalog.count(*) from pg_temp.gold_changed_months),
        'weeks_recomputed', (select pg_catalog.count(*) from pg_temp.gold_changed_weeks),
        'categories_rewritten', (select pg_catalog.count(*) from pg_temp.gold_changed_categories),
        'new_business_day', v_new_day);
end
$fn$;
comment on function scout_internal.gold_claim_changes() is
    'Step 1 of scout.refresh_gold: takes every queued day (scout_internal.gold_days_to_reaggregate) and difference (scout_internal.gold_differences_to_add) its snapshot sees, leaves the months, weeks and categories they touch in temporary tables for the steps after it (with each category''s first week whose paging judgement may have changed), on the first run of a business day adds every category (periods end, the running ones move), and returns their counts {"changed_days", "changes_applied", "months_reaggregated", "months_recomputed", "weeks_recomputed", "categories_rewritten", "new_business_day"}. Only inside scout.refresh_gold (55000 otherwise).';
revoke all on function scout_internal.gold_claim_changes() from public;
grant execute on function scout_internal.gold_claim_changes() to service_role;
