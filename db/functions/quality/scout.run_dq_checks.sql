-- The daily data-quality job (the old 8-step validation's "quality scores per
-- layer" and `dbt test --store-failures`, with the history dbt never kept): run
-- every check of scout_checks, keep every result, score every checked table,
-- replace its failing rows in test_failures, and raise or close its alert.
create or replace function scout.run_dq_checks(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
set work_mem = '256MB'
set client_min_messages = warning
as $fn$
declare
    v_run jsonb;
    v_run_id bigint;
    v_step text := 'checks';
    v_check record;
    v_threshold numeric := (scout_internal.setting('dq_alert_threshold'))::numeric;
    v_alert record;
    v_raised jsonb := '[]'::jsonb;
    v_closed jsonb := '[]'::jsonb;
    v_failures bigint := 0;
    v_table record;
begin
    v_run := scout_internal.job_start('scout.run_dq_checks', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    v_run_id := (v_run ->> 'run_id')::bigint;
    begin
        drop table if exists pg_temp.dq_run_results;
        create temp table dq_run_results (
            check_name text, schema_name text, table_name text, layer text, dimension text, level text,
            passed bigint, failed bigint, detail text, failing_keys text[]
        ) on commit drop;
        -- every check; one that raises is a failed result of its own, not the end of the run
        for v_check in select c.relname from pg_catalog.pg_class c
                        where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v' order by c.relname loop
            begin
                execute pg_catalog.format('insert into pg_temp.dq_run_results select * from scout_checks.%I',
                                          v_check.relname);
            exception when others then
                insert into pg_temp.dq_run_results
                values (v_check.relname, 'scout_checks', v_check.relname, 'metadata', 'validity', 'error', 0, 1,
                        pg_catalog.format('the check itself failed: %s (SQLSTATE %s)', sqlerrm, sqlstate), null);
            end;
        end loop;
        -- timeliness of every registered table with a layer threshold
        insert into pg_temp.dq_run_results
        select 'timeliness', t.schema_name, t.table_name, t.layer, 'timeliness', 'error',
               (pg_catalog.now() - t.last_updated <= h.timeliness)::int,
               (pg_catalog.now() - t.last_updated > h.timeliness)::int,
               pg_catalog.format('last change %s ago, threshold %s',
                                 pg_catalog.date_trunc('second', pg_catalog.now() - t.last_updated), h.timeliness),
               null
          from ip_workbench.tables t
          join ip_workbench.dq_thresholds h on h.layer = t.layer
         where h.timeliness is not null and t.last_updated is not null
           and t.table_name not like '%rejected%';

        v_step := 'history';
        insert into ip_workbench.dq_results (run_id, check_name, schema_name, table_name, layer, dimension, level,
                                             passed, failed, detail)
        select v_run_id, r.check_name, r.schema_name, r.table_name, r.layer, r.dimension, r.level,
               r.passed, r.failed, r.detail
          from pg_temp.dq_run_results r;

        v_step := 'scores';
        drop table if exists pg_temp.dq_run_scores;
        create temp table dq_run_scores on commit drop as
        select d.schema_name, d.table_name, d.layer, d.completeness, d.uniqueness, d.validity, d.integrity, d.timeliness,
               least(d.completeness, d.uniqueness, d.validity, d.integrity, d.timeliness) as dq_score
          from (select r.schema_name, r.table_name, r.layer,
                       scout_internal.pass_rate(r.dimensions, 'completeness') as completeness,
                       scout_internal.pass_rate(r.dimensions, 'uniqueness') as uniqueness,
                       scout_internal.pass_rate(r.dimensions, 'validity') as validity,
                       scout_internal.pass_rate(r.dimensions, 'integrity') as integrity,
                       scout_internal.timeliness_score(r.schema_name, r.table_name) as timeliness
                  from (select x.schema_name, x.table_name, x.layer,
                               pg_catalog.jsonb_object_agg(x.dimension, pg_catalog.jsonb_build_array(x.passed, x.failed))
                                   as dimensions
                          from (select y.schema_name, y.table_name, y.layer,
                                       case y.dimension when 'volume' then 'integrity' else y.dimension end as dimension,
                                       pg_catalog.sum(y.passed) as passed, pg_catalog.sum(y.failed) as failed
                                  from pg_temp.dq_run_results y where y.level = 'error'
                                 group by 1, 2, 3, 4) x
                         group by 1, 2, 3) r) d;
        insert into ip_workbench.dq_scores (run_id, schema_name, table_name, layer, completeness, uniqueness, validity,
                                            integrity, timeliness, dq_score)
        select v_run_id, s.schema_name, s.table_name, s.layer, s.completeness, s.uniqueness, s.validity, s.integrity,
               s.timeliness, s.dq_score
          from pg_temp.dq_run_scores s;
        update ip_workbench.tables t
           set completeness = s.completeness, uniqueness = s.uniqueness, timeliness = s.timeliness,
               dq_score = s.dq_score, last_checked = pg_catalog.now()
          from pg_temp.dq_run_scores s
         where t.schema_name = s.schema_name and t.table_name = s.table_name;

        v_step := 'test_failures';
        for v_table in select c.relname from pg_catalog.pg_class c
                        where c.relnamespace = 'test_failures'::regnamespace and c.relkind = 'r' loop
            execute pg_catalog.format('delete from test_failures.%I', v_table.relname);
            execute pg_catalog.format(
                'insert into test_failures.%I (check_name, business_key, detail, run_id)
                 select r.check_name, k.key, r.detail, $1
                   from pg_temp.dq_run_results r cross join lateral pg_catalog.unnest(r.failing_keys) k(key)
                  where r.schema_name = ''scout'' and r.table_name = $2 and k.key is not null', v_table.relname)
                using v_run_id, v_table.relname;
        end loop;
        select coalesce(pg_catalog.sum(r.failed), 0) into v_failures from pg_temp.dq_run_results r;

        v_step := 'alerts';
        -- layers without an overall bar (bronze: n/a in the contract) are scored, never alerted on
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
            if v_alert.dq_score < v_threshold then
                if scout_internal.dq_raise_alert(v_alert.schema_name, v_alert.table_name, v_alert.layer, v_alert.dq_score,
                       v_threshold, pg_catalog.jsonb_build_object('completeness', v_alert.completeness,
                           'uniqueness', v_alert.uniqueness, 'validity', v_alert.validity, 'integrity', v_alert.integrity,
                           'timeliness', v_alert.timeliness),
                       v_alert.failing, v_run_id) is not null then
                    v_raised := v_raised || pg_catalog.to_jsonb(v_alert.schema_name || '.' || v_alert.table_name);
                end if;
            elsif v_alert.open_id is not null then
                update ip_workbench.dq_alerts a
                   set closed_at = pg_catalog.now(), closed_score = v_alert.dq_score
                 where a.id = v_alert.open_id;
                v_closed := v_closed || pg_catalog.to_jsonb(v_alert.schema_name || '.' || v_alert.table_name);
            end if;
        end loop;

        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok',
            'checks', (select pg_catalog.count(*) from pg_temp.dq_run_results),
            'failed_checks', (select pg_catalog.count(*) from pg_temp.dq_run_results r where r.failed > 0),
            'failing_rows', v_failures,
            'tables', (select pg_catalog.jsonb_object_agg(s.schema_name || '.' || s.table_name, s.dq_score)
                         from pg_temp.dq_run_scores s),
            'alert_threshold', v_threshold,
            'alerts_raised', v_raised,
            'alerts_closed', v_closed,
            'open_alerts', (select pg_catalog.count(*) from ip_workbench.dq_alerts a where a.closed_at is null)));
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, v_step, sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.run_dq_checks(boolean) is
    'Runs every data-quality check (the views of scout_checks) and the timeliness of every registered table; appends every result to ip_workbench.dq_results and every table''s scores to ip_workbench.dq_scores; sets completeness, uniqueness, timeliness and dq_score (the lowest dimension score) in ip_workbench.tables; replaces each checked table''s failing keys in test_failures; opens one alert per table of a layer with an overall threshold (not bronze) whose score is below dq_alert_threshold (with NOTIFY scout_dq_alert) and closes it when the score recovers. Returns {"status", "checks", "failed_checks", "failing_rows", "tables", "alerts_raised", "alerts_closed", "open_alerts", …}.';
revoke all on function scout.run_dq_checks(boolean) from public;
grant execute on function scout.run_dq_checks(boolean) to service_role;
