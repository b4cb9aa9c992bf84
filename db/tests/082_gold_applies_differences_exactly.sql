-- Small Silver changes reach Gold as differences (scout_internal.gold_differences_to_add) that
-- refresh_gold adds to its totals, unique_customers included (a customer who gains a
-- first row in a month, or loses the last). After every kind of correction, the
-- totals equal Silver aggregated afresh here, by plain GROUP BY.
begin;
select plan(9);

select (scout_dev.seed_bronze(3000, 21, date '2026-06-30')) is not null as seeded \gset
select (scout.refresh_silver()) is not null as refreshed \gset
select (scout.refresh_gold()) is not null as gold_built \gset
-- index probes, hence differences, however small Silver is (the plan compares with its row estimate)
analyze scout.silver_validated_transactions;
update ip_workbench.settings set value = '0' where name = 'silver_probe_ratio';

-- one Silver row of each kind of change, taken spread over the years by key order
create temp table picked as
select s.transaction_id, b.raw_data, s.category, s.transaction_date,
       pg_catalog.row_number() over (order by pg_catalog.md5(s.transaction_id)) as n
  from scout.silver_validated_transactions s
  join scout.bronze_transactions b on b.id = s.bronze_id
 where s.customer_id is not null;
insert into scout.bronze_transactions (raw_data, source)
select case
           when n <= 300 then raw_data || jsonb_build_object('amount', 1000 + n)                 -- amount only
           when n <= 320 then raw_data || jsonb_build_object('quantity', 9)                      -- quantity only
           when n <= 340 then raw_data || jsonb_build_object('customer_id', 'C-NEW-' || n)       -- another customer
           when n <= 360 then raw_data - 'customer_id'                                           -- no customer now
           when n <= 380 then raw_data || jsonb_build_object('date', (transaction_date - 45)::text)  -- another month
           when n <= 400 then raw_data || jsonb_build_object(                                    -- another category
                                  'category', (select c.name from scout.ref_categories c
                                                where c.is_active and c.name <> picked.category order by c.name limit 1))
           when n <= 420 then raw_data || jsonb_build_object('description', 'reworded')          -- nothing Gold counts
       end, 'test'
  from picked where n <= 420
union all
-- new sales without a customer, and new sales of new customers
select jsonb_build_object('transaction_id', 'NEW-' || g, 'date', (date '2024-03-10' + g * 11)::text, 'amount', 10 + g,
                          'category', 'Dairy', 'quantity', 2)
         || case when g % 2 = 0 then jsonb_build_object('customer_id', 'C-FRESH-' || g) else '{}' end, 'test'
  from generate_series(1, 40) g;

create temp table silver_step as select scout.refresh_silver() as result;
select is((select result -> 'transactions' ->> 'plan' from silver_step), 'probe', 'the merge probed Silver by key');
select ok((select count(*) > 0 from scout_internal.gold_differences_to_add) and not exists (select 1 from scout_internal.gold_days_to_reaggregate),
          'and queued differences, not days');
select is((select count(*)::int from scout_internal.gold_differences_to_add where transactions = 0 and amount = 0 and quantity = 0), 0,
          'a reworded description queues nothing');

create temp table gold_step as select scout.refresh_gold() as result;
select is((select result ->> 'status' from gold_step), 'ok', 'refresh_gold applied them');
select is((select (result ->> 'months_reaggregated')::int from gold_step), 0,
          'adding differences to every changed month, re-aggregating none');
select is((select count(*)::int from scout_internal.gold_differences_to_add), 0, 'the queue is empty');

select set_eq(
    $$select month, category, total_amount, transaction_count, total_quantity, unique_customers
        from scout_internal.gold_monthly_category_totals$$,
    $$select date_trunc('month', transaction_date)::date as month, category, sum(amount) as total,
             count(*)::bigint as n, sum(quantity)::bigint as quantity, count(distinct customer_id)::bigint as customers
        from scout.silver_validated_transactions group by 1, 2$$,
    'monthly totals equal Silver grouped afresh, unique customers included');
select set_eq(
    $$select week_start, category, total_amount, transaction_count from scout_internal.gold_weekly_category_totals$$,
    $$select date_trunc('week', transaction_date)::date as week_start, category, sum(amount) as total,
             count(*)::bigint as n
        from scout.silver_validated_transactions group by 1, 2$$,
    'weekly totals equal Silver grouped afresh');
select set_eq(
    $$select month, category, total_amount, transaction_count, unique_customers from scout.gold_monthly_summary$$,
    $$select date_trunc('month', transaction_date)::date as month, category, sum(amount) as total,
             count(*)::bigint as n, count(distinct customer_id)::bigint as customers
        from scout.silver_validated_transactions group by 1, 2$$,
    'and so does the mart the dashboards read');

select * from finish();
rollback;
