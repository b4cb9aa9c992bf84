-- A payload amount as an exact numeric that fits numeric(14,2) once rounded.
create or replace function scout.parse_money(p_text text)
returns numeric
language sql
immutable
parallel safe
as $fn$
    select case when pg_catalog.abs(scout.parse_decimal(p_text)) < 1e12 then scout.parse_decimal(p_text) end
$fn$;
comment on function scout.parse_money(text) is
    'scout.parse_decimal(p_text) when its magnitude is below 10^12 (so it fits numeric(14,2) after rounding), else NULL. Never raises.';
revoke all on function scout.parse_money(text) from public;
grant execute on function scout.parse_money(text) to service_role;
