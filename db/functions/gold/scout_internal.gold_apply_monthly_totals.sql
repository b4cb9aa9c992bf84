-- Gold's second step: scout_internal.gold_monthly_category_totals up to date for the months
-- scout_internal.gold_claim_changes left in pg_temp.gold_changed_months.
create or replace function scout_internal.gold_apply_monthly_totals()
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_apply_monthly_totals');
    perform 'PRAGMA:TABLE: gold_changed_months (category text, month date, reaggregate boolean)';
    perform 'PRAGMA:TABLE: gold_changed_month_days (category text, month date, day date)';
    perform 'PRAGMA:TABLE: gold_claimed_changes (category text, day date, month date, week_start date, customer_id text, transactions numeric, amount numeric, quantity numeric)';
    -- re-aggregated months: from Silver, every day of the month joined on its key
    delete from scout_internal.gold_monthly_category_totals t
     using pg_temp.gold_changed_months c
     where c.reaggregate and t.category = c.category and t.month = c.month;
    insert into scout_internal.gold_monthly_category_totals
           (month, category, total_amount, transaction_count, total_quantity, unique_customers)
    select d.month, d.category, pg_catalog.sum(s.amount), pg_catalog.count(*), pg_catalog.sum(s.quantity),
           pg_catalog.count(distinct s.customer_id)
      from pg_temp.gold_changed_month_days d
      join scout.silver_validated_transactions s
        on s.category = d.category and s.transaction_date = d.day
     group by d.month, d.category;
    -- The differences, where the month was not re-aggregated. unique_customers moves
    -- by the customers whose rows there went from none to some (+1) or from some to
    -- none (-1): Silver, read now, holds the rows after the change.
    if pg_catalog.to_regclass('pg_temp.gold_unique_customer_moves') is not null then
        drop table pg_temp.gold_unique_customer_moves;  -- an earlier refresh in this transaction
    end if;
    create temp table gold_unique_customer_moves on commit drop as
    select c.category, c.month,
           pg_catalog.count(*) filter (where n.now > 0 and n.now = c.net)
           - pg_catalog.count(*) filter (where n.now = 0) as moved
      from (select x.category, x.month, x.customer_id, pg_catalog.sum(x.transactions) as net
              from pg_temp.gold_claimed_changes x
              join pg_temp.gold_changed_months m
                on m.category = x.category and m.month = x.month and not m.reaggregate
             where x.customer_id is not null
             group by x.category, x.month, x.customer_id
            having pg_catalog.sum(x.transactions) <> 0) c
     cross join lateral (
         select pg_catalog.count(*) as now
           from scout.silver_validated_transactions s
          where s.customer_id = c.customer_id and s.category = c.category
            and s.transaction_date >= c.month
            and s.transaction_date < (c.month + interval '1 month')::date) n
     group by c.category, c.month;
    insert into scout_internal.gold_monthly_category_totals as t
           (month, category, total_amount, transaction_count, total_quantity, unique_customers)
    select d.month, d.category, d.amount, d.transactions, d.quantity, coalesce(u.moved, 0)
      from (select c.month, c.category, pg_catalog.sum(c.amount) as amount,
                   pg_catalog.sum(c.transactions) as transactions, pg_catalog.sum(c.quantity) as quantity
              from pg_temp.gold_claimed_changes c
              join pg_temp.gold_changed_months m
                on m.category = c.category and m.month = c.month and not m.reaggregate
             group by c.month, c.category) d
      left join pg_temp.gold_unique_customer_moves u on u.category = d.category and u.month = d.month
    on conflict (category, month) do update
       set total_amount = t.total_amount + excluded.total_amount,
           transaction_count = t.transaction_count + excluded.transaction_count,
           total_quantity = t.total_quantity + excluded.total_quantity,
           unique_customers = t.unique_customers + excluded.unique_customers,
           refreshed_at = pg_catalog.now();
    delete from scout_internal.gold_monthly_category_totals t
     using pg_temp.gold_changed_months m
     where not m.reaggregate and t.category = m.category and t.month = m.month and t.transaction_count = 0;
end
$fn$;
comment on function scout_internal.gold_apply_monthly_totals() is
    'Step 2 of scout.refresh_gold: re-aggregates the queued months of scout_internal.gold_monthly_category_totals from Silver and adds the claimed differences to the others (unique_customers by the customers whose rows in the month went from none to some or back, looked up in Silver); a month left with no transaction is deleted. Reads the temporary tables of scout_internal.gold_claim_changes. Only inside scout.refresh_gold (55000 otherwise).';
revoke all on function scout_internal.gold_apply_monthly_totals() from public;
grant execute on function scout_internal.gold_apply_monthly_totals() to service_role;
