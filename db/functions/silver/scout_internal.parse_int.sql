-- Whole numbers only ("2", "+2", "-2"); "2.0", "2e0" or anything past int range is NULL.
-- [0-9], never \d: under an ICU collation \d matches every script's digits, which a cast refuses.
create or replace function scout_internal.parse_int(p_text text)
returns integer
language sql
immutable
parallel safe
begin atomic
    select case when p_text ~ '^[+-]?[0-9]{1,9}$' then p_text::int end;
end;
comment on function scout_internal.parse_int(text) is
    'A plain integer of at most 9 digits, optionally signed, as integer; NULL for anything else. Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.parse_int(text) from public;
grant execute on function scout_internal.parse_int(text) to service_role;
