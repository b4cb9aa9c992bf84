-- Platinum's sentences: one per Silver transaction since p_since, the product named
-- where the catalogue knows its SKU, rewritten whole.
create or replace function scout_internal.platinum_build_embeddings(p_since date)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_embeddings bigint;
    v_embeddings_dropped bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_platinum', 'scout_internal.platinum_build_embeddings');
    -- DELETE, not TRUNCATE: TRUNCATE would block readers until commit.
    delete from scout.platinum_transaction_embeddings;
    get diagnostics v_embeddings_dropped = row_count;
    insert into scout.platinum_transaction_embeddings (transaction_id, text, metadata, transaction_date, store_id)
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
               || coalesce(': ' || s.description, '') || '.',
           -- to_jsonb of a row: the same object as jsonb_build_object of its columns, in half the time
           pg_catalog.jsonb_strip_nulls(pg_catalog.to_jsonb(m)),
           s.transaction_date,
           s.store_id  -- who may read the sentence depends on it
      from scout.silver_validated_transactions s
      left join scout.silver_products p on p.sku = s.sku
     cross join lateral (select s.transaction_id, s.transaction_date, s.amount, s.currency, s.category,
                                s.subcategory, s.store_id, s.vendor_name, s.vendor_id, s.customer_id, s.sku,
                                p.name as product_name, p.brand, s.quantity, s.tax_amount, s.payment_method) m
     where s.transaction_date >= p_since;
    get diagnostics v_embeddings = row_count;
    return pg_catalog.jsonb_build_object('embeddings', v_embeddings, 'dropped', v_embeddings_dropped);
end
$fn$;
comment on function scout_internal.platinum_build_embeddings(date) is
    'Step of scout.refresh_platinum: rewrites scout.platinum_transaction_embeddings with one sentence per Silver transaction dated p_since or later (date, category, amount, the product by name and brand where scout.silver_products knows the SKU, store, vendor, payment, description) its typed fields and its store (store_id, what the store-scoped policy reads); returns {"embeddings", "dropped"}. Only inside scout.refresh_platinum (55000 otherwise).';
revoke all on function scout_internal.platinum_build_embeddings(date) from public;
grant execute on function scout_internal.platinum_build_embeddings(date) to service_role;
