-- The Bronze transactions that are new to a check since its previous judgement, whose
-- statement context is p_then -> 'judged': every visible row the snapshot then did not
-- show (arrived), and every row Silver has judged since (newly_judged: not judged under
-- the snapshot and watermark then, judged under the current ones, exactly as the
-- checks' views tell judged rows, scout_internal.is_unprocessed). Both kinds have an
-- inserting transaction at or after the older of the two snapshots' xmin, so the
-- ingest_xid index finds them without reading the rest of Bronze.
create or replace function scout_internal.dq_new_bronze_transactions(p_then jsonb)
returns table (id uuid, raw_data jsonb, ingested_at timestamptz, arrived boolean, newly_judged boolean)
language plpgsql
stable
set search_path = ''
as $fn$
#variable_conflict use_column
declare
    v_snapshot pg_snapshot := (p_then -> 'judged' ->> 'snapshot')::pg_snapshot;
    v_xact xid8 := (p_then -> 'judged' ->> 'xact')::xid8;
    v_w_snapshot pg_snapshot := (p_then -> 'judged' -> 'silver_watermark' ->> 'snapshot')::pg_snapshot;
    v_w_xid xid8 := (p_then -> 'judged' -> 'silver_watermark' ->> 'xid')::xid8;
    v_w_seq bigint := (p_then -> 'judged' -> 'silver_watermark' ->> 'seq')::bigint;
    v_from xid8 := least(pg_catalog.pg_snapshot_xmin(v_snapshot),
                         coalesce(pg_catalog.pg_snapshot_xmin(v_w_snapshot), '0'::xid8));
begin
    -- a custom plan, made for the bound given: the few rows it names, by index
    return query
    select b.id, b.raw_data, b.ingested_at, not t.visible_then,
           not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                                             pg_catalog.pg_current_xact_id_if_assigned(), w.processed_snapshot,
                                             w.processed_xid, w.processed_seq)
           and not (t.visible_then
                    and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_snapshot, v_xact, v_w_snapshot,
                                                          v_w_xid, v_w_seq))
      from scout.bronze_transactions b
      left join ip_workbench.watermarks w on w.stream = 'silver_transactions'
     cross join lateral (select pg_catalog.pg_visible_in_snapshot(b.ingest_xid, v_snapshot)
                                or b.ingest_xid = v_xact as visible_then) t
     where b.ingest_xid >= v_from;
end
$fn$;
comment on function scout_internal.dq_new_bronze_transactions(jsonb) is
    'The Bronze transactions new to a check since the statement context p_then -> ''judged'' (scout_internal.dq_statement_context): arrived (not visible then) and newly_judged (judged by Silver now, not then, by scout_internal.is_unprocessed with the watermark of then and of now); only rows inserted at or after the older snapshot''s xmin are read (the ingest_xid index).';
revoke all on function scout_internal.dq_new_bronze_transactions(jsonb) from public;
grant execute on function scout_internal.dq_new_bronze_transactions(jsonb) to service_role;
