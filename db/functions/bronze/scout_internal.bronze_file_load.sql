-- Second half of loading one file: staged records into Bronze, the unparseable
-- ones into scout.bronze_ingest_errors, counts into the manifest.
create or replace function scout_internal.bronze_file_load(p_batch_id text)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_file scout_internal.ingest_manifest;
    v_lines bigint;
    v_first bigint;
    v_last bigint;
    v_loaded bigint := 0;
    v_rejected bigint;
begin
    perform 'PRAGMA:TABLE: bronze_file_staging (record_no bigint, line_no bigint, raw_text text, error text)';
    select * into v_file from scout_internal.ingest_manifest f where f.batch_id = p_batch_id;
    if not found then
        raise exception 'no file claimed with batch id %', p_batch_id
            using errcode = '22023', hint = 'Call scout_internal.bronze_file_begin first, in the same transaction.';
    end if;
    if pg_catalog.to_regclass('pg_temp.bronze_file_staging') is null then
        raise exception 'pg_temp.bronze_file_staging does not exist in this session'
            using errcode = '55000', hint = 'Call scout_internal.bronze_file_begin first, in the same transaction.';
    end if;

    select pg_catalog.count(*), pg_catalog.min(s.record_no), pg_catalog.max(s.record_no)
      into v_lines, v_first, v_last
      from pg_temp.bronze_file_staging s;
    if v_lines > 0 then
        -- A clean file (the usual case) is one INSERT. One with bad records is probed
        -- for them without writes (scout_internal.bronze_file_probe_range), then the
        -- rest is inserted at once.
        begin
            v_loaded := scout_internal.bronze_file_insert_staged(v_file.kind, p_batch_id, v_file.source,
                                                                  v_file.source_filename);
        exception
            when data_exception or check_violation or program_limit_exceeded then
                create index if not exists bronze_file_staging_record_no_idx on pg_temp.bronze_file_staging (record_no);
                perform scout_internal.bronze_file_probe_range(v_first, v_last);
                v_loaded := scout_internal.bronze_file_insert_staged(v_file.kind, p_batch_id, v_file.source,
                                                                      v_file.source_filename);
        end;
    end if;

    insert into scout.bronze_ingest_errors (batch_id, kind, source_filename, line_number, raw_text, error)
    select p_batch_id, v_file.kind, v_file.source_filename, s.line_no, s.raw_text, s.error
      from pg_temp.bronze_file_staging s
     where s.error is not null
     order by s.record_no;
    get diagnostics v_rejected = row_count;

    update scout_internal.ingest_manifest f
       set lines_read = v_lines, rows_loaded = v_loaded, lines_rejected = v_rejected
     where f.batch_id = p_batch_id;
    if v_loaded > 0 then
        -- as the ingest RPCs do: a listener (scout-db run --follow) brings the file to Silver at once
        perform pg_catalog.pg_notify('scout_bronze_arrived', v_file.kind);
    end if;

    return pg_catalog.jsonb_build_object(
        'batch_id', p_batch_id, 'lines_read', v_lines, 'rows_loaded', v_loaded, 'lines_rejected', v_rejected);
end
$fn$;
comment on function scout_internal.bronze_file_load(text) is
    'Loads pg_temp.bronze_file_staging (filled by scout-db ingest after scout_internal.bronze_file_begin) into Bronze: JSON objects become rows, everything else goes to scout.bronze_ingest_errors with its line and error; loaded rows are announced on NOTIFY scout_bronze_arrived as the ingest RPCs do. Returns {"batch_id", "lines_read", "rows_loaded", "lines_rejected"}.';
revoke all on function scout_internal.bronze_file_load(text) from public;
-- Owner only: scout-db ingest connects as the DBA; the API roles ingest through scout.ingest_*.
