-- The data-quality job's last step: a table whose score is below the alert threshold
-- gets an alert (one open at a time, with NOTIFY); one whose score recovered has its
-- alert closed. A layer with an overall bar is paged on its score; Bronze (no overall
-- bar in the contract: its bad rows page through Silver, which rejects them) only on
-- its timeliness, which is how a source that stopped sending reaches anyone.
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
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], recent_passed bigint, recent_failed bigint, recent_carried boolean, timeliness numeric, inputs_seen jsonb, reused_from_run_id bigint, seconds numeric, delta_of_run_id bigint, keys_cleared text[])';
    perform 'PRAGMA:TABLE: dq_run_scores (schema_name text, table_name text, layer text, completeness numeric, uniqueness numeric, validity numeric, integrity numeric, timeliness numeric, dq_score numeric, cumulative_score numeric, failing_bars text[])';
    for v_alert in
        select s.*, a.id as open_id,
               case when h.overall is not null then s.dq_score else s.timeliness end as paged_score,
               (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                           'check', r.check_name, 'failed', r.failed, 'detail', r.detail,
                           'recent_failed', r.recent_failed, 'recent_checked', r.recent_passed + r.recent_failed,
                           'sample_keys', pg_catalog.to_jsonb(r.failing_keys[1:5])) order by r.check_name)
                  from pg_temp.dq_run_results r
                 where r.schema_name = s.schema_name and r.table_name = s.table_name and r.level = 'error'
                   and (r.recent_failed > 0 or r.failed > 0)) as failing
          from pg_temp.dq_run_scores s
          join ip_workbench.dq_thresholds h on h.layer = s.layer and (h.overall is not null or h.timeliness is not null)
          left join ip_workbench.dq_alerts a
                 on a.kind = 'data_quality' and a.subject = s.schema_name || '.' || s.table_name and a.closed_at is null
    loop
        if v_alert.paged_score < p_threshold then
            if scout_internal.dq_raise_alert(v_alert.schema_name, v_alert.table_name, v_alert.layer, v_alert.paged_score,
                   p_threshold, pg_catalog.jsonb_build_object('completeness', v_alert.completeness,
                       'uniqueness', v_alert.uniqueness, 'validity', v_alert.validity, 'integrity', v_alert.integrity,
                       'timeliness', v_alert.timeliness, 'cumulative', v_alert.cumulative_score),
                   v_alert.failing, p_run_id) is not null then
                v_raised := v_raised || pg_catalog.to_jsonb(v_alert.schema_name || '.' || v_alert.table_name);
            end if;
        elsif v_alert.open_id is not null and v_alert.paged_score is not null then
            update ip_workbench.dq_alerts a
               set closed_at = pg_catalog.now(), closed_score = v_alert.paged_score
             where a.id = v_alert.open_id;
            v_closed := v_closed || pg_catalog.to_jsonb(v_alert.schema_name || '.' || v_alert.table_name);
        end if;
    end loop;
    return pg_catalog.jsonb_build_object('alerts_raised', v_raised, 'alerts_closed', v_closed);
end
$fn$;
comment on function scout_internal.dq_settle_alerts(bigint, numeric) is
    'Step 4 of scout.run_dq_checks: for every table in pg_temp.dq_run_scores, compares its paged score (dq_score in a layer with an overall bar; timeliness in bronze) with p_threshold: below it opens an alert (scout_internal.dq_raise_alert, naming the failing checks with their recent and cumulative counts), at or above it closes the table''s open alert. Returns {"alerts_raised", "alerts_closed"} (lists of schema.table). Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_settle_alerts(bigint, numeric) from public;
grant execute on function scout_internal.dq_settle_alerts(bigint, numeric) to service_role;
