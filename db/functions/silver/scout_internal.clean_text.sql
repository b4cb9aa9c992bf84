-- "Trimmed" (CONTRACT.md): every character a person cannot see goes from both
-- ends — Unicode's spaces and line breaks, tabs, and the zero-width and no-break
-- characters — so "T-1\t", "T-1\u00a0" and "\u200bT-1" are one key. Empty is NULL.
create or replace function scout_internal.clean_text(p_text text)
returns text
language sql
immutable
parallel safe
begin atomic
    select nullif(pg_catalog.btrim(p_text,
        -- tab, LF, VT, FF, CR, space, NEL, no-break space, ogham space, Mongolian vowel separator,
        -- en quad … hair space, zero-width space/non-joiner/joiner, line and paragraph separators,
        -- narrow no-break space, medium mathematical space, word joiner, ideographic space, BOM
        E'\t\n\u000b\u000c\r \u0085\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff'),
        '');
end;
comment on function scout_internal.clean_text(text) is
    'p_text without the invisible characters at either end (whitespace, line breaks, no-break and zero-width characters, BOM); NULL when nothing visible is left. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.clean_text(text) from public;
grant execute on function scout_internal.clean_text(text) to service_role;
