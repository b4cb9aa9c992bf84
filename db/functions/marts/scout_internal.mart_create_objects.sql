-- What ip_workbench.define_mart derives from a definition (ip_workbench.marts), made
-- the way the core makes its marts: the table with an id key and a unique grain, RLS
-- and grants (ip_workbench.secure_table; store scope as the core's store-level marts),
-- descriptions, registry and counter rows, a failing rows' table, and one check that
-- the mart equals its query (over the days Silver still holds, for an incremental one).
create or replace function scout_internal.mart_create_objects(p_mart text, p_columns jsonb)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_mart ip_workbench.marts;
    v_name text;
    v_query regclass;
    v_table regclass;
    v_column record;
    v_grain text;
    v_key text;
    v_since text := 'true';
begin
    select * into strict v_mart from ip_workbench.marts m where m.mart_name = p_mart;
    v_name := pg_catalog.split_part(p_mart, '.', 2);
    v_query := pg_catalog.format('scout_internal.%I', v_name || '_query')::regclass;
    execute pg_catalog.format('create table scout.%I as select * from %s with no data', v_name, v_query);
    v_table := pg_catalog.format('scout.%I', v_name)::regclass;
    execute pg_catalog.format('alter table %s add column id bigint generated always as identity', v_table);
    execute pg_catalog.format('alter table %s add constraint %I primary key (id)', v_table, v_name || '_pkey');
    select pg_catalog.string_agg(pg_catalog.quote_ident(g), ', ' order by o) into v_grain
      from pg_catalog.unnest(v_mart.grain) with ordinality u(g, o);
    execute pg_catalog.format('create unique index %I on %s (%s) nulls not distinct', v_name || '_grain_idx', v_table, v_grain);
    if v_mart.refresh = 'incremental' and v_mart.grain[1] <> v_mart.date_column then
        execute pg_catalog.format('create index %I on %s (%I)', v_name || '_' || v_mart.date_column || '_idx', v_table, v_mart.date_column);
    end if;
    perform ip_workbench.secure_table(v_table, case when v_mart.store_scope then '{}'::text[] else v_mart.readers end);
    if v_mart.store_scope then
        -- the core's store-level policy, and the index on its own expression
        execute pg_catalog.format('grant select on table %s to authenticated', v_table);
        execute pg_catalog.format('create policy "authenticated users read their stores'' rows" on %s for select to authenticated '
                                  'using (coalesce(store_id, '''') = any ((select scout_private.reader_store_ids())::text[]))', v_table);
        execute pg_catalog.format('comment on policy "authenticated users read their stores'' rows" on %s is %L', v_table,
            'Rows of the reader''s stores only: those in the JWT''s app_metadata.store_ids or in scout.store_members for its sub (scout_private.reader_store_ids()); ''*'' reads every store, NULL stores included; no store, no rows.');
        execute pg_catalog.format('create index %I on %s ((coalesce(store_id, '''')))', v_name || '_reader_idx', v_table);
    end if;
    execute pg_catalog.format('comment on table %s is %L', v_table, v_mart.description
        || pg_catalog.format(' A mart defined in one file (ip_workbench.define_mart%s): one row per (%s), refreshed %s by scout.run_transformations.',
                             coalesce(', extension ' || v_mart.extension, ''), pg_catalog.array_to_string(v_mart.grain, ', '),
                             case v_mart.refresh when 'full' then 'whole when a table it reads changed'
                                  else 'incrementally, the days of ' || v_mart.date_column || ' that Silver changed' end));
    for v_column in select k.key, k.value from pg_catalog.jsonb_each_text(p_columns) k loop
        execute pg_catalog.format('comment on column %s.%I is %L', v_table, v_column.key, v_column.value);
        execute pg_catalog.format('comment on column %s.%I is %L', v_query, v_column.key, v_column.value);
    end loop;
    execute pg_catalog.format('comment on column %s.id is %L', v_table,
        'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish its changes.');
    execute pg_catalog.format('comment on view %s is %L', v_query,
        pg_catalog.format('The query of mart %s as its definition states it (ip_workbench.define_mart); refresh_marts fills the mart from it.', p_mart));
    insert into ip_workbench.tables (schema_name, table_name, layer, description)
    values ('scout', v_name, pg_catalog.split_part(v_name, '_', 1), v_mart.description)
    on conflict (schema_name, table_name) do update set layer = excluded.layer, description = excluded.description;
    insert into ip_workbench.layer_versions (table_name) values (v_table) on conflict do nothing;
    execute pg_catalog.format('create trigger %I after insert or update or delete or truncate on %s '
                              'for each statement execute function scout_internal.count_table_writes()', v_name || '_count_writes', v_table);
    execute pg_catalog.format('comment on trigger %I on %s is %L', v_name || '_count_writes', v_table,
        pg_catalog.format('Counts the statements that write %s (ip_workbench.layer_versions).', v_table));
    execute pg_catalog.format($ddl$
        create table test_failures.%1$I (
            check_name text not null, business_key text not null, detail text, run_id bigint not null,
            found_at timestamptz not null default pg_catalog.now(), id bigint generated always as identity,
            constraint %2$I primary key (id))$ddl$, v_name, v_name || '_pkey');
    perform ip_workbench.secure_table(pg_catalog.format('test_failures.%I', v_name)::regclass);
    execute pg_catalog.format('comment on table test_failures.%I is %L', v_name, pg_catalog.format(
        'Rows of %s that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.', p_mart));
    for v_column in select * from (values ('check_name', 'The check it failed.'),
            ('business_key', 'The failing row''s grain values, joined by /.'), ('detail', 'What failed.'),
            ('run_id', 'The run of scout.run_dq_checks that found it.'), ('found_at', 'When.'),
            ('id', 'Row key, so that a publication can publish the deletes of each check run.')) c(key, value) loop
        execute pg_catalog.format('comment on column test_failures.%I.%I is %L', v_name, v_column.key, v_column.value);
    end loop;

    -- the check: the mart equals its query, row for row, keyed by its grain
    select pg_catalog.string_agg(pg_catalog.format('coalesce(%s::text, ''(none)'')', 'x.' || pg_catalog.quote_ident(g)), ' || ''/'' || ' order by o)
      into v_key from pg_catalog.unnest(v_mart.grain) with ordinality u(g, o);
    if v_mart.refresh = 'incremental' then
        -- Silver no longer holds the days before its retention boundary (the mart keeps
        -- them), and a Gold mart loses those before Gold's (scout.purge_expired)
        v_since := pg_catalog.format('x.%I >= (select scout_internal.silver_frozen_before())', v_mart.date_column)
                   || case when v_name like 'gold\_%' then pg_catalog.format(' and x.%I >= (select scout_internal.gold_kept_from())',
                                                                            v_mart.date_column) else '' end;
    end if;
    execute pg_catalog.format($ddl$
        create view scout_checks.%1$I with (security_invoker = true) as
        select %2$L::text as check_name, 'scout'::text as schema_name, %3$L::text as table_name, %4$L::text as layer,
               'integrity'::text as dimension, 'error'::text as level,
               pg_catalog.count(*) filter (where j.same) as passed, pg_catalog.count(*) filter (where not j.same) as failed,
               %5$L::text as detail,
               pg_catalog.array_agg(j.key) filter (where not j.same) as failing_keys
          from (select coalesce(m.key, q.key) as key, coalesce(m.row = q.row and m.n = 1 and q.n = 1, false) as same
                  from (select %6$s as key, pg_catalog.to_jsonb(x) - 'id' as row, pg_catalog.count(*) over (partition by %6$s) as n
                          from %7$s x where %8$s) m
                  full join (select %6$s as key, pg_catalog.to_jsonb(x) as row, pg_catalog.count(*) over (partition by %6$s) as n
                               from %9$s x where %8$s) q on q.key = m.key) j$ddl$,
        v_name || '_matches_its_query', v_name || '_matches_its_query', v_name, pg_catalog.split_part(v_name, '_', 1),
        'rows of the mart equal to its query''s, by ' || pg_catalog.array_to_string(v_mart.grain, ', '),
        v_key, v_table, v_since, v_query);
    perform scout_internal.register_check(pg_catalog.format('scout_checks.%I', v_name || '_matches_its_query')::regclass,
        pg_catalog.format('The mart %s equals its query (ip_workbench.define_mart), row for row by its grain%s: what an incremental refresh must keep true after every change Silver makes.',
                          p_mart, case when v_mart.refresh = 'incremental' then ', on the days Silver and the mart both keep' else '' end));
end
$fn$;
comment on function scout_internal.mart_create_objects(text, jsonb) is
    'Step of ip_workbench.define_mart: makes mart p_mart''s table from its query view (plus an id key and a unique index on its grain, an index on its date column), its RLS and grants (ip_workbench.secure_table; the store-scoped policy when store_scope), its comments (p_columns), its rows in ip_workbench.tables and ip_workbench.layer_versions with its counting trigger, test_failures.<name>, and the check scout_checks.<name>_matches_its_query. Owner only.';
revoke all on function scout_internal.mart_create_objects(text, jsonb) from public;
