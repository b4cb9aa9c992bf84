-- A mart in one file: a team's extension (marts/<name>.sql) calls this with the
-- mart's SELECT, its grain, its refresh mode, its readers and a description of it and
-- of every column; the layer derives the rest (scout_internal.mart_create_objects).
-- Idempotent: the same definition again changes nothing; a changed one rebuilds the
-- mart from scratch on the next run. Owner only: the query becomes code the job runs.
create or replace function ip_workbench.define_mart(
    mart text,                       -- scout.gold_<name> or scout.platinum_<name>
    description text,                -- what a row is, for the catalog
    grain text[],                    -- the columns that make a row unique
    columns jsonb,                   -- {"column": "what it means", …} for every column
    query text,                      -- a SELECT over Silver, Gold or another mart
    refresh text default 'full',     -- full, or incremental by date_column
    date_column text default null,   -- incremental: the day of Silver's transaction_date
    readers text[] default '{}',     -- roles that read it besides service_role: {authenticated}
    store_scope boolean default false)  -- authenticated reads its stores' rows only (store_id)
returns text
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_ident text[] := pg_catalog.parse_ident(define_mart.mart);
    v_name text;
    v_sha text;
    v_result text := 'created';
    v_columns text[];
    v_missing text;
begin
    if pg_catalog.cardinality(v_ident) <> 2 or v_ident[1] <> 'scout' or v_ident[2] !~ '^(gold|platinum)_[a-z0-9_]{1,40}$' then
        raise exception 'mart %: the name must be scout.gold_<name> or scout.platinum_<name> (lower case, at most 40 characters after the layer)', define_mart.mart
            using errcode = '22023';
    end if;
    v_name := v_ident[2];
    if define_mart.refresh not in ('full', 'incremental') then
        raise exception 'mart %: refresh must be full or incremental, not %', define_mart.mart, define_mart.refresh using errcode = '22023';
    end if;
    if (define_mart.refresh = 'incremental') <> (define_mart.date_column is not null) then
        raise exception 'mart %: an incremental mart names its date_column, a full one none', define_mart.mart
            using errcode = '22023', hint = 'refresh => ''incremental'', date_column => ''sales_date''';
    end if;
    if define_mart.refresh = 'incremental' and not define_mart.date_column = any (define_mart.grain) then
        raise exception 'mart %: date_column % must be one of the grain columns %', define_mart.mart, define_mart.date_column, define_mart.grain
            using errcode = '22023';
    end if;
    if coalesce(pg_catalog.btrim(define_mart.description), '') = '' then
        raise exception 'mart %: a description is required (the catalog describes every table)', define_mart.mart using errcode = '22023';
    end if;
    if not define_mart.readers <@ array['authenticated'] then
        raise exception 'mart %: readers may be {authenticated} or {} (service_role and the owner always read), not %', define_mart.mart, define_mart.readers
            using errcode = '22023';
    end if;
    if define_mart.store_scope and not 'authenticated' = any (define_mart.readers) then
        raise exception 'mart %: store_scope limits what authenticated reads: add it to readers', define_mart.mart using errcode = '22023';
    end if;
    if pg_catalog.jsonb_typeof(define_mart.columns) is distinct from 'object' then
        raise exception 'mart %: columns must be a JSON object {"column": "what it means", …}', define_mart.mart using errcode = '22023';
    end if;
    v_sha := pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.jsonb_build_array(
        define_mart.description, define_mart.grain, define_mart.columns, define_mart.query, define_mart.refresh,
        define_mart.date_column, define_mart.readers, define_mart.store_scope)::text, 'UTF8')), 'hex');
    if exists (select 1 from ip_workbench.marts m where m.mart_name = define_mart.mart) then
        if exists (select 1 from ip_workbench.marts m where m.mart_name = define_mart.mart and m.definition_sha256 = v_sha)
           and pg_catalog.to_regclass(define_mart.mart) is not null then
            update ip_workbench.marts m
               set declared_at = pg_catalog.now(),
                   extension = coalesce(nullif(pg_catalog.current_setting('scout.extension', true), ''), m.extension)
             where m.mart_name = define_mart.mart;
            return 'unchanged';
        end if;
        perform ip_workbench.drop_mart(define_mart.mart);
        v_result := 'redefined';
    elsif pg_catalog.to_regclass(define_mart.mart) is not null then
        raise exception 'mart %: a table of that name exists and is not a mart defined here', define_mart.mart
            using errcode = '42P07', hint = 'choose another name';
    end if;

    -- the query as a view: checked now, its dependencies known to PostgreSQL (a Silver
    -- column it reads cannot be dropped under it), filtered by day without copying it
    begin
        execute pg_catalog.format('create view scout_internal.%I with (security_invoker = true) as %s',
                                  v_name || '_query', define_mart.query);
    exception when others then
        raise exception 'mart %: its query does not run: %', define_mart.mart, sqlerrm
            using errcode = sqlstate, hint = 'names are schema-qualified (scout.silver_validated_transactions): the search_path is empty';
    end;
    select pg_catalog.array_agg(a.attname::text order by a.attnum) into v_columns
      from pg_catalog.pg_attribute a
     where a.attrelid = pg_catalog.format('scout_internal.%I', v_name || '_query')::regclass
       and a.attnum > 0 and not a.attisdropped;
    if 'id' = any (v_columns) then
        raise exception 'mart %: id is the mart''s own row key; name that column otherwise', define_mart.mart using errcode = '42701';
    end if;
    select pg_catalog.string_agg(c, ', ') into v_missing from pg_catalog.unnest(v_columns) c
     where coalesce(pg_catalog.btrim(define_mart.columns ->> c), '') = '';
    if v_missing is not null then
        raise exception 'mart %: columns has no description of %', define_mart.mart, v_missing using errcode = '22023';
    end if;
    select pg_catalog.string_agg(k, ', ') into v_missing from pg_catalog.jsonb_object_keys(define_mart.columns) k
     where not k = any (v_columns);
    if v_missing is not null then
        raise exception 'mart %: columns describes %, which the query does not return', define_mart.mart, v_missing using errcode = '22023';
    end if;
    select pg_catalog.string_agg(g, ', ') into v_missing from pg_catalog.unnest(define_mart.grain) g where not g = any (v_columns);
    if v_missing is not null then
        raise exception 'mart %: grain names %, which the query does not return', define_mart.mart, v_missing using errcode = '22023';
    end if;
    if define_mart.store_scope and not 'store_id' = any (v_columns) then
        raise exception 'mart %: a store-scoped mart needs a store_id column', define_mart.mart using errcode = '22023';
    end if;
    if define_mart.refresh = 'incremental' and (select a.atttypid from pg_catalog.pg_attribute a
            where a.attrelid = pg_catalog.format('scout_internal.%I', v_name || '_query')::regclass
              and a.attname = define_mart.date_column) <> 'pg_catalog.date'::regtype then
        raise exception 'mart %: date_column % must be a date (the day of Silver''s transaction_date)', define_mart.mart, define_mart.date_column
            using errcode = '42804';
    end if;

    insert into ip_workbench.marts (mart_name, extension, description, grain, refresh, date_column, readers,
                                    store_scope, query, definition_sha256)
    values (define_mart.mart, nullif(pg_catalog.current_setting('scout.extension', true), ''),
            define_mart.description, define_mart.grain, define_mart.refresh, define_mart.date_column,
            define_mart.readers, define_mart.store_scope, define_mart.query, v_sha);
    perform scout_internal.mart_create_objects(define_mart.mart, define_mart.columns);
    return v_result;
end
$fn$;
comment on function ip_workbench.define_mart(text, text, text[], jsonb, text, text, text, text[], boolean) is
    'Defines mart `mart` (scout.gold_<name> or scout.platinum_<name>) from `query`: a view scout_internal.<name>_query holding it, the table (the query''s columns plus an id key, unique on grain), RLS and grants for readers (store_scope: authenticated reads the rows of its stores, as in the core''s store-level marts), its descriptions (every column''s is required), its registry and counter rows, its failing rows'' table, and a check that it equals its query; its first run of scout.run_transformations builds it, later runs refresh it (full: when a table it reads changed; incremental: the days Silver changed, old versions and new). Returns created, redefined (the old mart dropped; rebuilt on the next run) or unchanged. Owner only (a migration or an extension''s marts/ file): the query is code the job runs.';
revoke all on function ip_workbench.define_mart(text, text, text[], jsonb, text, text, text, text[], boolean) from public;
