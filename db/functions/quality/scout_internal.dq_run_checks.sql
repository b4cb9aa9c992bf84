-- The data-quality job's first step: every check of scout_checks, and the timeliness
-- of every registered table, into pg_temp.dq_run_results
--   (check_name, schema_name, table_name, layer, dimension, level, passed, failed,
--    detail, failing_keys, recent_passed, recent_failed, recent_carried, timeliness)
-- passed/failed count every retained row; recent_* the rows that arrived since the
-- previous run (scout_internal.dq_recent_since), for a check that can tell (its view
-- has recent_passed and recent_failed), else its whole count. A check that saw no
-- recent row keeps its previous run's recent figures: no news is not good news, so
-- a bad batch's alert stays open until better data arrives or the rows are fixed.
-- A check that raises is a failed result of its own, not the end of the run.
create or replace function scout_internal.dq_run_checks()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_check record;
    v_columns text := 'check_name, schema_name, table_name, layer, dimension, level, passed, failed, detail, failing_keys';
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_run_checks');
    if pg_catalog.to_regclass('pg_temp.dq_run_results') is not null then
        drop table pg_temp.dq_run_results;
    end if;
    create temp table dq_run_results (
        check_name text, schema_name text, table_name text, layer text, dimension text, level text,
        passed bigint, failed bigint, detail text, failing_keys text[],
        recent_passed bigint, recent_failed bigint, recent_carried boolean not null default false,
        timeliness numeric  -- the score of a timeliness row, measured once here
    ) on commit drop;
    for v_check in select c.relname,
                          exists (select 1 from pg_catalog.pg_attribute a
                                   where a.attrelid = c.oid and a.attname = 'recent_failed' and not a.attisdropped)
                          and exists (select 1 from pg_catalog.pg_attribute a
                                       where a.attrelid = c.oid and a.attname = 'recent_passed' and not a.attisdropped)
                              as knows_recent
                     from pg_catalog.pg_class c
                    where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v' order by c.relname loop
        begin
            execute pg_catalog.format('insert into pg_temp.dq_run_results (%s, recent_passed, recent_failed) select %s, %s from scout_checks.%I',
                                      v_columns, v_columns,
                                      case when v_check.knows_recent then 'recent_passed, recent_failed' else 'passed, failed' end,
                                      v_check.relname);
        exception when others then
            insert into pg_temp.dq_run_results
            values (v_check.relname, 'scout_checks', v_check.relname, 'metadata', 'validity', 'error', 0, 1,
                    pg_catalog.format('the check itself failed: %s (SQLSTATE %s)', sqlerrm, sqlstate), null, 0, 1);
        end;
    end loop;
    -- timeliness of every registered table where it applies: always about now
    insert into pg_temp.dq_run_results
    select 'timeliness', t.schema_name, t.table_name, t.layer, 'timeliness', 'error',
           (l.lag <= l.allowed)::int, (l.lag > l.allowed)::int,
           pg_catalog.format('%s %s ago, allowed %s', l.measure, pg_catalog.date_trunc('second', l.lag), l.allowed),
           null, (l.lag <= l.allowed)::int, (l.lag > l.allowed)::int, false,
           scout_internal.timeliness_score(l.lag, l.allowed)
      from ip_workbench.tables t
     cross join lateral scout_internal.table_lag(t.schema_name, t.table_name) l;
    -- nothing recent to judge: the previous run's recent judgement stands
    update pg_temp.dq_run_results r
       set recent_passed = coalesce(p.recent_passed, r.passed), recent_failed = coalesce(p.recent_failed, r.failed),
           recent_carried = p.recent_passed is not null
      from (select x.check_name, x.schema_name, x.table_name, y.recent_passed, y.recent_failed
              from pg_temp.dq_run_results x
              left join lateral (select d.recent_passed, d.recent_failed from ip_workbench.dq_results d
                                  where d.check_name = x.check_name and d.schema_name = x.schema_name
                                    and d.table_name = x.table_name and d.recent_passed is not null
                                  order by d.run_id desc limit 1) y on true
             where x.recent_passed + x.recent_failed = 0) p
     where p.check_name = r.check_name and p.schema_name = r.schema_name and p.table_name = r.table_name;
    return (select pg_catalog.jsonb_build_object('checks', pg_catalog.count(*),
                                                 'failed_checks', pg_catalog.count(*) filter (where r.failed > 0),
                                                 'failing_rows', coalesce(pg_catalog.sum(r.failed), 0),
                                                 'recent_failing_rows', coalesce(pg_catalog.sum(r.recent_failed)
                                                                                 filter (where not r.recent_carried), 0))
              from pg_temp.dq_run_results r);
end
$fn$;
comment on function scout_internal.dq_run_checks() is
    'Step 1 of scout.run_dq_checks: runs every view of scout_checks (one that raises becomes a failed result naming the error) and the timeliness of every registered table where it applies (scout_internal.table_lag) into pg_temp.dq_run_results, with each check''s counts over every retained row (passed, failed) and over the rows that arrived since scout_internal.dq_recent_since() (recent_passed, recent_failed; a view without those columns counts the same in both), and for a timeliness row its score (timeliness); a check with no recent row keeps its previous recent figures (recent_carried). Returns {"checks", "failed_checks", "failing_rows", "recent_failing_rows"}. Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_run_checks() from public;
grant execute on function scout_internal.dq_run_checks() to service_role;
