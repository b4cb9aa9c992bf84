-- The one definition of "new to an incremental stream", shared by every merge.
-- An SQL-standard body (begin atomic) without SET clauses: the planner inlines it into the scan, and its names and operators were bound when it was created, so no search_path can redirect them.
create or replace function scout_internal.is_unprocessed(
    p_row_xid xid8,
    p_row_seq bigint,
    p_now pg_snapshot,
    p_own xid8,
    p_prev pg_snapshot,
    p_prev_xid xid8,
    p_prev_seq bigint
)
returns boolean
language sql
immutable
parallel safe
begin atomic
    -- committed before p_now, or written by this very transaction …
    select (pg_catalog.pg_visible_in_snapshot(p_row_xid, p_now) or p_row_xid = p_own)
       and case
           -- … and, if written by the previous run's own transaction, after what that run
           -- processed: a snapshot never lists its own transaction as running, so once any
           -- later transaction id has ended (a commit elsewhere, a rolled-back savepoint)
           -- that transaction looks committed in it, and only arrival order tells its rows apart …
           when p_row_xid = p_prev_xid then not coalesce(p_row_seq <= p_prev_seq, false)
           -- … else not committed before the previous run
           else not coalesce(pg_catalog.pg_visible_in_snapshot(p_row_xid, p_prev), false)
       end;
end;
comment on function scout_internal.is_unprocessed(xid8, bigint, pg_snapshot, xid8, pg_snapshot, xid8, bigint) is
    'Whether a source row (inserting transaction p_row_xid, ingest_seq p_row_seq) is new to a stream whose watermark is (p_prev, p_prev_xid, p_prev_seq), for a run in transaction p_own seeing snapshot p_now. Callers add ingest_xid >= pg_snapshot_xmin(p_prev) so an index narrows the scan. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.is_unprocessed(xid8, bigint, pg_snapshot, xid8, pg_snapshot, xid8, bigint) from public;
grant execute on function scout_internal.is_unprocessed(xid8, bigint, pg_snapshot, xid8, pg_snapshot, xid8, bigint) to service_role;
