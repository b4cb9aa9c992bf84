-- The one definition of "written since a check's previous judgement", shared by every
-- read of the change logs: by a transaction that the judgement's snapshot
-- (p_then -> 'judged', scout_internal.dq_statement_context) did not see, and not the
-- judging transaction itself, whose own writes it saw.
-- An SQL-standard body without SET clauses: the planner inlines it into the scan, so the
-- xmin bound reaches the log's xid index; its names were bound when it was created.
create or replace function scout_internal.dq_written_since(p_xid xid8, p_then jsonb)
returns boolean
language sql
stable
parallel safe
begin atomic
    select p_xid >= pg_catalog.pg_snapshot_xmin(((p_then -> 'judged') ->> 'snapshot')::pg_snapshot)
       and not pg_catalog.pg_visible_in_snapshot(p_xid, ((p_then -> 'judged') ->> 'snapshot')::pg_snapshot)
       and p_xid is distinct from ((p_then -> 'judged') ->> 'xact')::xid8;
end;
comment on function scout_internal.dq_written_since(xid8, jsonb) is
    'Whether a row written by transaction p_xid is new to a check whose previous judgement saw the statement context p_then -> ''judged'': not visible in its snapshot, and not its own transaction. Inlined where it is called, so the snapshot''s xmin bounds an index scan of the log. Its search_path is left unpinned on purpose, as scout_internal.is_unprocessed''s (docs/reliability.md).';
revoke all on function scout_internal.dq_written_since(xid8, jsonb) from public;
grant execute on function scout_internal.dq_written_since(xid8, jsonb) to service_role;
