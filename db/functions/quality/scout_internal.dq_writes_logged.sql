-- Whether every write of p_table since a check's previous judgement (its statement
-- context p_then -> 'judged') is a logged one (scout_internal.logged_writes): the
-- table's version has grown by exactly what the logged writes since then account for.
-- Then the table's change logs hold all that changed; an unlogged write (a first load,
-- a hand-made UPDATE) makes the sum differ and the check judges everything.
create or replace function scout_internal.dq_writes_logged(p_then jsonb, p_table regclass)
returns boolean
language sql
stable
set search_path = ''
as $fn$
    select coalesce(
        (p_then -> 'judged' -> 'versions' ->> p_table::text)::bigint
        + coalesce((select pg_catalog.sum(w.version_after - w.version_before)
                      from scout_internal.logged_writes w
                     where w.table_name = p_table and scout_internal.dq_written_since(w.written_xid, p_then)), 0)
        = (select v.version from ip_workbench.layer_versions v where v.table_name = p_table),
        false)
$fn$;
comment on function scout_internal.dq_writes_logged(jsonb, regclass) is
    'Whether p_table''s version (ip_workbench.layer_versions) now is its version in the statement context p_then -> ''judged'' plus what the writes logged since (scout_internal.logged_writes, by a transaction that snapshot did not see) account for: then its change logs (scout_internal.silver_changed_keys, gold_store_rebuilt_cells) hold every change since.';
revoke all on function scout_internal.dq_writes_logged(jsonb, regclass) from public;
grant execute on function scout_internal.dq_writes_logged(jsonb, regclass) to service_role;
