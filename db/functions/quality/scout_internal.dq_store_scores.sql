-- The data-quality job's second step: every result kept in the history, and every
-- checked table scored, into pg_temp.dq_run_scores
--   (schema_name, table_name, layer, completeness, uniqueness, validity, integrity,
--    timeliness, dq_score, cumulative_score, failing_bars)
-- and into the history and the registry. A dimension scores its worst check (a
-- passing check never raises it), over the recent rows; the table scores its worst
-- dimension. The same over every retained row is the cumulative score beside it.
-- A table below any bar of its layer (ip_workbench.dq_thresholds; validity and
-- integrity are held to the overall bar) lists the bars it fails.
create or replace function scout_internal.dq_store_scores(p_run_id bigint)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_store_scores');
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], recent_passed bigint, recent_failed bigint, recent_carried boolean, timeliness numeric, inputs_seen jsonb, reused_from_run_id bigint, seconds numeric, delta_of_run_id bigint, keys_cleared text[])';
    insert into ip_workbench.dq_results (run_id, check_name, schema_name, table_name, layer, dimension, level,
                                         passed, failed, detail, recent_passed, recent_failed, recent_carried,
                                         inputs_seen, reused_from_run_id, seconds)
    select p_run_id, r.check_name, r.schema_name, r.table_name, r.layer, r.dimension, r.level,
           r.passed, r.failed, r.detail, r.recent_passed, r.recent_failed, r.recent_carried,
           r.inputs_seen, r.reused_from_run_id, r.seconds
      from pg_temp.dq_run_results r;

    if pg_catalog.to_regclass('pg_temp.dq_run_scores') is not null then
        drop table pg_temp.dq_run_scores;
    end if;
    create temp table dq_run_scores on commit drop as
    select d.schema_name, d.table_name, d.layer, d.completeness, d.uniqueness, d.validity, d.integrity, d.timeliness,
           least(d.completeness, d.uniqueness, d.validity, d.integrity, d.timeliness)::numeric(5, 2) as dq_score,
           d.cumulative_score,
           pg_catalog.array_remove(array[
               case when d.completeness < h.completeness then 'completeness' end,
               case when d.uniqueness < h.uniqueness then 'uniqueness' end,
               case when d.validity < h.overall then 'validity' end,
               case when d.integrity < h.overall then 'integrity' end,
               case when d.timeliness < 100 then 'timeliness' end,
               case when least(d.completeness, d.uniqueness, d.validity, d.integrity, d.timeliness) < h.overall
                    then 'overall' end], null) as failing_bars
      from (select c.schema_name, c.table_name, pg_catalog.min(c.layer) as layer,
                   pg_catalog.min(c.recent_rate) filter (where c.dimension = 'completeness') as completeness,
                   pg_catalog.min(c.recent_rate) filter (where c.dimension = 'uniqueness') as uniqueness,
                   pg_catalog.min(c.recent_rate) filter (where c.dimension = 'validity') as validity,
                   pg_catalog.min(c.recent_rate) filter (where c.dimension in ('integrity', 'volume')) as integrity,
                   pg_catalog.min(c.recent_rate) filter (where c.dimension = 'timeliness') as timeliness,
                   pg_catalog.min(c.rate)::numeric(5, 2) as cumulative_score
              from (select r.schema_name, r.table_name, r.layer, r.dimension,
                           -- timeliness is about now: the same score recent and cumulative
                           coalesce(r.timeliness, pg_catalog.round(100.0 * r.recent_passed
                                                                   / nullif(r.recent_passed + r.recent_failed, 0), 2))
                               as recent_rate,
                           coalesce(r.timeliness, pg_catalog.round(100.0 * r.passed / nullif(r.passed + r.failed, 0), 2))
                               as rate
                      from pg_temp.dq_run_results r where r.level = 'error') c
             group by c.schema_name, c.table_name) d
      left join ip_workbench.dq_thresholds h on h.layer = d.layer;
    insert into ip_workbench.dq_scores (run_id, schema_name, table_name, layer, completeness, uniqueness, validity,
                                        integrity, timeliness, dq_score, cumulative_score, failing_bars)
    select p_run_id, s.schema_name, s.table_name, s.layer, s.completeness, s.uniqueness, s.validity, s.integrity,
           s.timeliness, s.dq_score, s.cumulative_score, s.failing_bars
      from pg_temp.dq_run_scores s;
    update ip_workbench.tables t
       set completeness = s.completeness, uniqueness = s.uniqueness, timeliness = s.timeliness,
           dq_score = s.dq_score, cumulative_score = s.cumulative_score, failing_bars = s.failing_bars,
           last_checked = pg_catalog.now()
      from pg_temp.dq_run_scores s
     where t.schema_name = s.schema_name and t.table_name = s.table_name;
    return (select pg_catalog.jsonb_object_agg(s.schema_name || '.' || s.table_name, s.dq_score)
              from pg_temp.dq_run_scores s);
end
$fn$;
comment on function scout_internal.dq_store_scores(bigint) is
    'Step 2 of scout.run_dq_checks: appends every result of pg_temp.dq_run_results to ip_workbench.dq_results under run p_run_id; scores every checked table into pg_temp.dq_run_scores, ip_workbench.dq_scores and ip_workbench.tables: a dimension''s score is its worst error-level check''s pass rate over the recent rows (volume counts as integrity; timeliness the score dq_run_checks measured), dq_score the worst dimension, cumulative_score the same over every retained row, failing_bars the bars of its layer it is below. Returns each table''s dq_score by schema.table. Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_store_scores(bigint) from public;
grant execute on function scout_internal.dq_store_scores(bigint) to service_role;
