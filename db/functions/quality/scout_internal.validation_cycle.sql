-- The old stack's validation cycle against a live database, every step but the
-- migration lint (squawk reads files; scout-db check runs it): one row per step,
-- whether it passed and its figure.
create or replace function scout_internal.validation_cycle()
returns table (step text, passed boolean, figure text)
language plpgsql
volatile
set search_path = ''
set client_min_messages = warning
as $fn$
declare
    v_checked bigint;
    v_failed bigint;
    v_problems bigint;
    v_plan jsonb;
    v_ms numeric;
    v_worst numeric := 0;
    v_query text;
    v_total bigint;
    v_missing bigint;
    v_runs bigint;
    v_ok bigint;
    v_silver numeric;
    v_gold_failing bigint;
    v_view text;
    v_bar numeric;
    v_worst_check text;
begin
    -- syntax/type: the share of Bronze that passes every rule (JSON, types, amounts,
    -- dates) and so is accepted into Silver, of the recent rows (as the last check run
    -- judged them) against Silver's completeness bar, every retained row's share beside it
    select c.passed + c.failed, c.failed,
           -- recent as the last check run judged it (what the scores say), else the last day's
           coalesce(d.recent_passed + d.recent_failed, c.recent_passed + c.recent_failed),
           coalesce(d.recent_failed, c.recent_failed)
      into v_total, v_missing, v_checked, v_failed
      from scout_checks.silver_accepts_bronze c
      left join lateral (select r.recent_passed, r.recent_failed from ip_workbench.dq_results r
                          where r.check_name = 'silver_accepts_bronze' order by r.run_id desc limit 1) d on true;
    select h.completeness into v_bar from ip_workbench.dq_thresholds h where h.layer = 'silver';
    step := 'syntax_type';
    passed := coalesce(100.0 * (v_checked - v_failed) / nullif(v_checked, 0) >= v_bar, true);
    figure := pg_catalog.format('%s of %s recent Bronze transactions accepted (%s%%, bar %s%%); %s of %s retained (%s%%)',
                                v_checked - v_failed, v_checked,
                                coalesce(pg_catalog.round(100.0 * (v_checked - v_failed) / nullif(v_checked, 0), 1)::text, '-'),
                                v_bar, v_total - v_missing, v_total,
                                coalesce(pg_catalog.round(100.0 * (v_total - v_missing) / nullif(v_total, 0), 1)::text, '-'));
    return next;

    -- security: the catalog-wide rules, documentation aside (its own step)
    select pg_catalog.count(*) into v_problems from ip_workbench.security_lint l where l.problem <> 'missing_comment';
    step := 'security'; passed := v_problems = 0;
    figure := pg_catalog.format('%s security_lint problems', v_problems)
              || coalesce(': ' || (select pg_catalog.string_agg(l.object_name || ' ' || l.problem, ', ')
                                     from (select * from ip_workbench.security_lint l2
                                            where l2.problem <> 'missing_comment' limit 3) l), '');
    return next;

    -- test: the quality suites' bar in rows, as dbt counts a test's failing rows: every
    -- Silver check passes at least 80% of its rows (the worst one is shown), and no Gold
    -- row fails a Gold check
    if pg_catalog.to_regclass('pg_temp.validation_checks') is not null then
        drop table pg_temp.validation_checks;
    end if;
    create temp table validation_checks (layer text, check_name text, passed bigint, failed bigint) on commit drop;
    for v_view in select c.relname from pg_catalog.pg_class c
                   where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v' loop
        -- error-level checks only: a warning (a sale at an unregistered store) fails no step
        execute pg_catalog.format('insert into pg_temp.validation_checks select layer, check_name, passed, failed from scout_checks.%I where level = ''error''',
                                  v_view);
    end loop;
    select 100.0 * v.passed / nullif(v.passed + v.failed, 0), v.check_name into v_silver, v_worst_check
      from pg_temp.validation_checks v where v.layer = 'silver' and v.passed + v.failed > 0
     order by 1, 2 limit 1;
    select coalesce(pg_catalog.sum(v.failed), 0) into v_gold_failing
      from pg_temp.validation_checks v where v.layer = 'gold';
    step := 'test'; passed := coalesce(v_silver, 100) >= 80 and v_gold_failing = 0;
    figure := pg_catalog.format('Silver''s worst check passes %s%% of its rows (%s; bar 80%%), Gold has %s failing rows (bar 0)',
                                pg_catalog.round(coalesce(v_silver, 100), 1), coalesce(v_worst_check, 'none'), v_gold_failing);
    return next;

    -- performance: the dashboard queries of the original README (docs/original-README.md), each under 3 s
    foreach v_query in array array[
        'SELECT month, category, total_amount, mom_growth_pct FROM scout.gold_monthly_summary WHERE month >= DATE_TRUNC(''month'', CURRENT_DATE - INTERVAL ''12 months'') ORDER BY month DESC, total_amount DESC',
        'SELECT * FROM scout.gold_monthly_summary WHERE month = DATE_TRUNC(''month'', CURRENT_DATE)::date',
        'SELECT week_start, category, total_amount, z_score FROM scout.gold_category_trends WHERE is_anomaly ORDER BY week_start DESC LIMIT 50'] loop
        execute 'explain (analyze, format json) ' || v_query into v_plan;
        v_ms := (v_plan -> 0 ->> 'Execution Time')::numeric;
        v_worst := greatest(v_worst, v_ms);
    end loop;
    step := 'performance'; passed := v_worst < 3000;
    figure := pg_catalog.format('slowest dashboard query %s ms (bar 3000 ms)', pg_catalog.round(v_worst, 2));
    return next;

    -- documentation: every table, view, column and function has a comment
    select (select pg_catalog.count(*) from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures')
               and c.relkind in ('r', 'p', 'v', 'm', 'f'))
         + (select pg_catalog.count(*) from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid
              join pg_catalog.pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures')
               and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped)
         + (select pg_catalog.count(*) from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
             where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures')),
           (select pg_catalog.count(*) from ip_workbench.security_lint l where l.problem = 'missing_comment')
      into v_total, v_missing;
    step := 'documentation'; passed := v_missing = 0;
    figure := pg_catalog.format('%s%% of %s tables, views, columns and functions have a comment',
                                pg_catalog.round(100.0 * (v_total - v_missing) / nullif(v_total, 0), 1), v_total);
    return next;

    -- integration: the jobs' success rate over the last 7 days
    select pg_catalog.count(*) filter (where r.status in ('ok', 'failed', 'abandoned')),
           pg_catalog.count(*) filter (where r.status = 'ok')
      into v_runs, v_ok
      from ip_workbench.job_runs r where r.started_at > pg_catalog.now() - interval '7 days';
    step := 'integration'; passed := v_runs = 0 or 100.0 * v_ok / v_runs > 95;
    figure := case when v_runs = 0 then 'no job ran in the last 7 days'
                   else pg_catalog.format('%s%% of %s job runs in 7 days succeeded (bar 95%%)',
                                          pg_catalog.round(100.0 * v_ok / v_runs, 1), v_runs) end;
    return next;
end
$fn$;
comment on function scout_internal.validation_cycle() is
    'The validation cycle''s steps that SQL can judge, one row each (step, passed, figure): syntax_type (the recent Bronze transactions accepted into Silver, against Silver''s completeness bar, with every retained row''s share beside it), security (security_lint empty but for comments), test (in rows: every Silver check passes 80% of its rows, no Gold row fails), performance (the original README''s dashboard queries under 3 s by EXPLAIN ANALYZE), documentation (every object commented), integration (over 95% of the last 7 days'' job runs succeeded). scout-db check adds the migration lint.';
revoke all on function scout_internal.validation_cycle() from public;
grant execute on function scout_internal.validation_cycle() to service_role;
