-- Loads staged records record_no p_first..p_last into Bronze in one statement; when
-- one of them is not a JSON object, splits the range in halves and recurses, so a
-- clean file costs one INSERT and each bad record costs about log2(lines) more.
create or replace function scout_internal.bronze_file_load_range(
    p_kind text,
    p_batch_id text,
    p_source text,
    p_source_filename text,
    p_first bigint,
    p_last bigint
)
returns bigint
language plpgsql
volatile
set search_path = ''
set client_min_messages = warning
as $fn$
declare
    v_loaded bigint;
    v_middle bigint;
    v_message text;
    v_detail text;
begin
    if p_first > p_last then
        return 0;
    end if;
    begin
        execute pg_catalog.format(
            'insert into scout.%I (raw_data, source, source_filename, ingestion_batch_id)
             select s.raw_text::jsonb, $1, $2, $3
               from pg_temp.bronze_file_staging s
              where s.error is null and s.record_no between $4 and $5
              order by s.record_no', 'bronze_' || p_kind)
            using p_source, p_source_filename, p_batch_id, p_first, p_last;
        get diagnostics v_loaded = row_count;
        return v_loaded;
    exception
        when data_exception or check_violation then
            if p_first = p_last then
                get stacked diagnostics v_message = message_text, v_detail = pg_exception_detail;
                update pg_temp.bronze_file_staging s
                   set error = case when v_message like '%bronze_%_raw_data_check%'
                                    then 'valid JSON but not an object: each record must be one JSON object'
                                    else v_message || coalesce(': ' || nullif(v_detail, ''), '') end
                 where s.record_no = p_first;
                return 0;
            end if;
    end;
    -- Only files with bad records get here; the index keeps the halves' reads short.
    create index if not exists bronze_file_staging_record_no_idx on pg_temp.bronze_file_staging (record_no);
    v_middle := p_first + (p_last - p_first) / 2;
    return scout_internal.bronze_file_load_range(p_kind, p_batch_id, p_source, p_source_filename, p_first, v_middle)
         + scout_internal.bronze_file_load_range(p_kind, p_batch_id, p_source, p_source_filename, v_middle + 1, p_last);
end
$fn$;
comment on function scout_internal.bronze_file_load_range(text, text, text, text, bigint, bigint) is
    'Internal to scout_internal.bronze_file_load: stores the staged records numbered p_first..p_last that are JSON objects in scout.bronze_<p_kind> and marks each other record with its parser error. Returns the number stored.';
revoke all on function scout_internal.bronze_file_load_range(text, text, text, text, bigint, bigint) from public;
-- Owner only: scout-db ingest connects as the DBA; the API roles ingest through scout.ingest_*.
