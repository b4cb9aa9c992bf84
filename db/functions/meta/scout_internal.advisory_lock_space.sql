-- Every advisory lock the layer takes is (space, key): the space says what kind of
-- thing is locked, so a job's lock can never be taken for an alert's by accident.
-- The numbers live here and nowhere else.
create or replace function scout_internal.advisory_lock_space(p_space text)
returns integer
language plpgsql
immutable
parallel safe
set search_path = ''
as $fn$
begin
    case p_space
    when 'jobs' then return 23559;              -- key: ip_workbench.jobs.lock_key
    when 'alert_deliveries' then return 23560;  -- key: ip_workbench.dq_alerts.id
    else
        raise exception using errcode = '22023',
            message = pg_catalog.format('no advisory lock space %L: the spaces are jobs and alert_deliveries', p_space);
    end case;
end
$fn$;
comment on function scout_internal.advisory_lock_space(text) is
    'The first key of every advisory lock of one kind: jobs (second key ip_workbench.jobs.lock_key) or alert_deliveries (second key the alert id). 22023 for any other name.';
revoke all on function scout_internal.advisory_lock_space(text) from public;
grant execute on function scout_internal.advisory_lock_space(text) to service_role;
