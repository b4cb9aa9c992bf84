-- Case-insensitive matching that does not depend on the database's locale: under a
-- Turkish collation lower('I') is 'ı' and upper('i') is 'İ'. ASCII text (octet_length
-- = length, O(1) to tell) folds with the C rules, the fast path; other text with
-- ICU's root locale, the same everywhere.
create or replace function scout_internal.fold_case(p_text text)
returns text
language sql
immutable
parallel safe
begin atomic
    select case when pg_catalog.octet_length(p_text) = pg_catalog.length(p_text)
                then pg_catalog.lower(p_text collate "C") collate "default"
                else pg_catalog.lower(p_text collate "und-x-icu") collate "default" end;
end;
comment on function scout_internal.fold_case(text) is
    'p_text lower-cased by locale-independent rules (C for ASCII, ICU root otherwise), for case-insensitive matching. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.fold_case(text) from public;
grant execute on function scout_internal.fold_case(text) to service_role;
