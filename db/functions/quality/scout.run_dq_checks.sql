-- The daily data-quality job (the old 8-step validation's "quality scores per
-- layer" and `dbt test --store-failures`, with the history dbt never kept), as its
-- steps: run every check, keep every result and score every checked table, replace
-- its failing rows in test_failures, and raise or close its alert.
create or replace function scout.run_dq_checks(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
-- no JIT: compiling a statement the planner prices high takes 0.1-0.4 s, more than
-- the job's statements over a delta or a small mart take to run, and its largest
-- statements gained nothing measurable from it (bench/README.md, "JIT")
set jit = off
set work_mem = '256MB'
as $fn$
declare
    v_run jsonb;
    v_run_id bigint;
    v_step text := 'checks';
    v_threshold numeric := (scout_internal.setting('dq_alert_threshold'))::numeric;
    v_checked jsonb;
    v_tables jsonb;
    v_alerts jsonb;
    -- how far this run sees: the next run's recent rows start here
    v_recent_until timestamptz := least(pg_catalog.now(), scout_internal.oldest_unjudged_bronze('silver_transactions'),
                                        scout_internal.oldest_unjudged_bronze('silver_products'));
begin
    v_run := scout_internal.job_start('scout.run_dq_checks', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    v_run_id := (v_run ->> 'run_id')::bigint;
    begin
        v_checked := scout_internal.dq_run_checks();
        v_step := 'scores';
        v_tables := scout_internal.dq_store_scores(v_run_id);
        v_step := 'test_failures';
        perform scout_internal.dq_replace_test_failures(v_run_id);
        v_step := 'alerts';
        v_alerts := scout_internal.dq_settle_alerts(v_run_id, v_threshold);
        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok', 'tables', v_tables, 'alert_threshold', v_threshold,
            'recent_since', scout_internal.dq_recent_since(), 'recent_until', v_recent_until,
            'open_alerts', (select pg_catalog.count(*) from ip_workbench.dq_alerts a where a.closed_at is null))
            || v_checked || v_alerts);
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, v_step, sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.run_dq_checks(boolean) is
    'Runs every data-quality check (the views of scout_checks) and the timeliness of every registered table; appends every result to ip_workbench.dq_results and every table''s scores to ip_workbench.dq_scores; sets completeness, uniqueness, timeliness, dq_score (of the rows that arrived since the previous run: each dimension its worst check, the table its worst dimension), cumulative_score and failing_bars in ip_workbench.tables; replaces each checked table''s failing keys in test_failures; opens one alert per table whose score (Bronze: its timeliness) is below dq_alert_threshold (with NOTIFY scout_dq_alert) and closes it when the score recovers. In named steps: scout_internal.dq_run_checks, dq_store_scores, dq_replace_test_failures, dq_settle_alerts. A check whose inputs did not change keeps its judgement; one with a delta function is judged from what changed since its previous run (scout_internal.dq_run_checks). Returns {"status", "checks", "failed_checks", "kept_checks", "delta_checks", "failing_rows", "recent_failing_rows", "tables", "alerts_raised", "alerts_closed", "open_alerts", "recent_since", "recent_until", …}; recent_until is where the next run''s recent rows start.';
revoke all on function scout.run_dq_checks(boolean) from public;
grant execute on function scout.run_dq_checks(boolean) to service_role;
