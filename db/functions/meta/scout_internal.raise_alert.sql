-- The one door to ip_workbench.dq_alerts for what is not a table's score: a failed
-- job run (open until the job's next good run) and a sales anomaly (once per
-- category and week, ever). Same row, same NOTIFY, same delivery as data-quality
-- alerts, so whoever is paged for one is paged for all.
create or replace function scout_internal.raise_alert(p_kind text, p_subject text, p_details jsonb)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_id bigint;
begin
    if p_kind not in ('job_failed', 'sales_anomaly') then
        raise exception 'raise_alert raises job_failed and sales_anomaly alerts, got %', p_kind
            using errcode = '22023', hint = 'Data-quality alerts are raised by scout_internal.dq_raise_alert.';
    end if;
    -- the same problem again marks the open alert seen: no flood
    update ip_workbench.dq_alerts a
       set details = p_details || pg_catalog.jsonb_build_object('times', coalesce((a.details ->> 'times')::int, 1) + 1)
     where a.kind = p_kind and a.subject = p_subject and a.closed_at is null and p_kind = 'job_failed';
    if found then
        return null;
    end if;
    insert into ip_workbench.dq_alerts (kind, subject, details, closed_at, schema_name, table_name, layer)
    values (p_kind, p_subject, p_details,
            -- an anomaly is an event, not a state that can recover: closed as it is raised
            case p_kind when 'sales_anomaly' then pg_catalog.now() end,
            case p_kind when 'sales_anomaly' then 'scout' end,
            case p_kind when 'sales_anomaly' then 'gold_sales_anomalies' end,
            case p_kind when 'sales_anomaly' then 'gold' end)
    on conflict (subject) where kind = 'sales_anomaly' do nothing
    returning id into v_id;
    if v_id is not null then
        perform pg_catalog.pg_notify('scout_dq_alert', pg_catalog.jsonb_build_object(
            'alert_id', v_id, 'kind', p_kind, 'subject', p_subject, 'details', p_details)::text);
    end if;
    return v_id;
end
$fn$;
comment on function scout_internal.raise_alert(text, text, jsonb) is
    'Raises an alert of kind p_kind (job_failed or sales_anomaly) about p_subject (a job name, or "category, week of YYYY-MM-DD") with p_details, with NOTIFY scout_dq_alert; returns its id. A job with an open alert gets no second one (its details take the latest failure and a count of times); a sales anomaly is raised once, ever (NULL after that), closed as it is raised since it is an event, not a state that recovers.';
revoke all on function scout_internal.raise_alert(text, text, jsonb) from public;
grant execute on function scout_internal.raise_alert(text, text, jsonb) to service_role;
