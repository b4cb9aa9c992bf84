-- Lower bound for scout.gold_monthly_summary: one statement from Silver, as the
-- contract (v3) defines each column: growth against the previous month and the same
-- month a year before, the 3-month mean counting missing months as 0 over fewer months
-- at the start of a category's series, all three only once the month is over
-- (is_complete); the running month's month-to-date growth against as many first days
-- of the month before.
create table bench_gold_monthly as
with today as (
    select (now() at time zone (select value #>> '{}' from ip_workbench.settings where name = 'business_time_zone'))::date
               as today),
m as (
    select date_trunc('month', transaction_date::timestamp)::date as month, category,
           sum(amount) as total_amount, count(*) as transaction_count, sum(quantity) as total_quantity,
           count(distinct customer_id) as unique_customers
      from scout.silver_validated_transactions
     group by 1, 2)
select m.month, m.category, m.total_amount, m.transaction_count,
       m.total_amount / m.transaction_count as avg_amount, m.total_quantity, m.unique_customers,
       case when c.complete then round(100 * (m.total_amount - p.total_amount) / p.total_amount, 2) end as mom_growth_pct,
       case when c.complete then round(100 * (m.total_amount - y.total_amount) / y.total_amount, 2) end as yoy_growth_pct,
       case when c.complete
            then (m.total_amount + coalesce(p.total_amount, 0) + coalesce(p2.total_amount, 0))
                 / least(3, 1 + (extract(year from m.month) - extract(year from min(m.month) over (partition by m.category))) * 12
                           + extract(month from m.month) - extract(month from min(m.month) over (partition by m.category)))
       end as moving_avg_3m,
       c.complete as is_complete,
       case when not c.complete and t.today > m.month
            then (select round(100 * (sum(s.amount) filter (where s.transaction_date >= m.month)
                                      - sum(s.amount) filter (where s.transaction_date < m.month))
                               / nullif(sum(s.amount) filter (where s.transaction_date < m.month), 0), 2)
                    from scout.silver_validated_transactions s
                   where s.category = m.category
                     and ((s.transaction_date >= m.month and s.transaction_date < t.today)
                          or (s.transaction_date >= (m.month - interval '1 month')::date
                              and s.transaction_date < least((m.month - interval '1 month')::date + (t.today - m.month),
                                                             m.month))))
       end as mtd_growth_pct
  from m
 cross join today t
 cross join lateral (select (m.month + interval '1 month')::date <= t.today as complete) c
  left join m p on p.category = m.category and p.month = (m.month - interval '1 month')::date
  left join m p2 on p2.category = m.category and p2.month = (m.month - interval '2 months')::date
  left join m y on y.category = m.category and y.month = (m.month - interval '1 year')::date
