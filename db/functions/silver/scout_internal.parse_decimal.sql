-- Plain decimal numbers only: no NaN, Infinity, hex, thousands separators or
-- exponents beyond 3 digits (which could build huge numerics).
create or replace function scout_internal.parse_decimal(p_text text)
returns numeric
language sql
immutable
parallel safe
begin atomic
    select case
        when p_text ~ '^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$' then p_text::numeric
    end;
end;
comment on function scout_internal.parse_decimal(text) is
    'A plain decimal number (optionally signed, with a short exponent) as numeric, or NULL for anything else (NaN, Infinity, words, separators). Never raises.';
revoke all on function scout_internal.parse_decimal(text) from public;
grant execute on function scout_internal.parse_decimal(text) to service_role;
