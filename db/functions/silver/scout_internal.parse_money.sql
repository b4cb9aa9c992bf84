-- A payload amount as an exact numeric that fits numeric(14,2) once rounded to cents.
create or replace function scout_internal.parse_money(p_text text)
returns numeric
language sql
immutable
parallel safe
begin atomic
    -- judged after rounding: 999999999999.995 rounds to 10^12, which numeric(14,2) cannot hold
    select case when pg_catalog.abs(pg_catalog.round(scout_internal.parse_decimal(p_text), 2)) < 1e12
                then scout_internal.parse_decimal(p_text) end;
end;
comment on function scout_internal.parse_money(text) is
    'scout_internal.parse_decimal(p_text) when, rounded to cents, it fits numeric(14,2) (magnitude below 10^12), else NULL. Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.parse_money(text) from public;
grant execute on function scout_internal.parse_money(text) to service_role;
