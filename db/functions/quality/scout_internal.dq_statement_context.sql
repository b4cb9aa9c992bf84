-- What one check statement saw, read inside that statement: a stable function runs with
-- its caller's snapshot, so the snapshot and Silver's watermark recorded here are the
-- ones the check's rows were judged under, even while ingest goes on, and so are the
-- tables' versions. The next run
-- judges only what is new since exactly this (scout_internal.dq_new_bronze_transactions).
create or replace function scout_internal.dq_statement_context()
returns jsonb
language sql
stable
set search_path = ''
as $fn$
    select pg_catalog.jsonb_build_object(
        'snapshot', pg_catalog.pg_current_snapshot()::text,
        'xact', pg_catalog.pg_current_xact_id_if_assigned()::text,
        'now', pg_catalog.now(),
        -- the window Platinum was built over, which its coverage check reads
        'platinum_window_start', (select b.window_start from scout_internal.platinum_last_build() b),
        'versions', (select pg_catalog.jsonb_object_agg(v.table_name::text, v.version) from ip_workbench.layer_versions v),
        'silver_watermark', (select pg_catalog.jsonb_build_object('snapshot', w.processed_snapshot::text,
                                                                   'xid', w.processed_xid::text,
                                                                   'seq', w.processed_seq)
                               from ip_workbench.watermarks w where w.stream = 'silver_transactions'))
$fn$;
comment on function scout_internal.dq_statement_context() is
    'The calling statement''s snapshot, transaction id (if assigned), now(), Platinum''s window start (scout_internal.platinum_last_build), every counted table''s version (ip_workbench.layer_versions) and Silver''s transaction watermark (snapshot, xid, seq), as {"snapshot", "xact", "now", "platinum_window_start", "versions", "silver_watermark"}: what a check judged under, kept in ip_workbench.dq_results.inputs_seen -> ''judged''.';
revoke all on function scout_internal.dq_statement_context() from public;
grant execute on function scout_internal.dq_statement_context() to service_role;
