-- Gold's store step: scout.gold_store_daily_sales recomputed for every (store, day,
-- category) Silver changed (scout_internal.gold_store_days_to_rebuild), each whole from
-- Silver's store index: a distinct customer count cannot be patched by differences, and
-- a store's day of one category is a handful of sales. Then the day that ended is
-- marked complete.
create or replace function scout_internal.gold_apply_store_daily_sales()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_today date := scout_internal.business_today();
    v_frozen_before date := scout_internal.silver_frozen_before();  -- read once, not per queued cell
    v_cells bigint;
    v_deleted bigint := 0;
    v_no_store_deleted bigint;
    v_whole boolean;
    v_index_definitions text[];
    v_index text;
    v_written bigint := 0;
    v_completed bigint := 0;
    v_version_before bigint := (select v.version from ip_workbench.layer_versions v
                                 where v.table_name = 'scout.gold_store_daily_sales'::regclass);
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_apply_store_daily_sales');
    if pg_catalog.to_regclass('pg_temp.gold_store_changed_cells') is not null then
        drop table pg_temp.gold_store_changed_cells;
    end if;
    -- a merge committing after this claim leaves its cells queued for the next run; one
    -- committed before it is in Silver by the time Silver is read below
    create temp table gold_store_changed_cells on commit drop as
    with taken as (delete from scout_internal.gold_store_days_to_rebuild returning store_id, category, day, all_stores)
    select distinct case when t.all_stores then null else t.store_id end as store_id, t.category, t.day, t.all_stores
      from taken t
     where t.day >= v_frozen_before;  -- Silver no longer holds frozen days
    get diagnostics v_cells = row_count;
    if v_cells > 0 then
        -- the marts a team defined (ip_workbench.marts) hear of the same days, each
        -- through its own queue, and recompute them in scout_internal.refresh_marts
        insert into scout_internal.mart_days_to_rebuild (mart_name, day)
        select m.mart_name, d.day
          from ip_workbench.marts m
         cross join (select distinct c.day from pg_temp.gold_store_changed_cells c) d;
        -- a store's cell inside a whole day queued too is that day's: counted once
        delete from pg_temp.gold_store_changed_cells c
         where not c.all_stores
           and exists (select 1 from pg_temp.gold_store_changed_cells a
                        where a.all_stores and a.category = c.category and a.day = c.day);
        analyze pg_temp.gold_store_changed_cells;
        -- An empty mart (a first load, or just migrated) is built from all of Silver in
        -- one pass: the mart is a function of Silver, so no cell needs looking up. When
        -- Silver holds silver_first_load_rebuilds_indexes_from rows or more (the planner's
        -- count: a queued cell is a whole day of every store, so cells say little), and
        -- for its owner only, its indexes are built from the rows at the end: 0.3 s
        -- against 2.8 s row by row at 1M Silver rows. That locks the mart until commit,
        -- when it has nothing to read yet.
        v_whole := not exists (select 1 from scout.gold_store_daily_sales);
        if v_whole and (select c.reltuples from pg_catalog.pg_class c
                         where c.oid = 'scout.silver_validated_transactions'::regclass)
                       >= (scout_internal.setting('silver_first_load_rebuilds_indexes_from'))::bigint then
            v_index_definitions := scout_internal.drop_indexes_for_load('scout.gold_store_daily_sales');
        end if;
        if v_whole then
            -- its own statement, so the planner reads Silver in the store index's order
            -- and groups without sorting (behind a UNION ALL it sorted: 2.8 s against 1 s)
            insert into scout.gold_store_daily_sales (store_id, sales_date, category, total_amount, transaction_count,
                                                      customer_count, total_quantity, is_complete)
            select s.store_id, s.transaction_date, s.category, pg_catalog.sum(s.amount), pg_catalog.count(*),
                   pg_catalog.count(distinct s.customer_id), pg_catalog.sum(s.quantity), s.transaction_date < v_today
              from scout.silver_validated_transactions s
             where s.transaction_date >= v_frozen_before
             group by s.store_id, s.transaction_date, s.category;
            get diagnostics v_written = row_count;
        else
            -- one store's cell by its key; sales without a store, and whole days, by
            -- (category, day) (= never matches NULL, and is not distinct from has no index)
            delete from scout.gold_store_daily_sales g
             using pg_temp.gold_store_changed_cells d
             where not d.all_stores and g.store_id = d.store_id and g.sales_date = d.day and g.category = d.category;
            get diagnostics v_deleted = row_count;
            delete from scout.gold_store_daily_sales g
             using pg_temp.gold_store_changed_cells d
             where (d.all_stores or d.store_id is null and g.store_id is null)
               and g.sales_date = d.day and g.category = d.category;
            get diagnostics v_no_store_deleted = row_count;
            v_deleted := v_deleted + v_no_store_deleted;
            -- many cells (a backfill): one pass over Silver with a hash join, not a probe
            -- per cell, which the planner prices too low
            perform pg_catalog.set_config('enable_nestloop', (v_cells <= 50000)::text, true);
            insert into scout.gold_store_daily_sales (store_id, sales_date, category, total_amount, transaction_count,
                                                      customer_count, total_quantity, is_complete)
            select s.store_id, s.transaction_date, s.category, pg_catalog.sum(s.amount), pg_catalog.count(*),
                   pg_catalog.count(distinct s.customer_id), pg_catalog.sum(s.quantity), s.transaction_date < v_today
              from (select s.store_id, s.transaction_date, s.category, s.amount, s.customer_id, s.quantity
                      from pg_temp.gold_store_changed_cells d
                      join scout.silver_validated_transactions s
                        on s.store_id = d.store_id and s.transaction_date = d.day and s.category = d.category
                     where not d.all_stores
                    union all
                    select s.store_id, s.transaction_date, s.category, s.amount, s.customer_id, s.quantity
                      from pg_temp.gold_store_changed_cells d
                      join scout.silver_validated_transactions s
                        on s.category = d.category and s.transaction_date = d.day
                     where d.all_stores or d.store_id is null and s.store_id is null) s
             group by s.store_id, s.transaction_date, s.category;
            get diagnostics v_written = row_count;
        end if;
        perform pg_catalog.set_config('enable_nestloop', 'on', true);
        foreach v_index in array coalesce(v_index_definitions, '{}') loop
            execute v_index;
        end loop;
    end if;
    -- no statement when nothing ended: every statement counts as a write of the mart
    -- (ip_workbench.layer_versions), and the data-quality run would judge it again
    if exists (select 1 from scout.gold_store_daily_sales g where not g.is_complete and g.sales_date < v_today) then
        update scout.gold_store_daily_sales g set is_complete = true, refreshed_at = pg_catalog.now()
         where not g.is_complete and g.sales_date < v_today;
        get diagnostics v_completed = row_count;
    end if;
    -- the cells recomputed, for the data-quality checks, which then judge only those
    -- (a first build is not logged: they judge the whole mart after it)
    if not coalesce(v_whole, false) and v_cells + v_completed > 0 then
        insert into scout_internal.gold_store_rebuilt_cells (store_id, category, day, all_stores)
        select c.store_id, c.category, c.day, c.all_stores from pg_temp.gold_store_changed_cells c;
        insert into scout_internal.logged_writes (table_name, version_before, version_after)
        select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
         where v.table_name = 'scout.gold_store_daily_sales'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    end if;
    perform scout_internal.touch_table('scout', 'gold_store_daily_sales', v_deleted + v_written + v_completed,
                                       v_written - v_deleted);
    return pg_catalog.jsonb_build_object('store_cells_rebuilt', v_cells, 'store_rows_written', v_written,
                                         'store_rows_completed', v_completed);
end
$fn$;
comment on function scout_internal.gold_apply_store_daily_sales() is
    'Step of scout.refresh_gold: claims the queued (store, category, day) cells of scout_internal.gold_store_days_to_rebuild (those before the Silver retention boundary are dropped), recomputes their rows of scout.gold_store_daily_sales from Silver (a whole (category, day) where all_stores; an empty mart from all of Silver in one pass, with its indexes built after the rows when Silver holds silver_first_load_rebuilds_indexes_from rows or more (pg_class.reltuples) and the caller owns the mart), and marks the days before business_today() complete; logs the cells it recomputed (scout_internal.gold_store_rebuilt_cells, with the mart''s version before and after in scout_internal.logged_writes) unless it built the mart whole. Returns {"store_cells_rebuilt", "store_rows_written", "store_rows_completed"}. Only inside scout.refresh_gold (55000 otherwise).';
revoke all on function scout_internal.gold_apply_store_daily_sales() from public;
grant execute on function scout_internal.gold_apply_store_daily_sales() to service_role;
