-- The first day Silver still holds in full: where scout.purge_expired last cut it
-- (the start of a month). Gold never recomputes a month (or a week starting)
-- before it: its Silver rows are gone, and Gold keeps the totals it had.
create or replace function scout_internal.silver_frozen_before()
returns date
language sql
stable
set search_path = ''
as $fn$
    select coalesce((scout_internal.setting('silver_purged_before') #>> '{}')::date, '-infinity'::date)
$fn$;
comment on function scout_internal.silver_frozen_before() is
    'The boundary of the last Silver purge (setting silver_purged_before), or -infinity before the first: Silver holds every day from it on, and Gold is frozen before it.';
revoke all on function scout_internal.silver_frozen_before() from public;
grant execute on function scout_internal.silver_frozen_before() to service_role;
