-- One incremental step of Silver products: like silver_merge_transactions, but the
-- newest version wins by updated_at (ingested_at when absent), then arrival order.
create or replace function scout_internal.silver_merge_products()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    -- taken here, never passed in: a caller's older snapshot would re-read or skip rows
    v_now pg_snapshot := pg_catalog.pg_current_snapshot();
    v_prev pg_snapshot;
    v_prev_xid xid8;
    v_prev_seq bigint;
    v_own xid8 := pg_catalog.pg_current_xact_id_if_assigned();
    v_own_seq bigint;
    v_processed bigint;
    v_latest timestamptz;
    v_rejected bigint;
    v_inserted bigint;
    v_updated bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_merge_products');
    select w.processed_snapshot, w.processed_xid, w.processed_seq into v_prev, v_prev_xid, v_prev_seq
      from ip_workbench.watermarks w where w.stream = 'silver_products';

    -- a version may be dated a little ahead of this clock (another machine's), not more
    v_latest := pg_catalog.now() + (scout_internal.setting('product_updated_at_tolerance') #>> '{}')::interval;

    if pg_catalog.to_regclass('pg_temp.silver_delta_products') is not null then
        drop table pg_temp.silver_delta_products;
    end if;
    begin
        create temp table silver_delta_products on commit drop as
        select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.raw_data, b.source,
               b.ingestion_batch_id, b.ingested_at, coalesce(p.updated_at, b.ingested_at) as version_at, p.*,
               null::text as parse_error
          from scout.bronze_products b
         cross join lateral scout_internal.parse_product_payload(b.raw_data, v_latest) p
         where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_prev), '0'::xid8)
           and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_prev, v_prev_xid, v_prev_seq);
        get diagnostics v_processed = row_count;
    exception
        when data_exception or program_limit_exceeded then
            -- as in silver_merge_transactions: reject the rows that break the parse, go on
            perform scout_internal.silver_candidates('scout.bronze_products', v_now, v_own, v_prev, v_prev_xid, v_prev_seq);
            perform scout_internal.silver_isolate_unparseable('silver_delta_products', pg_catalog.format($sql$
                select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.raw_data, b.source,
                       b.ingestion_batch_id, b.ingested_at, coalesce(p.updated_at, b.ingested_at) as version_at, p.*,
                       null::text as parse_error
                  from pg_temp.silver_candidates c
                  join scout.bronze_products b on b.id = c.id
                 cross join lateral scout_internal.parse_product_payload(b.raw_data, %L::timestamptz) p
                 where c.rn between %%s and %%s and c.parse_error is null$sql$, v_latest));
            insert into pg_temp.silver_delta_products
                   (bronze_id, bronze_seq, ingest_xid, raw_data, source, ingestion_batch_id, ingested_at, version_at,
                    sku, reasons, parse_error)
            select b.id, b.ingest_seq, b.ingest_xid, b.raw_data, b.source, b.ingestion_batch_id, b.ingested_at,
                   b.ingested_at, scout_internal.payload_key(b.raw_data, 'sku'), array['unparseable'], c.parse_error
              from pg_temp.silver_candidates c
              join scout.bronze_products b on b.id = c.id
             where c.parse_error is not null;
            select pg_catalog.count(*) into v_processed from pg_temp.silver_delta_products;
    end;

    insert into scout.silver_rejected_products as r
           (bronze_id, sku, reasons, raw_data, source, ingestion_batch_id, ingested_at, parse_error)
    select d.bronze_id, d.sku, d.reasons, d.raw_data, d.source, d.ingestion_batch_id, d.ingested_at, d.parse_error
      from pg_temp.silver_delta_products d
     where pg_catalog.cardinality(d.reasons) > 0
    on conflict (bronze_id) do update
       set sku = excluded.sku, reasons = excluded.reasons, parse_error = excluded.parse_error,
           rejected_at = pg_catalog.now();
    get diagnostics v_rejected = row_count;

    with winners as (
        select distinct on (d.sku) d.*
          from pg_temp.silver_delta_products d
         where pg_catalog.cardinality(d.reasons) = 0
         order by d.sku, d.version_at desc, d.bronze_seq desc
    ), upserted as (
        insert into scout.silver_products as s (
            sku, name, description, category, brand, price, cost, stock_quantity, unit_of_measure, barcode,
            is_active, updated_at, attributes, version_at, bronze_id, bronze_seq, source, ingestion_batch_id,
            ingested_at)
        select w.sku, w.name, w.description, w.category, w.brand, w.price, w.cost, w.stock_quantity,
               w.unit_of_measure, w.barcode, w.is_active, w.updated_at, w.attributes, w.version_at,
               w.bronze_id, w.bronze_seq, w.source, w.ingestion_batch_id, w.ingested_at
          from winners w
        on conflict (sku) do update
           set name = excluded.name, description = excluded.description, category = excluded.category,
               brand = excluded.brand, price = excluded.price, cost = excluded.cost,
               stock_quantity = excluded.stock_quantity, unit_of_measure = excluded.unit_of_measure,
               barcode = excluded.barcode, is_active = excluded.is_active, updated_at = excluded.updated_at,
               attributes = excluded.attributes, version_at = excluded.version_at,
               bronze_id = excluded.bronze_id, bronze_seq = excluded.bronze_seq, source = excluded.source,
               ingestion_batch_id = excluded.ingestion_batch_id, ingested_at = excluded.ingested_at,
               validated_at = pg_catalog.now()
         where (excluded.version_at, excluded.bronze_seq) > (s.version_at, s.bronze_seq)
           and (excluded.name, excluded.description, excluded.category, excluded.brand, excluded.price,
                excluded.cost, excluded.stock_quantity, excluded.unit_of_measure, excluded.barcode,
                excluded.is_active, excluded.updated_at, excluded.attributes)
               is distinct from
               (s.name, s.description, s.category, s.brand, s.price, s.cost, s.stock_quantity,
                s.unit_of_measure, s.barcode, s.is_active, s.updated_at, s.attributes)
        returning (s.xmax = 0) as is_insert
    )
    select pg_catalog.count(*) filter (where u.is_insert), pg_catalog.count(*) filter (where not u.is_insert)
      into v_inserted, v_updated
      from upserted u;

    select pg_catalog.max(d.bronze_seq) into v_own_seq
      from pg_temp.silver_delta_products d where d.ingest_xid = v_own;
    -- nothing read, nothing to record (see silver_merge_transactions)
    if v_processed > 0 then
        perform scout_internal.advance_watermark('silver_products', v_now, v_own, v_own_seq);
    end if;

    perform scout_internal.touch_table('scout', 'bronze_products', v_processed, v_processed,
        (select pg_catalog.max(b.ingested_at) from scout.bronze_products b));
    perform scout_internal.touch_table('scout', 'silver_products', v_inserted + v_updated, v_inserted);
    perform scout_internal.touch_table('scout', 'silver_rejected_products', v_rejected, v_rejected);

    return pg_catalog.jsonb_build_object(
        'processed', v_processed,
        'inserted', v_inserted,
        'updated', v_updated,
        'rejected', v_rejected,
        'superseded', v_processed - v_rejected - v_inserted - v_updated);
end
$fn$;
comment on function scout_internal.silver_merge_products() is
    'Internal step of scout.refresh_silver (refuses to run without its lock, SQLSTATE 55000): judges Bronze products committed after the stored watermark and visible in the current snapshot, stores rejects, upserts the newest valid version per sku (by updated_at, then arrival), advances the watermark.';
revoke all on function scout_internal.silver_merge_products() from public;
grant execute on function scout_internal.silver_merge_products() to service_role;
