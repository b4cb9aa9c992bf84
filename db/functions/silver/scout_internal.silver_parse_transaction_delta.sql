-- Silver's first step for transactions: every Bronze row new to the stream, parsed
-- once (in parallel when the planner can) into pg_temp.silver_delta_transactions:
--   (bronze_id, bronze_seq, ingest_xid, source, ingestion_batch_id, ingested_at,
--    <every column of scout_internal.parse_transaction_payload>, parse_error)
-- raw_data stays in Bronze: only the few rejected rows need it, fetched by id later.
create or replace function scout_internal.silver_parse_transaction_delta(
    p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint,
    p_today date, p_oldest date)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_processed bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_parse_transaction_delta');
    if pg_catalog.to_regclass('pg_temp.silver_delta_transactions') is not null then
        drop table pg_temp.silver_delta_transactions;
    end if;
    begin
        create temp table silver_delta_transactions on commit drop as
        select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.source,
               b.ingestion_batch_id, b.ingested_at, p.*, null::text as parse_error
          from scout.bronze_transactions b
         cross join lateral scout_internal.parse_transaction_payload(b.raw_data, p_today, pg_catalog.now(), p_oldest) p
         where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(p_prev), '0'::xid8)
           and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, p_now, p_own, p_prev, p_prev_xid, p_prev_seq);
        get diagnostics v_processed = row_count;
    exception
        when data_exception or program_limit_exceeded then
            -- Some row's data broke the parse in a way no rule foresaw. No row may stall
            -- the stream: parse again row range by row range, reject the rows that raise
            -- as unparseable (with the error), and go on with the rest.
            perform scout_internal.silver_candidates('scout.bronze_transactions', p_now, p_own, p_prev, p_prev_xid, p_prev_seq);
            perform scout_internal.silver_isolate_unparseable('silver_delta_transactions', pg_catalog.format($sql$
                select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.source,
                       b.ingestion_batch_id, b.ingested_at, p.*, null::text as parse_error
                  from pg_temp.silver_candidates c
                  join scout.bronze_transactions b on b.id = c.id
                 cross join lateral scout_internal.parse_transaction_payload(b.raw_data, %L::date, %L::timestamptz, %L::date) p
                 where c.rn between %%s and %%s and c.parse_error is null$sql$, p_today, pg_catalog.now(), p_oldest));
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
    return pg_catalog.jsonb_build_object(
        'processed', v_processed,
        -- the last of this transaction's own rows judged: where the watermark goes for them
        'own_seq', (select pg_catalog.max(d.bronze_seq) from pg_temp.silver_delta_transactions d where d.ingest_xid = p_own));
end
$fn$;
comment on function scout_internal.silver_parse_transaction_delta(pg_snapshot, xid8, pg_snapshot, xid8, bigint, date, date) is
    'Step of scout_internal.silver_merge_transactions: parses every Bronze transaction new to the stream (committed after the watermark (p_prev, p_prev_xid, p_prev_seq) and visible in p_now, or this transaction''s own, p_own) into pg_temp.silver_delta_transactions, judging dates against p_today and p_oldest; a row whose data breaks the parse is kept there as unparseable with the error. Returns {"processed", "own_seq"}: the rows parsed and the last ingest_seq of this transaction''s own among them. Only inside scout.refresh_silver (55000 otherwise).';
revoke all on function scout_internal.silver_parse_transaction_delta(pg_snapshot, xid8, pg_snapshot, xid8, bigint, date, date) from public;
grant execute on function scout_internal.silver_parse_transaction_delta(pg_snapshot, xid8, pg_snapshot, xid8, bigint, date, date) to service_role;
