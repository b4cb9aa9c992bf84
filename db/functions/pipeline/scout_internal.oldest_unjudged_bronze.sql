-- The one definition of "Bronze rows Silver has not judged yet" outside refresh_silver:
-- the arrival of a stream's oldest such row, by an index range on ingest_xid from its
-- watermark's xmin, so it costs next to nothing when Silver is up to date. How long
-- Silver keeps a stream waiting (timeliness), where the next check run's recent rows
-- start, and whether a micro-batch has work (has_unprocessed_bronze) all read it.
create or replace function scout_internal.oldest_unjudged_bronze(p_stream text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $fn$
declare
    v_mark ip_workbench.watermarks;
    v_now pg_snapshot := pg_catalog.pg_current_snapshot();
    v_own xid8 := pg_catalog.pg_current_xact_id_if_assigned();
begin
    select * into v_mark from ip_workbench.watermarks w where w.stream = p_stream;
    if p_stream = 'silver_transactions' then
        return (select pg_catalog.min(b.ingested_at) from scout.bronze_transactions b
                 where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_mark.processed_snapshot), '0'::xid8)
                   and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_mark.processed_snapshot,
                                                     v_mark.processed_xid, v_mark.processed_seq));
    elsif p_stream = 'silver_products' then
        return (select pg_catalog.min(b.ingested_at) from scout.bronze_products b
                 where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_mark.processed_snapshot), '0'::xid8)
                   and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_mark.processed_snapshot,
                                                     v_mark.processed_xid, v_mark.processed_seq));
    end if;
    raise exception 'no stream %', p_stream using errcode = '22023', hint = 'silver_transactions or silver_products';
end
$fn$;
comment on function scout_internal.oldest_unjudged_bronze(text) is
    'ingested_at of the oldest Bronze row of stream p_stream (silver_transactions or silver_products) that refresh_silver has not judged yet, by its watermark; NULL when Silver is up to date.';
revoke all on function scout_internal.oldest_unjudged_bronze(text) from public;
grant execute on function scout_internal.oldest_unjudged_bronze(text) to service_role;
