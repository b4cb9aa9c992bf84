-- refresh_silver joins its winners to Silver by index probes for a small delta and
-- by one hash join for a large one (setting silver_probe_ratio). Both plans, forced
-- in turn on the same data, give the same Silver and rejects, and — though the
-- probe plan queues differences for Gold and the hash plan queues days — the same
-- Gold once refresh_gold has applied them.
begin;
select plan(3);

select (scout_dev.seed_bronze(1500, 11, date '2026-06-30')) is not null as seeded \gset
select (scout.refresh_silver()) is not null as refreshed \gset
select (scout.refresh_gold()) is not null as gold_built \gset
analyze scout.silver_validated_transactions;
-- the second delta: new keys, identical re-sends and corrections of earlier keys
insert into scout.bronze_transactions (raw_data, source)
select g.payload || case when g.seq % 3 = 0 then '{"amount": 1.23}'::jsonb else '{}'::jsonb end, 'test'
  from scout_dev.generate_transactions(1500, 11, date '2026-06-30') g
 where g.seq % 5 = 0
union all
select g.payload || jsonb_build_object('transaction_id', 'NEW-' || g.seq), 'test'
  from scout_dev.generate_transactions(200, 12, date '2026-06-30') g;

-- what the merge wrote and the Gold it leads to, as one digest (times aside)
create function pg_temp.silver_digest() returns text language sql as $$
    select md5(concat_ws('|',
        (select string_agg(row(s.transaction_id, s.transaction_date, s.amount, s.currency, s.category, s.customer_id,
                               s.sku, s.quantity, s.tax_amount, s.attributes, s.bronze_id, s.bronze_seq)::text,
                           ',' order by s.transaction_id) from scout.silver_validated_transactions s),
        (select string_agg(row(r.bronze_id, r.transaction_id, r.reasons)::text, ',' order by r.bronze_id)
           from scout.silver_rejected_transactions r),
        (select (scout.refresh_gold()) ->> 'status'),
        (select string_agg(row(g.month, g.category, g.total_amount, g.transaction_count, g.avg_amount, g.total_quantity,
                               g.unique_customers, g.mom_growth_pct, g.yoy_growth_pct, g.moving_avg_3m)::text,
                           ',' order by g.month, g.category) from scout.gold_monthly_summary g),
        (select string_agg(row(t.week_start, t.category, t.total_amount, t.transaction_count, t.z_score)::text,
                           ',' order by t.week_start, t.category) from scout.gold_category_trends t)))
$$;

savepoint hash_plan;
update ip_workbench.settings set value = '1e12' where name = 'silver_probe_ratio';
select (scout.refresh_silver() -> 'transactions' ->> 'plan') as hash_plan, pg_temp.silver_digest() as hash_digest \gset
rollback to savepoint hash_plan;

update ip_workbench.settings set value = '0' where name = 'silver_probe_ratio';
select is(scout.refresh_silver() -> 'transactions' ->> 'plan', 'probe', 'silver_probe_ratio 0 forces index probes');
select is(:'hash_plan'::text, 'hash', 'silver_probe_ratio 1e12 forces the hash join');
select is(pg_temp.silver_digest(), :'hash_digest'::text, 'both plans write the same Silver and rejects, and lead to the same Gold');

select * from finish();
rollback;
