-- After a refresh every Bronze row is exactly one of: the winning row of its key
-- in Silver, superseded by another version of that key, or rejected. Checked
-- against the generator's own labels (kind), not against the code under test.
begin;
select plan(6);

select scout_dev.seed_bronze(3000, 7, current_date - 1);
create temp table outcome as select scout.refresh_silver() -> 'transactions' as counts;

create temp table generated as select * from scout_dev.generate_transactions(3000, 7, current_date - 1);

select is((select (counts ->> 'processed')::int from outcome), 3000, 'every Bronze row was processed');
select is((select (counts ->> 'rejected')::int from outcome),
          (select count(*)::int from generated where kind in ('bad_amount', 'future_date', 'bad_category', 'missing_id', 'bad_date')),
          'rejected = the rows the generator made bad');
select is((select count(*)::int from scout.silver_validated_transactions),
          (select count(distinct payload ->> 'transaction_id')::int from generated
            where kind not in ('bad_amount', 'future_date', 'bad_category', 'missing_id', 'bad_date')),
          'one Silver row per distinct valid transaction_id');
-- superseded, counted from the data rather than taken from the function's remainder:
-- a valid Bronze row whose key has a later valid version
select is((select (counts ->> 'superseded')::int from outcome),
          (select count(*)::int from scout.bronze_transactions b
            where b.id not in (select bronze_id from scout.silver_rejected_transactions)
              and exists (select 1 from scout.bronze_transactions later
                           where later.raw_data ->> 'transaction_id' = b.raw_data ->> 'transaction_id'
                             and later.ingest_seq > b.ingest_seq
                             and later.id not in (select bronze_id from scout.silver_rejected_transactions))),
          'superseded = the valid Bronze rows whose key has a later valid version');

select is_empty($$
    with outcome as (
        select b.id,
               b.id in (select bronze_id from scout.silver_validated_transactions) as is_winner,
               b.id in (select bronze_id from scout.silver_rejected_transactions) as is_rejected,
               (b.raw_data ->> 'transaction_id') in (select transaction_id from scout.silver_validated_transactions) as key_in_silver
          from scout.bronze_transactions b
    )
    select id from outcome
     where is_winner::int + is_rejected::int + (not is_winner and not is_rejected and key_in_silver)::int <> 1
$$, 'each Bronze row is exactly one of winner, superseded (its key has another row in Silver) or rejected');

select is_empty($$
    with latest_valid as (
        select distinct on (b.raw_data ->> 'transaction_id')
               b.raw_data ->> 'transaction_id' as transaction_id, round((b.raw_data ->> 'amount')::numeric, 2) as amount
          from scout.bronze_transactions b
         where b.id not in (select bronze_id from scout.silver_rejected_transactions)
         order by b.raw_data ->> 'transaction_id', b.ingest_seq desc
    )
    select l.transaction_id from latest_valid l
      full join scout.silver_validated_transactions s using (transaction_id)
     where l.amount is distinct from s.amount
$$, 'each Silver row carries the amount of the latest valid version of its key');

select * from finish();
rollback;
