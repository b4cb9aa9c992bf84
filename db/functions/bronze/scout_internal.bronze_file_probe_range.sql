-- Finds the bad records of a staged file without writing in a subtransaction:
-- probe records p_first..p_last with a read-only cast; on a data error split the
-- range in halves. Each bad record costs about log2(lines) probes, no probe takes
-- a transaction id (it writes nothing), and at most one subtransaction is open.
create or replace function scout_internal.bronze_file_probe_range(p_first bigint, p_last bigint)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_non_objects bigint;
    v_message text;
    v_detail text;
begin
    perform 'PRAGMA:TABLE: bronze_file_staging (record_no bigint, line_no bigint, raw_text text, error text)';
    if p_first > p_last then
        return;
    end if;
    begin
        select pg_catalog.count(*) filter (where pg_catalog.jsonb_typeof(s.raw_text::jsonb) <> 'object')
          into v_non_objects
          from pg_temp.bronze_file_staging s
         where s.error is null and s.record_no between p_first and p_last;
    exception
        when data_exception or program_limit_exceeded then
            if p_first = p_last then
                get stacked diagnostics v_message = message_text, v_detail = pg_exception_detail;
                -- the handler runs after the probe's subtransaction ended: this write is the caller's
                update pg_temp.bronze_file_staging s
                   set error = v_message || coalesce(': ' || nullif(v_detail, ''), '')
                 where s.record_no = p_first;
                return;
            end if;
    end;
    if v_non_objects is null then
        perform scout_internal.bronze_file_probe_range(p_first, p_first + (p_last - p_first) / 2);
        perform scout_internal.bronze_file_probe_range(p_first + (p_last - p_first) / 2 + 1, p_last);
    elsif v_non_objects > 0 then
        update pg_temp.bronze_file_staging s
           set error = 'valid JSON but not an object: each record must be one JSON object'
         where s.error is null and s.record_no between p_first and p_last
           and pg_catalog.jsonb_typeof(s.raw_text::jsonb) <> 'object';
    end if;
end
$fn$;
comment on function scout_internal.bronze_file_probe_range(bigint, bigint) is
    'Internal to scout_internal.bronze_file_load: marks each staged record numbered p_first..p_last that is not a JSON object (pg_temp.bronze_file_staging.error) with the parser''s message, probing without writes.';
revoke all on function scout_internal.bronze_file_probe_range(bigint, bigint) from public;
-- Owner only: scout-db ingest connects as the DBA; the API roles ingest through scout.ingest_*.
