-- The Bronze products delete of scout.purge_expired: rows older than p_before that
-- Silver has judged — never a row Silver has not. The stream's watermark says which
-- rows a run has read, but a role that may run the pipeline may also write the
-- watermark, so each row is also checked against what Silver holds: rejected (its own
-- rejected row), the version Silver holds, one older than it, or the very version it
-- holds (an identical re-send). A row that is none of these waits, whatever the
-- watermark and the retention period say.
create or replace function scout_internal.purge_processed_bronze_products(p_before timestamptz)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_mark ip_workbench.watermarks;
    v_deleted bigint;
    v_latest timestamptz := pg_catalog.now() + (scout_internal.setting('product_updated_at_tolerance') #>> '{}')::interval;
begin
    select * into v_mark from ip_workbench.watermarks w where w.stream = 'silver_products';
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
    get diagnostics v_deleted = row_count;
    perform scout_internal.touch_table('scout', 'bronze_products', v_deleted, -v_deleted);
    return v_deleted;
end
$fn$;
comment on function scout_internal.purge_processed_bronze_products(timestamptz) is
    'Deletes the rows of scout.bronze_products ingested before p_before that refresh_silver has read (the silver_products watermark) and that Silver has judged, checked against Silver itself: a rejected row of its own, the Silver version, one older than it (by updated_at) or identical to it (a re-send). Adjusts the registry and returns how many went. Internal to scout.purge_expired.';
revoke all on function scout_internal.purge_processed_bronze_products(timestamptz) from public;
-- Owner only: scout.purge_expired runs with its owner's rights.
