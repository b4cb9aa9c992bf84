-- refresh_gold re-aggregates changed days by index probes, or by one hash join over
-- Silver past gold_hash_rebuild_days. Both, forced in turn on the same data, give
-- the same totals and marts.
begin;
select plan(3);

select (scout_dev.seed_bronze(3000, 21, date '2026-06-30')) is not null as seeded \gset
select (scout.refresh_silver()) is not null as refreshed \gset

create function pg_temp.gold_digest() returns text language sql as $$
    select md5(concat_ws('|',
        (select string_agg(row(m.month, m.category, m.total_amount, m.transaction_count, m.avg_amount, m.total_quantity,
                               m.unique_customers, m.mom_growth_pct, m.yoy_growth_pct, m.moving_avg_3m)::text,
                           ',' order by m.month, m.category) from scout.gold_monthly_summary m),
        (select string_agg(row(t.week_start, t.category, t.total_amount, t.transaction_count, t.moving_avg_4w,
                               t.baseline_mean, t.baseline_stddev, t.z_score, t.is_anomaly)::text,
                           ',' order by t.week_start, t.category) from scout.gold_category_trends t)))
$$;

savepoint probe_plan;
update ip_workbench.settings set value = '1000000000' where name = 'gold_hash_rebuild_days';
select scout.refresh_gold() ->> 'plan' as probe_plan, pg_temp.gold_digest() as probe_digest \gset
rollback to savepoint probe_plan;

update ip_workbench.settings set value = '0' where name = 'gold_hash_rebuild_days';
select is(scout.refresh_gold() ->> 'plan', 'hash', 'gold_hash_rebuild_days 0 forces the hash join');
select is(:'probe_plan'::text, 'probe', 'a limit above the changed days keeps index probes');
select is(pg_temp.gold_digest(), :'probe_digest'::text, 'both plans build the same marts');

select * from finish();
rollback;
