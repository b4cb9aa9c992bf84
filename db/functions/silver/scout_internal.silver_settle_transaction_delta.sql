-- The latest valid version of each key in the delta that changes Silver, beside the
-- version it replaces, in the shape scout_internal.silver_apply_transaction_changes
-- takes. An identical re-send, or a version older than Silver's, changes nothing and
-- is left out, unless the same delta also holds a different valid version of the key
-- that the re-send overtook: then the re-send becomes Silver's lineage (its content is
-- the same), so Silver's bronze_seq is as late as every version it judged and retention
-- can purge the overtaken one.
create or replace function scout_internal.silver_settle_transaction_delta()
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_changes bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_settle_transaction_delta');
    perform 'PRAGMA:TABLE: silver_delta_transactions (bronze_id uuid, bronze_seq bigint, ingest_xid xid8, source text, ingestion_batch_id text, ingested_at timestamptz, transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[], parse_error text)';
    if pg_catalog.to_regclass('pg_temp.silver_transaction_changes') is not null then
        drop table pg_temp.silver_transaction_changes;
    end if;
    create temp table silver_transaction_changes on commit drop as
    select w.transaction_id, w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id,
           w.vendor_name, w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method,
           w.description, w.attributes, w.bronze_id, w.bronze_seq, w.source, w.ingestion_batch_id, w.ingested_at,
           case when s.transaction_id is null then 'insert' else 'update' end as change,
           s.category as old_category, s.transaction_date as old_transaction_date, s.customer_id as old_customer_id,
           s.amount as old_amount, s.quantity as old_quantity, s.store_id as old_store_id,
           s.ingested_at as old_ingested_at
      -- overtook: the key's valid versions in the delta are not all alike (one window
      -- over the sort the winner needs anyway)
      from (select distinct on (d.transaction_id) d.*,
                   pg_catalog.min(v.version) over key is distinct from pg_catalog.max(v.version) over key as overtook
              from pg_temp.silver_delta_transactions d
             cross join lateral (
                   select row(d.transaction_date, d.amount, d.currency, d.category, d.subcategory, d.store_id,
                              d.vendor_name, d.vendor_id, d.customer_id, d.sku, d.quantity, d.tax_amount,
                              d.payment_method, d.description, d.attributes)::text as version) v
             where pg_catalog.cardinality(d.reasons) = 0
            window key as (partition by d.transaction_id)
             order by d.transaction_id, d.bronze_seq desc) w
      left join scout.silver_validated_transactions s on s.transaction_id = w.transaction_id
     where s.transaction_id is null
        or (w.bronze_seq > s.bronze_seq
            and (w.overtook
                 or (w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id, w.vendor_name,
                     w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method, w.description,
                     w.attributes)
                    is distinct from
                    (s.transaction_date, s.amount, s.currency, s.category, s.subcategory, s.store_id, s.vendor_name,
                     s.vendor_id, s.customer_id, s.sku, s.quantity, s.tax_amount, s.payment_method, s.description,
                     s.attributes)));
    get diagnostics v_changes = row_count;
    return v_changes;
end
$fn$;
comment on function scout_internal.silver_settle_transaction_delta() is
    'Step of scout_internal.silver_merge_transactions: from pg_temp.silver_delta_transactions, the latest valid version of each key that changes Silver (new, or later than and different from Silver''s, or a re-send of Silver''s version that overtook a different version in the same delta: then only the lineage changes), with the version it replaces, into pg_temp.silver_transaction_changes for scout_internal.silver_apply_transaction_changes. Returns the changes. Only inside scout.refresh_silver (55000 otherwise).';
revoke all on function scout_internal.silver_settle_transaction_delta() from public;
grant execute on function scout_internal.silver_settle_transaction_delta() to service_role;
