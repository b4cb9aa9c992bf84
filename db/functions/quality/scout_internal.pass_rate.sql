-- A dimension's score: 100 x passed / checked, from {"dimension": [passed, failed]}.
create or replace function scout_internal.pass_rate(p_dimensions jsonb, p_dimension text)
returns numeric
language sql
immutable
parallel safe
-- called a few times a run, never per row: pinning search_path costs nothing measurable
set search_path = ''
begin atomic
    select pg_catalog.round(100 * (p_dimensions -> p_dimension ->> 0)::numeric
                            / nullif((p_dimensions -> p_dimension ->> 0)::numeric + (p_dimensions -> p_dimension ->> 1)::numeric, 0), 2);
end;
comment on function scout_internal.pass_rate(jsonb, text) is
    'round(100 x passed / (passed + failed), 2) for dimension p_dimension of {"dimension": [passed, failed], …}; NULL when nothing was checked.';
revoke all on function scout_internal.pass_rate(jsonb, text) from public;
grant execute on function scout_internal.pass_rate(jsonb, text) to service_role;
