-- Platinum's sentences: one per Silver transaction since p_since, the product named
-- where the catalogue knows its SKU. Written whole into an empty table, straight from
-- Silver, with its indexes built after the rows (a first build: nothing reads it yet);
-- otherwise staged and merged, so an unchanged sentence keeps its embedding (scout-db
-- embed).
create or replace function scout_internal.platinum_build_embeddings(p_since date)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_written bigint;
    v_dropped bigint;
    v_version_before bigint;
    v_first boolean;
    v_index_definitions text[];
    v_index text;
    -- The sentences as one query ($1: p_since), for the first build's insert and the
    -- merge's staging table alike
    v_sentences constant text := $sentences$
    select s.transaction_id,
           -- to_char, not ::text: a date's text form follows the session's DateStyle
           'On ' || pg_catalog.to_char(s.transaction_date, 'YYYY-MM-DD') || ', a ' || s.category || coalesce(' / ' || s.subcategory, '')
               || ' purchase of ' || s.amount::text || ' ' || s.currency
               -- the product by name where the catalogue knows the SKU: a question about
               -- "cola" can match a sentence, never a code
               || coalesce(' for ' || s.quantity::text || ' x ' || p.name || coalesce(' by ' || p.brand, ''), '')
               || coalesce(' at store ' || s.store_id, '')
               || coalesce(' from ' || s.vendor_name, '')
               || coalesce(', paid by ' || s.payment_method, '')
               || coalesce(': ' || s.description, '') || '.' as text,
           -- to_jsonb of a row: the same object as jsonb_build_object of its columns, in half the time
           pg_catalog.jsonb_strip_nulls(pg_catalog.to_jsonb(m)) as metadata,
           s.transaction_date,
           s.store_id  -- who may read the sentence depends on it
      from scout.silver_validated_transactions s
      left join scout.silver_products p on p.sku = s.sku
     cross join lateral (select s.transaction_id, s.transaction_date, s.amount, s.currency, s.category,
                                s.subcategory, s.store_id, s.vendor_name, s.vendor_id, s.customer_id, s.sku,
                                p.name as product_name, p.brand, s.quantity, s.tax_amount, s.payment_method) m
     where s.transaction_date >= $1
$sentences$;
begin
    perform scout_internal.require_job_lock('scout.refresh_platinum', 'scout_internal.platinum_build_embeddings');
    if pg_catalog.to_regclass('pg_temp.platinum_sentences') is not null then
        drop table pg_temp.platinum_sentences;
    end if;
    v_first := not exists (select 1 from scout.platinum_transaction_embeddings);
    if v_first then
        if (select c.reltuples from pg_catalog.pg_class c
             where c.oid = 'scout.silver_validated_transactions'::regclass)
           >= (scout_internal.setting('silver_first_load_rebuilds_indexes_from'))::bigint then
            v_index_definitions := scout_internal.drop_indexes_for_load('scout.platinum_transaction_embeddings');
        end if;
        execute 'insert into scout.platinum_transaction_embeddings (transaction_id, text, metadata, transaction_date, store_id) '
                || v_sentences using p_since;
        get diagnostics v_written = row_count;
        foreach v_index in array coalesce(v_index_definitions, '{}') loop
            execute v_index;
        end loop;
        return pg_catalog.jsonb_build_object('embeddings', v_written, 'written', v_written, 'dropped', 0);
    end if;
    perform 'PRAGMA:TABLE: platinum_sentences (transaction_id text, text text, metadata jsonb, transaction_date date, store_id text)';
    execute 'create temp table platinum_sentences on commit drop as ' || v_sentences using p_since;
    -- a merge, not a rewrite: a sentence whose text did not change keeps its vector,
    -- so a rebuilt Platinum re-embeds only what is new or changed
    -- the sentences added and removed are logged for the data-quality checks, which
    -- then judge only those keys (scout_internal.platinum_changed_keys, logged_writes)
    v_version_before := (select v.version from ip_workbench.layer_versions v
                          where v.table_name = 'scout.platinum_transaction_embeddings'::regclass);
    with dropped as (
        delete from scout.platinum_transaction_embeddings e
         where not exists (select 1 from pg_temp.platinum_sentences n where n.transaction_id = e.transaction_id)
        returning e.transaction_id)
    insert into scout_internal.platinum_changed_keys (transaction_id) select d.transaction_id from dropped d;
    get diagnostics v_dropped = row_count;
    with written as (
    insert into scout.platinum_transaction_embeddings as e (transaction_id, text, metadata, transaction_date, store_id)
    select n.transaction_id, n.text, n.metadata, n.transaction_date, n.store_id from pg_temp.platinum_sentences n
    on conflict (transaction_id) do update
       set text = excluded.text, metadata = excluded.metadata, transaction_date = excluded.transaction_date,
           store_id = excluded.store_id, refreshed_at = pg_catalog.now(),
           embedding = case when e.text = excluded.text then e.embedding end,
           embedding_model = case when e.text = excluded.text then e.embedding_model end,
           embedded_at = case when e.text = excluded.text then e.embedded_at end
     where (e.text, e.metadata, e.transaction_date, e.store_id)
           is distinct from (excluded.text, excluded.metadata, excluded.transaction_date, excluded.store_id)
    returning e.transaction_id, e.xmax = 0 as added),  -- xmax 0: inserted, not updated
    logged as (insert into scout_internal.platinum_changed_keys (transaction_id)
               select w.transaction_id from written w where w.added)
    select pg_catalog.count(*) into v_written from written;
    insert into scout_internal.logged_writes (table_name, version_before, version_after)
    select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
     where v.table_name = 'scout.platinum_transaction_embeddings'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    return pg_catalog.jsonb_build_object('embeddings', (select pg_catalog.count(*) from pg_temp.platinum_sentences),
                                         'written', v_written, 'dropped', v_dropped);
end
$fn$;
comment on function scout_internal.platinum_build_embeddings(date) is
    'Step of scout.refresh_platinum: brings scout.platinum_transaction_embeddings to one sentence per Silver transaction dated p_since or later (date, category, amount, the product by name and brand where scout.silver_products knows the SKU, store, vendor, payment, description), its typed fields and its store (store_id, what the store-scoped policy reads): inserted whole into an empty table straight from Silver (its indexes built after the rows when Silver holds silver_first_load_rebuilds_indexes_from rows or more and the caller owns the table), else staged and merged (rows gone deleted, changed rows updated, a row whose text changed loses its embedding, an unchanged row keeps it; the keys added and removed logged in scout_internal.platinum_changed_keys, with the table''s version before and after in scout_internal.logged_writes); returns {"embeddings" (sentences), "written" (inserted or updated), "dropped" (deleted)}. Only inside scout.refresh_platinum (55000 otherwise).';
revoke all on function scout_internal.platinum_build_embeddings(date) from public;
grant execute on function scout_internal.platinum_build_embeddings(date) to service_role;
