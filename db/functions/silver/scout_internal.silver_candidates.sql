-- The rows a Silver merge is judging, numbered, without parsing them: what the safety
-- net (scout_internal.silver_isolate_unparseable) halves when the set-based parse raised.
create or replace function scout_internal.silver_candidates(
    p_bronze regclass,
    p_now pg_snapshot,
    p_own xid8,
    p_prev pg_snapshot,
    p_prev_xid xid8,
    p_prev_seq bigint
)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_count bigint;
begin
    if pg_catalog.to_regclass('pg_temp.silver_candidates') is not null then
        drop table pg_temp.silver_candidates;
    end if;
    execute pg_catalog.format($sql$
        create temp table silver_candidates on commit drop as
        select pg_catalog.row_number() over (order by b.ingest_seq) as rn, b.id, null::text as parse_error
          from %s b
         where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin($3), '0'::xid8)
           and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, $1, $2, $3, $4, $5)$sql$, p_bronze)
        using p_now, p_own, p_prev, p_prev_xid, p_prev_seq;
    get diagnostics v_count = row_count;
    create index on pg_temp.silver_candidates (rn);
    return v_count;
end
$fn$;
comment on function scout_internal.silver_candidates(regclass, pg_snapshot, xid8, pg_snapshot, xid8, bigint) is
    'Internal to the Silver merges'' safety net: creates pg_temp.silver_candidates(rn, id, parse_error), the rows of Bronze table p_bronze new to the stream (watermark p_prev, p_prev_xid, p_prev_seq; snapshot p_now; own transaction p_own) numbered by arrival; returns how many.';
revoke all on function scout_internal.silver_candidates(regclass, pg_snapshot, xid8, pg_snapshot, xid8, bigint) from public;
grant execute on function scout_internal.silver_candidates(regclass, pg_snapshot, xid8, pg_snapshot, xid8, bigint) to service_role;
