-- Whether a stream has Bronze rows its last Silver run did not process: an index
-- range on ingest_xid from the watermark's xmin, so it costs next to nothing
-- when there are none.
create or replace function scout_internal.has_unprocessed_bronze()
returns boolean
language plpgsql
stable
set search_path = ''
as $fn$
declare
    v_mark ip_workbench.watermarks;
    v_now pg_snapshot := pg_catalog.pg_current_snapshot();
    v_own xid8 := pg_catalog.pg_current_xact_id_if_assigned();
begin
    select * into v_mark from ip_workbench.watermarks w where w.stream = 'silver_transactions';
    if exists (select 1 from scout.bronze_transactions b
                where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_mark.processed_snapshot), '0'::xid8)
                  and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_mark.processed_snapshot,
                                                    v_mark.processed_xid, v_mark.processed_seq)) then
        return true;
    end if;
    select * into v_mark from ip_workbench.watermarks w where w.stream = 'silver_products';
    return exists (select 1 from scout.bronze_products b
                    where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_mark.processed_snapshot), '0'::xid8)
                      and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_mark.processed_snapshot,
                                                        v_mark.processed_xid, v_mark.processed_seq));
end
$fn$;
comment on function scout_internal.has_unprocessed_bronze() is
    'Whether scout.bronze_transactions or scout.bronze_products holds a row refresh_silver has not processed yet (by the streams'' watermarks).';
revoke all on function scout_internal.has_unprocessed_bronze() from public;
grant execute on function scout_internal.has_unprocessed_bronze() to service_role;
