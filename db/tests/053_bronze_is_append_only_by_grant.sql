-- Bronze is append-only for the API: service_role adds rows naming the payload
-- columns and cannot change, remove or forge the columns the table keeps itself
-- (a forged ingest_xid of '5' would hide a row from every later refresh).
begin;
select plan(7);
\ir support/postgrest.sql

select scout.ingest_transactions('{"transaction_id": "A1", "date": "2025-01-01", "amount": 1, "category": "Dairy"}');
select throws_ok($$select pg_temp.as_role('service_role'); update scout.bronze_transactions set raw_data = '{}'$$,
                 '42501', null, 'service_role cannot update Bronze');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); delete from scout.bronze_transactions$$,
                 '42501', null, 'service_role cannot delete from Bronze');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); truncate scout.bronze_products$$,
                 '42501', null, 'service_role cannot truncate Bronze');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role');
                   insert into scout.bronze_transactions (raw_data, ingest_xid) values ('{}', '5')$$,
                 '42501', null, 'service_role cannot choose a row''s ingest_xid');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role');
                   insert into scout.bronze_transactions (raw_data, ingested_at) values ('{}', '2000-01-01')$$,
                 '42501', null, 'nor its ingested_at');
select pg_temp.as_dba();
select lives_ok($$select pg_temp.as_role('service_role');
                  insert into scout.bronze_transactions (raw_data, source, source_filename, ingestion_batch_id)
                  values ('{"transaction_id": "A2"}', 'webhook', 'https://example.invalid/hook', 'b-1')$$,
                'service_role inserts naming the payload columns');
select pg_temp.as_dba();
select is((select ingest_xid = pg_current_xact_id() from scout.bronze_transactions where raw_data ->> 'transaction_id' = 'A2'),
          true, 'and the table stamps the inserting transaction itself');

select * from finish();
rollback;
