-- The end of one incremental step: remember how far the stream has read.
create or replace function scout_internal.advance_watermark(
    p_stream text,
    p_now pg_snapshot,
    p_own xid8,
    p_own_seq bigint
)
returns void
language sql
volatile
set search_path = ''
as $fn$
    insert into ip_workbench.watermarks as w (stream, processed_snapshot, processed_xid, processed_seq)
    values (p_stream, p_now, p_own, p_own_seq)
    on conflict (stream) do update
       set processed_snapshot = excluded.processed_snapshot,
           processed_xid = excluded.processed_xid,
           -- several runs in one transaction: keep the highest own row seen
           processed_seq = case when w.processed_xid = excluded.processed_xid
                                then greatest(w.processed_seq, excluded.processed_seq)
                                else excluded.processed_seq end,
           updated_at = pg_catalog.now()
$fn$;
comment on function scout_internal.advance_watermark(text, pg_snapshot, xid8, bigint) is
    'Records that p_stream has processed every transaction visible in p_now, plus the rows of the calling transaction p_own up to ingest_seq p_own_seq (its own rows are not in its snapshot).';
revoke all on function scout_internal.advance_watermark(text, pg_snapshot, xid8, bigint) from public;
grant execute on function scout_internal.advance_watermark(text, pg_snapshot, xid8, bigint) to service_role;
