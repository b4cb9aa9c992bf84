-- Whether a check may be judged from its previous result and the rows that are new
-- since (its delta function), instead of reading everything again: the same business
-- day (so every check is judged whole at least once a day), the same definition, the
-- previous judgement's statement context known, another transaction, and every table
-- it reads unchanged except those in p_may_grow, which may only have grown or changed
-- rows in place (their removals the same), and those in p_logged, every write of which
-- since is logged (scout_internal.dq_writes_logged). Bronze's inserts are not counted:
-- the delta finds them by their inserting transaction.
create or replace function scout_internal.dq_delta_allowed(p_then jsonb, p_now jsonb, p_may_grow regclass[],
                                                           p_logged regclass[] default '{}')
returns boolean
language sql
stable
set search_path = ''
as $fn$
    select coalesce(
        p_then -> 'judged' -> 'snapshot' is not null
        and p_then -> 'removals' is not null and p_now -> 'removals' is not null
        and p_then -> 'day' = p_now -> 'day'
        and p_then -> 'definition' = p_now -> 'definition'
        and (p_then -> 'judged' ->> 'xact') is distinct from pg_catalog.pg_current_xact_id_if_assigned()::text
        and (select pg_catalog.array_agg(k order by k) from pg_catalog.jsonb_object_keys(p_then -> 'versions') k)
            is not distinct from (select pg_catalog.array_agg(k order by k) from pg_catalog.jsonb_object_keys(p_now -> 'versions') k)
        and not exists (select 1 from pg_catalog.jsonb_each(p_then -> 'versions') t(table_name, version)
                         where p_now -> 'versions' -> t.table_name is distinct from t.version
                           and not (t.table_name = any (select g::text from pg_catalog.unnest(p_may_grow) g)
                                    and p_now -> 'removals' -> t.table_name = p_then -> 'removals' -> t.table_name)
                           and not (t.table_name = any (select g::text from pg_catalog.unnest(p_logged) g)
                                    and scout_internal.dq_writes_logged(p_then, t.table_name::regclass))),
        false)
$fn$;
comment on function scout_internal.dq_delta_allowed(jsonb, jsonb, regclass[], regclass[]) is
    'Whether a check that saw p_then (ip_workbench.dq_results.inputs_seen of its previous result, with the statement context ''judged'') may be judged now (p_now) from that result and what is new since: same business day and definition, a different transaction, the same tables read, each at the same version except the tables of p_may_grow, which may have changed but removed no row (ip_workbench.layer_versions.removals the same), and the tables of p_logged, whose every write since is logged (scout_internal.dq_writes_logged).';
revoke all on function scout_internal.dq_delta_allowed(jsonb, jsonb, regclass[], regclass[]) from public;
grant execute on function scout_internal.dq_delta_allowed(jsonb, jsonb, regclass[], regclass[]) to service_role;
