-- What a person receives about an alert, built where the alert is: Mattermost and
-- Slack read `text` and `attachments` (Mattermost does not render Slack's
-- `blocks`); `generic` is the alert as plain JSON for any other receiver.
create or replace function scout_internal.dq_alert_message(p_alert_id bigint, p_format text, p_report text default null)
returns jsonb
language plpgsql
stable
set search_path = ''
as $fn$
declare
    v_alert ip_workbench.dq_alerts;
    v_title text;
begin
    select * into v_alert from ip_workbench.dq_alerts a where a.id = p_alert_id;
    if not found then
        raise exception 'no data-quality alert %', p_alert_id using errcode = '22023';
    end if;
    if v_alert.kind <> 'data_quality' then
        return scout_internal.event_alert_message(v_alert, p_format, p_report);
    end if;
    -- the registry's names are data too: one plain line here, code in the chat text below
    v_title := scout_internal.plain_line(pg_catalog.format('Data quality below %s for %s.%s (%s): %s', v_alert.threshold,
                                 v_alert.schema_name, v_alert.table_name, v_alert.layer, v_alert.dq_score));
    if p_format = 'generic' then
        return pg_catalog.jsonb_build_object(
            'alert_id', v_alert.id, 'table', v_alert.schema_name || '.' || v_alert.table_name, 'layer', v_alert.layer,
            'dq_score', v_alert.dq_score, 'threshold', v_alert.threshold, 'scores', v_alert.scores,
            'failing_checks', v_alert.failing_checks, 'opened_at', v_alert.opened_at, 'report', p_report);
    elsif p_format = 'mattermost' then
        return pg_catalog.jsonb_build_object(
            'text', ':warning: ' || pg_catalog.format('Data quality below %s for %s (%s): %s', v_alert.threshold,
                                 scout_internal.markdown_code(v_alert.schema_name || '.' || v_alert.table_name),
                                 scout_internal.markdown_code(v_alert.layer), v_alert.dq_score),
            'attachments', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                'fallback', v_title,
                'color', '#d9534f',
                'title', v_title,
                'text', coalesce((select pg_catalog.string_agg(pg_catalog.format('%s: %s failing (%s); e.g. %s',
                                                  scout_internal.markdown_code(c ->> 'check'), c ->> 'failed',
                                                  scout_internal.markdown_code(c ->> 'detail'),
                                                  coalesce((select pg_catalog.string_agg(scout_internal.markdown_code(k), ', ')
                                                              from pg_catalog.jsonb_array_elements_text(c -> 'sample_keys') k),
                                                           '-')), E'\n')
                                    from pg_catalog.jsonb_array_elements(v_alert.failing_checks) c), 'no failing check recorded')
                        || coalesce(E'\nReport: ' || p_report, ''),
                'fields', (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('short', true, 'title', s.key,
                                                                                   'value', coalesce(s.value #>> '{}', 'n/a')))
                             from pg_catalog.jsonb_each(v_alert.scores) s),
                'footer', pg_catalog.format('alert %s, raised %s', v_alert.id,
                                            pg_catalog.to_char(v_alert.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')))));
    elsif p_format = 'email' then
        return pg_catalog.jsonb_build_object(
            'subject', '[scout data quality] ' || v_title,
            'body', v_title || E'\n\n'
                || 'Scores: ' || coalesce((select pg_catalog.string_agg(s.key || ' ' || coalesce(s.value #>> '{}', 'n/a'), ', ')
                                             from pg_catalog.jsonb_each(v_alert.scores) s), 'none') || E'\n\n'
                || 'Failing checks:' || E'\n'
                || coalesce((select pg_catalog.string_agg(pg_catalog.format('- %s: %s failing (%s); e.g. %s',
                                 scout_internal.plain_line(c ->> 'check'), c ->> 'failed',
                                 scout_internal.plain_line(c ->> 'detail'),
                                 coalesce((select pg_catalog.string_agg(scout_internal.plain_line(k), ', ')
                                             from pg_catalog.jsonb_array_elements_text(c -> 'sample_keys') k), '-')), E'\n')
                               from pg_catalog.jsonb_array_elements(v_alert.failing_checks) c), '- none recorded') || E'\n\n'
                || pg_catalog.format('Alert %s, raised %s. ', v_alert.id,
                                     pg_catalog.to_char(v_alert.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'))
                || coalesce('Report: ' || p_report, 'Report: scout-db dq report --html dq.html') || E'\n');
    end if;
    raise exception 'format must be mattermost, generic or email, got %', p_format using errcode = '22023';
end
$fn$;
comment on function scout_internal.dq_alert_message(bigint, text, text) is
    'The message about alert p_alert_id (a job failure or sales anomaly by scout_internal.event_alert_message) in format mattermost ({"text", "attachments"}, also read by Slack), generic (the alert as JSON) or email ({"subject", "body"}), with the HTML report''s location p_report when given. Data (table names, checks, sample keys) is a Markdown code span in the chat text and one plain line in the email, never markup.';
revoke all on function scout_internal.dq_alert_message(bigint, text, text) from public;
grant execute on function scout_internal.dq_alert_message(bigint, text, text) to service_role;
