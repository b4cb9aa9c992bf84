-- scout.backfill after a category is added: the range's rows rejected as
-- category_not_allowed become valid, their marts are refreshed, rows outside the
-- range are left alone, and a second call changes nothing. Gold rows deleted by hand
-- come back: backfill rebuilds Gold from Silver for every period its range touches.
begin;
select plan(11);

select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'E1', 'date', '2025-03-10', 'amount', 100, 'category', 'Electronics'),
    jsonb_build_object('transaction_id', 'E2', 'date', '2025-03-20', 'amount', 50, 'category', 'electronics'),
    jsonb_build_object('transaction_id', 'E3', 'date', '2025-05-01', 'amount', 7, 'category', 'Electronics'),
    jsonb_build_object('transaction_id', 'D1', 'date', '2025-03-15', 'amount', 3, 'category', 'Dairy')));
select scout.run_transformations();
select is((select count(*)::int from scout.silver_rejected_transactions where reasons = array['category_not_allowed']), 3,
          'before: three rows rejected as category_not_allowed');

insert into scout.ref_categories (name) values ('Electronics');
create temp table first_backfill as select scout.backfill('2025-03-01', '2025-03-31') as result;
select is((select result ->> 'status' from first_backfill), 'ok', 'backfill succeeds');
select results_eq($$select transaction_id, category, amount from scout.silver_validated_transactions order by 1$$,
    $$values ('D1', 'Dairy', 3.00::numeric(14, 2)), ('E1', 'Electronics', 100.00), ('E2', 'Electronics', 50.00)$$,
    'the range''s rows are valid now, in the canonical spelling');
select results_eq($$select transaction_id from scout.silver_rejected_transactions$$, $$values ('E3')$$,
    'the row outside the range stays as it was');
select results_eq($$select month, category, total_amount, transaction_count from scout.gold_monthly_summary order by 2$$,
    $$values ('2025-03-01'::date, 'Dairy', 3::numeric, 1::bigint), ('2025-03-01', 'Electronics', 150, 2)$$,
    'Gold gains the new category''s month');
select is((select (result -> 'gold' ->> 'changed_days')::int from first_backfill),
          31 * (select count(*)::int from scout.ref_categories),
          'every day of March for every category is re-aggregated from Silver');

create temp table gold_before as
select month, category, total_amount, transaction_count, mom_growth_pct from scout.gold_monthly_summary;
create temp table second_backfill as select scout.backfill('2025-03-01', '2025-03-31') as result;
select results_eq($$select (result ->> 'inserted')::int, (result ->> 'updated')::int, (result ->> 'deleted')::int,
                           (result ->> 'rejected')::int, (result ->> 'unrejected')::int from second_backfill$$,
    $$values (0, 0, 0, 0, 0)$$, 'a second call changes nothing in Silver');
select results_eq($$select month, category, total_amount, transaction_count, mom_growth_pct
                     from scout.gold_monthly_summary order by 1, 2$$,
    $$select * from gold_before order by 1, 2$$, 'nor in Gold');

-- Gold damaged by hand: a mart row and a total deleted, a mart row altered
delete from scout.gold_monthly_summary where category = 'Dairy';
delete from scout_internal.gold_monthly_category_totals where category = 'Electronics';
update scout.gold_category_trends set total_amount = 999 where category = 'Electronics';
select scout.backfill('2025-03-01', '2025-03-31');
select results_eq($$select month, category, total_amount, transaction_count, mom_growth_pct
                     from scout.gold_monthly_summary order by 1, 2$$,
    $$select * from gold_before order by 1, 2$$, 'a backfill of the range rebuilds what was deleted or damaged');

-- retiring the category: a backfill takes its rows out of Silver again
update scout.ref_categories set is_active = false where name = 'Electronics';
select scout.backfill('2025-03-01', '2025-03-31');
select results_eq($$select transaction_id from scout.silver_validated_transactions$$, $$values ('D1')$$,
    'after retiring it, the range''s rows leave Silver');
select is((select count(*)::int from scout.gold_monthly_summary where category = 'Electronics'), 0,
          'and Gold with them');

select * from finish();
rollback;
