-- The one implementation behind scout.ingest_transactions and scout.ingest_products.
create or replace function scout_internal.ingest_into_bronze(
    p_kind text,
    p_payload jsonb,
    p_source text,
    p_source_filename text
)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_max_objects constant int := 100000;
    v_items jsonb;
    v_count int;
    v_bad_position int;
    v_bad_type text;
    v_batch_id text := pg_catalog.gen_random_uuid()::text;
    v_inserted bigint;
begin
    if p_kind not in ('transactions', 'products') then
        raise exception 'unknown kind %: expected transactions or products', p_kind
            using errcode = '22023';
    end if;
    if p_payload is null then
        raise exception 'payload is missing: nothing was stored'
            using errcode = '22023', hint = 'Send one JSON object or an array of JSON objects.';
    end if;
    if p_source is null or pg_catalog.btrim(p_source) = '' then
        raise exception 'source must be a non-empty name such as api or webhook: nothing was stored'
            using errcode = '22023';
    end if;
    -- source is an index key and source_filename a label: both stay short enough for either
    if pg_catalog.length(p_source) > 200 then
        raise exception 'source is % characters long, more than the 200 allowed: nothing was stored', pg_catalog.length(p_source)
            using errcode = '22023', hint = 'Name the source system (api, webhook, gdrive, …), not the data.';
    end if;
    if pg_catalog.length(p_source_filename) > 2000 then
        raise exception 'source_filename is % characters long, more than the 2000 allowed: nothing was stored',
            pg_catalog.length(p_source_filename)
            using errcode = '22023', hint = 'Give the file name or the webhook URL, without its payload.';
    end if;

    case pg_catalog.jsonb_typeof(p_payload)
        when 'object' then
            v_items := pg_catalog.jsonb_build_array(p_payload);
        when 'array' then
            v_items := p_payload;
        else
            raise exception 'payload must be a JSON object or an array of objects, got a %: nothing was stored',
                pg_catalog.jsonb_typeof(p_payload)
                using errcode = '22023', hint = 'Send one JSON object or an array of JSON objects.';
    end case;

    v_count := pg_catalog.jsonb_array_length(v_items);
    if v_count > v_max_objects then
        raise exception 'payload holds % objects, more than the % one call accepts: nothing was stored',
            v_count, v_max_objects
            using errcode = '54000', hint = 'Split it into smaller calls, or load it as a file with scout-db ingest.';
    end if;

    select e.position, pg_catalog.jsonb_typeof(e.item)
      into v_bad_position, v_bad_type
      from pg_catalog.jsonb_array_elements(v_items) with ordinality as e(item, position)
     where pg_catalog.jsonb_typeof(e.item) <> 'object'
     order by e.position
     limit 1;
    if found then
        raise exception 'payload element % is a %, not an object: nothing was stored', v_bad_position, v_bad_type
            using errcode = '22023', hint = 'Every element of the array must be a JSON object.';
    end if;

    execute pg_catalog.format(
        'insert into scout.%I (raw_data, source, source_filename, ingestion_batch_id)
         select e.item, $1, $2, $3
           from pg_catalog.jsonb_array_elements($4) with ordinality as e(item, position)
          order by e.position',
        'bronze_' || p_kind)
        using p_source, p_source_filename, v_batch_id, v_items;
    get diagnostics v_inserted = row_count;
    -- for a listener (scout-db run --follow) to bring them to Silver at once; delivered at
    -- commit, and one per transaction however many calls it makes
    perform pg_catalog.pg_notify('scout_bronze_arrived', p_kind);

    return pg_catalog.jsonb_build_object('batch_id', v_batch_id, 'received', v_count, 'inserted', v_inserted);
end
$fn$;
comment on function scout_internal.ingest_into_bronze(text, jsonb, text, text) is
    'Stores one JSON object or an array of objects in scout.bronze_<p_kind> in one statement, all or nothing; raises 22023 (bad payload or source) or 54000 (too many objects) and stores nothing otherwise.';
revoke all on function scout_internal.ingest_into_bronze(text, jsonb, text, text) from public;
grant execute on function scout_internal.ingest_into_bronze(text, jsonb, text, text) to service_role;
