-- Like scout_internal.iso_date, for a full timestamp; a missing zone means UTC.
create or replace function scout_internal.iso_timestamptz(p_text text)
returns timestamptz
language sql
stable
parallel safe
begin atomic
    select case
        when scout_internal.iso_date(p_text) is null then null
        when p_text ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' and pg_catalog.length(p_text) > 10
            then p_text::timestamptz
        else p_text::timestamp at time zone 'UTC'
    end;
end;
comment on function scout_internal.iso_timestamptz(text) is
    'An ISO 8601 date or date-time as timestamptz (UTC when no zone is given), or NULL when scout_internal.iso_date would reject it. Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.iso_timestamptz(text) from public;
grant execute on function scout_internal.iso_timestamptz(text) to service_role;
