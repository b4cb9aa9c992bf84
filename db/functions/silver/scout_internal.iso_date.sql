-- Strict ISO 8601 date reading without exceptions, so one bad row never aborts a
-- set-based statement. An SQL-standard body (bound at creation, immune to the caller's search_path) with no SET clause, so the planner inlines it.
create or replace function scout_internal.iso_date(p_text text)
returns date
language sql
immutable
parallel safe
begin atomic
    select case
        -- translate() checks the date shape far cheaper than a regex; the regex
        -- only sees the optional time and zone
        when pg_catalog.translate(pg_catalog.left(p_text, 10), '0123456789', '9999999999') <> '9999-99-99'
             or (pg_catalog.length(p_text) > 10
                 and pg_catalog.substr(p_text, 11) !~ '^[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?(Z|[+-](0[0-9]|1[0-5])(:?[0-5][0-9])?)?$')
            then null
        when pg_catalog.substr(p_text, 1, 4)::int < 1
             or pg_catalog.substr(p_text, 6, 2)::int not between 1 and 12
             or pg_catalog.substr(p_text, 9, 2)::int < 1
            then null
        when pg_catalog.substr(p_text, 9, 2)::int > case
                when pg_catalog.substr(p_text, 6, 2)::int in (4, 6, 9, 11) then 30
                when pg_catalog.substr(p_text, 6, 2)::int <> 2 then 31
                when pg_catalog.substr(p_text, 1, 4)::int % 4 = 0
                     and (pg_catalog.substr(p_text, 1, 4)::int % 100 <> 0 or pg_catalog.substr(p_text, 1, 4)::int % 400 = 0)
                    then 29
                else 28
            end
            then null
        else pg_catalog.make_date(pg_catalog.substr(p_text, 1, 4)::int,
                                  pg_catalog.substr(p_text, 6, 2)::int,
                                  pg_catalog.substr(p_text, 9, 2)::int)
    end;
end;
comment on function scout_internal.iso_date(text) is
    'The date part of an ISO 8601 date or date-time (YYYY-MM-DD, optionally T/space, a time and a zone of at most ±15:59, the most PostgreSQL can represent), or NULL for any other spelling, an impossible date, or PostgreSQL''s special words. Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.iso_date(text) from public;
grant execute on function scout_internal.iso_date(text) to service_role;
