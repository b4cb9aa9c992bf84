-- The safety net of the Silver merges, for the bug nobody has found yet: when the
-- one set-based parse of a delta raises on some row's data, find the rows that
-- raise by halving ranges of pg_temp.silver_candidates (rn = 1..n) with read-only
-- probes, mark them bad with their SQLSTATE and message, and load the rest into
-- p_delta. p_template is the delta's SELECT with two %s for the rn range; it must
-- skip candidates marked bad. A bad row costs about log2(n) probes, none of which
-- writes (so none takes a transaction id), and at most one subtransaction is open.
create or replace function scout_internal.silver_isolate_unparseable(p_delta text, p_template text)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_count bigint;
    v_bad bigint;
begin
    perform 'PRAGMA:TABLE: silver_candidates (rn bigint, id uuid, parse_error text)';
    select pg_catalog.count(*) into v_count from pg_temp.silver_candidates;
    execute pg_catalog.format('create temp table %I on commit drop as %s', p_delta,
                              pg_catalog.format(p_template, 1, 0));
    perform scout_internal.silver_probe_range(p_template, 1, v_count);
    execute pg_catalog.format('insert into pg_temp.%I %s', p_delta, pg_catalog.format(p_template, 1, v_count));
    select pg_catalog.count(*) into v_bad from pg_temp.silver_candidates c where c.parse_error is not null;
    return v_bad;
end
$fn$;
comment on function scout_internal.silver_isolate_unparseable(text, text) is
    'Internal to the Silver merges: after their set-based parse raised a data error, marks the candidates whose parse raises (pg_temp.silver_candidates.parse_error) and loads every other candidate into temp table p_delta with p_template; returns how many were marked.';
revoke all on function scout_internal.silver_isolate_unparseable(text, text) from public;
grant execute on function scout_internal.silver_isolate_unparseable(text, text) to service_role;
