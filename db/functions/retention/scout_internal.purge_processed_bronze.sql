-- The Bronze delete of scout.purge_expired: rows older than p_before that stream
-- p_stream has processed (by its watermark) — never a row Silver has not judged.
create or replace function scout_internal.purge_processed_bronze(p_table text, p_stream text, p_before timestamptz)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_mark ip_workbench.watermarks;
    v_deleted bigint;
begin
    select * into v_mark from ip_workbench.watermarks w where w.stream = p_stream;
    execute pg_catalog.format(
        'delete from scout.%I b
          where b.ingested_at < $1
            and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                    pg_catalog.pg_current_xact_id_if_assigned(), $2, $3, $4)', p_table)
        using p_before, v_mark.processed_snapshot, v_mark.processed_xid, v_mark.processed_seq;
    get diagnostics v_deleted = row_count;
    perform scout_internal.touch_table('scout', p_table, v_deleted, -v_deleted);
    return v_deleted;
end
$fn$;
comment on function scout_internal.purge_processed_bronze(text, text, timestamptz) is
    'Deletes the rows of scout.<p_table> ingested before p_before that stream p_stream has processed (ip_workbench.watermarks), adjusts the registry, returns how many went. Internal to scout.purge_expired.';
revoke all on function scout_internal.purge_processed_bronze(text, text, timestamptz) from public;
-- Owner only: scout.purge_expired runs with its owner's rights.
