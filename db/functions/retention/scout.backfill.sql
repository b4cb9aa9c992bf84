-- The old backfill DAG, as its steps: bring Silver up to date, judge again the Bronze
-- transactions whose payload date falls in [from_date, to_date] with today's rules and
-- reference data (a category added to or retired from scout.ref_categories), settle
-- each of their keys anew from all its Bronze versions (the latest valid one wins; an
-- identical one changes nothing), apply that to Silver as the merge does, and rebuild
-- Gold from Silver for every month and week the range touches. A second call changes
-- nothing.
create or replace function scout.backfill(from_date date, to_date date, p_wait boolean default false)
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
    v_step text := 'silver';
    v_silver jsonb;
    v_judged jsonb;
    v_applied jsonb;
    v_gold jsonb;
begin
    v_run := scout_internal.job_start('scout.backfill', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    begin
        if from_date is null or to_date is null or from_date > to_date then
            raise exception 'backfill needs from_date <= to_date, got % and %', from_date, to_date
                using errcode = '22023';
        end if;
        -- Silver up to date first; its lock, now ours until commit, keeps it so
        v_silver := scout.refresh_silver(true);
        if v_silver ->> 'status' = 'failed' then
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'failed', 'step', 'silver', 'sqlstate', v_silver ->> 'sqlstate', 'message', v_silver ->> 'message'));
        end if;

        v_step := 'judge';
        v_judged := scout_internal.backfill_judge(from_date, to_date);
        v_step := 'silver';
        perform scout_internal.backfill_settle();
        -- a backfill touches whole days of history: Gold re-aggregates them
        v_applied := scout_internal.silver_apply_transaction_changes(p_gold_days => true);
        perform scout_internal.touch_table('scout', 'silver_validated_transactions',
            (v_applied ->> 'deleted')::bigint + (v_applied ->> 'updated')::bigint + (v_applied ->> 'inserted')::bigint,
            (v_applied ->> 'inserted')::bigint - (v_applied ->> 'deleted')::bigint);
        perform scout_internal.touch_table('scout', 'silver_rejected_transactions',
            (v_judged ->> 'rejected')::bigint + (v_judged ->> 'unrejected')::bigint, null);
        -- Gold is rebuilt from Silver for every period the range touches, whatever it
        -- held before (rows deleted or damaged by hand): every day of the range, for
        -- every category Silver or Gold knows, is queued for re-aggregation.
        insert into scout_internal.gold_days_to_reaggregate (category, day)
        select c.category, d.day::date
          from (select r.name as category from scout.ref_categories r
                union select t.category from scout_internal.gold_monthly_category_totals t
                union select t.category from scout_internal.gold_weekly_category_totals t
                union select g.category from scout.gold_monthly_summary g
                union select g.category from scout.gold_category_trends g) c
         cross join pg_catalog.generate_series(from_date, to_date, interval '1 day') d(day);

        v_step := 'gold';
        v_gold := scout.refresh_gold(true);
        if v_gold ->> 'status' = 'failed' then
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'failed', 'step', 'gold', 'sqlstate', v_gold ->> 'sqlstate', 'message', v_gold ->> 'message'));
        end if;
        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok', 'from_date', from_date, 'to_date', to_date)
            || v_judged || v_applied
            || pg_catalog.jsonb_build_object(
                'rows', (v_applied ->> 'inserted')::bigint + (v_applied ->> 'updated')::bigint
                        + (v_applied ->> 'deleted')::bigint,
                'silver', v_silver, 'gold', v_gold));
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, v_step, sqlstate, sqlerrm);
    end;
end
$fn$;
comment on function scout.backfill(date, date, boolean) is
    'Re-judges, with today''s rules and reference data, every Bronze version of each transaction_id that has a Bronze row whose payload date is in [from_date, to_date]; settles each key anew (latest valid version wins, an identical one changes nothing, a key with no valid version leaves Silver), keeps the rejected table in step, and rebuilds Gold from Silver for every month and week the range touches, whatever Gold held before; in named steps (scout_internal.backfill_judge, backfill_settle, silver_apply_transaction_changes). Idempotent. Returns {"status", "keys", "versions", "inserted", "updated", "deleted", "rejected", "unrejected", "rows", "silver", "gold", …}.';
revoke all on function scout.backfill(date, date, boolean) from public;
grant execute on function scout.backfill(date, date, boolean) to service_role;
