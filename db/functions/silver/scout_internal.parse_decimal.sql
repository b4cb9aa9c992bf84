-- Plain decimal numbers only: no NaN, Infinity, hex, thousands separators or
-- exponents beyond 3 digits, and at most 1000 characters — numeric's input limit
-- (131,072 digits before the point, 16,383 after) must never be reached, since
-- one value that raises would abort the whole set-based statement.
create or replace function scout_internal.parse_decimal(p_text text)
returns numeric
language sql
immutable
parallel safe
begin atomic
    select case
        when pg_catalog.length(p_text) <= 1000 and p_text ~ '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$'
            then p_text::numeric
    end;
end;
comment on function scout_internal.parse_decimal(text) is
    'A plain decimal number of at most 1000 characters (optionally signed, with an exponent of at most 3 digits) as numeric, or NULL for anything else (NaN, Infinity, words, separators, longer texts). Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.parse_decimal(text) from public;
grant execute on function scout_internal.parse_decimal(text) to service_role;
