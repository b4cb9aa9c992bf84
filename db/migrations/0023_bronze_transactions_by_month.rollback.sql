-- Bronze transactions in one table again, every row kept with all its columns.
lock table scout.bronze_transactions in access exclusive mode;
drop view if exists scout_checks.bronze_transactions_have_required_keys,
    scout_checks.every_bronze_transaction_is_accounted_for, scout_checks.registry_row_counts_match,
    scout_checks.silver_accepts_bronze, scout_checks.silver_lineage_reaches_bronze,
    scout_checks.silver_rejections_reach_bronze;
drop function if exists scout_internal.has_unprocessed_bronze();

alter table scout.bronze_transactions rename to bronze_transactions_partitioned;
alter index scout.bronze_transactions_pkey rename to bronze_transactions_partitioned_pkey;
alter sequence scout.bronze_transactions_ingest_seq_seq rename to bronze_transactions_partitioned_ingest_seq_seq;
drop index scout.bronze_transactions_ingested_at_idx;
drop index scout.bronze_transactions_ingest_xid_idx;

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
);
insert into scout.bronze_transactions (id, raw_data, source, source_filename, ingested_at, ingestion_batch_id,
                                       created_at, ingest_seq, ingest_xid)
    overriding system value
select id, raw_data, source, source_filename, ingested_at, ingestion_batch_id, created_at, ingest_seq, ingest_xid
  from scout.bronze_transactions_partitioned
 order by ingest_seq;
update ip_workbench.layer_versions set table_name = 'scout.bronze_transactions'::regclass
 where table_name = 'scout.bronze_transactions_partitioned'::regclass;
select pg_catalog.setval('scout.bronze_transactions_ingest_seq_seq', greatest(s.last_value, 1), s.is_called)
  from scout.bronze_transactions_partitioned_ingest_seq_seq s;
drop table scout.bronze_transactions_partitioned;
drop schema scout_partitions;

create index bronze_transactions_ingested_at_idx on scout.bronze_transactions (ingested_at desc);
create index bronze_transactions_ingest_xid_idx on scout.bronze_transactions (ingest_xid);
select ip_workbench.secure_table('scout.bronze_transactions');
revoke insert, update, delete, truncate on scout.bronze_transactions from service_role;
grant insert (raw_data, source, source_filename, ingestion_batch_id) on scout.bronze_transactions to service_role;

update ip_workbench.jobs set description = 'Daily 03:00: each layer''s retention.' where name = 'scout.purge_expired';
