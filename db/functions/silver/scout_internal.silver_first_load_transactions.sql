-- A first load: Silver is empty, so every latest valid version in the delta is new. No
-- join to Silver, no second copy of the winners: they go straight in, and the days
-- they touch go to Gold to be aggregated in one pass.
create or replace function scout_internal.silver_first_load_transactions(p_processed bigint)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_inserted bigint;
    v_index_definitions text[];
    v_index text;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_first_load_transactions');
    perform 'PRAGMA:TABLE: silver_delta_transactions (bronze_id uuid, bronze_seq bigint, ingest_xid xid8, source text, ingestion_batch_id text, ingested_at timestamptz, transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[], parse_error text)';
    -- the days loaded, in one pass, for Gold's marts and (whole days, every store) its
    -- store mart
    with days as materialized (
        select distinct d.category, d.transaction_date as day
          from pg_temp.silver_delta_transactions d
         where pg_catalog.cardinality(d.reasons) = 0
    ), for_marts as (
        insert into scout_internal.gold_days_to_reaggregate (category, day) select days.category, days.day from days
    )
    insert into scout_internal.gold_store_days_to_rebuild (category, day, all_stores)
    select days.category, days.day, true from days;
    -- For a large first load, Silver's secondary indexes are built after the insert
    -- (scout_internal.drop_indexes_for_load). The API roles never read Silver, and
    -- nothing else has anything to read in it yet.
    if p_processed >= (scout_internal.setting('silver_first_load_rebuilds_indexes_from'))::bigint then
        v_index_definitions := scout_internal.drop_indexes_for_load('scout.silver_validated_transactions');
    end if;
    insert into scout.silver_validated_transactions (
        transaction_id, transaction_date, amount, currency, category, subcategory, store_id,
        vendor_name, vendor_id, customer_id, sku, quantity, tax_amount, payment_method, description,
        attributes, bronze_id, bronze_seq, source, ingestion_batch_id, ingested_at)
    select distinct on (d.transaction_id)
           d.transaction_id, d.transaction_date, d.amount, d.currency, d.category, d.subcategory, d.store_id,
           d.vendor_name, d.vendor_id, d.customer_id, d.sku, d.quantity, d.tax_amount, d.payment_method,
           d.description, d.attributes, d.bronze_id, d.bronze_seq, d.source, d.ingestion_batch_id, d.ingested_at
      from pg_temp.silver_delta_transactions d
     where pg_catalog.cardinality(d.reasons) = 0
     order by d.transaction_id, d.bronze_seq desc;
    get diagnostics v_inserted = row_count;
    foreach v_index in array coalesce(v_index_definitions, '{}') loop
        execute v_index;
    end loop;
    return v_inserted;
end
$fn$;
comment on function scout_internal.silver_first_load_transactions(bigint) is
    'Step of scout_internal.silver_merge_transactions when Silver is empty: inserts the latest valid version of each key in pg_temp.silver_delta_transactions and queues the days they touch for Gold; from silver_first_load_rebuilds_indexes_from parsed rows (p_processed) on, and only for Silver''s owner, the secondary indexes are dropped and built again after the insert. Returns the rows inserted. Only inside scout.refresh_silver (55000 otherwise).';
revoke all on function scout_internal.silver_first_load_transactions(bigint) from public;
grant execute on function scout_internal.silver_first_load_transactions(bigint) to service_role;
