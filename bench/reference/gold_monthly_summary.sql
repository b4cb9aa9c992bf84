-- Lower bound for scout.gold_monthly_summary: one statement from Silver, as the
-- contract defines each column (growth against the previous month and the same
-- month a year before; the 3-month mean counts missing months as 0 and uses fewer
-- months at the start of a category's series).
create table bench_gold_monthly as
with m as (
    select date_trunc('month', transaction_date::timestamp)::date as month, category,
           sum(amount) as total_amount, count(*) as transaction_count, sum(quantity) as total_quantity,
           count(distinct customer_id) as unique_customers
      from scout.silver_validated_transactions
     group by 1, 2)
select m.month, m.category, m.total_amount, m.transaction_count,
       m.total_amount / m.transaction_count as avg_amount, m.total_quantity, m.unique_customers,
       round(100 * (m.total_amount - p.total_amount) / p.total_amount, 2) as mom_growth_pct,
       round(100 * (m.total_amount - y.total_amount) / y.total_amount, 2) as yoy_growth_pct,
       (m.total_amount + coalesce(p.total_amount, 0) + coalesce(p2.total_amount, 0))
         / least(3, 1 + (extract(year from m.month) - extract(year from min(m.month) over (partition by m.category))) * 12
                   + extract(month from m.month) - extract(month from min(m.month) over (partition by m.category)))
         as moving_avg_3m
  from m
  left join m p on p.category = m.category and p.month = (m.month - interval '1 month')::date
  left join m p2 on p2.category = m.category and p2.month = (m.month - interval '2 months')::date
  left join m y on y.category = m.category and y.month = (m.month - interval '1 year')::date
