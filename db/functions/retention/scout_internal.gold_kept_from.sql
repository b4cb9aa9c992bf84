-- The first month Gold's marts keep: the start of the month gold_retention_days back.
-- refresh_gold writes no mart row before it, purge_expired deletes those, and the
-- Gold → Silver check looks no further back.
create or replace function scout_internal.gold_kept_from()
returns date
language sql
stable
set search_path = ''
as $fn$
    select pg_catalog.date_trunc('month', current_date - (scout_internal.setting('gold_retention_days'))::int)::date
$fn$;
comment on function scout_internal.gold_kept_from() is
    'The first day of the month gold_retention_days ago (ip_workbench.settings): Gold''s marts hold no month or week before it.';
revoke all on function scout_internal.gold_kept_from() from public;
grant execute on function scout_internal.gold_kept_from() to service_role;
