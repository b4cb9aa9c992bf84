-- One incremental step of Silver transactions: judge the Bronze rows committed
-- since the last watermark (parsed once, in parallel when the planner can), store
-- the rejected, upsert the latest valid version per transaction_id.
create or replace function scout_internal.silver_merge_transactions()
returns jsonb
language plpgsql
volatile
set search_path = ''
-- The planner prices the inlined payload rules as nearly free, so by default it
-- never thinks parallel workers pay for shipping rows back; they do, ~2x here.
set parallel_tuple_cost = 0.001
-- Keep the per-key sort of a large first load in memory.
set work_mem = '256MB'
-- Silver is hot in cache: an index probe per changed key beats re-reading the
-- whole table, which the default (spinning-disk) price of a random read hides.
set random_page_cost = 1.1
-- switched off below for small deltas; these clauses restore them when the function returns
set enable_hashjoin = on
set enable_mergejoin = on
as $fn$
declare
    -- taken here, never passed in: a caller's older snapshot would re-read or skip rows
    v_now pg_snapshot := pg_catalog.pg_current_snapshot();
    v_prev pg_snapshot;
    v_prev_xid xid8;
    v_prev_seq bigint;
    v_own xid8 := pg_catalog.pg_current_xact_id_if_assigned();
    v_own_seq bigint;
    v_changes bigint;
    v_today date;
    v_oldest date;
    v_plan text;
    v_processed bigint;
    v_rejected bigint;
    v_inserted bigint;
    v_updated bigint := 0;
    v_first_load boolean;
    v_index_definitions text[];
    v_index_names text;
    v_index text;
begin
    if not scout_internal.holds_job_lock('scout.refresh_silver') then
        raise exception 'scout_internal.silver_merge_transactions runs only inside scout.refresh_silver, which holds its lock'
            using errcode = '55000', hint = 'Call select scout.refresh_silver();';
    end if;
    select w.processed_snapshot, w.processed_xid, w.processed_seq into v_prev, v_prev_xid, v_prev_seq
      from ip_workbench.watermarks w where w.stream = 'silver_transactions';

    -- the moments a payload date is judged against, read once per run
    v_today := (pg_catalog.now() at time zone (scout_internal.setting('business_time_zone') #>> '{}'))::date;
    v_oldest := (v_today - pg_catalog.make_interval(
                     years => (scout_internal.setting('transaction_max_age_years'))::int))::date;

    if pg_catalog.to_regclass('pg_temp.silver_delta_transactions') is not null then
        drop table pg_temp.silver_delta_transactions;
    end if;
    begin
        -- raw_data stays in Bronze: only the few rejected rows need it, fetched by id below
        create temp table silver_delta_transactions on commit drop as
        select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.source,
               b.ingestion_batch_id, b.ingested_at, p.*, null::text as parse_error
          from scout.bronze_transactions b
         cross join lateral scout_internal.parse_transaction_payload(b.raw_data, v_today, pg_catalog.now(), v_oldest) p
         where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_prev), '0'::xid8)
           and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_prev, v_prev_xid, v_prev_seq);
        get diagnostics v_processed = row_count;
    exception
        when data_exception or program_limit_exceeded then
            -- Some row's data broke the parse in a way no rule foresaw. No row may stall
            -- the stream: parse again row range by row range, reject the rows that raise
            -- as unparseable (with the error), and go on with the rest.
            perform scout_internal.silver_candidates('scout.bronze_transactions', v_now, v_own, v_prev, v_prev_xid, v_prev_seq);
            perform scout_internal.silver_isolate_unparseable('silver_delta_transactions', pg_catalog.format($sql$
                select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.source,
                       b.ingestion_batch_id, b.ingested_at, p.*, null::text as parse_error
                  from pg_temp.silver_candidates c
                  join scout.bronze_transactions b on b.id = c.id
                 cross join lateral scout_internal.parse_transaction_payload(b.raw_data, %L::date, %L::timestamptz, %L::date) p
                 where c.rn between %%s and %%s and c.parse_error is null$sql$, v_today, pg_catalog.now(), v_oldest));
            insert into pg_temp.silver_delta_transactions
                   (bronze_id, bronze_seq, ingest_xid, source, ingestion_batch_id, ingested_at,
                    transaction_id, reasons, parse_error)
            select b.id, b.ingest_seq, b.ingest_xid, b.source, b.ingestion_batch_id, b.ingested_at,
                   scout_internal.payload_key(b.raw_data, 'transaction_id'), array['unparseable'], c.parse_error
              from pg_temp.silver_candidates c
              join scout.bronze_transactions b on b.id = c.id
             where c.parse_error is not null;
            select pg_catalog.count(*) into v_processed from pg_temp.silver_delta_transactions;
    end;

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

    -- A first load: Silver is empty, so every latest valid version is new. No join to
    -- Silver, no second copy of the winners: they go straight in, and the days they
    -- touch go to Gold to be aggregated in one pass.
    v_first_load := v_processed > 0 and not exists (select 1 from scout.silver_validated_transactions);
    if v_first_load then
        v_plan := 'first_load';
        insert into scout.gold_pending_days (category, day)
        select distinct d.category, d.transaction_date
          from pg_temp.silver_delta_transactions d
         where pg_catalog.cardinality(d.reasons) = 0;
        -- Building an index from sorted rows (in parallel) costs a fraction of growing it
        -- row by row: for a large first load, Silver's secondary indexes are dropped and
        -- rebuilt around the insert. That locks Silver until commit; the API roles never
        -- read it, and nothing else has anything to read in it yet. Only the owner may.
        if v_processed >= (scout_internal.setting('silver_first_load_rebuilds_indexes_from'))::bigint
           and pg_catalog.pg_has_role((select c.relowner from pg_catalog.pg_class c
                                        where c.oid = 'scout.silver_validated_transactions'::regclass), 'USAGE') then
            select pg_catalog.array_agg(pg_catalog.pg_get_indexdef(i.indexrelid) order by i.indexrelid),
                   pg_catalog.string_agg(i.indexrelid::regclass::text, ', ')
              into v_index_definitions, v_index_names
              from pg_catalog.pg_index i
             where i.indrelid = 'scout.silver_validated_transactions'::regclass and not i.indisprimary;
            if v_index_names is not null then
                execute 'drop index ' || v_index_names;
            end if;
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
    else
        -- A delta far smaller than Silver is joined to it by one index probe per key; the
        -- planner, unsure of the delta's size, otherwise tends to hash all of Silver.
        -- The ratio is a setting (silver_probe_ratio) so a test can force either plan.
        v_plan := case when v_processed * (scout_internal.setting('silver_probe_ratio'))::numeric
                            < (select c.reltuples from pg_catalog.pg_class c
                                where c.oid = 'scout.silver_validated_transactions'::regclass)
                       then 'probe' else 'hash' end;
        if v_plan = 'probe' then
            perform pg_catalog.set_config('enable_hashjoin', 'off', true);
            perform pg_catalog.set_config('enable_mergejoin', 'off', true);
        end if;

        -- The latest valid version of each key in this delta that changes Silver, beside
        -- the version it replaces (old_*; NULL for a new key). An identical re-send, or a
        -- version older than Silver's, changes nothing and is left out. Then plain UPDATE
        -- and INSERT rather than INSERT … ON CONFLICT: speculative insertion costs about a
        -- quarter more per row, and refresh_silver's lock means no one else writes here.
        if pg_catalog.to_regclass('pg_temp.silver_changes_transactions') is not null then
            drop table pg_temp.silver_changes_transactions;
        end if;
        create temp table silver_changes_transactions on commit drop as
        select w.*, s.transaction_id is not null as replaces, s.category as old_category,
               s.transaction_date as old_transaction_date, s.customer_id as old_customer_id,
               s.amount as old_amount, s.quantity as old_quantity
          from (select distinct on (d.transaction_id) d.*
                  from pg_temp.silver_delta_transactions d
                 where pg_catalog.cardinality(d.reasons) = 0
                 order by d.transaction_id, d.bronze_seq desc) w
          left join scout.silver_validated_transactions s on s.transaction_id = w.transaction_id
         where s.transaction_id is null
            or (w.bronze_seq > s.bronze_seq
                and (w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id, w.vendor_name,
                     w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method, w.description,
                     w.attributes)
                    is distinct from
                    (s.transaction_date, s.amount, s.currency, s.category, s.subcategory, s.store_id, s.vendor_name,
                     s.vendor_id, s.customer_id, s.sku, s.quantity, s.tax_amount, s.payment_method, s.description,
                     s.attributes));
        get diagnostics v_changes = row_count;

        -- Tell Gold. A small change goes as differences per (category, day, customer):
        -- +1 for each new version, -1 for the version it replaced, which Gold adds to its
        -- totals. A large one (a first load) goes as the days it touched, which Gold
        -- re-aggregates from Silver in one pass: cheaper than writing a difference per row.
        if v_changes > 0 and v_plan = 'probe' then
            insert into scout.gold_pending_changes (category, day, customer_id, transactions, amount, quantity)
            select x.category, x.day, x.customer_id, pg_catalog.sum(x.transactions), pg_catalog.sum(x.amount),
                   pg_catalog.sum(x.quantity)
              from (select c.category, c.transaction_date as day, c.customer_id, 1 as transactions, c.amount,
                           c.quantity::bigint as quantity
                      from pg_temp.silver_changes_transactions c
                    union all
                    select c.old_category, c.old_transaction_date, c.old_customer_id, -1, -c.old_amount,
                           -c.old_quantity::bigint
                      from pg_temp.silver_changes_transactions c where c.replaces) x
             group by x.category, x.day, x.customer_id
            -- a correction that moved nothing Gold counts (a new description) cancels out
            having pg_catalog.sum(x.transactions) <> 0 or pg_catalog.sum(x.amount) <> 0 or pg_catalog.sum(x.quantity) <> 0;
        elsif v_changes > 0 then
            insert into scout.gold_pending_days (category, day)
            select c.category, c.transaction_date from pg_temp.silver_changes_transactions c
            union
            select c.old_category, c.old_transaction_date from pg_temp.silver_changes_transactions c where c.replaces;
        end if;

        -- Nothing to write, no statement: each one counts as a write of Silver
        -- (ip_workbench.layer_versions) and would make Platinum rebuild for nothing.
        v_inserted := 0;
        if v_changes > 0 then
            update scout.silver_validated_transactions as s
               set transaction_date = c.transaction_date, amount = c.amount, currency = c.currency,
                   category = c.category, subcategory = c.subcategory, store_id = c.store_id,
                   vendor_name = c.vendor_name, vendor_id = c.vendor_id, customer_id = c.customer_id, sku = c.sku,
                   quantity = c.quantity, tax_amount = c.tax_amount, payment_method = c.payment_method,
                   description = c.description, attributes = c.attributes, bronze_id = c.bronze_id,
                   bronze_seq = c.bronze_seq, source = c.source, ingestion_batch_id = c.ingestion_batch_id,
                   ingested_at = c.ingested_at, validated_at = pg_catalog.now()
              from pg_temp.silver_changes_transactions c
             where c.replaces and s.transaction_id = c.transaction_id;
            get diagnostics v_updated = row_count;

            insert into scout.silver_validated_transactions (
                transaction_id, transaction_date, amount, currency, category, subcategory, store_id,
                vendor_name, vendor_id, customer_id, sku, quantity, tax_amount, payment_method, description,
                attributes, bronze_id, bronze_seq, source, ingestion_batch_id, ingested_at)
            select c.transaction_id, c.transaction_date, c.amount, c.currency, c.category, c.subcategory, c.store_id,
                   c.vendor_name, c.vendor_id, c.customer_id, c.sku, c.quantity, c.tax_amount, c.payment_method,
                   c.description, c.attributes, c.bronze_id, c.bronze_seq, c.source, c.ingestion_batch_id, c.ingested_at
              from pg_temp.silver_changes_transactions c
             where not c.replaces;
            get diagnostics v_inserted = row_count;
        end if;
    end if;
    perform pg_catalog.set_config('enable_hashjoin', 'on', true);
    perform pg_catalog.set_config('enable_mergejoin', 'on', true);

    select pg_catalog.max(d.bronze_seq) into v_own_seq
      from pg_temp.silver_delta_transactions d where d.ingest_xid = v_own;
    perform scout_internal.advance_watermark('silver_transactions', v_now, v_own, v_own_seq);

    perform scout_internal.touch_table('scout', 'bronze_transactions', v_processed, v_processed,
        (select pg_catalog.max(b.ingested_at) from scout.bronze_transactions b));
    perform scout_internal.touch_table('scout', 'silver_validated_transactions', v_inserted + v_updated, v_inserted);
    perform scout_internal.touch_table('scout', 'silver_rejected_transactions', v_rejected, v_rejected);

    return pg_catalog.jsonb_build_object(
        'processed', v_processed,
        'inserted', v_inserted,
        'updated', v_updated,
        'rejected', v_rejected,
        'superseded', v_processed - v_rejected - v_inserted - v_updated,
        'plan', v_plan);
end
$fn$;
comment on function scout_internal.silver_merge_transactions() is
    'Internal step of scout.refresh_silver (refuses to run without its lock, SQLSTATE 55000): judges Bronze transactions committed after the stored watermark and visible in the current snapshot (plus the caller''s own uncommitted rows), stores rejects, upserts winners, advances the watermark. Returns processed/inserted/updated/rejected/superseded, where processed = inserted + updated + rejected + superseded.';
revoke all on function scout_internal.silver_merge_transactions() from public;
grant execute on function scout_internal.silver_merge_transactions() to service_role;
