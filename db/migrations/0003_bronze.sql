-- Bronze: every payload exactly as received, append-only, never judged here.

-- Row ids that grow with time (UUID version 7: 48-bit Unix milliseconds, then
-- random bits) keep the primary-key index append-only, so bulk loads do not
-- scatter writes over the whole index as random v4 ids do. Tables' defaults
-- depend on it, so it lives here rather than in db/functions.
create function scout.uuid_v7()
returns uuid
language sql
volatile
parallel safe
as $uuid$
    select pg_catalog.encode(
        pg_catalog.set_bit(pg_catalog.set_bit(
            pg_catalog.overlay(pg_catalog.uuid_send(pg_catalog.gen_random_uuid()),
                               pg_catalog.substr(pg_catalog.int8send(
                                   pg_catalog.floor(extract(epoch from pg_catalog.clock_timestamp()) * 1000)::bigint), 3),
                               1, 6),
            52, 1), 53, 1),
        'hex')::uuid
$uuid$;
comment on function scout.uuid_v7() is 'A new UUID version 7 (time-ordered: milliseconds since 1970, then random bits), the default id of Bronze rows.';
revoke all on function scout.uuid_v7() from public;
grant execute on function scout.uuid_v7() to service_role;

create table scout.bronze_transactions (
    id uuid not null default scout.uuid_v7(),
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
create index bronze_transactions_ingested_at_idx on scout.bronze_transactions (ingested_at desc);
create index bronze_transactions_source_idx on scout.bronze_transactions (source);
create index bronze_transactions_ingest_xid_idx on scout.bronze_transactions (ingest_xid);
select ip_workbench.secure_table('scout.bronze_transactions');
comment on table scout.bronze_transactions is 'Raw transaction payloads exactly as received from the ingest RPC or scout-db ingest. Append-only; Silver judges them. Kept until retention (default 90 days).';
comment on column scout.bronze_transactions.id is 'Row id (uuid); Silver and the rejected table point here as bronze_id.';
comment on column scout.bronze_transactions.raw_data is 'The payload as received: one JSON object (see the contract''s transaction payload).';
comment on column scout.bronze_transactions.source is 'Source system: api, csv, gdrive, webhook, seed, …';
comment on column scout.bronze_transactions.source_filename is 'Original file name or webhook URL, when there is one.';
comment on column scout.bronze_transactions.ingested_at is 'When the ingest call''s transaction started.';
comment on column scout.bronze_transactions.ingestion_batch_id is 'One id per ingest call or file; scout.bronze_ingest_files maps file batches to files.';
comment on column scout.bronze_transactions.created_at is 'Row creation time (same as ingested_at; kept for the original schema).';
comment on column scout.bronze_transactions.ingest_seq is 'Arrival order across all calls: of two versions of one transaction_id the higher ingest_seq is the later one.';
comment on column scout.bronze_transactions.ingest_xid is 'Inserting transaction id: refresh_silver reads exactly the rows committed since its last snapshot (ip_workbench.watermarks).';

create table scout.bronze_products (
    id uuid not null default scout.uuid_v7(),
    raw_data jsonb not null,
    source text not null default 'api',
    source_filename text,
    ingested_at timestamptz not null default pg_catalog.now(),
    ingestion_batch_id text,
    created_at timestamptz default pg_catalog.now(),
    ingest_seq bigint generated always as identity,
    ingest_xid xid8 not null default pg_catalog.pg_current_xact_id(),
    constraint bronze_products_pkey primary key (id),
    constraint bronze_products_raw_data_check check (pg_catalog.jsonb_typeof(raw_data) = 'object'),
    constraint bronze_products_source_check check (source <> '')
);
create index bronze_products_ingested_at_idx on scout.bronze_products (ingested_at desc);
create index bronze_products_source_idx on scout.bronze_products (source);
create index bronze_products_ingest_xid_idx on scout.bronze_products (ingest_xid);
select ip_workbench.secure_table('scout.bronze_products');
comment on table scout.bronze_products is 'Raw product payloads exactly as received. Append-only; Silver judges them. Kept until retention (default 90 days).';
comment on column scout.bronze_products.id is 'Row id (uuid); Silver and the rejected table point here as bronze_id.';
comment on column scout.bronze_products.raw_data is 'The payload as received: one JSON object (see the contract''s product payload).';
comment on column scout.bronze_products.source is 'Source system: api, csv, gdrive, webhook, seed, …';
comment on column scout.bronze_products.source_filename is 'Original file name or webhook URL, when there is one.';
comment on column scout.bronze_products.ingested_at is 'When the ingest call''s transaction started.';
comment on column scout.bronze_products.ingestion_batch_id is 'One id per ingest call or file.';
comment on column scout.bronze_products.created_at is 'Row creation time (same as ingested_at; kept for the original schema).';
comment on column scout.bronze_products.ingest_seq is 'Arrival order across all calls.';
comment on column scout.bronze_products.ingest_xid is 'Inserting transaction id, for refresh_silver''s snapshot watermark.';

create table scout.bronze_ingest_files (
    kind text not null,
    sha256 text not null,
    batch_id text not null,
    source text not null,
    source_filename text not null,
    size_bytes bigint not null,
    lines_read bigint,
    rows_loaded bigint,
    lines_rejected bigint,
    loaded_at timestamptz not null default pg_catalog.now(),
    constraint bronze_ingest_files_pkey primary key (kind, sha256),
    constraint bronze_ingest_files_batch_id_key unique (batch_id),
    constraint bronze_ingest_files_kind_check check (kind in ('transactions', 'products')),
    constraint bronze_ingest_files_sha256_check check (sha256 ~ '^[0-9a-f]{64}$')
);
select ip_workbench.secure_table('scout.bronze_ingest_files');
comment on table scout.bronze_ingest_files is 'Manifest of files loaded by scout-db ingest: a file (by content hash) is loaded once per kind; loading it again is a no-op unless forced.';
comment on column scout.bronze_ingest_files.kind is 'transactions or products: the Bronze table the file went to.';
comment on column scout.bronze_ingest_files.sha256 is 'SHA-256 of the file''s bytes (hex).';
comment on column scout.bronze_ingest_files.batch_id is 'ingestion_batch_id given to the file''s rows in Bronze.';
comment on column scout.bronze_ingest_files.source is 'Source recorded on the file''s Bronze rows.';
comment on column scout.bronze_ingest_files.source_filename is 'File name as given to scout-db ingest.';
comment on column scout.bronze_ingest_files.size_bytes is 'File size in bytes.';
comment on column scout.bronze_ingest_files.lines_read is 'Records read from the file (non-blank lines, CSV rows or array elements).';
comment on column scout.bronze_ingest_files.rows_loaded is 'Records stored in Bronze.';
comment on column scout.bronze_ingest_files.lines_rejected is 'Records that could not be parsed, stored in scout.bronze_ingest_errors.';
comment on column scout.bronze_ingest_files.loaded_at is 'When the file was (last) loaded.';

create table scout.bronze_ingest_errors (
    id bigint generated always as identity,
    batch_id text not null,
    kind text not null,
    source_filename text not null,
    line_number bigint not null,
    raw_text text not null,
    error text not null,
    created_at timestamptz not null default pg_catalog.now(),
    constraint bronze_ingest_errors_pkey primary key (id),
    constraint bronze_ingest_errors_kind_check check (kind in ('transactions', 'products'))
);
create index bronze_ingest_errors_batch_id_idx on scout.bronze_ingest_errors (batch_id);
select ip_workbench.secure_table('scout.bronze_ingest_errors');
comment on table scout.bronze_ingest_errors is 'Records of ingested files that could not be parsed as a JSON object: kept with file, line and parser error so nothing is silently dropped.';
comment on column scout.bronze_ingest_errors.id is 'Error row id.';
comment on column scout.bronze_ingest_errors.batch_id is 'The file''s batch id (scout.bronze_ingest_files.batch_id).';
comment on column scout.bronze_ingest_errors.kind is 'transactions or products.';
comment on column scout.bronze_ingest_errors.source_filename is 'File the record came from.';
comment on column scout.bronze_ingest_errors.line_number is '1-based line where the record starts.';
comment on column scout.bronze_ingest_errors.raw_text is 'The record''s text as read (undecodable bytes shown as \xNN escapes).';
comment on column scout.bronze_ingest_errors.error is 'Why it could not be loaded (parser message).';
comment on column scout.bronze_ingest_errors.created_at is 'When it was recorded.';

insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('scout', 'bronze_transactions', 'bronze', 'Raw transaction payloads'),
    ('scout', 'bronze_products', 'bronze', 'Raw product payloads');
