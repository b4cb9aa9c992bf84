-- Gold's third step: scout_internal.gold_weekly_category_totals up to date for the weeks
-- scout_internal.gold_claim_changes left in pg_temp.gold_changed_weeks.
create or replace function scout_internal.gold_apply_weekly_totals()
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_apply_weekly_totals');
    perform 'PRAGMA:TABLE: gold_changed_weeks (category text, week_start date, reaggregate boolean)';
    perform 'PRAGMA:TABLE: gold_changed_week_days (category text, week_start date, day date)';
    perform 'PRAGMA:TABLE: gold_claimed_changes (category text, day date, month date, week_start date, customer_id text, transactions numeric, amount numeric, quantity numeric)';
    delete from scout_internal.gold_weekly_category_totals t
     using pg_temp.gold_changed_weeks c
     where c.reaggregate and t.category = c.category and t.week_start = c.week_start;
    insert into scout_internal.gold_weekly_category_totals (week_start, category, total_amount, transaction_count)
    select d.week_start, d.category, pg_catalog.sum(s.amount), pg_catalog.count(*)
      from pg_temp.gold_changed_week_days d
      join scout.silver_validated_transactions s
        on s.category = d.category and s.transaction_date = d.day
     group by d.week_start, d.category;
    insert into scout_internal.gold_weekly_category_totals as t (week_start, category, total_amount, transaction_count)
    select c.week_start, c.category, pg_catalog.sum(c.amount), pg_catalog.sum(c.transactions)
      from pg_temp.gold_claimed_changes c
      join pg_temp.gold_changed_weeks w
        on w.category = c.category and w.week_start = c.week_start and not w.reaggregate
     group by c.week_start, c.category
    on conflict (category, week_start) do update
       set total_amount = t.total_amount + excluded.total_amount,
           transaction_count = t.transaction_count + excluded.transaction_count,
           refreshed_at = pg_catalog.now();
    delete from scout_internal.gold_weekly_category_totals t
     using pg_temp.gold_changed_weeks w
     where not w.reaggregate and t.category = w.category and t.week_start = w.week_start
       and t.transaction_count = 0;
end
$fn$;
comment on function scout_internal.gold_apply_weekly_totals() is
    'Step 3 of scout.refresh_gold: re-aggregates the queued weeks of scout_internal.gold_weekly_category_totals from Silver and adds the claimed differences to the others; a week left with no transaction is deleted. Reads the temporary tables of scout_internal.gold_claim_changes. Only inside scout.refresh_gold (55000 otherwise).';
revoke all on function scout_internal.gold_apply_weekly_totals() from public;
grant execute on function scout_internal.gold_apply_weekly_totals() to service_role;
