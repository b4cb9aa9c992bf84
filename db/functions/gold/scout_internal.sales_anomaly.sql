-- The paging rule for a week's sales (scout.gold_sales_anomalies), beside the 2-sigma
-- highlight that fires on one week in ten of pure noise. Robust, so one earlier spike
-- or a holiday week does not move the bar: the expectation is the median of the up to
-- 12 complete weeks before (at least 6), and the spread is 1.4826 x their median
-- absolute deviation (a standard deviation for normal noise, unmoved by outliers),
-- floored at 10% of the median so a flat series does not page on a small wobble.
-- A spike is at least 2.5 x the median and 4 spreads above it; a drop at most 0.4 x
-- the median and 4 spreads below it, or nothing sold at all after weeks that all sold
-- (but for up to 3 weeks of this same stop) in a series whose median is at least 2
-- spreads (a category that stops selling).
-- Chosen by the trial in scout_dev.sales_anomaly_trial (docs/operating.md).
create or replace function scout_internal.sales_anomaly(p_total numeric, p_history numeric[])
returns table (direction text, expected_amount numeric)
language sql
immutable
parallel safe
-- run once per category-week, a few thousand times a refresh: pinning costs nothing measurable
set search_path = ''
begin atomic
    with h as (
        select v.amount, v.at
          from pg_catalog.unnest(p_history) with ordinality as v(amount, at) where v.amount is not null
    ), m as (
        select pg_catalog.percentile_cont(0.5::double precision) within group (order by h.amount::double precision)::numeric as median,
               pg_catalog.count(*) as weeks,
               -- zero weeks in the history, and where its last sale was (zeros after it: a stop under way)
               pg_catalog.count(*) filter (where h.amount = 0) as zero_weeks,
               coalesce(pg_catalog.max(h.at) filter (where h.amount <> 0), 0) as last_sale
          from h
    ), s as (
        select m.median, m.weeks, m.zero_weeks,
               (select pg_catalog.count(*) from h where h.at > m.last_sale) as trailing_zero_weeks,
               greatest(1.4826 * (select pg_catalog.percentile_cont(0.5::double precision)
                                         within group (order by pg_catalog.abs(h.amount - m.median)::double precision)
                                    from h)::numeric,
                        0.1 * m.median) as spread
          from m
    )
    select case when p_total >= 2.5 * s.median then 'spike' else 'drop' end, s.median
      from s
     where s.weeks >= 6 and s.median > 0
       and ((p_total >= 2.5 * s.median and p_total - s.median >= 4 * s.spread)
            or (p_total <= 0.4 * s.median and s.median - p_total >= 4 * s.spread)
            -- a category that stops selling: nothing this week, after weeks that all sold but
            -- for the (at most 3) weeks of this stop, in a series steady enough (median at
            -- least 2 spreads) that zero is not its noise
            or (p_total = 0 and s.zero_weeks = s.trailing_zero_weeks and s.zero_weeks <= 3
                and s.median >= 2 * s.spread));
end;
comment on function scout_internal.sales_anomaly(numeric, numeric[]) is
    'The paging rule for one week''s sales p_total against p_history, the totals of the up to 12 complete weeks before it: a row (direction spike or drop, expected_amount = their median) when it is at least 2.5 x the median and 4 robust spreads above, or at most 0.4 x and 4 spreads below, or 0 after weeks that all sold (but for up to 3 weeks of the same stop just before) when the median is at least 2 spreads (spread = 1.4826 x the median absolute deviation, at least 10% of the median); no row otherwise, or with fewer than 6 earlier weeks or a median of 0.';
revoke all on function scout_internal.sales_anomaly(numeric, numeric[]) from public;
grant execute on function scout_internal.sales_anomaly(numeric, numeric[]) to service_role;
