-- Whether a check may keep the judgement it made when it saw p_then: nothing it reads
-- was written since. Counted tables by their version; Bronze's inserts, which are not
-- counted, by their inserting transaction: a row whose transaction was not committed
-- in p_then's snapshot arrived since (the ingest_xid index finds one at once), and so
-- may a row of the caller's own transaction, which no snapshot lists.
create or replace function scout_internal.dq_inputs_unchanged(p_then jsonb, p_now jsonb)
returns boolean
language sql
stable
set search_path = ''
-- the snapshot is a parameter, so the planner cannot see that ingest_xid >= its xmin
-- names only the rows since (usually none): it would read all of Bronze to find them
set enable_seqscan = off
as $fn$
    select coalesce(p_then is not null and p_now is not null
       and p_then -> 'day' = p_now -> 'day'
       and p_then -> 'definition' = p_now -> 'definition'
       and p_then -> 'versions' = p_now -> 'versions'
       and not (p_then -> 'versions' ? 'scout.bronze_transactions'
                and (exists (select 1 from scout.bronze_transactions b
                             where b.ingest_xid >= pg_catalog.pg_snapshot_xmin((p_then ->> 'snapshot')::pg_snapshot)
                               and not pg_catalog.pg_visible_in_snapshot(b.ingest_xid, (p_then ->> 'snapshot')::pg_snapshot))
                or exists (select 1 from scout.bronze_transactions b where b.ingest_xid = pg_catalog.pg_current_xact_id_if_assigned())))
       and not (p_then -> 'versions' ? 'scout.bronze_products'
                and (exists (select 1 from scout.bronze_products b
                             where b.ingest_xid >= pg_catalog.pg_snapshot_xmin((p_then ->> 'snapshot')::pg_snapshot)
                               and not pg_catalog.pg_visible_in_snapshot(b.ingest_xid, (p_then ->> 'snapshot')::pg_snapshot))
                or exists (select 1 from scout.bronze_products b where b.ingest_xid = pg_catalog.pg_current_xact_id_if_assigned()))),
       false)
$fn$;
comment on function scout_internal.dq_inputs_unchanged(jsonb, jsonb) is
    'Whether a check that saw p_then (scout_internal.dq_check_inputs, as kept in ip_workbench.dq_results.inputs_seen) sees the same now (p_now): same business day, same definition, same version of every table it reads, and no Bronze row inserted by a transaction that had not committed in p_then''s snapshot, nor by the caller''s own transaction. False when either is NULL.';
revoke all on function scout_internal.dq_inputs_unchanged(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_inputs_unchanged(jsonb, jsonb) to service_role;
