-- The one Silver apply, used by the merge and by backfill: the changes they settled
-- in pg_temp.silver_transaction_changes go to Silver and are told to Gold.
--   (transaction_id, change: insert | update | delete,
--    the 20 other Silver columns of the new version (NULL for delete),
--    old_category, old_transaction_date, old_customer_id, old_amount, old_quantity,
--    old_store_id, old_ingested_at: the version it replaces (NULL for insert))
-- Gold hears of a small change as differences per (category, day, customer), +1 for
-- each new version and -1 for the one it replaced, which it adds to its totals; of a
-- large one (p_gold_days) as the days it touched, which it re-aggregates from Silver
-- in one pass, cheaper than a difference per row.
-- A change of up to 10,000 keys, or under a tenth of Silver, is also logged key by key
-- for the data-quality checks (scout_internal.silver_changed_keys, logged_writes),
-- which then judge only those keys; a larger one is not: they judge all of Silver.
create or replace function scout_internal.silver_apply_transaction_changes(p_gold_days boolean)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_deleted bigint := 0;
    v_updated bigint := 0;
    v_inserted bigint := 0;
    v_version_before bigint;
begin
    -- backfill holds Silver's lock too: it brings Silver up to date first
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_apply_transaction_changes');
    perform 'PRAGMA:TABLE: silver_transaction_changes (transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, bronze_id uuid, bronze_seq bigint, source text, ingestion_batch_id text, ingested_at timestamptz, change text, old_category text, old_transaction_date date, old_customer_id text, old_amount numeric, old_quantity integer, old_store_id text, old_ingested_at timestamptz)';
    -- Nothing to write, no statement: each one counts as a write of Silver
    -- (ip_workbench.layer_versions) and would make Platinum rebuild for nothing.
    if not exists (select 1 from pg_temp.silver_transaction_changes) then
        return pg_catalog.jsonb_build_object('inserted', 0, 'updated', 0, 'deleted', 0);
    end if;
    v_version_before := (select v.version from ip_workbench.layer_versions v
                          where v.table_name = 'scout.silver_validated_transactions'::regclass);
    -- the store mart hears of every (store, category, day) touched, old version and new:
    -- a correction that only moved a sale to another store cancels out below, not here.
    -- A large change tells it whole days instead, as it tells Gold.
    insert into scout_internal.gold_store_days_to_rebuild (store_id, category, day, all_stores)
    select case when p_gold_days then null else x.store_id end, x.category, x.day, p_gold_days
      from (select c.store_id, c.category, c.transaction_date as day
              from pg_temp.silver_transaction_changes c where c.change <> 'delete'
            union
            select c.old_store_id, c.old_category, c.old_transaction_date
              from pg_temp.silver_transaction_changes c where c.change <> 'insert') x
     group by case when p_gold_days then null else x.store_id end, x.category, x.day;
    if p_gold_days then
        insert into scout_internal.gold_days_to_reaggregate (category, day)
        select c.category, c.transaction_date from pg_temp.silver_transaction_changes c where c.change <> 'delete'
        union
        select c.old_category, c.old_transaction_date from pg_temp.silver_transaction_changes c where c.change <> 'insert';
    else
        insert into scout_internal.gold_differences_to_add (category, day, customer_id, transactions, amount, quantity)
        select x.category, x.day, x.customer_id, pg_catalog.sum(x.transactions), pg_catalog.sum(x.amount),
               pg_catalog.sum(x.quantity)
          from (select c.category, c.transaction_date as day, c.customer_id, 1 as transactions, c.amount,
                       c.quantity::bigint as quantity
                  from pg_temp.silver_transaction_changes c where c.change <> 'delete'
                union all
                select c.old_category, c.old_transaction_date, c.old_customer_id, -1, -c.old_amount,
                       -c.old_quantity::bigint
                  from pg_temp.silver_transaction_changes c where c.change <> 'insert') x
         group by x.category, x.day, x.customer_id
        -- a correction that moved nothing Gold counts (a new description) cancels out
        having pg_catalog.sum(x.transactions) <> 0 or pg_catalog.sum(x.amount) <> 0 or pg_catalog.sum(x.quantity) <> 0;
    end if;

    -- only when there is something to delete: a DELETE counts as a removal
    -- (ip_workbench.layer_versions.removals), which makes the checks judge all of Silver again
    if exists (select 1 from pg_temp.silver_transaction_changes c where c.change = 'delete') then
        delete from scout.silver_validated_transactions s
         using pg_temp.silver_transaction_changes c
         where c.change = 'delete' and s.transaction_id = c.transaction_id;
        get diagnostics v_deleted = row_count;
    end if;
    -- plain UPDATE and INSERT rather than INSERT … ON CONFLICT: speculative insertion
    -- costs about a quarter more per row, and the job's lock means no one else writes here
    update scout.silver_validated_transactions as s
       set transaction_date = c.transaction_date, amount = c.amount, currency = c.currency,
           category = c.category, subcategory = c.subcategory, store_id = c.store_id,
           vendor_name = c.vendor_name, vendor_id = c.vendor_id, customer_id = c.customer_id, sku = c.sku,
           quantity = c.quantity, tax_amount = c.tax_amount, payment_method = c.payment_method,
           description = c.description, attributes = c.attributes, bronze_id = c.bronze_id,
           bronze_seq = c.bronze_seq, source = c.source, ingestion_batch_id = c.ingestion_batch_id,
           ingested_at = c.ingested_at, validated_at = pg_catalog.now()
      from pg_temp.silver_transaction_changes c
     where c.change = 'update' and s.transaction_id = c.transaction_id;
    get diagnostics v_updated = row_count;
    insert into scout.silver_validated_transactions (
        transaction_id, transaction_date, amount, currency, category, subcategory, store_id,
        vendor_name, vendor_id, customer_id, sku, quantity, tax_amount, payment_method, description,
        attributes, bronze_id, bronze_seq, source, ingestion_batch_id, ingested_at)
    select c.transaction_id, c.transaction_date, c.amount, c.currency, c.category, c.subcategory, c.store_id,
           c.vendor_name, c.vendor_id, c.customer_id, c.sku, c.quantity, c.tax_amount, c.payment_method,
           c.description, c.attributes, c.bronze_id, c.bronze_seq, c.source, c.ingestion_batch_id, c.ingested_at
      from pg_temp.silver_transaction_changes c
     where c.change = 'insert';
    get diagnostics v_inserted = row_count;
    -- a change of a tenth of Silver or more (and over 10,000 keys) is not logged: judging
    -- all of Silver again costs the checks less than reading it key by key
    if v_inserted + v_updated + v_deleted <= 10000
       or (v_inserted + v_updated + v_deleted) * 10 <= (select c.reltuples from pg_catalog.pg_class c
                                                        where c.oid = 'scout.silver_validated_transactions'::regclass) then
        insert into scout_internal.silver_changed_keys (transaction_id, change, old_store_id, old_category,
                                                        old_transaction_date, old_ingested_at)
        select c.transaction_id, c.change, c.old_store_id, c.old_category, c.old_transaction_date, c.old_ingested_at
          from pg_temp.silver_transaction_changes c;
        insert into scout_internal.logged_writes (table_name, version_before, version_after)
        select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
         where v.table_name = 'scout.silver_validated_transactions'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    end if;
    return pg_catalog.jsonb_build_object('inserted', v_inserted, 'updated', v_updated, 'deleted', v_deleted);
end
$fn$;
comment on function scout_internal.silver_apply_transaction_changes(boolean) is
    'The one Silver apply of scout_internal.silver_merge_transactions and scout.backfill: writes the changes in pg_temp.silver_transaction_changes (insert, update or delete of a transaction_id) to scout.silver_validated_transactions and queues them for Gold, as the days they touched when p_gold_days, else as differences per (category, day, customer), and, when at most 10,000 keys or under a tenth of Silver change, key by key for the data-quality checks too (scout_internal.silver_changed_keys, with Silver''s version before and after in scout_internal.logged_writes). Returns {"inserted", "updated", "deleted"}; writes nothing when there is nothing to change. Only under scout.refresh_silver''s lock, which the merge and backfill hold (55000 otherwise).';
revoke all on function scout_internal.silver_apply_transaction_changes(boolean) from public;
grant execute on function scout_internal.silver_apply_transaction_changes(boolean) to service_role;
