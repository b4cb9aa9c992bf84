-- What the change logs hold from transactions that ended before a check run began
-- (p_snapshot, its first snapshot) is news to no check any more: every judgement made
-- from then on starts from that run's snapshots or later, and a kept older judgement
-- reads tables that have not been written since. A run that rolls back prunes nothing.
create or replace function scout_internal.dq_prune_change_logs(p_snapshot pg_snapshot)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_prune_change_logs');
    delete from scout_internal.silver_changed_keys k where k.changed_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
    delete from scout_internal.gold_store_rebuilt_cells c where c.rebuilt_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
    delete from scout_internal.gold_monthly_changed_totals m where m.changed_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
    delete from scout_internal.platinum_changed_keys p where p.changed_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
    delete from scout_internal.logged_writes w where w.written_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
end
$fn$;
comment on function scout_internal.dq_prune_change_logs(pg_snapshot) is
    'Step of scout_internal.dq_run_checks: deletes the rows of scout_internal.silver_changed_keys, gold_store_rebuilt_cells, gold_monthly_changed_totals, platinum_changed_keys and logged_writes written by transactions older than p_snapshot''s xmin (the run''s first snapshot), which no later delta judgement needs. Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_prune_change_logs(pg_snapshot) from public;
grant execute on function scout_internal.dq_prune_change_logs(pg_snapshot) to service_role;
