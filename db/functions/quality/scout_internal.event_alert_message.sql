-- What a person receives about a failed job run or a sales anomaly: what happened,
-- the figures, and what to look at next. Data is text, never markup (code spans in
-- chat, one plain line each in email), like every alert message.
create or replace function scout_internal.event_alert_message(p_alert ip_workbench.dq_alerts, p_format text, p_report text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $fn$
declare
    d jsonb := p_alert.details;
    v_title text;
    v_chat text;
    v_lines text[];
    v_next text;
begin
    if p_alert.kind = 'job_failed' then
        v_title := pg_catalog.format('Job %s %s%s', p_alert.subject, coalesce(d ->> 'status', 'failed'),
                                     coalesce(' in step ' || (d ->> 'step'), ''));
        v_chat := pg_catalog.format(':rotating_light: Job %s %s%s', scout_internal.markdown_code(p_alert.subject),
                                    coalesce(d ->> 'status', 'failed'),
                                    coalesce(' in step ' || scout_internal.markdown_code(d ->> 'step'), ''));
        v_lines := array[pg_catalog.format('Error: %s%s', coalesce(d ->> 'message', 'none recorded'),
                                           coalesce(' (SQLSTATE ' || (d ->> 'sqlstate') || ')', '')),
                         pg_catalog.format('Run %s; failures while open: %s', coalesce(d ->> 'run_id', '?'),
                                           coalesce(d ->> 'times', '1'))];
        v_next := pg_catalog.format('scout-db jobs list; select * from ip_workbench.job_runs where id = %s',
                                    coalesce(d ->> 'run_id', '0'));
    elsif p_alert.kind = 'sales_anomaly' then
        v_title := pg_catalog.format('Sales %s: %s', d ->> 'direction', p_alert.subject);
        v_chat := pg_catalog.format(':chart_with_downwards_trend: Sales %s: %s, week of %s', d ->> 'direction',
                                    scout_internal.markdown_code(d ->> 'category'), d ->> 'week_start');
        v_lines := array[pg_catalog.format('Sold %s in the week against about %s expected from the weeks before',
                                           pg_catalog.to_char((d ->> 'total_amount')::numeric, 'FM999G999G999G990D00'),
                                           pg_catalog.to_char((d ->> 'expected_amount')::numeric, 'FM999G999G999G990D00'))];
        v_next := pg_catalog.format('select * from scout.gold_sales_anomalies where week_start = %L', d ->> 'week_start');
    else
        raise exception 'alert % is of kind %, which has no message here', p_alert.id, p_alert.kind using errcode = '22023';
    end if;
    v_title := scout_internal.plain_line(v_title);
    if p_format = 'generic' then
        return pg_catalog.jsonb_build_object('alert_id', p_alert.id, 'kind', p_alert.kind, 'subject', p_alert.subject,
                                             'details', d, 'opened_at', p_alert.opened_at, 'report', p_report);
    elsif p_format = 'mattermost' then
        return pg_catalog.jsonb_build_object(
            'text', v_chat,
            'attachments', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                'fallback', v_title, 'color', case p_alert.kind when 'job_failed' then '#d9534f' else '#f0ad4e' end,
                'title', v_title,
                'text', (select pg_catalog.string_agg(scout_internal.markdown_code(l), E'\n') from pg_catalog.unnest(v_lines) l)
                        || E'\nNext: ' || scout_internal.markdown_code(v_next) || coalesce(E'\nReport: ' || p_report, ''),
                'footer', pg_catalog.format('alert %s, raised %s', p_alert.id,
                                            pg_catalog.to_char(p_alert.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')))));
    elsif p_format = 'email' then
        return pg_catalog.jsonb_build_object(
            'subject', '[scout] ' || v_title,
            'body', v_title || E'\n\n'
                || (select pg_catalog.string_agg(scout_internal.plain_line(l), E'\n') from pg_catalog.unnest(v_lines) l)
                || E'\n\nNext: ' || scout_internal.plain_line(v_next) || E'\n\n'
                || pg_catalog.format('Alert %s, raised %s.', p_alert.id,
                                     pg_catalog.to_char(p_alert.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'))
                || coalesce(' Report: ' || p_report, '') || E'\n');
    end if;
    raise exception 'format must be mattermost, generic or email, got %', p_format using errcode = '22023';
end
$fn$;
comment on function scout_internal.event_alert_message(ip_workbench.dq_alerts, text, text) is
    'The message about p_alert, a job_failed or sales_anomaly alert, in format mattermost, generic or email (as scout_internal.dq_alert_message): what happened, its figures, the query to look at next, and the report p_report when given. Data is a code span in chat and a plain line in email.';
revoke all on function scout_internal.event_alert_message(ip_workbench.dq_alerts, text, text) from public;
grant execute on function scout_internal.event_alert_message(ip_workbench.dq_alerts, text, text) to service_role;
