-- Platinum's last build as the checks need it. A function, not a join in the check
-- views: a view would pin ip_workbench.platinum_builds, which migrations' rollbacks
-- drop and alter.
create or replace function scout_internal.platinum_last_build()
returns table (window_start date, min_co_occurrence integer)
language sql
stable
set search_path = ''
as $fn$
    select b.window_start, coalesce(b.min_co_occurrence, (scout_internal.setting('min_co_occurrence'))::int)
      from ip_workbench.platinum_builds b
$fn$;
comment on function scout_internal.platinum_last_build() is
    'The window_start and min_co_occurrence (the setting where the build did not record it) of Platinum''s last build; no row before the first build.';
revoke all on function scout_internal.platinum_last_build() from public;
grant execute on function scout_internal.platinum_last_build() to service_role;
