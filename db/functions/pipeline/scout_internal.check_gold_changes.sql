-- The Gold checks of the hourly run: for every month and week this transaction's
-- refresh_gold recomputed, the mart's totals equal Silver's, summed afresh.
create or replace function scout_internal.check_gold_changes()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_months bigint;
    v_weeks bigint;
    v_bad_months jsonb;
    v_bad_weeks jsonb;
begin
    perform 'PRAGMA:TABLE: gold_changed_months (category text, month date, reaggregate boolean)';
    perform 'PRAGMA:TABLE: gold_changed_weeks (category text, week_start date, reaggregate boolean)';
    if pg_catalog.to_regclass('pg_temp.gold_changed_months') is null then
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'no Gold refresh ran in this transaction');
    end if;
    select pg_catalog.count(*), pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('category', c.category, 'month', c.month))
                                filter (where (g.total_amount, g.transaction_count) is distinct from (s.total, s.n))
      into v_months, v_bad_months
      from pg_temp.gold_changed_months c
      left join scout.gold_monthly_summary g on g.category = c.category and g.month = c.month
      cross join lateral (
          select pg_catalog.sum(x.amount) as total, nullif(pg_catalog.count(*), 0) as n
            from scout.silver_validated_transactions x
           where x.category = c.category
             and x.transaction_date >= c.month and x.transaction_date < (c.month + interval '1 month')::date) s;
    select pg_catalog.count(*), pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('category', c.category, 'week_start', c.week_start))
                                filter (where coalesce(g.total_amount, 0) <> coalesce(s.total, 0)
                                           or coalesce(g.transaction_count, 0) <> s.n)
      into v_weeks, v_bad_weeks
      from pg_temp.gold_changed_weeks c
      left join scout.gold_category_trends g on g.category = c.category and g.week_start = c.week_start
      cross join lateral (
          select pg_catalog.sum(x.amount) as total, pg_catalog.count(*) as n
            from scout.silver_validated_transactions x
           where x.category = c.category and x.transaction_date >= c.week_start and x.transaction_date < c.week_start + 7) s;
    return pg_catalog.jsonb_build_object(
        'status', case when v_bad_months is null and v_bad_weeks is null then 'ok' else 'failed' end,
        'rows', v_months + v_weeks,
        'months_checked', v_months,
        'weeks_checked', v_weeks,
        'mismatched_months', coalesce(v_bad_months, '[]'),
        'mismatched_weeks', coalesce(v_bad_weeks, '[]'),
        'message', case when v_bad_months is not null or v_bad_weeks is not null
                        then pg_catalog.format('%s months and %s weeks of Gold differ from Silver',
                                               coalesce(pg_catalog.jsonb_array_length(v_bad_months), 0),
                                               coalesce(pg_catalog.jsonb_array_length(v_bad_weeks), 0)) end);
end
$fn$;
comment on function scout_internal.check_gold_changes() is
    'Checks the months and weeks the current transaction''s refresh_gold recomputed: the marts'' total_amount and transaction_count equal Silver''s sums. Returns {"status": ok|failed|skipped, "rows", "months_checked", "weeks_checked", "mismatched_months", "mismatched_weeks", "message"}.';
revoke all on function scout_internal.check_gold_changes() from public;
grant execute on function scout_internal.check_gold_changes() to service_role;
