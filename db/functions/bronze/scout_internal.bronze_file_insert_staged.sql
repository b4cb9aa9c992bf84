-- The one INSERT of a staged file's records into Bronze, in file order.
create or replace function scout_internal.bronze_file_insert_staged(
    p_kind text,
    p_batch_id text,
    p_source text,
    p_source_filename text
)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_loaded bigint;
begin
    execute pg_catalog.format(
        'insert into scout.%I (raw_data, source, source_filename, ingestion_batch_id)
         select s.raw_text::jsonb, $1, $2, $3
           from pg_temp.bronze_file_staging s
          where s.error is null
          order by s.record_no', 'bronze_' || p_kind)
        using p_source, p_source_filename, p_batch_id;
    get diagnostics v_loaded = row_count;
    return v_loaded;
end
$fn$;
comment on function scout_internal.bronze_file_insert_staged(text, text, text, text) is
    'Internal to scout_internal.bronze_file_load: inserts every staged record without an error into scout.bronze_<p_kind> in file order; returns how many.';
revoke all on function scout_internal.bronze_file_insert_staged(text, text, text, text) from public;
-- Owner only: scout-db ingest connects as the DBA; the API roles ingest through scout.ingest_*.
