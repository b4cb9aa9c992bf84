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
-- A check none of whose inputs changed since the run that judged it, that day, keeps
-- that judgement without reading its tables again (scout_internal.dq_check_inputs,
-- dq_inputs_unchanged): a second run with nothing new costs lookups, not scans.
-- A check with a delta function (scout_internal.dq_delta_<view>) is judged from its
-- previous result and what is new since, when that function can tell
-- (scout_internal.dq_delta_allowed): the hour after a million rows reads the hour's rows.
-- Every judgement keeps the context its statement saw (inputs_seen -> 'judged',
-- scout_internal.dq_statement_context), which is what the next delta starts from.
create or replace function scout_internal.dq_run_checks()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_check record;
    v_seen jsonb;
    v_before record;
    -- what every counted table's version and removals are, and the snapshot they belong to
    v_versions jsonb;
    v_removals jsonb;
    v_snapshot pg_snapshot;
    v_delta_rows bigint;
    v_today date := scout_internal.business_today();
    v_last_run bigint := (select pg_catalog.max(d.run_id) from ip_workbench.dq_results d);
    v_columns text := 'check_name, schema_name, table_name, layer, dimension, level, passed, failed, detail, failing_keys';
    v_started timestamptz;
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_run_checks');
    select pg_catalog.jsonb_object_agg(v.table_name::text, v.version),
           pg_catalog.jsonb_object_agg(v.table_name::text, v.removals), pg_catalog.pg_current_snapshot()
      into v_versions, v_removals, v_snapshot
      from ip_workbench.layer_versions v;
    if pg_catalog.to_regclass('pg_temp.dq_run_results') is not null then
        drop table pg_temp.dq_run_results;
    end if;
    create temp table dq_run_results (
        check_name text, schema_name text, table_name text, layer text, dimension text, level text,
        passed bigint, failed bigint, detail text, failing_keys text[],
        recent_passed bigint, recent_failed bigint, recent_carried boolean not null default false,
        timeliness numeric,  -- the score of a timeliness row, measured once here
        inputs_seen jsonb, reused_from_run_id bigint,
        seconds numeric,  -- how long its view took (or the lookup of the judgement it kept)
        -- judged by its delta function from the result of this run: failing_keys are the
        -- keys that fail since, keys_cleared those that failed and pass now
        delta_of_run_id bigint, keys_cleared text[]
    ) on commit drop;
    for v_check in select c.oid, c.relname,
                          exists (select 1 from pg_catalog.pg_attribute a
                                   where a.attrelid = c.oid and a.attname = 'recent_failed' and not a.attisdropped)
                          and exists (select 1 from pg_catalog.pg_attribute a
                                       where a.attrelid = c.oid and a.attname = 'recent_passed' and not a.attisdropped)
                              as knows_recent
                     from pg_catalog.pg_class c
                    where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v' order by c.relname loop
        v_started := pg_catalog.clock_timestamp();
        v_seen := scout_internal.dq_check_inputs(v_check.oid, v_versions, v_snapshot, v_today)
                  || pg_catalog.jsonb_build_object('removals', v_removals);
        v_delta_rows := 0;
        -- the previous run's results of this view (one view may name several checks, all
        -- judged from the same inputs): compared with now once per view, not per row
        select pg_catalog.count(distinct d.inputs_seen) = 1 and pg_catalog.bool_and(d.inputs_seen is not null) as judged,
               (pg_catalog.array_agg(d.inputs_seen))[1] as inputs_seen,
               pg_catalog.min(coalesce(d.reused_from_run_id, d.run_id)) as judged_in into v_before
          from ip_workbench.dq_results d
         where d.run_id = v_last_run and (d.inputs_seen ->> 'view' = v_check.oid::regclass::text or d.check_name = v_check.relname);
        if v_before.judged and scout_internal.dq_inputs_unchanged(v_before.inputs_seen, v_seen) then
            -- nothing it reads changed: its judgement stands, failing keys included
            insert into pg_temp.dq_run_results
            select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level, d.passed, d.failed, d.detail,
                   -- a few samples for its alert: its keys stay in test_failures as they are
                   (select pg_catalog.array_agg(f.key)
                      from (select k.key from scout_internal.dq_failing_keys(d.check_name, d.schema_name, d.table_name) k(key)
                             limit 5) f),
                   d.recent_passed, d.recent_failed, true, null, d.inputs_seen, v_before.judged_in
              from ip_workbench.dq_results d
             where d.run_id = v_last_run and (d.inputs_seen ->> 'view' = v_check.oid::regclass::text or d.check_name = v_check.relname);
        else
            if v_before.judged then
                v_delta_rows := scout_internal.dq_judge_by_delta(v_check.relname, v_before.inputs_seen, v_seen, v_last_run);
            end if;
            if v_delta_rows = 0 then
                begin
                    execute pg_catalog.format('insert into pg_temp.dq_run_results (%s, recent_passed, recent_failed, inputs_seen) select %s, %s, $1 || pg_catalog.jsonb_build_object(''judged'', scout_internal.dq_statement_context()) from scout_checks.%I',
                                              v_columns, v_columns,
                                              case when v_check.knows_recent then 'recent_passed, recent_failed' else 'passed, failed' end,
                                              v_check.relname) using v_seen;
                exception when others then
                    insert into pg_temp.dq_run_results
                    values (v_check.relname, 'scout_checks', v_check.relname, 'metadata', 'validity', 'error', 0, 1,
                            pg_catalog.format('the check itself failed: %s (SQLSTATE %s)', sqlerrm, sqlstate), null, 0, 1);
                end;
            end if;
        end if;
        -- the view's results are the only ones not timed yet
        update pg_temp.dq_run_results r
           set seconds = pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - v_started), 3)
         where r.seconds is null;
    end loop;
    perform scout_internal.dq_prune_change_logs(v_snapshot);
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
                                                 'kept_checks', pg_catalog.count(distinct r.inputs_seen ->> 'view') filter (where r.reused_from_run_id is not null),
                                                 'delta_checks', pg_catalog.count(distinct r.inputs_seen ->> 'view') filter (where r.delta_of_run_id is not null),
                                                 'failing_rows', coalesce(pg_catalog.sum(r.failed), 0),
                                                 'recent_failing_rows', coalesce(pg_catalog.sum(r.recent_failed)
                                                                                 filter (where not r.recent_carried), 0))
              from pg_temp.dq_run_results r);
end
$fn$;
comment on function scout_internal.dq_run_checks() is
    'Step 1 of scout.run_dq_checks: runs every view of scout_checks (one that raises becomes a failed result naming the error) and the timeliness of every registered table where it applies (scout_internal.table_lag) into pg_temp.dq_run_results, with each check''s counts over every retained row (passed, failed) and over the rows that arrived since scout_internal.dq_recent_since() (recent_passed, recent_failed; a view without those columns counts the same in both), and for a timeliness row its score (timeliness); a check with no recent row keeps its previous recent figures (recent_carried). A check none of whose inputs changed since the run that judged it, the same business day (scout_internal.dq_inputs_unchanged), keeps that run''s whole result without reading its tables (reused_from_run_id, recent_carried; five of its failing keys from test_failures, as the alert''s samples). Otherwise a view with a delta function is judged from its previous result and what changed since (scout_internal.dq_judge_by_delta: delta_of_run_id, keys_cleared), when that function can tell, else by the view itself; either way the judgement keeps the context its statement saw (inputs_seen -> ''judged''), and the change logs older than the run are pruned (scout_internal.dq_prune_change_logs). Each view''s results carry how long it took (seconds; the lookup alone for a kept judgement). Returns {"checks" (results), "failed_checks", "kept_checks" (check views whose judgement was kept), "delta_checks" (check views judged from what changed), "failing_rows", "recent_failing_rows"}. Only inside scout.run_dq_checks (55000 otherwise).';
revoke all on function scout_internal.dq_run_checks() from public;
grant execute on function scout_internal.dq_run_checks() to service_role;
