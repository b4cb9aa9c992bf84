-- The data-quality job's second step: every result kept in the history, and every
-- checked table scored (a dimension's pass rate over its error-level checks; the
-- table's score is its lowest dimension), into pg_temp.dq_run_scores
--   (schema_name, table_name, layer, completeness, uniqueness, validity, integrity,
--    timeliness, dq_score)
-- and into the history and the registry.
create or replace function scout_internal.dq_store_scores(p_run_id bigint)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_store_scores');
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[])';
    insert into ip_workbench.dq_results (run_id, check_name, schema_name, table_name, layer, dimension, level,
                                         passed, failed, detail)
    select p_run_id, r.check_name, r.schema_name, r.table_name, r.layer, r.dimension, r.level,
           r.passed, r.failed, r.detail
      from pg_temp.dq_run_results r;

    if pg_catalog.to_regclass('pg_temp.dq_run_scores') is not null then
        drop table pg_temp.dq_run_scores;
    end if;
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
    select p_run_id, s.schema_name, s.table_name, s.layer, s.completeness, s.uniqueness, s.validity, s.integrity,
           s.timeliness, s.dq_score
      from pg_temp.dq_run_scores s;
    update ip_workbench.tables t
       set completeness = s.completeness, uniqueness = s.uniqueness, timeliness = s.timeliness,
           dq_score = s.dq_score, last_checked = pg_catalog.now()
      from pg_temp.dq_run_scores s
     where t.schema_name = s.schema_name and t.table_name = s.table_name;
    return (select pg_catalog.jsonb_object_agg(s.schema_name || '.' || s.table_name, s.dq_score)
              from pg_temp.dq_run_scores s);
end
$fn$;
comment on function scout_internal.dq_store_scores(bigint) is
    'Step 2 of scout.run_dq_checks: appends every result of pg_temp.dq_run_results to ip_workbench.dq_results under run p_run_id, scores every checked table (each dimension''s pass rate over its error-level results; dq_score the lowest) into pg_temp.dq_run_scores, ip_workbench.dq_scores and ip_workbench.tables; returns each table''s dq_score by schema.table. Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_store_scores(bigint) from public;
grant execute on function scout_internal.dq_store_scores(bigint) to service_role;
