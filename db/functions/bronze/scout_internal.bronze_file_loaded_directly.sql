-- The end of a clean file's load: scout-db ingest COPYed its records straight into
-- Bronze (no staging), so there is nothing left to judge; the manifest gets its counts.
create or replace function scout_internal.bronze_file_loaded_directly(p_batch_id text, p_rows bigint)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_kind text;
begin
    update scout_internal.ingest_manifest f
       set lines_read = p_rows, rows_loaded = p_rows, lines_rejected = 0
     where f.batch_id = p_batch_id
    returning f.kind into v_kind;
    if not found then
        raise exception 'no file claimed with batch id %', p_batch_id
            using errcode = '22023', hint = 'Call scout_internal.bronze_file_begin first, in the same transaction.';
    end if;
    if p_rows > 0 then
        -- as the ingest RPCs do: a listener (scout-db run --follow) brings the file to Silver at once
        perform pg_catalog.pg_notify('scout_bronze_arrived', v_kind);
    end if;
    return pg_catalog.jsonb_build_object(
        'batch_id', p_batch_id, 'lines_read', p_rows, 'rows_loaded', p_rows, 'lines_rejected', 0);
end
$fn$;
comment on function scout_internal.bronze_file_loaded_directly(text, bigint) is
    'Records in scout_internal.ingest_manifest that the file claimed as p_batch_id (scout_internal.bronze_file_begin) was COPYed straight into Bronze, p_rows records, none rejected, and announces them on NOTIFY scout_bronze_arrived as the ingest RPCs do. Returns {"batch_id", "lines_read", "rows_loaded", "lines_rejected"} as scout_internal.bronze_file_load does for a staged file.';
revoke all on function scout_internal.bronze_file_loaded_directly(text, bigint) from public;
-- Owner only: scout-db ingest connects as the DBA; the API roles ingest through scout.ingest_*.
