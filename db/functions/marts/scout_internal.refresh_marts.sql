-- The hourly job's step after Gold: every mart of ip_workbench.marts, in the order they
-- were defined (a mart over another comes after it), brought up to date with its query.
-- * never built, or full and a table it reads changed since it was built: rewritten
--   whole (delete, then insert, in this transaction: readers see the old rows until
--   commit);
-- * incremental: the days Silver changed since (scout_internal.mart_days_to_rebuild,
--   old versions' days and new, forwarded by refresh_gold's store step) are deleted
--   and computed again from the query filtered by day, which PostgreSQL pushes down
--   into the query's GROUP BY. Corrections, deletions and backfills are days too.
create or replace function scout_internal.refresh_marts()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_mart record;
    v_name text;
    v_columns text;
    v_days date[];
    v_versions jsonb;
    v_inputs jsonb;
    v_deleted bigint;
    v_inserted bigint;
    v_done jsonb := '[]'::jsonb;
    v_rows bigint := 0;
begin
    perform scout_internal.require_job_lock('scout.run_transformations', 'scout_internal.refresh_marts');
    select pg_catalog.jsonb_object_agg(v.table_name::text, v.version) into v_versions from ip_workbench.layer_versions v;
    for v_mart in select m.mart_name, m.refresh, m.date_column, b.built_at, b.built_from
                    from ip_workbench.marts m left join scout_internal.mart_builds b on b.mart_name = m.mart_name
                   order by m.refresh_order loop
        v_name := pg_catalog.split_part(v_mart.mart_name, '.', 2);
        select pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' order by a.attnum) into v_columns
          from pg_catalog.pg_attribute a
         where a.attrelid = pg_catalog.format('scout_internal.%I', v_name || '_query')::regclass
           and a.attnum > 0 and not a.attisdropped;
        -- what it read, as the data-quality checks record it: the counted tables' versions
        -- (NULL when it reads one that is not counted, such as Bronze: then always rebuilt)
        v_inputs := scout_internal.dq_check_inputs(pg_catalog.format('scout_internal.%I', v_name || '_query')::regclass,
                                                   v_versions, pg_catalog.pg_current_snapshot(), scout_internal.business_today());
        v_inputs := v_inputs - 'snapshot' - 'view';
        -- claimed first: a change queued after this is in the snapshot the rows are read
        -- with below, and queued again for the next run
        with taken as (delete from scout_internal.mart_days_to_rebuild q where q.mart_name = v_mart.mart_name returning q.day)
        select pg_catalog.array_agg(distinct t.day) into v_days from taken t;
        v_deleted := 0;
        v_inserted := 0;
        if v_mart.built_at is null or (v_mart.refresh = 'full' and v_inputs is distinct from v_mart.built_from) then
            execute pg_catalog.format('delete from scout.%I', v_name);
            get diagnostics v_deleted = row_count;
            execute pg_catalog.format('insert into scout.%I (%s) select %s from scout_internal.%I', v_name, v_columns,
                                      v_columns, v_name || '_query');
            get diagnostics v_inserted = row_count;
            v_done := v_done || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                'mart', v_mart.mart_name, 'rebuilt', true, 'rows_deleted', v_deleted, 'rows_written', v_inserted));
        elsif v_mart.refresh = 'incremental' and v_days is not null then
            execute pg_catalog.format('delete from scout.%I where %I = any ($1)', v_name, v_mart.date_column) using v_days;
            get diagnostics v_deleted = row_count;
            execute pg_catalog.format('insert into scout.%I (%s) select %s from scout_internal.%I where %I = any ($1)',
                                      v_name, v_columns, v_columns, v_name || '_query', v_mart.date_column) using v_days;
            get diagnostics v_inserted = row_count;
            v_done := v_done || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                'mart', v_mart.mart_name, 'days', pg_catalog.cardinality(v_days),
                'rows_deleted', v_deleted, 'rows_written', v_inserted));
        else
            continue;  -- nothing it reads changed
        end if;
        v_rows := v_rows + v_inserted;
        perform scout_internal.touch_table('scout', v_name, v_deleted + v_inserted, v_inserted - v_deleted);
        insert into scout_internal.mart_builds (mart_name, built_at, built_from)
        values (v_mart.mart_name, pg_catalog.now(), v_inputs)
        on conflict (mart_name) do update set built_at = excluded.built_at, built_from = excluded.built_from;
    end loop;
    return pg_catalog.jsonb_build_object('marts_refreshed', pg_catalog.jsonb_array_length(v_done), 'rows', v_rows,
                                         'marts', v_done);
end
$fn$;
comment on function scout_internal.refresh_marts() is
    'Step of scout.run_transformations after Gold: brings every mart of ip_workbench.marts up to date with its query view, in refresh_order, recording each build in scout_internal.mart_builds: a mart never built, or a full one whose inputs changed (the versions of the counted tables it reads, its definition, the business day; always when it reads an uncounted table), is rewritten whole; an incremental one recomputes the days queued for it in scout_internal.mart_days_to_rebuild. Returns {"marts_refreshed", "rows" (written), "marts": [{"mart", "rebuilt" | "days", "rows_deleted", "rows_written"}…]}. Only inside scout.run_transformations (55000 otherwise).';
revoke all on function scout_internal.refresh_marts() from public;
grant execute on function scout_internal.refresh_marts() to service_role;
