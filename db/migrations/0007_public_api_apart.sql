-- squawk-ignore-file ban-drop-function, ban-set-schema
-- (the internals leave the exposed schema: nothing outside the pipeline calls them)
-- The public API apart from the internals. PostgREST exposes every function of
-- an exposed schema as /rpc/<name>, so `scout` keeps only the contract's tables
-- and functions; the steps those call move to `scout_internal` (never exposed),
-- and the data generators to `scout_dev` (the owner's only). Their bodies come
-- from db/functions, re-applied after this migration; the copies in `scout` go.

create schema if not exists scout_internal;
comment on schema scout_internal is 'Internal steps of the public pipeline functions (parsers, merges, file loading, job bookkeeping). Never exposed through PostgREST; service_role may execute what the public functions call under its rights.';
revoke all on schema scout_internal from public;
grant usage on schema scout_internal to service_role;

create schema if not exists scout_dev;
comment on schema scout_dev is 'Generators of realistic demo, test and benchmark data. For the owner (DBA) only; production never needs them.';
revoke all on schema scout_dev from public;

drop function if exists scout.bronze_file_begin(text, text, text, text, bigint, boolean);
drop function if exists scout.bronze_file_load(text);
drop function if exists scout.bronze_file_load_range(text, text, text, text, bigint, bigint);
drop function if exists scout.ingest_into_bronze(text, jsonb, text, text);
drop function if exists scout.parse_transaction_payload(jsonb);
drop function if exists scout.parse_product_payload(jsonb);
drop function if exists scout.parse_money(text);
drop function if exists scout.parse_decimal(text);
drop function if exists scout.parse_int(text);
drop function if exists scout.iso_timestamptz(text);
drop function if exists scout.iso_date(text);
drop function if exists scout.silver_merge_transactions(pg_snapshot);
drop function if exists scout.silver_merge_products(pg_snapshot);
drop function if exists scout.seed_bronze(bigint, bigint, date);
drop function if exists scout.generate_transactions(bigint, bigint, date);
drop function if exists scout.generate_products(bigint);
drop function if exists scout.seed_uniform(bigint, bigint, int);
drop function if exists ip_workbench.start_job(text, int, boolean, timestamptz);
drop function if exists ip_workbench.record_job_run(text, timestamptz, text, jsonb);
drop function if exists ip_workbench.advance_watermark(text, pg_snapshot, xid8, bigint);
drop function if exists ip_workbench.is_unprocessed(xid8, bigint, pg_snapshot, xid8, pg_snapshot, xid8, bigint);
drop function if exists ip_workbench.touch_table(text, text, bigint, bigint, timestamptz);

-- Objects tables depend on move rather than go: Bronze's id default keeps
-- pointing at the same function.
alter function scout.uuid_v7() set schema scout_internal;
alter type scout.transaction_payload_values set schema scout_internal;

-- Comments promise only what is built (the data catalog is generated from them).
comment on table scout.bronze_transactions is 'Raw transaction payloads exactly as received from the ingest RPC or scout-db ingest. Append-only; Silver judges them.';
comment on table scout.bronze_products is 'Raw product payloads exactly as received. Append-only; Silver judges them.';
comment on table scout.ref_categories is 'Allowed transaction categories. DBAs add rows or retire them (is_active = false); Silver applies the list to the rows it judges from then on.';

-- Tunables of the pipeline, read by the functions at run time, so a DBA changes
-- behaviour with an UPDATE instead of a code change.
create table ip_workbench.settings (
    name text not null,
    value jsonb not null,
    description text not null,
    updated_at timestamptz not null default pg_catalog.now(),
    constraint settings_pkey primary key (name),
    constraint settings_name_check check (name ~ '^[a-z][a-z0-9_]*$')
);
select ip_workbench.secure_table('ip_workbench.settings');
comment on table ip_workbench.settings is 'Tunables of the pipeline, one row per setting, read by the pipeline functions at run time: change one with update ip_workbench.settings set value = … where name = ….';
comment on column ip_workbench.settings.name is 'Setting name (snake_case).';
comment on column ip_workbench.settings.value is 'Its value as JSON (a number, a string, a boolean).';
comment on column ip_workbench.settings.description is 'What it controls, its unit and its default.';
comment on column ip_workbench.settings.updated_at is 'When it was last changed.';
insert into ip_workbench.settings (name, value, description) values
    ('silver_probe_ratio', '8',
     'refresh_silver joins its winners to Silver by one index probe per key while winners x this ratio < Silver''s estimated rows, else by one hash join over Silver. Default 8.'),
    ('gold_hash_rebuild_days', '2000',
     'refresh_gold re-aggregates with one hash join over Silver once more than this many (category, day) pairs changed, else by index probes per day. Default 2000.');
insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('ip_workbench', 'settings', 'metadata', 'Tunables of the pipeline');
