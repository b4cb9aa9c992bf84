-- Semantic search (CONTRACT v3): the Platinum sentences nearest a query vector by
-- cosine similarity, Supabase's match_documents convention, one signature whichever way
-- the vectors are stored (migration 0022):
-- * pgvector: ordered by the cosine distance operator, so the HNSW index serves it;
-- * real[]: a scan computing each row's dot product (the stored vectors are unit length).
-- Both run with the caller's rights: RLS limits an authenticated user to their stores'
-- sentences, as a plain read would. Only rows of the current model (setting
-- embedding_model) are compared: never two models' vectors in one ranking.
-- save_embeddings, its writing side, is made here too, for the same column type.
do $match$
declare
    v_type text := (select pg_catalog.format_type(a.atttypid, a.atttypmod) from pg_catalog.pg_attribute a
                     where a.attrelid = 'scout.platinum_transaction_embeddings'::regclass and a.attname = 'embedding'
                       and not a.attisdropped);
    v_schema text := (select n.nspname from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
                       join pg_catalog.pg_attribute a on a.atttypid = t.oid
                      where a.attrelid = 'scout.platinum_transaction_embeddings'::regclass and a.attname = 'embedding');
    v_vector boolean := v_type like '%vector%';
begin
    execute pg_catalog.format($body$
create or replace function scout.match_transactions(query_embedding real[], match_count integer default 10,
                                                    filter jsonb default '{}')
returns table (transaction_id text, text text, metadata jsonb, similarity double precision)
language plpgsql
stable
set search_path = ''
as $fn$
declare
    v_query real[] := scout_private.check_query_embedding(query_embedding, 384);
    v_count integer := least(greatest(coalesce(match_count, 10), 1), 100);
    v_model text := scout_private.embedding_model();
    v_norm double precision;
begin
    if filter is not null and pg_catalog.jsonb_typeof(filter) <> 'object' then
        raise exception 'filter must be a JSON object of metadata fields, e.g. {"category": "Beverages"}, not %%', filter
            using errcode = '22023';
    end if;
    %s
end
$fn$;$body$,
        case when v_vector then pg_catalog.format($q$
    -- the HNSW index returns ef_search candidates before RLS and the filter thin them
    perform pg_catalog.set_config('hnsw.ef_search', least(1000, greatest(40, v_count * 4))::text, true);
    return query
    select e.transaction_id, e.text, e.metadata,
           1 - (e.embedding operator(%1$I.<=>) v_query::%1$I.vector(384))::double precision
      from scout.platinum_transaction_embeddings e
     where e.embedding_model = v_model and e.metadata @> coalesce(filter, '{}')
     order by e.embedding operator(%1$I.<=>) v_query::%1$I.vector(384)
     limit v_count;$q$, v_schema)
        else $q$
    v_norm := pg_catalog.sqrt((select pg_catalog.sum(x::double precision * x) from pg_catalog.unnest(v_query) x));
    return query
    select e.transaction_id, e.text, e.metadata, d.dot / v_norm
      from scout.platinum_transaction_embeddings e
     cross join lateral (select pg_catalog.sum(a::double precision * b) as dot
                           from rows from (pg_catalog.unnest(e.embedding), pg_catalog.unnest(v_query)) u(a, b)) d
     where e.embedding_model = v_model and e.metadata @> coalesce(filter, '{}')
     order by d.dot desc, e.transaction_id
     limit v_count;$q$ end);

    execute pg_catalog.format($body$
create or replace function scout_internal.save_embeddings(p_model text, p_rows jsonb)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_saved bigint;
    v_bad text;
    v_version_before bigint := (select v.version from ip_workbench.layer_versions v
                                 where v.table_name = 'scout.platinum_transaction_embeddings'::regclass);
begin
    select r.transaction_id into v_bad
      from pg_catalog.jsonb_to_recordset(p_rows) r(transaction_id text, embedding real[])
     where pg_catalog.cardinality(r.embedding) is distinct from 384 limit 1;
    if v_bad is not null then
        raise exception 'the embedding of %% does not have 384 numbers', v_bad using errcode = '22023';
    end if;
    -- only where the text is still the one embedded: a rebuild may have changed it since
    update scout.platinum_transaction_embeddings e
       set embedding = %s, embedding_model = p_model, embedded_at = pg_catalog.now()
      from (select r.transaction_id, r.text, r.embedding,
                   pg_catalog.sqrt((select pg_catalog.sum(x::double precision * x) from pg_catalog.unnest(r.embedding) x)) as norm
              from pg_catalog.jsonb_to_recordset(p_rows) r(transaction_id text, text text, embedding real[])) r
     where e.transaction_id = r.transaction_id and e.text = r.text and r.norm > 0;
    get diagnostics v_saved = row_count;
    -- a write that adds or removes no sentence, logged as such: the data-quality checks
    -- keep judging Platinum by its changed keys (scout_internal.dq_writes_logged)
    insert into scout_internal.logged_writes (table_name, version_before, version_after)
    select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
     where v.table_name = 'scout.platinum_transaction_embeddings'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    return v_saved;
end
$fn$;$body$,
        case when v_vector then pg_catalog.format('(select pg_catalog.array_agg((x / r.norm)::real order by i) from pg_catalog.unnest(r.embedding) with ordinality u(x, i))::%I.vector(384)', v_schema)
             else '(select pg_catalog.array_agg((x / r.norm)::real order by i) from pg_catalog.unnest(r.embedding) with ordinality u(x, i))' end);
end
$match$;
comment on function scout.match_transactions(real[], integer, jsonb) is
    'Semantic search: the Platinum sentences (transaction_id, text, metadata, similarity) nearest query_embedding (384 numbers, a vector of the model of the setting embedding_model; scout-db search makes one from a question) by cosine similarity, best first; at most match_count (1 to 100, default 10); only rows whose metadata contains filter (e.g. {"category": "Beverages", "store_id": "ST-001"}). Runs with the caller''s rights: authenticated users see their stores'' sentences only. Uses pgvector''s HNSW index where the server has pgvector, else a scan of real[] vectors. A wrong vector raises 22023 or 22004 saying what is wrong.';
revoke all on function scout.match_transactions(real[], integer, jsonb) from public;
grant execute on function scout.match_transactions(real[], integer, jsonb) to authenticated, service_role;
comment on function scout_internal.save_embeddings(text, jsonb) is
    'Writes the vectors scout-db embed computed: p_rows is [{"transaction_id", "text", "embedding": [384 numbers]}…]; each is scaled to unit length and stored with model p_model and embedded_at = now(), on the row whose text is still the one embedded (a sentence changed meanwhile waits for the next pass), logged in scout_internal.logged_writes as a write that adds and removes no sentence. Returns the rows saved; raises 22023 for a vector of another length.';
revoke all on function scout_internal.save_embeddings(text, jsonb) from public;
grant execute on function scout_internal.save_embeddings(text, jsonb) to service_role;
