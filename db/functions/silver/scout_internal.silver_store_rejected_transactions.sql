-- Every row of the delta that broke a rule, kept with all its reasons and its raw
-- payload (fetched from Bronze by id: the delta carries no raw_data). Logged as a write
-- of the rows Silver judges now (scout_internal.logged_writes): the data-quality checks
-- then find these rejections among the newly judged Bronze rows.
create or replace function scout_internal.silver_store_rejected_transactions()
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_rejected bigint;
    v_version_before bigint := (select v.version from ip_workbench.layer_versions v
                                 where v.table_name = 'scout.silver_rejected_transactions'::regclass);
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_store_rejected_transactions');
    perform 'PRAGMA:TABLE: silver_delta_transactions (bronze_id uuid, bronze_seq bigint, ingest_xid xid8, source text, ingestion_batch_id text, ingested_at timestamptz, transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[], parse_error text)';
    insert into scout.silver_rejected_transactions as r
           (bronze_id, transaction_id, reasons, raw_data, source, ingestion_batch_id, ingested_at, parse_error)
    select d.bronze_id, d.transaction_id, d.reasons, b.raw_data, d.source, d.ingestion_batch_id, d.ingested_at,
           d.parse_error
      from pg_temp.silver_delta_transactions d
      join scout.bronze_transactions b on b.id = d.bronze_id
     where pg_catalog.cardinality(d.reasons) > 0
    on conflict (bronze_id) do update
       set transaction_id = excluded.transaction_id, reasons = excluded.reasons, parse_error = excluded.parse_error,
           rejected_at = pg_catalog.now();
    get diagnostics v_rejected = row_count;
    insert into scout_internal.logged_writes (table_name, version_before, version_after)
    select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
     where v.table_name = 'scout.silver_rejected_transactions'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    return v_rejected;
end
$fn$;
comment on function scout_internal.silver_store_rejected_transactions() is
    'Step of scout_internal.silver_merge_transactions: stores every row of pg_temp.silver_delta_transactions that broke a rule in scout.silver_rejected_transactions with its reasons and raw payload (a row judged again replaces its reasons), logged in scout_internal.logged_writes as a write of the rows being judged. Returns the rows stored. Only inside scout.refresh_silver (55000 otherwise).';
revoke all on function scout_internal.silver_store_rejected_transactions() from public;
grant execute on function scout_internal.silver_store_rejected_transactions() to service_role;
