-- The one way an alert is raised, by the daily checks and by the hourly run's
-- Silver checks alike: open it and NOTIFY, unless the table has one open already
-- (then the same problem only marks it seen again: no flood).
create or replace function scout_internal.dq_raise_alert(
    p_schema text,
    p_table text,
    p_layer text,
    p_score numeric,
    p_threshold numeric,
    p_scores jsonb,
    p_failing jsonb,
    p_run_id bigint
)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_id bigint;
begin
    update ip_workbench.dq_alerts a set last_seen_run_id = p_run_id
     where a.kind = 'data_quality' and a.subject = p_schema || '.' || p_table and a.closed_at is null;
    if found then
        return null;
    end if;
    insert into ip_workbench.dq_alerts (kind, subject, schema_name, table_name, layer, dq_score, threshold, scores,
                                        failing_checks, opened_run_id, last_seen_run_id)
    values ('data_quality', p_schema || '.' || p_table, p_schema, p_table, p_layer, p_score, p_threshold, p_scores,
            coalesce(p_failing, '[]'), p_run_id, p_run_id)
    returning id into v_id;
    perform pg_catalog.pg_notify('scout_dq_alert', pg_catalog.jsonb_build_object(
        'alert_id', v_id, 'kind', 'data_quality', 'subject', p_schema || '.' || p_table, 'table', p_schema || '.' || p_table, 'layer', p_layer, 'dq_score', p_score,
        'threshold', p_threshold, 'scores', p_scores, 'run_id', p_run_id)::text);
    return v_id;
end
$fn$;
comment on function scout_internal.dq_raise_alert(text, text, text, numeric, numeric, jsonb, jsonb, bigint) is
    'Opens a data-quality alert for table p_schema.p_table (score p_score below p_threshold, dimension scores p_scores, failing checks p_failing, raised by run p_run_id) and sends NOTIFY scout_dq_alert; returns its id. When the table has an open alert, marks it seen by p_run_id and returns NULL.';
revoke all on function scout_internal.dq_raise_alert(text, text, text, numeric, numeric, jsonb, jsonb, bigint) from public;
grant execute on function scout_internal.dq_raise_alert(text, text, text, numeric, numeric, jsonb, jsonb, bigint) to service_role;
