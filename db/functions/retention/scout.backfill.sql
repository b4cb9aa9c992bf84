-- The old backfill DAG: re-judge the Bronze transactions whose payload date falls in
-- [from_date, to_date] with today's rules and reference data (a category added to
-- or retired from scout.ref_categories), settle each of their keys anew from all its
-- Bronze versions (the latest valid one wins; an identical one changes nothing),
-- and refresh the marts of the days that changed. A second call changes nothing.
create or replace function scout.backfill(from_date date, to_date date, p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
set work_mem = '256MB'
-- no notices for the temp tables a first call has not made yet
set client_min_messages = warning
as $fn$
declare
    v_run jsonb;
    v_step text := 'silver';
    v_silver jsonb;
    v_gold jsonb;
    v_today date;
    v_oldest date;
    v_keys bigint;
    v_versions bigint;
    v_rejected bigint;
    v_unrejected bigint;
    v_deleted bigint;
    v_updated bigint;
    v_inserted bigint;
begin
    v_run := scout_internal.job_start('scout.backfill', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    begin
        if from_date is null or to_date is null or from_date > to_date then
            raise exception 'backfill needs from_date <= to_date, got % and %', from_date, to_date
                using errcode = '22023';
        end if;
        -- Silver up to date first; its lock, now ours until commit, keeps it so
        v_silver := scout.refresh_silver(true);
        if v_silver ->> 'status' = 'failed' then
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'failed', 'step', 'silver', 'sqlstate', v_silver ->> 'sqlstate', 'message', v_silver ->> 'message'));
        end if;

        v_step := 'judge';
        v_today := (pg_catalog.now() at time zone (scout_internal.setting('business_time_zone') #>> '{}'))::date;
        v_oldest := (v_today - pg_catalog.make_interval(
                         years => (scout_internal.setting('transaction_max_age_years'))::int))::date;
        drop table if exists pg_temp.backfill_keys, pg_temp.backfill_versions, pg_temp.backfill_winners,
                             pg_temp.backfill_changes;
        create temp table backfill_keys on commit drop as
        select distinct scout_internal.clean_text(b.raw_data ->> 'transaction_id') as transaction_id
          from scout.bronze_transactions b
         where pg_catalog.jsonb_typeof(b.raw_data -> 'transaction_id') in ('string', 'number')
           and scout_internal.iso_date(scout_internal.clean_text(b.raw_data ->> 'date')) between from_date and to_date;
        delete from pg_temp.backfill_keys k where k.transaction_id is null or pg_catalog.length(k.transaction_id) > 200;
        select pg_catalog.count(*) into v_keys from pg_temp.backfill_keys;
        create temp table backfill_versions on commit drop as
        select b.id as bronze_id, b.ingest_seq as bronze_seq, b.raw_data, b.source, b.ingestion_batch_id,
               b.ingested_at, p.*
          from scout.bronze_transactions b
          join pg_temp.backfill_keys k on k.transaction_id = scout_internal.clean_text(b.raw_data ->> 'transaction_id')
         cross join lateral scout_internal.parse_transaction_payload(b.raw_data, v_today, pg_catalog.now(), v_oldest) p
         where pg_catalog.jsonb_typeof(b.raw_data -> 'transaction_id') in ('string', 'number')
           -- a row whose data broke the parse stays as refresh_silver left it
           and not exists (select 1 from scout.silver_rejected_transactions r
                            where r.bronze_id = b.id and r.reasons = array['unparseable']);
        get diagnostics v_versions = row_count;

        v_step := 'silver';
        insert into scout.silver_rejected_transactions as r
               (bronze_id, transaction_id, reasons, raw_data, source, ingestion_batch_id, ingested_at)
        select v.bronze_id, v.transaction_id, v.reasons, v.raw_data, v.source, v.ingestion_batch_id, v.ingested_at
          from pg_temp.backfill_versions v
         where pg_catalog.cardinality(v.reasons) > 0
        on conflict (bronze_id) do update
           set reasons = excluded.reasons, rejected_at = pg_catalog.now()
         where r.reasons is distinct from excluded.reasons;
        get diagnostics v_rejected = row_count;
        delete from scout.silver_rejected_transactions r
         using pg_temp.backfill_versions v
         where r.bronze_id = v.bronze_id and pg_catalog.cardinality(v.reasons) = 0;
        get diagnostics v_unrejected = row_count;

        create temp table backfill_winners on commit drop as
        select distinct on (v.transaction_id) v.*
          from pg_temp.backfill_versions v
         where pg_catalog.cardinality(v.reasons) = 0
         order by v.transaction_id, v.bronze_seq desc;
        -- what changes in Silver: keys with no valid version left, and keys whose winner
        -- differs in value, or whose Silver row's own version is no longer valid
        create temp table backfill_changes on commit drop as
        select k.transaction_id, s.category as old_category, s.transaction_date as old_day,
               w.category as new_category, w.transaction_date as new_day,
               case when w.bronze_id is null then 'delete' when s.transaction_id is null then 'insert' else 'update' end as change
          from pg_temp.backfill_keys k
          left join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
          left join pg_temp.backfill_winners w on w.transaction_id = k.transaction_id
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

        insert into scout.gold_pending_days (category, day)
        select c.old_category, c.old_day from pg_temp.backfill_changes c where c.old_day is not null
        union
        select c.new_category, c.new_day from pg_temp.backfill_changes c where c.new_day is not null;

        -- no change, no statement: each counts as a write of Silver for Platinum's nothing-changed check
        v_deleted := 0;
        v_updated := 0;
        v_inserted := 0;
        if exists (select 1 from pg_temp.backfill_changes) then
            delete from scout.silver_validated_transactions s
             using pg_temp.backfill_changes c
             where c.change = 'delete' and s.transaction_id = c.transaction_id;
            get diagnostics v_deleted = row_count;
            update scout.silver_validated_transactions as s
               set transaction_date = w.transaction_date, amount = w.amount, currency = w.currency,
                   category = w.category, subcategory = w.subcategory, store_id = w.store_id,
                   vendor_name = w.vendor_name, vendor_id = w.vendor_id, customer_id = w.customer_id, sku = w.sku,
                   quantity = w.quantity, tax_amount = w.tax_amount, payment_method = w.payment_method,
                   description = w.description, attributes = w.attributes, bronze_id = w.bronze_id,
                   bronze_seq = w.bronze_seq, source = w.source, ingestion_batch_id = w.ingestion_batch_id,
                   ingested_at = w.ingested_at, validated_at = pg_catalog.now()
              from pg_temp.backfill_changes c
              join pg_temp.backfill_winners w on w.transaction_id = c.transaction_id
             where c.change = 'update' and s.transaction_id = c.transaction_id;
            get diagnostics v_updated = row_count;
            insert into scout.silver_validated_transactions (
                transaction_id, transaction_date, amount, currency, category, subcategory, store_id,
                vendor_name, vendor_id, customer_id, sku, quantity, tax_amount, payment_method, description,
                attributes, bronze_id, bronze_seq, source, ingestion_batch_id, ingested_at)
            select w.transaction_id, w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id,
                   w.vendor_name, w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method,
                   w.description, w.attributes, w.bronze_id, w.bronze_seq, w.source, w.ingestion_batch_id, w.ingested_at
              from pg_temp.backfill_changes c
              join pg_temp.backfill_winners w on w.transaction_id = c.transaction_id
             where c.change = 'insert';
            get diagnostics v_inserted = row_count;
        end if;
        perform scout_internal.touch_table('scout', 'silver_validated_transactions', v_deleted + v_updated + v_inserted,
                                           v_inserted - v_deleted);
        perform scout_internal.touch_table('scout', 'silver_rejected_transactions', v_rejected + v_unrejected, null);

        v_step := 'gold';
        v_gold := scout.refresh_gold(true);
        if v_gold ->> 'status' = 'failed' then
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'failed', 'step', 'gold', 'sqlstate', v_gold ->> 'sqlstate', 'message', v_gold ->> 'message'));
        end if;
        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok', 'from_date', from_date, 'to_date', to_date,
            'keys', v_keys, 'versions', v_versions, 'inserted', v_inserted, 'updated', v_updated, 'deleted', v_deleted,
            'rejected', v_rejected, 'unrejected', v_unrejected, 'rows', v_inserted + v_updated + v_deleted,
            'silver', v_silver, 'gold', v_gold));
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, v_step, sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.backfill(date, date, boolean) is
    'Re-judges, with today''s rules and reference data, every Bronze version of each transaction_id that has a Bronze row whose payload date is in [from_date, to_date]; settles each key anew (latest valid version wins, an identical one changes nothing, a key with no valid version leaves Silver), keeps the rejected table in step, and refreshes Gold for the days that changed. Idempotent. Returns {"status", "keys", "versions", "inserted", "updated", "deleted", "rejected", "unrejected", "silver", "gold", …}.';
revoke all on function scout.backfill(date, date, boolean) from public;
grant execute on function scout.backfill(date, date, boolean) to service_role;
