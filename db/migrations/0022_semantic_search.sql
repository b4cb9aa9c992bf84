-- Semantic search over Platinum (CONTRACT v3, "Semantic search"): every sentence gets
-- the vector of a real sentence-embedding model (scout-db embed), and
-- scout.match_transactions finds the nearest ones.
-- * embedding: pgvector's vector(384) where the server has pgvector (Supabase does),
--   with an HNSW index for cosine distance; real[] where it has not (Debian's
--   PostgreSQL 15 has no pgvector package), searched by a scan. 384: the dimensions of
--   all-MiniLM-L6-v2, the model scout-db ships; another model's width is a migration.
-- * embedding_model, embedded_at: which model made the vector, and when; a row of any
--   other model than the setting embedding_model is re-embedded, never searched.
-- Rows wait with a NULL embedding until the embedder reaches them.
alter table scout.platinum_transaction_embeddings add column embedding_model text;
alter table scout.platinum_transaction_embeddings add column embedded_at timestamptz;
do $embedding$
declare
    v_schema text := (select e.extnamespace::regnamespace::text from pg_catalog.pg_extension e where e.extname = 'vector');
begin
    if v_schema is null and exists (select 1 from pg_catalog.pg_available_extensions a where a.name = 'vector') then
        begin
            -- Supabase keeps its extensions in schema extensions
            if exists (select 1 from pg_catalog.pg_namespace n where n.nspname = 'extensions') then
                create extension vector with schema extensions;
                v_schema := 'extensions';
            else
                create extension vector;
                v_schema := (select e.extnamespace::regnamespace::text from pg_catalog.pg_extension e where e.extname = 'vector');
            end if;
        exception when insufficient_privilege then
            raise notice 'pgvector is available but this role may not create it: embeddings are stored as real[] (ask a superuser to create extension vector, then roll back and re-apply 0022)';
        end;
    end if;
    if v_schema is null then
        alter table scout.platinum_transaction_embeddings add column embedding real[];
    else
        execute pg_catalog.format('alter table scout.platinum_transaction_embeddings add column embedding %I.vector(384)', v_schema);
        -- the API roles run pgvector's casts and operators inside scout.match_transactions
        -- (this project revokes execute on new functions from public by default)
        execute (select pg_catalog.string_agg(pg_catalog.format('grant execute on function %s to authenticated, service_role',
                                                                 d.objid::regprocedure), '; ')
                   from pg_catalog.pg_depend d join pg_catalog.pg_extension x on x.oid = d.refobjid
                  where x.extname = 'vector' and d.classid = 'pg_catalog.pg_proc'::regclass and d.deptype = 'e');
        -- cosine distance, the operator scout.match_transactions orders by
        execute pg_catalog.format('create index platinum_transaction_embeddings_embedding_idx on scout.platinum_transaction_embeddings '
                                  'using hnsw (embedding %I.vector_cosine_ops)', v_schema);
    end if;
end
$embedding$;
-- the embedder's queue: rows without a vector of the current model
create index platinum_transaction_embeddings_unembedded_idx on scout.platinum_transaction_embeddings (transaction_id)
    where embedding is null;

insert into ip_workbench.settings (name, value, description) values
    ('embedding_model', '"sentence-transformers/all-MiniLM-L6-v2"',
     'The sentence-embedding model of Platinum''s vectors: scout-db embed writes it, rows of another model are re-embedded and never searched.');
