-- "Today" for every rule that asks whether a date or a period is over: the business
-- date in the pipeline's time zone (setting business_time_zone), not the server's.
create or replace function scout_internal.business_today()
returns date
language sql
stable
parallel safe
set search_path = ''
begin atomic
    select (pg_catalog.now() at time zone (scout_internal.setting('business_time_zone') #>> '{}'))::date;
end;
comment on function scout_internal.business_today() is
    'Today''s date in the business time zone (setting business_time_zone): a month or week is over once it ended before this day.';
revoke all on function scout_internal.business_today() from public;
grant execute on function scout_internal.business_today() to service_role;
