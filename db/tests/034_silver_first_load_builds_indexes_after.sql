-- A first load into an empty Silver skips the join to Silver, and from
-- silver_first_load_rebuilds_indexes_from rows on it builds the secondary indexes
-- after the insert instead of growing them row by row. Either way Silver, its rejects,
-- the Gold queue and the indexes themselves come out the same. So does the store mart,
-- built into its empty table the same way.
begin;
select plan(10);

select (scout_dev.seed_bronze(1500, 13, date '2026-06-30')) is not null as seeded \gset

create function pg_temp.indexes() returns text language sql as $$
    select string_agg(indexdef, E'\n' order by indexname) from pg_indexes
     where schemaname = 'scout' and tablename = 'silver_validated_transactions'
$$;
create function pg_temp.silver_digest() returns text language sql as $$
    select md5(concat_ws('|',
        (select string_agg(row(s.transaction_id, s.transaction_date, s.amount, s.category, s.customer_id, s.bronze_id)::text,
                           ',' order by s.transaction_id) from scout.silver_validated_transactions s),
        (select string_agg(row(r.bronze_id, r.reasons)::text, ',' order by r.bronze_id) from scout.silver_rejected_transactions r),
        (select string_agg(distinct row(q.category, q.day)::text, ',') from scout_internal.gold_days_to_reaggregate q)))
$$;
select pg_temp.indexes() as indexes_before \gset
select string_agg(indexdef, E'\n' order by indexname) as mart_indexes_before
  from pg_indexes where schemaname = 'scout' and tablename = 'gold_store_daily_sales' \gset
select string_agg(indexdef, E'\n' order by indexname) as sentence_indexes_before
  from pg_indexes where schemaname = 'scout' and tablename = 'platinum_transaction_embeddings' \gset

savepoint row_by_row;
update ip_workbench.settings set value = '1000000000' where name = 'silver_first_load_rebuilds_indexes_from';
select (scout.refresh_silver() -> 'transactions' ->> 'plan') as plan_kept, pg_temp.silver_digest() as kept_digest \gset
rollback to savepoint row_by_row;

update ip_workbench.settings set value = '0' where name = 'silver_first_load_rebuilds_indexes_from';
create temp table rebuilt as select scout.refresh_silver() as result;
select is(:'plan_kept'::text, 'first_load', 'an empty Silver takes the first-load path');
select is((select result -> 'transactions' ->> 'plan' from rebuilt), 'first_load', 'with the indexes rebuilt too');
select is(pg_temp.silver_digest(), :'kept_digest'::text,
          'both write the same Silver, rejects and Gold queue');
select is(pg_temp.indexes(), :'indexes_before'::text, 'and Silver has the same indexes afterwards');
select is((select count(*)::int from pg_index where indrelid = 'scout.silver_validated_transactions'::regclass
                                             and not (indisvalid and indisready)), 0, 'all of them valid');
-- the rebuilt indexes serve the lookups they are for
set local enable_seqscan = off;
select is((select count(*)::int from scout.silver_validated_transactions where customer_id = 'no such customer'), 0,
          'a lookup by customer still runs');

reset enable_seqscan;

-- the store mart's first build, its indexes dropped and built after the rows
select scout.refresh_gold();
select is((select string_agg(indexdef, E'\n' order by indexname) from pg_indexes
            where schemaname = 'scout' and tablename = 'gold_store_daily_sales'), :'mart_indexes_before'::text,
          'the store mart has the same indexes after its first build');
select set_eq($$select store_id, sales_date, category, total_amount, transaction_count, customer_count, total_quantity
                  from scout.gold_store_daily_sales$$,
              $$select store_id, transaction_date, category, sum(amount) as total, count(*) as n,
                       count(distinct customer_id) as customers, sum(quantity) as units
                  from scout.silver_validated_transactions group by 1, 2, 3$$,
              'and holds exactly a plain GROUP BY of Silver');

-- Platinum's first build, its indexes dropped and built after the sentences
select scout.refresh_platinum();
select is((select string_agg(indexdef, E'\n' order by indexname) from pg_indexes
            where schemaname = 'scout' and tablename = 'platinum_transaction_embeddings'), :'sentence_indexes_before'::text,
          'Platinum''s sentences have the same indexes after their first build');
-- and the same sentences a merge into a table that already had rows writes
create temp table first_sentences as select transaction_id, text, metadata, transaction_date, store_id
  from scout.platinum_transaction_embeddings;
delete from scout.platinum_transaction_embeddings where transaction_id = (select min(transaction_id) from first_sentences);
update ip_workbench.platinum_builds set silver_version = -1;
select scout.refresh_platinum();
select set_eq($$select transaction_id, text, metadata, transaction_date, store_id from scout.platinum_transaction_embeddings$$,
              $$select * from first_sentences$$,
              'the first build writes the sentences the merge writes');

select * from finish();
rollback;
