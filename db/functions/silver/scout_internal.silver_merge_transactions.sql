-- One incremental step of Silver transactions, as its steps: parse the Bronze rows
-- committed since the last watermark, store the rejected, then either load an empty
-- Silver straight from the delta or settle each key's latest valid version against
-- Silver and apply the changes; advance the watermark.
create or replace function scout_internal.silver_merge_transactions()
returns jsonb
language plpgsql
volatile
set search_path = ''
-- The planner prices the inlined payload rules as nearly free, so by default it
-- never thinks parallel workers pay for shipping rows back; they do, ~2x here.
set parallel_tuple_cost = 0.001
-- Keep the per-key sort of a large first load in memory.
set work_mem = '256MB'
-- Silver is hot in cache: an index probe per changed key beats re-reading the
-- whole table, which the default (spinning-disk) price of a random read hides.
set random_page_cost = 1.1
-- switched off below for small deltas; these clauses restore them when the function returns
set enable_hashjoin = on
set enable_mergejoin = on
as $fn$
declare
    -- taken here, never passed in: a caller's older snapshot would re-read or skip rows
    v_now pg_snapshot := pg_catalog.pg_current_snapshot();
    v_prev pg_snapshot;
    v_prev_xid xid8;
    v_prev_seq bigint;
    v_own xid8 := pg_catalog.pg_current_xact_id_if_assigned();
    v_parsed jsonb;
    v_today date;
    v_plan text;
    v_processed bigint;
    v_rejected bigint;
    v_applied jsonb := '{"inserted": 0, "updated": 0}'::jsonb;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_merge_transactions');
    select w.processed_snapshot, w.processed_xid, w.processed_seq into v_prev, v_prev_xid, v_prev_seq
      from ip_workbench.watermarks w where w.stream = 'silver_transactions';
    -- the moments a payload date is judged against, read once per run
    v_today := scout_internal.business_today();
    v_parsed := scout_internal.silver_parse_transaction_delta(
        v_now, v_own, v_prev, v_prev_xid, v_prev_seq, v_today,
        (v_today - pg_catalog.make_interval(years => (scout_internal.setting('transaction_max_age_years'))::int))::date);
    v_processed := (v_parsed ->> 'processed')::bigint;
    -- the team's reject rules (scout.ref_validation_rules) join the contract's
    perform scout_internal.silver_apply_validation_rules('silver_delta_transactions');
    v_rejected := scout_internal.silver_store_rejected_transactions();

    if v_processed > 0 and not exists (select 1 from scout.silver_validated_transactions) then
        v_plan := 'first_load';
        v_applied := pg_catalog.jsonb_build_object(
            'inserted', scout_internal.silver_first_load_transactions(v_processed), 'updated', 0);
    else
        -- A delta far smaller than Silver is joined to it by one index probe per key; the
        -- planner, unsure of the delta's size, otherwise tends to hash all of Silver. A
        -- small change goes to Gold as differences, a large one as the days it touched.
        -- The ratio is a setting (silver_probe_ratio) so a test can force either plan.
        v_plan := case when v_processed * (scout_internal.setting('silver_probe_ratio'))::numeric
                            < (select c.reltuples from pg_catalog.pg_class c
                                where c.oid = 'scout.silver_validated_transactions'::regclass)
                       then 'probe' else 'hash' end;
        if v_plan = 'probe' then
            perform pg_catalog.set_config('enable_hashjoin', 'off', true);
            perform pg_catalog.set_config('enable_mergejoin', 'off', true);
        end if;
        perform scout_internal.silver_settle_transaction_delta();
        v_applied := scout_internal.silver_apply_transaction_changes(p_gold_days => v_plan = 'hash');
    end if;
    perform pg_catalog.set_config('enable_hashjoin', 'on', true);
    perform pg_catalog.set_config('enable_mergejoin', 'on', true);

    -- nothing read, nothing to record: the watermark stays, and stays unwritten (a write
    -- would tell the data-quality run that what it judged has changed)
    if v_processed > 0 then
        perform scout_internal.advance_watermark('silver_transactions', v_now, v_own, (v_parsed ->> 'own_seq')::bigint);
    end if;

    perform scout_internal.touch_table('scout', 'bronze_transactions', v_processed, v_processed,
        (select pg_catalog.max(b.ingested_at) from scout.bronze_transactions b));
    perform scout_internal.touch_table('scout', 'silver_validated_transactions',
        (v_applied ->> 'inserted')::bigint + (v_applied ->> 'updated')::bigint, (v_applied ->> 'inserted')::bigint);
    perform scout_internal.touch_table('scout', 'silver_rejected_transactions', v_rejected, v_rejected);

    return pg_catalog.jsonb_build_object(
        'processed', v_processed,
        'inserted', (v_applied ->> 'inserted')::bigint,
        'updated', (v_applied ->> 'updated')::bigint,
        'rejected', v_rejected,
        'superseded', v_processed - v_rejected - (v_applied ->> 'inserted')::bigint - (v_applied ->> 'updated')::bigint,
        'plan', v_plan);
end
$fn$;
comment on function scout_internal.silver_merge_transactions() is
    'Internal step of scout.refresh_silver (refuses to run without its lock, SQLSTATE 55000): judges Bronze transactions committed after the stored watermark and visible in the current snapshot (plus the caller''s own uncommitted rows), stores rejects, upserts winners, advances the watermark, in named steps (silver_parse_transaction_delta, silver_apply_validation_rules, silver_store_rejected_transactions, silver_first_load_transactions or silver_settle_transaction_delta and silver_apply_transaction_changes). Returns processed/inserted/updated/rejected/superseded, where processed = inserted + updated + rejected + superseded.';
revoke all on function scout_internal.silver_merge_transactions() from public;
grant execute on function scout_internal.silver_merge_transactions() to service_role;
