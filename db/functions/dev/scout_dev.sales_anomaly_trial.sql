-- How the paging rule (scout_internal.sales_anomaly) and the 2-sigma highlight do on
-- weekly sales with known events, drawn here rather than taken from the demo data so
-- the rule is judged on what it must catch, not fitted to one generator: p_series
-- category series of p_weeks weeks each, at volumes from 20 to 2,000 transactions a
-- week (log-uniform), with sampling noise, a 5% ticket-mix wobble, a slow trend of up
-- to +-30% over the span, a yearly season of +-20% peaking in December, and holiday
-- weeks at +40% (none of which should page). Planted: spikes of 3 to 6 times a normal
-- week, and stops (1 to 3 weeks at 0), each starting on about 1 week in 100 after the
-- first 16. Every week from the 13th on is judged as refresh_gold judges it.
create or replace function scout_dev.sales_anomaly_trial(
    p_series int default 600, p_weeks int default 156, p_seed bigint default 1)
returns jsonb
language sql
stable
set search_path = ''
begin atomic
    with series as (
        select s.n, pg_catalog.exp(pg_catalog.ln(20) + (pg_catalog.ln(2000) - pg_catalog.ln(20))
                                   * scout_dev.seed_uniform(s.n, p_seed, 1)) as volume,
               0.6 * scout_dev.seed_uniform(s.n, p_seed, 2) - 0.3 as trend
          from pg_catalog.generate_series(1, p_series) s(n)
    ), events as (
        -- an event starts on a week with probability 1/100; a stop lasts 1 to 3 weeks
        select x.n, x.w, case when scout_dev.seed_uniform(x.n * 10000 + x.w, p_seed, 4) < 0.5 then 'spike' else 'drop' end
                   as kind,
               3 + 3 * scout_dev.seed_uniform(x.n * 10000 + x.w, p_seed, 5) as factor,
               1 + pg_catalog.floor(3 * scout_dev.seed_uniform(x.n * 10000 + x.w, p_seed, 6))::int as length
          from (select s.n, w.w from series s cross join pg_catalog.generate_series(17, p_weeks) w(w)) x
         where scout_dev.seed_uniform(x.n * 10000 + x.w, p_seed, 3) < 0.01
    ), weeks as (
        select s.n, w.w,
               s.volume * (1 + s.trend * w.w / p_weeks)
                 * (1 + 0.2 * pg_catalog.cos(2 * pg_catalog.pi() * (w.w - 50) / 52.0))
                 * case when scout_dev.seed_uniform(s.n * 10000 + w.w, p_seed, 7) < 0.03 then 1.4 else 1 end as expected,
               -- Box-Muller: two uniforms give a standard normal draw for the count and one for the ticket mix
               pg_catalog.sqrt(-2 * pg_catalog.ln(1 - scout_dev.seed_uniform(s.n * 10000 + w.w, p_seed, 8)))
                 * pg_catalog.cos(2 * pg_catalog.pi() * scout_dev.seed_uniform(s.n * 10000 + w.w, p_seed, 9)) as z1,
               pg_catalog.sqrt(-2 * pg_catalog.ln(1 - scout_dev.seed_uniform(s.n * 10000 + w.w, p_seed, 10)))
                 * pg_catalog.cos(2 * pg_catalog.pi() * scout_dev.seed_uniform(s.n * 10000 + w.w, p_seed, 11)) as z2
          from series s cross join pg_catalog.generate_series(1, p_weeks) w(w)
    ), planted as (
        -- the weeks each event covers; where two overlap, the later one holds
        select distinct on (e.n, e.w + i.i) e.n, e.w + i.i as w, e.kind, e.factor
          from events e
         cross join lateral pg_catalog.generate_series(0, case when e.kind = 'drop' then e.length - 1 else 0 end) i(i)
         order by e.n, e.w + i.i, e.w desc
    ), sales as (
        select k.n, k.w, p.kind as planted,
               case when p.kind = 'drop' then 0
                    else pg_catalog.round((greatest(0, k.expected + k.z1 * pg_catalog.sqrt(k.expected))
                                           * 50 * (1 + 0.05 * k.z2) * coalesce(p.factor, 1))::numeric, 2) end as total
          from weeks k left join planted p on p.n = k.n and p.w = k.w
    ), judged as (
        select j.n, j.w, j.planted, j.total, a.direction, j.z_score
          from (select x.*, pg_catalog.array_agg(x.total) over earlier as history,
                       (x.total - pg_catalog.avg(x.total) over eight)
                         / nullif(pg_catalog.stddev_samp(x.total) over eight, 0) as z_score,
                       pg_catalog.count(*) over eight as eight_weeks
                  from sales x
                window earlier as (partition by x.n order by x.w rows between 12 preceding and 1 preceding),
                       eight as (partition by x.n order by x.w rows between 8 preceding and 1 preceding)) j
          left join lateral scout_internal.sales_anomaly(j.total, j.history) a on true
         where j.w > 12
    )
    select pg_catalog.jsonb_build_object(
               'category_weeks', pg_catalog.count(*),
               'planted_spikes', pg_catalog.count(*) filter (where planted = 'spike'),
               'spikes_found', pg_catalog.count(*) filter (where planted = 'spike' and direction = 'spike'),
               'planted_drops', pg_catalog.count(*) filter (where planted = 'drop'),
               'drops_found', pg_catalog.count(*) filter (where planted = 'drop' and direction = 'drop'),
               'recall_pct', pg_catalog.round(100.0 * pg_catalog.count(*) filter (where planted is not null and direction = planted)
                                              / nullif(pg_catalog.count(*) filter (where planted is not null), 0), 1),
               'false_alerts', pg_catalog.count(*) filter (where planted is null and direction is not null),
               'false_alerts_per_100_weeks', pg_catalog.round(100.0 * pg_catalog.count(*) filter (where planted is null and direction is not null)
                                                              / nullif(pg_catalog.count(*) filter (where planted is null), 0), 2),
               'two_sigma_highlights_on_normal_weeks_per_100', pg_catalog.round(
                   100.0 * pg_catalog.count(*) filter (where planted is null and pg_catalog.abs(z_score) > 2)
                   / nullif(pg_catalog.count(*) filter (where planted is null), 0), 2))
      from judged;
end;
comment on function scout_dev.sales_anomaly_trial(int, int, bigint) is
    'Measures the paging rule scout_internal.sales_anomaly (and the 2-sigma highlight) on p_series drawn weekly sales series of p_weeks weeks with seasonality, trend, holiday weeks and planted spikes (3-6x) and stops (1-3 weeks at 0): {"category_weeks", "planted_spikes", "spikes_found", "planted_drops", "drops_found", "recall_pct", "false_alerts", "false_alerts_per_100_weeks", "two_sigma_highlights_on_normal_weeks_per_100"}. The same p_seed gives the same series.';
revoke all on function scout_dev.sales_anomaly_trial(int, int, bigint) from public;
