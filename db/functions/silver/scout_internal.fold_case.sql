-- Case-insensitive matching that does not depend on the database's locale: under a
-- Turkish collation lower('I') is 'ı' and upper('i') is 'İ'. ASCII text (octet_length
-- = length, O(1) to tell) folds with the C rules, the fast path; other text with
-- ICU's root locale, the same everywhere.
-- A server built without ICU (the pgvector test server's PostgreSQL 16 wheel) folds
-- other text by the database's own locale instead, and says so when it is migrated.
do $fold$
declare
    v_icu boolean := exists (select 1 from pg_catalog.pg_collation c where c.collname = 'und-x-icu');
begin
    if not v_icu then
        raise warning 'this PostgreSQL has no ICU: scout_internal.fold_case folds non-ASCII text by the database''s locale (%), which may differ from server to server',
            (select d.datctype from pg_catalog.pg_database d where d.datname = pg_catalog.current_database());
    end if;
    execute pg_catalog.format($create$
        create or replace function scout_internal.fold_case(p_text text)
        returns text
        language sql
        immutable
        parallel safe
        begin atomic
            select case when pg_catalog.octet_length(p_text) = pg_catalog.length(p_text)
                        then pg_catalog.lower(p_text collate "C") collate "default"
                        else %s end;
        end$create$,
        case when v_icu then 'pg_catalog.lower(p_text collate "und-x-icu") collate "default"' else 'pg_catalog.lower(p_text)' end);
end
$fold$;
comment on function scout_internal.fold_case(text) is
    'p_text lower-cased by locale-independent rules (C for ASCII, ICU root otherwise; the database''s locale on a server without ICU), for case-insensitive matching. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.fold_case(text) from public;
grant execute on function scout_internal.fold_case(text) to service_role;
