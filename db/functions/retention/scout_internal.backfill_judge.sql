-- Backfill's judging step: every Bronze version of each transaction_id with a Bronze
-- row dated in [p_from, p_to], judged again with today's rules and reference data,
-- and the rejected table brought in step with that judgment. Leaves
--   pg_temp.backfill_keys (transaction_id)
--   pg_temp.backfill_versions (bronze_id, bronze_seq, raw_data, source, ingestion_batch_id,
--                              ingested_at, <every column of parse_transaction_payload>)
create or replace function scout_internal.backfill_judge(p_from date, p_to date)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_today date := scout_internal.business_today();
    v_keys bigint;
    v_versions bigint;
    v_rejected bigint;
    v_unrejected bigint;
begin
    perform scout_internal.require_job_lock('scout.backfill', 'scout_internal.backfill_judge');
    if pg_catalog.to_regclass('pg_temp.backfill_keys') is not null then
        drop table pg_temp.backfill_keys, pg_temp.backfill_versions;
    end if;
    create temp table backfill_keys on commit drop as
    select distinct scout_internal.clean_text(b.raw_data ->> 'transaction_id') as transaction_id
      from scout.bronze_transactions b
     where pg_catalog.jsonb_typeof(b.raw_data -> 'transaction_id') in ('string', 'number')
       and scout_internal.iso_date(scout_internal.clean_text(b.raw_data ->> 'date')) between p_from and p_to;
    delete from pg_temp.backfill_keys k where k.transaction_id is null or pg_catalog.length(k.transaction_id) > 200;
    select pg_catalog.count(*) into v_keys from pg_temp.backfill_keys;
    create temp table backfill_versions on commit drop as
    select b.id as bronze_id, b.ingest_seq as bronze_seq, b.raw_data, b.source, b.ingestion_batch_id,
           b.ingested_at, p.*
      from scout.bronze_transactions b
      join pg_temp.backfill_keys k on k.transaction_id = scout_internal.clean_text(b.raw_data ->> 'transaction_id')
     cross join lateral scout_internal.parse_transaction_payload(
               b.raw_data, v_today, pg_catalog.now(),
               (v_today - pg_catalog.make_interval(years => (scout_internal.setting('transaction_max_age_years'))::int))::date) p
     where pg_catalog.jsonb_typeof(b.raw_data -> 'transaction_id') in ('string', 'number')
       -- a row whose data broke the parse stays as refresh_silver left it
       and not exists (select 1 from scout.silver_rejected_transactions r
                        where r.bronze_id = b.id and r.reasons = array['unparseable']);
    get diagnostics v_versions = row_count;
    -- the team's reject rules as they are today, on old rows too
    perform scout_internal.silver_apply_validation_rules('backfill_versions');

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
    return pg_catalog.jsonb_build_object('keys', v_keys, 'versions', v_versions,
                                         'rejected', v_rejected, 'unrejected', v_unrejected);
end
$fn$;
comment on function scout_internal.backfill_judge(date, date) is
    'Step of scout.backfill: judges again, with today''s rules (the contract''s and the active reject rules of scout.ref_validation_rules) and reference data, every Bronze version of each transaction_id that has a Bronze row dated in [p_from, p_to] (pg_temp.backfill_keys, pg_temp.backfill_versions), and brings scout.silver_rejected_transactions in step (a version now rejected is stored or its reasons replaced, one now valid is removed). Returns {"keys", "versions", "rejected", "unrejected"}. Only inside scout.backfill (55000 otherwise).';
revoke all on function scout_internal.backfill_judge(date, date) from public;
grant execute on function scout_internal.backfill_judge(date, date) to service_role;
