-- refresh_platinum skips its rebuild (< 50 ms instead of seconds at 1M rows) when
-- nothing it reads changed: no statement wrote Silver since, the 90-day window, the
-- basket cap, min_co_occurrence and the product catalogue are the same. Any of them
-- changing rebuilds it.
begin;
select plan(14);

insert into scout.silver_validated_transactions
       (transaction_id, transaction_date, amount, category, customer_id, sku, bronze_id, bronze_seq, source, ingested_at)
select 'P-' || g, current_date - (g % 30), 10 + g, 'Snacks', 'C-' || (g % 7), 'SKU-' || (g % 5),
       gen_random_uuid(), 0, 'test', now()
  from generate_series(1, 60) g;

select is((scout.refresh_platinum()) ->> 'rebuilt', 'true', 'the first refresh builds Platinum');
select is((scout.refresh_platinum()) ->> 'rebuilt', 'false', 'a second one with nothing changed skips the rebuild');
select is((select count(*)::int from scout.platinum_transaction_embeddings), 60, 'and leaves the built rows in place');

update scout.silver_validated_transactions set description = 'reworded by 074' where transaction_id = 'P-1';
select is((scout.refresh_platinum()) ->> 'rebuilt', 'true', 'a write to Silver rebuilds it');
select matches((select text from scout.platinum_transaction_embeddings where transaction_id = 'P-1'),
               'reworded by 074', 'with the written row');

-- a write that wrote nothing is still a write: one rebuild too many, never one too few
delete from scout.silver_validated_transactions where transaction_id = 'no such id';
select is((scout.refresh_platinum()) ->> 'rebuilt', 'true', 'a statement that changed no row also rebuilds it');

update ip_workbench.settings set value = '3' where name = 'recommendation_basket_max_skus';
select is((scout.refresh_platinum()) ->> 'rebuilt', 'true', 'a new basket cap rebuilds it');

-- as on the next day: the stored build covered a window that started a day earlier
update ip_workbench.platinum_builds set window_start = window_start - 1;
select is((scout.refresh_platinum()) ->> 'rebuilt', 'true', 'a window that moved rebuilds it');
select is((scout.refresh_platinum()) ->> 'rebuilt', 'false', 'and then it rests again');

update ip_workbench.settings set value = '3' where name = 'min_co_occurrence';
select is((scout.refresh_platinum()) ->> 'rebuilt', 'true', 'a new min_co_occurrence rebuilds it');
select scout.ingest_products('{"sku": "SKU-1", "name": "Green Tea 500 ml", "brand": "Zesto"}');
select scout.refresh_silver();
select is((scout.refresh_platinum()) ->> 'rebuilt', 'true', 'a product named in the catalogue rebuilds it');
select ok((select bool_and(text like '%x Green Tea 500 ml by Zesto%') from scout.platinum_transaction_embeddings
            where metadata ->> 'sku' = 'SKU-1'), 'and the sentences of its sales name it');

-- the hourly run with nothing new writes nothing to Silver, so it does not wake Platinum
select is((scout.run_transformations()) ->> 'status', 'ok', 'an hourly run with nothing new');
select is((scout.refresh_platinum()) ->> 'rebuilt', 'false', 'leaves Platinum resting');

select * from finish();
rollback;
