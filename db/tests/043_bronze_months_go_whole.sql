-- Bronze transactions are partitioned by the month of their UUIDv7 id: a new row lands
-- in this month's partition, a row of a month with none waits in the default partition
-- and moves into the month's when it is made, and retention drops a month whole only
-- when every row of it is judged and older than the period; otherwise row by row.
-- The ids below are written by hand: 48 bits of Unix milliseconds, then version 7.
begin;
select plan(17);
\ir support/postgrest.sql

select scout.ingest_transactions('{"transaction_id": "NOW-1", "date": "2025-01-01", "amount": 1, "category": "Dairy"}');
select is((select tableoid::regclass::text from scout.bronze_transactions where raw_data ->> 'transaction_id' = 'NOW-1'),
          'scout_partitions.bronze_transactions_' || to_char(now() at time zone 'UTC', 'YYYY_MM'),
          'a new row lands in this month''s partition (UTC)');
select ok(to_regclass('scout_partitions.bronze_transactions_'
                      || to_char(date_trunc('month', now() at time zone 'UTC') + interval '2 months', 'YYYY_MM')) is not null,
          'the months are made two ahead');

-- July 2025 has no partition: its rows wait in the default one
insert into scout.bronze_transactions (id, raw_data, source, ingested_at) values
    ('01980df4-be00-7abc-8def-0123456789ab', '{"transaction_id": "JUL-1", "date": "2025-07-01", "amount": 10, "category": "Dairy"}', 'test', '2025-07-15 12:00+00'),
    ('019826d8-d000-7abc-8def-0123456789ab', '{"transaction_id": "JUL-2", "date": "2025-07-02", "amount": -1, "category": "Dairy"}', 'test', '2025-07-20 08:00+00'),
    ('019893da-1600-7abc-8def-0123456789ab', '{"transaction_id": "AUG-1", "date": "2025-08-01", "amount": 20, "category": "Dairy"}', 'test', '2025-08-10 12:00+00'),
    -- an id that is no UUIDv7 (version 4) has no month
    ('5f0c7f6e-2b1a-4c3d-9e8f-a1b2c3d4e5f6', '{"transaction_id": "V4-1", "date": "2025-07-03", "amount": 30, "category": "Dairy"}', 'test', '2025-07-15 12:00+00');
select is((select count(*)::int from scout_partitions.bronze_transactions_default), 4,
          'rows of months without a partition wait in the default partition');
create temp table seq_before as select id, ingest_seq, ingest_xid from scout.bronze_transactions;

select ok((select scout_internal.bronze_prepare_partitions() -> 'created') @> '["2025-07", "2025-08"]'::jsonb,
          'preparing makes the months the default partition holds rows of');
select results_eq($$select raw_data ->> 'transaction_id', tableoid::regclass::text from scout.bronze_transactions
                   where source = 'test' order by 1$$,
    $$values ('AUG-1', 'scout_partitions.bronze_transactions_2025_08'), ('JUL-1', 'scout_partitions.bronze_transactions_2025_07'),
             ('JUL-2', 'scout_partitions.bronze_transactions_2025_07'), ('V4-1', 'scout_partitions.bronze_transactions_default')$$,
    'their rows moved into them; an id with no month stays in the default partition');
select is_empty($$select b.id from scout.bronze_transactions b join seq_before s using (id)
                   where (b.ingest_seq, b.ingest_xid) is distinct from (s.ingest_seq, s.ingest_xid)$$,
    'a moved row keeps its arrival order and inserting transaction (Silver sees nothing new)');
select is((select scout_internal.bronze_prepare_partitions() -> 'created'), '[]'::jsonb, 'preparing again makes nothing');

-- the API roles reach the months only through scout.bronze_transactions
select throws_ok($$select pg_temp.as_role('service_role'); select count(*) from scout_partitions.bronze_transactions_2025_07$$,
                 '42501', null, 'service_role cannot read a partition by name');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role');
                   insert into scout_partitions.bronze_transactions_default (id, raw_data, ingest_seq) values (gen_random_uuid(), '{}', 1)$$,
                 '42501', null, 'nor write one');
select pg_temp.as_dba();
select is((select relrowsecurity and relforcerowsecurity from pg_class where oid = 'scout_partitions.bronze_transactions_2025_07'::regclass),
          true, 'a partition forces row level security');
select isnt(obj_description('scout_partitions.bronze_transactions_2025_07'::regclass, 'pg_class'), null, 'and is described');

-- Silver judges July (one valid, one rejected) and August; then August gets a row Silver has not seen
select scout.refresh_silver();
insert into scout.bronze_transactions (id, raw_data, source, ingested_at) values
    ('01989900-7200-7abc-8def-0123456789ab', '{"transaction_id": "AUG-2", "date": "2025-08-02", "amount": 5, "category": "Dairy"}', 'test', '2025-08-11 12:00+00');
create temp table versions_before as
    select version from ip_workbench.layer_versions where table_name = 'scout.bronze_transactions'::regclass;

create temp table purged as select scout.purge_expired() as result;
select is((select result -> 'bronze_months_dropped' from purged), '["2025-07"]'::jsonb,
          'July, every row judged and long past, is dropped whole');
select is(to_regclass('scout_partitions.bronze_transactions_2025_07'), null, 'its partition is gone');
select results_eq($$select raw_data ->> 'transaction_id' from scout.bronze_transactions where source = 'test' order by 1$$,
    $$values ('AUG-2')$$,
    'August, which holds a row Silver has not judged, loses only its judged row; the id with no month goes row by row');
select is((select (result -> 'deleted' ->> 'bronze_transactions')::int from purged), 4,
          'the purge counts the dropped month''s rows with the deleted ones');
select is((select row_count from ip_workbench.tables where schema_name = 'scout' and table_name = 'bronze_transactions'),
          1::bigint, 'the registry''s row count follows: the five rows Silver counted, less the four purged');
select cmp_ok((select version from ip_workbench.layer_versions where table_name = 'scout.bronze_transactions'::regclass),
              '>', (select version from versions_before), 'and the checks that read Bronze learn it changed');

select * from finish();
rollback;
