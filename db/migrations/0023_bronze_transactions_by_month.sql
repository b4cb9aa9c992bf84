-- squawk-ignore-file ban-drop-view, ban-drop-function, renaming-table, renaming-object, ban-drop-table
-- (the table is replaced under the same name with every row; what it drops is the old
-- copy and what db/functions recreates in the same migrate)
-- Bronze transactions partitioned by month (issue 28): retention drops a month whose
-- every row Silver has judged as one DROP TABLE instead of deleting a million rows
-- (which writes WAL for each, leaves them for VACUUM and bloats the indexes).
-- * The partition key is the id. It is a UUIDv7 (scout_internal.uuid_v7): its first 48
--   bits are the milliseconds at which the row was written, so each month is one range
--   of ids, and the primary key stays (id) alone, as the contract says. A row's id is
--   never earlier than its ingested_at (the id takes the clock, ingested_at the start of
--   its transaction), so every row of a month's partition arrived before the month ended.
-- * The months live in schema scout_partitions, reached through scout.bronze_transactions
--   only: the API roles have no right on them. scout_internal.bronze_prepare_partitions
--   creates them ahead (on every migrate and in the daily retention job) and secures them.
-- * The default partition keeps whatever no month holds (ids of no time order, a month
--   the job has not reached yet): nothing is refused, and the next prepare moves the
--   rows of a dated month into its partition.
-- * Everything else stays as it was: the columns and their defaults, append-only by
--   grant, arrival order (ingest_seq continues), the watermark's ingest_xid, the
--   indexes. The rows are copied with all their columns, so Silver sees nothing new.
-- The copy rewrites Bronze once (every row, then its indexes), under an exclusive lock:
-- ingest waits for it, so apply it when a bulk load would not be in the way.
lock table scout.bronze_transactions in access exclusive mode;

-- what reads the table by its oid (when db/functions made it already): recreated by
-- the db/functions step of this migrate
drop view if exists scout_checks.bronze_transactions_have_required_keys, scout_checks.every_bronze_transaction_is_accounted_for,
    scout_checks.registry_row_counts_match, scout_checks.silver_accepts_bronze,
    scout_checks.silver_lineage_reaches_bronze, scout_checks.silver_rejections_reach_bronze;
drop function if exists scout_internal.has_unprocessed_bronze();

alter table scout.bronze_transactions rename to bronze_transactions_unpartitioned;
alter index scout.bronze_transactions_pkey rename to bronze_transactions_unpartitioned_pkey;
alter sequence scout.bronze_transactions_ingest_seq_seq rename to bronze_transactions_unpartitioned_ingest_seq_seq;
alter index scout.bronze_transactions_ingested_at_idx rename to bronze_transactions_unpartitioned_ingested_at_idx;
alter index scout.bronze_transactions_ingest_xid_idx rename to bronze_transactions_unpartitioned_ingest_xid_idx;

create schema scout_partitions;
revoke all on schema scout_partitions from public;
comment on schema scout_partitions is 'The partitions of partitioned tables (scout.bronze_transactions by month), read and written through their parent only.';

create table scout.bronze_transactions (
    id uuid not null default scout_internal.uuid_v7(),
    raw_data jsonb not null,
    source text not null default 'api',
    source_filename text,
    ingested_at timestamptz not null default pg_catalog.now(),
    ingestion_batch_id text,
    created_at timestamptz default pg_catalog.now(),
    ingest_seq bigint generated always as identity,
    ingest_xid xid8 not null default pg_catalog.pg_current_xact_id(),
    constraint bronze_transactions_pkey primary key (id),
    constraint bronze_transactions_raw_data_check check (pg_catalog.jsonb_typeof(raw_data) = 'object'),
    constraint bronze_transactions_source_check check (source <> '')
) partition by range (id);
create table scout_partitions.bronze_transactions_default partition of scout.bronze_transactions default;

-- a partition for every month the rows' ids name, from two years back to two months
-- ahead; the rest waits in the default partition
do $months$
declare
    v_month date;
begin
    for v_month in
        select m::date
          from pg_catalog.generate_series(pg_catalog.date_trunc('month', pg_catalog.now() at time zone 'UTC'),
                                          pg_catalog.date_trunc('month', pg_catalog.now() at time zone 'UTC')
                                              + interval '2 months', interval '1 month') m
        union
        select distinct pg_catalog.date_trunc('month', pg_catalog.to_timestamp(
                   ('x' || pg_catalog.left(pg_catalog.replace(b.id::text, '-', ''), 12))::bit(48)::bigint / 1000.0)
                   at time zone 'UTC')::date
          from scout.bronze_transactions_unpartitioned b
         where pg_catalog.substr(b.id::text, 15, 1) = '7'
           and b.id >= (pg_catalog.lpad(pg_catalog.to_hex((extract(epoch from pg_catalog.date_trunc(
                   'month', pg_catalog.now() at time zone 'UTC') - interval '24 months') * 1000)::bigint), 12, '0')
                   || '00000000000000000000')::uuid
    loop
        execute pg_catalog.format(
            'create table scout_partitions.%I partition of scout.bronze_transactions for values from (%L) to (%L)',
            'bronze_transactions_' || pg_catalog.to_char(v_month, 'YYYY_MM'),
            (pg_catalog.lpad(pg_catalog.to_hex((extract(epoch from v_month::timestamp) * 1000)::bigint), 12, '0')
                || '00000000000000000000')::uuid,
            (pg_catalog.lpad(pg_catalog.to_hex((extract(epoch from v_month::timestamp + interval '1 month')
                * 1000)::bigint), 12, '0') || '00000000000000000000')::uuid);
    end loop;
end
$months$;

insert into scout.bronze_transactions (id, raw_data, source, source_filename, ingested_at, ingestion_batch_id,
                                       created_at, ingest_seq, ingest_xid)
    overriding system value
select id, raw_data, source, source_filename, ingested_at, ingestion_batch_id, created_at, ingest_seq, ingest_xid
  from scout.bronze_transactions_unpartitioned
 order by ingest_seq;
-- the counter of its writes is the new table's (layer_versions names tables by oid)
update ip_workbench.layer_versions set table_name = 'scout.bronze_transactions'::regclass
 where table_name = 'scout.bronze_transactions_unpartitioned'::regclass;
-- arrival order continues where it was (a rolled-back insert may have taken numbers past the last row)
select pg_catalog.setval('scout.bronze_transactions_ingest_seq_seq',
                         greatest(s.last_value, 1), s.is_called)
  from scout.bronze_transactions_unpartitioned_ingest_seq_seq s;
drop table scout.bronze_transactions_unpartitioned;

create index bronze_transactions_ingested_at_idx on scout.bronze_transactions (ingested_at desc);
create index bronze_transactions_ingest_xid_idx on scout.bronze_transactions (ingest_xid);
select ip_workbench.secure_table('scout.bronze_transactions');
-- append-only by grant (0008): the API roles insert the payload's columns and nothing else
revoke insert, update, delete, truncate on scout.bronze_transactions from service_role;
grant insert (raw_data, source, source_filename, ingestion_batch_id) on scout.bronze_transactions to service_role;

update ip_workbench.jobs
   set description = 'Daily 03:00: Bronze''s monthly partitions made ready two months ahead, then each layer''s retention.'
 where name = 'scout.purge_expired';
