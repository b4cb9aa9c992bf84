-- Lower bound for scout.gold_store_daily_sales: one statement from Silver, as the
-- contract's store-level mart defines it: per store (NULL for none), day and category,
-- the total, the transactions, the distinct known customers and the units, and whether
-- the day is over in the business time zone. The mart is nearly as large as Silver and
-- readers need its indexes (a store's days; the policy's expression), so the bound
-- builds the same ones, after the rows: the cheapest way to have them.
create table bench_gold_store_daily as
with today as (
    select (now() at time zone (select value #>> '{}' from ip_workbench.settings where name = 'business_time_zone'))::date
               as today)
select s.store_id, s.transaction_date as sales_date, s.category, sum(s.amount) as total_amount,
       count(*) as transaction_count, count(distinct s.customer_id) as customer_count,
       sum(s.quantity) as total_quantity, s.transaction_date < (select today from today) as is_complete
  from scout.silver_validated_transactions s
 group by s.store_id, s.transaction_date, s.category;
create unique index on bench_gold_store_daily (store_id, sales_date, category) nulls not distinct;
create index on bench_gold_store_daily ((coalesce(store_id, '')), sales_date);
create index on bench_gold_store_daily (sales_date) where not is_complete;
