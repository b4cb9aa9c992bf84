-- The Bronze delete of scout.purge_expired: rows older than p_before that Silver has
-- judged — never a row Silver has not. The stream's watermark says which rows a run
-- has read, but a role that may run the pipeline may also write the watermark, so
-- each row is also checked against what Silver holds: rejected (its own rejected
-- row), the winner of its key or older than it, or the very version Silver holds
-- (an identical re-send). A row that is none of these waits, whatever the watermark
-- and the retention period say, and the accounting check reports it.
create or replace function scout_internal.purge_processed_bronze(p_table text, p_stream text, p_before timestamptz)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_mark ip_workbench.watermarks;
    v_deleted bigint;
    v_today date := scout_internal.business_today();
    v_oldest date;
    v_latest timestamptz := pg_catalog.now() + (scout_internal.setting('product_updated_at_tolerance') #>> '{}')::interval;
begin
    v_oldest := (v_today - pg_catalog.make_interval(
                     years => (scout_internal.setting('transaction_max_age_years'))::int))::date;
    select * into v_mark from ip_workbench.watermarks w where w.stream = p_stream;
    if p_table = 'bronze_transactions' then
        -- CASE evaluates in order: the parse runs only for the few rows the cheap tests leave
        delete from scout.bronze_transactions b
         where b.ingested_at < p_before
           and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                   pg_catalog.pg_current_xact_id_if_assigned(), v_mark.processed_snapshot, v_mark.processed_xid,
                   v_mark.processed_seq)
           and case
               when exists (select 1 from scout.silver_rejected_transactions r where r.bronze_id = b.id) then true
               when exists (select 1 from scout.silver_validated_transactions s
                             where s.transaction_id = scout_internal.payload_key(b.raw_data, 'transaction_id')
                               and s.bronze_seq >= b.ingest_seq) then true
               else exists (
                   select 1
                     from scout_internal.parse_transaction_payload(b.raw_data, v_today, pg_catalog.now(), v_oldest) p
                    where pg_catalog.cardinality(p.reasons) = 0
                      and (p.transaction_date < scout_internal.silver_frozen_before()
                           or exists (
                               select 1 from scout.silver_validated_transactions s
                                where s.transaction_id = p.transaction_id
                                  and (s.transaction_date, s.amount, s.currency, s.category, s.subcategory, s.store_id,
                                       s.vendor_name, s.vendor_id, s.customer_id, s.sku, s.quantity, s.tax_amount,
                                       s.payment_method, s.description, s.attributes)
                                      is not distinct from
                                      (p.transaction_date, p.amount, p.currency, p.category, p.subcategory, p.store_id,
                                       p.vendor_name, p.vendor_id, p.customer_id, p.sku, p.quantity, p.tax_amount,
                                       p.payment_method, p.description, p.attributes))))
               end;
    elsif p_table = 'bronze_products' then
        delete from scout.bronze_products b
         where b.ingested_at < p_before
           and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                   pg_catalog.pg_current_xact_id_if_assigned(), v_mark.processed_snapshot, v_mark.processed_xid,
                   v_mark.processed_seq)
           and case
               when exists (select 1 from scout.silver_rejected_products r where r.bronze_id = b.id) then true
               when exists (select 1 from scout.silver_products s where s.bronze_id = b.id) then true
               else exists (
                   select 1
                     from scout_internal.parse_product_payload(b.raw_data, v_latest) p
                     join scout.silver_products s on s.sku = p.sku
                    where pg_catalog.cardinality(p.reasons) = 0
                      and ((s.version_at, s.bronze_seq) > (coalesce(p.updated_at, b.ingested_at), b.ingest_seq)
                           or (s.name, s.description, s.category, s.brand, s.price, s.cost, s.stock_quantity,
                               s.unit_of_measure, s.barcode, s.is_active, s.updated_at, s.attributes)
                              is not distinct from
                              (p.name, p.description, p.category, p.brand, p.price, p.cost, p.stock_quantity,
                               p.unit_of_measure, p.barcode, p.is_active, p.updated_at, p.attributes)))
               end;
    else
        raise exception 'purge_processed_bronze knows bronze_transactions and bronze_products, not %', p_table
            using errcode = '22023';
    end if;
    get diagnostics v_deleted = row_count;
    perform scout_internal.touch_table('scout', p_table, v_deleted, -v_deleted);
    return v_deleted;
end
$fn$;
comment on function scout_internal.purge_processed_bronze(text, text, timestamptz) is
    'Deletes the rows of scout.<p_table> (bronze_transactions or bronze_products) ingested before p_before that stream p_stream has read (ip_workbench.watermarks) and that Silver has judged, checked against Silver itself: a rejected row of its own, a Silver version of its key as late as it (or later, for products by updated_at), the identical version (a re-send), or a sale dated before the months Silver keeps. Adjusts the registry and returns how many went. Internal to scout.purge_expired.';
revoke all on function scout_internal.purge_processed_bronze(text, text, timestamptz) from public;
-- Owner only: scout.purge_expired runs with its owner's rights.
