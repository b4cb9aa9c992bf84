-- First half of loading one file (scout-db ingest): claim it in the manifest and
-- make the staging table the runner COPYs its records into.
create or replace function scout_internal.bronze_file_begin(
    p_kind text,
    p_sha256 text,
    p_source_filename text,
    p_source text,
    p_size_bytes bigint,
    p_force boolean default false
)
returns text
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_batch_id text := 'file-' || pg_catalog.gen_random_uuid()::text;
    v_claimed text;
begin
    if p_kind is null or p_kind not in ('transactions', 'products') then
        raise exception 'kind must be transactions or products, got %', coalesce(p_kind, 'NULL')
            using errcode = '22023';
    end if;
    if p_sha256 is null or p_sha256 !~ '^[0-9a-f]{64}$' then
        raise exception 'sha256 must be 64 lowercase hex digits, got %', coalesce(p_sha256, 'NULL')
            using errcode = '22023';
    end if;
    if p_source is null or pg_catalog.btrim(p_source) = '' then
        raise exception 'source must be a non-empty name such as csv or gdrive' using errcode = '22023';
    end if;
    -- source is an index key and source_filename a label: both stay short enough for either
    if pg_catalog.length(p_source) > 200 then
        raise exception 'source is % characters long, more than the 200 allowed', pg_catalog.length(p_source)
            using errcode = '22023', hint = 'Name the source system (api, webhook, gdrive, …), not the data.';
    end if;
    if pg_catalog.length(p_source_filename) > 2000 then
        raise exception 'source_filename is % characters long, more than the 2000 allowed',
            pg_catalog.length(p_source_filename)
            using errcode = '22023', hint = 'Give the file name or the webhook URL, without its payload.';
    end if;

    -- A concurrent load of the same file waits here on the key until the first commits.
    insert into scout_internal.ingest_manifest as f (kind, sha256, batch_id, source, source_filename, size_bytes)
    values (p_kind, p_sha256, v_batch_id, p_source, p_source_filename, p_size_bytes)
    on conflict (kind, sha256) do update
       set batch_id = excluded.batch_id, source = excluded.source, source_filename = excluded.source_filename,
           lines_read = null, rows_loaded = null, lines_rejected = null, loaded_at = pg_catalog.now()
     where p_force
    returning f.batch_id into v_claimed;
    if v_claimed is null then
        return null;
    end if;

    if pg_catalog.to_regclass('pg_temp.bronze_file_staging') is not null then
        drop table pg_temp.bronze_file_staging;
    end if;
    create temp table bronze_file_staging (
        record_no bigint not null,
        line_no bigint not null,
        raw_text text not null,
        error text
    ) on commit drop;
    return v_batch_id;
end
$fn$;
comment on function scout_internal.bronze_file_begin(text, text, text, text, bigint, boolean) is
    'Claims a file (by kind and SHA-256) in scout_internal.ingest_manifest and creates pg_temp.bronze_file_staging(record_no, line_no, raw_text, error) for its records; returns the new batch id, or NULL when the file was loaded before and p_force is false. Call scout_internal.bronze_file_load(batch_id) in the same transaction.';
revoke all on function scout_internal.bronze_file_begin(text, text, text, text, bigint, boolean) from public;
-- Owner only: scout-db ingest connects as the DBA; the API roles ingest through scout.ingest_*.
