-- The data-quality job's last step: a table of a layer with an overall bar whose score
-- is below the alert threshold gets an alert (one open at a time, with NOTIFY); one
-- whose score recovered has its alert closed. Layers without an overall bar (bronze:
-- n/a in the contract) are scored, never alerted on.
create or replace function scout_internal.dq_settle_alerts(p_run_id bigint, p_threshold numeric)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_alert record;
    v_raised jsonb := '[]'::jsonb;
    v_closed jsonb := '[]'::jsonb;
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_settle_alerts');
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[])';
    perform 'PRAGMA:TABLE: dq_run_scores (schema_name text, table_name text, layer text, completeness numeric, uniqueness numeric, validity numeric, integrity numeric, timeliness numeric, dq_score numeric)';
    for v_alert in
        select s.*, a.id as open_id,
               (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                           'check', r.check_name, 'failed', r.failed, 'detail', r.detail,
                           'sample_keys', pg_catalog.to_jsonb(r.failing_keys[1:5])) order by r.check_name)
                  from pg_temp.dq_run_results r
                 where r.schema_name = s.schema_name and r.table_name = s.table_name and r.failed > 0) as failing
          from pg_temp.dq_run_scores s
          join ip_workbench.dq_thresholds h on h.layer = s.layer and h.overall is not null
          left join ip_workbench.dq_alerts a
                 on a.schema_name = s.schema_name and a.table_name = s.table_name and a.closed_at is null
    loop
        if v_alert.dq_score < p_threshold then
            if scout_internal.dq_raise_alert(v_alert.schema_name, v_alert.table_name, v_alert.layer, v_alert.dq_score,
                   p_threshold, pg_catalog.jsonb_build_object('completeness', v_alert.completeness,
                       'uniqueness', v_alert.uniqueness, 'validity', v_alert.validity, 'integrity', v_alert.integrity,
                       'timeliness', v_alert.timeliness),
                   v_alert.failing, p_run_id) is not null then
                v_raised := v_raised || pg_catalog.to_jsonb(v_alert.schema_name || '.' || v_alert.table_name);
            end if;
        elsif v_alert.open_id is not null then
            update ip_workbench.dq_alerts a
               set closed_at = pg_catalog.now(), closed_score = v_alert.dq_score
             where a.id = v_alert.open_id;
            v_closed := v_closed || pg_catalog.to_jsonb(v_alert.schema_name || '.' || v_alert.table_name);
        end if;
    end loop;
    return pg_catalog.jsonb_build_object('alerts_raised', v_raised, 'alerts_closed', v_closed);
end
$fn$;
comment on function scout_internal.dq_settle_alerts(bigint, numeric) is
    'Step 4 of scout.run_dq_checks: for every table in pg_temp.dq_run_scores of a layer with an overall threshold, opens an alert (scout_internal.dq_raise_alert) when its score is below p_threshold, or closes its open alert when it is not; returns {"alerts_raised", "alerts_closed"} (lists of schema.table). Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_settle_alerts(bigint, numeric) from public;
grant execute on function scout_internal.dq_settle_alerts(bigint, numeric) to service_role;
