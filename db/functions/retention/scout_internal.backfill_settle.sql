-- Backfill's settling step: each judged key settled anew from all its versions (the
-- latest valid one wins), compared with Silver, in the shape
-- scout_internal.silver_apply_transaction_changes takes.
create or replace function scout_internal.backfill_settle()
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_changes bigint;
begin
    perform scout_internal.require_job_lock('scout.backfill', 'scout_internal.backfill_settle');
    perform 'PRAGMA:TABLE: backfill_keys (transaction_id text)';
    perform 'PRAGMA:TABLE: backfill_versions (bronze_id uuid, bronze_seq bigint, raw_data jsonb, source text, ingestion_batch_id text, ingested_at timestamptz, transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[])';
    if pg_catalog.to_regclass('pg_temp.silver_transaction_changes') is not null then
        drop table pg_temp.silver_transaction_changes;
    end if;
    -- what changes in Silver: keys with no valid version left, and keys whose winner
    -- differs in value, or whose Silver row's own version is no longer valid
    create temp table silver_transaction_changes on commit drop as
    select k.transaction_id, w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id,
           w.vendor_name, w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method,
           w.description, w.attributes, w.bronze_id, w.bronze_seq, w.source, w.ingestion_batch_id, w.ingested_at,
           case when w.bronze_id is null then 'delete' when s.transaction_id is null then 'insert' else 'update' end
               as change,
           s.category as old_category, s.transaction_date as old_transaction_date, s.customer_id as old_customer_id,
           s.amount as old_amount, s.quantity as old_quantity, s.store_id as old_store_id,
           s.ingested_at as old_ingested_at
      from pg_temp.backfill_keys k
      left join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
      left join (select distinct on (v.transaction_id) v.*
                   from pg_temp.backfill_versions v
                  where pg_catalog.cardinality(v.reasons) = 0
                  order by v.transaction_id, v.bronze_seq desc) w on w.transaction_id = k.transaction_id
     where (s.transaction_id is not null or w.transaction_id is not null)
       and (w.transaction_id is null or s.transaction_id is null
            or (w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id, w.vendor_name,
                w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method, w.description,
                w.attributes)
               is distinct from
               (s.transaction_date, s.amount, s.currency, s.category, s.subcategory, s.store_id, s.vendor_name,
                s.vendor_id, s.customer_id, s.sku, s.quantity, s.tax_amount, s.payment_method, s.description,
                s.attributes)
            or exists (select 1 from pg_temp.backfill_versions v
                        where v.bronze_id = s.bronze_id and pg_catalog.cardinality(v.reasons) > 0));
    get diagnostics v_changes = row_count;
    return v_changes;
end
$fn$;
comment on function scout_internal.backfill_settle() is
    'Step of scout.backfill: settles each key of pg_temp.backfill_keys anew from its judged versions (the latest valid one wins; none left deletes the key) and leaves what differs from Silver (in value, or a Silver row whose own version is no longer valid) in pg_temp.silver_transaction_changes for scout_internal.silver_apply_transaction_changes. Returns the changes. Only inside scout.backfill (55000 otherwise).';
revoke all on function scout_internal.backfill_settle() from public;
grant execute on function scout_internal.backfill_settle() to service_role;
