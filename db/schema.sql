--
-- PostgreSQL database dump
--


SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: ip_workbench; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA ip_workbench;


--
-- Name: SCHEMA ip_workbench; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA ip_workbench IS 'Pipeline metadata: table registry with freshness and data-quality scores, job runs, data-quality results and alerts.';


--
-- Name: scout; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA scout;


--
-- Name: SCHEMA scout; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA scout IS 'Scout Retail medallion layers (bronze_*, silver_*, gold_*, platinum_*), reference tables (ref_*) and the pipeline functions.';


--
-- Name: scout_checks; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA scout_checks;


--
-- Name: SCHEMA scout_checks; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA scout_checks IS 'Data-quality checks, one view each (db/checks/NNNN_name.sql), all with the same columns; scout.run_dq_checks runs every view here. Never exposed.';


--
-- Name: scout_dev; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA scout_dev;


--
-- Name: SCHEMA scout_dev; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA scout_dev IS 'Generators of realistic demo, test and benchmark data. For the owner (DBA) only; production never needs them.';


--
-- Name: scout_internal; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA scout_internal;


--
-- Name: SCHEMA scout_internal; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA scout_internal IS 'Internal steps of the public pipeline functions (parsers, merges, file loading, job bookkeeping). Never exposed through PostgREST; service_role may execute what the public functions call under its rights.';


--
-- Name: scout_private; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA scout_private;


--
-- Name: SCHEMA scout_private; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA scout_private IS 'What the row-level policies call on behalf of authenticated readers (which stores they may read). Not exposed through PostgREST; authenticated may use it and execute only what is here.';


--
-- Name: test_failures; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA test_failures;


--
-- Name: SCHEMA test_failures; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA test_failures IS 'Rows that failed a data-quality check, one table per checked table (e.g. test_failures.silver_validated_transactions).';


--
-- Name: transaction_payload_values; Type: TYPE; Schema: scout_internal; Owner: -
--

CREATE TYPE scout_internal.transaction_payload_values AS (
	transaction_id text,
	date_text text,
	transaction_date date,
	amount_text text,
	amount_exact numeric,
	currency_text text,
	category_text text,
	quantity_text text,
	quantity_int integer,
	tax_text text,
	tax_exact numeric
);


--
-- Name: TYPE transaction_payload_values; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TYPE scout_internal.transaction_payload_values IS 'Internal to scout.parse_transaction_payload: each payload value read once (trimmed text, and its parsed value or NULL when it does not parse).';


--
-- Name: define_mart(text, text, text[], jsonb, text, text, text, text[], boolean); Type: FUNCTION; Schema: ip_workbench; Owner: -
--

CREATE FUNCTION ip_workbench.define_mart(mart text, description text, grain text[], columns jsonb, query text, refresh text DEFAULT 'full'::text, date_column text DEFAULT NULL::text, readers text[] DEFAULT '{}'::text[], store_scope boolean DEFAULT false) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


--
-- Name: FUNCTION define_mart(mart text, description text, grain text[], columns jsonb, query text, refresh text, date_column text, readers text[], store_scope boolean); Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON FUNCTION ip_workbench.define_mart(mart text, description text, grain text[], columns jsonb, query text, refresh text, date_column text, readers text[], store_scope boolean) IS 'Defines mart `mart` (scout.gold_<name> or scout.platinum_<name>) from `query`: a view scout_internal.<name>_query holding it, the table (the query''s columns plus an id key, unique on grain), RLS and grants for readers (store_scope: authenticated reads the rows of its stores, as in the core''s store-level marts), its descriptions (every column''s is required), its registry and counter rows, its failing rows'' table, and a check that it equals its query; its first run of scout.run_transformations builds it, later runs refresh it (full: when a table it reads changed; incremental: the days Silver changed, old versions and new). Returns created, redefined (the old mart dropped; rebuilt on the next run) or unchanged. Owner only (a migration or an extension''s marts/ file): the query is code the job runs.';


--
-- Name: drop_mart(text); Type: FUNCTION; Schema: ip_workbench; Owner: -
--

CREATE FUNCTION ip_workbench.drop_mart(mart text) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_name text;
begin
    select pg_catalog.split_part(m.mart_name, '.', 2) into v_name
      from ip_workbench.marts m where m.mart_name = drop_mart.mart;
    if v_name is null then
        return false;
    end if;
    execute pg_catalog.format('drop view if exists scout_checks.%I', v_name || '_matches_its_query');
    execute pg_catalog.format('drop table if exists test_failures.%I', v_name);
    delete from ip_workbench.layer_versions v where v.table_name = pg_catalog.to_regclass(drop_mart.mart);
    delete from ip_workbench.tables t where t.schema_name = 'scout' and t.table_name = v_name;
    execute pg_catalog.format('drop table if exists scout.%I', v_name);
    execute pg_catalog.format('drop view if exists scout_internal.%I', v_name || '_query');
    delete from ip_workbench.marts m where m.mart_name = drop_mart.mart;
    return true;
end
$$;


--
-- Name: FUNCTION drop_mart(mart text); Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON FUNCTION ip_workbench.drop_mart(mart text) IS 'Drops mart `mart` (schema-qualified) that ip_workbench.define_mart made, with everything define_mart made for it: its query view scout_internal.<name>_query, its check scout_checks.<name>_matches_its_query, test_failures.<name>, its rows in ip_workbench.tables and ip_workbench.layer_versions, and its definition (ip_workbench.marts, whose queued days go with it). Returns false when no such mart is defined. Fails with 2BP01 naming any object that reads it. Owner only: scout-db migrate calls it for a mart whose file was removed, and rollback --extension for each mart of the extension.';


--
-- Name: secure_table(regclass, text[]); Type: FUNCTION; Schema: ip_workbench; Owner: -
--

CREATE FUNCTION ip_workbench.secure_table(p_table regclass, p_readers text[] DEFAULT '{}'::text[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_reader text;
begin
    execute pg_catalog.format('alter table %s enable row level security', p_table);
    execute pg_catalog.format('alter table %s force row level security', p_table);
    execute pg_catalog.format('revoke all on table %s from public, anon, authenticated, service_role', p_table);
    execute pg_catalog.format(
        'create policy "service_role manages all rows" on %s for all to service_role using (true) with check (true)',
        p_table);
    execute pg_catalog.format(
        'comment on policy "service_role manages all rows" on %s is %L', p_table,
        'The backend role used by the pipeline and trusted services reads and writes every row.');
    execute pg_catalog.format(
        'create policy "the owner manages all rows" on %s for all to current_user using (true) with check (true)',
        p_table);
    execute pg_catalog.format(
        'comment on policy "the owner manages all rows" on %s is %L', p_table,
        'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.');
    execute pg_catalog.format('grant select, insert, update, delete, truncate on table %s to service_role', p_table);
    foreach v_reader in array p_readers loop
        execute pg_catalog.format('create policy %I on %s for select to %I using (true)',
                                  v_reader || ' users read all rows', p_table, v_reader);
        execute pg_catalog.format('comment on policy %I on %s is %L', v_reader || ' users read all rows', p_table,
                                  'Read access granted by the contract (Roles and access).');
        execute pg_catalog.format('grant select on table %s to %I', p_table, v_reader);
    end loop;
end
$$;


--
-- Name: FUNCTION secure_table(p_table regclass, p_readers text[]); Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON FUNCTION ip_workbench.secure_table(p_table regclass, p_readers text[]) IS 'Migration helper: enables and forces RLS on a table, lets service_role and the owner manage it, lets p_readers select it, and revokes everything else.';


--
-- Name: backfill(date, date, boolean); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.backfill(from_date date, to_date date, p_wait boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    SET work_mem TO '256MB'
    AS $$
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
$$;


--
-- Name: FUNCTION backfill(from_date date, to_date date, p_wait boolean); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.backfill(from_date date, to_date date, p_wait boolean) IS 'Re-judges, with today''s rules and reference data, every Bronze version of each transaction_id that has a Bronze row whose payload date is in [from_date, to_date]; settles each key anew (latest valid version wins, an identical one changes nothing, a key with no valid version leaves Silver), keeps the rejected table in step, and rebuilds Gold from Silver for every month and week the range touches, whatever Gold held before; in named steps (scout_internal.backfill_judge, backfill_settle, silver_apply_transaction_changes). Idempotent. Returns {"status", "keys", "versions", "inserted", "updated", "deleted", "rejected", "unrejected", "rows", "silver", "gold", …}.';


--
-- Name: ingest_products(jsonb, text, text); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.ingest_products(payload jsonb, source text DEFAULT 'api'::text, source_filename text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
    select scout_internal.ingest_into_bronze('products', payload, source, source_filename)
$$;


--
-- Name: FUNCTION ingest_products(payload jsonb, source text, source_filename text); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.ingest_products(payload jsonb, source text, source_filename text) IS 'Stores one products payload object, or an array of them, in scout.bronze_products in one transaction. Returns {"batch_id", "received", "inserted"}. Anything that is not an object or an array of objects raises SQLSTATE 22023 and stores nothing.';


--
-- Name: ingest_transactions(jsonb, text, text); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.ingest_transactions(payload jsonb, source text DEFAULT 'api'::text, source_filename text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
    select scout_internal.ingest_into_bronze('transactions', payload, source, source_filename)
$$;


--
-- Name: FUNCTION ingest_transactions(payload jsonb, source text, source_filename text); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.ingest_transactions(payload jsonb, source text, source_filename text) IS 'Stores one transactions payload object, or an array of them, in scout.bronze_transactions in one transaction. Returns {"batch_id", "received", "inserted"}. Anything that is not an object or an array of objects raises SQLSTATE 22023 and stores nothing.';


--
-- Name: match_transactions(real[], integer, jsonb); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.match_transactions(query_embedding real[], match_count integer DEFAULT 10, filter jsonb DEFAULT '{}'::jsonb) RETURNS TABLE(transaction_id text, text text, metadata jsonb, similarity double precision)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
    v_query real[] := scout_private.check_query_embedding(query_embedding, 384);
    v_count integer := least(greatest(coalesce(match_count, 10), 1), 100);
    v_model text := scout_private.embedding_model();
    v_norm double precision;
begin
    if filter is not null and pg_catalog.jsonb_typeof(filter) <> 'object' then
        raise exception 'filter must be a JSON object of metadata fields, e.g. {"category": "Beverages"}, not %', filter
            using errcode = '22023';
    end if;
    
    v_norm := pg_catalog.sqrt((select pg_catalog.sum(x::double precision * x) from pg_catalog.unnest(v_query) x));
    return query
    select e.transaction_id, e.text, e.metadata, d.dot / v_norm
      from scout.platinum_transaction_embeddings e
     cross join lateral (select pg_catalog.sum(a::double precision * b) as dot
                           from rows from (pg_catalog.unnest(e.embedding), pg_catalog.unnest(v_query)) u(a, b)) d
     where e.embedding_model = v_model and e.metadata @> coalesce(filter, '{}')
     order by d.dot desc, e.transaction_id
     limit v_count;
end
$$;


--
-- Name: FUNCTION match_transactions(query_embedding real[], match_count integer, filter jsonb); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.match_transactions(query_embedding real[], match_count integer, filter jsonb) IS 'Semantic search: the Platinum sentences (transaction_id, text, metadata, similarity) nearest query_embedding (384 numbers, a vector of the model of the setting embedding_model; scout-db search makes one from a question) by cosine similarity, best first; at most match_count (1 to 100, default 10); only rows whose metadata contains filter (e.g. {"category": "Beverages", "store_id": "ST-001"}). Runs with the caller''s rights: authenticated users see their stores'' sentences only. Uses pgvector''s HNSW index where the server has pgvector, else a scan of real[] vectors. A wrong vector raises 22023 or 22004 saying what is wrong.';


--
-- Name: purge_expired(boolean); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.purge_expired(p_wait boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
declare
    v_run jsonb;
    v_step text := 'settings';
    v_bronze_days int;
    v_bronze_before timestamptz;
    v_silver_before date;
    v_gold_before date;
    v_platinum_before date := current_date - 89;
    v_counts jsonb := '{}'::jsonb;
    v_partitions jsonb;
    v_bronze jsonb;
begin
    v_run := scout_internal.job_start('scout.purge_expired', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    begin
        v_bronze_days := (scout_internal.setting('bronze_retention_days'))::int;
        if v_bronze_days < 30 then
            raise exception 'bronze_retention_days is %, under the 30 days Bronze must keep', v_bronze_days
                using errcode = '22023', hint = 'update ip_workbench.settings set value = ''30'' where name = ''bronze_retention_days''';
        end if;
        v_bronze_before := pg_catalog.now() - pg_catalog.make_interval(days => v_bronze_days);
        -- Silver and Gold go by whole months, so no month is ever left half in Silver
        -- (refresh_gold leaves the months before the Silver boundary frozen)
        v_silver_before := pg_catalog.date_trunc('month', current_date
                               - (scout_internal.setting('silver_retention_days'))::int)::date;
        v_gold_before := scout_internal.gold_kept_from();

        -- next months' partitions first: ingest never waits for one
        v_step := 'partitions';
        v_partitions := scout_internal.bronze_prepare_partitions();

        v_step := 'bronze';
        v_bronze := scout_internal.purge_processed_bronze_transactions(v_bronze_before);
        v_counts := pg_catalog.jsonb_build_object(
            'bronze_transactions', v_bronze -> 'rows',
            'bronze_products', scout_internal.purge_processed_bronze_products(v_bronze_before),
            'bronze_ingest_errors', scout_internal.purge_older('scout', 'bronze_ingest_errors', 'created_at',
                                                               v_bronze_before));
        v_step := 'silver';
        v_counts := v_counts || pg_catalog.jsonb_build_object(
            'silver_validated_transactions', scout_internal.purge_older('scout', 'silver_validated_transactions',
                                                                        'transaction_date', v_silver_before),
            'silver_rejected_transactions', scout_internal.purge_older('scout', 'silver_rejected_transactions',
                                                                       'rejected_at', v_silver_before),
            'silver_rejected_products', scout_internal.purge_older('scout', 'silver_rejected_products', 'rejected_at',
                                                                   v_silver_before));
        update ip_workbench.settings
           set value = pg_catalog.to_jsonb(greatest(v_silver_before, scout_internal.silver_frozen_before())),
               updated_at = pg_catalog.now()
         where name = 'silver_purged_before'
           -- saved only when it moves: an unchanged value is no change to count
           and value is distinct from pg_catalog.to_jsonb(greatest(v_silver_before, scout_internal.silver_frozen_before()));

        v_step := 'gold';
        v_counts := v_counts || pg_catalog.jsonb_build_object(
            'gold_monthly_summary', scout_internal.purge_older('scout', 'gold_monthly_summary', 'month', v_gold_before),
            'gold_category_trends', scout_internal.purge_older('scout', 'gold_category_trends', 'week_start', v_gold_before),
            'gold_store_daily_sales', scout_internal.purge_older('scout', 'gold_store_daily_sales', 'sales_date', v_gold_before));
        -- the teams' incremental Gold marts keep what Gold keeps (a full mart is what its
        -- query says, every run)
        v_counts := v_counts || coalesce((
            select pg_catalog.jsonb_object_agg(m.mart_name,
                       scout_internal.purge_older('scout', pg_catalog.split_part(m.mart_name, '.', 2), m.date_column, v_gold_before))
              from ip_workbench.marts m
             where m.refresh = 'incremental' and m.mart_name like 'scout.gold\_%'), '{}');
        -- the totals keep a year more: growth rates and baselines look back that far
        perform scout_internal.purge_older('scout_internal', 'gold_monthly_category_totals', 'month', v_gold_before - interval '1 year');
        perform scout_internal.purge_older('scout_internal', 'gold_weekly_category_totals', 'week_start', v_gold_before - interval '1 year');

        v_step := 'platinum';
        v_counts := v_counts || pg_catalog.jsonb_build_object(
            'platinum_transaction_embeddings', scout_internal.purge_older('scout', 'platinum_transaction_embeddings',
                                                                          'transaction_date', v_platinum_before));

        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok', 'deleted', v_counts,
            'bronze_months_dropped', v_bronze -> 'months_dropped', 'bronze_partitions', v_partitions,
            'bronze_before', v_bronze_before, 'silver_before', v_silver_before, 'gold_before', v_gold_before,
            'platinum_before', v_platinum_before));
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, v_step, sqlstate, sqlerrm);
    end;
end
$$;


--
-- Name: FUNCTION purge_expired(p_wait boolean); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.purge_expired(p_wait boolean) IS 'Makes Bronze''s monthly partitions ready two months ahead (scout_internal.bronze_prepare_partitions), then applies each layer''s retention (ip_workbench.settings): Bronze rows and ingest errors older than bronze_retention_days (at least 30) that Silver has processed, a month of Bronze transactions dropped whole when every row of it is; Silver transactions of, and rejected rows judged in, whole months older than silver_retention_days (Gold keeps those months, frozen); Gold mart rows of months, weeks and days older than gold_retention_days (the incremental Gold marts of ip_workbench.marts too, by their date column); Platinum sentences older than 90 days. Silver rows keep their lineage (bronze_id, source, batch, ingested_at) after their Bronze row is purged. Returns {"status", "deleted": {table: rows}, "bronze_months_dropped", "bronze_partitions", the boundaries, …}. Runs with its owner''s rights.';


--
-- Name: refresh_gold(boolean); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.refresh_gold(p_wait boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    SET work_mem TO '256MB'
    SET enable_nestloop TO 'on'
    AS $$
declare
    v_run jsonb;
    v_claimed jsonb;
    v_plan text;
    v_monthly_rows bigint := 0;
    v_weekly_rows bigint := 0;
    v_anomalies jsonb := '{}'::jsonb;
    v_stores jsonb;
begin
    v_run := scout_internal.job_start('scout.refresh_gold', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    begin
        v_claimed := scout_internal.gold_claim_changes();
        -- Thousands of days (a first load, a backfill): one pass over Silver with a
        -- hash join beats an index probe per day, which the planner prices too low.
        -- The limit is a setting (gold_hash_rebuild_days) so a test can force either plan.
        v_plan := case when (v_claimed ->> 'changed_days')::bigint > (scout_internal.setting('gold_hash_rebuild_days'))::bigint
                       then 'hash' else 'probe' end;
        if (v_claimed ->> 'months_recomputed')::bigint + (v_claimed ->> 'weeks_recomputed')::bigint > 0 then
            perform pg_catalog.set_config('enable_nestloop', (v_plan = 'probe')::text, true);
            perform scout_internal.gold_apply_monthly_totals();
            perform scout_internal.gold_apply_weekly_totals();
            perform pg_catalog.set_config('enable_nestloop', 'on', true);

        end if;
        v_stores := scout_internal.gold_apply_store_daily_sales();
        if (v_claimed ->> 'categories_rewritten')::bigint > 0 then
            v_monthly_rows := scout_internal.gold_build_monthly_summary();
            v_weekly_rows := scout_internal.gold_build_category_trends();
            v_anomalies := scout_internal.gold_find_sales_anomalies();
            perform scout_internal.touch_table('scout', 'gold_monthly_summary', v_monthly_rows);
            perform scout_internal.touch_table('scout', 'gold_category_trends', v_weekly_rows);
        end if;
        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object('status', 'ok') || v_claimed
            || pg_catalog.jsonb_build_object('monthly_summary_rows', v_monthly_rows,
                                             'category_trends_rows', v_weekly_rows, 'plan', v_plan)
            || v_stores || v_anomalies);
    exception when others or query_canceled then
        -- the block's work is rolled back; the failure is kept in the run's row
        return scout_internal.job_fail(v_run, 'gold', sqlstate, sqlerrm);
    end;
end
$$;


--
-- Name: FUNCTION refresh_gold(p_wait boolean); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.refresh_gold(p_wait boolean) IS 'Brings scout.gold_monthly_summary, scout.gold_category_trends and scout.gold_store_daily_sales up to date with Silver, from what refresh_silver queued, in named steps: scout_internal.gold_claim_changes, gold_apply_monthly_totals, gold_apply_weekly_totals, gold_apply_store_daily_sales, gold_build_monthly_summary, gold_build_category_trends, gold_find_sales_anomalies. Returns {"status", "changed_days", "changes_applied", "months_recomputed", "months_reaggregated", "weeks_recomputed", "categories_rewritten", "monthly_summary_rows", "category_trends_rows", "plan", "store_cells_rebuilt", "store_rows_written", "store_rows_completed", "new_business_day", "anomalies", "anomalies_new"}. A concurrent second call returns {"status": "skipped", "held_by"}, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';


--
-- Name: refresh_platinum(boolean); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.refresh_platinum(p_wait boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    SET work_mem TO '256MB'
    AS $$
declare
    v_run jsonb;
    v_since date := current_date - 89;
    v_embeddings jsonb;
    v_recommendations jsonb;
    v_result jsonb;
    v_basket_max_skus int := (scout_internal.setting('recommendation_basket_max_skus'))::int;
    v_min_co_occurrence int := (scout_internal.setting('min_co_occurrence'))::int;
    -- the sentences name products: a catalogue change (every write sets validated_at) rebuilds them
    v_products_seen text := (select pg_catalog.count(*)::text || ' products, last validated '
                                    || coalesce(pg_catalog.max(p.validated_at)::text, 'never')
                               from scout.silver_products p);
    v_silver_version bigint;
    v_built ip_workbench.platinum_builds;
begin
    v_run := scout_internal.job_start('scout.refresh_platinum', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    begin
        -- read before Silver is: a write committed in between makes the next run rebuild again, never skip
        select v.version into v_silver_version
          from ip_workbench.layer_versions v where v.table_name = 'scout.silver_validated_transactions'::regclass;
        select * into v_built from ip_workbench.platinum_builds b;
        if (v_built.silver_version, v_built.window_start, v_built.basket_max_skus, v_built.min_co_occurrence,
            v_built.products_seen)
           is not distinct from (v_silver_version, v_since, v_basket_max_skus, v_min_co_occurrence, v_products_seen) then
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'ok', 'since', v_since, 'rebuilt', false,
                'reason', 'Silver unchanged since the build of ' || v_built.built_at::text || ' over the same window'));
        end if;

        v_embeddings := scout_internal.platinum_build_embeddings(v_since);
        v_recommendations := scout_internal.platinum_build_recommendations(v_since, v_basket_max_skus, v_min_co_occurrence);

        -- merged, so the count is counted (touch_table counts when told no difference)
        perform scout_internal.touch_table('scout', 'platinum_transaction_embeddings',
            (v_embeddings ->> 'dropped')::bigint + (v_embeddings ->> 'written')::bigint, null);
        perform scout_internal.touch_table('scout', 'platinum_product_recommendations',
            (v_recommendations ->> 'dropped')::bigint + (v_recommendations ->> 'recommendations')::bigint,
            (v_recommendations ->> 'recommendations')::bigint - (v_recommendations ->> 'dropped')::bigint);

        insert into ip_workbench.platinum_builds as b
               (silver_version, window_start, basket_max_skus, min_co_occurrence, products_seen)
        values (v_silver_version, v_since, v_basket_max_skus, v_min_co_occurrence, v_products_seen)
        on conflict (singleton) do update
           set silver_version = excluded.silver_version, window_start = excluded.window_start,
               basket_max_skus = excluded.basket_max_skus, min_co_occurrence = excluded.min_co_occurrence,
               products_seen = excluded.products_seen,
               built_at = pg_catalog.now();

        v_result := pg_catalog.jsonb_build_object(
            'status', 'ok',
            'since', v_since,
            'rebuilt', true,
            'embeddings', (v_embeddings ->> 'embeddings')::bigint,
            'sentences_written', (v_embeddings ->> 'written')::bigint,
            'recommendations', (v_recommendations ->> 'recommendations')::bigint);
        -- new or changed sentences wait for their vectors: scout-db embed --follow wakes up
        -- at commit (a notification is sent only if the transaction commits)
        if (v_embeddings ->> 'written')::bigint > 0 then
            perform pg_catalog.pg_notify('scout_platinum_changed', (v_embeddings ->> 'written'));
        end if;
        return scout_internal.job_finish(v_run, v_result);
    exception when others or query_canceled then
        -- the block's work is rolled back; the failure is kept in the run's row
        return scout_internal.job_fail(v_run, 'platinum', sqlstate, sqlerrm);
    end;
end
$$;


--
-- Name: FUNCTION refresh_platinum(p_wait boolean); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.refresh_platinum(p_wait boolean) IS 'Rebuilds scout.platinum_transaction_embeddings and scout.platinum_product_recommendations from Silver rows of the last 90 days (transaction_date > current_date - 90), in one transaction; baskets over recommendation_basket_max_skus SKUs are left out of the recommendations, and so are pairs held by fewer than min_co_occurrence baskets. The sentences name the product (name, brand) where scout.silver_products knows the SKU. Skips the rebuild when Silver and the product catalogue have not been written since the last one over the same window, basket cap and min_co_occurrence (ip_workbench.platinum_builds). The sentences are merged (an unchanged one keeps its embedding); when any was written, NOTIFY scout_platinum_changed (payload: how many) tells scout-db embed --follow. Returns {"status", "since", "rebuilt": true, "embeddings", "sentences_written", "recommendations", "seconds"}, or {"status": "ok", "since", "rebuilt": false, "reason"} when it skipped. A concurrent second call returns {"status": "skipped", "held_by"}, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';


--
-- Name: refresh_silver(boolean); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.refresh_silver(p_wait boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
declare
    v_run jsonb;
    v_transactions jsonb;
    v_products jsonb;
    v_result jsonb;
begin
    v_run := scout_internal.job_start('scout.refresh_silver', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    begin
        -- after the lock, so each merge's snapshot sees everything the previous run committed
        v_transactions := scout_internal.silver_merge_transactions();
        v_products := scout_internal.silver_merge_products();

        v_result := pg_catalog.jsonb_build_object(
            'status', 'ok',
            'processed', (v_transactions ->> 'processed')::bigint + (v_products ->> 'processed')::bigint,
            'inserted', (v_transactions ->> 'inserted')::bigint + (v_products ->> 'inserted')::bigint,
            'updated', (v_transactions ->> 'updated')::bigint + (v_products ->> 'updated')::bigint,
            'rejected', (v_transactions ->> 'rejected')::bigint + (v_products ->> 'rejected')::bigint,
            'superseded', (v_transactions ->> 'superseded')::bigint + (v_products ->> 'superseded')::bigint,
            'transactions', v_transactions,
            'products', v_products);
        return scout_internal.job_finish(v_run, v_result);
    exception when others or query_canceled then
        -- the block's work is rolled back; the failure is kept in the run's row
        return scout_internal.job_fail(v_run, 'silver', sqlstate, sqlerrm);
    end;
end
$$;


--
-- Name: FUNCTION refresh_silver(p_wait boolean); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.refresh_silver(p_wait boolean) IS 'Brings Silver up to date with Bronze incrementally (only rows committed since the last run). Returns {"status": "ok", "processed", "inserted", "updated", "rejected", "superseded", "transactions": {…}, "products": {…}, "run_id", "seconds"}; processed = inserted + updated + rejected + superseded. A concurrent second call returns {"status": "skipped", "held_by"} at once, or waits when p_wait is true. An error rolls its work back and returns {"status": "failed", "step", "sqlstate", "message"}, kept in ip_workbench.job_runs.';


--
-- Name: run_dq_checks(boolean); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.run_dq_checks(p_wait boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    SET work_mem TO '256MB'
    AS $$
declare
    v_run jsonb;
    v_run_id bigint;
    v_step text := 'checks';
    v_threshold numeric := (scout_internal.setting('dq_alert_threshold'))::numeric;
    v_checked jsonb;
    v_tables jsonb;
    v_alerts jsonb;
    -- how far this run sees: the next run's recent rows start here
    v_recent_until timestamptz := least(pg_catalog.now(), scout_internal.oldest_unjudged_bronze('silver_transactions'),
                                        scout_internal.oldest_unjudged_bronze('silver_products'));
begin
    v_run := scout_internal.job_start('scout.run_dq_checks', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    v_run_id := (v_run ->> 'run_id')::bigint;
    begin
        v_checked := scout_internal.dq_run_checks();
        v_step := 'scores';
        v_tables := scout_internal.dq_store_scores(v_run_id);
        v_step := 'test_failures';
        perform scout_internal.dq_replace_test_failures(v_run_id);
        v_step := 'alerts';
        v_alerts := scout_internal.dq_settle_alerts(v_run_id, v_threshold);
        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok', 'tables', v_tables, 'alert_threshold', v_threshold,
            'recent_since', scout_internal.dq_recent_since(), 'recent_until', v_recent_until,
            'open_alerts', (select pg_catalog.count(*) from ip_workbench.dq_alerts a where a.closed_at is null))
            || v_checked || v_alerts);
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, v_step, sqlstate, sqlerrm);
    end;
end
$$;


--
-- Name: FUNCTION run_dq_checks(p_wait boolean); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.run_dq_checks(p_wait boolean) IS 'Runs every data-quality check (the views of scout_checks) and the timeliness of every registered table; appends every result to ip_workbench.dq_results and every table''s scores to ip_workbench.dq_scores; sets completeness, uniqueness, timeliness, dq_score (of the rows that arrived since the previous run: each dimension its worst check, the table its worst dimension), cumulative_score and failing_bars in ip_workbench.tables; replaces each checked table''s failing keys in test_failures; opens one alert per table whose score (Bronze: its timeliness) is below dq_alert_threshold (with NOTIFY scout_dq_alert) and closes it when the score recovers. In named steps: scout_internal.dq_run_checks, dq_store_scores, dq_replace_test_failures, dq_settle_alerts. A check whose inputs did not change keeps its judgement; one with a delta function is judged from what changed since its previous run (scout_internal.dq_run_checks). Returns {"status", "checks", "failed_checks", "kept_checks", "delta_checks", "failing_rows", "recent_failing_rows", "tables", "alerts_raised", "alerts_closed", "open_alerts", "recent_since", "recent_until", …}; recent_until is where the next run''s recent rows start.';


--
-- Name: run_micro_batch(boolean); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.run_micro_batch(p_wait boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
declare
    v_run jsonb;
    v_silver jsonb;
begin
    if not (scout_internal.setting('micro_batch_enabled'))::boolean then
        return pg_catalog.jsonb_build_object('status', 'disabled', 'reason', 'setting micro_batch_enabled is false');
    end if;
    if not scout_internal.has_unprocessed_bronze() then
        return pg_catalog.jsonb_build_object('status', 'idle', 'reason', 'no Bronze row is waiting for Silver');
    end if;
    -- the hourly run's lock: never beside it, never processing its rows twice
    if not scout_internal.take_job_lock('scout.run_transformations', false) then
        return pg_catalog.jsonb_build_object('status', 'idle', 'reason', 'the hourly run is under way; it does Silver');
    end if;
    v_run := scout_internal.job_start('scout.run_micro_batch', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    perform pg_catalog.set_config('scout.parent_run_id', v_run ->> 'run_id', true);
    v_silver := scout.refresh_silver(true);
    perform pg_catalog.set_config('scout.parent_run_id', '', true);
    return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
        'status', case when v_silver ->> 'status' = 'failed' then 'failed' else 'ok' end,
        'step', case when v_silver ->> 'status' = 'failed' then 'silver' end,
        'sqlstate', v_silver ->> 'sqlstate', 'message', v_silver ->> 'message',
        'processed', v_silver -> 'processed', 'silver', v_silver));
end
$$;


--
-- Name: FUNCTION run_micro_batch(p_wait boolean); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.run_micro_batch(p_wait boolean) IS 'The every-minute micro-batch: when Bronze holds rows Silver has not processed and the hourly run is not under way (it shares its lock), runs scout.refresh_silver as a recorded run and returns {"status": "ok", "processed", "silver", "run_id", "seconds"}; otherwise returns at once with {"status": "idle" | "disabled", "reason"} and records nothing. Gold and the checks stay the hourly run''s.';


--
-- Name: run_transformations(boolean, boolean); Type: FUNCTION; Schema: scout; Owner: -
--

CREATE FUNCTION scout.run_transformations(p_wait boolean DEFAULT false, p_platinum boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
declare
    v_run jsonb;
    v_run_id bigint;
    v_steps jsonb := '[]'::jsonb;
    v_step jsonb;
    v_position int := 0;
    v_plan text[] := array['bronze_freshness', 'silver', 'silver_checks', 'gold', 'gold_checks', 'marts']
                     || case when p_platinum then array['platinum'] else '{}'::text[] end
                     || array['metadata'];
    v_name text;
begin
    v_run := scout_internal.job_start('scout.run_transformations', p_wait);
    if v_run ? 'status' then
        return v_run;  -- skipped: another run holds the lock
    end if;
    v_run_id := (v_run ->> 'run_id')::bigint;
    -- the refreshes it calls record themselves as steps of this run
    perform pg_catalog.set_config('scout.parent_run_id', v_run_id::text, true);
    foreach v_name in array v_plan loop
        v_position := v_position + 1;
        v_step := scout_internal.run_step(v_run_id, v_position, v_name, case v_name
            when 'bronze_freshness' then 'scout_internal.bronze_freshness()'
            when 'silver' then 'scout.refresh_silver(true)'
            when 'silver_checks' then 'scout_internal.check_silver_delta()'
            when 'gold' then 'scout.refresh_gold(true)'
            when 'gold_checks' then 'scout_internal.check_gold_changes()'
            when 'marts' then 'scout_internal.refresh_marts()'
            when 'platinum' then 'scout.refresh_platinum(true)'
            when 'metadata' then 'scout_internal.record_run_metadata()'
        end);
        v_steps := v_steps || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
            'step', v_name, 'status', v_step ->> 'step_status', 'seconds', v_step -> 'step_seconds',
            'result', v_step - array['step', 'step_status', 'step_seconds']));
        if v_step ->> 'step_status' = 'failed' then
            perform pg_catalog.set_config('scout.parent_run_id', '', true);
            if v_name = 'silver_checks' then
                -- the same alert the daily checks raise: people hear of it now, not tomorrow
                perform scout_internal.dq_raise_alert('scout', 'silver_validated_transactions', 'silver',
                    pg_catalog.round(100.0 * ((v_step ->> 'rows')::bigint - (v_step ->> 'unaccounted')::bigint)
                                     / greatest((v_step ->> 'rows')::bigint, 1), 2),
                    (scout_internal.setting('dq_alert_threshold'))::numeric,
                    pg_catalog.jsonb_build_object('integrity', pg_catalog.round(100.0 * ((v_step ->> 'rows')::bigint
                        - (v_step ->> 'unaccounted')::bigint) / greatest((v_step ->> 'rows')::bigint, 1), 2)),
                    pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                        'check', 'run_transformations.silver_checks', 'failed', v_step -> 'unaccounted',
                        'detail', v_step ->> 'message', 'sample_keys', v_step -> 'sample_bronze_ids')),
                    v_run_id);
            end if;
            return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
                'status', 'failed', 'step', v_name,
                'sqlstate', coalesce(v_step ->> 'sqlstate', case when v_name like '%checks' then 'check_failed' end),
                'message', coalesce(v_step ->> 'message', 'step ' || v_name || ' failed')
                           || case when v_name = 'silver_checks' then '; Gold was not refreshed' else '' end,
                'steps', v_steps)
                -- failing checks paged as the data-quality alert above: not a second page for the run
                || case when v_name = 'silver_checks' then '{"paged_as": "data_quality"}'::jsonb else '{}'::jsonb end);
        end if;
    end loop;
    perform pg_catalog.set_config('scout.parent_run_id', '', true);
    return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object('status', 'ok', 'steps', v_steps));
end
$$;


--
-- Name: FUNCTION run_transformations(p_wait boolean, p_platinum boolean); Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON FUNCTION scout.run_transformations(p_wait boolean, p_platinum boolean) IS 'The hourly pipeline: Bronze freshness, scout.refresh_silver, the Silver checks, scout.refresh_gold, the Gold checks, the marts defined with ip_workbench.define_mart (scout_internal.refresh_marts), (scout.refresh_platinum when p_platinum), metadata; each step recorded in ip_workbench.job_run_steps. Stops at a failing step or failing Silver checks (before Gold) with status failed, keeping the steps before; failing Silver checks also raise a data-quality alert (scout_internal.dq_raise_alert), which stands for the run (its result says paged_as data_quality, and no job_failed alert is raised); any other failure raises the job''s alert (scout_internal.job_alert). Returns {"status", "steps": [{"step", "status", "seconds", "result"}…], "run_id", "seconds"}; a concurrent second call returns {"status": "skipped"} at once, or waits when p_wait is true.';


SET default_table_access_method = heap;

--
-- Name: ref_categories; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.ref_categories (
    name text NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    retired_at timestamp with time zone,
    CONSTRAINT ref_categories_name_check CHECK (((name = btrim(name)) AND (name <> ''::text)))
);

ALTER TABLE ONLY scout.ref_categories FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE ref_categories; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.ref_categories IS 'Allowed transaction categories. DBAs add rows or retire them (is_active = false); Silver applies the list to the rows it judges from then on.';


--
-- Name: COLUMN ref_categories.name; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_categories.name IS 'Canonical spelling; payload categories match it case-insensitively after trimming.';


--
-- Name: COLUMN ref_categories.is_active; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_categories.is_active IS 'Only active categories are allowed in Silver.';


--
-- Name: COLUMN ref_categories.added_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_categories.added_at IS 'When the category was added.';


--
-- Name: COLUMN ref_categories.retired_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_categories.retired_at IS 'When the category was retired, if it was.';


--
-- Name: product_names; Type: VIEW; Schema: scout_dev; Owner: -
--

CREATE VIEW scout_dev.product_names WITH (security_invoker='true') AS
 SELECT v.category,
    v.products
   FROM ( VALUES ('Alcoholic Beverages'::text,ARRAY['San Miguel Pale Pilsen 330ml'::text, 'Red Horse Beer 500ml'::text, 'Tanduay Rhum 750ml'::text, 'Ginebra San Miguel Gin 700ml'::text, 'Emperador Brandy 1L'::text, 'San Mig Light 330ml'::text]), ('Bakery'::text,ARRAY['Gardenia Classic White Bread'::text, 'Pandesal (10 pcs)'::text, 'Ensaymada'::text, 'Monay'::text, 'Spanish Bread'::text, 'Gardenia Wheat Raisin Loaf'::text]), ('Beverages'::text,ARRAY['Coca-Cola 1.5L'::text, 'Sprite 1.5L'::text, 'Royal Tru-Orange 1L'::text, 'C2 Green Tea 500ml'::text, 'Nature''s Spring Drinking Water 1L'::text, 'Del Monte Pineapple Juice 1L'::text, 'Kopiko 3-in-1 Coffee'::text, 'Milo Chocolate Drink 300g'::text]), ('Canned Goods'::text,ARRAY['Century Tuna Flakes in Oil'::text, '555 Sardines in Tomato Sauce'::text, 'Argentina Corned Beef'::text, 'Spam Classic 340g'::text, 'Ligo Sardines'::text, 'Del Monte Tomato Sauce'::text]), ('Condiments'::text,ARRAY['Datu Puti Vinegar 1L'::text, 'Silver Swan Soy Sauce 1L'::text, 'UFC Banana Ketchup'::text, 'Mang Tomas All-Purpose Sauce'::text, 'Knorr Sinigang Mix'::text, 'Ajinomoto Umami Seasoning'::text]), ('Dairy'::text,ARRAY['Alaska Evaporated Milk'::text, 'Bear Brand Powdered Milk'::text, 'Nestle Fresh Milk 1L'::text, 'Eden Cheese 165g'::text, 'Magnolia Butter 225g'::text, 'Nestle Yogurt'::text]), ('Frozen Foods'::text,ARRAY['Purefoods Tender Juicy Hotdog'::text, 'CDO Longganisa'::text, 'Magnolia Chicken Nuggets'::text, 'Selecta Ice Cream 1.5L'::text, 'Pampanga''s Best Tocino'::text, 'Frozen Tilapia Fillet'::text]), ('Household Cleaning'::text,ARRAY['Surf Laundry Powder'::text, 'Downy Fabric Conditioner'::text, 'Joy Dishwashing Liquid'::text, 'Zonrox Bleach 1L'::text, 'Domex Toilet Cleaner'::text, 'Baygon Insect Spray'::text]), ('Instant Noodles'::text,ARRAY['Lucky Me Pancit Canton'::text, 'Nissin Cup Noodles Beef'::text, 'Payless Xtra Big Noodles'::text, 'Lucky Me Beef Mami'::text, 'Nissin Ramen Seafood'::text, 'Quickchow Chicken Noodles'::text]), ('Personal Care'::text,ARRAY['Safeguard Bar Soap'::text, 'Palmolive Shampoo Sachet'::text, 'Colgate Toothpaste 150ml'::text, 'Rexona Deodorant'::text, 'Head & Shoulders Shampoo'::text, 'Modess Sanitary Napkins'::text]), ('Snacks'::text,ARRAY['Piattos Cheese'::text, 'Nova Multigrain Chips'::text, 'Oishi Prawn Crackers'::text, 'Chippy Barbecue'::text, 'Boy Bawang Cornick'::text, 'SkyFlakes Crackers'::text]), ('Tobacco'::text,ARRAY['Marlboro Red (pack of 20)'::text, 'Fortune Cigarettes (pack)'::text, 'Hope Cigarettes (pack)'::text, 'Mighty Cigarettes (pack)'::text, 'Philip Morris (pack of 20)'::text])) v(category, products);


--
-- Name: VIEW product_names; Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON VIEW scout_dev.product_names IS 'The product names the generator gives each reference category''s SKUs (scout_dev.generate_products), in turn; for demos, tests and benchmarks.';


--
-- Name: COLUMN product_names.category; Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON COLUMN scout_dev.product_names.category IS 'A reference category (scout.ref_categories).';


--
-- Name: COLUMN product_names.products; Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON COLUMN scout_dev.product_names.products IS 'Names of products a shopper would ask for, with their size where a shelf shows one.';


--
-- Name: generate_products(bigint); Type: FUNCTION; Schema: scout_dev; Owner: -
--

CREATE FUNCTION scout_dev.generate_products(p_seed bigint DEFAULT 42) RETURNS TABLE(seq bigint, payload jsonb)
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 WITH categories AS (
          SELECT array_agg(c_1.name ORDER BY c_1.name) AS names
            FROM scout.ref_categories c_1
           WHERE c_1.is_active
         )
  SELECT v.seq,
     jsonb_build_object('sku', format('SKU-%s'::text, lpad((v.sku_no)::text, 4, '0'::text)), 'name', COALESCE(( SELECT n.products[(1 + ((v.sku_no / cardinality(c.names)) % (cardinality(n.products))::bigint))] AS products
            FROM scout_dev.product_names n
           WHERE (n.category = c.names[(1 + (v.sku_no % (cardinality(c.names))::bigint))])), format('%s item %s'::text, c.names[(1 + (v.sku_no % (cardinality(c.names))::bigint))], v.sku_no)), 'category', c.names[(1 + (v.sku_no % (cardinality(c.names))::bigint))], 'brand', format('Vendor %s'::text, ((v.sku_no % (40)::bigint) + 1)), 'price', round((v.price * v.bump), 2), 'cost', round((v.price * 0.7), 2), 'stock_quantity', ((abs(hashint8extended(v.sku_no, (generate_products.p_seed + 1))) % (500)::bigint))::integer, 'unit_of_measure', 'pc', 'barcode', lpad(((abs(hashint8extended(v.sku_no, (generate_products.p_seed + 2))) % '10000000000000'::bigint))::text, 13, '0'::text), 'is_active', ((v.sku_no % (97)::bigint) <> 0), 'updated_at', to_char(('2024-01-01 00:00:00'::timestamp without time zone + ((v.version)::double precision * '30 days'::interval)), 'YYYY-MM-DD"T"HH24:MI:SS"Z"'::text)) AS jsonb_build_object
    FROM (( SELECT g.n AS seq,
             g.n AS sku_no,
             0 AS version,
             1.0 AS bump,
             ((10)::numeric + (((abs(hashint8extended(g.n, generate_products.p_seed)) % (20000)::bigint))::numeric / 100.0)) AS price
            FROM generate_series((1)::bigint, (500)::bigint) g(n)
         UNION ALL
          SELECT (500 + g.n),
             (g.n * 25),
             1,
             1.05,
             ((10)::numeric + (((abs(hashint8extended((g.n * 25), generate_products.p_seed)) % (20000)::bigint))::numeric / 100.0)) AS "numeric"
            FROM generate_series((1)::bigint, (20)::bigint) g(n)) v
      CROSS JOIN categories c);
END;


--
-- Name: FUNCTION generate_products(p_seed bigint); Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON FUNCTION scout_dev.generate_products(p_seed bigint) IS 'Deterministic product catalogue matching scout_dev.generate_transactions: 500 SKUs named from scout_dev.product_names (a numbered item where a category has no list), then 20 of them again with a later updated_at and a 5% price rise. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: seed_uniform(bigint, bigint, integer); Type: FUNCTION; Schema: scout_dev; Owner: -
--

CREATE FUNCTION scout_dev.seed_uniform(p_row bigint, p_seed bigint, p_stream integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT ((((hashint8extended(p_row, ((p_seed * 1000) + p_stream)) >> 11) & '4503599627370495'::bigint))::double precision / (4503599627370496.0)::double precision);
END;


--
-- Name: FUNCTION seed_uniform(p_row bigint, p_seed bigint, p_stream integer); Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON FUNCTION scout_dev.seed_uniform(p_row bigint, p_seed bigint, p_stream integer) IS 'A number in [0, 1) fixed by (p_row, p_seed, p_stream): the generator''s reproducible randomness. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: generate_transactions(bigint, bigint, date); Type: FUNCTION; Schema: scout_dev; Owner: -
--

CREATE FUNCTION scout_dev.generate_transactions(p_rows bigint, p_seed bigint DEFAULT 42, p_end_date date DEFAULT (CURRENT_DATE - 1)) RETURNS TABLE(seq bigint, kind text, payload jsonb)
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 WITH categories AS MATERIALIZED (
          SELECT array_agg(c.name ORDER BY c.name) AS names
            FROM scout.ref_categories c
           WHERE c.is_active
         ), arrivals AS MATERIALIZED (
          SELECT g.n,
                 CASE
                     WHEN (g.n = 1) THEN 'normal'::text
                     WHEN (u.u0 < (0.010)::double precision) THEN 'duplicate'::text
                     WHEN (u.u0 < (0.015)::double precision) THEN 'correction'::text
                     WHEN (u.u0 < (0.035)::double precision) THEN (ARRAY['bad_amount'::text, 'future_date'::text, 'bad_category'::text, 'missing_id'::text, 'bad_date'::text])[(1 + (floor((scout_dev.seed_uniform(g.n, generate_transactions.p_seed, 2) * (5)::double precision)))::integer)]
                     ELSE 'normal'::text
                 END AS kind,
                 CASE
                     WHEN ((u.u0 < (0.015)::double precision) AND (g.n > 1)) THEN GREATEST((1)::bigint, ((g.n - 1) - (floor((scout_dev.seed_uniform(g.n, generate_transactions.p_seed, 1) * (1000)::double precision)))::bigint))
                     ELSE g.n
                 END AS src
            FROM (generate_series((1)::bigint, generate_transactions.p_rows) g(n)
              CROSS JOIN LATERAL ( SELECT scout_dev.seed_uniform(g.n, generate_transactions.p_seed, 0) AS u0) u)
         ), buyers AS MATERIALIZED (
          SELECT g.n AS src,
                 CASE
                     WHEN (scout_dev.seed_uniform(g.n, generate_transactions.p_seed, 15) < (0.9)::double precision) THEN (1 + (floor((power(scout_dev.seed_uniform(g.n, generate_transactions.p_seed, 5), (1.5)::double precision) * (GREATEST((200)::bigint, (generate_transactions.p_rows / 50)))::double precision)))::bigint)
                     ELSE NULL::bigint
                 END AS customer_no
            FROM generate_series((1)::bigint, generate_transactions.p_rows) g(n)
         ), facts AS MATERIALIZED (
          SELECT b.src,
             b.customer_no,
             (generate_transactions.p_end_date - (floor((power(scout_dev.seed_uniform(b.src, generate_transactions.p_seed, 3), (1.2)::double precision) * (1095)::double precision)))::integer) AS day,
                 CASE
                     WHEN ((b.customer_no IS NOT NULL) AND (scout_dev.seed_uniform(b.src, generate_transactions.p_seed, 16) < (0.35)::double precision)) THEN ((2 * ((1 + (abs(hashint8extended(b.customer_no, generate_transactions.p_seed)) % (50)::bigint)))::integer) - ((scout_dev.seed_uniform(b.src, generate_transactions.p_seed, 17) < (0.5)::double precision))::integer)
                     ELSE (1 + (floor((power(scout_dev.seed_uniform(b.src, generate_transactions.p_seed, 6), (2)::double precision) * (500)::double precision)))::integer)
                 END AS sku_no,
             (1 + (floor((power(scout_dev.seed_uniform(b.src, generate_transactions.p_seed, 7), (3)::double precision) * (5)::double precision)))::integer) AS quantity
            FROM buyers b
         ), sales AS MATERIALIZED (
          SELECT f.src,
             f.customer_no,
             f.day,
             f.sku_no,
             f.quantity,
             c.names[(1 + (f.sku_no % cardinality(c.names)))] AS category,
             round(((((((10)::numeric + (((abs(hashint8extended((f.sku_no)::bigint, generate_transactions.p_seed)) % (20000)::bigint))::numeric / 100.0)) * (f.quantity)::numeric) *
                 CASE
                     WHEN (EXTRACT(isodow FROM f.day) >= (6)::numeric) THEN 1.3
                     ELSE 1.0
                 END) *
                 CASE
                     WHEN (EXTRACT(month FROM f.day) = (12)::numeric) THEN 1.25
                     ELSE 1.0
                 END) *
                 CASE
                     WHEN ((abs(hashint8extended((((((f.day - '2000-01-03'::date) / 7) * 100) + (f.sku_no % 12)))::bigint, generate_transactions.p_seed)) % (60)::bigint) = 0) THEN 4.0
                     ELSE 1.0
                 END), 2) AS amount,
             format('SKU-%s'::text, lpad((f.sku_no)::text, 4, '0'::text)) AS sku
            FROM (facts f
              CROSS JOIN categories c)
         ), documents AS (
          SELECT s.src,
             s.day,
             s.amount,
             jsonb_strip_nulls(jsonb_build_object('transaction_id', format('TX-%s-%s'::text, generate_transactions.p_seed, s.src), 'date',
                 CASE
                     WHEN (scout_dev.seed_uniform(s.src, generate_transactions.p_seed, 12) < (0.2)::double precision) THEN (((to_char((s.day)::timestamp with time zone, 'YYYY-MM-DD'::text) || 'T'::text) || lpad(((((8)::double precision + floor((scout_dev.seed_uniform(s.src, generate_transactions.p_seed, 13) * (13)::double precision))))::integer)::text, 2, '0'::text)) || ':15:00+08:00'::text)
                     ELSE (s.day)::text
                 END, 'amount', s.amount, 'currency',
                 CASE
                     WHEN (scout_dev.seed_uniform(s.src, generate_transactions.p_seed, 14) < (0.9)::double precision) THEN 'PHP'::text
                     ELSE NULL::text
                 END, 'category', s.category, 'store_id', format('ST-%s'::text, lpad(((((1)::double precision + floor((scout_dev.seed_uniform(s.src, generate_transactions.p_seed, 4) * (50)::double precision))))::integer)::text, 3, '0'::text)), 'customer_id',
                 CASE
                     WHEN (s.customer_no IS NOT NULL) THEN format('C-%s'::text, lpad((s.customer_no)::text, GREATEST(5, length((s.customer_no)::text)), '0'::text))
                     ELSE NULL::text
                 END, 'sku', s.sku, 'vendor_name', format('Vendor %s'::text, ((s.sku_no % 40) + 1)), 'quantity', s.quantity, 'tax_amount', round(((s.amount * (12)::numeric) / (112)::numeric), 2), 'payment_method', (ARRAY['cash'::text, 'gcash'::text, 'card'::text, 'maya'::text])[(1 + (floor((scout_dev.seed_uniform(s.src, generate_transactions.p_seed, 8) * (4)::double precision)))::integer)], 'description', format('%s x %s'::text, s.quantity, s.sku))) AS doc
            FROM sales s
         )
  SELECT a.n,
     a.kind,
         CASE a.kind
             WHEN 'bad_amount'::text THEN (d.doc || '{"amount": "-5.00"}'::jsonb)
             WHEN 'future_date'::text THEN (d.doc || jsonb_build_object('date', ((generate_transactions.p_end_date + 30))::text))
             WHEN 'bad_category'::text THEN (d.doc || '{"category": "Electronics"}'::jsonb)
             WHEN 'missing_id'::text THEN (d.doc - 'transaction_id'::text)
             WHEN 'bad_date'::text THEN (d.doc || jsonb_build_object('date', to_char((d.day)::timestamp with time zone, 'DD/MM/YYYY'::text)))
             WHEN 'correction'::text THEN (d.doc || jsonb_build_object('amount', round((d.amount * 0.9), 2)))
             ELSE d.doc
         END AS doc
    FROM (arrivals a
      JOIN documents d ON ((d.src = a.src)))
   ORDER BY a.n;
END;


--
-- Name: FUNCTION generate_transactions(p_rows bigint, p_seed bigint, p_end_date date); Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON FUNCTION scout_dev.generate_transactions(p_rows bigint, p_seed bigint, p_end_date date) IS 'Deterministic generator of p_rows transaction payloads (seq, kind, payload), the same for the same (p_rows, p_seed, p_end_date). kind is normal, duplicate, correction, bad_amount, future_date, bad_category, missing_id or bad_date. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: platinum_product_recommendations; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.platinum_product_recommendations (
    sku text NOT NULL,
    recommended_sku text NOT NULL,
    co_occurrence bigint NOT NULL,
    support numeric NOT NULL,
    confidence numeric NOT NULL,
    lift numeric NOT NULL,
    rank integer NOT NULL,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT platinum_product_recommendations_rank_check CHECK (((rank >= 1) AND (rank <= 10))),
    CONSTRAINT platinum_product_recommendations_sku_check CHECK ((sku <> recommended_sku))
);

ALTER TABLE ONLY scout.platinum_product_recommendations FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE platinum_product_recommendations; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.platinum_product_recommendations IS 'Item-to-item collaborative filtering features: for each SKU, the (up to) 10 SKUs most often in the same baskets. A basket is one customer_id''s set of SKUs over the last 90 days; rows without a customer or a SKU are left out, and so are baskets of more than recommendation_basket_max_skus SKUs (ip_workbench.settings) from every count.';


--
-- Name: COLUMN platinum_product_recommendations.sku; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_product_recommendations.sku IS 'The SKU a recommendation is for.';


--
-- Name: COLUMN platinum_product_recommendations.recommended_sku; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_product_recommendations.recommended_sku IS 'The SKU recommended with it.';


--
-- Name: COLUMN platinum_product_recommendations.co_occurrence; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_product_recommendations.co_occurrence IS 'Baskets holding both.';


--
-- Name: COLUMN platinum_product_recommendations.support; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_product_recommendations.support IS 'co_occurrence / number of baskets.';


--
-- Name: COLUMN platinum_product_recommendations.confidence; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_product_recommendations.confidence IS 'co_occurrence / baskets holding sku.';


--
-- Name: COLUMN platinum_product_recommendations.lift; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_product_recommendations.lift IS 'confidence / (baskets holding recommended_sku / number of baskets).';


--
-- Name: COLUMN platinum_product_recommendations.rank; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_product_recommendations.rank IS '1 = best for this sku, by lift, then co_occurrence (both descending), then recommended_sku.';


--
-- Name: COLUMN platinum_product_recommendations.refreshed_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_product_recommendations.refreshed_at IS 'When the row was built.';


--
-- Name: recommendation_precision(); Type: FUNCTION; Schema: scout_dev; Owner: -
--

CREATE FUNCTION scout_dev.recommendation_precision() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH planted AS (
          SELECT format('SKU-%s'::text, lpad((k.k)::text, 4, '0'::text)) AS sku,
             format('SKU-%s'::text, lpad((((k.k + 1) - (2 * ((k.k + 1) % 2))))::text, 4, '0'::text)) AS partner
            FROM generate_series(1, 100) k(k)
         ), judged AS (
          SELECT p.sku,
             (EXISTS ( SELECT 1
                    FROM scout.platinum_product_recommendations r
                   WHERE (r.sku = p.sku))) AS recommended,
             (EXISTS ( SELECT 1
                    FROM scout.platinum_product_recommendations r
                   WHERE ((r.sku = p.sku) AND (r.recommended_sku = p.partner) AND (r.rank <= 3)))) AS partner_in_top_3,
             (EXISTS ( SELECT 1
                    FROM scout.platinum_product_recommendations r
                   WHERE ((r.sku = p.sku) AND (r.recommended_sku = p.partner) AND (r.rank = 1)))) AS partner_first
            FROM planted p
         )
  SELECT jsonb_build_object('planted_skus', count(*), 'with_recommendations', count(*) FILTER (WHERE judged.recommended), 'partner_in_top_3', count(*) FILTER (WHERE judged.partner_in_top_3), 'partner_first', count(*) FILTER (WHERE judged.partner_first), 'precision_at_3_pct', round(((100.0 * (count(*) FILTER (WHERE judged.partner_in_top_3))::numeric) / (NULLIF(count(*) FILTER (WHERE judged.recommended), 0))::numeric), 1)) AS jsonb_build_object
    FROM judged;
END;


--
-- Name: FUNCTION recommendation_precision(); Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON FUNCTION scout_dev.recommendation_precision() IS 'What scout.platinum_product_recommendations finds of the generator''s 50 planted pairs (SKU 2k-1 with 2k): {"planted_skus", "with_recommendations", "partner_in_top_3", "partner_first", "precision_at_3_pct"} over the planted SKUs that have recommendations.';


--
-- Name: sales_anomaly(numeric, numeric[]); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.sales_anomaly(p_total numeric, p_history numeric[]) RETURNS TABLE(direction text, expected_amount numeric)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH h AS (
          SELECT v.amount,
             v.at
            FROM unnest(sales_anomaly.p_history) WITH ORDINALITY v(amount, at)
           WHERE (v.amount IS NOT NULL)
         ), m AS (
          SELECT (percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY ((h.amount)::double precision)))::numeric AS median,
             count(*) AS weeks,
             count(*) FILTER (WHERE (h.amount = (0)::numeric)) AS zero_weeks,
             COALESCE(max(h.at) FILTER (WHERE (h.amount <> (0)::numeric)), (0)::bigint) AS last_sale
            FROM h
         ), s AS (
          SELECT m.median,
             m.weeks,
             m.zero_weeks,
             ( SELECT count(*) AS count
                    FROM h
                   WHERE (h.at > m.last_sale)) AS trailing_zero_weeks,
             GREATEST((1.4826 * (( SELECT percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY ((abs((h.amount - m.median)))::double precision)) AS percentile_cont
                    FROM h))::numeric), (0.1 * m.median)) AS spread
            FROM m
         )
  SELECT
         CASE
             WHEN (sales_anomaly.p_total >= (2.5 * s.median)) THEN 'spike'::text
             ELSE 'drop'::text
         END AS "case",
     s.median
    FROM s
   WHERE ((s.weeks >= 6) AND (s.median > (0)::numeric) AND (((sales_anomaly.p_total >= (2.5 * s.median)) AND ((sales_anomaly.p_total - s.median) >= ((4)::numeric * s.spread))) OR ((sales_anomaly.p_total <= (0.4 * s.median)) AND ((s.median - sales_anomaly.p_total) >= ((4)::numeric * s.spread))) OR ((sales_anomaly.p_total = (0)::numeric) AND (s.zero_weeks = s.trailing_zero_weeks) AND (s.zero_weeks <= 3) AND (s.median >= ((2)::numeric * s.spread)))));
END;


--
-- Name: FUNCTION sales_anomaly(p_total numeric, p_history numeric[]); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.sales_anomaly(p_total numeric, p_history numeric[]) IS 'The paging rule for one week''s sales p_total against p_history, the totals of the up to 12 complete weeks before it: a row (direction spike or drop, expected_amount = their median) when it is at least 2.5 x the median and 4 robust spreads above, or at most 0.4 x and 4 spreads below, or 0 after weeks that all sold (but for up to 3 weeks of the same stop just before) when the median is at least 2 spreads (spread = 1.4826 x the median absolute deviation, at least 10% of the median); no row otherwise, or with fewer than 6 earlier weeks or a median of 0.';


--
-- Name: sales_anomaly_trial(integer, integer, bigint); Type: FUNCTION; Schema: scout_dev; Owner: -
--

CREATE FUNCTION scout_dev.sales_anomaly_trial(p_series integer DEFAULT 600, p_weeks integer DEFAULT 156, p_seed bigint DEFAULT 1) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH series AS (
          SELECT s.n,
             exp((ln((20)::double precision) + ((ln((2000)::double precision) - ln((20)::double precision)) * scout_dev.seed_uniform((s.n)::bigint, sales_anomaly_trial.p_seed, 1)))) AS volume,
             (((0.6)::double precision * scout_dev.seed_uniform((s.n)::bigint, sales_anomaly_trial.p_seed, 2)) - (0.3)::double precision) AS trend
            FROM generate_series(1, sales_anomaly_trial.p_series) s(n)
         ), events AS (
          SELECT x.n,
             x.w,
                 CASE
                     WHEN (scout_dev.seed_uniform((((x.n * 10000) + x.w))::bigint, sales_anomaly_trial.p_seed, 4) < (0.5)::double precision) THEN 'spike'::text
                     ELSE 'drop'::text
                 END AS kind,
             ((3)::double precision + ((3)::double precision * scout_dev.seed_uniform((((x.n * 10000) + x.w))::bigint, sales_anomaly_trial.p_seed, 5))) AS factor,
             (1 + (floor(((3)::double precision * scout_dev.seed_uniform((((x.n * 10000) + x.w))::bigint, sales_anomaly_trial.p_seed, 6))))::integer) AS length
            FROM ( SELECT s.n,
                     w.w
                    FROM (series s
                      CROSS JOIN generate_series(17, sales_anomaly_trial.p_weeks) w(w))) x
           WHERE (scout_dev.seed_uniform((((x.n * 10000) + x.w))::bigint, sales_anomaly_trial.p_seed, 3) < (0.01)::double precision)
         ), weeks AS (
          SELECT s.n,
             w.w,
             (((s.volume * ((1)::double precision + ((s.trend * (w.w)::double precision) / (sales_anomaly_trial.p_weeks)::double precision))) * ((1)::double precision + ((0.2)::double precision * cos(((((2)::double precision * pi()) * ((w.w - 50))::double precision) / (52.0)::double precision))))) * (
                 CASE
                     WHEN (scout_dev.seed_uniform((((s.n * 10000) + w.w))::bigint, sales_anomaly_trial.p_seed, 7) < (0.03)::double precision) THEN 1.4
                     ELSE (1)::numeric
                 END)::double precision) AS expected,
             (sqrt((('-2'::integer)::double precision * ln(((1)::double precision - scout_dev.seed_uniform((((s.n * 10000) + w.w))::bigint, sales_anomaly_trial.p_seed, 8))))) * cos((((2)::double precision * pi()) * scout_dev.seed_uniform((((s.n * 10000) + w.w))::bigint, sales_anomaly_trial.p_seed, 9)))) AS z1,
             (sqrt((('-2'::integer)::double precision * ln(((1)::double precision - scout_dev.seed_uniform((((s.n * 10000) + w.w))::bigint, sales_anomaly_trial.p_seed, 10))))) * cos((((2)::double precision * pi()) * scout_dev.seed_uniform((((s.n * 10000) + w.w))::bigint, sales_anomaly_trial.p_seed, 11)))) AS z2
            FROM (series s
              CROSS JOIN generate_series(1, sales_anomaly_trial.p_weeks) w(w))
         ), planted AS (
          SELECT DISTINCT ON (e.n, (e.w + i.i)) e.n,
             (e.w + i.i) AS w,
             e.kind,
             e.factor
            FROM (events e
              CROSS JOIN LATERAL generate_series(0,
                 CASE
                     WHEN (e.kind = 'drop'::text) THEN (e.length - 1)
                     ELSE 0
                 END) i(i))
           ORDER BY e.n, (e.w + i.i), e.w DESC
         ), sales AS (
          SELECT k.n,
             k.w,
             p.kind AS planted,
                 CASE
                     WHEN (p.kind = 'drop'::text) THEN (0)::numeric
                     ELSE round(((((GREATEST((0)::double precision, (k.expected + (k.z1 * sqrt(k.expected)))) * (50)::double precision) * ((1)::double precision + ((0.05)::double precision * k.z2))) * COALESCE(p.factor, (1)::double precision)))::numeric, 2)
                 END AS total
            FROM (weeks k
              LEFT JOIN planted p ON (((p.n = k.n) AND (p.w = k.w))))
         ), judged AS (
          SELECT j.n,
             j.w,
             j.planted,
             j.total,
             a.direction,
             j.z_score
            FROM (( SELECT x.n,
                     x.w,
                     x.planted,
                     x.total,
                     array_agg(x.total) OVER earlier AS history,
                     ((x.total - avg(x.total) OVER eight) / NULLIF(stddev_samp(x.total) OVER eight, (0)::numeric)) AS z_score,
                     count(*) OVER eight AS eight_weeks
                    FROM sales x
                   WINDOW earlier AS (PARTITION BY x.n ORDER BY x.w ROWS BETWEEN 12 PRECEDING AND 1 PRECEDING), eight AS (PARTITION BY x.n ORDER BY x.w ROWS BETWEEN 8 PRECEDING AND 1 PRECEDING)) j
              LEFT JOIN LATERAL scout_internal.sales_anomaly(j.total, j.history) a(direction, expected_amount) ON (true))
           WHERE (j.w > 12)
         )
  SELECT jsonb_build_object('category_weeks', count(*), 'planted_spikes', count(*) FILTER (WHERE (judged.planted = 'spike'::text)), 'spikes_found', count(*) FILTER (WHERE ((judged.planted = 'spike'::text) AND (judged.direction = 'spike'::text))), 'planted_drops', count(*) FILTER (WHERE (judged.planted = 'drop'::text)), 'drops_found', count(*) FILTER (WHERE ((judged.planted = 'drop'::text) AND (judged.direction = 'drop'::text))), 'recall_pct', round(((100.0 * (count(*) FILTER (WHERE ((judged.planted IS NOT NULL) AND (judged.direction = judged.planted))))::numeric) / (NULLIF(count(*) FILTER (WHERE (judged.planted IS NOT NULL)), 0))::numeric), 1), 'false_alerts', count(*) FILTER (WHERE ((judged.planted IS NULL) AND (judged.direction IS NOT NULL))), 'false_alerts_per_100_weeks', round(((100.0 * (count(*) FILTER (WHERE ((judged.planted IS NULL) AND (judged.direction IS NOT NULL))))::numeric) / (NULLIF(count(*) FILTER (WHERE (judged.planted IS NULL)), 0))::numeric), 2), 'two_sigma_highlights_on_normal_weeks_per_100', round(((100.0 * (count(*) FILTER (WHERE ((judged.planted IS NULL) AND (abs(judged.z_score) > (2)::numeric))))::numeric) / (NULLIF(count(*) FILTER (WHERE (judged.planted IS NULL)), 0))::numeric), 2)) AS jsonb_build_object
    FROM judged;
END;


--
-- Name: FUNCTION sales_anomaly_trial(p_series integer, p_weeks integer, p_seed bigint); Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON FUNCTION scout_dev.sales_anomaly_trial(p_series integer, p_weeks integer, p_seed bigint) IS 'Measures the paging rule scout_internal.sales_anomaly (and the 2-sigma highlight) on p_series drawn weekly sales series of p_weeks weeks with seasonality, trend, holiday weeks and planted spikes (3-6x) and stops (1-3 weeks at 0): {"category_weeks", "planted_spikes", "spikes_found", "planted_drops", "drops_found", "recall_pct", "false_alerts", "false_alerts_per_100_weeks", "two_sigma_highlights_on_normal_weeks_per_100"}. The same p_seed gives the same series.';


--
-- Name: search_evaluation(jsonb); Type: FUNCTION; Schema: scout_dev; Owner: -
--

CREATE FUNCTION scout_dev.search_evaluation(p_questions jsonb) RETURNS TABLE(question text, kind text, method text, relevant bigint, recall_at_10 numeric, reciprocal_rank numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
    v_question jsonb;
    v_truth jsonb;
begin
    for v_question in select q from pg_catalog.jsonb_array_elements(p_questions) q loop
        v_truth := v_question -> 'truth';
        return query
        with answers as (
            select e.transaction_id from scout.platinum_transaction_embeddings e
             where e.embedding_model is not null
               and not exists (select 1 from pg_catalog.jsonb_each(v_truth) t(field, allowed)
                                where not coalesce(e.metadata ->> t.field = any (
                                          array(select pg_catalog.jsonb_array_elements_text(t.allowed))), false))
        ),
        semantic as (
            select m.transaction_id, m.n as rank
              from scout.match_transactions(array(select pg_catalog.jsonb_array_elements_text(v_question -> 'embedding'))::real[], 10)
                   with ordinality m(transaction_id, text, metadata, similarity, n)
        ),
        full_text as (
            select f.transaction_id, pg_catalog.row_number() over (order by f.score desc, f.transaction_id) as rank
              from (select e.transaction_id,
                           pg_catalog.ts_rank(pg_catalog.to_tsvector('english', e.text),
                                              pg_catalog.websearch_to_tsquery('english', v_question ->> 'question')) as score
                      from scout.platinum_transaction_embeddings e
                     where e.embedding_model is not null
                       and pg_catalog.to_tsvector('english', e.text) @@ pg_catalog.websearch_to_tsquery('english', v_question ->> 'question')
                     order by 2 desc, 1 limit 10) f
        ),
        ranked as (
            select 'semantic' as method, s.transaction_id, s.rank from semantic s
            union all
            select 'full_text', f.transaction_id, f.rank from full_text f
        )
        select v_question ->> 'question', v_question ->> 'kind', m.method,
               (select pg_catalog.count(*) from answers),
               pg_catalog.round(coalesce((select pg_catalog.count(*) from ranked r join answers a using (transaction_id)
                                           where r.method = m.method)::numeric
                                         / nullif(least(10, (select pg_catalog.count(*) from answers)), 0), 0), 3),
               pg_catalog.round(coalesce(1.0 / (select pg_catalog.min(r.rank) from ranked r join answers a using (transaction_id)
                                                 where r.method = m.method), 0), 3)
          from (values ('semantic'), ('full_text')) m(method);
    end loop;
end
$$;


--
-- Name: FUNCTION search_evaluation(p_questions jsonb); Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON FUNCTION scout_dev.search_evaluation(p_questions jsonb) IS 'Recall@10 and reciprocal rank of semantic search (scout.match_transactions with each question''s embedding) and of full text (to_tsvector / websearch_to_tsquery, english, ranked by ts_rank) for labelled questions p_questions [{"question", "kind", "truth": {metadata field: [values]}, "embedding"}…], over the embedded Platinum sentences. One row per question and method. What scout-db search --evaluate reports.';


--
-- Name: seed_bronze(bigint, bigint, date); Type: FUNCTION; Schema: scout_dev; Owner: -
--

CREATE FUNCTION scout_dev.seed_bronze(p_rows bigint, p_seed bigint DEFAULT 42, p_end_date date DEFAULT (CURRENT_DATE - 1)) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_batch text := pg_catalog.format('seed-%s-%s', p_seed, pg_catalog.gen_random_uuid());
    v_transactions bigint;
    v_products bigint;
begin
    if p_rows is null or p_rows < 0 then
        raise exception 'p_rows must be a non-negative number of rows, got %', p_rows using errcode = '22023';
    end if;
    perform scout_dev.seed_stores();
    insert into scout.bronze_products (raw_data, source, ingestion_batch_id)
    select g.payload, 'seed', v_batch from scout_dev.generate_products(p_seed) g order by g.seq;
    get diagnostics v_products = row_count;
    insert into scout.bronze_transactions (raw_data, source, ingestion_batch_id)
    select g.payload, 'seed', v_batch from scout_dev.generate_transactions(p_rows, p_seed, p_end_date) g order by g.seq;
    get diagnostics v_transactions = row_count;
    return pg_catalog.jsonb_build_object('batch_id', v_batch, 'transactions', v_transactions, 'products', v_products);
end
$$;


--
-- Name: FUNCTION seed_bronze(p_rows bigint, p_seed bigint, p_end_date date); Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON FUNCTION scout_dev.seed_bronze(p_rows bigint, p_seed bigint, p_end_date date) IS 'Adds the demo chain''s stores (scout_dev.seed_stores), then inserts scout_dev.generate_products(p_seed) and p_rows of scout_dev.generate_transactions into Bronze with source seed; returns the batch id and counts.';


--
-- Name: seed_stores(); Type: FUNCTION; Schema: scout_dev; Owner: -
--

CREATE FUNCTION scout_dev.seed_stores() RETURNS bigint
    LANGUAGE sql
    SET search_path TO ''
    AS $$
    with added as (
        insert into scout.ref_stores as r (store_id, name, region, city, opened_on)
        select pg_catalog.format('ST-%s', pg_catalog.lpad(n::text, 3, '0')),
               c.city || ' ' || (array['Central', 'North', 'South', 'Bay', 'Plaza'])[1 + (n - 1) / 10],
               c.region, c.city, date '2015-01-01' + (n * 53) % 3000
          from pg_catalog.generate_series(1, 50) as n
         cross join lateral (select (array['Manila', 'Quezon City', 'Cebu', 'Davao', 'Iloilo', 'Baguio', 'Cagayan de Oro',
                                           'Bacolod', 'Zamboanga', 'Makati'])[1 + (n - 1) % 10] as city,
                                    (array['NCR', 'NCR', 'Central Visayas', 'Davao Region', 'Western Visayas', 'Cordillera',
                                           'Northern Mindanao', 'Western Visayas', 'Zamboanga Peninsula', 'NCR'])[1 + (n - 1) % 10]
                                        as region) c
        on conflict (store_id) do nothing
        returning 1
    )
    select pg_catalog.count(*) from added
$$;


--
-- Name: FUNCTION seed_stores(); Type: COMMENT; Schema: scout_dev; Owner: -
--

COMMENT ON FUNCTION scout_dev.seed_stores() IS 'Adds the demo chain''s 50 stores (ST-001 … ST-050, the store ids of scout_dev.generate_transactions) to scout.ref_stores, keeping any row already there; returns how many it added.';


--
-- Name: advance_watermark(text, pg_snapshot, xid8, bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.advance_watermark(p_stream text, p_now pg_snapshot, p_own xid8, p_own_seq bigint) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
    insert into ip_workbench.watermarks as w (stream, processed_snapshot, processed_xid, processed_seq)
    values (p_stream, p_now, p_own, p_own_seq)
    on conflict (stream) do update
       set processed_snapshot = excluded.processed_snapshot,
           processed_xid = excluded.processed_xid,
           -- several runs in one transaction: keep the highest own row seen
           processed_seq = case when w.processed_xid = excluded.processed_xid
                                then greatest(w.processed_seq, excluded.processed_seq)
                                else excluded.processed_seq end,
           updated_at = pg_catalog.now()
$$;


--
-- Name: FUNCTION advance_watermark(p_stream text, p_now pg_snapshot, p_own xid8, p_own_seq bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.advance_watermark(p_stream text, p_now pg_snapshot, p_own xid8, p_own_seq bigint) IS 'Records that p_stream has processed every transaction visible in p_now, plus the rows of the calling transaction p_own up to ingest_seq p_own_seq (its own rows are not in its snapshot).';


--
-- Name: advisory_lock_space(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.advisory_lock_space(p_space text) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
begin
    case p_space
    when 'jobs' then return 23559;              -- key: ip_workbench.jobs.lock_key
    when 'alert_deliveries' then return 23560;  -- key: ip_workbench.dq_alerts.id
    else
        raise exception using errcode = '22023',
            message = pg_catalog.format('no advisory lock space %L: the spaces are jobs and alert_deliveries', p_space);
    end case;
end
$$;


--
-- Name: FUNCTION advisory_lock_space(p_space text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.advisory_lock_space(p_space text) IS 'The first key of every advisory lock of one kind: jobs (second key ip_workbench.jobs.lock_key) or alert_deliveries (second key the alert id). 22023 for any other name.';


--
-- Name: backfill_judge(date, date); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.backfill_judge(p_from date, p_to date) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_today date := scout_internal.business_today();
    v_keys bigint;
    v_versions bigint;
    v_rejected bigint;
    v_unrejected bigint;
begin
    perform scout_internal.require_job_lock('scout.backfill', 'scout_internal.backfill_judge');
    if pg_catalog.to_regclass('pg_temp.backfill_keys') is not null then
        drop table pg_temp.backfill_keys, pg_temp.backfill_versions;
    end if;
    create temp table backfill_keys on commit drop as
    select distinct scout_internal.clean_text(b.raw_data ->> 'transaction_id') as transaction_id
      from scout.bronze_transactions b
     where pg_catalog.jsonb_typeof(b.raw_data -> 'transaction_id') in ('string', 'number')
       and scout_internal.iso_date(scout_internal.clean_text(b.raw_data ->> 'date')) between p_from and p_to;
    delete from pg_temp.backfill_keys k where k.transaction_id is null or pg_catalog.length(k.transaction_id) > 200;
    select pg_catalog.count(*) into v_keys from pg_temp.backfill_keys;
    create temp table backfill_versions on commit drop as
    select b.id as bronze_id, b.ingest_seq as bronze_seq, b.raw_data, b.source, b.ingestion_batch_id,
           b.ingested_at, p.*
      from scout.bronze_transactions b
      join pg_temp.backfill_keys k on k.transaction_id = scout_internal.clean_text(b.raw_data ->> 'transaction_id')
     cross join lateral scout_internal.parse_transaction_payload(
               b.raw_data, v_today, pg_catalog.now(),
               (v_today - pg_catalog.make_interval(years => (scout_internal.setting('transaction_max_age_years'))::int))::date) p
     where pg_catalog.jsonb_typeof(b.raw_data -> 'transaction_id') in ('string', 'number')
       -- a row whose data broke the parse stays as refresh_silver left it
       and not exists (select 1 from scout.silver_rejected_transactions r
                        where r.bronze_id = b.id and r.reasons = array['unparseable']);
    get diagnostics v_versions = row_count;
    -- the team's reject rules as they are today, on old rows too
    perform scout_internal.silver_apply_validation_rules('backfill_versions');

    insert into scout.silver_rejected_transactions as r
           (bronze_id, transaction_id, reasons, raw_data, source, ingestion_batch_id, ingested_at)
    select v.bronze_id, v.transaction_id, v.reasons, v.raw_data, v.source, v.ingestion_batch_id, v.ingested_at
      from pg_temp.backfill_versions v
     where pg_catalog.cardinality(v.reasons) > 0
    on conflict (bronze_id) do update
       set reasons = excluded.reasons, rejected_at = pg_catalog.now()
     where r.reasons is distinct from excluded.reasons;
    get diagnostics v_rejected = row_count;
    delete from scout.silver_rejected_transactions r
     using pg_temp.backfill_versions v
     where r.bronze_id = v.bronze_id and pg_catalog.cardinality(v.reasons) = 0;
    get diagnostics v_unrejected = row_count;
    return pg_catalog.jsonb_build_object('keys', v_keys, 'versions', v_versions,
                                         'rejected', v_rejected, 'unrejected', v_unrejected);
end
$$;


--
-- Name: FUNCTION backfill_judge(p_from date, p_to date); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.backfill_judge(p_from date, p_to date) IS 'Step of scout.backfill: judges again, with today''s rules (the contract''s and the active reject rules of scout.ref_validation_rules) and reference data, every Bronze version of each transaction_id that has a Bronze row dated in [p_from, p_to] (pg_temp.backfill_keys, pg_temp.backfill_versions), and brings scout.silver_rejected_transactions in step (a version now rejected is stored or its reasons replaced, one now valid is removed). Returns {"keys", "versions", "rejected", "unrejected"}. Only inside scout.backfill (55000 otherwise).';


--
-- Name: backfill_settle(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.backfill_settle() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_changes bigint;
begin
    perform scout_internal.require_job_lock('scout.backfill', 'scout_internal.backfill_settle');
    perform 'PRAGMA:TABLE: backfill_keys (transaction_id text)';
    perform 'PRAGMA:TABLE: backfill_versions (bronze_id uuid, bronze_seq bigint, raw_data jsonb, source text, ingestion_batch_id text, ingested_at timestamptz, transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[])';
    if pg_catalog.to_regclass('pg_temp.silver_transaction_changes') is not null then
        drop table pg_temp.silver_transaction_changes;
    end if;
    -- what changes in Silver: keys with no valid version left, and keys whose winner
    -- differs in value, or whose Silver row's own version is no longer valid
    create temp table silver_transaction_changes on commit drop as
    select k.transaction_id, w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id,
           w.vendor_name, w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method,
           w.description, w.attributes, w.bronze_id, w.bronze_seq, w.source, w.ingestion_batch_id, w.ingested_at,
           case when w.bronze_id is null then 'delete' when s.transaction_id is null then 'insert' else 'update' end
               as change,
           s.category as old_category, s.transaction_date as old_transaction_date, s.customer_id as old_customer_id,
           s.amount as old_amount, s.quantity as old_quantity, s.store_id as old_store_id,
           s.ingested_at as old_ingested_at
      from pg_temp.backfill_keys k
      left join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
      left join (select distinct on (v.transaction_id) v.*
                   from pg_temp.backfill_versions v
                  where pg_catalog.cardinality(v.reasons) = 0
                  order by v.transaction_id, v.bronze_seq desc) w on w.transaction_id = k.transaction_id
     where (s.transaction_id is not null or w.transaction_id is not null)
       and (w.transaction_id is null or s.transaction_id is null
            or (w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id, w.vendor_name,
                w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method, w.description,
                w.attributes)
               is distinct from
               (s.transaction_date, s.amount, s.currency, s.category, s.subcategory, s.store_id, s.vendor_name,
                s.vendor_id, s.customer_id, s.sku, s.quantity, s.tax_amount, s.payment_method, s.description,
                s.attributes)
            or exists (select 1 from pg_temp.backfill_versions v
                        where v.bronze_id = s.bronze_id and pg_catalog.cardinality(v.reasons) > 0));
    get diagnostics v_changes = row_count;
    return v_changes;
end
$$;


--
-- Name: FUNCTION backfill_settle(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.backfill_settle() IS 'Step of scout.backfill: settles each key of pg_temp.backfill_keys anew from its judged versions (the latest valid one wins; none left deletes the key) and leaves what differs from Silver (in value, or a Silver row whose own version is no longer valid) in pg_temp.silver_transaction_changes for scout_internal.silver_apply_transaction_changes. Returns the changes. Only inside scout.backfill (55000 otherwise).';


--
-- Name: ref_validation_rules; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.ref_validation_rules (
    rule_name text NOT NULL,
    field text NOT NULL,
    category text,
    min_value numeric,
    max_value numeric,
    pattern text,
    allowed_values text[],
    action text NOT NULL,
    reason_code text NOT NULL,
    description text NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ref_validation_rules_action_check CHECK ((action = ANY (ARRAY['reject'::text, 'flag'::text]))),
    CONSTRAINT ref_validation_rules_bounds_check CHECK (((min_value IS NULL) OR (max_value IS NULL) OR (min_value <= max_value))),
    CONSTRAINT ref_validation_rules_field_check CHECK ((field = ANY (ARRAY['amount'::text, 'quantity'::text, 'tax_amount'::text, 'currency'::text, 'subcategory'::text, 'store_id'::text, 'vendor_id'::text, 'vendor_name'::text, 'customer_id'::text, 'sku'::text, 'payment_method'::text, 'description'::text]))),
    CONSTRAINT ref_validation_rules_kind_check CHECK (
CASE
    WHEN (field = ANY (ARRAY['amount'::text, 'quantity'::text, 'tax_amount'::text])) THEN (((min_value IS NOT NULL) OR (max_value IS NOT NULL)) AND (pattern IS NULL) AND (allowed_values IS NULL))
    ELSE ((min_value IS NULL) AND (max_value IS NULL) AND ((pattern IS NULL) <> (allowed_values IS NULL)))
END),
    CONSTRAINT ref_validation_rules_pattern_check CHECK (((pattern IS NULL) OR (regexp_replace(''::text, pattern, ''::text) = ''::text))),
    CONSTRAINT ref_validation_rules_reason_code_check CHECK ((reason_code ~ '^[a-z][a-z0-9_]{0,62}$'::text)),
    CONSTRAINT ref_validation_rules_reason_code_own_check CHECK ((reason_code <> ALL (ARRAY['missing_transaction_id'::text, 'invalid_transaction_id'::text, 'missing_date'::text, 'invalid_date'::text, 'date_in_future'::text, 'date_too_old'::text, 'missing_amount'::text, 'invalid_amount'::text, 'amount_not_positive'::text, 'missing_category'::text, 'category_not_allowed'::text, 'invalid_currency'::text, 'invalid_quantity'::text, 'quantity_not_positive'::text, 'invalid_tax_amount'::text, 'tax_amount_negative'::text, 'invalid_sku'::text, 'unparseable'::text, 'not_an_object'::text]))),
    CONSTRAINT ref_validation_rules_rule_name_check CHECK ((rule_name ~ '^[a-z][a-z0-9_]{0,62}$'::text))
);

ALTER TABLE ONLY scout.ref_validation_rules FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE ref_validation_rules; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.ref_validation_rules IS 'Validation rules beyond the contract''s, kept as data: per field (optionally per category), bounds on a number, or a pattern or a list of allowed values for a text. A reject rule sends the rows that break it to scout.silver_rejected_transactions with its reason code, from the next run (and for old rows through scout.backfill); a flag rule keeps them in Silver and reports them in the check silver_rule_<rule_name>. Data, never code: a role that may write a rule cannot make the pipeline run anything.';


--
-- Name: COLUMN ref_validation_rules.rule_name; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.rule_name IS 'The rule''s name, lower case: its check is silver_rule_<rule_name>.';


--
-- Name: COLUMN ref_validation_rules.field; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.field IS 'The Silver column it judges: amount, quantity or tax_amount (bounds); currency, subcategory, store_id, vendor_id, vendor_name, customer_id, sku, payment_method or description (pattern or list).';


--
-- Name: COLUMN ref_validation_rules.category; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.category IS 'The category it applies to (scout.ref_categories); NULL for every category.';


--
-- Name: COLUMN ref_validation_rules.min_value; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.min_value IS 'The lowest number allowed, inclusive; NULL for no lower bound.';


--
-- Name: COLUMN ref_validation_rules.max_value; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.max_value IS 'The highest number allowed, inclusive; NULL for no upper bound.';


--
-- Name: COLUMN ref_validation_rules.pattern; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.pattern IS 'A POSIX regular expression the text must match (checked when the rule is added).';


--
-- Name: COLUMN ref_validation_rules.allowed_values; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.allowed_values IS 'The texts allowed, exactly as Silver stores them.';


--
-- Name: COLUMN ref_validation_rules.action; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.action IS 'reject (the row goes to the rejected table with reason_code) or flag (it stays in Silver and is reported).';


--
-- Name: COLUMN ref_validation_rules.reason_code; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.reason_code IS 'The stable code a rejected row carries in reasons, and a flag''s check reports; never one of the contract''s codes.';


--
-- Name: COLUMN ref_validation_rules.description; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.description IS 'What the rule protects, in a sentence: its check''s detail.';


--
-- Name: COLUMN ref_validation_rules.is_active; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.is_active IS 'Whether it applies; an inactive rule is kept for the record.';


--
-- Name: COLUMN ref_validation_rules.added_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_validation_rules.added_at IS 'When it was added.';


--
-- Name: breaks_rule(scout.ref_validation_rules, numeric, integer, numeric, text, text, text, text, text, text, text, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.breaks_rule(p_rule scout.ref_validation_rules, p_amount numeric, p_quantity integer, p_tax_amount numeric, p_currency text, p_subcategory text, p_store_id text, p_vendor_id text, p_vendor_name text, p_customer_id text, p_sku text, p_payment_method text, p_description text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
    select case
        when p_rule.field in ('amount', 'quantity', 'tax_amount') then
            coalesce(case p_rule.field when 'amount' then p_amount when 'quantity' then p_quantity::numeric
                                       else p_tax_amount end
                     not between coalesce(p_rule.min_value, '-infinity'::numeric)
                             and coalesce(p_rule.max_value, 'infinity'::numeric), false)
        else
            coalesce((select case when p_rule.pattern is not null then v.value !~ p_rule.pattern
                                  else v.value <> all (p_rule.allowed_values) end
                        from (select case p_rule.field when 'currency' then p_currency when 'subcategory' then p_subcategory
                                         when 'store_id' then p_store_id when 'vendor_id' then p_vendor_id
                                         when 'vendor_name' then p_vendor_name when 'customer_id' then p_customer_id
                                         when 'sku' then p_sku when 'payment_method' then p_payment_method
                                         when 'description' then p_description end as value) v), false)
    end
$$;


--
-- Name: FUNCTION breaks_rule(p_rule scout.ref_validation_rules, p_amount numeric, p_quantity integer, p_tax_amount numeric, p_currency text, p_subcategory text, p_store_id text, p_vendor_id text, p_vendor_name text, p_customer_id text, p_sku text, p_payment_method text, p_description text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.breaks_rule(p_rule scout.ref_validation_rules, p_amount numeric, p_quantity integer, p_tax_amount numeric, p_currency text, p_subcategory text, p_store_id text, p_vendor_id text, p_vendor_name text, p_customer_id text, p_sku text, p_payment_method text, p_description text) IS 'Whether a transaction with these Silver values breaks rule p_rule of scout.ref_validation_rules: its field''s number outside [min_value, max_value], or its text not matching pattern or not in allowed_values. A missing (NULL) value breaks nothing. Ignores the rule''s category and is_active: the callers choose the rules.';


--
-- Name: bronze_file_begin(text, text, text, text, bigint, boolean); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_file_begin(p_kind text, p_sha256 text, p_source_filename text, p_source text, p_size_bytes bigint, p_force boolean DEFAULT false) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_batch_id text := 'file-' || pg_catalog.gen_random_uuid()::text;
    v_claimed text;
begin
    if p_kind is null or p_kind not in ('transactions', 'products') then
        raise exception 'kind must be transactions or products, got %', coalesce(p_kind, 'NULL')
            using errcode = '22023';
    end if;
    if p_sha256 is null or p_sha256 !~ '^[0-9a-f]{64}$' then
        raise exception 'sha256 must be 64 lowercase hex digits, got %', coalesce(p_sha256, 'NULL')
            using errcode = '22023';
    end if;
    if p_source is null or pg_catalog.btrim(p_source) = '' then
        raise exception 'source must be a non-empty name such as csv or gdrive' using errcode = '22023';
    end if;
    -- source is an index key and source_filename a label: both stay short enough for either
    if pg_catalog.length(p_source) > 200 then
        raise exception 'source is % characters long, more than the 200 allowed', pg_catalog.length(p_source)
            using errcode = '22023', hint = 'Name the source system (api, webhook, gdrive, …), not the data.';
    end if;
    if pg_catalog.length(p_source_filename) > 2000 then
        raise exception 'source_filename is % characters long, more than the 2000 allowed',
            pg_catalog.length(p_source_filename)
            using errcode = '22023', hint = 'Give the file name or the webhook URL, without its payload.';
    end if;

    -- A concurrent load of the same file waits here on the key until the first commits.
    insert into scout_internal.ingest_manifest as f (kind, sha256, batch_id, source, source_filename, size_bytes)
    values (p_kind, p_sha256, v_batch_id, p_source, p_source_filename, p_size_bytes)
    on conflict (kind, sha256) do update
       set batch_id = excluded.batch_id, source = excluded.source, source_filename = excluded.source_filename,
           lines_read = null, rows_loaded = null, lines_rejected = null, loaded_at = pg_catalog.now()
     where p_force
    returning f.batch_id into v_claimed;
    if v_claimed is null then
        return null;
    end if;

    if pg_catalog.to_regclass('pg_temp.bronze_file_staging') is not null then
        drop table pg_temp.bronze_file_staging;
    end if;
    create temp table bronze_file_staging (
        record_no bigint not null,
        line_no bigint not null,
        raw_text text not null,
        error text
    ) on commit drop;
    return v_batch_id;
end
$_$;


--
-- Name: FUNCTION bronze_file_begin(p_kind text, p_sha256 text, p_source_filename text, p_source text, p_size_bytes bigint, p_force boolean); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_file_begin(p_kind text, p_sha256 text, p_source_filename text, p_source text, p_size_bytes bigint, p_force boolean) IS 'Claims a file (by kind and SHA-256) in scout_internal.ingest_manifest and creates pg_temp.bronze_file_staging(record_no, line_no, raw_text, error) for its records; returns the new batch id, or NULL when the file was loaded before and p_force is false. Call scout_internal.bronze_file_load(batch_id) in the same transaction.';


--
-- Name: bronze_file_insert_staged(text, text, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_file_insert_staged(p_kind text, p_batch_id text, p_source text, p_source_filename text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_loaded bigint;
begin
    execute pg_catalog.format(
        'insert into scout.%I (raw_data, source, source_filename, ingestion_batch_id)
         select s.raw_text::jsonb, $1, $2, $3
           from pg_temp.bronze_file_staging s
          where s.error is null
          order by s.record_no', 'bronze_' || p_kind)
        using p_source, p_source_filename, p_batch_id;
    get diagnostics v_loaded = row_count;
    return v_loaded;
end
$_$;


--
-- Name: FUNCTION bronze_file_insert_staged(p_kind text, p_batch_id text, p_source text, p_source_filename text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_file_insert_staged(p_kind text, p_batch_id text, p_source text, p_source_filename text) IS 'Internal to scout_internal.bronze_file_load: inserts every staged record without an error into scout.bronze_<p_kind> in file order; returns how many.';


--
-- Name: bronze_file_load(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_file_load(p_batch_id text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_file scout_internal.ingest_manifest;
    v_lines bigint;
    v_first bigint;
    v_last bigint;
    v_loaded bigint := 0;
    v_rejected bigint;
begin
    perform 'PRAGMA:TABLE: bronze_file_staging (record_no bigint, line_no bigint, raw_text text, error text)';
    select * into v_file from scout_internal.ingest_manifest f where f.batch_id = p_batch_id;
    if not found then
        raise exception 'no file claimed with batch id %', p_batch_id
            using errcode = '22023', hint = 'Call scout_internal.bronze_file_begin first, in the same transaction.';
    end if;
    if pg_catalog.to_regclass('pg_temp.bronze_file_staging') is null then
        raise exception 'pg_temp.bronze_file_staging does not exist in this session'
            using errcode = '55000', hint = 'Call scout_internal.bronze_file_begin first, in the same transaction.';
    end if;

    select pg_catalog.count(*), pg_catalog.min(s.record_no), pg_catalog.max(s.record_no)
      into v_lines, v_first, v_last
      from pg_temp.bronze_file_staging s;
    if v_lines > 0 then
        -- A clean file (the usual case) is one INSERT. One with bad records is probed
        -- for them without writes (scout_internal.bronze_file_probe_range), then the
        -- rest is inserted at once.
        begin
            v_loaded := scout_internal.bronze_file_insert_staged(v_file.kind, p_batch_id, v_file.source,
                                                                  v_file.source_filename);
        exception
            when data_exception or check_violation or program_limit_exceeded then
                create index if not exists bronze_file_staging_record_no_idx on pg_temp.bronze_file_staging (record_no);
                perform scout_internal.bronze_file_probe_range(v_first, v_last);
                v_loaded := scout_internal.bronze_file_insert_staged(v_file.kind, p_batch_id, v_file.source,
                                                                      v_file.source_filename);
        end;
    end if;

    insert into scout.bronze_ingest_errors (batch_id, kind, source_filename, line_number, raw_text, error)
    select p_batch_id, v_file.kind, v_file.source_filename, s.line_no, s.raw_text, s.error
      from pg_temp.bronze_file_staging s
     where s.error is not null
     order by s.record_no;
    get diagnostics v_rejected = row_count;

    update scout_internal.ingest_manifest f
       set lines_read = v_lines, rows_loaded = v_loaded, lines_rejected = v_rejected
     where f.batch_id = p_batch_id;
    if v_loaded > 0 then
        -- as the ingest RPCs do: a listener (scout-db run --follow) brings the file to Silver at once
        perform pg_catalog.pg_notify('scout_bronze_arrived', v_file.kind);
    end if;

    return pg_catalog.jsonb_build_object(
        'batch_id', p_batch_id, 'lines_read', v_lines, 'rows_loaded', v_loaded, 'lines_rejected', v_rejected);
end
$$;


--
-- Name: FUNCTION bronze_file_load(p_batch_id text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_file_load(p_batch_id text) IS 'Loads pg_temp.bronze_file_staging (filled by scout-db ingest after scout_internal.bronze_file_begin) into Bronze: JSON objects become rows, everything else goes to scout.bronze_ingest_errors with its line and error; loaded rows are announced on NOTIFY scout_bronze_arrived as the ingest RPCs do. Returns {"batch_id", "lines_read", "rows_loaded", "lines_rejected"}.';


--
-- Name: bronze_file_loaded_directly(text, bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_file_loaded_directly(p_batch_id text, p_rows bigint) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_kind text;
begin
    update scout_internal.ingest_manifest f
       set lines_read = p_rows, rows_loaded = p_rows, lines_rejected = 0
     where f.batch_id = p_batch_id
    returning f.kind into v_kind;
    if not found then
        raise exception 'no file claimed with batch id %', p_batch_id
            using errcode = '22023', hint = 'Call scout_internal.bronze_file_begin first, in the same transaction.';
    end if;
    if p_rows > 0 then
        -- as the ingest RPCs do: a listener (scout-db run --follow) brings the file to Silver at once
        perform pg_catalog.pg_notify('scout_bronze_arrived', v_kind);
    end if;
    return pg_catalog.jsonb_build_object(
        'batch_id', p_batch_id, 'lines_read', p_rows, 'rows_loaded', p_rows, 'lines_rejected', 0);
end
$$;


--
-- Name: FUNCTION bronze_file_loaded_directly(p_batch_id text, p_rows bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_file_loaded_directly(p_batch_id text, p_rows bigint) IS 'Records in scout_internal.ingest_manifest that the file claimed as p_batch_id (scout_internal.bronze_file_begin) was COPYed straight into Bronze, p_rows records, none rejected, and announces them on NOTIFY scout_bronze_arrived as the ingest RPCs do. Returns {"batch_id", "lines_read", "rows_loaded", "lines_rejected"} as scout_internal.bronze_file_load does for a staged file.';


--
-- Name: bronze_file_probe_range(bigint, bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_file_probe_range(p_first bigint, p_last bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_non_objects bigint;
    v_message text;
    v_detail text;
begin
    perform 'PRAGMA:TABLE: bronze_file_staging (record_no bigint, line_no bigint, raw_text text, error text)';
    if p_first > p_last then
        return;
    end if;
    begin
        select pg_catalog.count(*) filter (where pg_catalog.jsonb_typeof(s.raw_text::jsonb) <> 'object')
          into v_non_objects
          from pg_temp.bronze_file_staging s
         where s.error is null and s.record_no between p_first and p_last;
    exception
        when data_exception or program_limit_exceeded then
            if p_first = p_last then
                get stacked diagnostics v_message = message_text, v_detail = pg_exception_detail;
                -- the handler runs after the probe's subtransaction ended: this write is the caller's
                update pg_temp.bronze_file_staging s
                   set error = v_message || coalesce(': ' || nullif(v_detail, ''), '')
                 where s.record_no = p_first;
                return;
            end if;
    end;
    if v_non_objects is null then
        perform scout_internal.bronze_file_probe_range(p_first, p_first + (p_last - p_first) / 2);
        perform scout_internal.bronze_file_probe_range(p_first + (p_last - p_first) / 2 + 1, p_last);
    elsif v_non_objects > 0 then
        update pg_temp.bronze_file_staging s
           set error = 'valid JSON but not an object: each record must be one JSON object'
         where s.error is null and s.record_no between p_first and p_last
           and pg_catalog.jsonb_typeof(s.raw_text::jsonb) <> 'object';
    end if;
end
$$;


--
-- Name: FUNCTION bronze_file_probe_range(p_first bigint, p_last bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_file_probe_range(p_first bigint, p_last bigint) IS 'Internal to scout_internal.bronze_file_load: marks each staged record numbered p_first..p_last that is not a JSON object (pg_temp.bronze_file_staging.error) with the parser''s message, probing without writes.';


--
-- Name: bronze_freshness(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_freshness() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select pg_catalog.jsonb_build_object(
        'status', 'ok',
        'threshold_seconds', 300,
        'transactions_lag_seconds', pg_catalog.round(extract(epoch from pg_catalog.now() - t.newest)::numeric, 1),
        'products_lag_seconds', pg_catalog.round(extract(epoch from pg_catalog.now() - p.newest)::numeric, 1),
        'fresh', coalesce(pg_catalog.now() - t.newest < interval '5 minutes', false))
      from (select pg_catalog.max(b.ingested_at) as newest from scout.bronze_transactions b) t,
           (select pg_catalog.max(b.ingested_at) as newest from scout.bronze_products b) p
$$;


--
-- Name: FUNCTION bronze_freshness(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_freshness() IS 'Seconds since the newest row of each Bronze table arrived, and whether transactions arrived within the 5-minute Bronze threshold: {"status": "ok", "threshold_seconds", "transactions_lag_seconds", "products_lag_seconds", "fresh"}.';


--
-- Name: bronze_months(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_months() RETURNS TABLE(partition regclass, month date, id_from uuid, id_to uuid)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $_$
    select i.inhrelid::regclass, m.month,
           scout_internal.uuid_v7_floor(m.month::timestamp at time zone 'UTC'),
           scout_internal.uuid_v7_floor((m.month + interval '1 month')::timestamp at time zone 'UTC')
      from pg_catalog.pg_inherits i
      join pg_catalog.pg_class c on c.oid = i.inhrelid
     cross join lateral (
           select case when c.relname operator(pg_catalog.~) '^bronze_transactions_[0-9]{4}_[0-9]{2}$'
                       then pg_catalog.to_date(pg_catalog.right(c.relname, 7), 'YYYY_MM') end as month) m
     where i.inhparent = 'scout.bronze_transactions'::regclass
     order by m.month nulls first
$_$;


--
-- Name: FUNCTION bronze_months(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_months() IS 'The partitions of scout.bronze_transactions: each month''s (scout_partitions.bronze_transactions_YYYY_MM) with its month (UTC) and the range of UUIDv7 ids it holds [id_from, id_to), and the default partition with NULLs. Read by bronze_prepare_partitions, the retention purge and scout-db status.';


--
-- Name: bronze_partition_month(date, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_partition_month(p_month date, p_lock_timeout text DEFAULT '5s'::text) RETURNS regclass
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_month date := pg_catalog.date_trunc('month', p_month)::date;
    v_name text := 'bronze_transactions_' || pg_catalog.to_char(pg_catalog.date_trunc('month', p_month), 'YYYY_MM');
    v_from uuid := scout_internal.uuid_v7_floor(pg_catalog.date_trunc('month', p_month)::timestamp at time zone 'UTC');
    v_to uuid := scout_internal.uuid_v7_floor((pg_catalog.date_trunc('month', p_month) + interval '1 month')::timestamp
                                              at time zone 'UTC');
    v_partition regclass := pg_catalog.to_regclass('scout_partitions.' || pg_catalog.quote_ident(v_name));
    v_lock_timeout text := pg_catalog.current_setting('lock_timeout');
begin
    if v_partition is not null then
        return v_partition;
    end if;
    perform pg_catalog.set_config('lock_timeout', p_lock_timeout, true);
    execute pg_catalog.format(
        'create table scout_partitions.%I (like scout.bronze_transactions including defaults including constraints)',
        v_name);
    v_partition := ('scout_partitions.' || pg_catalog.quote_ident(v_name))::regclass;
    execute pg_catalog.format(
        'with moved as (delete from scout.bronze_transactions b where b.id >= $1 and b.id < $2 returning b.*) '
        'insert into %s select * from moved', v_partition) using v_from, v_to;
    -- its bounds as a constraint first, so the attach need not scan it
    execute pg_catalog.format('alter table %s add constraint bounds check (id >= %L::uuid and id < %L::uuid)',
                              v_partition, v_from, v_to);
    execute pg_catalog.format('alter table scout.bronze_transactions attach partition %s for values from (%L) to (%L)',
                              v_partition, v_from, v_to);
    execute pg_catalog.format('alter table %s drop constraint bounds', v_partition);
    perform scout_internal.bronze_secure_partition(v_partition, v_month);
    perform pg_catalog.set_config('lock_timeout', v_lock_timeout, true);
    return v_partition;
end
$_$;


--
-- Name: FUNCTION bronze_partition_month(p_month date, p_lock_timeout text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_partition_month(p_month date, p_lock_timeout text) IS 'Makes the partition of scout.bronze_transactions for the month of p_month (UTC), scout_partitions.bronze_transactions_YYYY_MM, unless it exists: built apart, filled with that month''s rows from the default partition, attached, secured. Waits at most p_lock_timeout for a lock (SQLSTATE 55P03 after that). Returns the partition.';


--
-- Name: bronze_prepare_partitions(integer); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_prepare_partitions(p_months_ahead integer DEFAULT 2) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_month date;
    v_created text[] := '{}'::text[];
    v_waiting text[] := '{}'::text[];
    v_this_month date := pg_catalog.date_trunc('month', pg_catalog.now() at time zone 'UTC')::date;
    v_partition record;
begin
    for v_month in
        select m::date
          from pg_catalog.generate_series(v_this_month, v_this_month + pg_catalog.make_interval(months => p_months_ahead),
                                          interval '1 month') m
        union
        -- only UUIDv7 ids (version nibble 7) name a month
        select distinct pg_catalog.date_trunc('month', pg_catalog.to_timestamp(
                   ('x' || pg_catalog.left(pg_catalog.replace(d.id::text, '-', ''), 12))::bit(48)::bigint / 1000.0)
                   at time zone 'UTC')::date
          from scout_partitions.bronze_transactions_default d
         where pg_catalog.substr(d.id::text, 15, 1) = '7'
           and d.id < scout_internal.uuid_v7_floor(
                   (v_this_month + pg_catalog.make_interval(months => p_months_ahead + 1))::timestamp at time zone 'UTC')
         order by 1
    loop
        if pg_catalog.to_regclass('scout_partitions.bronze_transactions_' || pg_catalog.to_char(v_month, 'YYYY_MM'))
           is null then
            begin
                perform scout_internal.bronze_partition_month(v_month);
                v_created := v_created || pg_catalog.to_char(v_month, 'YYYY-MM');
            exception when lock_not_available then
                v_waiting := v_waiting || pg_catalog.to_char(v_month, 'YYYY-MM');
            end;
        end if;
    end loop;
    -- the partitions the migration made, and the default one, secured and described
    for v_partition in
        select m.partition, m.month from scout_internal.bronze_months() m
    loop
        perform scout_internal.bronze_secure_partition(v_partition.partition, v_partition.month);
    end loop;
    return pg_catalog.jsonb_build_object('created', pg_catalog.to_jsonb(v_created),
                                         'waiting_for_a_lock', pg_catalog.to_jsonb(v_waiting));
end
$$;


--
-- Name: FUNCTION bronze_prepare_partitions(p_months_ahead integer); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_prepare_partitions(p_months_ahead integer) IS 'Makes the monthly partitions of scout.bronze_transactions ready: this month and the next p_months_ahead (UTC), and every month the default partition holds rows of, then secures and describes every partition. Returns {"created": [months], "waiting_for_a_lock": [months left for the next call]}. Run by every migrate and by scout.purge_expired.';


--
-- Name: bronze_secure_partition(regclass, date); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.bronze_secure_partition(p_partition regclass, p_month date) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_class pg_catalog.pg_class;
    v_about text;
    v_column record;
begin
    select * into strict v_class from pg_catalog.pg_class c where c.oid = p_partition;
    if not v_class.relrowsecurity then
        execute pg_catalog.format('alter table %s enable row level security', p_partition);
    end if;
    if not v_class.relforcerowsecurity then
        execute pg_catalog.format('alter table %s force row level security', p_partition);
    end if;
    if not exists (select 1 from pg_catalog.pg_policy p where p.polrelid = p_partition) then
        execute pg_catalog.format(
            'create policy "the owner manages all rows" on %s for all to current_user using (true) with check (true)',
            p_partition);
        execute pg_catalog.format('comment on policy "the owner manages all rows" on %s is %L', p_partition,
            'The migrating role (the DBA) may reach the partition directly; every other role goes through scout.bronze_transactions.');
    end if;
    if v_class.relacl is not null
       and exists (select 1 from pg_catalog.aclexplode(v_class.relacl) a where a.grantee <> v_class.relowner) then
        execute pg_catalog.format('revoke all on table %s from public, anon, authenticated, service_role', p_partition);
    end if;
    v_about := case when p_month is null
                    then 'Bronze transactions whose id falls in no month''s partition (ids that are not UUIDv7, or a month scout_internal.bronze_prepare_partitions has not made yet). A partition of scout.bronze_transactions: read and write that table.'
                    else pg_catalog.format('Bronze transactions whose id (a UUIDv7) was written in %s (UTC). A partition of scout.bronze_transactions: read and write that table; retention drops it whole once Silver has judged every row and all arrived before the retention period.',
                                           pg_catalog.to_char(p_month, 'YYYY-MM')) end;
    if pg_catalog.obj_description(p_partition, 'pg_class') is distinct from v_about then
        execute pg_catalog.format('comment on table %s is %L', p_partition, v_about);
        for v_column in
            select a.attname, pg_catalog.col_description('scout.bronze_transactions'::regclass, a.attnum) as about
              from pg_catalog.pg_attribute a
             where a.attrelid = 'scout.bronze_transactions'::regclass and a.attnum > 0 and not a.attisdropped
        loop
            execute pg_catalog.format('comment on column %s.%I is %L', p_partition, v_column.attname, v_column.about);
        end loop;
    end if;
end
$$;


--
-- Name: FUNCTION bronze_secure_partition(p_partition regclass, p_month date); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.bronze_secure_partition(p_partition regclass, p_month date) IS 'Secures and describes one partition of scout.bronze_transactions (p_month: its month, NULL for the default partition): row level security enabled and forced with the owner''s policy only, no right for public, anon, authenticated or service_role, its description and its columns'' (those of the parent). Changes only what is missing.';


--
-- Name: setting(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.setting(p_name text) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
    v_value jsonb;
begin
    select s.value into v_value from ip_workbench.settings s where s.name = p_name;
    if not found then
        raise exception 'setting % is missing from ip_workbench.settings', p_name
            using errcode = '42704', hint = 'Run scout-db migrate: the migrations insert every setting with its default.';
    end if;
    return v_value;
end
$$;


--
-- Name: FUNCTION setting(p_name text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.setting(p_name text) IS 'The value of setting p_name from ip_workbench.settings (jsonb); raises 42704 when there is no such row.';


--
-- Name: business_today(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.business_today() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT ((now() AT TIME ZONE (scout_internal.setting('business_time_zone'::text) #>> '{}'::text[])))::date AS timezone;
END;


--
-- Name: FUNCTION business_today(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.business_today() IS 'Today''s date in the business time zone (setting business_time_zone): a month or week is over once it ended before this day.';


--
-- Name: check_gold_changes(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.check_gold_changes() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_months bigint;
    v_weeks bigint;
    v_bad_months jsonb;
    v_bad_weeks jsonb;
begin
    perform 'PRAGMA:TABLE: gold_changed_months (category text, month date, reaggregate boolean)';
    perform 'PRAGMA:TABLE: gold_changed_weeks (category text, week_start date, reaggregate boolean)';
    if pg_catalog.to_regclass('pg_temp.gold_changed_months') is null then
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'no Gold refresh ran in this transaction');
    end if;
    select pg_catalog.count(*), pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('category', c.category, 'month', c.month))
                                filter (where (g.total_amount, g.transaction_count) is distinct from (s.total, s.n))
      into v_months, v_bad_months
      from pg_temp.gold_changed_months c
      left join scout.gold_monthly_summary g on g.category = c.category and g.month = c.month
      cross join lateral (
          select pg_catalog.sum(x.amount) as total, nullif(pg_catalog.count(*), 0) as n
            from scout.silver_validated_transactions x
           where x.category = c.category
             and x.transaction_date >= c.month and x.transaction_date < (c.month + interval '1 month')::date) s;
    select pg_catalog.count(*), pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('category', c.category, 'week_start', c.week_start))
                                filter (where coalesce(g.total_amount, 0) <> coalesce(s.total, 0)
                                           or coalesce(g.transaction_count, 0) <> s.n)
      into v_weeks, v_bad_weeks
      from pg_temp.gold_changed_weeks c
      left join scout.gold_category_trends g on g.category = c.category and g.week_start = c.week_start
      cross join lateral (
          select pg_catalog.sum(x.amount) as total, pg_catalog.count(*) as n
            from scout.silver_validated_transactions x
           where x.category = c.category and x.transaction_date >= c.week_start and x.transaction_date < c.week_start + 7) s;
    return pg_catalog.jsonb_build_object(
        'status', case when v_bad_months is null and v_bad_weeks is null then 'ok' else 'failed' end,
        'rows', v_months + v_weeks,
        'months_checked', v_months,
        'weeks_checked', v_weeks,
        'mismatched_months', coalesce(v_bad_months, '[]'),
        'mismatched_weeks', coalesce(v_bad_weeks, '[]'),
        'message', case when v_bad_months is not null or v_bad_weeks is not null
                        then pg_catalog.format('%s months and %s weeks of Gold differ from Silver',
                                               coalesce(pg_catalog.jsonb_array_length(v_bad_months), 0),
                                               coalesce(pg_catalog.jsonb_array_length(v_bad_weeks), 0)) end);
end
$$;


--
-- Name: FUNCTION check_gold_changes(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.check_gold_changes() IS 'Checks the months and weeks the current transaction''s refresh_gold recomputed: the marts'' total_amount and transaction_count equal Silver''s sums. Returns {"status": ok|failed|skipped, "rows", "months_checked", "weeks_checked", "mismatched_months", "mismatched_weeks", "message"}.';


--
-- Name: check_setting(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.check_setting() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_name text := new.name;
    v_value jsonb := new.value;
    v_number numeric;
    v_interval interval;
    v_problem text;
    v_floor numeric;
    v_ceiling numeric;
    v_whole boolean := true;
    -- the owner, and code running with its rights (scout.purge_expired)
    v_by_owner boolean := pg_catalog.pg_has_role((select c.relowner from pg_catalog.pg_class c where c.oid = tg_relid),
                                                 'USAGE');
begin
    -- (floor, ceiling, whole number) of every numeric setting
    select r.floor, r.ceiling, r.whole into v_floor, v_ceiling, v_whole
      from (values ('bronze_retention_days', 30, 36500, true),
                   ('silver_retention_days', 90, 36500, true),
                   ('gold_retention_days', 366, 36500, true),
                   ('run_log_retention_days', 1, 36500, true),
                   ('transaction_max_age_years', 1, 200, true),
                   ('recommendation_basket_max_skus', 2, 100000, true),
                   ('min_co_occurrence', 1, 1000000, true),
                   ('silver_probe_ratio', 0, 1e15, false),
                   ('gold_hash_rebuild_days', 0, 9223372036854775807, true),
                   ('silver_first_load_rebuilds_indexes_from', 0, 9223372036854775807, true),
                   ('dq_alert_threshold', 0, 100, false)) r (name, floor, ceiling, whole)
     where r.name = v_name;
    if found then
        if pg_catalog.jsonb_typeof(v_value) = 'number' then
            v_number := v_value::numeric;
        elsif pg_catalog.jsonb_typeof(v_value) = 'string' and (v_value #>> '{}') ~ '^\s*-?[0-9]+(\.[0-9]+)?\s*$' then
            v_number := (v_value #>> '{}')::numeric;
        end if;
        if v_number is null then
            v_problem := 'is not a number';
        elsif v_whole and v_number <> pg_catalog.trunc(v_number) then
            v_problem := 'is not a whole number';
        elsif v_number < v_floor or v_number > v_ceiling then
            v_problem := pg_catalog.format('is outside %s to %s', v_floor, v_ceiling);
        end if;
    elsif v_name = 'business_time_zone' then
        if pg_catalog.jsonb_typeof(v_value) <> 'string'
           or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = v_value #>> '{}') then
            v_problem := 'is not a time zone name of pg_timezone_names (e.g. "Asia/Manila" or "UTC")';
        end if;
    elsif v_name in ('product_updated_at_tolerance', 'dq_escalate_after') then
        begin
            v_interval := (v_value #>> '{}')::interval;
        exception when others then
            v_interval := null;
        end;
        if pg_catalog.jsonb_typeof(v_value) <> 'string' or v_interval is null then
            v_problem := 'is not an interval (e.g. "5 minutes")';
        elsif v_interval < interval '0' or v_interval > interval '366 days' then
            v_problem := 'is outside 0 to 366 days';
        end if;
    elsif v_name = 'embedding_model' then
        if pg_catalog.jsonb_typeof(v_value) <> 'string' or pg_catalog.length(v_value #>> '{}') not between 1 and 200 then
            v_problem := 'is not a model name (a string of 1 to 200 characters)';
        end if;
    elsif v_name = 'micro_batch_enabled' then
        if pg_catalog.jsonb_typeof(v_value) <> 'boolean' then
            v_problem := 'is not true or false';
        end if;
    elsif v_name = 'silver_purged_before' then
        -- bookkeeping of scout.purge_expired, which runs with the owner's rights: Gold never
        -- recomputes a month before it, so only the owner may move it
        if not v_by_owner then
            v_problem := 'is kept by scout.purge_expired and written by the owner only';
        elsif pg_catalog.jsonb_typeof(v_value) not in ('null', 'string')
              or (pg_catalog.jsonb_typeof(v_value) = 'string' and (v_value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}$') then
            v_problem := 'is not null or a date (YYYY-MM-DD)';
        end if;
    elsif tg_op = 'INSERT' and not v_by_owner then
        -- a new setting comes with the migration or the code that reads it
        v_problem := 'is not a setting of this project';
    end if;
    if v_problem is not null then
        raise exception 'setting % = % %', v_name, v_value, v_problem
            using errcode = '22023',
                  hint = 'ip_workbench.settings.description says what each setting takes; nothing was changed.';
    end if;
    return new;
end
$_$;


--
-- Name: FUNCTION check_setting(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.check_setting() IS 'Trigger of ip_workbench.settings: refuses (22023, nothing written) a value of the wrong type or outside its range (retention periods have floors: Bronze 30 days, Silver 90, Gold 366), a time zone name PostgreSQL does not know, an interval that is not one, a new setting name from a role below the owner, and any change to silver_purged_before except by the owner (scout.purge_expired).';


--
-- Name: check_silver_delta(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.check_silver_delta() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_rows bigint;
    v_unaccounted bigint;
    v_sample uuid[];
    v_no_primary_key bigint;
    v_products_unaccounted bigint := 0;
begin
    perform 'PRAGMA:TABLE: silver_delta_transactions (bronze_id uuid, transaction_id text)';
    perform 'PRAGMA:TABLE: silver_delta_products (bronze_id uuid, sku text)';
    if pg_catalog.to_regclass('pg_temp.silver_delta_transactions') is null then
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'no Silver refresh ran in this transaction');
    end if;
    -- one pass, joins the planner may hash for a large delta (a first load)
    select pg_catalog.count(*),
           pg_catalog.count(*) filter (where s.transaction_id is null and r.bronze_id is null),
           (pg_catalog.array_agg(d.bronze_id) filter (where s.transaction_id is null and r.bronze_id is null))[1:10]
      into v_rows, v_unaccounted, v_sample
      from pg_temp.silver_delta_transactions d
      left join scout.silver_validated_transactions s on s.transaction_id = d.transaction_id
      left join scout.silver_rejected_transactions r on r.bronze_id = d.bronze_id;
    -- one row per key is the primary key's to guarantee: check that it is there and valid
    select case when exists (select 1 from pg_catalog.pg_constraint c
                              where c.conrelid = 'scout.silver_validated_transactions'::regclass
                                and c.contype = 'p' and c.convalidated
                                and c.conkey = array[(select a.attnum from pg_catalog.pg_attribute a
                                                       where a.attrelid = c.conrelid
                                                         and a.attname = 'transaction_id')]::smallint[])
                then 0 else 1 end
      into v_no_primary_key;
    if pg_catalog.to_regclass('pg_temp.silver_delta_products') is not null then
        select pg_catalog.count(*) into v_products_unaccounted
          from pg_temp.silver_delta_products d
          left join scout.silver_products s on s.sku = d.sku
          left join scout.silver_rejected_products r on r.bronze_id = d.bronze_id
         where s.sku is null and r.bronze_id is null;
    end if;
    return pg_catalog.jsonb_build_object(
        'status', case when v_unaccounted + v_no_primary_key + v_products_unaccounted = 0 then 'ok' else 'failed' end,
        'rows', v_rows,
        'unaccounted', v_unaccounted,
        'unaccounted_products', v_products_unaccounted,
        'primary_key_missing', v_no_primary_key = 1,
        'sample_bronze_ids', coalesce(pg_catalog.to_jsonb(v_sample), '[]'),
        'message', case when v_unaccounted + v_no_primary_key + v_products_unaccounted > 0
                        then pg_catalog.format('%s Bronze transactions and %s products are neither in Silver nor rejected%s',
                                               v_unaccounted, v_products_unaccounted,
                                               case when v_no_primary_key = 1 then '; Silver''s primary key is missing' else '' end) end);
end
$$;


--
-- Name: FUNCTION check_silver_delta(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.check_silver_delta() IS 'Checks the rows the current transaction''s refresh_silver judged: each is accounted for (its key in Silver, or rejected), and Silver''s primary key on transaction_id (one row per key) is in place and valid. Returns {"status": ok|failed|skipped, "rows", "unaccounted", "unaccounted_products", "primary_key_missing", "sample_bronze_ids", "message"}.';


--
-- Name: clean_text(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.clean_text(p_text text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT NULLIF(btrim(p_text, '	


 
  ᠎           ​‌‍

  ⁠　﻿'::text), ''::text) AS "nullif";
END;


--
-- Name: FUNCTION clean_text(p_text text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.clean_text(p_text text) IS 'p_text without the invisible characters at either end (whitespace, line breaks, no-break and zero-width characters, BOM); NULL when nothing visible is left. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: count_changed_rows(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.count_changed_rows() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
    if exists (select 1 from changed_rows) then
        if tg_op = 'DELETE' then
            perform scout_internal.count_removal(tg_relid::regclass);
        else
            perform scout_internal.count_write(tg_relid::regclass);
        end if;
    end if;
    return null;
end
$$;


--
-- Name: FUNCTION count_changed_rows(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.count_changed_rows() IS 'Statement trigger with a transition table named changed_rows: adds 1 to the table''s ip_workbench.layer_versions.version when the statement changed at least one row, and to its removals too when the statement was a DELETE.';


--
-- Name: count_registry_changes(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.count_registry_changes() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
    if exists (select 1 from old_rows o join new_rows n on n.schema_name = o.schema_name and n.table_name = o.table_name
                where (n.row_count, n.last_updated) is distinct from (o.row_count, o.last_updated)) then
        perform scout_internal.count_write(tg_relid::regclass);
    end if;
    return null;
end
$$;


--
-- Name: FUNCTION count_registry_changes(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.count_registry_changes() IS 'UPDATE statement trigger on ip_workbench.tables with transition tables old_rows and new_rows: adds 1 to its ip_workbench.layer_versions.version when a row_count or last_updated changed (the scores written back by each check run do not count).';


--
-- Name: count_removal(regclass); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.count_removal(p_table regclass) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
    update ip_workbench.layer_versions v
       set version = v.version + 1, removals = v.removals + 1, changed_at = pg_catalog.now()
     where v.table_name = p_table
$$;


--
-- Name: FUNCTION count_removal(p_table regclass); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.count_removal(p_table regclass) IS 'Adds 1 to p_table''s ip_workbench.layer_versions.version and removals and sets changed_at: one counted write that removed rows (a DELETE, a TRUNCATE), for the counting triggers (count_table_writes, count_changed_rows).';


--
-- Name: count_table_writes(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.count_table_writes() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') then
        perform scout_internal.count_removal(tg_relid::regclass);
    else
        perform scout_internal.count_write(tg_relid::regclass);
    end if;
    return null;
end
$$;


--
-- Name: FUNCTION count_table_writes(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.count_table_writes() IS 'Statement trigger: adds 1 to the written table''s ip_workbench.layer_versions.version (and sets changed_at) after every INSERT, UPDATE, DELETE or TRUNCATE of it; a DELETE or TRUNCATE also adds 1 to its removals.';


--
-- Name: count_write(regclass); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.count_write(p_table regclass) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
    update ip_workbench.layer_versions v
       set version = v.version + 1, changed_at = pg_catalog.now()
     where v.table_name = p_table
$$;


--
-- Name: FUNCTION count_write(p_table regclass); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.count_write(p_table regclass) IS 'Adds 1 to p_table''s ip_workbench.layer_versions.version and sets changed_at: one counted write, for the counting triggers (count_table_writes, count_changed_rows, count_registry_changes).';


--
-- Name: cron_commands(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.cron_commands() RETURNS TABLE(cron_name text, schedule text, command text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
    v_job record;
    v_function record;
begin
    for v_job in select j.name, j.cron_name, j.schedule from ip_workbench.jobs j
                  where j.cron_name is not null order by j.cron_name loop
        -- exactly one function of that name, callable with no arguments (all have defaults)
        select n.nspname, p.proname, p.proowner into v_function
          from pg_catalog.pg_proc p
          join pg_catalog.pg_namespace n on n.oid = p.pronamespace
         where n.nspname in ('scout', 'scout_internal')
           and n.nspname = pg_catalog.split_part(v_job.name, '.', 1)
           and p.proname = pg_catalog.split_part(v_job.name, '.', 2)
           and v_job.name = n.nspname || '.' || p.proname
           and p.prokind = 'f' and p.pronargs = p.pronargdefaults;
        if not found or not pg_catalog.pg_has_role(v_function.proowner, 'USAGE') then
            raise exception 'job % is not a function of this project callable without arguments and owned by %: not scheduled',
                v_job.name, current_user
                using errcode = '42501',
                      hint = 'A scheduled job''s name must be a function in schema scout or scout_internal, owned by the scheduling role, whose arguments all have defaults.';
        end if;
        cron_name := v_job.cron_name;
        schedule := v_job.schedule;
        command := pg_catalog.format('select %I.%I()', v_function.nspname, v_function.proname);
        return next;
    end loop;
end
$$;


--
-- Name: FUNCTION cron_commands(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.cron_commands() IS 'The scheduled jobs of ip_workbench.jobs as pg_cron should run them: cron_name, schedule, and the command derived from the job''s name (select <function>()), after checking the name is a function of schema scout or scout_internal, callable without arguments, that the caller owns (42501 otherwise). The only source of what scout_internal.install_cron_jobs and scout-db jobs install schedule.';


--
-- Name: describe(text, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.describe(p_kind text, p_object text, p_description text) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_relation regclass;
    v_column name;
    v_target text;
    v_now text;
begin
    case p_kind
    when 'schema' then
        select pg_catalog.quote_ident(n.nspname), pg_catalog.obj_description(n.oid, 'pg_namespace')
          into v_target, v_now
          from pg_catalog.pg_namespace n where n.nspname = p_object;
        if v_target is null then
            raise exception using errcode = '3F000', message = pg_catalog.format('schema %s does not exist', p_object),
                hint = 'Remove or rename its line in db/functions/catalog/ with the migration that dropped it.';
        end if;
    when 'table' then
        v_relation := p_object::regclass;
        v_target := v_relation::text;
        v_now := pg_catalog.obj_description(v_relation, 'pg_class');
    when 'column' then
        v_relation := pg_catalog.left(p_object, - pg_catalog.length(pg_catalog.split_part(p_object, '.', -1)) - 1)::regclass;
        v_column := pg_catalog.split_part(p_object, '.', -1);
        select pg_catalog.col_description(a.attrelid, a.attnum) into v_now
          from pg_catalog.pg_attribute a
         where a.attrelid = v_relation and a.attname = v_column and a.attnum > 0 and not a.attisdropped;
        if not found then
            raise exception using errcode = '42703',
                message = pg_catalog.format('column %s of %s does not exist', v_column, v_relation),
                hint = 'Remove or rename its line in db/functions/catalog/ with the migration that changed the table.';
        end if;
        v_target := v_relation::text || '.' || pg_catalog.quote_ident(v_column);
    when 'type' then
        v_target := p_object::regtype::text;
        v_now := pg_catalog.obj_description(p_object::regtype, 'pg_type');
    else
        raise exception using errcode = '22023',
            message = pg_catalog.format('cannot describe a %s: the catalog describes a schema, table, column or type', p_kind);
    end case;
    if v_now is not distinct from p_description then
        return false;
    end if;
    execute pg_catalog.format('comment on %s %s is %L', p_kind, v_target, p_description);
    return true;
end
$$;


--
-- Name: FUNCTION describe(p_kind text, p_object text, p_description text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.describe(p_kind text, p_object text, p_description text) IS 'Sets the description of a schema, table (p_object as schema.table), column (schema.table.column) or type to p_description when it differs; true when it changed. Called by the db/functions/catalog files on every migrate.';


--
-- Name: dq_alert_message(bigint, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_alert_message(p_alert_id bigint, p_format text, p_report text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
    v_alert ip_workbench.dq_alerts;
    v_title text;
begin
    select * into v_alert from ip_workbench.dq_alerts a where a.id = p_alert_id;
    if not found then
        raise exception 'no data-quality alert %', p_alert_id using errcode = '22023';
    end if;
    if v_alert.kind <> 'data_quality' then
        return scout_internal.event_alert_message(v_alert, p_format, p_report);
    end if;
    -- the registry's names are data too: one plain line here, code in the chat text below
    v_title := scout_internal.plain_line(pg_catalog.format('Data quality below %s for %s.%s (%s): %s', v_alert.threshold,
                                 v_alert.schema_name, v_alert.table_name, v_alert.layer, v_alert.dq_score));
    if p_format = 'generic' then
        return pg_catalog.jsonb_build_object(
            'alert_id', v_alert.id, 'table', v_alert.schema_name || '.' || v_alert.table_name, 'layer', v_alert.layer,
            'dq_score', v_alert.dq_score, 'threshold', v_alert.threshold, 'scores', v_alert.scores,
            'failing_checks', v_alert.failing_checks, 'opened_at', v_alert.opened_at, 'report', p_report);
    elsif p_format = 'mattermost' then
        return pg_catalog.jsonb_build_object(
            'text', ':warning: ' || pg_catalog.format('Data quality below %s for %s (%s): %s', v_alert.threshold,
                                 scout_internal.markdown_code(v_alert.schema_name || '.' || v_alert.table_name),
                                 scout_internal.markdown_code(v_alert.layer), v_alert.dq_score),
            'attachments', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                'fallback', v_title,
                'color', '#d9534f',
                'title', v_title,
                'text', coalesce((select pg_catalog.string_agg(pg_catalog.format('%s: %s failing (%s); e.g. %s',
                                                  scout_internal.markdown_code(c ->> 'check'), c ->> 'failed',
                                                  scout_internal.markdown_code(c ->> 'detail'),
                                                  coalesce((select pg_catalog.string_agg(scout_internal.markdown_code(k), ', ')
                                                              from pg_catalog.jsonb_array_elements_text(c -> 'sample_keys') k),
                                                           '-')), E'\n')
                                    from pg_catalog.jsonb_array_elements(v_alert.failing_checks) c), 'no failing check recorded')
                        || coalesce(E'\nReport: ' || p_report, ''),
                'fields', (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('short', true, 'title', s.key,
                                                                                   'value', coalesce(s.value #>> '{}', 'n/a')))
                             from pg_catalog.jsonb_each(v_alert.scores) s),
                'footer', pg_catalog.format('alert %s, raised %s', v_alert.id,
                                            pg_catalog.to_char(v_alert.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')))));
    elsif p_format = 'email' then
        return pg_catalog.jsonb_build_object(
            'subject', '[scout data quality] ' || v_title,
            'body', v_title || E'\n\n'
                || 'Scores: ' || coalesce((select pg_catalog.string_agg(s.key || ' ' || coalesce(s.value #>> '{}', 'n/a'), ', ')
                                             from pg_catalog.jsonb_each(v_alert.scores) s), 'none') || E'\n\n'
                || 'Failing checks:' || E'\n'
                || coalesce((select pg_catalog.string_agg(pg_catalog.format('- %s: %s failing (%s); e.g. %s',
                                 scout_internal.plain_line(c ->> 'check'), c ->> 'failed',
                                 scout_internal.plain_line(c ->> 'detail'),
                                 coalesce((select pg_catalog.string_agg(scout_internal.plain_line(k), ', ')
                                             from pg_catalog.jsonb_array_elements_text(c -> 'sample_keys') k), '-')), E'\n')
                               from pg_catalog.jsonb_array_elements(v_alert.failing_checks) c), '- none recorded') || E'\n\n'
                || pg_catalog.format('Alert %s, raised %s. ', v_alert.id,
                                     pg_catalog.to_char(v_alert.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'))
                || coalesce('Report: ' || p_report, 'Report: scout-db dq report --html dq.html') || E'\n');
    end if;
    raise exception 'format must be mattermost, generic or email, got %', p_format using errcode = '22023';
end
$$;


--
-- Name: FUNCTION dq_alert_message(p_alert_id bigint, p_format text, p_report text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_alert_message(p_alert_id bigint, p_format text, p_report text) IS 'The message about alert p_alert_id (a job failure or sales anomaly by scout_internal.event_alert_message) in format mattermost ({"text", "attachments"}, also read by Slack), generic (the alert as JSON) or email ({"subject", "body"}), with the HTML report''s location p_report when given. Data (table names, checks, sample keys) is a Markdown code span in the chat text and one plain line in the email, never markup.';


--
-- Name: dq_bronze_transactions_arrived(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_bronze_transactions_arrived(p_from timestamp with time zone, p_to timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS TABLE(id uuid, raw_data jsonb, ingested_at timestamp with time zone, ingest_xid xid8, ingest_seq bigint)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
#variable_conflict use_column
begin
    -- a custom plan, made for the bounds given: the few rows they name, by index
    return query
    select b.id, b.raw_data, b.ingested_at, b.ingest_xid, b.ingest_seq
      from scout.bronze_transactions b
     where b.ingested_at >= p_from and (p_to is null or b.ingested_at < p_to);
end
$$;


--
-- Name: FUNCTION dq_bronze_transactions_arrived(p_from timestamp with time zone, p_to timestamp with time zone); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_bronze_transactions_arrived(p_from timestamp with time zone, p_to timestamp with time zone) IS 'The Bronze transactions whose ingested_at is p_from or later, and before p_to when given (the ingested_at index, planned for the bounds given): a delta check''s recent window, or the rows that fell behind a retention window since its previous run.';


--
-- Name: dq_changed_silver_keys(jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_changed_silver_keys(p_then jsonb) RETURNS TABLE(transaction_id text, existed_then boolean, old_store_id text, old_category text, old_transaction_date date, old_ingested_at timestamp with time zone)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
#variable_conflict use_column
begin
    -- a custom plan, made for the bounds given: the few rows they name, by index
    return query
    select distinct on (k.transaction_id) k.transaction_id, k.change <> 'insert', k.old_store_id, k.old_category,
           k.old_transaction_date, k.old_ingested_at
      from scout_internal.silver_changed_keys k
     where scout_internal.dq_written_since(k.changed_xid, p_then)
     order by k.transaction_id, k.id;
end
$$;


--
-- Name: FUNCTION dq_changed_silver_keys(p_then jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_changed_silver_keys(p_then jsonb) IS 'Each Silver key changed since the statement context p_then -> ''judged'' (scout_internal.silver_changed_keys by a transaction that snapshot did not see), once, with existed_then (its first change since was not an insert) and the columns it held then (old_*; NULL when it did not exist).';


--
-- Name: dq_check_inputs(regclass, jsonb, pg_snapshot, date); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_check_inputs(p_view regclass, p_versions jsonb, p_snapshot pg_snapshot, p_day date) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    with recursive reads(relation) as (
        select d.refobjid from pg_catalog.pg_rewrite r
          join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid
                                     and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> r.ev_class
         where r.ev_class = p_view
        union
        select d.refobjid from reads
          join pg_catalog.pg_class v on v.oid = reads.relation and v.relkind in ('v', 'm')
          join pg_catalog.pg_rewrite r on r.ev_class = v.oid
          join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid
                                     and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> v.oid
    ),
    calls as (
        select distinct p.oid, p.prosrc, p.provolatile, k.reads
          from pg_catalog.pg_rewrite r
          join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid
                                     and d.refclassid = 'pg_catalog.pg_proc'::regclass
          join pg_catalog.pg_proc p on p.oid = d.refobjid
          left join (values
              -- what the project's non-immutable helpers read besides their arguments
              ('scout_internal.setting(text)'::regprocedure, array['ip_workbench.settings'::regclass]),
              ('scout_internal.silver_frozen_before()', array['ip_workbench.settings'::regclass]),
              ('scout_internal.gold_kept_from()', array['ip_workbench.settings'::regclass]),
              ('scout_internal.platinum_last_build()',
               array['ip_workbench.platinum_builds'::regclass, 'ip_workbench.settings'::regclass]),
              -- the day is part of what is compared
              ('scout_internal.business_today()', array[]::regclass[]),
              -- a kept judgement keeps its recent figures: no new rows, nothing new to judge
              ('scout_internal.dq_recent_since()', array[]::regclass[])) k(function, reads)
            on k.function = p.oid
         where r.ev_class = p_view
    ),
    everything as (
        select r.relation from reads r
          join pg_catalog.pg_class c on c.oid = r.relation and c.relkind in ('r', 'p')
        union
        select u.relation from calls, pg_catalog.unnest(calls.reads) u(relation)
    )
    select case when exists (select 1 from calls where calls.provolatile <> 'i' and calls.reads is null)
                  or exists (select 1 from everything e where not p_versions ? e.relation::regclass::text)
                then null
                else pg_catalog.jsonb_build_object(
                    'view', p_view::text,
                    'day', p_day,
                    'snapshot', p_snapshot::text,
                    'definition', pg_catalog.md5(pg_catalog.pg_get_viewdef(p_view)
                                                 || coalesce((select pg_catalog.string_agg(calls.prosrc, ';' order by calls.oid)
                                                                from calls), '')),
                    'versions', coalesce((select pg_catalog.jsonb_object_agg(e.relation::regclass::text,
                                                                           p_versions -> e.relation::regclass::text)
                                            from everything e), '{}'))
           end
$$;


--
-- Name: FUNCTION dq_check_inputs(p_view regclass, p_versions jsonb, p_snapshot pg_snapshot, p_day date); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_check_inputs(p_view regclass, p_versions jsonb, p_snapshot pg_snapshot, p_day date) IS 'What check view p_view reads, for ip_workbench.dq_results.inputs_seen: {"view": p_view, "day": p_day, "snapshot": p_snapshot, "definition": md5 of the view and the functions it calls, "versions": {table: its version in p_versions}} over the tables it reads through views and the tables its known helper functions read (settings, platinum_builds); NULL when it reads a table p_versions does not count or calls a non-immutable function whose reads are not known, so it is judged afresh every run.';


--
-- Name: dq_delta_allowed(jsonb, jsonb, regclass[], regclass[]); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_allowed(p_then jsonb, p_now jsonb, p_may_grow regclass[], p_logged regclass[] DEFAULT '{}'::regclass[]) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select coalesce(
        p_then -> 'judged' -> 'snapshot' is not null
        and p_then -> 'removals' is not null and p_now -> 'removals' is not null
        and p_then -> 'day' = p_now -> 'day'
        and p_then -> 'definition' = p_now -> 'definition'
        and (p_then -> 'judged' ->> 'xact') is distinct from pg_catalog.pg_current_xact_id_if_assigned()::text
        and (select pg_catalog.array_agg(k order by k) from pg_catalog.jsonb_object_keys(p_then -> 'versions') k)
            is not distinct from (select pg_catalog.array_agg(k order by k) from pg_catalog.jsonb_object_keys(p_now -> 'versions') k)
        and not exists (select 1 from pg_catalog.jsonb_each(p_then -> 'versions') t(table_name, version)
                         where p_now -> 'versions' -> t.table_name is distinct from t.version
                           and not (t.table_name = any (select g::text from pg_catalog.unnest(p_may_grow) g)
                                    and p_now -> 'removals' -> t.table_name = p_then -> 'removals' -> t.table_name)
                           and not (t.table_name = any (select g::text from pg_catalog.unnest(p_logged) g)
                                    and scout_internal.dq_writes_logged(p_then, t.table_name::regclass))),
        false)
$$;


--
-- Name: FUNCTION dq_delta_allowed(p_then jsonb, p_now jsonb, p_may_grow regclass[], p_logged regclass[]); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_allowed(p_then jsonb, p_now jsonb, p_may_grow regclass[], p_logged regclass[]) IS 'Whether a check that saw p_then (ip_workbench.dq_results.inputs_seen of its previous result, with the statement context ''judged'') may be judged now (p_now) from that result and what is new since: same business day and definition, a different transaction, the same tables read, each at the same version except the tables of p_may_grow, which may have changed but removed no row (ip_workbench.layer_versions.removals the same), and the tables of p_logged, whose every write since is logged (scout_internal.dq_writes_logged).';


--
-- Name: dq_delta_bronze_transactions_have_required_keys(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_bronze_transactions_have_required_keys(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    with verdicts as (
        select n.id, n.raw_data ?& array['transaction_id', 'date', 'amount', 'category'] as ok
          from scout_internal.dq_new_bronze_transactions(p_then) n
         where n.arrived
        offset 0),
    recent as (  -- the recent figures read the rows that arrived since the window's start
        select pg_catalog.count(*) filter (where b.raw_data ?& array['transaction_id', 'date', 'amount', 'category']) as ok,
               pg_catalog.count(*) filter (where not b.raw_data ?& array['transaction_id', 'date', 'amount', 'category']) as bad
          from scout_internal.dq_bronze_transactions_arrived(scout_internal.dq_recent_since()) b)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed + (select pg_catalog.count(*) from verdicts v where v.ok),
           d.failed + (select pg_catalog.count(*) from verdicts v where not v.ok),
           d.detail,
           (select pg_catalog.array_agg(v.id::text) from verdicts v where not v.ok), '{}'::text[],
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'bronze_transactions_have_required_keys'
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}')
$$;


--
-- Name: FUNCTION dq_delta_bronze_transactions_have_required_keys(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_bronze_transactions_have_required_keys(p_then jsonb, p_now jsonb) IS 'The check scout_checks.bronze_transactions_have_required_keys judged from its result in run p_then ->> ''run_id'' and the Bronze rows that arrived since p_then''s statement context (scout_internal.dq_new_bronze_transactions); no row unless scout_internal.dq_delta_allowed (Bronze unchanged but for inserts).';


--
-- Name: dq_delta_every_bronze_transaction_is_accounted_for(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
declare
    v_frozen date := scout_internal.silver_frozen_before();
    v_since timestamptz := scout_internal.dq_recent_since();
begin
    if not scout_internal.dq_delta_allowed(p_then, p_now, array['scout.silver_validated_transactions',
                                                                 'ip_workbench.watermarks']::regclass[],
                                           array['scout.silver_rejected_transactions']::regclass[])
       or not exists (select 1 from ip_workbench.dq_results d
                       where d.run_id = (p_then ->> 'run_id')::bigint
                         and d.check_name = 'every_bronze_transaction_is_accounted_for'
                         and d.failed <= (d.passed + d.failed) / 4
                         -- its failing keys all in test_failures, else the counts would drift
                         and (select pg_catalog.count(*) from test_failures.bronze_transactions f
                               where f.check_name = d.check_name) = d.failed) then
        return;
    end if;
    return query
    with new_rows as materialized (
        select n.id, n.raw_data, n.ingested_at
          from scout_internal.dq_new_bronze_transactions(p_then) n where n.newly_judged),
    failed_then as materialized (
        select b.id, b.raw_data, b.ingested_at
          from test_failures.bronze_transactions f
          join scout.bronze_transactions b on b.id = f.business_key::uuid
         where f.check_name = 'every_bronze_transaction_is_accounted_for'),
    judged as (  -- the rows to judge: newly judged, failing then, and the others of the recent window
        select r.id, r.raw_data, r.ingested_at, true as new, false as failed_then from new_rows r
        union all
        select f.id, f.raw_data, f.ingested_at, false, true from failed_then f
        union all
        select b.id, b.raw_data, b.ingested_at, false, false
          from scout.bronze_transactions b
          join ip_workbench.watermarks w on w.stream = 'silver_transactions'
         where b.ingested_at >= v_since
           and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                   pg_catalog.pg_current_xact_id_if_assigned(), w.processed_snapshot, w.processed_xid, w.processed_seq)
           and not exists (select 1 from new_rows r where r.id = b.id)
           and not exists (select 1 from failed_then f where f.id = b.id)),
    verdicts as materialized (
        -- Silver's key is the payload's cleaned transaction_id, so the key's row is the
        -- winner or the version that superseded this one: either way accounted for. One
        -- index lookup per row (lateral): these are a few rows, not a reason to hash Silver.
        select j.new, j.failed_then, j.id, j.ingested_at >= v_since as recent,
               k.found is not null or r.found is not null as accounted
          from judged j
          left join lateral (select true as found from scout.silver_validated_transactions k
                              where k.transaction_id = scout_internal.clean_text(j.raw_data ->> 'transaction_id')
                              limit 1) k on true
          left join lateral (select true as found from scout.silver_rejected_transactions r
                              where r.bronze_id = j.id limit 1) r on true
         where v_frozen = '-infinity'
            or coalesce(scout_internal.iso_date(scout_internal.clean_text(j.raw_data ->> 'date')) >= v_frozen, true))
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed + v.new_passing + v.cleared, d.failed + v.new_failing - v.cleared,
           d.detail, v.failing_keys, coalesce(v.keys_cleared, '{}'), v.recent_passed, v.recent_failed
      from ip_workbench.dq_results d
     cross join (select pg_catalog.count(*) filter (where x.new and x.accounted) as new_passing,
                        pg_catalog.count(*) filter (where x.new and not x.accounted) as new_failing,
                        pg_catalog.count(*) filter (where x.failed_then and x.accounted) as cleared,
                        pg_catalog.array_agg(x.id::text) filter (where x.new and not x.accounted) as failing_keys,
                        pg_catalog.array_agg(x.id::text) filter (where x.failed_then and x.accounted) as keys_cleared,
                        pg_catalog.count(*) filter (where x.recent and x.accounted) as recent_passed,
                        pg_catalog.count(*) filter (where x.recent and not x.accounted) as recent_failed
                   from verdicts x) v
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'every_bronze_transaction_is_accounted_for';
end
$$;


--
-- Name: FUNCTION dq_delta_every_bronze_transaction_is_accounted_for(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(p_then jsonb, p_now jsonb) IS 'The check scout_checks.every_bronze_transaction_is_accounted_for judged from its result in run p_then ->> ''run_id'': the Bronze rows Silver has judged since p_then''s statement context (scout_internal.dq_new_bronze_transactions) and the rows failing then (test_failures.bronze_transactions) are judged, the rest keep their verdicts. No row unless scout_internal.dq_delta_allowed (Silver changed in place, nothing removed; the watermark moved; every rejection since written by Silver''s merge, logged) and at most a quarter of the rows failed.';


--
-- Name: dq_delta_gold_store_sales_match_silver(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_gold_store_sales_match_silver(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    with bounds as (
        select (select scout_internal.silver_frozen_before()) as frozen_before,
               (select scout_internal.gold_kept_from()) as kept_from),
    rebuilt as materialized (
        select r.store_id, r.category, r.day, r.all_stores
          from scout_internal.gold_store_rebuilt_cells r
         where scout_internal.dq_written_since(r.rebuilt_xid, p_then)),
    changed as materialized (  -- read once, for the old cells and the new
        select * from scout_internal.dq_changed_silver_keys(p_then)),
    failed_then as materialized (
        select f.business_key as cell_key
          from test_failures.gold_store_daily_sales f where f.check_name = 'gold_store_sales_match_silver'),
    cells as materialized (  -- '' stands for no store, as in the view
        select distinct x.store_key, x.sales_date, x.category
          from (select coalesce(k.old_store_id, '') as store_key, k.old_transaction_date as sales_date, k.old_category as category
                  from changed k where k.existed_then
                union all
                select coalesce(s.store_id, ''), s.transaction_date, s.category
                  from changed k
                  join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
                union all
                select coalesce(r.store_id, ''), r.day, r.category from rebuilt r where not r.all_stores
                union all  -- a whole day recomputed holds the cells Silver had (a mart cell without
                           -- a sale was removed then, or failed before, or lost its sales since)
                select distinct coalesce(t.store_id, ''), t.transaction_date, t.category
                  from rebuilt r
                  join scout.silver_validated_transactions t on t.category = r.category and t.transaction_date = r.day
                 where r.all_stores
                union all  -- a failing cell's key, read back: store/YYYY-MM-DD/category
                select pg_catalog.replace(pg_catalog.split_part(f.cell_key, '/', 1), '(no store)', ''),
                       pg_catalog.to_date(pg_catalog.split_part(f.cell_key, '/', 2), 'YYYY-MM-DD'),
                       pg_catalog.substr(f.cell_key, pg_catalog.length(pg_catalog.split_part(f.cell_key, '/', 1)) + 13)
                  from failed_then f) x),
    judged as materialized (
        select coalesce(nullif(c.store_key, ''), '(no store)') || '/' || pg_catalog.to_char(c.sales_date, 'YYYY-MM-DD')
                   || '/' || c.category as cell_key,
               g.total_amount is not null as in_gold,
               (g.total_amount is not null or s.n > 0)
               and (g.total_amount, g.transaction_count) is distinct from (s.total, nullif(s.n, 0)) as failing
          from cells c cross join bounds w
          left join lateral (select x.total_amount, x.transaction_count from scout.gold_store_daily_sales x
                              where coalesce(x.store_id, '') = c.store_key and x.sales_date = c.sales_date
                                and x.category = c.category and x.sales_date >= w.frozen_before) g on true
          -- a store's cell and the cell of sales without a store apart: each an index-only
          -- range of Silver's store index (an OR of the two reads the heap, page by page)
          cross join lateral (select pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                                from scout.silver_validated_transactions t
                               where t.store_id = c.store_key and t.transaction_date = c.sales_date
                                 and t.category = c.category
                                 and t.transaction_date >= w.frozen_before and t.transaction_date >= w.kept_from) s1
          cross join lateral (select pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                                from scout.silver_validated_transactions t
                               where c.store_key = '' and t.store_id is null and t.transaction_date = c.sales_date
                                 and t.category = c.category
                                 and t.transaction_date >= w.frozen_before and t.transaction_date >= w.kept_from) s2
          cross join lateral (select coalesce(s1.total, s2.total) as total, s1.n + s2.n as n) s),
    verdict as materialized (
        select (select pg_catalog.count(*) from scout.gold_store_daily_sales g, bounds w where g.sales_date >= w.frozen_before)
               - (select pg_catalog.count(*) from judged j where j.failing and j.in_gold) as passed,
               (select pg_catalog.count(*) from judged j where j.failing) as failed)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level, v.passed, v.failed, d.detail,
           (select pg_catalog.array_agg(j.cell_key) from judged j
             where j.failing and not exists (select 1 from failed_then f where f.cell_key = j.cell_key)),
           coalesce((select pg_catalog.array_agg(f.cell_key) from failed_then f
                      where exists (select 1 from judged j where j.cell_key = f.cell_key and not j.failing)), '{}'),
           -- a view without recent figures counts the same in both
           v.passed, v.failed
      from ip_workbench.dq_results d cross join verdict v
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'gold_store_sales_match_silver'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.gold_store_daily_sales f where f.check_name = d.check_name) = d.failed
       and d.failed <= 10000
       -- every failing key read back as the cell it names (a store id with a '/' would not be)
       and not exists (select 1 from failed_then f where not exists (select 1 from judged j where j.cell_key = f.cell_key))
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}',
                                           '{scout.silver_validated_transactions,scout.gold_store_daily_sales}')
$$;


--
-- Name: FUNCTION dq_delta_gold_store_sales_match_silver(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_gold_store_sales_match_silver(p_then jsonb, p_now jsonb) IS 'The check scout_checks.gold_store_sales_match_silver judged from its result in run p_then ->> ''run_id'': the cells Silver changed a sale in (old and new, scout_internal.dq_changed_silver_keys), the cells Gold recomputed (scout_internal.gold_store_rebuilt_cells) since p_then''s statement context, and the cells failing then (test_failures.gold_store_daily_sales) are judged; the passing count is the mart''s rows less the failing cells that have one. A whole (category, day) recomputed is judged by the cells Silver holds in it. No row unless scout_internal.dq_delta_allowed with every Silver and mart write since logged, every failing key read back, and at most 10,000 cells failing then.';


--
-- Name: dq_delta_gold_totals_match_silver(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_gold_totals_match_silver(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    with bounds as (
        select (select scout_internal.silver_frozen_before()) as frozen_before,
               (select scout_internal.gold_kept_from()) as kept_from),
    changed as materialized (  -- read once, for the old cells and the new
        select * from scout_internal.dq_changed_silver_keys(p_then)),
    failed_then as materialized (
        select f.check_name, f.business_key as month_key
          from test_failures.gold_monthly_summary f
         where f.check_name in ('gold_totals_match_silver', 'gold_has_every_silver_month')),
    months as materialized (
        select distinct x.month, x.category
          from (select pg_catalog.date_trunc('month', k.old_transaction_date::timestamp)::date as month, k.old_category as category
                  from changed k where k.existed_then
                union all
                select pg_catalog.date_trunc('month', s.transaction_date::timestamp)::date, s.category
                  from changed k
                  join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
                union all
                select g.month, g.category
                  from scout_internal.gold_monthly_changed_totals g
                 where scout_internal.dq_written_since(g.changed_xid, p_then)
                union all  -- a failing month's key, read back: YYYY-MM-DD/category
                select pg_catalog.to_date(pg_catalog.split_part(f.month_key, '/', 1), 'YYYY-MM-DD'),
                       pg_catalog.substr(f.month_key, pg_catalog.length(pg_catalog.split_part(f.month_key, '/', 1)) + 2)
                  from failed_then f) x),
    judged as materialized (
        select pg_catalog.to_char(m.month, 'YYYY-MM-DD') || '/' || m.category as month_key,
               g.total_amount is not null as in_gold, s.n > 0 as in_silver,
               (g.total_amount is not null or s.n > 0)
               and (g.total_amount, g.transaction_count) is distinct from (s.total, nullif(s.n, 0)) as totals_fail
          from months m cross join bounds w
          left join scout.gold_monthly_summary g
            on g.month = m.month and g.category = m.category and g.month >= w.frozen_before
         cross join lateral (select pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                               from scout.silver_validated_transactions t
                              where t.category = m.category
                                and t.transaction_date >= m.month and t.transaction_date < (m.month + interval '1 month')::date
                                and t.transaction_date >= w.frozen_before and t.transaction_date >= w.kept_from) s),
    verdicts as (
        select j.month_key, c.check_name,
               case c.check_name when 'gold_totals_match_silver' then j.totals_fail
                                 else j.in_silver and not j.in_gold end as failing,
               case c.check_name when 'gold_totals_match_silver' then j.totals_fail and j.in_gold
                                 else j.in_gold and not j.in_silver end as gold_row_not_passing
          from judged j
         cross join (values ('gold_totals_match_silver'), ('gold_has_every_silver_month')) c(check_name)),
    gold_rows as materialized (
        select pg_catalog.count(*) as n from scout.gold_monthly_summary g, bounds w where g.month >= w.frozen_before)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           (select r.n from gold_rows r)
           - (select pg_catalog.count(*) from verdicts v where v.check_name = d.check_name and v.gold_row_not_passing),
           (select pg_catalog.count(*) from verdicts v where v.check_name = d.check_name and v.failing),
           d.detail,
           (select pg_catalog.array_agg(v.month_key) from verdicts v
             where v.check_name = d.check_name and v.failing
               and not exists (select 1 from failed_then f where f.check_name = d.check_name and f.month_key = v.month_key)),
           coalesce((select pg_catalog.array_agg(f.month_key) from failed_then f
                      where f.check_name = d.check_name
                        and exists (select 1 from verdicts v where v.check_name = d.check_name
                                                               and v.month_key = f.month_key and not v.failing)), '{}'),
           -- a view without recent figures counts the same in both
           (select r.n from gold_rows r)
           - (select pg_catalog.count(*) from verdicts v where v.check_name = d.check_name and v.gold_row_not_passing),
           (select pg_catalog.count(*) from verdicts v where v.check_name = d.check_name and v.failing)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint
       and d.check_name in ('gold_totals_match_silver', 'gold_has_every_silver_month')
       -- the previous failing keys of both checks are all in test_failures (a truncated
       -- or hand-edited table would make the counts drift): else judge every row
       and not exists (select 1 from ip_workbench.dq_results e
                        where e.run_id = (p_then ->> 'run_id')::bigint
                          and e.check_name in ('gold_totals_match_silver', 'gold_has_every_silver_month')
                          and (select pg_catalog.count(*) from test_failures.gold_monthly_summary f
                                where f.check_name = e.check_name) <> e.failed)
       and (select pg_catalog.count(*) from ip_workbench.dq_results e
             where e.run_id = (p_then ->> 'run_id')::bigint
               and e.check_name in ('gold_totals_match_silver', 'gold_has_every_silver_month')) = 2
       -- every failing key read back as the month and category it names
       and not exists (select 1 from failed_then f where not exists (select 1 from judged j where j.month_key = f.month_key))
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}',
                                           '{scout.silver_validated_transactions,scout.gold_monthly_summary}')
$$;


--
-- Name: FUNCTION dq_delta_gold_totals_match_silver(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_gold_totals_match_silver(p_then jsonb, p_now jsonb) IS 'The checks of scout_checks.gold_totals_match_silver (gold_totals_match_silver, gold_has_every_silver_month) judged from their results in run p_then ->> ''run_id'': the (month, category) pairs Silver changed a sale in (scout_internal.dq_changed_silver_keys), those whose Gold totals changed (scout_internal.gold_monthly_changed_totals) since p_then''s statement context, and those failing then (test_failures.gold_monthly_summary) are judged; the passing counts are Gold''s rows less the judged months with a Gold row that do not pass. No row unless scout_internal.dq_delta_allowed with every Silver and monthly-mart write since logged, both checks in the previous run, and every failing key read back.';


--
-- Name: dq_delta_platinum_sentences_cover_silver(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_platinum_sentences_cover_silver(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    with bounds as (  -- one row, and the planner knows it
        select (select b.window_start from scout_internal.platinum_last_build() b) as window_start),
    failed_then as materialized (
        select f.business_key as transaction_id
          from test_failures.platinum_transaction_embeddings f where f.check_name = 'platinum_sentences_cover_silver'),
    keys as materialized (
        select k.transaction_id from scout_internal.dq_changed_silver_keys(p_then) k
        union
        select p.transaction_id
          from scout_internal.platinum_changed_keys p
         where scout_internal.dq_written_since(p.changed_xid, p_then)
        union
        select f.transaction_id from failed_then f),
    judged as materialized (
        select k.transaction_id, p.transaction_id is not null as in_platinum,
               (s.transaction_id is not null) <> (p.transaction_id is not null) as failing
          from keys k cross join bounds w
          -- a probe per key (lateral): a few keys are no reason to hash all of Silver
          left join lateral (select x.transaction_id from scout.silver_validated_transactions x
                              where x.transaction_id = k.transaction_id and x.transaction_date >= w.window_start
                              offset 0) s on true  -- offset 0: not flattened into a join
          left join lateral (select x.transaction_id from scout.platinum_transaction_embeddings x
                              where x.transaction_id = k.transaction_id offset 0) p on true),
    verdict as materialized (
        select (select pg_catalog.count(*) from scout.platinum_transaction_embeddings)
               - (select pg_catalog.count(*) from judged j where j.failing and j.in_platinum) as passed,
               (select pg_catalog.count(*) from judged j where j.failing) as failed)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level, v.passed, v.failed, d.detail,
           (select pg_catalog.array_agg(j.transaction_id) from judged j
             where j.failing and not exists (select 1 from failed_then f where f.transaction_id = j.transaction_id)),
           coalesce((select pg_catalog.array_agg(f.transaction_id) from failed_then f
                      where exists (select 1 from judged j where j.transaction_id = f.transaction_id and not j.failing)), '{}'),
           -- a view without recent figures counts the same in both
           v.passed, v.failed
      from ip_workbench.dq_results d cross join verdict v
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'platinum_sentences_cover_silver'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.platinum_transaction_embeddings f where f.check_name = d.check_name) = d.failed
       and d.failed <= 100000
       and (select w.window_start from bounds w) = (p_then -> 'judged' ->> 'platinum_window_start')::date
       and scout_internal.dq_delta_allowed(p_then, p_now, '{ip_workbench.platinum_builds}',
                                           '{scout.silver_validated_transactions,scout.platinum_transaction_embeddings}')
$$;


--
-- Name: FUNCTION dq_delta_platinum_sentences_cover_silver(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_platinum_sentences_cover_silver(p_then jsonb, p_now jsonb) IS 'The check scout_checks.platinum_sentences_cover_silver judged from its result in run p_then ->> ''run_id'': the keys Silver changed (scout_internal.dq_changed_silver_keys), those whose sentence Platinum added or removed (scout_internal.platinum_changed_keys) since p_then''s statement context, and those failing then (test_failures.platinum_transaction_embeddings) are judged; the passing count is Platinum''s sentences less those of failing keys. No row unless scout_internal.dq_delta_allowed with every Silver and Platinum write since logged, Platinum''s builds changed in place with the same window start, and at most 100,000 keys failing then.';


--
-- Name: dq_delta_silver_accepts_bronze(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_silver_accepts_bronze(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
begin
    -- rejections are written with the rows Silver judges (logged), never later for old
    -- rows but by a backfill, whose writes are not logged
    if not scout_internal.dq_delta_allowed(p_then, p_now, array['ip_workbench.watermarks']::regclass[],
                                           array['scout.silver_rejected_transactions']::regclass[]) then
        return;
    end if;
    -- the view also counts a rejected row Silver has not judged (inside the transaction
    -- that rejects it): which run counted it first cannot be told, so judge it whole
    if exists (select 1 from scout_internal.dq_new_bronze_transactions(p_then) n
                 join scout.silver_rejected_transactions r on r.bronze_id = n.id
                where not n.newly_judged) then
        return;
    end if;
    return query
    with verdicts as (
        select n.id, r.transaction_id, r.bronze_id is null as ok
          from scout_internal.dq_new_bronze_transactions(p_then) n
          left join lateral (select x.bronze_id, x.transaction_id from scout.silver_rejected_transactions x
                              where x.bronze_id = n.id offset 0) r on true  -- a probe per row, not a hash of all
         where n.newly_judged),
    recent as (
        select pg_catalog.count(*) filter (where r.bronze_id is null) as ok,
               pg_catalog.count(*) filter (where r.bronze_id is not null) as bad
          from scout_internal.dq_bronze_transactions_arrived(scout_internal.dq_recent_since()) b
          join ip_workbench.watermarks w on w.stream = 'silver_transactions'
          left join lateral (select x.bronze_id from scout.silver_rejected_transactions x
                              where x.bronze_id = b.id offset 0) r on true
         where (not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                    pg_catalog.pg_current_xact_id_if_assigned(), w.processed_snapshot, w.processed_xid, w.processed_seq)
                or r.bronze_id is not null))
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed + (select pg_catalog.count(*) from verdicts v where v.ok),
           d.failed + (select pg_catalog.count(*) from verdicts v where not v.ok),
           d.detail,
           (select pg_catalog.array_agg(coalesce(v.transaction_id, v.id::text)) from verdicts v where not v.ok),
           '{}'::text[],
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_accepts_bronze';
end
$$;


--
-- Name: FUNCTION dq_delta_silver_accepts_bronze(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_silver_accepts_bronze(p_then jsonb, p_now jsonb) IS 'The check scout_checks.silver_accepts_bronze judged from its result in run p_then ->> ''run_id'' and the Bronze rows Silver has judged since p_then''s statement context (scout_internal.dq_new_bronze_transactions); no row unless scout_internal.dq_delta_allowed (the watermark may have moved, every rejection since written by Silver''s merge, logged) and no rejected row is yet unjudged.';


--
-- Name: dq_delta_silver_lineage_reaches_bronze(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_silver_lineage_reaches_bronze(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    with bounds as (
        select (p_then -> 'judged' ->> 'now')::timestamptz - r.retention as window_then,
               pg_catalog.now() - r.retention as window_now
          from (select pg_catalog.make_interval(days => (select scout_internal.setting('bronze_retention_days'))::int)
                           as retention) r),
    failed_then as materialized (
        select f.business_key as transaction_id
          from test_failures.silver_validated_transactions f where f.check_name = 'silver_lineage_reaches_bronze'),
    changed as materialized (
        select k.transaction_id, k.existed_then and k.old_ingested_at >= b.window_then as counted_then
          from scout_internal.dq_changed_silver_keys(p_then) k cross join bounds b),
    -- untouched rows of the window then that are behind it now, their Bronze row still there
    left_window as materialized (
        select s.transaction_id
          from bounds w
          cross join lateral scout_internal.dq_bronze_transactions_arrived(w.window_then, w.window_now) b
          join scout.silver_validated_transactions s
            on s.transaction_id = scout_internal.clean_text(b.raw_data ->> 'transaction_id') and s.bronze_id = b.id
         where not exists (select 1 from changed c where c.transaction_id = s.transaction_id)
           and not exists (select 1 from failed_then f where f.transaction_id = s.transaction_id)),
    -- every key whose verdict may differ, with what it was then and what it is now
    judged as materialized (
        select j.transaction_id, j.counted_then, j.failed_then,
               s.transaction_id is not null and s.ingested_at >= w.window_now as counted_now,
               exists (select 1 from scout.bronze_transactions b where b.id = s.bronze_id) as ok_now
          from (select c.transaction_id, c.counted_then, f.transaction_id is not null as failed_then
                  from changed c left join failed_then f on f.transaction_id = c.transaction_id
                union all
                select f.transaction_id, true, true from failed_then f
                 where not exists (select 1 from changed c where c.transaction_id = f.transaction_id)
                union all
                select l.transaction_id, true, false from left_window l) j
         cross join bounds w
          left join scout.silver_validated_transactions s on s.transaction_id = j.transaction_id),
    recent as (
        select pg_catalog.count(*) filter (where b.id is not null) as ok, pg_catalog.count(*) filter (where b.id is null) as bad
          from scout_internal.dq_recent_silver_transactions(scout_internal.dq_recent_since()) s
          cross join bounds w
          left join scout.bronze_transactions b on b.id = s.bronze_id
         where s.ingested_at >= w.window_now)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from judged x where x.counted_then and not x.failed_then)
                    + (select pg_catalog.count(*) from judged x where x.counted_now and x.ok_now),
           d.failed - (select pg_catalog.count(*) from judged x where x.failed_then)
                    + (select pg_catalog.count(*) from judged x where x.counted_now and not x.ok_now),
           d.detail,
           (select pg_catalog.array_agg(x.transaction_id) from judged x
             where x.counted_now and not x.ok_now and not x.failed_then),
           coalesce((select pg_catalog.array_agg(x.transaction_id) from judged x
                      where x.failed_then and not (x.counted_now and not x.ok_now)), '{}'),
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_lineage_reaches_bronze'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.silver_validated_transactions f where f.check_name = d.check_name) = d.failed
       and d.failed <= (d.passed + d.failed) / 4
       and (p_then -> 'judged' ->> 'now')::timestamptz <= pg_catalog.now()
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}', '{scout.silver_validated_transactions}')
$$;


--
-- Name: FUNCTION dq_delta_silver_lineage_reaches_bronze(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_silver_lineage_reaches_bronze(p_then jsonb, p_now jsonb) IS 'The check scout_checks.silver_lineage_reaches_bronze judged from its result in run p_then ->> ''run_id'': the Silver keys changed since p_then''s statement context (scout_internal.dq_changed_silver_keys), the rows that fell behind the window (now minus bronze_retention_days) since, and the rows failing then (test_failures.silver_validated_transactions) are judged, the rest keep their verdicts. No row unless scout_internal.dq_delta_allowed (Bronze removed nothing, every Silver write since logged, the settings unchanged) and at most a quarter of the rows failed.';


--
-- Name: dq_delta_silver_one_row_per_transaction_id(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_silver_one_row_per_transaction_id(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    with changed as materialized (
        select k.existed_then, exists (select 1 from scout.silver_validated_transactions s
                                        where s.transaction_id = k.transaction_id) as exists_now
          from scout_internal.dq_changed_silver_keys(p_then) k)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from changed x where x.existed_then)
                    + (select pg_catalog.count(*) from changed x where x.exists_now),
           d.failed, d.detail, null::text[], '{}'::text[],
           -- a view without recent figures counts the same in both
           d.passed - (select pg_catalog.count(*) from changed x where x.existed_then)
                    + (select pg_catalog.count(*) from changed x where x.exists_now),
           d.failed
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_one_row_per_transaction_id'
       and d.failed = 0
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}', '{scout.silver_validated_transactions}')
$$;


--
-- Name: FUNCTION dq_delta_silver_one_row_per_transaction_id(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_silver_one_row_per_transaction_id(p_then jsonb, p_now jsonb) IS 'The check scout_checks.silver_one_row_per_transaction_id judged from its result in run p_then ->> ''run_id'' (which found no duplicate) and the Silver keys added and removed since p_then''s statement context (scout_internal.dq_changed_silver_keys); no row unless scout_internal.dq_delta_allowed with every Silver write since logged.';


--
-- Name: dq_delta_silver_rejections_reach_bronze(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_silver_rejections_reach_bronze(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    with bounds as (
        select (p_then -> 'judged' ->> 'now')::timestamptz - r.retention as window_then,
               pg_catalog.now() - r.retention as window_now,
               (select scout_internal.dq_recent_since()) as since
          from (select pg_catalog.make_interval(days => (select scout_internal.setting('bronze_retention_days'))::int)
                           as retention) r),
    judged as materialized (  -- each rejection whose verdict may differ: then, and now
        select j.bronze_id, j.counted_then,
               r.bronze_id is not null and r.ingested_at >= w.window_now as counted_now,
               exists (select 1 from scout.bronze_transactions b where b.id = r.bronze_id) as ok_now
          from (select n.id as bronze_id, false as counted_then
                  from scout_internal.dq_new_bronze_transactions(p_then) n where n.newly_judged
                union all  -- behind the window now, in it then, their Bronze row still there
                select x.bronze_id, true
                  from bounds w
                  cross join lateral scout_internal.dq_bronze_transactions_arrived(w.window_then, w.window_now) b
                  join scout.silver_rejected_transactions x on x.bronze_id = b.id) j
         cross join bounds w
          -- one probe per row (lateral): a few rows are no reason to read every rejection
          left join lateral (select x.bronze_id, x.ingested_at from scout.silver_rejected_transactions x
                              where x.bronze_id = j.bronze_id offset 0) r on true),  -- offset 0: not flattened
    recent as (  -- the Bronze rows since the window's start, each with its rejection if any
        select pg_catalog.count(*) as ok, 0::bigint as bad
          from bounds w
          cross join lateral scout_internal.dq_bronze_transactions_arrived(w.since) b
          cross join lateral (select 1 from scout.silver_rejected_transactions x
                               where x.bronze_id = b.id and x.ingested_at >= w.window_now offset 0) r),
    allowed as (  -- both rows or neither: the view's result is judged whole otherwise
        select exists (select 1 from ip_workbench.dq_results d
                        where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_rejections_reach_bronze'
                          and d.table_name = 'silver_rejected_transactions' and d.failed = 0)
               and (p_then -> 'judged' ->> 'now')::timestamptz <= pg_catalog.now()
               and scout_internal.dq_delta_allowed(p_then, p_now, '{scout.silver_rejected_products,ip_workbench.watermarks}',
                                                   '{scout.silver_rejected_transactions}') as ok),
    products as (  -- read whole, as the view does
        select pg_catalog.count(*) filter (where x.found) as passed, pg_catalog.count(*) filter (where not x.found) as failed,
               pg_catalog.array_agg(x.bronze_id::text) filter (where not x.found) as failing_keys,
               pg_catalog.count(*) filter (where x.found and x.ingested_at >= w.since) as recent_passed,
               pg_catalog.count(*) filter (where not x.found and x.ingested_at >= w.since) as recent_failed
          from bounds w
          join (select r.bronze_id, r.ingested_at,
                       exists (select 1 from scout.bronze_products b where b.id = r.bronze_id) as found
                  from scout.silver_rejected_products r) x on x.ingested_at >= w.window_now
         group by w.since)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from judged x where x.counted_then)
                    + (select pg_catalog.count(*) from judged x where x.counted_now and x.ok_now),
           (select pg_catalog.count(*) from judged x where x.counted_now and not x.ok_now),
           d.detail,
           (select pg_catalog.array_agg(x.bronze_id::text) from judged x where x.counted_now and not x.ok_now),
           '{}'::text[],
           -- rows arrived since the window's start have their Bronze row (nothing was removed)
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_rejections_reach_bronze'
       and d.table_name = 'silver_rejected_transactions'
       and (select a.ok from allowed a)
    union all
    select 'silver_rejections_reach_bronze', 'scout', 'silver_rejected_products', 'silver', 'integrity', 'error',
           p.passed, p.failed, 'rejected rows of the Bronze retention period whose bronze_id is a Bronze row',
           p.failing_keys, null, p.recent_passed, p.recent_failed
      from products p
     where (select a.ok from allowed a)
$$;


--
-- Name: FUNCTION dq_delta_silver_rejections_reach_bronze(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_silver_rejections_reach_bronze(p_then jsonb, p_now jsonb) IS 'The check scout_checks.silver_rejections_reach_bronze judged from its result in run p_then ->> ''run_id'': of the rejected transactions, those of the Bronze rows judged since p_then''s statement context (scout_internal.dq_new_bronze_transactions) and those that fell behind the window (now minus bronze_retention_days) since are judged; the rejected products are read whole. No row unless scout_internal.dq_delta_allowed (Bronze removed nothing, every rejected transaction since written by Silver''s merge, the settings unchanged) and the previous run judged the rejected transactions with none failing (their failing keys are kept nowhere).';


--
-- Name: dq_delta_silver_store_ids_are_known(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_silver_store_ids_are_known(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    with changed as materialized (
        select k.transaction_id, k.existed_then and k.old_store_id is not null as counted_then,
               f.business_key is not null as failed_then,
               s.store_id is not null as counted_now, r.store_id is not null as known_now
          from scout_internal.dq_changed_silver_keys(p_then) k
          left join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
          left join scout.ref_stores r on r.store_id = s.store_id
          left join test_failures.silver_validated_transactions f
                 on f.check_name = 'silver_store_ids_are_known' and f.business_key = k.transaction_id),
    recent as (
        select pg_catalog.count(*) filter (where r.store_id is not null) as ok,
               pg_catalog.count(*) filter (where r.store_id is null) as bad
          from scout_internal.dq_recent_silver_transactions(scout_internal.dq_recent_since()) s
          left join scout.ref_stores r on r.store_id = s.store_id
         where s.store_id is not null)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from changed x where x.counted_then and not x.failed_then)
                    + (select pg_catalog.count(*) from changed x where x.counted_now and x.known_now),
           d.failed - (select pg_catalog.count(*) from changed x where x.failed_then)
                    + (select pg_catalog.count(*) from changed x where x.counted_now and not x.known_now),
           d.detail,
           (select pg_catalog.array_agg(x.transaction_id) from changed x
             where x.counted_now and not x.known_now and not x.failed_then),
           coalesce((select pg_catalog.array_agg(x.transaction_id) from changed x
                      where x.failed_then and not (x.counted_now and not x.known_now)), '{}'),
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_store_ids_are_known'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.silver_validated_transactions f where f.check_name = d.check_name) = d.failed
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}', '{scout.silver_validated_transactions}')
$$;


--
-- Name: FUNCTION dq_delta_silver_store_ids_are_known(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_silver_store_ids_are_known(p_then jsonb, p_now jsonb) IS 'The check scout_checks.silver_store_ids_are_known judged from its result in run p_then ->> ''run_id'' and the Silver keys changed since p_then''s statement context (scout_internal.dq_changed_silver_keys), each against its verdict then; no row unless scout_internal.dq_delta_allowed with every Silver write since logged and the stores unchanged.';


--
-- Name: dq_delta_silver_transaction_rules_hold(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_delta_silver_transaction_rules_hold(p_then jsonb, p_now jsonb) RETURNS TABLE(check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[], recent_passed bigint, recent_failed bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $_$
    with changed as materialized (
        select k.transaction_id, k.existed_then, f.business_key is not null as failed_then,
               s.transaction_id is not null as exists_now,
               s.amount > 0 and s.quantity > 0 and coalesce(s.tax_amount >= 0, true)
               and s.currency ~ '^[A-Z]{3}$' and c.name is not null as ok_now
          from scout_internal.dq_changed_silver_keys(p_then) k
          left join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
          left join scout.ref_categories c on c.name = s.category and c.is_active
          left join test_failures.silver_validated_transactions f
                 on f.check_name = 'silver_transaction_rules_hold' and f.business_key = k.transaction_id),
    recent as (
        select pg_catalog.count(*) filter (where c.name is not null and s.amount > 0 and s.quantity > 0
                                           and coalesce(s.tax_amount >= 0, true) and s.currency ~ '^[A-Z]{3}$') as ok,
               pg_catalog.count(*) filter (where not (c.name is not null and s.amount > 0 and s.quantity > 0
                                           and coalesce(s.tax_amount >= 0, true) and s.currency ~ '^[A-Z]{3}$')) as bad
          from scout_internal.dq_recent_silver_transactions(scout_internal.dq_recent_since()) s
          left join scout.ref_categories c on c.name = s.category and c.is_active)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           d.passed - (select pg_catalog.count(*) from changed x where x.existed_then and not x.failed_then)
                    + (select pg_catalog.count(*) from changed x where x.exists_now and x.ok_now),
           d.failed - (select pg_catalog.count(*) from changed x where x.failed_then)
                    + (select pg_catalog.count(*) from changed x where x.exists_now and not x.ok_now),
           d.detail,
           (select pg_catalog.array_agg(x.transaction_id) from changed x
             where x.exists_now and not x.ok_now and not x.failed_then),
           coalesce((select pg_catalog.array_agg(x.transaction_id) from changed x
                      where x.failed_then and not (x.exists_now and not x.ok_now)), '{}'),
           (select r.ok from recent r), (select r.bad from recent r)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'silver_transaction_rules_hold'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.silver_validated_transactions f where f.check_name = d.check_name) = d.failed
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}', '{scout.silver_validated_transactions}')
$_$;


--
-- Name: FUNCTION dq_delta_silver_transaction_rules_hold(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_delta_silver_transaction_rules_hold(p_then jsonb, p_now jsonb) IS 'The check scout_checks.silver_transaction_rules_hold judged from its result in run p_then ->> ''run_id'' and the Silver keys changed since p_then''s statement context (scout_internal.dq_changed_silver_keys), each against its verdict then (test_failures.silver_validated_transactions); no row unless scout_internal.dq_delta_allowed with every Silver write since logged and the categories unchanged.';


--
-- Name: dq_escalations(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_escalations() RETURNS TABLE(alert_id bigint, reason text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select a.id,
           case when a.opened_at <= pg_catalog.now() - s.after then 'open since ' || pg_catalog.to_char(a.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
                else 'raised again within ' || s.after::text || ' of the previous alert closing' end
      from ip_workbench.dq_alerts a
     cross join (select (scout_internal.setting('dq_escalate_after') #>> '{}')::interval as after) s
     where a.closed_at is null
       and (a.opened_at <= pg_catalog.now() - s.after
            or exists (select 1 from ip_workbench.dq_alerts p
                        where p.kind = a.kind and p.subject = a.subject and p.id < a.id
                          and p.closed_at >= a.opened_at - s.after))
     order by a.id
$$;


--
-- Name: FUNCTION dq_escalations(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_escalations() IS 'Open alerts due to escalate, with why: open longer than dq_escalate_after (ip_workbench.settings), or raised again within that long of the previous alert about the same subject closing. Sales anomalies are closed when raised (an event, not a state), so they never escalate.';


--
-- Name: dq_failing_keys(text, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_failing_keys(p_check text, p_schema text, p_table text) RETURNS SETOF text
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
begin
    if p_schema <> 'scout' or pg_catalog.to_regclass(pg_catalog.format('test_failures.%I', p_table)) is null then
        return;
    end if;
    return query execute pg_catalog.format('select f.business_key from test_failures.%I f where f.check_name = $1', p_table)
        using p_check;
end
$_$;


--
-- Name: FUNCTION dq_failing_keys(p_check text, p_schema text, p_table text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_failing_keys(p_check text, p_schema text, p_table text) IS 'The business keys check p_check last recorded as failing for table p_schema.p_table (test_failures.<p_table>); none for a table without a test_failures table.';


--
-- Name: dq_inputs_unchanged(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_inputs_unchanged(p_then jsonb, p_now jsonb) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
    select coalesce(p_then is not null and p_now is not null
       and p_then -> 'day' = p_now -> 'day'
       and p_then -> 'definition' = p_now -> 'definition'
       and p_then -> 'versions' = p_now -> 'versions'
       and not (p_then -> 'versions' ? 'scout.bronze_transactions'
                and (exists (select 1 from scout.bronze_transactions b
                             where b.ingest_xid >= pg_catalog.pg_snapshot_xmin((p_then ->> 'snapshot')::pg_snapshot)
                               and not pg_catalog.pg_visible_in_snapshot(b.ingest_xid, (p_then ->> 'snapshot')::pg_snapshot))
                or exists (select 1 from scout.bronze_transactions b where b.ingest_xid = pg_catalog.pg_current_xact_id_if_assigned())))
       and not (p_then -> 'versions' ? 'scout.bronze_products'
                and (exists (select 1 from scout.bronze_products b
                             where b.ingest_xid >= pg_catalog.pg_snapshot_xmin((p_then ->> 'snapshot')::pg_snapshot)
                               and not pg_catalog.pg_visible_in_snapshot(b.ingest_xid, (p_then ->> 'snapshot')::pg_snapshot))
                or exists (select 1 from scout.bronze_products b where b.ingest_xid = pg_catalog.pg_current_xact_id_if_assigned()))),
       false)
$$;


--
-- Name: FUNCTION dq_inputs_unchanged(p_then jsonb, p_now jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_inputs_unchanged(p_then jsonb, p_now jsonb) IS 'Whether a check that saw p_then (scout_internal.dq_check_inputs, as kept in ip_workbench.dq_results.inputs_seen) sees the same now (p_now): same business day, same definition, same version of every table it reads, and no Bronze row inserted by a transaction that had not committed in p_then''s snapshot, nor by the caller''s own transaction. False when either is NULL.';


--
-- Name: dq_judge_by_delta(name, jsonb, jsonb, bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_judge_by_delta(p_view name, p_then jsonb, p_now jsonb, p_then_run bigint) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_function text := pg_catalog.format('scout_internal.%I', 'dq_delta_' || p_view);
    v_rows bigint := 0;
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_judge_by_delta');
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], recent_passed bigint, recent_failed bigint, recent_carried boolean, timeliness numeric, inputs_seen jsonb, reused_from_run_id bigint, seconds numeric, delta_of_run_id bigint, keys_cleared text[])';
    if pg_catalog.to_regprocedure(v_function || '(jsonb, jsonb)') is null then
        return 0;
    end if;
    begin
        -- one statement: the delta and the context it records share a snapshot
        execute pg_catalog.format(
            'insert into pg_temp.dq_run_results (check_name, schema_name, table_name, layer, dimension, level, passed,
                                                 failed, detail, failing_keys, recent_passed, recent_failed, inputs_seen,
                                                 delta_of_run_id, keys_cleared)
             select check_name, schema_name, table_name, layer, dimension, level, passed, failed, detail, failing_keys,
                    recent_passed, recent_failed,
                    $2 || pg_catalog.jsonb_build_object(''judged'', scout_internal.dq_statement_context(), ''delta_of_run'', $3),
                    $3, keys_cleared
               from %s($1, $2)', v_function)
            using p_then || pg_catalog.jsonb_build_object('run_id', p_then_run), p_now, p_then_run;
        get diagnostics v_rows = row_count;
        -- one result per result of the view's previous judgement, or none: a delta that
        -- names other checks than the view did is no verdict either
        if v_rows > 0 and v_rows <> (select pg_catalog.count(*) from ip_workbench.dq_results d
                                      where d.run_id = p_then_run
                                        and d.inputs_seen ->> 'view' = pg_catalog.format('scout_checks.%I', p_view)) then
            delete from pg_temp.dq_run_results r where r.seconds is null;
            return 0;
        end if;
    exception when others then
        -- a delta that fails is no verdict: the view judges every row
        raise warning 'data-quality check %: its delta function failed (%, SQLSTATE %); judging every row',
            p_view, sqlerrm, sqlstate;
        return 0;
    end;
    -- the alert's samples: the keys that fail since, else a few that failed before
    update pg_temp.dq_run_results r
       set failing_keys = (select pg_catalog.array_agg(f.key)
                             from (select k.key from scout_internal.dq_failing_keys(r.check_name, r.schema_name, r.table_name) k(key)
                                    where k.key <> all (r.keys_cleared) limit 5) f)
     where r.seconds is null and r.delta_of_run_id is not null and r.failing_keys is null and r.failed > 0;
    return v_rows;
end
$_$;


--
-- Name: FUNCTION dq_judge_by_delta(p_view name, p_then jsonb, p_now jsonb, p_then_run bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_judge_by_delta(p_view name, p_then jsonb, p_now jsonb, p_then_run bigint) IS 'Step of scout_internal.dq_run_checks: judges check view p_view by its delta function scout_internal.dq_delta_<p_view>(p_then with run_id p_then_run, p_now), if it has one, into pg_temp.dq_run_results (delta_of_run_id, keys_cleared; inputs_seen with the statement context ''judged'' and delta_of_run), with a few failing keys as the alert''s samples where no key fails anew. Returns the results written: 0 when there is no delta function, it declined (no row), it failed (a warning) or it gave another number of results than the view''s previous judgement, and the view must judge every row. Only inside scout.run_dq_checks (55000 otherwise).';


--
-- Name: dq_new_bronze_transactions(jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_new_bronze_transactions(p_then jsonb) RETURNS TABLE(id uuid, raw_data jsonb, ingested_at timestamp with time zone, arrived boolean, newly_judged boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
    v_snapshot pg_snapshot := (p_then -> 'judged' ->> 'snapshot')::pg_snapshot;
    v_xact xid8 := (p_then -> 'judged' ->> 'xact')::xid8;
    v_w_snapshot pg_snapshot := (p_then -> 'judged' -> 'silver_watermark' ->> 'snapshot')::pg_snapshot;
    v_w_xid xid8 := (p_then -> 'judged' -> 'silver_watermark' ->> 'xid')::xid8;
    v_w_seq bigint := (p_then -> 'judged' -> 'silver_watermark' ->> 'seq')::bigint;
    v_from xid8 := least(pg_catalog.pg_snapshot_xmin(v_snapshot),
                         coalesce(pg_catalog.pg_snapshot_xmin(v_w_snapshot), '0'::xid8));
begin
    -- a custom plan, made for the bound given: the few rows it names, by index
    return query
    select b.id, b.raw_data, b.ingested_at, not t.visible_then,
           not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                                             pg_catalog.pg_current_xact_id_if_assigned(), w.processed_snapshot,
                                             w.processed_xid, w.processed_seq)
           and not (t.visible_then
                    and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_snapshot, v_xact, v_w_snapshot,
                                                          v_w_xid, v_w_seq))
      from scout.bronze_transactions b
      left join ip_workbench.watermarks w on w.stream = 'silver_transactions'
     cross join lateral (select pg_catalog.pg_visible_in_snapshot(b.ingest_xid, v_snapshot)
                                or b.ingest_xid = v_xact as visible_then) t
     where b.ingest_xid >= v_from;
end
$$;


--
-- Name: FUNCTION dq_new_bronze_transactions(p_then jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_new_bronze_transactions(p_then jsonb) IS 'The Bronze transactions new to a check since the statement context p_then -> ''judged'' (scout_internal.dq_statement_context): arrived (not visible then) and newly_judged (judged by Silver now, not then, by scout_internal.is_unprocessed with the watermark of then and of now); only rows inserted at or after the older snapshot''s xmin are read (the ingest_xid index).';


--
-- Name: dq_prune_change_logs(pg_snapshot); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_prune_change_logs(p_snapshot pg_snapshot) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_prune_change_logs');
    delete from scout_internal.silver_changed_keys k where k.changed_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
    delete from scout_internal.gold_store_rebuilt_cells c where c.rebuilt_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
    delete from scout_internal.gold_monthly_changed_totals m where m.changed_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
    delete from scout_internal.platinum_changed_keys p where p.changed_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
    delete from scout_internal.logged_writes w where w.written_xid < pg_catalog.pg_snapshot_xmin(p_snapshot);
end
$$;


--
-- Name: FUNCTION dq_prune_change_logs(p_snapshot pg_snapshot); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_prune_change_logs(p_snapshot pg_snapshot) IS 'Step of scout_internal.dq_run_checks: deletes the rows of scout_internal.silver_changed_keys, gold_store_rebuilt_cells, gold_monthly_changed_totals, platinum_changed_keys and logged_writes written by transactions older than p_snapshot''s xmin (the run''s first snapshot), which no later delta judgement needs. Only inside scout.run_dq_checks (55000 otherwise).';


--
-- Name: dq_raise_alert(text, text, text, numeric, numeric, jsonb, jsonb, bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_raise_alert(p_schema text, p_table text, p_layer text, p_score numeric, p_threshold numeric, p_scores jsonb, p_failing jsonb, p_run_id bigint) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_id bigint;
begin
    update ip_workbench.dq_alerts a set last_seen_run_id = p_run_id
     where a.kind = 'data_quality' and a.subject = p_schema || '.' || p_table and a.closed_at is null;
    if found then
        return null;
    end if;
    insert into ip_workbench.dq_alerts (kind, subject, schema_name, table_name, layer, dq_score, threshold, scores,
                                        failing_checks, opened_run_id, last_seen_run_id)
    values ('data_quality', p_schema || '.' || p_table, p_schema, p_table, p_layer, p_score, p_threshold, p_scores,
            coalesce(p_failing, '[]'), p_run_id, p_run_id)
    returning id into v_id;
    perform pg_catalog.pg_notify('scout_dq_alert', pg_catalog.jsonb_build_object(
        'alert_id', v_id, 'kind', 'data_quality', 'subject', p_schema || '.' || p_table, 'table', p_schema || '.' || p_table, 'layer', p_layer, 'dq_score', p_score,
        'threshold', p_threshold, 'scores', p_scores, 'run_id', p_run_id)::text);
    return v_id;
end
$$;


--
-- Name: FUNCTION dq_raise_alert(p_schema text, p_table text, p_layer text, p_score numeric, p_threshold numeric, p_scores jsonb, p_failing jsonb, p_run_id bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_raise_alert(p_schema text, p_table text, p_layer text, p_score numeric, p_threshold numeric, p_scores jsonb, p_failing jsonb, p_run_id bigint) IS 'Opens a data-quality alert for table p_schema.p_table (score p_score below p_threshold, dimension scores p_scores, failing checks p_failing, raised by run p_run_id) and sends NOTIFY scout_dq_alert; returns its id. When the table has an open alert, marks it seen by p_run_id and returns NULL.';


--
-- Name: silver_validated_transactions; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.silver_validated_transactions (
    transaction_id text NOT NULL,
    transaction_date date NOT NULL,
    amount numeric(14,2) NOT NULL,
    currency text DEFAULT 'PHP'::text NOT NULL,
    category text NOT NULL,
    subcategory text,
    store_id text,
    vendor_name text,
    vendor_id text,
    customer_id text,
    sku text,
    quantity integer DEFAULT 1 NOT NULL,
    tax_amount numeric(14,2),
    payment_method text,
    description text,
    attributes jsonb DEFAULT '{}'::jsonb NOT NULL,
    bronze_id uuid NOT NULL,
    bronze_seq bigint NOT NULL,
    source text NOT NULL,
    ingestion_batch_id text,
    ingested_at timestamp with time zone NOT NULL,
    validated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT silver_validated_transactions_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT silver_validated_transactions_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT silver_validated_transactions_quantity_check CHECK ((quantity > 0)),
    CONSTRAINT silver_validated_transactions_tax_amount_check CHECK ((tax_amount >= (0)::numeric))
);

ALTER TABLE ONLY scout.silver_validated_transactions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE silver_validated_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.silver_validated_transactions IS 'Validated transactions, one row per transaction_id: the latest valid version by ingestion order (an identical re-send changes nothing).';


--
-- Name: COLUMN silver_validated_transactions.transaction_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.transaction_id IS 'Business key: payload transaction_id, trimmed.';


--
-- Name: COLUMN silver_validated_transactions.transaction_date; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.transaction_date IS 'Date part of the ISO 8601 payload date (as written, no zone conversion): never in the future (with a time and a zone, as an instant; otherwise against today in the business time zone) and not older than transaction_max_age_years (ip_workbench.settings).';


--
-- Name: COLUMN silver_validated_transactions.amount; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.amount IS 'Payload amount rounded to 2 decimals; always > 0.';


--
-- Name: COLUMN silver_validated_transactions.currency; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.currency IS 'ISO 4217 code, upper-cased; PHP when the payload has none.';


--
-- Name: COLUMN silver_validated_transactions.category; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.category IS 'Category in its canonical spelling from scout.ref_categories.';


--
-- Name: COLUMN silver_validated_transactions.subcategory; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.subcategory IS 'Payload subcategory, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_validated_transactions.store_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.store_id IS 'Payload store_id, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_validated_transactions.vendor_name; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.vendor_name IS 'Payload vendor_name, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_validated_transactions.vendor_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.vendor_id IS 'Payload vendor_id, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_validated_transactions.customer_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.customer_id IS 'Payload customer_id, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_validated_transactions.sku; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.sku IS 'Payload sku, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_validated_transactions.quantity; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.quantity IS 'Units sold, integer > 0; 1 when the payload has none.';


--
-- Name: COLUMN silver_validated_transactions.tax_amount; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.tax_amount IS 'Payload tax_amount rounded to 2 decimals, >= 0; NULL when absent.';


--
-- Name: COLUMN silver_validated_transactions.payment_method; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.payment_method IS 'Payload payment_method, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_validated_transactions.description; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.description IS 'Payload description, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_validated_transactions.attributes; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.attributes IS 'Payload keys the contract does not name, kept as they came.';


--
-- Name: COLUMN silver_validated_transactions.bronze_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.bronze_id IS 'Lineage: the Bronze row of this version.';


--
-- Name: COLUMN silver_validated_transactions.bronze_seq; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.bronze_seq IS 'Lineage: ingest_seq of that Bronze row; a later valid version (higher seq) with different values replaces this one.';


--
-- Name: COLUMN silver_validated_transactions.source; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.source IS 'Lineage: Bronze source of this version.';


--
-- Name: COLUMN silver_validated_transactions.ingestion_batch_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.ingestion_batch_id IS 'Lineage: Bronze batch of this version.';


--
-- Name: COLUMN silver_validated_transactions.ingested_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.ingested_at IS 'Lineage: when this version reached Bronze.';


--
-- Name: COLUMN silver_validated_transactions.validated_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_validated_transactions.validated_at IS 'When this version was validated into Silver.';


--
-- Name: dq_recent_silver_transactions(timestamp with time zone); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_recent_silver_transactions(p_since timestamp with time zone) RETURNS SETOF scout.silver_validated_transactions
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
#variable_conflict use_column
begin
    -- a custom plan, made for the bounds given: the few rows they name, by index
    return query
    select s.*
      from scout_internal.dq_bronze_transactions_arrived(p_since) b
      join scout.silver_validated_transactions s
        on s.transaction_id = scout_internal.clean_text(b.raw_data ->> 'transaction_id') and s.bronze_id = b.id;
end
$$;


--
-- Name: FUNCTION dq_recent_silver_transactions(p_since timestamp with time zone); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_recent_silver_transactions(p_since timestamp with time zone) IS 'The rows of scout.silver_validated_transactions whose ingested_at (their winning Bronze row''s arrival) is p_since or later, found from Bronze''s ingested_at index and Silver''s key: a delta check''s recent window.';


--
-- Name: job_runs; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.job_runs (
    id bigint NOT NULL,
    job_name text NOT NULL,
    started_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    finished_at timestamp with time zone,
    status text DEFAULT 'running'::text NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    parent_id bigint,
    failed_step text,
    sqlstate text,
    message text,
    pid integer,
    backend_start timestamp with time zone,
    xact_id xid8,
    CONSTRAINT job_runs_status_check CHECK ((status = ANY (ARRAY['running'::text, 'ok'::text, 'failed'::text, 'skipped'::text, 'abandoned'::text])))
);

ALTER TABLE ONLY ip_workbench.job_runs FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE job_runs; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.job_runs IS 'One row per run of a job (ip_workbench.jobs): when, outcome and the result it returned. A run that fails leaves status failed with the step, SQLSTATE and message; one whose session ended mid-way (killed, crashed) is marked abandoned by the next run of its job.';


--
-- Name: COLUMN job_runs.id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.id IS 'Run number, increasing.';


--
-- Name: COLUMN job_runs.job_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.job_name IS 'The function that ran, e.g. scout.refresh_silver.';


--
-- Name: COLUMN job_runs.started_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.started_at IS 'Wall-clock start of the run.';


--
-- Name: COLUMN job_runs.finished_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.finished_at IS 'Wall-clock end of the run; NULL while running.';


--
-- Name: COLUMN job_runs.status; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.status IS 'running, ok, failed (an error in a step, recorded with it), skipped (another run held the lock), or abandoned (the session running it ended before it finished).';


--
-- Name: COLUMN job_runs.details; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.details IS 'The run''s result document (counts, reasons).';


--
-- Name: COLUMN job_runs.parent_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.parent_id IS 'The run this one was a step of (refresh_silver inside run_transformations); NULL for a top-level run.';


--
-- Name: COLUMN job_runs.failed_step; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.failed_step IS 'For a failed run: the step that failed.';


--
-- Name: COLUMN job_runs.sqlstate; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.sqlstate IS 'For a failed run: the SQLSTATE of its error.';


--
-- Name: COLUMN job_runs.message; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.message IS 'For a failed or abandoned run: the error message, or how it ended.';


--
-- Name: COLUMN job_runs.pid; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.pid IS 'Backend process that ran it, for a DBA to find (or end) a run still going: pg_stat_activity.pid.';


--
-- Name: COLUMN job_runs.backend_start; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.backend_start IS 'When that backend started: with pid it names the session, since pids are reused.';


--
-- Name: COLUMN job_runs.xact_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_runs.xact_id IS 'The transaction the run ran in (pg_current_xact_id()); the job''s next run looks for it to find a run that never committed.';


--
-- Name: dq_recent_since(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_recent_since() RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT COALESCE(( SELECT ((r.details ->> 'recent_until'::text))::timestamp with time zone AS timestamptz
            FROM ip_workbench.job_runs r
           WHERE ((r.job_name = 'scout.run_dq_checks'::text) AND (r.status = 'ok'::text) AND (r.details ? 'recent_until'::text))
           ORDER BY r.id DESC
          LIMIT 1), (now() - '1 day'::interval)) AS "coalesce";
END;


--
-- Name: FUNCTION dq_recent_since(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_recent_since() IS 'The start of the recent window the data-quality scores describe: the recent_until recorded by the last successful scout.run_dq_checks (its start, or the arrival of the oldest Bronze row Silver had not judged then, if earlier), else now() minus one day. Check views compare a row''s arrival (ingested_at) with it.';


--
-- Name: dq_replace_test_failures(bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_replace_test_failures(p_run_id bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_table record;
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_replace_test_failures');
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], recent_passed bigint, recent_failed bigint, recent_carried boolean, timeliness numeric, inputs_seen jsonb, reused_from_run_id bigint, seconds numeric, delta_of_run_id bigint, keys_cleared text[])';
    for v_table in select c.relname from pg_catalog.pg_class c
                    where c.relnamespace = 'test_failures'::regnamespace and c.relkind = 'r' loop
        -- a check judged whole: its rows go (as do those of a check that no longer exists)
        execute pg_catalog.format(
            'delete from test_failures.%I f
              where not exists (select 1 from pg_temp.dq_run_results r
                                 where r.schema_name = ''scout'' and r.table_name = $1 and r.check_name = f.check_name
                                   and (r.reused_from_run_id is not null or r.delta_of_run_id is not null))', v_table.relname)
            using v_table.relname;
        -- a check judged by its delta: the keys that pass now go, the rest stay as found
        execute pg_catalog.format(
            'delete from test_failures.%I f
              using pg_temp.dq_run_results r
              where r.schema_name = ''scout'' and r.table_name = $1 and r.check_name = f.check_name
                and r.delta_of_run_id is not null and f.business_key = any (r.keys_cleared)', v_table.relname)
            using v_table.relname;
        execute pg_catalog.format(
            'insert into test_failures.%I (check_name, business_key, detail, run_id)
             select r.check_name, k.key, r.detail, $1
               from pg_temp.dq_run_results r cross join lateral pg_catalog.unnest(r.failing_keys) k(key)
              where r.schema_name = ''scout'' and r.table_name = $2 and k.key is not null
                and r.reused_from_run_id is null
                and (r.delta_of_run_id is null
                     or not exists (select 1 from test_failures.%I f where f.check_name = r.check_name and f.business_key = k.key))',
            v_table.relname, v_table.relname)
            using p_run_id, v_table.relname;
    end loop;
end
$_$;


--
-- Name: FUNCTION dq_replace_test_failures(p_run_id bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_replace_test_failures(p_run_id bigint) IS 'Step 3 of scout.run_dq_checks: replaces the rows of every test_failures table with the failing keys of its table in pg_temp.dq_run_results, under run p_run_id; the rows of a check that kept an earlier run''s judgement (reused_from_run_id) stay as that run wrote them, and a check judged by its delta function (delta_of_run_id) loses the keys that pass now (keys_cleared) and gains those that fail since. Only inside scout.run_dq_checks (55000 otherwise).';


--
-- Name: dq_run_checks(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_run_checks() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


--
-- Name: FUNCTION dq_run_checks(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_run_checks() IS 'Step 1 of scout.run_dq_checks: runs every view of scout_checks (one that raises becomes a failed result naming the error) and the timeliness of every registered table where it applies (scout_internal.table_lag) into pg_temp.dq_run_results, with each check''s counts over every retained row (passed, failed) and over the rows that arrived since scout_internal.dq_recent_since() (recent_passed, recent_failed; a view without those columns counts the same in both), and for a timeliness row its score (timeliness); a check with no recent row keeps its previous recent figures (recent_carried). A check none of whose inputs changed since the run that judged it, the same business day (scout_internal.dq_inputs_unchanged), keeps that run''s whole result without reading its tables (reused_from_run_id, recent_carried; five of its failing keys from test_failures, as the alert''s samples). Otherwise a view with a delta function is judged from its previous result and what changed since (scout_internal.dq_judge_by_delta: delta_of_run_id, keys_cleared), when that function can tell, else by the view itself; either way the judgement keeps the context its statement saw (inputs_seen -> ''judged''), and the change logs older than the run are pruned (scout_internal.dq_prune_change_logs). Each view''s results carry how long it took (seconds; the lookup alone for a kept judgement). Returns {"checks" (results), "failed_checks", "kept_checks" (check views whose judgement was kept), "delta_checks" (check views judged from what changed), "failing_rows", "recent_failing_rows"}. Only inside scout.run_dq_checks (55000 otherwise).';


--
-- Name: dq_settle_alerts(bigint, numeric); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_settle_alerts(p_run_id bigint, p_threshold numeric) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_alert record;
    v_raised jsonb := '[]'::jsonb;
    v_closed jsonb := '[]'::jsonb;
begin
    perform scout_internal.require_job_lock('scout.run_dq_checks', 'scout_internal.dq_settle_alerts');
    perform 'PRAGMA:TABLE: dq_run_results (check_name text, schema_name text, table_name text, layer text, dimension text, level text, passed bigint, failed bigint, detail text, failing_keys text[], recent_passed bigint, recent_failed bigint, recent_carried boolean, timeliness numeric, inputs_seen jsonb, reused_from_run_id bigint, seconds numeric, delta_of_run_id bigint, keys_cleared text[])';
    perform 'PRAGMA:TABLE: dq_run_scores (schema_name text, table_name text, layer text, completeness numeric, uniqueness numeric, validity numeric, integrity numeric, timeliness numeric, dq_score numeric, cumulative_score numeric, failing_bars text[])';
    for v_alert in
        select s.*, a.id as open_id,
               case when h.overall is not null then s.dq_score else s.timeliness end as paged_score,
               (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                           'check', r.check_name, 'failed', r.failed, 'detail', r.detail,
                           'recent_failed', r.recent_failed, 'recent_checked', r.recent_passed + r.recent_failed,
                           'sample_keys', pg_catalog.to_jsonb(r.failing_keys[1:5])) order by r.check_name)
                  from pg_temp.dq_run_results r
                 where r.schema_name = s.schema_name and r.table_name = s.table_name and r.level = 'error'
                   and (r.recent_failed > 0 or r.failed > 0)) as failing
          from pg_temp.dq_run_scores s
          join ip_workbench.dq_thresholds h on h.layer = s.layer and (h.overall is not null or h.timeliness is not null)
          left join ip_workbench.dq_alerts a
                 on a.kind = 'data_quality' and a.subject = s.schema_name || '.' || s.table_name and a.closed_at is null
    loop
        if v_alert.paged_score < p_threshold then
            if scout_internal.dq_raise_alert(v_alert.schema_name, v_alert.table_name, v_alert.layer, v_alert.paged_score,
                   p_threshold, pg_catalog.jsonb_build_object('completeness', v_alert.completeness,
                       'uniqueness', v_alert.uniqueness, 'validity', v_alert.validity, 'integrity', v_alert.integrity,
                       'timeliness', v_alert.timeliness, 'cumulative', v_alert.cumulative_score),
                   v_alert.failing, p_run_id) is not null then
                v_raised := v_raised || pg_catalog.to_jsonb(v_alert.schema_name || '.' || v_alert.table_name);
            end if;
        elsif v_alert.open_id is not null and v_alert.paged_score is not null then
            update ip_workbench.dq_alerts a
               set closed_at = pg_catalog.now(), closed_score = v_alert.paged_score
             where a.id = v_alert.open_id;
            v_closed := v_closed || pg_catalog.to_jsonb(v_alert.schema_name || '.' || v_alert.table_name);
        end if;
    end loop;
    return pg_catalog.jsonb_build_object('alerts_raised', v_raised, 'alerts_closed', v_closed);
end
$$;


--
-- Name: FUNCTION dq_settle_alerts(p_run_id bigint, p_threshold numeric); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_settle_alerts(p_run_id bigint, p_threshold numeric) IS 'Step 4 of scout.run_dq_checks: for every table in pg_temp.dq_run_scores, compares its paged score (dq_score in a layer with an overall bar; timeliness in bronze) with p_threshold: below it opens an alert (scout_internal.dq_raise_alert, naming the failing checks with their recent and cumulative counts), at or above it closes the table''s open alert. Returns {"alerts_raised", "alerts_closed"} (lists of schema.table). Only inside scout.run_dq_checks (55000 otherwise).';


--
-- Name: dq_statement_context(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_statement_context() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select pg_catalog.jsonb_build_object(
        'snapshot', pg_catalog.pg_current_snapshot()::text,
        'xact', pg_catalog.pg_current_xact_id_if_assigned()::text,
        'now', pg_catalog.now(),
        -- the window Platinum was built over, which its coverage check reads
        'platinum_window_start', (select b.window_start from scout_internal.platinum_last_build() b),
        'versions', (select pg_catalog.jsonb_object_agg(v.table_name::text, v.version) from ip_workbench.layer_versions v),
        'silver_watermark', (select pg_catalog.jsonb_build_object('snapshot', w.processed_snapshot::text,
                                                                   'xid', w.processed_xid::text,
                                                                   'seq', w.processed_seq)
                               from ip_workbench.watermarks w where w.stream = 'silver_transactions'))
$$;


--
-- Name: FUNCTION dq_statement_context(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_statement_context() IS 'The calling statement''s snapshot, transaction id (if assigned), now(), Platinum''s window start (scout_internal.platinum_last_build), every counted table''s version (ip_workbench.layer_versions) and Silver''s transaction watermark (snapshot, xid, seq), as {"snapshot", "xact", "now", "platinum_window_start", "versions", "silver_watermark"}: what a check judged under, kept in ip_workbench.dq_results.inputs_seen -> ''judged''.';


--
-- Name: dq_store_scores(bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_store_scores(p_run_id bigint) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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
$$;


--
-- Name: FUNCTION dq_store_scores(p_run_id bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_store_scores(p_run_id bigint) IS 'Step 2 of scout.run_dq_checks: appends every result of pg_temp.dq_run_results to ip_workbench.dq_results under run p_run_id; scores every checked table into pg_temp.dq_run_scores, ip_workbench.dq_scores and ip_workbench.tables: a dimension''s score is its worst error-level check''s pass rate over the recent rows (volume counts as integrity; timeliness the score dq_run_checks measured), dq_score the worst dimension, cumulative_score the same over every retained row, failing_bars the bars of its layer it is below. Returns each table''s dq_score by schema.table. Only inside scout.run_dq_checks (55000 otherwise).';


--
-- Name: dq_writes_logged(jsonb, regclass); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_writes_logged(p_then jsonb, p_table regclass) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select coalesce(
        (p_then -> 'judged' -> 'versions' ->> p_table::text)::bigint
        + coalesce((select pg_catalog.sum(w.version_after - w.version_before)
                      from scout_internal.logged_writes w
                     where w.table_name = p_table and scout_internal.dq_written_since(w.written_xid, p_then)), 0)
        = (select v.version from ip_workbench.layer_versions v where v.table_name = p_table),
        false)
$$;


--
-- Name: FUNCTION dq_writes_logged(p_then jsonb, p_table regclass); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_writes_logged(p_then jsonb, p_table regclass) IS 'Whether p_table''s version (ip_workbench.layer_versions) now is its version in the statement context p_then -> ''judged'' plus what the writes logged since (scout_internal.logged_writes, by a transaction that snapshot did not see) account for: then its change logs (scout_internal.silver_changed_keys, gold_store_rebuilt_cells) hold every change since.';


--
-- Name: dq_written_since(xid8, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.dq_written_since(p_xid xid8, p_then jsonb) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT ((p_xid >= pg_snapshot_xmin((((p_then -> 'judged'::text) ->> 'snapshot'::text))::pg_snapshot)) AND (NOT pg_visible_in_snapshot(p_xid, (((p_then -> 'judged'::text) ->> 'snapshot'::text))::pg_snapshot)) AND (p_xid IS DISTINCT FROM (((p_then -> 'judged'::text) ->> 'xact'::text))::xid8));
END;


--
-- Name: FUNCTION dq_written_since(p_xid xid8, p_then jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.dq_written_since(p_xid xid8, p_then jsonb) IS 'Whether a row written by transaction p_xid is new to a check whose previous judgement saw the statement context p_then -> ''judged'': not visible in its snapshot, and not its own transaction. Inlined where it is called, so the snapshot''s xmin bounds an index scan of the log. Its search_path is left unpinned on purpose, as scout_internal.is_unprocessed''s (docs/reliability.md).';


--
-- Name: drop_indexes_for_load(regclass); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.drop_indexes_for_load(p_table regclass) RETURNS text[]
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_definitions text[];
    v_names text;
begin
    if not pg_catalog.pg_has_role((select c.relowner from pg_catalog.pg_class c where c.oid = p_table), 'USAGE') then
        return '{}'::text[];
    end if;
    select pg_catalog.array_agg(pg_catalog.pg_get_indexdef(i.indexrelid) order by i.indexrelid),
           pg_catalog.string_agg(i.indexrelid::regclass::text, ', ')
      into v_definitions, v_names
      from pg_catalog.pg_index i
     where i.indrelid = p_table and not i.indisprimary;
    if v_names is not null then
        execute 'drop index ' || v_names;
    end if;
    return coalesce(v_definitions, '{}'::text[]);
end
$$;


--
-- Name: FUNCTION drop_indexes_for_load(p_table regclass); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.drop_indexes_for_load(p_table regclass) IS 'For a bulk load into an empty table: drops p_table''s indexes but its primary key and returns their definitions (pg_get_indexdef), for the load to run after its insert; drops nothing and returns none unless the caller may act as the table''s owner.';


--
-- Name: embedding_backlog(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.embedding_backlog(p_model text) RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select pg_catalog.count(*) from scout.platinum_transaction_embeddings e
     where e.embedding is null or e.embedding_model is distinct from p_model
$$;


--
-- Name: FUNCTION embedding_backlog(p_model text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.embedding_backlog(p_model text) IS 'How many Platinum sentences wait for a vector of model p_model (none yet, or another model''s): scout-db embed''s progress bar.';


--
-- Name: dq_alerts; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.dq_alerts (
    id bigint NOT NULL,
    schema_name text,
    table_name text,
    layer text,
    dq_score numeric(5,2),
    threshold numeric(5,2),
    scores jsonb,
    failing_checks jsonb DEFAULT '[]'::jsonb NOT NULL,
    opened_run_id bigint,
    opened_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_run_id bigint,
    closed_at timestamp with time zone,
    closed_score numeric(5,2),
    kind text DEFAULT 'data_quality'::text NOT NULL,
    subject text NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT dq_alerts_data_quality_names_a_table CHECK (((kind <> 'data_quality'::text) OR ((table_name IS NOT NULL) AND (dq_score IS NOT NULL) AND (threshold IS NOT NULL) AND (scores IS NOT NULL) AND (opened_run_id IS NOT NULL)))),
    CONSTRAINT dq_alerts_kind_check CHECK ((kind = ANY (ARRAY['data_quality'::text, 'job_failed'::text, 'sales_anomaly'::text])))
);

ALTER TABLE ONLY ip_workbench.dq_alerts FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE dq_alerts; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.dq_alerts IS 'Alerts people are paged on, of three kinds: data_quality (a table whose score is below dq_alert_threshold, closed when it recovers), job_failed (a failed or abandoned run, closed by the job''s next good run) and sales_anomaly (once per category and week, closed as raised). One open alert per subject, raised with NOTIFY scout_dq_alert; the same problem again updates it, never adds another. scout-db dq alert delivers them.';


--
-- Name: COLUMN dq_alerts.id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.id IS 'Alert id.';


--
-- Name: COLUMN dq_alerts.schema_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.schema_name IS 'Schema of the table (data_quality; scout for sales_anomaly; NULL for job_failed).';


--
-- Name: COLUMN dq_alerts.table_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.table_name IS 'The table (data_quality; gold_sales_anomalies for sales_anomaly; NULL for job_failed).';


--
-- Name: COLUMN dq_alerts.layer; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.layer IS 'Its layer.';


--
-- Name: COLUMN dq_alerts.dq_score; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.dq_score IS 'data_quality: the score that paged when it was raised (the overall score; for Bronze, its timeliness).';


--
-- Name: COLUMN dq_alerts.threshold; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.threshold IS 'data_quality: the alert threshold then.';


--
-- Name: COLUMN dq_alerts.scores; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.scores IS 'data_quality: its dimension scores then, and the cumulative score.';


--
-- Name: COLUMN dq_alerts.failing_checks; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.failing_checks IS 'data_quality: the checks that failed then, with recent and cumulative counts and sample keys.';


--
-- Name: COLUMN dq_alerts.opened_run_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.opened_run_id IS 'data_quality: the run that raised it.';


--
-- Name: COLUMN dq_alerts.opened_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.opened_at IS 'When it was raised.';


--
-- Name: COLUMN dq_alerts.last_seen_run_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.last_seen_run_id IS 'data_quality: the latest run that still found the score below the threshold.';


--
-- Name: COLUMN dq_alerts.closed_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.closed_at IS 'When it was over (score recovered, the job ran well, or at once for an anomaly); NULL while open.';


--
-- Name: COLUMN dq_alerts.closed_score; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.closed_score IS 'data_quality: the score that closed it.';


--
-- Name: COLUMN dq_alerts.kind; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.kind IS 'data_quality, job_failed or sales_anomaly.';


--
-- Name: COLUMN dq_alerts.subject; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.subject IS 'What it is about: schema.table, the job''s name, or "category, week of YYYY-MM-DD".';


--
-- Name: COLUMN dq_alerts.details; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alerts.details IS 'For job_failed: run_id, status, step, sqlstate, message and times (failures while open); for sales_anomaly: week_start, category, direction, total_amount, expected_amount. Empty for data_quality, whose figures have columns.';


--
-- Name: event_alert_message(ip_workbench.dq_alerts, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.event_alert_message(p_alert ip_workbench.dq_alerts, p_format text, p_report text) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
    d jsonb := p_alert.details;
    v_title text;
    v_chat text;
    v_lines text[];
    v_next text;
begin
    if p_alert.kind = 'job_failed' then
        v_title := pg_catalog.format('Job %s %s%s', p_alert.subject, coalesce(d ->> 'status', 'failed'),
                                     coalesce(' in step ' || (d ->> 'step'), ''));
        v_chat := pg_catalog.format(':rotating_light: Job %s %s%s', scout_internal.markdown_code(p_alert.subject),
                                    coalesce(d ->> 'status', 'failed'),
                                    coalesce(' in step ' || scout_internal.markdown_code(d ->> 'step'), ''));
        v_lines := array[pg_catalog.format('Error: %s%s', coalesce(d ->> 'message', 'none recorded'),
                                           coalesce(' (SQLSTATE ' || (d ->> 'sqlstate') || ')', '')),
                         pg_catalog.format('Run %s; failures while open: %s', coalesce(d ->> 'run_id', '?'),
                                           coalesce(d ->> 'times', '1'))];
        v_next := pg_catalog.format('scout-db jobs list; select * from ip_workbench.job_runs where id = %s',
                                    coalesce(d ->> 'run_id', '0'));
    elsif p_alert.kind = 'sales_anomaly' then
        v_title := pg_catalog.format('Sales %s: %s', d ->> 'direction', p_alert.subject);
        v_chat := pg_catalog.format(':chart_with_downwards_trend: Sales %s: %s, week of %s', d ->> 'direction',
                                    scout_internal.markdown_code(d ->> 'category'), d ->> 'week_start');
        v_lines := array[pg_catalog.format('Sold %s in the week against about %s expected from the weeks before',
                                           pg_catalog.to_char((d ->> 'total_amount')::numeric, 'FM999G999G999G990D00'),
                                           pg_catalog.to_char((d ->> 'expected_amount')::numeric, 'FM999G999G999G990D00'))];
        v_next := pg_catalog.format('select * from scout.gold_sales_anomalies where week_start = %L', d ->> 'week_start');
    else
        raise exception 'alert % is of kind %, which has no message here', p_alert.id, p_alert.kind using errcode = '22023';
    end if;
    v_title := scout_internal.plain_line(v_title);
    if p_format = 'generic' then
        return pg_catalog.jsonb_build_object('alert_id', p_alert.id, 'kind', p_alert.kind, 'subject', p_alert.subject,
                                             'details', d, 'opened_at', p_alert.opened_at, 'report', p_report);
    elsif p_format = 'mattermost' then
        return pg_catalog.jsonb_build_object(
            'text', v_chat,
            'attachments', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                'fallback', v_title, 'color', case p_alert.kind when 'job_failed' then '#d9534f' else '#f0ad4e' end,
                'title', v_title,
                'text', (select pg_catalog.string_agg(scout_internal.markdown_code(l), E'\n') from pg_catalog.unnest(v_lines) l)
                        || E'\nNext: ' || scout_internal.markdown_code(v_next) || coalesce(E'\nReport: ' || p_report, ''),
                'footer', pg_catalog.format('alert %s, raised %s', p_alert.id,
                                            pg_catalog.to_char(p_alert.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')))));
    elsif p_format = 'email' then
        return pg_catalog.jsonb_build_object(
            'subject', '[scout] ' || v_title,
            'body', v_title || E'\n\n'
                || (select pg_catalog.string_agg(scout_internal.plain_line(l), E'\n') from pg_catalog.unnest(v_lines) l)
                || E'\n\nNext: ' || scout_internal.plain_line(v_next) || E'\n\n'
                || pg_catalog.format('Alert %s, raised %s.', p_alert.id,
                                     pg_catalog.to_char(p_alert.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'))
                || coalesce(' Report: ' || p_report, '') || E'\n');
    end if;
    raise exception 'format must be mattermost, generic or email, got %', p_format using errcode = '22023';
end
$$;


--
-- Name: FUNCTION event_alert_message(p_alert ip_workbench.dq_alerts, p_format text, p_report text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.event_alert_message(p_alert ip_workbench.dq_alerts, p_format text, p_report text) IS 'The message about p_alert, a job_failed or sales_anomaly alert, in format mattermost, generic or email (as scout_internal.dq_alert_message): what happened, its figures, the query to look at next, and the report p_report when given. Data is a code span in chat and a plain line in email.';


--
-- Name: fold_case(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.fold_case(p_text text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (octet_length(p_text) = length(p_text)) THEN (lower((p_text COLLATE "C")) COLLATE "default")
             ELSE (lower((p_text COLLATE "und-x-icu")) COLLATE "default")
         END AS lower;
END;


--
-- Name: FUNCTION fold_case(p_text text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.fold_case(p_text text) IS 'p_text lower-cased by locale-independent rules (C for ASCII, ICU root otherwise; the database''s locale on a server without ICU), for case-insensitive matching. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: gold_apply_monthly_totals(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.gold_apply_monthly_totals() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_apply_monthly_totals');
    perform 'PRAGMA:TABLE: gold_changed_months (category text, month date, reaggregate boolean)';
    perform 'PRAGMA:TABLE: gold_changed_month_days (category text, month date, day date)';
    perform 'PRAGMA:TABLE: gold_claimed_changes (category text, day date, month date, week_start date, customer_id text, transactions numeric, amount numeric, quantity numeric)';
    -- re-aggregated months: from Silver, every day of the month joined on its key
    delete from scout_internal.gold_monthly_category_totals t
     using pg_temp.gold_changed_months c
     where c.reaggregate and t.category = c.category and t.month = c.month;
    insert into scout_internal.gold_monthly_category_totals
           (month, category, total_amount, transaction_count, total_quantity, unique_customers)
    select d.month, d.category, pg_catalog.sum(s.amount), pg_catalog.count(*), pg_catalog.sum(s.quantity),
           pg_catalog.count(distinct s.customer_id)
      from pg_temp.gold_changed_month_days d
      join scout.silver_validated_transactions s
        on s.category = d.category and s.transaction_date = d.day
     group by d.month, d.category;
    -- The differences, where the month was not re-aggregated. unique_customers moves
    -- by the customers whose rows there went from none to some (+1) or from some to
    -- none (-1): Silver, read now, holds the rows after the change.
    if pg_catalog.to_regclass('pg_temp.gold_unique_customer_moves') is not null then
        drop table pg_temp.gold_unique_customer_moves;  -- an earlier refresh in this transaction
    end if;
    create temp table gold_unique_customer_moves on commit drop as
    select c.category, c.month,
           pg_catalog.count(*) filter (where n.now > 0 and n.now = c.net)
           - pg_catalog.count(*) filter (where n.now = 0) as moved
      from (select x.category, x.month, x.customer_id, pg_catalog.sum(x.transactions) as net
              from pg_temp.gold_claimed_changes x
              join pg_temp.gold_changed_months m
                on m.category = x.category and m.month = x.month and not m.reaggregate
             where x.customer_id is not null
             group by x.category, x.month, x.customer_id
            having pg_catalog.sum(x.transactions) <> 0) c
     cross join lateral (
         select pg_catalog.count(*) as now
           from scout.silver_validated_transactions s
          where s.customer_id = c.customer_id and s.category = c.category
            and s.transaction_date >= c.month
            and s.transaction_date < (c.month + interval '1 month')::date) n
     group by c.category, c.month;
    insert into scout_internal.gold_monthly_category_totals as t
           (month, category, total_amount, transaction_count, total_quantity, unique_customers)
    select d.month, d.category, d.amount, d.transactions, d.quantity, coalesce(u.moved, 0)
      from (select c.month, c.category, pg_catalog.sum(c.amount) as amount,
                   pg_catalog.sum(c.transactions) as transactions, pg_catalog.sum(c.quantity) as quantity
              from pg_temp.gold_claimed_changes c
              join pg_temp.gold_changed_months m
                on m.category = c.category and m.month = c.month and not m.reaggregate
             group by c.month, c.category) d
      left join pg_temp.gold_unique_customer_moves u on u.category = d.category and u.month = d.month
    on conflict (category, month) do update
       set total_amount = t.total_amount + excluded.total_amount,
           transaction_count = t.transaction_count + excluded.transaction_count,
           total_quantity = t.total_quantity + excluded.total_quantity,
           unique_customers = t.unique_customers + excluded.unique_customers,
           refreshed_at = pg_catalog.now();
    delete from scout_internal.gold_monthly_category_totals t
     using pg_temp.gold_changed_months m
     where not m.reaggregate and t.category = m.category and t.month = m.month and t.transaction_count = 0;
end
$$;


--
-- Name: FUNCTION gold_apply_monthly_totals(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.gold_apply_monthly_totals() IS 'Step 2 of scout.refresh_gold: re-aggregates the queued months of scout_internal.gold_monthly_category_totals from Silver and adds the claimed differences to the others (unique_customers by the customers whose rows in the month went from none to some or back, looked up in Silver); a month left with no transaction is deleted. Reads the temporary tables of scout_internal.gold_claim_changes. Only inside scout.refresh_gold (55000 otherwise).';


--
-- Name: gold_apply_store_daily_sales(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.gold_apply_store_daily_sales() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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
$$;


--
-- Name: FUNCTION gold_apply_store_daily_sales(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.gold_apply_store_daily_sales() IS 'Step of scout.refresh_gold: claims the queued (store, category, day) cells of scout_internal.gold_store_days_to_rebuild (those before the Silver retention boundary are dropped), recomputes their rows of scout.gold_store_daily_sales from Silver (a whole (category, day) where all_stores; an empty mart from all of Silver in one pass, with its indexes built after the rows when Silver holds silver_first_load_rebuilds_indexes_from rows or more (pg_class.reltuples) and the caller owns the mart), and marks the days before business_today() complete; logs the cells it recomputed (scout_internal.gold_store_rebuilt_cells, with the mart''s version before and after in scout_internal.logged_writes) unless it built the mart whole. Returns {"store_cells_rebuilt", "store_rows_written", "store_rows_completed"}. Only inside scout.refresh_gold (55000 otherwise).';


--
-- Name: gold_apply_weekly_totals(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.gold_apply_weekly_totals() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_apply_weekly_totals');
    perform 'PRAGMA:TABLE: gold_changed_weeks (category text, week_start date, reaggregate boolean)';
    perform 'PRAGMA:TABLE: gold_changed_week_days (category text, week_start date, day date)';
    perform 'PRAGMA:TABLE: gold_claimed_changes (category text, day date, month date, week_start date, customer_id text, transactions numeric, amount numeric, quantity numeric)';
    delete from scout_internal.gold_weekly_category_totals t
     using pg_temp.gold_changed_weeks c
     where c.reaggregate and t.category = c.category and t.week_start = c.week_start;
    insert into scout_internal.gold_weekly_category_totals (week_start, category, total_amount, transaction_count)
    select d.week_start, d.category, pg_catalog.sum(s.amount), pg_catalog.count(*)
      from pg_temp.gold_changed_week_days d
      join scout.silver_validated_transactions s
        on s.category = d.category and s.transaction_date = d.day
     group by d.week_start, d.category;
    insert into scout_internal.gold_weekly_category_totals as t (week_start, category, total_amount, transaction_count)
    select c.week_start, c.category, pg_catalog.sum(c.amount), pg_catalog.sum(c.transactions)
      from pg_temp.gold_claimed_changes c
      join pg_temp.gold_changed_weeks w
        on w.category = c.category and w.week_start = c.week_start and not w.reaggregate
     group by c.week_start, c.category
    on conflict (category, week_start) do update
       set total_amount = t.total_amount + excluded.total_amount,
           transaction_count = t.transaction_count + excluded.transaction_count,
           refreshed_at = pg_catalog.now();
    delete from scout_internal.gold_weekly_category_totals t
     using pg_temp.gold_changed_weeks w
     where not w.reaggregate and t.category = w.category and t.week_start = w.week_start
       and t.transaction_count = 0;
end
$$;


--
-- Name: FUNCTION gold_apply_weekly_totals(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.gold_apply_weekly_totals() IS 'Step 3 of scout.refresh_gold: re-aggregates the queued weeks of scout_internal.gold_weekly_category_totals from Silver and adds the claimed differences to the others; a week left with no transaction is deleted. Reads the temporary tables of scout_internal.gold_claim_changes. Only inside scout.refresh_gold (55000 otherwise).';


--
-- Name: gold_build_category_trends(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.gold_build_category_trends() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_gold_from date := scout_internal.gold_kept_from();
    v_today date := scout_internal.business_today();
    v_rows bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_build_category_trends');
    perform 'PRAGMA:TABLE: gold_changed_categories (category text)';
    delete from scout.gold_category_trends g
     using pg_temp.gold_changed_categories c where g.category = c.category;
    -- dense to the current week (a category that stops selling shows its zero weeks);
    -- a week is scored once it is over (is_complete)
    insert into scout.gold_category_trends
           (week_start, category, total_amount, transaction_count, moving_avg_4w, baseline_mean,
            baseline_stddev, z_score, is_anomaly, is_complete)
    select w.week_start, w.category, w.total_amount, w.transaction_count,
           case when w.is_complete then w.moving_avg_4w end,
           w.baseline_mean, w.baseline_stddev,
           case when w.is_complete then z.z_score end,
           w.is_complete and coalesce(pg_catalog.abs(z.z_score) > 2, false),
           w.is_complete
      from (
          select d.week_start, d.category, d.total_amount, d.transaction_count, d.week_start + 7 <= v_today as is_complete,
                 pg_catalog.avg(d.total_amount) over four_weeks as moving_avg_4w,
                 pg_catalog.avg(d.total_amount) over baseline as baseline_mean,
                 pg_catalog.stddev_samp(d.total_amount) over baseline as baseline_stddev,
                 pg_catalog.count(*) over baseline as baseline_weeks
            from (
                select g.week_start::date as week_start, b.category,
                       coalesce(t.total_amount, 0) as total_amount, coalesce(t.transaction_count, 0) as transaction_count
                  from (select x.category, pg_catalog.min(x.week_start) as first_week
                          from scout_internal.gold_weekly_category_totals x
                          join pg_temp.gold_changed_categories c on c.category = x.category
                         group by x.category) b
                 cross join lateral pg_catalog.generate_series(
                           b.first_week, greatest(b.first_week, date_trunc('week', v_today::timestamp)::date),
                           interval '1 week') as g(week_start)
                  left join scout_internal.gold_weekly_category_totals t
                    on t.category = b.category and t.week_start = g.week_start::date
            ) d
          window four_weeks as (partition by d.category order by d.week_start rows between 3 preceding and current row),
                 baseline as (partition by d.category order by d.week_start rows between 8 preceding and 1 preceding)
      ) w
     cross join lateral (
          select case when w.baseline_weeks >= 4 and w.baseline_stddev > 0
                      then (w.total_amount - w.baseline_mean) / w.baseline_stddev end as z_score
      ) z
     where w.week_start >= v_gold_from;  -- older weeks were purged by retention
    get diagnostics v_rows = row_count;
    return v_rows;
end
$$;


--
-- Name: FUNCTION gold_build_category_trends(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.gold_build_category_trends() IS 'Mart step of scout.refresh_gold: rewrites scout.gold_category_trends for the categories in pg_temp.gold_changed_categories from scout_internal.gold_weekly_category_totals, dense from the category''s first week to the current one (0 for a week without sales), with the 4-week moving average and the z-score against the 8 weeks before (at least 4, not all equal), both NULL and is_anomaly false while the week is not over (is_complete), from the first week Gold keeps; returns the rows written. Only inside scout.refresh_gold (55000 otherwise).';


--
-- Name: gold_build_monthly_summary(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.gold_build_monthly_summary() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_gold_from date := scout_internal.gold_kept_from();
    v_today date := scout_internal.business_today();
    v_rows bigint;
    v_version_before bigint := (select v.version from ip_workbench.layer_versions v
                                 where v.table_name = 'scout.gold_monthly_summary'::regclass);
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_build_monthly_summary');
    perform 'PRAGMA:TABLE: gold_changed_categories (category text)';
    perform 'PRAGMA:TABLE: gold_monthly_before (month date, category text, total_amount numeric, transaction_count bigint)';
    if pg_catalog.to_regclass('pg_temp.gold_monthly_before') is not null then
        drop table pg_temp.gold_monthly_before;
    end if;
    create temp table gold_monthly_before on commit drop as
    select m.month, m.category, m.total_amount, m.transaction_count
      from scout.gold_monthly_summary m join pg_temp.gold_changed_categories c on c.category = m.category;
    delete from scout.gold_monthly_summary m
     using pg_temp.gold_changed_categories c where m.category = c.category;
    -- A month is compared with whole months only once it is over (is_complete): the
    -- running month's comparisons are NULL, and it gets a like-for-like month-to-date
    -- growth instead: its complete days (before today) against as many first days of
    -- the month before, read from Silver. Each period is its own range of Silver's
    -- (category, transaction_date) index, which carries the amount: an index-only
    -- scan each, six times faster than one bitmap scan of both through the table.
    insert into scout.gold_monthly_summary
           (month, category, total_amount, transaction_count, avg_amount, total_quantity, unique_customers,
            mom_growth_pct, yoy_growth_pct, moving_avg_3m, is_complete, mtd_growth_pct)
    select t.month, t.category, t.total_amount, t.transaction_count,
           t.total_amount / t.transaction_count,
           t.total_quantity, t.unique_customers,
           case when c.is_complete
                then pg_catalog.round(100 * (t.total_amount - prev.total_amount) / prev.total_amount, 2) end,
           case when c.is_complete
                then pg_catalog.round(100 * (t.total_amount - last_year.total_amount) / last_year.total_amount, 2) end,
           case when c.is_complete
                then (t.total_amount + coalesce(prev.total_amount, 0) + coalesce(prev2.total_amount, 0))
                     / least(3, 1 + (extract(year from t.month) - extract(year from f.first_month)) * 12
                                  + extract(month from t.month) - extract(month from f.first_month)) end,
           c.is_complete,
           case when not c.is_complete and v_today > t.month
                then (select pg_catalog.round(100 * (d.now_amount - d.then_amount) / nullif(d.then_amount, 0), 2)
                        from (select (select pg_catalog.sum(x.amount) from scout.silver_validated_transactions x
                                       where x.category = t.category
                                         and x.transaction_date >= t.month and x.transaction_date < v_today) as now_amount,
                                     (select pg_catalog.sum(x.amount) from scout.silver_validated_transactions x
                                       where x.category = t.category
                                         and x.transaction_date >= (t.month - interval '1 month')::date
                                         and x.transaction_date < least((t.month - interval '1 month')::date
                                                                        + (v_today - t.month), t.month)) as then_amount) d) end
      from scout_internal.gold_monthly_category_totals t
      join pg_temp.gold_changed_categories ch on ch.category = t.category
      cross join lateral (select (t.month + interval '1 month')::date <= v_today as is_complete) c
      join (select x.category, pg_catalog.min(x.month) as first_month
              from scout_internal.gold_monthly_category_totals x group by x.category) f on f.category = t.category
      left join scout_internal.gold_monthly_category_totals prev
        on prev.category = t.category and prev.month = (t.month - interval '1 month')::date
      left join scout_internal.gold_monthly_category_totals prev2
        on prev2.category = t.category and prev2.month = (t.month - interval '2 months')::date
      left join scout_internal.gold_monthly_category_totals last_year
        on last_year.category = t.category and last_year.month = (t.month - interval '1 year')::date
     where t.month >= v_gold_from;  -- older months were purged by retention
    get diagnostics v_rows = row_count;
    insert into scout_internal.gold_monthly_changed_totals (month, category)
    select coalesce(n.month, o.month), coalesce(n.category, o.category)
      from (select m.month, m.category, m.total_amount, m.transaction_count
              from scout.gold_monthly_summary m join pg_temp.gold_changed_categories c on c.category = m.category) n
      full join pg_temp.gold_monthly_before o on o.month = n.month and o.category = n.category
     where (n.total_amount, n.transaction_count) is distinct from (o.total_amount, o.transaction_count);
    insert into scout_internal.logged_writes (table_name, version_before, version_after)
    select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
     where v.table_name = 'scout.gold_monthly_summary'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    return v_rows;
end
$$;


--
-- Name: FUNCTION gold_build_monthly_summary(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.gold_build_monthly_summary() IS 'Mart step of scout.refresh_gold: rewrites scout.gold_monthly_summary for the categories in pg_temp.gold_changed_categories from scout_internal.gold_monthly_category_totals (MoM and YoY growth and the 3-month moving average over the months the category has had, NULL while the month is not over, is_complete; for the running month the month-to-date growth of its complete days against the same first days of the month before, mtd_growth_pct), from the first month Gold keeps; logs the months whose total_amount or transaction_count changed (scout_internal.gold_monthly_changed_totals, with the mart''s version before and after in scout_internal.logged_writes); returns the rows written. Only inside scout.refresh_gold (55000 otherwise).';


--
-- Name: gold_claim_changes(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.gold_claim_changes() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_frozen_before date := scout_internal.silver_frozen_before();
    v_today date := scout_internal.business_today();
    v_built_for date;  -- the business day of the previous build
    v_new_day boolean;
    v_days bigint;
    v_change_rows bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_claim_changes');
    if pg_catalog.to_regclass('pg_temp.gold_changed_days') is not null then
        drop table pg_temp.gold_changed_days, pg_temp.gold_claimed_changes, pg_temp.gold_changed_months,
                   pg_temp.gold_changed_weeks, pg_temp.gold_changed_categories, pg_temp.gold_changed_month_days,
                   pg_temp.gold_changed_week_days;
    end if;
    -- Silver and the queue of differences must be read as of one moment, or a merge
    -- committing in between would be counted twice (in a re-aggregated month and
    -- again as a difference). This waits for merges still queueing and holds new
    -- ones at their queueing until this commits; readers are never blocked.
    lock table scout_internal.gold_differences_to_add in share mode;
    create temp table gold_changed_days on commit drop as
    with taken as (delete from scout_internal.gold_days_to_reaggregate returning category, day)
    select distinct t.category, t.day from taken t
     -- months before Silver's retention boundary are frozen: their Silver rows are gone
     where t.day >= v_frozen_before;
    get diagnostics v_days = row_count;
    create temp table gold_claimed_changes on commit drop as
    with taken as (delete from scout_internal.gold_differences_to_add
                   returning category, day, customer_id, transactions, amount, quantity)
    select t.category, t.day, date_trunc('month', t.day::timestamp)::date as month,
           date_trunc('week', t.day::timestamp)::date as week_start, t.customer_id,
           pg_catalog.sum(t.transactions) as transactions, pg_catalog.sum(t.amount) as amount,
           pg_catalog.sum(t.quantity) as quantity
      from taken t
     where t.day >= v_frozen_before
     group by t.category, t.day, t.customer_id;
    get diagnostics v_change_rows = row_count;

    -- Re-aggregated from Silver: the months and weeks of queued days. Every other
    -- month and week with differences gets them added.
    create temp table gold_changed_months on commit drop as
    select distinct d.category, date_trunc('month', d.day::timestamp)::date as month, true as reaggregate
      from pg_temp.gold_changed_days d;
    insert into pg_temp.gold_changed_months (category, month, reaggregate)
    select distinct c.category, c.month, false
      from pg_temp.gold_claimed_changes c
     where not exists (select 1 from pg_temp.gold_changed_months m
                        where m.category = c.category and m.month = c.month);
    create temp table gold_changed_weeks on commit drop as
    select distinct d.category, date_trunc('week', d.day::timestamp)::date as week_start, true as reaggregate
      from pg_temp.gold_changed_days d
     where date_trunc('week', d.day::timestamp)::date >= v_frozen_before;  -- a week across the boundary is frozen too
    insert into pg_temp.gold_changed_weeks (category, week_start, reaggregate)
    select distinct c.category, c.week_start, false
      from pg_temp.gold_claimed_changes c
     where c.week_start >= v_frozen_before
       and not exists (select 1 from pg_temp.gold_changed_weeks w
                        where w.category = c.category and w.week_start = c.week_start);
    -- A new business day ends periods (is_complete, the comparisons, the anomaly rule)
    -- and moves the running month's month-to-date and the current week: every category.
    v_built_for := (select s.built_for from scout_internal.gold_build_state s);
    v_new_day := coalesce(v_built_for <> v_today, true);
    insert into scout_internal.gold_build_state as s (only_row, built_for) values (true, v_today)
    on conflict (only_row) do update set built_for = excluded.built_for where s.built_for <> excluded.built_for;
    -- A week's paging judgement reads its total and the 12 complete weeks before, so it
    -- can change only from the first changed week on, or from the first week that was
    -- still running at the last build (v_built_for, none: every week), and near the
    -- retention boundary (scout_internal.gold_find_sales_anomalies judges those always).
    create temp table gold_changed_categories on commit drop as
    select c.category, pg_catalog.min(c.judge_from) as judge_from
      from (select m.category, 'infinity'::date as judge_from from pg_temp.gold_changed_months m
            union all
            select w.category, w.week_start from pg_temp.gold_changed_weeks w
            union all
            select t.category, coalesce(date_trunc('week', (v_built_for - 7)::timestamp)::date, '-infinity'::date)
              from scout_internal.gold_monthly_category_totals t where v_new_day
            union all
            select t.category, coalesce(date_trunc('week', (v_built_for - 7)::timestamp)::date, '-infinity'::date)
              from scout_internal.gold_weekly_category_totals t where v_new_day) c
     group by c.category;
    -- Every day of each re-aggregated month and week, so Silver is joined on its
    -- (category, transaction_date) key: an index probe per day for a small change,
    -- one hash join for a full rebuild. Materialised and analysed so the planner
    -- knows which of the two it is facing.
    create temp table gold_changed_month_days on commit drop as
    select c.category, c.month, d.day::date as day
      from pg_temp.gold_changed_months c
     cross join lateral pg_catalog.generate_series(c.month, (c.month + interval '1 month - 1 day')::date,
                                                   interval '1 day') as d(day)
     where c.reaggregate;
    create temp table gold_changed_week_days on commit drop as
    select c.category, c.week_start, d.day::date as day
      from pg_temp.gold_changed_weeks c
     cross join lateral pg_catalog.generate_series(c.week_start, c.week_start + 6, interval '1 day') as d(day)
     where c.reaggregate;
    analyze pg_temp.gold_changed_months;
    analyze pg_temp.gold_changed_weeks;
    analyze pg_temp.gold_changed_month_days;
    analyze pg_temp.gold_changed_week_days;
    return pg_catalog.jsonb_build_object(
        'changed_days', v_days,
        'changes_applied', v_change_rows,
        'months_reaggregated', (select pg_catalog.count(*) from pg_temp.gold_changed_months m where m.reaggregate),
        'months_recomputed', (select pg_catalog.count(*) from pg_temp.gold_changed_months),
        'weeks_recomputed', (select pg_catalog.count(*) from pg_temp.gold_changed_weeks),
        'categories_rewritten', (select pg_catalog.count(*) from pg_temp.gold_changed_categories),
        'new_business_day', v_new_day);
end
$$;


--
-- Name: FUNCTION gold_claim_changes(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.gold_claim_changes() IS 'Step 1 of scout.refresh_gold: takes every queued day (scout_internal.gold_days_to_reaggregate) and difference (scout_internal.gold_differences_to_add) its snapshot sees, leaves the months, weeks and categories they touch in temporary tables for the steps after it (with each category''s first week whose paging judgement may have changed), on the first run of a business day adds every category (periods end, the running ones move), and returns their counts {"changed_days", "changes_applied", "months_reaggregated", "months_recomputed", "weeks_recomputed", "categories_rewritten", "new_business_day"}. Only inside scout.refresh_gold (55000 otherwise).';


--
-- Name: gold_find_sales_anomalies(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.gold_find_sales_anomalies() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_today date := scout_internal.business_today();
    v_flagged bigint;
    v_new jsonb;
begin
    perform scout_internal.require_job_lock('scout.refresh_gold', 'scout_internal.gold_find_sales_anomalies');
    perform 'PRAGMA:TABLE: gold_changed_categories (category text, judge_from date)';
    if pg_catalog.to_regclass('pg_temp.gold_flagged_weeks') is not null then
        drop table pg_temp.gold_judged_weeks, pg_temp.gold_flagged_weeks;
    end if;
    create temp table gold_judged_weeks on commit drop as
    select h.week_start, h.category, h.total_amount, h.history, h.baseline_weeks
      from (select g.week_start, g.category, g.total_amount, c.judge_from,
                   pg_catalog.array_agg(g.total_amount) over earlier as history,
                   pg_catalog.count(*) over earlier as baseline_weeks,
                   pg_catalog.row_number() over (partition by g.category order by g.week_start) as week_number
              from scout.gold_category_trends g
              join pg_temp.gold_changed_categories c on c.category = g.category
             where g.is_complete
            window earlier as (partition by g.category order by g.week_start rows between 12 preceding and 1 preceding)) h
     where h.week_start >= h.judge_from or h.week_number <= 13;
    create temp table gold_flagged_weeks on commit drop as
    select j.week_start, j.category, a.direction, j.total_amount, a.expected_amount, j.baseline_weeks
      from pg_temp.gold_judged_weeks j
     cross join lateral scout_internal.sales_anomaly(j.total_amount, j.history) a;

    -- a judged week no longer flagged (or flagged the other way), and a week Gold no
    -- longer keeps, leave
    delete from scout.gold_sales_anomalies s
     using pg_temp.gold_changed_categories c
     where s.category = c.category
       and (exists (select 1 from pg_temp.gold_judged_weeks j where j.category = s.category and j.week_start = s.week_start)
            or not exists (select 1 from scout.gold_category_trends g
                            where g.category = s.category and g.week_start = s.week_start and g.is_complete))
       and not exists (select 1 from pg_temp.gold_flagged_weeks f
                        where f.category = s.category and f.week_start = s.week_start and f.direction = s.direction);
    with added as (
        insert into scout.gold_sales_anomalies as s
               (week_start, category, direction, total_amount, expected_amount, baseline_weeks)
        select f.week_start, f.category, f.direction, f.total_amount, f.expected_amount, f.baseline_weeks
          from pg_temp.gold_flagged_weeks f
        on conflict (category, week_start) do update
           set total_amount = excluded.total_amount, expected_amount = excluded.expected_amount,
               baseline_weeks = excluded.baseline_weeks
         where (s.total_amount, s.expected_amount, s.baseline_weeks)
               is distinct from (excluded.total_amount, excluded.expected_amount, excluded.baseline_weeks)
        returning s.week_start, s.category, s.direction, s.total_amount, s.expected_amount, (s.xmax = 0) as is_new
    )
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'week_start', a.week_start, 'category', a.category, 'direction', a.direction,
               'total_amount', a.total_amount, 'expected_amount', pg_catalog.round(a.expected_amount, 2))
               order by a.week_start, a.category), '[]'::jsonb)
      into v_new
      from added a
     where a.is_new and a.week_start >= date_trunc('week', v_today::timestamp)::date - 21;
    -- the same path as every alert (a row of ip_workbench.dq_alerts, NOTIFY
    -- scout_dq_alert, the webhook), once per category and week
    perform pg_catalog.pg_notify('scout_sales_anomaly', n.anomaly::text),
            scout_internal.raise_alert('sales_anomaly',
                                       pg_catalog.format('%s, week of %s', n.anomaly ->> 'category', n.anomaly ->> 'week_start'),
                                       n.anomaly)
       from pg_catalog.jsonb_array_elements(v_new) n(anomaly);
    select pg_catalog.count(*) into v_flagged
      from scout.gold_sales_anomalies s join pg_temp.gold_changed_categories c on c.category = s.category;
    return pg_catalog.jsonb_build_object('anomalies', v_flagged, 'anomalies_new', v_new);
end
$$;


--
-- Name: FUNCTION gold_find_sales_anomalies(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.gold_find_sales_anomalies() IS 'Paging step of scout.refresh_gold: judges the complete weeks of the categories in pg_temp.gold_changed_categories whose judgement may have changed (from the category''s judge_from week on, and its first 13 complete weeks) with scout_internal.sales_anomaly against the up to 12 weeks before, keeps scout.gold_sales_anomalies in step (new rows inserted with their detected_at, rows no longer flagged deleted), and sends each newly flagged week among the last three complete ones once on NOTIFY channel scout_sales_anomaly and as a sales_anomaly alert (scout_internal.raise_alert: ip_workbench.dq_alerts, NOTIFY scout_dq_alert, delivered like every alert). Returns {"anomalies": flagged weeks of those categories, "anomalies_new": the weeks announced}. Only inside scout.refresh_gold (55000 otherwise).';


--
-- Name: gold_kept_from(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.gold_kept_from() RETURNS date
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select pg_catalog.date_trunc('month', current_date - (scout_internal.setting('gold_retention_days'))::int)::date
$$;


--
-- Name: FUNCTION gold_kept_from(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.gold_kept_from() IS 'The first day of the month gold_retention_days ago (ip_workbench.settings): Gold''s marts hold no month or week before it.';


--
-- Name: oldest_unjudged_bronze(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.oldest_unjudged_bronze(p_stream text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
    v_mark ip_workbench.watermarks;
    v_now pg_snapshot := pg_catalog.pg_current_snapshot();
    v_own xid8 := pg_catalog.pg_current_xact_id_if_assigned();
begin
    select * into v_mark from ip_workbench.watermarks w where w.stream = p_stream;
    if p_stream = 'silver_transactions' then
        return (select pg_catalog.min(b.ingested_at) from scout.bronze_transactions b
                 where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_mark.processed_snapshot), '0'::xid8)
                   and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_mark.processed_snapshot,
                                                     v_mark.processed_xid, v_mark.processed_seq));
    elsif p_stream = 'silver_products' then
        return (select pg_catalog.min(b.ingested_at) from scout.bronze_products b
                 where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_mark.processed_snapshot), '0'::xid8)
                   and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_mark.processed_snapshot,
                                                     v_mark.processed_xid, v_mark.processed_seq));
    end if;
    raise exception 'no stream %', p_stream using errcode = '22023', hint = 'silver_transactions or silver_products';
end
$$;


--
-- Name: FUNCTION oldest_unjudged_bronze(p_stream text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.oldest_unjudged_bronze(p_stream text) IS 'ingested_at of the oldest Bronze row of stream p_stream (silver_transactions or silver_products) that refresh_silver has not judged yet, by its watermark; NULL when Silver is up to date.';


--
-- Name: has_unprocessed_bronze(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.has_unprocessed_bronze() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT ((scout_internal.oldest_unjudged_bronze('silver_transactions'::text) IS NOT NULL) OR (scout_internal.oldest_unjudged_bronze('silver_products'::text) IS NOT NULL));
END;


--
-- Name: FUNCTION has_unprocessed_bronze(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.has_unprocessed_bronze() IS 'Whether scout.bronze_transactions or scout.bronze_products holds a row refresh_silver has not processed yet (by the streams'' watermarks).';


--
-- Name: jobs; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.jobs (
    name text NOT NULL,
    lock_key integer GENERATED ALWAYS AS (((('x'::text || "left"(md5(name), 8)))::bit(32))::integer) STORED NOT NULL,
    cron_name text,
    schedule text,
    command text NOT NULL,
    description text NOT NULL,
    CONSTRAINT jobs_schedule_check CHECK (((cron_name IS NULL) = (schedule IS NULL))),
    CONSTRAINT jobs_scheduled_command_check CHECK (((cron_name IS NULL) OR (command = (('select '::text || name) || '()'::text))))
);

ALTER TABLE ONLY ip_workbench.jobs FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE jobs; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.jobs IS 'The pipeline''s jobs, one row each: the function that runs it, its advisory lock, and for a scheduled job its pg_cron name and schedule. scout-db migrate registers the scheduled ones with pg_cron by cron_name where pg_cron is in this database (scout-db jobs install elsewhere).';


--
-- Name: COLUMN jobs.name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.jobs.name IS 'The job''s function, e.g. scout.run_transformations.';


--
-- Name: COLUMN jobs.lock_key; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.jobs.lock_key IS 'Second key of the job''s transaction advisory lock (the first is scout_internal.advisory_lock_space(''jobs'')): the first 32 bits of md5(name).';


--
-- Name: COLUMN jobs.cron_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.jobs.cron_name IS 'Its pg_cron job name (cron.job.jobname), when it is scheduled.';


--
-- Name: COLUMN jobs.schedule; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.jobs.schedule IS 'Its pg_cron schedule (UTC), when it is scheduled.';


--
-- Name: COLUMN jobs.command; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.jobs.command IS 'The SQL that runs it. For a scheduled job it is always select <name>() (a check constraint), and scout_internal.install_cron_jobs schedules that, not this text.';


--
-- Name: COLUMN jobs.description; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.jobs.description IS 'What it does.';


--
-- Name: holds_job_lock(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.holds_job_lock(p_job text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT (EXISTS ( SELECT 1
            FROM (pg_locks l
              JOIN ip_workbench.jobs j ON ((l.objid = (j.lock_key)::oid)))
           WHERE ((j.name = holds_job_lock.p_job) AND (l.locktype = 'advisory'::text) AND l.granted AND (l.pid = pg_backend_pid()) AND (l.classid = (scout_internal.advisory_lock_space('jobs'::text))::oid) AND (l.objsubid = (2)::smallint)))) AS "exists";
END;


--
-- Name: FUNCTION holds_job_lock(p_job text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.holds_job_lock(p_job text) IS 'Whether this session holds the advisory lock of job p_job (ip_workbench.jobs), which scout_internal.job_start takes.';


--
-- Name: ingest_into_bronze(text, jsonb, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.ingest_into_bronze(p_kind text, p_payload jsonb, p_source text, p_source_filename text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_max_objects constant int := 100000;
    v_items jsonb;
    v_count int;
    v_bad_position int;
    v_bad_type text;
    v_batch_id text := pg_catalog.gen_random_uuid()::text;
    v_inserted bigint;
begin
    if p_kind not in ('transactions', 'products') then
        raise exception 'unknown kind %: expected transactions or products', p_kind
            using errcode = '22023';
    end if;
    if p_payload is null then
        raise exception 'payload is missing: nothing was stored'
            using errcode = '22023', hint = 'Send one JSON object or an array of JSON objects.';
    end if;
    if p_source is null or pg_catalog.btrim(p_source) = '' then
        raise exception 'source must be a non-empty name such as api or webhook: nothing was stored'
            using errcode = '22023';
    end if;
    -- source is an index key and source_filename a label: both stay short enough for either
    if pg_catalog.length(p_source) > 200 then
        raise exception 'source is % characters long, more than the 200 allowed: nothing was stored', pg_catalog.length(p_source)
            using errcode = '22023', hint = 'Name the source system (api, webhook, gdrive, …), not the data.';
    end if;
    if pg_catalog.length(p_source_filename) > 2000 then
        raise exception 'source_filename is % characters long, more than the 2000 allowed: nothing was stored',
            pg_catalog.length(p_source_filename)
            using errcode = '22023', hint = 'Give the file name or the webhook URL, without its payload.';
    end if;

    case pg_catalog.jsonb_typeof(p_payload)
        when 'object' then
            v_items := pg_catalog.jsonb_build_array(p_payload);
        when 'array' then
            v_items := p_payload;
        else
            raise exception 'payload must be a JSON object or an array of objects, got a %: nothing was stored',
                pg_catalog.jsonb_typeof(p_payload)
                using errcode = '22023', hint = 'Send one JSON object or an array of JSON objects.';
    end case;

    v_count := pg_catalog.jsonb_array_length(v_items);
    if v_count > v_max_objects then
        raise exception 'payload holds % objects, more than the % one call accepts: nothing was stored',
            v_count, v_max_objects
            using errcode = '54000', hint = 'Split it into smaller calls, or load it as a file with scout-db ingest.';
    end if;

    select e.position, pg_catalog.jsonb_typeof(e.item)
      into v_bad_position, v_bad_type
      from pg_catalog.jsonb_array_elements(v_items) with ordinality as e(item, position)
     where pg_catalog.jsonb_typeof(e.item) <> 'object'
     order by e.position
     limit 1;
    if found then
        raise exception 'payload element % is a %, not an object: nothing was stored', v_bad_position, v_bad_type
            using errcode = '22023', hint = 'Every element of the array must be a JSON object.';
    end if;

    execute pg_catalog.format(
        'insert into scout.%I (raw_data, source, source_filename, ingestion_batch_id)
         select e.item, $1, $2, $3
           from pg_catalog.jsonb_array_elements($4) with ordinality as e(item, position)
          order by e.position',
        'bronze_' || p_kind)
        using p_source, p_source_filename, v_batch_id, v_items;
    get diagnostics v_inserted = row_count;
    -- for a listener (scout-db run --follow) to bring them to Silver at once; delivered at
    -- commit, and one per transaction however many calls it makes
    perform pg_catalog.pg_notify('scout_bronze_arrived', p_kind);

    return pg_catalog.jsonb_build_object('batch_id', v_batch_id, 'received', v_count, 'inserted', v_inserted);
end
$_$;


--
-- Name: FUNCTION ingest_into_bronze(p_kind text, p_payload jsonb, p_source text, p_source_filename text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.ingest_into_bronze(p_kind text, p_payload jsonb, p_source text, p_source_filename text) IS 'Stores one JSON object or an array of objects in scout.bronze_<p_kind> in one statement, all or nothing; raises 22023 (bad payload or source) or 54000 (too many objects) and stores nothing otherwise.';


--
-- Name: install_cron_jobs(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.install_cron_jobs() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_job record;
    v_installed jsonb := '[]'::jsonb;
    v_removed jsonb := '[]'::jsonb;
    v_conflicts jsonb := '[]'::jsonb;
begin
    if pg_catalog.to_regnamespace('cron') is null then
        raise notice 'pg_cron is not in database %: the scout jobs are not scheduled here; run scout-db jobs install (it schedules them from pg_cron''s database), or schedule their commands with another scheduler',
            pg_catalog.current_database();
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'pg_cron is not in this database');
    end if;
    for v_job in select j.cron_name, j.schedule, j.command, c.database as elsewhere
                   from scout_internal.cron_commands() j
                   left join cron.job c on c.jobname = j.cron_name and c.username = current_user
                                       and c.database <> pg_catalog.current_database()
                  order by j.cron_name loop
        if v_job.elsewhere is not null then
            -- pg_cron names jobs per role, not per database: scheduling it here would move it
            raise warning 'pg_cron job % of role % already runs in database %: not scheduled here; unschedule it there first, or schedule this database''s jobs as another role',
                v_job.cron_name, current_user, v_job.elsewhere;
            v_conflicts := v_conflicts || pg_catalog.to_jsonb(v_job.cron_name);
            continue;
        end if;
        perform cron.schedule(v_job.cron_name, v_job.schedule, v_job.command);
        v_installed := v_installed || pg_catalog.to_jsonb(v_job.cron_name);
    end loop;
    for v_job in select c.jobid, c.jobname from cron.job c
                  where c.jobname like 'scout\_%' and c.database = pg_catalog.current_database()
                    and c.jobname not in (select j.cron_name from ip_workbench.jobs j where j.cron_name is not null) loop
        perform cron.unschedule(v_job.jobid);
        v_removed := v_removed || pg_catalog.to_jsonb(v_job.jobname);
    end loop;
    return pg_catalog.jsonb_build_object('status', case when v_conflicts = '[]' then 'ok' else 'conflict' end,
                                         'installed', v_installed, 'removed', v_removed, 'conflicts', v_conflicts);
end
$$;


--
-- Name: FUNCTION install_cron_jobs(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.install_cron_jobs() IS 'Schedules every job of ip_workbench.jobs that has a cron_name with pg_cron (cron.schedule by name: idempotent) and unschedules scout_* jobs of this database no longer registered. A job name this role already schedules in another database is left alone with a warning (pg_cron names jobs per role). Returns {"status": ok|conflict, "installed", "removed", "conflicts"}; a notice and {"status": "skipped"} where pg_cron is not in this database.';


--
-- Name: is_unprocessed(xid8, bigint, pg_snapshot, xid8, pg_snapshot, xid8, bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.is_unprocessed(p_row_xid xid8, p_row_seq bigint, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT ((pg_visible_in_snapshot(p_row_xid, p_now) OR (p_row_xid = p_own)) AND
         CASE
             WHEN (p_row_xid = p_prev_xid) THEN (NOT COALESCE((p_row_seq <= p_prev_seq), false))
             ELSE (NOT COALESCE(pg_visible_in_snapshot(p_row_xid, p_prev), false))
         END);
END;


--
-- Name: FUNCTION is_unprocessed(p_row_xid xid8, p_row_seq bigint, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.is_unprocessed(p_row_xid xid8, p_row_seq bigint, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint) IS 'Whether a source row (inserting transaction p_row_xid, ingest_seq p_row_seq) is new to a stream whose watermark is (p_prev, p_prev_xid, p_prev_seq), for a run in transaction p_own seeing snapshot p_now. Callers add ingest_xid >= pg_snapshot_xmin(p_prev) so an index narrows the scan. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: iso_date(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.iso_date(p_text text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN ((translate("left"(p_text, 10), '0123456789'::text, '9999999999'::text) <> '9999-99-99'::text) OR ((length(p_text) > 10) AND (substr(p_text, 11) !~ '^[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?(Z|[+-](0[0-9]|1[0-5])(:?[0-5][0-9])?)?$'::text))) THEN NULL::date
             WHEN (((substr(p_text, 1, 4))::integer < 1) OR (((substr(p_text, 6, 2))::integer < 1) OR ((substr(p_text, 6, 2))::integer > 12)) OR ((substr(p_text, 9, 2))::integer < 1)) THEN NULL::date
             WHEN ((substr(p_text, 9, 2))::integer >
             CASE
                 WHEN ((substr(p_text, 6, 2))::integer = ANY (ARRAY[4, 6, 9, 11])) THEN 30
                 WHEN ((substr(p_text, 6, 2))::integer <> 2) THEN 31
                 WHEN ((((substr(p_text, 1, 4))::integer % 4) = 0) AND ((((substr(p_text, 1, 4))::integer % 100) <> 0) OR (((substr(p_text, 1, 4))::integer % 400) = 0))) THEN 29
                 ELSE 28
             END) THEN NULL::date
             ELSE make_date((substr(p_text, 1, 4))::integer, (substr(p_text, 6, 2))::integer, (substr(p_text, 9, 2))::integer)
         END AS make_date;
END;


--
-- Name: FUNCTION iso_date(p_text text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.iso_date(p_text text) IS 'The date part of an ISO 8601 date or date-time (YYYY-MM-DD, optionally T/space, a time and a zone of at most ±15:59, the most PostgreSQL can represent), or NULL for any other spelling, an impossible date, or PostgreSQL''s special words. Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: iso_timestamptz(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.iso_timestamptz(p_text text) RETURNS timestamp with time zone
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (scout_internal.iso_date(p_text) IS NULL) THEN NULL::timestamp with time zone
             WHEN ((p_text ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$'::text) AND (length(p_text) > 10)) THEN (p_text)::timestamp with time zone
             ELSE ((p_text)::timestamp without time zone AT TIME ZONE 'UTC'::text)
         END AS timezone;
END;


--
-- Name: FUNCTION iso_timestamptz(p_text text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.iso_timestamptz(p_text text) IS 'An ISO 8601 date or date-time as timestamptz (UTC when no zone is given), or NULL when scout_internal.iso_date would reject it. Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: job_alert(text, bigint, text, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.job_alert(p_job text, p_run_id bigint, p_status text, p_result jsonb) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
    if p_status = 'ok' then
        update ip_workbench.dq_alerts a
           set closed_at = pg_catalog.now(),
               details = a.details || pg_catalog.jsonb_build_object('closed_by_run_id', p_run_id)
         where a.kind = 'job_failed' and a.subject = p_job and a.closed_at is null;
    elsif p_status in ('failed', 'abandoned') and p_result ->> 'paged_as' is null
          and coalesce((scout_internal.setting('dq_alert_on_job_failure') #>> '{}')::boolean, true) then
        perform scout_internal.raise_alert('job_failed', p_job, pg_catalog.jsonb_build_object(
            'run_id', p_run_id, 'status', p_status, 'step', p_result ->> 'step',
            'sqlstate', p_result ->> 'sqlstate', 'message', p_result ->> 'message'));
    end if;
end
$$;


--
-- Name: FUNCTION job_alert(p_job text, p_run_id bigint, p_status text, p_result jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.job_alert(p_job text, p_run_id bigint, p_status text, p_result jsonb) IS 'Settles job p_job''s alert after its run p_run_id ended with p_status: failed or abandoned raises a job_failed alert (scout_internal.raise_alert, with the run''s step, sqlstate and message from p_result) unless the setting dq_alert_on_job_failure is false or the run already paged otherwise (p_result has paged_as, as failing Silver checks do); ok closes the open one.';


--
-- Name: job_fail(jsonb, text, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.job_fail(p_run jsonb, p_step text, p_sqlstate text, p_message text) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
    select scout_internal.job_finish(p_run, pg_catalog.jsonb_build_object(
        'status', 'failed', 'step', p_step, 'sqlstate', p_sqlstate, 'message', p_message))
$$;


--
-- Name: FUNCTION job_fail(p_run jsonb, p_step text, p_sqlstate text, p_message text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.job_fail(p_run jsonb, p_step text, p_sqlstate text, p_message text) IS 'Closes the run p_run as failed in step p_step with the error''s SQLSTATE and message; returns {"status": "failed", "step", "sqlstate", "message", "run_id", "seconds"}.';


--
-- Name: job_finish(jsonb, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.job_finish(p_run jsonb, p_result jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_result jsonb := p_result || pg_catalog.jsonb_build_object(
        'run_id', p_run -> 'run_id',
        'seconds', pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - (p_run ->> 'started_at')::timestamptz)::numeric, 3));
begin
    update ip_workbench.job_runs r
       set status = case when p_result ->> 'status' = 'failed' then 'failed' else 'ok' end,
           finished_at = pg_catalog.clock_timestamp(),
           details = v_result,
           failed_step = p_result ->> 'step', sqlstate = p_result ->> 'sqlstate', message = p_result ->> 'message'
     where r.id = (p_run ->> 'run_id')::bigint;
    -- people hear of a failed run of a job the scheduler started, and that it is over
    -- once the job runs well again; a job inside another (parent_id) fails its parent,
    -- which is the one alert
    perform scout_internal.job_alert(r.job_name, r.id, r.status, v_result)
       from ip_workbench.job_runs r
      where r.id = (p_run ->> 'run_id')::bigint and r.parent_id is null;
    return v_result;
end
$$;


--
-- Name: FUNCTION job_finish(p_run jsonb, p_result jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.job_finish(p_run jsonb, p_result jsonb) IS 'Closes the run p_run (from scout_internal.job_start) with result p_result: status ok, or failed when p_result says so (with its step, sqlstate and message), and settles the job''s alert (scout_internal.job_alert) unless the run is inside another job''s; returns p_result with run_id and seconds.';


--
-- Name: job_open_run(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.job_open_run(p_job text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_id bigint;
begin
    if not exists (select 1 from ip_workbench.jobs j where j.name = p_job) then
        raise exception 'unknown job %', p_job
            using errcode = '42704', hint = 'scout-db jobs list shows the jobs.';
    end if;
    insert into ip_workbench.job_runs (job_name, status, pid, backend_start)
    values (p_job, 'running', pg_catalog.pg_backend_pid(),
            (select a.backend_start from pg_catalog.pg_stat_activity a where a.pid = pg_catalog.pg_backend_pid()))
    returning id into v_id;
    return v_id;
end
$$;


--
-- Name: FUNCTION job_open_run(p_job text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.job_open_run(p_job text) IS 'Records a run of job p_job as running and returns its id, to be committed before the run: call the job in the next transaction after set_config(''scout.run_id'', id, true), and its job_start takes the row over. A run that never finishes leaves the row, which the job''s next run marks abandoned.';


--
-- Name: job_start(text, boolean); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.job_start(p_job text, p_wait boolean) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_job ip_workbench.jobs;
    v_run_id bigint;
    v_preset bigint := nullif(pg_catalog.current_setting('scout.run_id', true), '')::bigint;
    v_parent bigint := nullif(pg_catalog.current_setting('scout.parent_run_id', true), '')::bigint;
    v_holder jsonb;
    v_result jsonb;
    v_last_xact regclass := pg_catalog.to_regclass(
        pg_catalog.format('scout_internal.%I', pg_catalog.replace(p_job, '.', '_') || '_last_xact'));
    v_previous bigint;
    v_previous_status text;
    v_abandoned bigint;
    v_left record;
begin
    select * into v_job from ip_workbench.jobs j where j.name = p_job;
    if not found then
        raise exception 'unknown job %', p_job
            using errcode = '42704', hint = 'Every job is a row of ip_workbench.jobs.';
    end if;
    -- a run row committed ahead by scout_internal.run_job is this run's; nested jobs get their own
    perform pg_catalog.set_config('scout.run_id', '', true);

    if not scout_internal.take_job_lock(p_job, p_wait) then
        select pg_catalog.jsonb_build_object('pid', l.pid, 'role', a.usename, 'application_name', a.application_name,
                                             'since', a.xact_start, 'state', a.state)
          into v_holder
          from pg_catalog.pg_locks l
          left join pg_catalog.pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'advisory' and l.granted
           and l.classid = scout_internal.advisory_lock_space('jobs')::oid and l.objid = v_job.lock_key::oid and l.objsubid = 2::smallint
         limit 1;
        v_result := pg_catalog.jsonb_build_object(
            'status', 'skipped',
            'reason', pg_catalog.format('another %s is running; call again, or with p_wait => true to queue behind it', p_job),
            'held_by', v_holder);
        if v_preset is not null then
            update ip_workbench.job_runs r
               set status = 'skipped', finished_at = pg_catalog.clock_timestamp(), details = v_result
             where r.id = v_preset;
            v_run_id := v_preset;
        else
            insert into ip_workbench.job_runs (job_name, finished_at, status, details, parent_id)
            values (p_job, pg_catalog.clock_timestamp(), 'skipped', v_result, v_parent)
            returning id into v_run_id;
        end if;
        return v_result || pg_catalog.jsonb_build_object('run_id', v_run_id);
    end if;

    -- Holding the lock, no other run of this job is alive: one still marked running
    -- had its session end mid-way (only scout_internal.run_job commits that mark early).
    for v_left in
        update ip_workbench.job_runs r
           set status = 'abandoned', finished_at = coalesce(r.finished_at, pg_catalog.clock_timestamp()),
               message = 'its session ended before it finished (killed, crashed or disconnected)'
         where r.job_name = p_job and r.status = 'running' and r.id is distinct from v_preset
        returning r.id, r.parent_id, r.message
    loop
        if v_left.parent_id is null then
            perform scout_internal.job_alert(p_job, v_left.id, 'abandoned', pg_catalog.jsonb_build_object('message', v_left.message));
        end if;
    end loop;
    -- A run that never committed (killed in psql, an RPC cut off, pg_cron's backend
    -- terminated, a crash) took its row with it, but not the transaction id it wrote
    -- into the job's sequence: sequences are not rolled back.
    if v_last_xact is not null then
        execute pg_catalog.format('select last_value from %s', v_last_xact) into v_previous;
        if v_previous > 0 then
            begin
                v_previous_status := pg_catalog.pg_xact_status(v_previous::text::xid8);
            exception when others then
                v_previous_status := null;  -- not a transaction id this server can look up
            end;
            if v_previous_status = 'aborted' and not exists (
                    select 1 from ip_workbench.job_runs r
                     where r.job_name = p_job and r.xact_id = v_previous::text::xid8) then
                insert into ip_workbench.job_runs (job_name, started_at, finished_at, status, message, xact_id)
                values (p_job, pg_catalog.now(), pg_catalog.now(), 'abandoned',
                        pg_catalog.format('transaction %s ran it and never committed (killed, crashed, or rolled back by its caller); this run found it: its start time was lost with it', v_previous),
                        v_previous::text::xid8)
                returning id into v_abandoned;
                -- a job run inside another shares its transaction: the outer job, which
                -- starts first, has recorded that transaction and raised the one alert
                if not exists (select 1 from ip_workbench.job_runs r
                                where r.xact_id = v_previous::text::xid8 and r.job_name <> p_job) then
                    perform scout_internal.job_alert(p_job, v_abandoned, 'abandoned', pg_catalog.jsonb_build_object(
                        'message', pg_catalog.format('transaction %s ran it and never committed', v_previous)));
                end if;
            end if;
        end if;
        -- a run row committed ahead (scout-db) is found by its status instead
        perform pg_catalog.setval(v_last_xact, coalesce(-v_preset, pg_catalog.pg_current_xact_id()::text::bigint));
    end if;

    if v_preset is not null then
        update ip_workbench.job_runs r
           set pid = pg_catalog.pg_backend_pid(),
               backend_start = (select a.backend_start from pg_catalog.pg_stat_activity a
                                 where a.pid = pg_catalog.pg_backend_pid()),
               parent_id = v_parent, xact_id = pg_catalog.pg_current_xact_id()
         where r.id = v_preset and r.job_name = p_job
        returning r.id into v_run_id;
    end if;
    if v_run_id is null then
        insert into ip_workbench.job_runs (job_name, status, parent_id, pid, backend_start, xact_id)
        values (p_job, 'running', v_parent, pg_catalog.pg_backend_pid(),
                (select a.backend_start from pg_catalog.pg_stat_activity a where a.pid = pg_catalog.pg_backend_pid()),
                pg_catalog.pg_current_xact_id())
        returning id into v_run_id;
    end if;
    return pg_catalog.jsonb_build_object('run_id', v_run_id, 'started_at', pg_catalog.clock_timestamp());
end
$$;


--
-- Name: FUNCTION job_start(p_job text, p_wait boolean); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.job_start(p_job text, p_wait boolean) IS 'Starts a run of job p_job (ip_workbench.jobs): takes its advisory lock (scout_internal.take_job_lock) for the transaction, waiting when p_wait; marks the job''s runs left running as abandoned (raising the job''s alert, scout_internal.job_alert, for a run of its own), and records as abandoned its previous run when that run''s transaction (kept in the sequence scout_internal.<job>_last_xact) never committed; opens the run''s row (status running) and returns {"run_id", "started_at"}. When another session holds the lock and p_wait is false, records a skipped run and returns {"status": "skipped", "reason", "held_by", "run_id"} instead.';


--
-- Name: markdown_code(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.markdown_code(p_value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
    select f.fence || ' ' || scout_internal.plain_line(p_value) || ' ' || f.fence
      from (select pg_catalog.repeat('`', coalesce(pg_catalog.max(pg_catalog.length(m.run[1])), 0)::int + 1) as fence
              from pg_catalog.regexp_matches(coalesce(p_value, ''), '(`+)', 'g') as m(run)) f
$$;


--
-- Name: FUNCTION markdown_code(p_value text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.markdown_code(p_value text) IS 'p_value as a Markdown code span (a fence of one backtick more than its longest run of backticks; control characters as spaces, scout_internal.plain_line), so Mattermost and Slack show it as text: no mention, link or formatting in it acts. NULL stays NULL.';


--
-- Name: mart_create_objects(text, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.mart_create_objects(p_mart text, p_columns jsonb) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


--
-- Name: FUNCTION mart_create_objects(p_mart text, p_columns jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.mart_create_objects(p_mart text, p_columns jsonb) IS 'Step of ip_workbench.define_mart: makes mart p_mart''s table from its query view (plus an id key and a unique index on its grain, an index on its date column), its RLS and grants (ip_workbench.secure_table; the store-scoped policy when store_scope), its comments (p_columns), its rows in ip_workbench.tables and ip_workbench.layer_versions with its counting trigger, test_failures.<name>, and the check scout_checks.<name>_matches_its_query. Owner only.';


--
-- Name: parse_decimal(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.parse_decimal(p_text text) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN ((length(p_text) <= 1000) AND (p_text ~ '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$'::text)) THEN (p_text)::numeric
             ELSE NULL::numeric
         END AS "case";
END;


--
-- Name: FUNCTION parse_decimal(p_text text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.parse_decimal(p_text text) IS 'A plain decimal number of at most 1000 characters (optionally signed, with an exponent of at most 3 digits) as numeric, or NULL for anything else (NaN, Infinity, words, separators, longer texts). Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: parse_int(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.parse_int(p_text text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (p_text ~ '^[+-]?[0-9]{1,9}$'::text) THEN (p_text)::integer
             ELSE NULL::integer
         END AS "case";
END;


--
-- Name: FUNCTION parse_int(p_text text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.parse_int(p_text text) IS 'A plain integer of at most 9 digits, optionally signed, as integer; NULL for anything else. Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: parse_money(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.parse_money(p_text text) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (abs(round(scout_internal.parse_decimal(p_text), 2)) < '1000000000000'::numeric) THEN scout_internal.parse_decimal(p_text)
             ELSE NULL::numeric
         END AS "case";
END;


--
-- Name: FUNCTION parse_money(p_text text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.parse_money(p_text text) IS 'scout_internal.parse_decimal(p_text) when, rounded to cents, it fits numeric(14,2) (magnitude below 10^12), else NULL. Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: parse_product_payload(jsonb, timestamp with time zone); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.parse_product_payload(p_raw jsonb, p_latest timestamp with time zone) RETURNS TABLE(sku text, name text, description text, category text, brand text, price numeric, cost numeric, stock_quantity integer, unit_of_measure text, barcode text, is_active boolean, updated_at timestamp with time zone, attributes jsonb, reasons text[])
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (length(v.sku) <= 200) THEN v.sku
             ELSE NULL::text
         END AS "case",
     v.name,
     v.description,
         CASE
             WHEN (length(v.category) <= 200) THEN COALESCE(( SELECT c.name
                FROM scout.ref_categories c
               WHERE (scout_internal.fold_case(c.name) = scout_internal.fold_case(v.category))), v.category)
             ELSE NULL::text
         END AS "case",
     v.brand,
     v.price,
     v.cost,
     v.stock_quantity,
     v.unit_of_measure,
     v.barcode,
     COALESCE(v.is_active, true) AS "coalesce",
     v.updated_at,
     v.attributes,
     array_remove(ARRAY[
         CASE
             WHEN (v.sku IS NULL) THEN 'missing_sku'::text
             WHEN (length(v.sku) > 200) THEN 'invalid_sku'::text
             ELSE NULL::text
         END,
         CASE
             WHEN (v.name IS NULL) THEN 'missing_name'::text
             ELSE NULL::text
         END,
         CASE
             WHEN ((v.price_text IS NOT NULL) AND (v.price IS NULL)) THEN 'invalid_price'::text
             WHEN (v.price < (0)::numeric) THEN 'price_negative'::text
             ELSE NULL::text
         END,
         CASE
             WHEN ((v.cost_text IS NOT NULL) AND (v.cost IS NULL)) THEN 'invalid_cost'::text
             WHEN (v.cost < (0)::numeric) THEN 'cost_negative'::text
             ELSE NULL::text
         END,
         CASE
             WHEN ((v.stock_text IS NOT NULL) AND (v.stock_quantity IS NULL)) THEN 'invalid_stock_quantity'::text
             ELSE NULL::text
         END,
         CASE
             WHEN ((v.active_text IS NOT NULL) AND (v.is_active IS NULL)) THEN 'invalid_is_active'::text
             ELSE NULL::text
         END,
         CASE
             WHEN ((v.updated_text IS NOT NULL) AND (v.updated_at IS NULL)) THEN 'invalid_updated_at'::text
             WHEN (v.updated_at > parse_product_payload.p_latest) THEN 'updated_at_in_future'::text
             ELSE NULL::text
         END,
         CASE
             WHEN (length(v.category) > 200) THEN 'invalid_category'::text
             ELSE NULL::text
         END], NULL::text) AS array_remove
    FROM ( SELECT t.sku,
             t.name,
             t.description,
             t.category,
             t.brand,
             t.price_text,
             t.cost_text,
             t.stock_text,
             t.unit_of_measure,
             t.barcode,
             t.active_text,
             t.updated_text,
             t.attributes,
             round(scout_internal.parse_money(t.price_text), 2) AS price,
             round(scout_internal.parse_money(t.cost_text), 2) AS cost,
             scout_internal.parse_int(t.stock_text) AS stock_quantity,
                 CASE
                     WHEN (lower((t.active_text COLLATE "C")) = ANY (ARRAY['true'::text, 't'::text, 'yes'::text, '1'::text])) THEN true
                     WHEN (lower((t.active_text COLLATE "C")) = ANY (ARRAY['false'::text, 'f'::text, 'no'::text, '0'::text])) THEN false
                     ELSE NULL::boolean
                 END AS is_active,
             scout_internal.iso_timestamptz(t.updated_text) AS updated_at
            FROM ( SELECT
                         CASE
                             WHEN (jsonb_typeof((parse_product_payload.p_raw -> 'sku'::text)) = ANY (ARRAY['string'::text, 'number'::text])) THEN scout_internal.clean_text((parse_product_payload.p_raw ->> 'sku'::text))
                             ELSE NULL::text
                         END AS sku,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'name'::text)) AS name,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'description'::text)) AS description,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'category'::text)) AS category,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'brand'::text)) AS brand,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'price'::text)) AS price_text,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'cost'::text)) AS cost_text,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'stock_quantity'::text)) AS stock_text,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'unit_of_measure'::text)) AS unit_of_measure,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'barcode'::text)) AS barcode,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'is_active'::text)) AS active_text,
                     scout_internal.clean_text((parse_product_payload.p_raw ->> 'updated_at'::text)) AS updated_text,
                     (parse_product_payload.p_raw - ARRAY['sku'::text, 'name'::text, 'description'::text, 'category'::text, 'brand'::text, 'price'::text, 'cost'::text, 'stock_quantity'::text, 'unit_of_measure'::text, 'barcode'::text, 'is_active'::text, 'updated_at'::text]) AS attributes
                  OFFSET 0) t
          OFFSET 0) v;
END;


--
-- Name: FUNCTION parse_product_payload(p_raw jsonb, p_latest timestamp with time zone); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.parse_product_payload(p_raw jsonb, p_latest timestamp with time zone) IS 'Applies every Silver rule to one product payload (an updated_at after p_latest is updated_at_in_future): the typed values and reasons, an array of every broken rule''s code (empty when valid). Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: parse_transaction_payload(jsonb, date, timestamp with time zone, date); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.parse_transaction_payload(p_raw jsonb, p_today date, p_now timestamp with time zone, p_oldest date) RETURNS TABLE(transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[])
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (length(v.transaction_id) <= 200) THEN v.transaction_id
             ELSE NULL::text
         END AS "case",
     v.transaction_date,
     round(v.amount_exact, 2) AS round,
     COALESCE(upper((v.currency_text COLLATE "C")), 'PHP'::text) AS "coalesce",
     c.name,
     scout_internal.clean_text(r.subcategory) AS clean_text,
     scout_internal.clean_text(r.store_id) AS clean_text,
     scout_internal.clean_text(r.vendor_name) AS clean_text,
     scout_internal.clean_text(r.vendor_id) AS clean_text,
     scout_internal.clean_text(r.customer_id) AS clean_text,
         CASE
             WHEN (length(scout_internal.clean_text(r.sku)) <= 200) THEN scout_internal.clean_text(r.sku)
             ELSE NULL::text
         END AS "case",
     COALESCE(v.quantity_int, 1) AS "coalesce",
     round(v.tax_exact, 2) AS round,
     scout_internal.clean_text(r.payment_method) AS clean_text,
     scout_internal.clean_text(r.description) AS clean_text,
     (parse_transaction_payload.p_raw - ARRAY['transaction_id'::text, 'date'::text, 'amount'::text, 'currency'::text, 'category'::text, 'subcategory'::text, 'store_id'::text, 'vendor_name'::text, 'vendor_id'::text, 'customer_id'::text, 'sku'::text, 'quantity'::text, 'tax_amount'::text, 'payment_method'::text, 'description'::text]),
     array_remove(ARRAY[
         CASE
             WHEN (v.transaction_id IS NULL) THEN 'missing_transaction_id'::text
             WHEN (length(v.transaction_id) > 200) THEN 'invalid_transaction_id'::text
             ELSE NULL::text
         END,
         CASE
             WHEN (v.date_text IS NULL) THEN 'missing_date'::text
             WHEN (v.transaction_date IS NULL) THEN 'invalid_date'::text
             WHEN
             CASE
                 WHEN (translate(substr(v.date_text, 11), '0123456789:. T'::text, ''::text) <> ''::text) THEN (scout_internal.iso_timestamptz(v.date_text) > parse_transaction_payload.p_now)
                 ELSE (v.transaction_date > parse_transaction_payload.p_today)
             END THEN 'date_in_future'::text
             WHEN (v.transaction_date < parse_transaction_payload.p_oldest) THEN 'date_too_old'::text
             ELSE NULL::text
         END,
         CASE
             WHEN (v.amount_text IS NULL) THEN 'missing_amount'::text
             WHEN (v.amount_exact IS NULL) THEN 'invalid_amount'::text
             WHEN (round(v.amount_exact, 2) <= (0)::numeric) THEN 'amount_not_positive'::text
             ELSE NULL::text
         END,
         CASE
             WHEN (v.category_text IS NULL) THEN 'missing_category'::text
             WHEN (c.name IS NULL) THEN 'category_not_allowed'::text
             ELSE NULL::text
         END,
         CASE
             WHEN (v.currency_text !~ '^[A-Za-z]{3}$'::text) THEN 'invalid_currency'::text
             ELSE NULL::text
         END,
         CASE
             WHEN ((v.quantity_text IS NOT NULL) AND (v.quantity_int IS NULL)) THEN 'invalid_quantity'::text
             WHEN (v.quantity_int <= 0) THEN 'quantity_not_positive'::text
             ELSE NULL::text
         END,
         CASE
             WHEN ((v.tax_text IS NOT NULL) AND (v.tax_exact IS NULL)) THEN 'invalid_tax_amount'::text
             WHEN (round(v.tax_exact, 2) < (0)::numeric) THEN 'tax_amount_negative'::text
             ELSE NULL::text
         END,
         CASE
             WHEN (length(scout_internal.clean_text(r.sku)) > 200) THEN 'invalid_sku'::text
             ELSE NULL::text
         END], NULL::text) AS array_remove
    FROM ((jsonb_to_record(parse_transaction_payload.p_raw) r(transaction_id text, date text, amount text, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity text, tax_amount text, payment_method text, description text)
      CROSS JOIN LATERAL unnest(ARRAY[ROW(
         CASE
             WHEN (jsonb_typeof((parse_transaction_payload.p_raw -> 'transaction_id'::text)) = ANY (ARRAY['string'::text, 'number'::text])) THEN scout_internal.clean_text(r.transaction_id)
             ELSE NULL::text
         END, scout_internal.clean_text(r.date), scout_internal.iso_date(scout_internal.clean_text(r.date)), scout_internal.clean_text(r.amount), scout_internal.parse_money(scout_internal.clean_text(r.amount)), scout_internal.clean_text(r.currency), scout_internal.clean_text(r.category), scout_internal.clean_text(r.quantity), scout_internal.parse_int(scout_internal.clean_text(r.quantity)), scout_internal.clean_text(r.tax_amount), scout_internal.parse_money(scout_internal.clean_text(r.tax_amount)))::scout_internal.transaction_payload_values]) v(transaction_id, date_text, transaction_date, amount_text, amount_exact, currency_text, category_text, quantity_text, quantity_int, tax_text, tax_exact))
      LEFT JOIN scout.ref_categories c ON (((scout_internal.fold_case(c.name) = scout_internal.fold_case(v.category_text)) AND c.is_active)));
END;


--
-- Name: FUNCTION parse_transaction_payload(p_raw jsonb, p_today date, p_now timestamp with time zone, p_oldest date); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.parse_transaction_payload(p_raw jsonb, p_today date, p_now timestamp with time zone, p_oldest date) IS 'Applies every Silver rule to one transaction payload, judging dates against p_today (today in the business time zone), p_now (for a date with a time and a zone) and p_oldest: the typed values and reasons, an array of every broken rule''s code (empty when valid). Never raises. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: pass_rate(jsonb, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.pass_rate(p_dimensions jsonb, p_dimension text) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT round((((100)::numeric * (((p_dimensions -> p_dimension) ->> 0))::numeric) / NULLIF(((((p_dimensions -> p_dimension) ->> 0))::numeric + (((p_dimensions -> p_dimension) ->> 1))::numeric), (0)::numeric)), 2) AS round;
END;


--
-- Name: FUNCTION pass_rate(p_dimensions jsonb, p_dimension text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.pass_rate(p_dimensions jsonb, p_dimension text) IS 'round(100 x passed / (passed + failed), 2) for dimension p_dimension of {"dimension": [passed, failed], …}; NULL when nothing was checked.';


--
-- Name: payload_key(jsonb, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.payload_key(p_raw jsonb, p_key text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
    if pg_catalog.jsonb_typeof(p_raw -> p_key) in ('string', 'number') then
        return pg_catalog.left(scout_internal.clean_text(p_raw ->> p_key), 200);
    end if;
    return null;
exception
    when data_exception or program_limit_exceeded then
        return null;
end
$$;


--
-- Name: FUNCTION payload_key(p_raw jsonb, p_key text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.payload_key(p_raw jsonb, p_key text) IS 'The value of key p_key of a payload, trimmed and cut to 200 characters, when it is a string or a number; NULL otherwise or when even that cannot be read. Never raises a data error.';


--
-- Name: plain_line(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.plain_line(p_value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
    select pg_catalog.regexp_replace(p_value, '[\x01-\x1f\x7f-\x9f\u2028\u2029]', ' ', 'g')
$$;


--
-- Name: FUNCTION plain_line(p_value text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.plain_line(p_value text) IS 'p_value on one line: control characters (line breaks included) as spaces, so data cannot add a line or a header to a plain-text message. NULL stays NULL.';


--
-- Name: platinum_build_embeddings(date); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.platinum_build_embeddings(p_since date) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_written bigint;
    v_dropped bigint;
    v_version_before bigint;
    v_first boolean;
    v_index_definitions text[];
    v_index text;
    -- The sentences as one query ($1: p_since), for the first build's insert and the
    -- merge's staging table alike
    v_sentences constant text := $sentences$
    select s.transaction_id,
           -- to_char, not ::text: a date's text form follows the session's DateStyle
           'On ' || pg_catalog.to_char(s.transaction_date, 'YYYY-MM-DD') || ', a ' || s.category || coalesce(' / ' || s.subcategory, '')
               || ' purchase of ' || s.amount::text || ' ' || s.currency
               -- the product by name where the catalogue knows the SKU: a question about
               -- "cola" can match a sentence, never a code
               || coalesce(' for ' || s.quantity::text || ' x ' || p.name || coalesce(' by ' || p.brand, ''), '')
               || coalesce(' at store ' || s.store_id, '')
               || coalesce(' from ' || s.vendor_name, '')
               || coalesce(', paid by ' || s.payment_method, '')
               || coalesce(': ' || s.description, '') || '.' as text,
           -- to_jsonb of a row: the same object as jsonb_build_object of its columns, in half the time
           pg_catalog.jsonb_strip_nulls(pg_catalog.to_jsonb(m)) as metadata,
           s.transaction_date,
           s.store_id  -- who may read the sentence depends on it
      from scout.silver_validated_transactions s
      left join scout.silver_products p on p.sku = s.sku
     cross join lateral (select s.transaction_id, s.transaction_date, s.amount, s.currency, s.category,
                                s.subcategory, s.store_id, s.vendor_name, s.vendor_id, s.customer_id, s.sku,
                                p.name as product_name, p.brand, s.quantity, s.tax_amount, s.payment_method) m
     where s.transaction_date >= $1
$sentences$;
begin
    perform scout_internal.require_job_lock('scout.refresh_platinum', 'scout_internal.platinum_build_embeddings');
    if pg_catalog.to_regclass('pg_temp.platinum_sentences') is not null then
        drop table pg_temp.platinum_sentences;
    end if;
    v_first := not exists (select 1 from scout.platinum_transaction_embeddings);
    if v_first then
        if (select c.reltuples from pg_catalog.pg_class c
             where c.oid = 'scout.silver_validated_transactions'::regclass)
           >= (scout_internal.setting('silver_first_load_rebuilds_indexes_from'))::bigint then
            v_index_definitions := scout_internal.drop_indexes_for_load('scout.platinum_transaction_embeddings');
        end if;
        execute 'insert into scout.platinum_transaction_embeddings (transaction_id, text, metadata, transaction_date, store_id) '
                || v_sentences using p_since;
        get diagnostics v_written = row_count;
        foreach v_index in array coalesce(v_index_definitions, '{}') loop
            execute v_index;
        end loop;
        return pg_catalog.jsonb_build_object('embeddings', v_written, 'written', v_written, 'dropped', 0);
    end if;
    perform 'PRAGMA:TABLE: platinum_sentences (transaction_id text, text text, metadata jsonb, transaction_date date, store_id text)';
    execute 'create temp table platinum_sentences on commit drop as ' || v_sentences using p_since;
    -- a merge, not a rewrite: a sentence whose text did not change keeps its vector,
    -- so a rebuilt Platinum re-embeds only what is new or changed
    -- the sentences added and removed are logged for the data-quality checks, which
    -- then judge only those keys (scout_internal.platinum_changed_keys, logged_writes)
    v_version_before := (select v.version from ip_workbench.layer_versions v
                          where v.table_name = 'scout.platinum_transaction_embeddings'::regclass);
    with dropped as (
        delete from scout.platinum_transaction_embeddings e
         where not exists (select 1 from pg_temp.platinum_sentences n where n.transaction_id = e.transaction_id)
        returning e.transaction_id)
    insert into scout_internal.platinum_changed_keys (transaction_id) select d.transaction_id from dropped d;
    get diagnostics v_dropped = row_count;
    with written as (
    insert into scout.platinum_transaction_embeddings as e (transaction_id, text, metadata, transaction_date, store_id)
    select n.transaction_id, n.text, n.metadata, n.transaction_date, n.store_id from pg_temp.platinum_sentences n
    on conflict (transaction_id) do update
       set text = excluded.text, metadata = excluded.metadata, transaction_date = excluded.transaction_date,
           store_id = excluded.store_id, refreshed_at = pg_catalog.now(),
           embedding = case when e.text = excluded.text then e.embedding end,
           embedding_model = case when e.text = excluded.text then e.embedding_model end,
           embedded_at = case when e.text = excluded.text then e.embedded_at end
     where (e.text, e.metadata, e.transaction_date, e.store_id)
           is distinct from (excluded.text, excluded.metadata, excluded.transaction_date, excluded.store_id)
    returning e.transaction_id, e.xmax = 0 as added),  -- xmax 0: inserted, not updated
    logged as (insert into scout_internal.platinum_changed_keys (transaction_id)
               select w.transaction_id from written w where w.added)
    select pg_catalog.count(*) into v_written from written;
    insert into scout_internal.logged_writes (table_name, version_before, version_after)
    select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
     where v.table_name = 'scout.platinum_transaction_embeddings'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    return pg_catalog.jsonb_build_object('embeddings', (select pg_catalog.count(*) from pg_temp.platinum_sentences),
                                         'written', v_written, 'dropped', v_dropped);
end
$_$;


--
-- Name: FUNCTION platinum_build_embeddings(p_since date); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.platinum_build_embeddings(p_since date) IS 'Step of scout.refresh_platinum: brings scout.platinum_transaction_embeddings to one sentence per Silver transaction dated p_since or later (date, category, amount, the product by name and brand where scout.silver_products knows the SKU, store, vendor, payment, description), its typed fields and its store (store_id, what the store-scoped policy reads): inserted whole into an empty table straight from Silver (its indexes built after the rows when Silver holds silver_first_load_rebuilds_indexes_from rows or more and the caller owns the table), else staged and merged (rows gone deleted, changed rows updated, a row whose text changed loses its embedding, an unchanged row keeps it; the keys added and removed logged in scout_internal.platinum_changed_keys, with the table''s version before and after in scout_internal.logged_writes); returns {"embeddings" (sentences), "written" (inserted or updated), "dropped" (deleted)}. Only inside scout.refresh_platinum (55000 otherwise).';


--
-- Name: platinum_build_recommendations(date, integer, integer); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.platinum_build_recommendations(p_since date, p_basket_max_skus integer, p_min_co_occurrence integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_recommendations bigint;
    v_recommendations_dropped bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_platinum', 'scout_internal.platinum_build_recommendations');
    delete from scout.platinum_product_recommendations;
    get diagnostics v_recommendations_dropped = row_count;
    -- Baskets, materialised and analysed so the planner sizes the pair join right
    -- (estimating one row, it picks nested loops that never end on a large basket);
    -- baskets over the size cap are left out, since their pairs grow with its square.
    if pg_catalog.to_regclass('pg_temp.platinum_basket_items') is not null then
        drop table pg_temp.platinum_basket_items;
    end if;
    create temp table platinum_basket_items on commit drop as
    select i.customer_id, i.sku
      from (select d.customer_id, d.sku, pg_catalog.count(*) over (partition by d.customer_id) as basket_skus
              from (select distinct s.customer_id, s.sku
                      from scout.silver_validated_transactions s
                     where s.transaction_date >= p_since and s.customer_id is not null and s.sku is not null) d) i
     where i.basket_skus <= p_basket_max_skus;
    analyze pg_temp.platinum_basket_items;
    with items as (
        select b.customer_id, b.sku from pg_temp.platinum_basket_items b
    ),
    basket_count as (
        select pg_catalog.count(distinct i.customer_id)::numeric as baskets from items i
    ),
    sku_baskets as (
        select i.sku, pg_catalog.count(*)::numeric as baskets from items i group by i.sku
    ),
    pairs as (
        select a.sku, b.sku as recommended_sku, pg_catalog.count(*) as co_occurrence
          from items a
          join items b on b.customer_id = a.customer_id and b.sku <> a.sku
         group by a.sku, b.sku
        -- one shared basket is not evidence (setting min_co_occurrence)
        having pg_catalog.count(*) >= p_min_co_occurrence
    ),
    scored as (
        select p.sku, p.recommended_sku, p.co_occurrence,
               p.co_occurrence / n.baskets as support,
               p.co_occurrence / sa.baskets as confidence,
               (p.co_occurrence / sa.baskets) / (sb.baskets / n.baskets) as lift
          from pairs p
         cross join basket_count n
          join sku_baskets sa on sa.sku = p.sku
          join sku_baskets sb on sb.sku = p.recommended_sku
    ),
    ranked as (
        select c.*, pg_catalog.row_number() over (
                   partition by c.sku order by c.lift desc, c.co_occurrence desc, c.recommended_sku) as rank
          from scored c
    )
    insert into scout.platinum_product_recommendations
           (sku, recommended_sku, co_occurrence, support, confidence, lift, rank)
    select r.sku, r.recommended_sku, r.co_occurrence, r.support, r.confidence, r.lift, r.rank
      from ranked r
     where r.rank <= 10;
    get diagnostics v_recommendations = row_count;
    return pg_catalog.jsonb_build_object('recommendations', v_recommendations, 'dropped', v_recommendations_dropped);
end
$$;


--
-- Name: FUNCTION platinum_build_recommendations(p_since date, p_basket_max_skus integer, p_min_co_occurrence integer); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.platinum_build_recommendations(p_since date, p_basket_max_skus integer, p_min_co_occurrence integer) IS 'Step of scout.refresh_platinum: rewrites scout.platinum_product_recommendations from the baskets (a customer''s SKUs since p_since, at most p_basket_max_skus of them): co_occurrence, support, confidence and lift of each pair at least p_min_co_occurrence baskets share, the best 10 per SKU by lift, co_occurrence, then recommended_sku; returns {"recommendations", "dropped"}. Only inside scout.refresh_platinum (55000 otherwise).';


--
-- Name: platinum_last_build(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.platinum_last_build() RETURNS TABLE(window_start date, min_co_occurrence integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select b.window_start, coalesce(b.min_co_occurrence, (scout_internal.setting('min_co_occurrence'))::int)
      from ip_workbench.platinum_builds b
$$;


--
-- Name: FUNCTION platinum_last_build(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.platinum_last_build() IS 'The window_start and min_co_occurrence (the setting where the build did not record it) of Platinum''s last build; no row before the first build.';


--
-- Name: purge_older(text, text, text, timestamp with time zone); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.purge_older(p_schema text, p_table text, p_column text, p_before timestamp with time zone) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_deleted bigint;
    v_any boolean;
begin
    -- nothing to delete, no statement: a DELETE counts as a write of its table even when
    -- it deletes nothing (ip_workbench.layer_versions), which would wake Platinum daily
    execute pg_catalog.format('select exists (select 1 from %I.%I where %I < $1)', p_schema, p_table, p_column)
       into v_any using p_before;
    if not v_any then
        return 0;
    end if;
    execute pg_catalog.format('delete from %I.%I where %I < $1', p_schema, p_table, p_column) using p_before;
    get diagnostics v_deleted = row_count;
    if exists (select 1 from ip_workbench.tables t where t.schema_name = p_schema and t.table_name = p_table) then
        perform scout_internal.touch_table(p_schema, p_table, v_deleted, -v_deleted);
    end if;
    return v_deleted;
end
$_$;


--
-- Name: FUNCTION purge_older(p_schema text, p_table text, p_column text, p_before timestamp with time zone); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.purge_older(p_schema text, p_table text, p_column text, p_before timestamp with time zone) IS 'Deletes the rows of p_schema.p_table whose p_column is before p_before, adjusts its row_count in ip_workbench.tables when it is registered, and returns how many went. Internal to scout.purge_expired.';


--
-- Name: purge_processed_bronze_products(timestamp with time zone); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.purge_processed_bronze_products(p_before timestamp with time zone) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_mark ip_workbench.watermarks;
    v_deleted bigint;
    v_latest timestamptz := pg_catalog.now() + (scout_internal.setting('product_updated_at_tolerance') #>> '{}')::interval;
begin
    select * into v_mark from ip_workbench.watermarks w where w.stream = 'silver_products';
    delete from scout.bronze_products b
     where b.ingested_at < p_before
       and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
               pg_catalog.pg_current_xact_id_if_assigned(), v_mark.processed_snapshot, v_mark.processed_xid,
               v_mark.processed_seq)
       and case
           when exists (select 1 from scout.silver_rejected_products r where r.bronze_id = b.id) then true
           when exists (select 1 from scout.silver_products s where s.bronze_id = b.id) then true
           else exists (
               select 1
                 from scout_internal.parse_product_payload(b.raw_data, v_latest) p
                 join scout.silver_products s on s.sku = p.sku
                where pg_catalog.cardinality(p.reasons) = 0
                  and ((s.version_at, s.bronze_seq) > (coalesce(p.updated_at, b.ingested_at), b.ingest_seq)
                       or (s.name, s.description, s.category, s.brand, s.price, s.cost, s.stock_quantity,
                           s.unit_of_measure, s.barcode, s.is_active, s.updated_at, s.attributes)
                          is not distinct from
                          (p.name, p.description, p.category, p.brand, p.price, p.cost, p.stock_quantity,
                           p.unit_of_measure, p.barcode, p.is_active, p.updated_at, p.attributes)))
           end;
    get diagnostics v_deleted = row_count;
    perform scout_internal.touch_table('scout', 'bronze_products', v_deleted, -v_deleted);
    return v_deleted;
end
$$;


--
-- Name: FUNCTION purge_processed_bronze_products(p_before timestamp with time zone); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.purge_processed_bronze_products(p_before timestamp with time zone) IS 'Deletes the rows of scout.bronze_products ingested before p_before that refresh_silver has read (the silver_products watermark) and that Silver has judged, checked against Silver itself: a rejected row of its own, the Silver version, one older than it (by updated_at) or identical to it (a re-send). Adjusts the registry and returns how many went. Internal to scout.purge_expired.';


--
-- Name: purge_processed_bronze_transactions(timestamp with time zone, boolean); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.purge_processed_bronze_transactions(p_before timestamp with time zone, p_whole_months boolean DEFAULT true) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_mark ip_workbench.watermarks;
    v_today date := scout_internal.business_today();
    v_oldest date;
    -- Each Bronze row of a range (%s: the filter on b) with whether it may go: $1–$3 the
    -- watermark, $4 today, $5 the oldest date Silver accepts, $6 the boundary, $7 the first
    -- day Silver holds (scout_internal.silver_frozen_before, read once). Its rejected
    -- row and Silver's version of its key come by joins, so a month is judged by two hash
    -- joins instead of two index probes per row; only the rows they leave (re-sends of a
    -- version Silver holds, sales of frozen months) are parsed, the parse last in the OR.
    v_rows constant text := $rows$
        select b.id,
               b.ingested_at < $6
               and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                       pg_catalog.pg_current_xact_id_if_assigned(), $1, $2, $3)
               and (r.bronze_id is not null
                    or s.bronze_seq >= b.ingest_seq
                    or exists (
                        select 1
                          from scout_internal.parse_transaction_payload(b.raw_data, $4, pg_catalog.now(), $5) p
                         where pg_catalog.cardinality(p.reasons) = 0
                           and (p.transaction_date < $7
                                or exists (
                                    select 1 from scout.silver_validated_transactions v
                                     where v.transaction_id = p.transaction_id
                                       and (v.transaction_date, v.amount, v.currency, v.category, v.subcategory,
                                            v.store_id, v.vendor_name, v.vendor_id, v.customer_id, v.sku, v.quantity,
                                            v.tax_amount, v.payment_method, v.description, v.attributes)
                                           is not distinct from
                                           (p.transaction_date, p.amount, p.currency, p.category, p.subcategory,
                                            p.store_id, p.vendor_name, p.vendor_id, p.customer_id, p.sku, p.quantity,
                                            p.tax_amount, p.payment_method, p.description, p.attributes))))) as removable
          from scout.bronze_transactions b
          left join scout.silver_rejected_transactions r on r.bronze_id = b.id
          left join scout.silver_validated_transactions s
                 on s.transaction_id = scout_internal.payload_key(b.raw_data, 'transaction_id')
         where %s$rows$;
    v_month record;
    v_keeps bigint;
    v_rows_in_month bigint;
    v_months text[] := '{}'::text[];
    v_month_rows bigint := 0;
    v_deleted bigint;
    v_lock_timeout text := pg_catalog.current_setting('lock_timeout');
begin
    v_oldest := (v_today - pg_catalog.make_interval(
                     years => (scout_internal.setting('transaction_max_age_years'))::int))::date;
    select * into v_mark from ip_workbench.watermarks w where w.stream = 'silver_transactions';
    for v_month in
        select m.partition, m.month, m.id_from, m.id_to
          from scout_internal.bronze_months() m
         where p_whole_months
           -- every id of the month was written before its end, and no row arrives after its id
           and (m.month + interval '1 month')::timestamp at time zone 'UTC' <= p_before
         order by m.month
    loop
        begin
            perform pg_catalog.set_config('lock_timeout', '5s', true);
            -- no row comes into it while it is judged (an owner's insert with an old id)
            execute pg_catalog.format('lock table %s in share row exclusive mode', v_month.partition);
            execute pg_catalog.format('select pg_catalog.count(*) filter (where not x.removable), pg_catalog.count(*) '
                                      'from (' || v_rows || ') x',
                                      pg_catalog.format('b.id >= %L and b.id < %L', v_month.id_from, v_month.id_to))
               into v_keeps, v_rows_in_month
              using v_mark.processed_snapshot, v_mark.processed_xid, v_mark.processed_seq, v_today, v_oldest, p_before,
            scout_internal.silver_frozen_before();
            if v_keeps = 0 then
                execute pg_catalog.format('drop table %s', v_month.partition);
                v_months := v_months || pg_catalog.to_char(v_month.month, 'YYYY-MM');
                v_month_rows := v_month_rows + v_rows_in_month;
            end if;
            perform pg_catalog.set_config('lock_timeout', v_lock_timeout, true);
        exception when lock_not_available then
            null;  -- its rows go one by one below
        end;
    end loop;
    execute pg_catalog.format('delete from scout.bronze_transactions d using (' || v_rows || ') x '
                              'where d.id = x.id and x.removable', 'b.ingested_at < $6')
      using v_mark.processed_snapshot, v_mark.processed_xid, v_mark.processed_seq, v_today, v_oldest, p_before,
            scout_internal.silver_frozen_before();
    get diagnostics v_deleted = row_count;
    if v_month_rows > 0 then
        -- a dropped table fires no delete trigger: what read Bronze is told it changed,
        -- and that rows were removed
        perform scout_internal.count_removal('scout.bronze_transactions');
    end if;
    perform scout_internal.touch_table('scout', 'bronze_transactions', v_deleted + v_month_rows,
                                       -(v_deleted + v_month_rows));
    return pg_catalog.jsonb_build_object('rows', v_deleted + v_month_rows, 'months_dropped', v_months,
                                         'rows_in_months_dropped', v_month_rows);
end
$_$;


--
-- Name: FUNCTION purge_processed_bronze_transactions(p_before timestamp with time zone, p_whole_months boolean); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.purge_processed_bronze_transactions(p_before timestamp with time zone, p_whole_months boolean) IS 'Removes the rows of scout.bronze_transactions ingested before p_before that refresh_silver has read (the silver_transactions watermark) and that Silver has judged, checked against Silver itself: a rejected row of its own, a Silver version of its key as late as it, the identical version (a re-send), or a sale dated before the months Silver keeps. A month whose every row qualifies is dropped whole (p_whole_months, when its lock is granted within 5 s); the rest are deleted. Adjusts the registry; returns {"rows", "months_dropped", "rows_in_months_dropped"}. Internal to scout.purge_expired.';


--
-- Name: purge_run_log(boolean); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.purge_run_log(p_wait boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    AS $_$
declare
    v_run jsonb;
    v_before timestamptz;
    v_runs bigint;
    v_cron bigint := 0;
begin
    v_run := scout_internal.job_start('scout_internal.purge_run_log', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    begin
        v_before := pg_catalog.now() - pg_catalog.make_interval(days => (scout_internal.setting('run_log_retention_days'))::int);
        delete from ip_workbench.job_runs r
         where r.started_at < v_before and r.id <> (v_run ->> 'run_id')::bigint and r.status <> 'running';
        get diagnostics v_runs = row_count;
        -- to_regclass itself raises 42501 for a role without USAGE on schema cron
        -- (service_role on Supabase), so look at the privileges first
        if pg_catalog.to_regnamespace('cron') is not null
           and pg_catalog.has_schema_privilege('cron', 'USAGE')
           and pg_catalog.to_regclass('cron.job_run_details') is not null then
            begin
                execute 'delete from cron.job_run_details d where d.end_time < $1' using v_before;
                get diagnostics v_cron = row_count;
            exception when insufficient_privilege then
                v_cron := null;  -- pg_cron's log belongs to the role that scheduled the jobs
            end;
        end if;
        perform scout_internal.touch_table('ip_workbench', 'job_runs', v_runs, -v_runs);
        return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
            'status', 'ok', 'before', v_before, 'job_runs', v_runs, 'cron_job_run_details', v_cron));
    exception when others or query_canceled then
        return scout_internal.job_fail(v_run, 'purge_run_log', sqlstate, sqlerrm);
    end;
end
$_$;


--
-- Name: FUNCTION purge_run_log(p_wait boolean); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.purge_run_log(p_wait boolean) IS 'Deletes run log rows started more than run_log_retention_days ago (ip_workbench.settings): ip_workbench.job_runs with their steps, and cron.job_run_details where pg_cron is in this database. Returns {"status", "before", "job_runs", "cron_job_run_details", …}.';


--
-- Name: raise_alert(text, text, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.raise_alert(p_kind text, p_subject text, p_details jsonb) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_id bigint;
begin
    if p_kind not in ('job_failed', 'sales_anomaly') then
        raise exception 'raise_alert raises job_failed and sales_anomaly alerts, got %', p_kind
            using errcode = '22023', hint = 'Data-quality alerts are raised by scout_internal.dq_raise_alert.';
    end if;
    -- the same problem again marks the open alert seen: no flood
    update ip_workbench.dq_alerts a
       set details = p_details || pg_catalog.jsonb_build_object('times', coalesce((a.details ->> 'times')::int, 1) + 1)
     where a.kind = p_kind and a.subject = p_subject and a.closed_at is null and p_kind = 'job_failed';
    if found then
        return null;
    end if;
    insert into ip_workbench.dq_alerts (kind, subject, details, closed_at, schema_name, table_name, layer)
    values (p_kind, p_subject, p_details,
            -- an anomaly is an event, not a state that can recover: closed as it is raised
            case p_kind when 'sales_anomaly' then pg_catalog.now() end,
            case p_kind when 'sales_anomaly' then 'scout' end,
            case p_kind when 'sales_anomaly' then 'gold_sales_anomalies' end,
            case p_kind when 'sales_anomaly' then 'gold' end)
    on conflict (subject) where kind = 'sales_anomaly' do nothing
    returning id into v_id;
    if v_id is not null then
        perform pg_catalog.pg_notify('scout_dq_alert', pg_catalog.jsonb_build_object(
            'alert_id', v_id, 'kind', p_kind, 'subject', p_subject, 'details', p_details)::text);
    end if;
    return v_id;
end
$$;


--
-- Name: FUNCTION raise_alert(p_kind text, p_subject text, p_details jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.raise_alert(p_kind text, p_subject text, p_details jsonb) IS 'Raises an alert of kind p_kind (job_failed or sales_anomaly) about p_subject (a job name, or "category, week of YYYY-MM-DD") with p_details, with NOTIFY scout_dq_alert; returns its id. A job with an open alert gets no second one (its details take the latest failure and a count of times); a sales anomaly is raised once, ever (NULL after that), closed as it is raised since it is an event, not a state that recovers.';


--
-- Name: record_run_metadata(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.record_run_metadata() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
    perform scout_internal.touch_table('ip_workbench', 'job_runs', 1, null);
    perform scout_internal.touch_table('ip_workbench', 'job_run_steps', 1, null);
    return (select pg_catalog.jsonb_build_object('status', 'ok', 'rows', pg_catalog.count(*),
                                                 'layers', pg_catalog.jsonb_object_agg(l.layer, l.row_count))
              from (select t.layer, pg_catalog.sum(t.row_count) as row_count
                      from ip_workbench.tables t group by t.layer) l);
end
$$;


--
-- Name: FUNCTION record_run_metadata(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.record_run_metadata() IS 'Recounts the run log''s tables in ip_workbench.tables and returns the rows registered per layer: {"status": "ok", "rows", "layers"}.';


--
-- Name: refresh_marts(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.refresh_marts() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


--
-- Name: FUNCTION refresh_marts(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.refresh_marts() IS 'Step of scout.run_transformations after Gold: brings every mart of ip_workbench.marts up to date with its query view, in refresh_order, recording each build in scout_internal.mart_builds: a mart never built, or a full one whose inputs changed (the versions of the counted tables it reads, its definition, the business day; always when it reads an uncounted table), is rewritten whole; an incremental one recomputes the days queued for it in scout_internal.mart_days_to_rebuild. Returns {"marts_refreshed", "rows" (written), "marts": [{"mart", "rebuilt" | "days", "rows_deleted", "rows_written"}…]}. Only inside scout.run_transformations (55000 otherwise).';


--
-- Name: register_check(regclass, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.register_check(p_view regclass, p_description text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_column record;
begin
    execute pg_catalog.format('comment on view %s is %L', p_view, p_description);
    for v_column in select * from (values
        ('check_name', 'The check (the view''s name).'),
        ('schema_name', 'Schema of the checked table.'),
        ('table_name', 'The checked table.'),
        ('layer', 'Its layer.'),
        ('dimension', 'completeness, uniqueness, validity, integrity, volume or timeliness.'),
        ('level', 'error (counts in the table''s score) or warning.'),
        ('passed', 'Rows that passed.'),
        ('failed', 'Rows that failed.'),
        ('detail', 'What is checked.'),
        ('failing_keys', 'The business keys of the failing rows (the Bronze id where there is none).'),
        ('recent_passed', 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).'),
        ('recent_failed', 'Of the failing rows, those that arrived since the previous check run: what the scores describe.')) c(name, text)
        where exists (select 1 from pg_catalog.pg_attribute a where a.attrelid = p_view and a.attname = c.name) loop
        execute pg_catalog.format('comment on column %s.%I is %L', p_view, v_column.name, v_column.text);
    end loop;
    execute pg_catalog.format('revoke all on %s from public, anon, authenticated', p_view);
    execute pg_catalog.format('grant select on %s to service_role', p_view);
end
$$;


--
-- Name: FUNCTION register_check(p_view regclass, p_description text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.register_check(p_view regclass, p_description text) IS 'Gives check view p_view (db/checks) its comment p_description, the standard column comments (recent_passed and recent_failed where it has them) and its grant (select for service_role, nothing for anyone else).';


--
-- Name: require_job_lock(text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.require_job_lock(p_job text, p_step text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
    if not scout_internal.holds_job_lock(p_job) then
        raise exception '% runs only inside %, which holds its lock', p_step, p_job
            using errcode = '55000', hint = pg_catalog.format('Call select %s();', p_job);
    end if;
end
$$;


--
-- Name: FUNCTION require_job_lock(p_job text, p_step text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.require_job_lock(p_job text, p_step text) IS 'Raises 55000 naming step p_step and job p_job unless this session holds p_job''s lock (scout_internal.holds_job_lock). The first statement of every step a job calls.';


--
-- Name: run_step(bigint, integer, text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.run_step(p_run_id bigint, p_position integer, p_step text, p_sql text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_started timestamptz := pg_catalog.clock_timestamp();
    v_result jsonb;
    v_status text;
begin
    begin
        execute 'select ' || p_sql into v_result;
    exception when others or query_canceled then
        v_result := pg_catalog.jsonb_build_object('status', 'failed', 'sqlstate', sqlstate, 'message', sqlerrm);
    end;
    v_status := case v_result ->> 'status' when 'failed' then 'failed' when 'skipped' then 'skipped' else 'ok' end;
    insert into ip_workbench.job_run_steps (run_id, position, step, status, rows, seconds, details)
    values (p_run_id, p_position, p_step, v_status,
            coalesce((v_result ->> 'rows')::bigint, (v_result ->> 'processed')::bigint, (v_result ->> 'changed_days')::bigint,
                     (v_result ->> 'embeddings')::bigint),
            pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - v_started)::numeric, 3),
            v_result);
    return v_result || pg_catalog.jsonb_build_object('step', p_step, 'step_status', v_status,
        'step_seconds', pg_catalog.round(extract(epoch from pg_catalog.clock_timestamp() - v_started)::numeric, 3));
end
$$;


--
-- Name: FUNCTION run_step(p_run_id bigint, p_position integer, p_step text, p_sql text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.run_step(p_run_id bigint, p_position integer, p_step text, p_sql text) IS 'Runs one step of run p_run_id (the jsonb expression p_sql), records it as step p_position of ip_workbench.job_run_steps with its status, rows and seconds, and returns its result with "step", "step_status" and "step_seconds". An error becomes {"status": "failed", "sqlstate", "message"} with the step''s work rolled back.';


--
-- Name: save_embeddings(text, jsonb); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.save_embeddings(p_model text, p_rows jsonb) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_saved bigint;
    v_bad text;
    v_version_before bigint := (select v.version from ip_workbench.layer_versions v
                                 where v.table_name = 'scout.platinum_transaction_embeddings'::regclass);
begin
    select r.transaction_id into v_bad
      from pg_catalog.jsonb_to_recordset(p_rows) r(transaction_id text, embedding real[])
     where pg_catalog.cardinality(r.embedding) is distinct from 384 limit 1;
    if v_bad is not null then
        raise exception 'the embedding of % does not have 384 numbers', v_bad using errcode = '22023';
    end if;
    -- only where the text is still the one embedded: a rebuild may have changed it since
    update scout.platinum_transaction_embeddings e
       set embedding = (select pg_catalog.array_agg((x / r.norm)::real order by i) from pg_catalog.unnest(r.embedding) with ordinality u(x, i)), embedding_model = p_model, embedded_at = pg_catalog.now()
      from (select r.transaction_id, r.text, r.embedding,
                   pg_catalog.sqrt((select pg_catalog.sum(x::double precision * x) from pg_catalog.unnest(r.embedding) x)) as norm
              from pg_catalog.jsonb_to_recordset(p_rows) r(transaction_id text, text text, embedding real[])) r
     where e.transaction_id = r.transaction_id and e.text = r.text and r.norm > 0;
    get diagnostics v_saved = row_count;
    -- a write that adds or removes no sentence, logged as such: the data-quality checks
    -- keep judging Platinum by its changed keys (scout_internal.dq_writes_logged)
    insert into scout_internal.logged_writes (table_name, version_before, version_after)
    select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
     where v.table_name = 'scout.platinum_transaction_embeddings'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    return v_saved;
end
$$;


--
-- Name: FUNCTION save_embeddings(p_model text, p_rows jsonb); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.save_embeddings(p_model text, p_rows jsonb) IS 'Writes the vectors scout-db embed computed: p_rows is [{"transaction_id", "text", "embedding": [384 numbers]}…]; each is scaled to unit length and stored with model p_model and embedded_at = now(), on the row whose text is still the one embedded (a sentence changed meanwhile waits for the next pass), logged in scout_internal.logged_writes as a write that adds and removes no sentence. Returns the rows saved; raises 22023 for a vector of another length.';


--
-- Name: silver_apply_transaction_changes(boolean); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_apply_transaction_changes(p_gold_days boolean) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_deleted bigint := 0;
    v_updated bigint := 0;
    v_inserted bigint := 0;
    v_version_before bigint;
begin
    -- backfill holds Silver's lock too: it brings Silver up to date first
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_apply_transaction_changes');
    perform 'PRAGMA:TABLE: silver_transaction_changes (transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, bronze_id uuid, bronze_seq bigint, source text, ingestion_batch_id text, ingested_at timestamptz, change text, old_category text, old_transaction_date date, old_customer_id text, old_amount numeric, old_quantity integer, old_store_id text, old_ingested_at timestamptz)';
    -- Nothing to write, no statement: each one counts as a write of Silver
    -- (ip_workbench.layer_versions) and would make Platinum rebuild for nothing.
    if not exists (select 1 from pg_temp.silver_transaction_changes) then
        return pg_catalog.jsonb_build_object('inserted', 0, 'updated', 0, 'deleted', 0);
    end if;
    v_version_before := (select v.version from ip_workbench.layer_versions v
                          where v.table_name = 'scout.silver_validated_transactions'::regclass);
    -- the store mart hears of every (store, category, day) touched, old version and new:
    -- a correction that only moved a sale to another store cancels out below, not here.
    -- A large change tells it whole days instead, as it tells Gold.
    insert into scout_internal.gold_store_days_to_rebuild (store_id, category, day, all_stores)
    select case when p_gold_days then null else x.store_id end, x.category, x.day, p_gold_days
      from (select c.store_id, c.category, c.transaction_date as day
              from pg_temp.silver_transaction_changes c where c.change <> 'delete'
            union
            select c.old_store_id, c.old_category, c.old_transaction_date
              from pg_temp.silver_transaction_changes c where c.change <> 'insert') x
     group by case when p_gold_days then null else x.store_id end, x.category, x.day;
    if p_gold_days then
        insert into scout_internal.gold_days_to_reaggregate (category, day)
        select c.category, c.transaction_date from pg_temp.silver_transaction_changes c where c.change <> 'delete'
        union
        select c.old_category, c.old_transaction_date from pg_temp.silver_transaction_changes c where c.change <> 'insert';
    else
        insert into scout_internal.gold_differences_to_add (category, day, customer_id, transactions, amount, quantity)
        select x.category, x.day, x.customer_id, pg_catalog.sum(x.transactions), pg_catalog.sum(x.amount),
               pg_catalog.sum(x.quantity)
          from (select c.category, c.transaction_date as day, c.customer_id, 1 as transactions, c.amount,
                       c.quantity::bigint as quantity
                  from pg_temp.silver_transaction_changes c where c.change <> 'delete'
                union all
                select c.old_category, c.old_transaction_date, c.old_customer_id, -1, -c.old_amount,
                       -c.old_quantity::bigint
                  from pg_temp.silver_transaction_changes c where c.change <> 'insert') x
         group by x.category, x.day, x.customer_id
        -- a correction that moved nothing Gold counts (a new description) cancels out
        having pg_catalog.sum(x.transactions) <> 0 or pg_catalog.sum(x.amount) <> 0 or pg_catalog.sum(x.quantity) <> 0;
    end if;

    -- only when there is something to delete: a DELETE counts as a removal
    -- (ip_workbench.layer_versions.removals), which makes the checks judge all of Silver again
    if exists (select 1 from pg_temp.silver_transaction_changes c where c.change = 'delete') then
        delete from scout.silver_validated_transactions s
         using pg_temp.silver_transaction_changes c
         where c.change = 'delete' and s.transaction_id = c.transaction_id;
        get diagnostics v_deleted = row_count;
    end if;
    -- plain UPDATE and INSERT rather than INSERT … ON CONFLICT: speculative insertion
    -- costs about a quarter more per row, and the job's lock means no one else writes here
    update scout.silver_validated_transactions as s
       set transaction_date = c.transaction_date, amount = c.amount, currency = c.currency,
           category = c.category, subcategory = c.subcategory, store_id = c.store_id,
           vendor_name = c.vendor_name, vendor_id = c.vendor_id, customer_id = c.customer_id, sku = c.sku,
           quantity = c.quantity, tax_amount = c.tax_amount, payment_method = c.payment_method,
           description = c.description, attributes = c.attributes, bronze_id = c.bronze_id,
           bronze_seq = c.bronze_seq, source = c.source, ingestion_batch_id = c.ingestion_batch_id,
           ingested_at = c.ingested_at, validated_at = pg_catalog.now()
      from pg_temp.silver_transaction_changes c
     where c.change = 'update' and s.transaction_id = c.transaction_id;
    get diagnostics v_updated = row_count;
    insert into scout.silver_validated_transactions (
        transaction_id, transaction_date, amount, currency, category, subcategory, store_id,
        vendor_name, vendor_id, customer_id, sku, quantity, tax_amount, payment_method, description,
        attributes, bronze_id, bronze_seq, source, ingestion_batch_id, ingested_at)
    select c.transaction_id, c.transaction_date, c.amount, c.currency, c.category, c.subcategory, c.store_id,
           c.vendor_name, c.vendor_id, c.customer_id, c.sku, c.quantity, c.tax_amount, c.payment_method,
           c.description, c.attributes, c.bronze_id, c.bronze_seq, c.source, c.ingestion_batch_id, c.ingested_at
      from pg_temp.silver_transaction_changes c
     where c.change = 'insert';
    get diagnostics v_inserted = row_count;
    -- a change of a tenth of Silver or more (and over 10,000 keys) is not logged: judging
    -- all of Silver again costs the checks less than reading it key by key
    if v_inserted + v_updated + v_deleted <= 10000
       or (v_inserted + v_updated + v_deleted) * 10 <= (select c.reltuples from pg_catalog.pg_class c
                                                        where c.oid = 'scout.silver_validated_transactions'::regclass) then
        insert into scout_internal.silver_changed_keys (transaction_id, change, old_store_id, old_category,
                                                        old_transaction_date, old_ingested_at)
        select c.transaction_id, c.change, c.old_store_id, c.old_category, c.old_transaction_date, c.old_ingested_at
          from pg_temp.silver_transaction_changes c;
        insert into scout_internal.logged_writes (table_name, version_before, version_after)
        select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
         where v.table_name = 'scout.silver_validated_transactions'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    end if;
    return pg_catalog.jsonb_build_object('inserted', v_inserted, 'updated', v_updated, 'deleted', v_deleted);
end
$$;


--
-- Name: FUNCTION silver_apply_transaction_changes(p_gold_days boolean); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_apply_transaction_changes(p_gold_days boolean) IS 'The one Silver apply of scout_internal.silver_merge_transactions and scout.backfill: writes the changes in pg_temp.silver_transaction_changes (insert, update or delete of a transaction_id) to scout.silver_validated_transactions and queues them for Gold, as the days they touched when p_gold_days, else as differences per (category, day, customer), and, when at most 10,000 keys or under a tenth of Silver change, key by key for the data-quality checks too (scout_internal.silver_changed_keys, with Silver''s version before and after in scout_internal.logged_writes). Returns {"inserted", "updated", "deleted"}; writes nothing when there is nothing to change. Only under scout.refresh_silver''s lock, which the merge and backfill hold (55000 otherwise).';


--
-- Name: silver_apply_validation_rules(text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_apply_validation_rules(p_table text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_rejected bigint;
begin
    -- backfill holds Silver's lock too
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_apply_validation_rules');
    if p_table not in ('silver_delta_transactions', 'backfill_versions') then
        raise exception 'silver_apply_validation_rules: % is not a table of parsed transactions', p_table
            using errcode = '22023', hint = 'pass silver_delta_transactions or backfill_versions';
    end if;
    if not exists (select 1 from scout.ref_validation_rules r where r.is_active and r.action = 'reject') then
        return 0;  -- no rule, no statement
    end if;
    execute pg_catalog.format($sql$
        update pg_temp.%1$I d
           set reasons = d.reasons || b.codes
          from (select x.bronze_id, pg_catalog.array_agg(distinct r.reason_code order by r.reason_code) as codes
                  from pg_temp.%1$I x
                  join scout.ref_validation_rules r
                    on r.is_active and r.action = 'reject' and (r.category is null or r.category = x.category)
                 where scout_internal.breaks_rule(r, x.amount, x.quantity, x.tax_amount, x.currency, x.subcategory,
                                                  x.store_id, x.vendor_id, x.vendor_name, x.customer_id, x.sku,
                                                  x.payment_method, x.description)
                   and r.reason_code <> all (x.reasons)
                 group by x.bronze_id) b
         where d.bronze_id = b.bronze_id$sql$, p_table);
    get diagnostics v_rejected = row_count;
    return v_rejected;
end
$_$;


--
-- Name: FUNCTION silver_apply_validation_rules(p_table text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_apply_validation_rules(p_table text) IS 'Step of scout_internal.silver_merge_transactions and scout_internal.backfill_judge: adds to the reasons of every row of pg_temp.<p_table> (silver_delta_transactions or backfill_versions) the reason codes of the active reject rules of scout.ref_validation_rules it breaks (scout_internal.breaks_rule; a rule with a category applies to that category only). Returns the rows it gave a reason; writes nothing when no reject rule is active. Only under scout.refresh_silver''s lock (55000 otherwise).';


--
-- Name: silver_candidates(regclass, pg_snapshot, xid8, pg_snapshot, xid8, bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_candidates(p_bronze regclass, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_count bigint;
begin
    if pg_catalog.to_regclass('pg_temp.silver_candidates') is not null then
        drop table pg_temp.silver_candidates;
    end if;
    execute pg_catalog.format($sql$
        create temp table silver_candidates on commit drop as
        select pg_catalog.row_number() over (order by b.ingest_seq) as rn, b.id, null::text as parse_error
          from %s b
         where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin($3), '0'::xid8)
           and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, $1, $2, $3, $4, $5)$sql$, p_bronze)
        using p_now, p_own, p_prev, p_prev_xid, p_prev_seq;
    get diagnostics v_count = row_count;
    create index on pg_temp.silver_candidates (rn);
    return v_count;
end
$_$;


--
-- Name: FUNCTION silver_candidates(p_bronze regclass, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_candidates(p_bronze regclass, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint) IS 'Internal to the Silver merges'' safety net: creates pg_temp.silver_candidates(rn, id, parse_error), the rows of Bronze table p_bronze new to the stream (watermark p_prev, p_prev_xid, p_prev_seq; snapshot p_now; own transaction p_own) numbered by arrival; returns how many.';


--
-- Name: silver_first_load_transactions(bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_first_load_transactions(p_processed bigint) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_inserted bigint;
    v_index_definitions text[];
    v_index text;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_first_load_transactions');
    perform 'PRAGMA:TABLE: silver_delta_transactions (bronze_id uuid, bronze_seq bigint, ingest_xid xid8, source text, ingestion_batch_id text, ingested_at timestamptz, transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[], parse_error text)';
    -- the days loaded, in one pass, for Gold's marts and (whole days, every store) its
    -- store mart
    with days as materialized (
        select distinct d.category, d.transaction_date as day
          from pg_temp.silver_delta_transactions d
         where pg_catalog.cardinality(d.reasons) = 0
    ), for_marts as (
        insert into scout_internal.gold_days_to_reaggregate (category, day) select days.category, days.day from days
    )
    insert into scout_internal.gold_store_days_to_rebuild (category, day, all_stores)
    select days.category, days.day, true from days;
    -- For a large first load, Silver's secondary indexes are built after the insert
    -- (scout_internal.drop_indexes_for_load). The API roles never read Silver, and
    -- nothing else has anything to read in it yet.
    if p_processed >= (scout_internal.setting('silver_first_load_rebuilds_indexes_from'))::bigint then
        v_index_definitions := scout_internal.drop_indexes_for_load('scout.silver_validated_transactions');
    end if;
    insert into scout.silver_validated_transactions (
        transaction_id, transaction_date, amount, currency, category, subcategory, store_id,
        vendor_name, vendor_id, customer_id, sku, quantity, tax_amount, payment_method, description,
        attributes, bronze_id, bronze_seq, source, ingestion_batch_id, ingested_at)
    select distinct on (d.transaction_id)
           d.transaction_id, d.transaction_date, d.amount, d.currency, d.category, d.subcategory, d.store_id,
           d.vendor_name, d.vendor_id, d.customer_id, d.sku, d.quantity, d.tax_amount, d.payment_method,
           d.description, d.attributes, d.bronze_id, d.bronze_seq, d.source, d.ingestion_batch_id, d.ingested_at
      from pg_temp.silver_delta_transactions d
     where pg_catalog.cardinality(d.reasons) = 0
     order by d.transaction_id, d.bronze_seq desc;
    get diagnostics v_inserted = row_count;
    foreach v_index in array coalesce(v_index_definitions, '{}') loop
        execute v_index;
    end loop;
    return v_inserted;
end
$$;


--
-- Name: FUNCTION silver_first_load_transactions(p_processed bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_first_load_transactions(p_processed bigint) IS 'Step of scout_internal.silver_merge_transactions when Silver is empty: inserts the latest valid version of each key in pg_temp.silver_delta_transactions and queues the days they touch for Gold; from silver_first_load_rebuilds_indexes_from parsed rows (p_processed) on, and only for Silver''s owner, the secondary indexes are dropped and built again after the insert. Returns the rows inserted. Only inside scout.refresh_silver (55000 otherwise).';


--
-- Name: silver_frozen_before(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_frozen_before() RETURNS date
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select coalesce((scout_internal.setting('silver_purged_before') #>> '{}')::date, '-infinity'::date)
$$;


--
-- Name: FUNCTION silver_frozen_before(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_frozen_before() IS 'The boundary of the last Silver purge (setting silver_purged_before), or -infinity before the first: Silver holds every day from it on, and Gold is frozen before it.';


--
-- Name: silver_isolate_unparseable(text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_isolate_unparseable(p_delta text, p_template text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_count bigint;
    v_bad bigint;
begin
    perform 'PRAGMA:TABLE: silver_candidates (rn bigint, id uuid, parse_error text)';
    select pg_catalog.count(*) into v_count from pg_temp.silver_candidates;
    execute pg_catalog.format('create temp table %I on commit drop as %s', p_delta,
                              pg_catalog.format(p_template, 1, 0));
    perform scout_internal.silver_probe_range(p_template, 1, v_count);
    execute pg_catalog.format('insert into pg_temp.%I %s', p_delta, pg_catalog.format(p_template, 1, v_count));
    select pg_catalog.count(*) into v_bad from pg_temp.silver_candidates c where c.parse_error is not null;
    return v_bad;
end
$$;


--
-- Name: FUNCTION silver_isolate_unparseable(p_delta text, p_template text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_isolate_unparseable(p_delta text, p_template text) IS 'Internal to the Silver merges: after their set-based parse raised a data error, marks the candidates whose parse raises (pg_temp.silver_candidates.parse_error) and loads every other candidate into temp table p_delta with p_template; returns how many were marked.';


--
-- Name: silver_merge_products(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_merge_products() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    -- taken here, never passed in: a caller's older snapshot would re-read or skip rows
    v_now pg_snapshot := pg_catalog.pg_current_snapshot();
    v_prev pg_snapshot;
    v_prev_xid xid8;
    v_prev_seq bigint;
    v_own xid8 := pg_catalog.pg_current_xact_id_if_assigned();
    v_own_seq bigint;
    v_processed bigint;
    v_latest timestamptz;
    v_rejected bigint;
    v_inserted bigint;
    v_updated bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_merge_products');
    select w.processed_snapshot, w.processed_xid, w.processed_seq into v_prev, v_prev_xid, v_prev_seq
      from ip_workbench.watermarks w where w.stream = 'silver_products';

    -- a version may be dated a little ahead of this clock (another machine's), not more
    v_latest := pg_catalog.now() + (scout_internal.setting('product_updated_at_tolerance') #>> '{}')::interval;

    if pg_catalog.to_regclass('pg_temp.silver_delta_products') is not null then
        drop table pg_temp.silver_delta_products;
    end if;
    begin
        create temp table silver_delta_products on commit drop as
        select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.raw_data, b.source,
               b.ingestion_batch_id, b.ingested_at, coalesce(p.updated_at, b.ingested_at) as version_at, p.*,
               null::text as parse_error
          from scout.bronze_products b
         cross join lateral scout_internal.parse_product_payload(b.raw_data, v_latest) p
         where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(v_prev), '0'::xid8)
           and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, v_now, v_own, v_prev, v_prev_xid, v_prev_seq);
        get diagnostics v_processed = row_count;
    exception
        when data_exception or program_limit_exceeded then
            -- as in silver_merge_transactions: reject the rows that break the parse, go on
            perform scout_internal.silver_candidates('scout.bronze_products', v_now, v_own, v_prev, v_prev_xid, v_prev_seq);
            perform scout_internal.silver_isolate_unparseable('silver_delta_products', pg_catalog.format($sql$
                select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.raw_data, b.source,
                       b.ingestion_batch_id, b.ingested_at, coalesce(p.updated_at, b.ingested_at) as version_at, p.*,
                       null::text as parse_error
                  from pg_temp.silver_candidates c
                  join scout.bronze_products b on b.id = c.id
                 cross join lateral scout_internal.parse_product_payload(b.raw_data, %L::timestamptz) p
                 where c.rn between %%s and %%s and c.parse_error is null$sql$, v_latest));
            insert into pg_temp.silver_delta_products
                   (bronze_id, bronze_seq, ingest_xid, raw_data, source, ingestion_batch_id, ingested_at, version_at,
                    sku, reasons, parse_error)
            select b.id, b.ingest_seq, b.ingest_xid, b.raw_data, b.source, b.ingestion_batch_id, b.ingested_at,
                   b.ingested_at, scout_internal.payload_key(b.raw_data, 'sku'), array['unparseable'], c.parse_error
              from pg_temp.silver_candidates c
              join scout.bronze_products b on b.id = c.id
             where c.parse_error is not null;
            select pg_catalog.count(*) into v_processed from pg_temp.silver_delta_products;
    end;

    insert into scout.silver_rejected_products as r
           (bronze_id, sku, reasons, raw_data, source, ingestion_batch_id, ingested_at, parse_error)
    select d.bronze_id, d.sku, d.reasons, d.raw_data, d.source, d.ingestion_batch_id, d.ingested_at, d.parse_error
      from pg_temp.silver_delta_products d
     where pg_catalog.cardinality(d.reasons) > 0
    on conflict (bronze_id) do update
       set sku = excluded.sku, reasons = excluded.reasons, parse_error = excluded.parse_error,
           rejected_at = pg_catalog.now();
    get diagnostics v_rejected = row_count;

    with winners as (
        select distinct on (d.sku) d.*
          from pg_temp.silver_delta_products d
         where pg_catalog.cardinality(d.reasons) = 0
         order by d.sku, d.version_at desc, d.bronze_seq desc
    ), upserted as (
        insert into scout.silver_products as s (
            sku, name, description, category, brand, price, cost, stock_quantity, unit_of_measure, barcode,
            is_active, updated_at, attributes, version_at, bronze_id, bronze_seq, source, ingestion_batch_id,
            ingested_at)
        select w.sku, w.name, w.description, w.category, w.brand, w.price, w.cost, w.stock_quantity,
               w.unit_of_measure, w.barcode, w.is_active, w.updated_at, w.attributes, w.version_at,
               w.bronze_id, w.bronze_seq, w.source, w.ingestion_batch_id, w.ingested_at
          from winners w
        on conflict (sku) do update
           set name = excluded.name, description = excluded.description, category = excluded.category,
               brand = excluded.brand, price = excluded.price, cost = excluded.cost,
               stock_quantity = excluded.stock_quantity, unit_of_measure = excluded.unit_of_measure,
               barcode = excluded.barcode, is_active = excluded.is_active, updated_at = excluded.updated_at,
               attributes = excluded.attributes, version_at = excluded.version_at,
               bronze_id = excluded.bronze_id, bronze_seq = excluded.bronze_seq, source = excluded.source,
               ingestion_batch_id = excluded.ingestion_batch_id, ingested_at = excluded.ingested_at,
               validated_at = pg_catalog.now()
         where (excluded.version_at, excluded.bronze_seq) > (s.version_at, s.bronze_seq)
           and (excluded.name, excluded.description, excluded.category, excluded.brand, excluded.price,
                excluded.cost, excluded.stock_quantity, excluded.unit_of_measure, excluded.barcode,
                excluded.is_active, excluded.updated_at, excluded.attributes)
               is distinct from
               (s.name, s.description, s.category, s.brand, s.price, s.cost, s.stock_quantity,
                s.unit_of_measure, s.barcode, s.is_active, s.updated_at, s.attributes)
        returning (s.xmax = 0) as is_insert
    )
    select pg_catalog.count(*) filter (where u.is_insert), pg_catalog.count(*) filter (where not u.is_insert)
      into v_inserted, v_updated
      from upserted u;

    select pg_catalog.max(d.bronze_seq) into v_own_seq
      from pg_temp.silver_delta_products d where d.ingest_xid = v_own;
    -- nothing read, nothing to record (see silver_merge_transactions)
    if v_processed > 0 then
        perform scout_internal.advance_watermark('silver_products', v_now, v_own, v_own_seq);
    end if;

    perform scout_internal.touch_table('scout', 'bronze_products', v_processed, v_processed,
        (select pg_catalog.max(b.ingested_at) from scout.bronze_products b));
    perform scout_internal.touch_table('scout', 'silver_products', v_inserted + v_updated, v_inserted);
    perform scout_internal.touch_table('scout', 'silver_rejected_products', v_rejected, v_rejected);

    return pg_catalog.jsonb_build_object(
        'processed', v_processed,
        'inserted', v_inserted,
        'updated', v_updated,
        'rejected', v_rejected,
        'superseded', v_processed - v_rejected - v_inserted - v_updated);
end
$_$;


--
-- Name: FUNCTION silver_merge_products(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_merge_products() IS 'Internal step of scout.refresh_silver (refuses to run without its lock, SQLSTATE 55000): judges Bronze products committed after the stored watermark and visible in the current snapshot, stores rejects, upserts the newest valid version per sku (by updated_at, then arrival), advances the watermark.';


--
-- Name: silver_merge_transactions(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_merge_transactions() RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    SET parallel_tuple_cost TO '0.001'
    SET work_mem TO '256MB'
    SET random_page_cost TO '1.1'
    SET enable_hashjoin TO 'on'
    SET enable_mergejoin TO 'on'
    AS $$
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
$$;


--
-- Name: FUNCTION silver_merge_transactions(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_merge_transactions() IS 'Internal step of scout.refresh_silver (refuses to run without its lock, SQLSTATE 55000): judges Bronze transactions committed after the stored watermark and visible in the current snapshot (plus the caller''s own uncommitted rows), stores rejects, upserts winners, advances the watermark, in named steps (silver_parse_transaction_delta, silver_apply_validation_rules, silver_store_rejected_transactions, silver_first_load_transactions or silver_settle_transaction_delta and silver_apply_transaction_changes). Returns processed/inserted/updated/rejected/superseded, where processed = inserted + updated + rejected + superseded.';


--
-- Name: silver_parse_transaction_delta(pg_snapshot, xid8, pg_snapshot, xid8, bigint, date, date); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_parse_transaction_delta(p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint, p_today date, p_oldest date) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
    v_processed bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_parse_transaction_delta');
    if pg_catalog.to_regclass('pg_temp.silver_delta_transactions') is not null then
        drop table pg_temp.silver_delta_transactions;
    end if;
    begin
        create temp table silver_delta_transactions on commit drop as
        select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.source,
               b.ingestion_batch_id, b.ingested_at, p.*, null::text as parse_error
          from scout.bronze_transactions b
         cross join lateral scout_internal.parse_transaction_payload(b.raw_data, p_today, pg_catalog.now(), p_oldest) p
         where b.ingest_xid >= coalesce(pg_catalog.pg_snapshot_xmin(p_prev), '0'::xid8)
           and scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, p_now, p_own, p_prev, p_prev_xid, p_prev_seq);
        get diagnostics v_processed = row_count;
    exception
        when data_exception or program_limit_exceeded then
            -- Some row's data broke the parse in a way no rule foresaw. No row may stall
            -- the stream: parse again row range by row range, reject the rows that raise
            -- as unparseable (with the error), and go on with the rest.
            perform scout_internal.silver_candidates('scout.bronze_transactions', p_now, p_own, p_prev, p_prev_xid, p_prev_seq);
            perform scout_internal.silver_isolate_unparseable('silver_delta_transactions', pg_catalog.format($sql$
                select b.id as bronze_id, b.ingest_seq as bronze_seq, b.ingest_xid, b.source,
                       b.ingestion_batch_id, b.ingested_at, p.*, null::text as parse_error
                  from pg_temp.silver_candidates c
                  join scout.bronze_transactions b on b.id = c.id
                 cross join lateral scout_internal.parse_transaction_payload(b.raw_data, %L::date, %L::timestamptz, %L::date) p
                 where c.rn between %%s and %%s and c.parse_error is null$sql$, p_today, pg_catalog.now(), p_oldest));
            insert into pg_temp.silver_delta_transactions
                   (bronze_id, bronze_seq, ingest_xid, source, ingestion_batch_id, ingested_at,
                    transaction_id, reasons, parse_error)
            select b.id, b.ingest_seq, b.ingest_xid, b.source, b.ingestion_batch_id, b.ingested_at,
                   scout_internal.payload_key(b.raw_data, 'transaction_id'), array['unparseable'], c.parse_error
              from pg_temp.silver_candidates c
              join scout.bronze_transactions b on b.id = c.id
             where c.parse_error is not null;
            select pg_catalog.count(*) into v_processed from pg_temp.silver_delta_transactions;
    end;
    return pg_catalog.jsonb_build_object(
        'processed', v_processed,
        -- the last of this transaction's own rows judged: where the watermark goes for them
        'own_seq', (select pg_catalog.max(d.bronze_seq) from pg_temp.silver_delta_transactions d where d.ingest_xid = p_own));
end
$_$;


--
-- Name: FUNCTION silver_parse_transaction_delta(p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint, p_today date, p_oldest date); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_parse_transaction_delta(p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint, p_today date, p_oldest date) IS 'Step of scout_internal.silver_merge_transactions: parses every Bronze transaction new to the stream (committed after the watermark (p_prev, p_prev_xid, p_prev_seq) and visible in p_now, or this transaction''s own, p_own) into pg_temp.silver_delta_transactions, judging dates against p_today and p_oldest; a row whose data breaks the parse is kept there as unparseable with the error. Returns {"processed", "own_seq"}: the rows parsed and the last ingest_seq of this transaction''s own among them. Only inside scout.refresh_silver (55000 otherwise).';


--
-- Name: silver_probe_range(text, bigint, bigint); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_probe_range(p_template text, p_first bigint, p_last bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_middle bigint;
    v_state text;
    v_message text;
begin
    perform 'PRAGMA:TABLE: silver_candidates (rn bigint, id uuid, parse_error text)';
    if p_first > p_last then
        return;
    end if;
    begin
        execute pg_catalog.format('select pg_catalog.sum(pg_catalog.length(s::text)) from (%s) s',
                                  pg_catalog.format(p_template, p_first, p_last));
        return;
    exception
        when data_exception or program_limit_exceeded then
            get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    end;
    -- the failed probe's subtransaction is closed here: recursing opens one at a time
    if p_first = p_last then
        update pg_temp.silver_candidates c
           set parse_error = v_state || ': ' || v_message
         where c.rn = p_first;
        return;
    end if;
    v_middle := p_first + (p_last - p_first) / 2;
    perform scout_internal.silver_probe_range(p_template, p_first, v_middle);
    perform scout_internal.silver_probe_range(p_template, v_middle + 1, p_last);
end
$$;


--
-- Name: FUNCTION silver_probe_range(p_template text, p_first bigint, p_last bigint); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_probe_range(p_template text, p_first bigint, p_last bigint) IS 'Internal to scout_internal.silver_isolate_unparseable: marks, in pg_temp.silver_candidates, each candidate numbered p_first..p_last whose parse raises a data error (classes 22 and 54) with its SQLSTATE and message.';


--
-- Name: silver_settle_transaction_delta(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_settle_transaction_delta() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_changes bigint;
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_settle_transaction_delta');
    perform 'PRAGMA:TABLE: silver_delta_transactions (bronze_id uuid, bronze_seq bigint, ingest_xid xid8, source text, ingestion_batch_id text, ingested_at timestamptz, transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[], parse_error text)';
    if pg_catalog.to_regclass('pg_temp.silver_transaction_changes') is not null then
        drop table pg_temp.silver_transaction_changes;
    end if;
    create temp table silver_transaction_changes on commit drop as
    select w.transaction_id, w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id,
           w.vendor_name, w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method,
           w.description, w.attributes, w.bronze_id, w.bronze_seq, w.source, w.ingestion_batch_id, w.ingested_at,
           case when s.transaction_id is null then 'insert' else 'update' end as change,
           s.category as old_category, s.transaction_date as old_transaction_date, s.customer_id as old_customer_id,
           s.amount as old_amount, s.quantity as old_quantity, s.store_id as old_store_id,
           s.ingested_at as old_ingested_at
      -- overtook: the key's valid versions in the delta are not all alike (one window
      -- over the sort the winner needs anyway)
      from (select distinct on (d.transaction_id) d.*,
                   pg_catalog.min(v.version) over key is distinct from pg_catalog.max(v.version) over key as overtook
              from pg_temp.silver_delta_transactions d
             cross join lateral (
                   select row(d.transaction_date, d.amount, d.currency, d.category, d.subcategory, d.store_id,
                              d.vendor_name, d.vendor_id, d.customer_id, d.sku, d.quantity, d.tax_amount,
                              d.payment_method, d.description, d.attributes)::text as version) v
             where pg_catalog.cardinality(d.reasons) = 0
            window key as (partition by d.transaction_id)
             order by d.transaction_id, d.bronze_seq desc) w
      left join scout.silver_validated_transactions s on s.transaction_id = w.transaction_id
     where s.transaction_id is null
        or (w.bronze_seq > s.bronze_seq
            and (w.overtook
                 or (w.transaction_date, w.amount, w.currency, w.category, w.subcategory, w.store_id, w.vendor_name,
                     w.vendor_id, w.customer_id, w.sku, w.quantity, w.tax_amount, w.payment_method, w.description,
                     w.attributes)
                    is distinct from
                    (s.transaction_date, s.amount, s.currency, s.category, s.subcategory, s.store_id, s.vendor_name,
                     s.vendor_id, s.customer_id, s.sku, s.quantity, s.tax_amount, s.payment_method, s.description,
                     s.attributes)));
    get diagnostics v_changes = row_count;
    return v_changes;
end
$$;


--
-- Name: FUNCTION silver_settle_transaction_delta(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_settle_transaction_delta() IS 'Step of scout_internal.silver_merge_transactions: from pg_temp.silver_delta_transactions, the latest valid version of each key that changes Silver (new, or later than and different from Silver''s, or a re-send of Silver''s version that overtook a different version in the same delta: then only the lineage changes), with the version it replaces, into pg_temp.silver_transaction_changes for scout_internal.silver_apply_transaction_changes. Returns the changes. Only inside scout.refresh_silver (55000 otherwise).';


--
-- Name: silver_store_rejected_transactions(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.silver_store_rejected_transactions() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_rejected bigint;
    v_version_before bigint := (select v.version from ip_workbench.layer_versions v
                                 where v.table_name = 'scout.silver_rejected_transactions'::regclass);
begin
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_store_rejected_transactions');
    perform 'PRAGMA:TABLE: silver_delta_transactions (bronze_id uuid, bronze_seq bigint, ingest_xid xid8, source text, ingestion_batch_id text, ingested_at timestamptz, transaction_id text, transaction_date date, amount numeric, currency text, category text, subcategory text, store_id text, vendor_name text, vendor_id text, customer_id text, sku text, quantity integer, tax_amount numeric, payment_method text, description text, attributes jsonb, reasons text[], parse_error text)';
    insert into scout.silver_rejected_transactions as r
           (bronze_id, transaction_id, reasons, raw_data, source, ingestion_batch_id, ingested_at, parse_error)
    select d.bronze_id, d.transaction_id, d.reasons, b.raw_data, d.source, d.ingestion_batch_id, d.ingested_at,
           d.parse_error
      from pg_temp.silver_delta_transactions d
      join scout.bronze_transactions b on b.id = d.bronze_id
     where pg_catalog.cardinality(d.reasons) > 0
    on conflict (bronze_id) do update
       set transaction_id = excluded.transaction_id, reasons = excluded.reasons, parse_error = excluded.parse_error,
           rejected_at = pg_catalog.now();
    get diagnostics v_rejected = row_count;
    insert into scout_internal.logged_writes (table_name, version_before, version_after)
    select v.table_name, v_version_before, v.version from ip_workbench.layer_versions v
     where v.table_name = 'scout.silver_rejected_transactions'::regclass
       and v.version <> v_version_before;  -- nothing written, nothing to log
    return v_rejected;
end
$$;


--
-- Name: FUNCTION silver_store_rejected_transactions(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.silver_store_rejected_transactions() IS 'Step of scout_internal.silver_merge_transactions: stores every row of pg_temp.silver_delta_transactions that broke a rule in scout.silver_rejected_transactions with its reasons and raw payload (a row judged again replaces its reasons), logged in scout_internal.logged_writes as a write of the rows being judged. Returns the rows stored. Only inside scout.refresh_silver (55000 otherwise).';


--
-- Name: table_lag(text, text); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.table_lag(p_schema text, p_table text) RETURNS TABLE(lag interval, allowed interval, measure text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    select case when t.expected_every is not null or t.layer not in ('silver', 'gold')
                    then pg_catalog.now() - t.last_updated
                when t.table_name = 'silver_validated_transactions'
                    then coalesce(pg_catalog.now() - scout_internal.oldest_unjudged_bronze('silver_transactions'), '0')
                when t.table_name = 'silver_products'
                    then coalesce(pg_catalog.now() - scout_internal.oldest_unjudged_bronze('silver_products'), '0')
                when t.table_name = 'gold_store_daily_sales'
                    then coalesce(pg_catalog.now() - (select pg_catalog.min(q.queued_at)
                                                        from scout_internal.gold_store_days_to_rebuild q), '0')
                -- a team's mart (ip_workbench.define_mart): its own queue, or since it was
                -- defined while it has never been built
                when m.mart_name is not null
                    then case when b.built_at is null then pg_catalog.now() - m.declared_at
                              else coalesce(pg_catalog.now() - (select pg_catalog.min(q.queued_at)
                                                                  from scout_internal.mart_days_to_rebuild q
                                                                 where q.mart_name = m.mart_name), '0') end
                when t.layer = 'gold'
                    then coalesce(pg_catalog.now() - (select pg_catalog.min(q.queued_at)
                                                        from scout_internal.gold_days_to_reaggregate q), '0') end,
           coalesce(t.expected_every, '0') + h.timeliness,
           case when t.expected_every is not null then 'last arrival'
                when t.layer not in ('silver', 'gold') then 'last change'
                when t.layer = 'silver' then 'oldest Bronze row waiting for Silver'
                else 'oldest Silver change waiting for Gold' end
      from ip_workbench.tables t
      join ip_workbench.dq_thresholds h on h.layer = t.layer
      left join ip_workbench.marts m on m.mart_name = t.schema_name || '.' || t.table_name
      left join scout_internal.mart_builds b on b.mart_name = m.mart_name
     where t.schema_name = p_schema and t.table_name = p_table and h.timeliness is not null
       and t.table_name not like '%rejected%'
       and (t.last_updated is not null or t.layer in ('silver', 'gold'))
$$;


--
-- Name: FUNCTION table_lag(p_schema text, p_table text); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.table_lag(p_schema text, p_table text) IS 'How late table p_schema.p_table is (lag), how late it may be (allowed) and what was measured (measure): a table with expected_every (a source) by its last arrival against expected_every plus its layer''s timeliness threshold; Silver by its oldest Bronze row not judged yet; Gold by its oldest queued Silver change (the store mart and the marts of ip_workbench.marts by their own queues; a mart never built since it was defined); others by their last change. No row for a layer without a timeliness threshold (platinum: on demand), a rejected-rows table, or a source that never received anything.';


--
-- Name: take_job_lock(text, boolean); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.take_job_lock(p_job text, p_wait boolean) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_key integer;
begin
    select j.lock_key into v_key from ip_workbench.jobs j where j.name = p_job;
    if not found then
        raise exception 'unknown job %', p_job
            using errcode = '42704', hint = 'Every job is a row of ip_workbench.jobs.';
    end if;
    if p_wait then
        perform pg_catalog.pg_advisory_xact_lock(scout_internal.advisory_lock_space('jobs'), v_key);
        return true;
    end if;
    return pg_catalog.pg_try_advisory_xact_lock(scout_internal.advisory_lock_space('jobs'), v_key);
end
$$;


--
-- Name: FUNCTION take_job_lock(p_job text, p_wait boolean); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.take_job_lock(p_job text, p_wait boolean) IS 'Takes job p_job''s advisory lock for the transaction (space jobs, its lock_key): waits for it when p_wait and returns true, else returns whether it was free. 42704 for a job that is not in ip_workbench.jobs.';


--
-- Name: texts_to_embed(text, integer); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.texts_to_embed(p_model text, p_limit integer) RETURNS TABLE(transaction_id text, text text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
    (select e.transaction_id, e.text from scout.platinum_transaction_embeddings e
      where e.embedding is null order by e.transaction_id limit p_limit)
    union all
    (select e.transaction_id, e.text from scout.platinum_transaction_embeddings e
      where e.embedding is not null and e.embedding_model is distinct from p_model
      order by e.transaction_id limit p_limit)
    limit p_limit
$$;


--
-- Name: FUNCTION texts_to_embed(p_model text, p_limit integer); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.texts_to_embed(p_model text, p_limit integer) IS 'Up to p_limit Platinum sentences that need a vector of model p_model: those with none first (by transaction_id), then those of another model. What scout-db embed reads.';


--
-- Name: timeliness_score(interval, interval); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.timeliness_score(p_lag interval, p_allowed interval) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (p_lag <= p_allowed) THEN (100)::numeric
             ELSE round(GREATEST((0)::numeric, ((100)::numeric * ((1)::numeric - (EXTRACT(epoch FROM (p_lag - p_allowed)) / NULLIF(EXTRACT(epoch FROM p_allowed), (0)::numeric))))), 2)
         END AS round;
END;


--
-- Name: FUNCTION timeliness_score(p_lag interval, p_allowed interval); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.timeliness_score(p_lag interval, p_allowed interval) IS '100 while p_lag is no more than p_allowed (from scout_internal.table_lag), then falling linearly to 0 at twice the allowance (a quarter of the allowance late scores 75); NULL when either is NULL.';


--
-- Name: touch_table(text, text, bigint, bigint, timestamp with time zone); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.touch_table(p_schema text, p_table text, p_changed bigint, p_added bigint DEFAULT NULL::bigint, p_last_updated timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
    v_count bigint;
begin
    if coalesce(p_changed, 0) = 0 then
        return;
    end if;
    update ip_workbench.tables
       set row_count = row_count + p_added,
           last_updated = coalesce(p_last_updated, pg_catalog.now())
     where schema_name = p_schema and table_name = p_table and row_count is not null and p_added is not null;
    if not found then
        execute pg_catalog.format('select pg_catalog.count(*) from %I.%I', p_schema, p_table) into v_count;
        update ip_workbench.tables
           set row_count = v_count,
               last_updated = coalesce(p_last_updated, pg_catalog.now())
         where schema_name = p_schema and table_name = p_table;
    end if;
end
$$;


--
-- Name: FUNCTION touch_table(p_schema text, p_table text, p_changed bigint, p_added bigint, p_last_updated timestamp with time zone); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.touch_table(p_schema text, p_table text, p_changed bigint, p_added bigint, p_last_updated timestamp with time zone) IS 'After a refresh changed p_changed rows of a registered table, p_added of them new: adds p_added to its row_count (or counts the table when p_added or row_count is NULL) and records when it changed (p_last_updated, default now()). Does nothing when p_changed is 0.';


--
-- Name: uuid_v7(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.uuid_v7() RETURNS uuid
    LANGUAGE sql PARALLEL SAFE
    BEGIN ATOMIC
 SELECT (encode(set_bit(set_bit("overlay"(uuid_send(gen_random_uuid()), substr(int8send((floor((EXTRACT(epoch FROM clock_timestamp()) * (1000)::numeric)))::bigint), 3), 1, 6), (52)::bigint, 1), (53)::bigint, 1), 'hex'::text))::uuid AS encode;
END;


--
-- Name: FUNCTION uuid_v7(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.uuid_v7() IS 'A new UUID version 7 (time-ordered: milliseconds since 1970, then random bits), the default id of Bronze rows. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';


--
-- Name: uuid_v7_floor(timestamp with time zone); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.uuid_v7_floor(p_at timestamp with time zone) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT ((lpad(to_hex((floor((EXTRACT(epoch FROM p_at) * (1000)::numeric)))::bigint), 12, '0'::text) || '00000000000000000000'::text))::uuid AS uuid;
END;


--
-- Name: FUNCTION uuid_v7_floor(p_at timestamp with time zone); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.uuid_v7_floor(p_at timestamp with time zone) IS 'The smallest UUIDv7 (scout_internal.uuid_v7) generated at or after p_at: its milliseconds since 1970, then zeros. The bounds of Bronze''s monthly partitions.';


--
-- Name: validation_cycle(); Type: FUNCTION; Schema: scout_internal; Owner: -
--

CREATE FUNCTION scout_internal.validation_cycle() RETURNS TABLE(step text, passed boolean, figure text)
    LANGUAGE plpgsql
    SET search_path TO ''
    SET client_min_messages TO 'warning'
    AS $$
declare
    v_checked bigint;
    v_failed bigint;
    v_problems bigint;
    v_plan jsonb;
    v_ms numeric;
    v_worst numeric := 0;
    v_query text;
    v_total bigint;
    v_missing bigint;
    v_runs bigint;
    v_ok bigint;
    v_silver numeric;
    v_gold_failing bigint;
    v_view text;
    v_bar numeric;
    v_worst_check text;
begin
    -- syntax/type: the share of Bronze that passes every rule (JSON, types, amounts,
    -- dates) and so is accepted into Silver, of the recent rows (as the last check run
    -- judged them) against Silver's completeness bar, every retained row's share beside it
    select c.passed + c.failed, c.failed,
           -- recent as the last check run judged it (what the scores say), else the last day's
           coalesce(d.recent_passed + d.recent_failed, c.recent_passed + c.recent_failed),
           coalesce(d.recent_failed, c.recent_failed)
      into v_total, v_missing, v_checked, v_failed
      from scout_checks.silver_accepts_bronze c
      left join lateral (select r.recent_passed, r.recent_failed from ip_workbench.dq_results r
                          where r.check_name = 'silver_accepts_bronze' order by r.run_id desc limit 1) d on true;
    select h.completeness into v_bar from ip_workbench.dq_thresholds h where h.layer = 'silver';
    step := 'syntax_type';
    passed := coalesce(100.0 * (v_checked - v_failed) / nullif(v_checked, 0) >= v_bar, true);
    figure := pg_catalog.format('%s of %s recent Bronze transactions accepted (%s%%, bar %s%%); %s of %s retained (%s%%)',
                                v_checked - v_failed, v_checked,
                                coalesce(pg_catalog.round(100.0 * (v_checked - v_failed) / nullif(v_checked, 0), 1)::text, '-'),
                                v_bar, v_total - v_missing, v_total,
                                coalesce(pg_catalog.round(100.0 * (v_total - v_missing) / nullif(v_total, 0), 1)::text, '-'));
    return next;

    -- security: the catalog-wide rules, documentation aside (its own step)
    select pg_catalog.count(*) into v_problems from ip_workbench.security_lint l where l.problem <> 'missing_comment';
    step := 'security'; passed := v_problems = 0;
    figure := pg_catalog.format('%s security_lint problems', v_problems)
              || coalesce(': ' || (select pg_catalog.string_agg(l.object_name || ' ' || l.problem, ', ')
                                     from (select * from ip_workbench.security_lint l2
                                            where l2.problem <> 'missing_comment' limit 3) l), '');
    return next;

    -- test: the quality suites' bar in rows, as dbt counts a test's failing rows: every
    -- Silver check passes at least 80% of its rows (the worst one is shown), and no Gold
    -- row fails a Gold check
    if pg_catalog.to_regclass('pg_temp.validation_checks') is not null then
        drop table pg_temp.validation_checks;
    end if;
    create temp table validation_checks (layer text, check_name text, passed bigint, failed bigint) on commit drop;
    for v_view in select c.relname from pg_catalog.pg_class c
                   where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v' loop
        -- error-level checks only: a warning (a sale at an unregistered store) fails no step
        execute pg_catalog.format('insert into pg_temp.validation_checks select layer, check_name, passed, failed from scout_checks.%I where level = ''error''',
                                  v_view);
    end loop;
    select 100.0 * v.passed / nullif(v.passed + v.failed, 0), v.check_name into v_silver, v_worst_check
      from pg_temp.validation_checks v where v.layer = 'silver' and v.passed + v.failed > 0
     order by 1, 2 limit 1;
    select coalesce(pg_catalog.sum(v.failed), 0) into v_gold_failing
      from pg_temp.validation_checks v where v.layer = 'gold';
    step := 'test'; passed := coalesce(v_silver, 100) >= 80 and v_gold_failing = 0;
    figure := pg_catalog.format('Silver''s worst check passes %s%% of its rows (%s; bar 80%%), Gold has %s failing rows (bar 0)',
                                pg_catalog.round(coalesce(v_silver, 100), 1), coalesce(v_worst_check, 'none'), v_gold_failing);
    return next;

    -- performance: the dashboard queries of the original README (docs/original-README.md), each under 3 s
    foreach v_query in array array[
        'SELECT month, category, total_amount, mom_growth_pct FROM scout.gold_monthly_summary WHERE month >= DATE_TRUNC(''month'', CURRENT_DATE - INTERVAL ''12 months'') ORDER BY month DESC, total_amount DESC',
        'SELECT * FROM scout.gold_monthly_summary WHERE month = DATE_TRUNC(''month'', CURRENT_DATE)::date',
        'SELECT week_start, category, total_amount, z_score FROM scout.gold_category_trends WHERE is_anomaly ORDER BY week_start DESC LIMIT 50'] loop
        execute 'explain (analyze, format json) ' || v_query into v_plan;
        v_ms := (v_plan -> 0 ->> 'Execution Time')::numeric;
        v_worst := greatest(v_worst, v_ms);
    end loop;
    step := 'performance'; passed := v_worst < 3000;
    figure := pg_catalog.format('slowest dashboard query %s ms (bar 3000 ms)', pg_catalog.round(v_worst, 2));
    return next;

    -- documentation: every table, view, column and function has a comment
    select (select pg_catalog.count(*) from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures')
               and c.relkind in ('r', 'p', 'v', 'm', 'f'))
         + (select pg_catalog.count(*) from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid
              join pg_catalog.pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures')
               and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped)
         + (select pg_catalog.count(*) from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
             where n.nspname in ('scout', 'scout_internal', 'scout_dev', 'scout_checks', 'ip_workbench', 'test_failures')),
           (select pg_catalog.count(*) from ip_workbench.security_lint l where l.problem = 'missing_comment')
      into v_total, v_missing;
    step := 'documentation'; passed := v_missing = 0;
    figure := pg_catalog.format('%s%% of %s tables, views, columns and functions have a comment',
                                pg_catalog.round(100.0 * (v_total - v_missing) / nullif(v_total, 0), 1), v_total);
    return next;

    -- integration: the jobs' success rate over the last 7 days
    select pg_catalog.count(*) filter (where r.status in ('ok', 'failed', 'abandoned')),
           pg_catalog.count(*) filter (where r.status = 'ok')
      into v_runs, v_ok
      from ip_workbench.job_runs r where r.started_at > pg_catalog.now() - interval '7 days';
    step := 'integration'; passed := v_runs = 0 or 100.0 * v_ok / v_runs > 95;
    figure := case when v_runs = 0 then 'no job ran in the last 7 days'
                   else pg_catalog.format('%s%% of %s job runs in 7 days succeeded (bar 95%%)',
                                          pg_catalog.round(100.0 * v_ok / v_runs, 1), v_runs) end;
    return next;
end
$$;


--
-- Name: FUNCTION validation_cycle(); Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON FUNCTION scout_internal.validation_cycle() IS 'The validation cycle''s steps that SQL can judge, one row each (step, passed, figure): syntax_type (the recent Bronze transactions accepted into Silver, against Silver''s completeness bar, with every retained row''s share beside it), security (security_lint empty but for comments), test (in rows: every Silver check passes 80% of its rows, no Gold row fails), performance (the original README''s dashboard queries under 3 s by EXPLAIN ANALYZE), documentation (every object commented), integration (over 95% of the last 7 days'' job runs succeeded). scout-db check adds the migration lint.';


--
-- Name: check_query_embedding(real[], integer); Type: FUNCTION; Schema: scout_private; Owner: -
--

CREATE FUNCTION scout_private.check_query_embedding(p_embedding real[], p_dimensions integer) RETURNS real[]
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
    if p_embedding is null then
        raise exception 'query_embedding is missing' using errcode = '22004',
            hint = 'send the query''s vector: scout-db search embeds a question for you';
    elsif pg_catalog.array_ndims(p_embedding) <> 1 or pg_catalog.cardinality(p_embedding) <> p_dimensions then
        raise exception 'query_embedding has % numbers; the embeddings have %', pg_catalog.cardinality(p_embedding), p_dimensions
            using errcode = '22023', hint = 'embed the query with the model of the setting embedding_model';
    elsif pg_catalog.array_position(p_embedding, null) is not null then
        raise exception 'query_embedding has a null at position %', pg_catalog.array_position(p_embedding, null)
            using errcode = '22004';
    elsif exists (select 1 from pg_catalog.unnest(p_embedding) x where x in ('NaN'::real, 'Infinity'::real, '-Infinity'::real)) then
        raise exception 'query_embedding holds NaN or infinity' using errcode = '22023';
    elsif not exists (select 1 from pg_catalog.unnest(p_embedding) x where x <> 0) then
        raise exception 'query_embedding is all zeros: it has no direction to compare' using errcode = '22023';
    end if;
    return p_embedding;
end
$$;


--
-- Name: FUNCTION check_query_embedding(p_embedding real[], p_dimensions integer); Type: COMMENT; Schema: scout_private; Owner: -
--

COMMENT ON FUNCTION scout_private.check_query_embedding(p_embedding real[], p_dimensions integer) IS 'Returns p_embedding when it is a usable query vector of p_dimensions numbers; raises 22004 when it or one of its numbers is NULL, 22023 when it has the wrong length, NaN or infinity, or only zeros.';


--
-- Name: embedding_model(); Type: FUNCTION; Schema: scout_private; Owner: -
--

CREATE FUNCTION scout_private.embedding_model() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
    select s.value #>> '{}' from ip_workbench.settings s where s.name = 'embedding_model'
$$;


--
-- Name: FUNCTION embedding_model(); Type: COMMENT; Schema: scout_private; Owner: -
--

COMMENT ON FUNCTION scout_private.embedding_model() IS 'The setting embedding_model (the model of the vectors scout.match_transactions compares), for callers that may not read ip_workbench.settings. Runs with its owner''s rights; returns that one value and nothing else.';


--
-- Name: reader_store_ids(); Type: FUNCTION; Schema: scout_private; Owner: -
--

CREATE FUNCTION scout_private.reader_store_ids() RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
    v_claims jsonb := auth.jwt();
    v_stores text[];
begin
    v_stores := case pg_catalog.jsonb_typeof(v_claims -> 'app_metadata' -> 'store_ids')
                    when 'array' then array(select pg_catalog.jsonb_array_elements_text(v_claims -> 'app_metadata' -> 'store_ids'))
                    when 'string' then array[v_claims -> 'app_metadata' ->> 'store_ids']
                    else '{}'::text[] end;
    if v_claims ? 'sub' then
        v_stores := v_stores || array(select m.store_id from scout.store_members m where m.user_id = auth.uid());
    end if;
    -- '' stands for "no store" in the policies: nobody is given it by name
    v_stores := pg_catalog.array_remove(v_stores, '');
    if '*' = any (v_stores) then
        -- every store, spelled out, so the policies stay one = any (…), which an index
        -- serves: '' for the sales without a store, the registered stores, and every
        -- store the data holds, found by skipping through the store_id indexes (one
        -- probe per store)
        v_stores := v_stores || ''::text || array(
            with recursive in_mart(store_id) as (
                (select g.store_id from scout.gold_store_daily_sales g where g.store_id is not null
                  order by g.store_id limit 1)
                union all
                select (select g.store_id from scout.gold_store_daily_sales g where g.store_id > i.store_id
                         order by g.store_id limit 1)
                  from in_mart i where i.store_id is not null
            ), in_platinum(store_id) as (
                (select p.store_id from scout.platinum_transaction_embeddings p where p.store_id is not null
                  order by p.store_id limit 1)
                union all
                select (select p.store_id from scout.platinum_transaction_embeddings p where p.store_id > i.store_id
                         order by p.store_id limit 1)
                  from in_platinum i where i.store_id is not null
            )
            select i.store_id from in_mart i where i.store_id is not null
            union select i.store_id from in_platinum i where i.store_id is not null
            union select r.store_id from scout.ref_stores r);
    end if;
    return v_stores;
end
$$;


--
-- Name: FUNCTION reader_store_ids(); Type: COMMENT; Schema: scout_private; Owner: -
--

COMMENT ON FUNCTION scout_private.reader_store_ids() IS 'The stores the requesting user may read: the JWT''s app_metadata.store_ids (an array, or one string) and the store_id of every scout.store_members row for its sub (auth.uid()); ''*'' among them means every store; empty without a JWT or a membership. user_metadata is never read: users can edit it. Used by the store-scoped policies as coalesce(store_id, '''') = any ((select scout_private.reader_store_ids())::text[]).';


--
-- Name: dq_alert_deliveries; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.dq_alert_deliveries (
    id bigint NOT NULL,
    alert_id bigint NOT NULL,
    channel text NOT NULL,
    target text NOT NULL,
    attempt integer NOT NULL,
    attempted_at timestamp with time zone DEFAULT now() NOT NULL,
    succeeded boolean NOT NULL,
    response text,
    payload jsonb NOT NULL,
    CONSTRAINT dq_alert_deliveries_channel_check CHECK ((channel = ANY (ARRAY['webhook'::text, 'email'::text])))
);

ALTER TABLE ONLY ip_workbench.dq_alert_deliveries FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE dq_alert_deliveries; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.dq_alert_deliveries IS 'Every attempt to deliver an alert to people (scout-db dq alert): what was sent where and when, and the answer. At most one successful delivery per alert and target.';


--
-- Name: COLUMN dq_alert_deliveries.id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.id IS 'Attempt id.';


--
-- Name: COLUMN dq_alert_deliveries.alert_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.alert_id IS 'The alert (ip_workbench.dq_alerts.id).';


--
-- Name: COLUMN dq_alert_deliveries.channel; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.channel IS 'webhook or email.';


--
-- Name: COLUMN dq_alert_deliveries.target; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.target IS 'Where it went, never a secret: the webhook as scheme://host/ with every path segment that may be a token (a hook key, an id) cut to …, no userinfo, no query; or the recipients.';


--
-- Name: COLUMN dq_alert_deliveries.attempt; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.attempt IS '1 for the first try, then counting the retries.';


--
-- Name: COLUMN dq_alert_deliveries.attempted_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.attempted_at IS 'When.';


--
-- Name: COLUMN dq_alert_deliveries.succeeded; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.succeeded IS 'Whether the target accepted it (HTTP 2xx).';


--
-- Name: COLUMN dq_alert_deliveries.response; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.response IS 'The HTTP status and the start of the answer, or the error.';


--
-- Name: COLUMN dq_alert_deliveries.payload; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_alert_deliveries.payload IS 'What was sent.';


--
-- Name: dq_alert_deliveries_id_seq; Type: SEQUENCE; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.dq_alert_deliveries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME ip_workbench.dq_alert_deliveries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dq_alerts_id_seq; Type: SEQUENCE; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.dq_alerts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME ip_workbench.dq_alerts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dq_results; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.dq_results (
    run_id bigint NOT NULL,
    checked_at timestamp with time zone DEFAULT now() NOT NULL,
    check_name text NOT NULL,
    schema_name text NOT NULL,
    table_name text NOT NULL,
    layer text NOT NULL,
    dimension text NOT NULL,
    level text NOT NULL,
    passed bigint NOT NULL,
    failed bigint NOT NULL,
    detail text,
    recent_passed bigint,
    recent_failed bigint,
    recent_carried boolean DEFAULT false NOT NULL,
    inputs_seen jsonb,
    reused_from_run_id bigint,
    seconds numeric(12,3),
    CONSTRAINT dq_results_dimension_check CHECK ((dimension = ANY (ARRAY['completeness'::text, 'uniqueness'::text, 'validity'::text, 'integrity'::text, 'volume'::text, 'timeliness'::text]))),
    CONSTRAINT dq_results_level_check CHECK ((level = ANY (ARRAY['error'::text, 'warning'::text])))
);

ALTER TABLE ONLY ip_workbench.dq_results FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE dq_results; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.dq_results IS 'Every data-quality check''s result of every run, passes included: the history of pass rates. A result kept from an earlier run (nothing its check reads changed) says so in reused_from_run_id.';


--
-- Name: COLUMN dq_results.run_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.run_id IS 'The run of scout.run_dq_checks (ip_workbench.job_runs.id).';


--
-- Name: COLUMN dq_results.checked_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.checked_at IS 'When the check ran.';


--
-- Name: COLUMN dq_results.check_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.check_name IS 'The check (a view of scout_checks).';


--
-- Name: COLUMN dq_results.schema_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN dq_results.table_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.table_name IS 'The checked table.';


--
-- Name: COLUMN dq_results.layer; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.layer IS 'Its layer.';


--
-- Name: COLUMN dq_results.dimension; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN dq_results.level; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.level IS 'error (counts in the score) or warning.';


--
-- Name: COLUMN dq_results.passed; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.passed IS 'Rows (or items) that passed.';


--
-- Name: COLUMN dq_results.failed; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.failed IS 'Rows (or items) that failed.';


--
-- Name: COLUMN dq_results.detail; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.detail IS 'What was checked, or why it failed.';


--
-- Name: COLUMN dq_results.recent_passed; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.recent_passed IS 'Passing rows among those that arrived since the previous run (the check''s whole count when its view cannot tell; the previous run''s figure when recent_carried).';


--
-- Name: COLUMN dq_results.recent_failed; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.recent_failed IS 'Failing rows among those that arrived since the previous run: what the scores describe.';


--
-- Name: COLUMN dq_results.recent_carried; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.recent_carried IS 'No row arrived for this check since the previous run, so its previous recent figures stand (no news is not good news).';


--
-- Name: COLUMN dq_results.inputs_seen; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.inputs_seen IS 'What the check read when it was judged (scout_internal.dq_check_inputs): the business day, the run''s snapshot, a digest of its definition and the write counter of every table it reads. NULL for a check that reads something not counted: it is judged afresh on every run.';


--
-- Name: COLUMN dq_results.reused_from_run_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.reused_from_run_id IS 'The run that judged this result, when nothing the check reads changed since and this run kept its judgement instead of reading the tables again; NULL when this run judged it.';


--
-- Name: COLUMN dq_results.seconds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_results.seconds IS 'How long the check''s view took in this run, shared by every result of one view (the lookup alone when the judgement was kept); NULL for timeliness, measured from the registry.';


--
-- Name: dq_scores; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.dq_scores (
    run_id bigint NOT NULL,
    checked_at timestamp with time zone DEFAULT now() NOT NULL,
    schema_name text NOT NULL,
    table_name text NOT NULL,
    layer text NOT NULL,
    completeness numeric(5,2),
    uniqueness numeric(5,2),
    validity numeric(5,2),
    integrity numeric(5,2),
    timeliness numeric(5,2),
    dq_score numeric(5,2),
    cumulative_score numeric(5,2),
    failing_bars text[] DEFAULT '{}'::text[] NOT NULL
);

ALTER TABLE ONLY ip_workbench.dq_scores FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE dq_scores; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.dq_scores IS 'Every table''s data-quality scores at every run of scout.run_dq_checks: the history behind ip_workbench.tables'' latest scores.';


--
-- Name: COLUMN dq_scores.run_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.run_id IS 'The run of scout.run_dq_checks.';


--
-- Name: COLUMN dq_scores.checked_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.checked_at IS 'When.';


--
-- Name: COLUMN dq_scores.schema_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.schema_name IS 'Schema of the table.';


--
-- Name: COLUMN dq_scores.table_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.table_name IS 'The table.';


--
-- Name: COLUMN dq_scores.layer; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.layer IS 'Its layer.';


--
-- Name: COLUMN dq_scores.completeness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.completeness IS 'The worst completeness check''s pass rate over the recent rows (ip_workbench.dq_results.recent_*); NULL when it has none. A passing check never raises it.';


--
-- Name: COLUMN dq_scores.uniqueness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.uniqueness IS 'The same over its uniqueness checks.';


--
-- Name: COLUMN dq_scores.validity; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.validity IS 'The same over its validity checks.';


--
-- Name: COLUMN dq_scores.integrity; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.integrity IS 'The same over its integrity and volume checks.';


--
-- Name: COLUMN dq_scores.timeliness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.timeliness IS '100 while the table is no later than allowed (scout_internal.table_lag: a source by its expected cadence, Silver and Gold by how long their input has waited), falling linearly to 0 at twice the allowance.';


--
-- Name: COLUMN dq_scores.dq_score; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.dq_score IS 'The overall score of the recent data: the lowest of its dimension scores (a table is as good as its weakest dimension).';


--
-- Name: COLUMN dq_scores.cumulative_score; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.cumulative_score IS 'The same over every retained row, kept beside the recent score for the long view.';


--
-- Name: COLUMN dq_scores.failing_bars; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_scores.failing_bars IS 'The bars of its layer (ip_workbench.dq_thresholds) it is below: completeness, uniqueness, validity, integrity, timeliness, overall; empty when it passes them all.';


--
-- Name: dq_thresholds; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.dq_thresholds (
    layer text NOT NULL,
    completeness numeric(5,2),
    uniqueness numeric(5,2),
    timeliness interval,
    overall numeric(5,2),
    CONSTRAINT dq_thresholds_layer_check CHECK ((layer = ANY (ARRAY['bronze'::text, 'silver'::text, 'gold'::text, 'platinum'::text])))
);

ALTER TABLE ONLY ip_workbench.dq_thresholds FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE dq_thresholds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.dq_thresholds IS 'The data-quality bar per layer (CONTRACT.md, Metadata), editable; NULL means not applicable.';


--
-- Name: COLUMN dq_thresholds.layer; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_thresholds.layer IS 'bronze, silver, gold or platinum.';


--
-- Name: COLUMN dq_thresholds.completeness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_thresholds.completeness IS 'Least completeness score (0-100) that passes.';


--
-- Name: COLUMN dq_thresholds.uniqueness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_thresholds.uniqueness IS 'Least uniqueness score (0-100) that passes.';


--
-- Name: COLUMN dq_thresholds.timeliness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_thresholds.timeliness IS 'Most a table may be late: how long Silver may keep a Bronze row waiting, Gold a Silver change, or (added to its expected_every) a source its next arrival; NULL for on-demand layers (platinum).';


--
-- Name: COLUMN dq_thresholds.overall; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.dq_thresholds.overall IS 'Least overall dq_score that passes; validity and integrity are held to it too. A table below any bar of its layer is failing (ip_workbench.tables.failing_bars).';


--
-- Name: job_run_steps; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.job_run_steps (
    run_id bigint NOT NULL,
    "position" integer NOT NULL,
    step text NOT NULL,
    status text NOT NULL,
    rows bigint,
    seconds numeric(12,3),
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT job_run_steps_status_check CHECK ((status = ANY (ARRAY['ok'::text, 'failed'::text, 'skipped'::text])))
);

ALTER TABLE ONLY ip_workbench.job_run_steps FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE job_run_steps; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.job_run_steps IS 'The steps of a run of scout.run_transformations, in order, each with its outcome, rows and seconds.';


--
-- Name: COLUMN job_run_steps.run_id; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_run_steps.run_id IS 'The run (ip_workbench.job_runs.id).';


--
-- Name: COLUMN job_run_steps."position"; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_run_steps."position" IS 'Order of the step in the run, from 1.';


--
-- Name: COLUMN job_run_steps.step; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_run_steps.step IS 'bronze_freshness, silver, silver_checks, gold, gold_checks, platinum or metadata.';


--
-- Name: COLUMN job_run_steps.status; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_run_steps.status IS 'ok, failed (the run stopped here) or skipped (not needed, or another run held its lock).';


--
-- Name: COLUMN job_run_steps.rows; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_run_steps.rows IS 'Rows the step processed or checked.';


--
-- Name: COLUMN job_run_steps.seconds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_run_steps.seconds IS 'Wall-clock seconds the step took.';


--
-- Name: COLUMN job_run_steps.details; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.job_run_steps.details IS 'The step''s result document.';


--
-- Name: job_runs_id_seq; Type: SEQUENCE; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.job_runs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME ip_workbench.job_runs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tables; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.tables (
    schema_name text NOT NULL,
    table_name text NOT NULL,
    layer text NOT NULL,
    description text,
    row_count bigint,
    last_updated timestamp with time zone,
    dq_score numeric(5,2),
    completeness numeric(5,2),
    uniqueness numeric(5,2),
    timeliness numeric(5,2),
    last_checked timestamp with time zone,
    registered_at timestamp with time zone DEFAULT now() NOT NULL,
    cumulative_score numeric(5,2),
    failing_bars text[],
    expected_every interval,
    CONSTRAINT tables_completeness_check CHECK (((completeness >= (0)::numeric) AND (completeness <= (100)::numeric))),
    CONSTRAINT tables_dq_score_check CHECK (((dq_score >= (0)::numeric) AND (dq_score <= (100)::numeric))),
    CONSTRAINT tables_layer_check CHECK ((layer = ANY (ARRAY['bronze'::text, 'silver'::text, 'gold'::text, 'platinum'::text, 'reference'::text, 'metadata'::text]))),
    CONSTRAINT tables_timeliness_check CHECK (((timeliness >= (0)::numeric) AND (timeliness <= (100)::numeric))),
    CONSTRAINT tables_uniqueness_check CHECK (((uniqueness >= (0)::numeric) AND (uniqueness <= (100)::numeric)))
);

ALTER TABLE ONLY ip_workbench.tables FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE tables; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.tables IS 'Registry of the layer''s tables (not the project''s own bookkeeping): size, freshness and data-quality scores. One row per registered table; every one is scored by scout.run_dq_checks.';


--
-- Name: COLUMN tables.schema_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.schema_name IS 'Schema of the registered table.';


--
-- Name: COLUMN tables.table_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.table_name IS 'Name of the registered table.';


--
-- Name: COLUMN tables.layer; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.layer IS 'Medallion layer: bronze, silver, gold, platinum, or reference (lists maintained by DBAs).';


--
-- Name: COLUMN tables.description; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.description IS 'What the table holds, for catalogs and dashboards.';


--
-- Name: COLUMN tables.row_count; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.row_count IS 'Exact row count at last_updated (maintained by the refresh functions).';


--
-- Name: COLUMN tables.last_updated; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.last_updated IS 'When the table''s data last changed (a refresh that changed nothing leaves it).';


--
-- Name: COLUMN tables.dq_score; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.dq_score IS 'Overall data-quality score 0-100 of the recent data (the rows that arrived since the previous check run) at the last check: its worst dimension, each dimension its worst check; NULL until the first check or while it has no rows.';


--
-- Name: COLUMN tables.completeness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.completeness IS 'Completeness score (0-100) of the recent data at the last check: its worst completeness check.';


--
-- Name: COLUMN tables.uniqueness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.uniqueness IS 'Uniqueness score (0-100) at the last check: its worst uniqueness check.';


--
-- Name: COLUMN tables.timeliness; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.timeliness IS 'Timeliness score (0-100) at the last check: 100 while no later than allowed (a source against expected_every, Silver and Gold by how long their input waited), 0 at twice the allowance.';


--
-- Name: COLUMN tables.last_checked; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.last_checked IS 'When the data-quality scores were last computed.';


--
-- Name: COLUMN tables.registered_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.registered_at IS 'When the table was registered.';


--
-- Name: COLUMN tables.cumulative_score; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.cumulative_score IS 'The overall score over every retained row at the last check, beside the recent dq_score.';


--
-- Name: COLUMN tables.failing_bars; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.failing_bars IS 'The bars of its layer (ip_workbench.dq_thresholds) it was below at the last check; empty when it passes them all, NULL before the first check.';


--
-- Name: COLUMN tables.expected_every; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.tables.expected_every IS 'For a source (Bronze): how often data is expected (a daily file: 1 day), so a quiet source between arrivals is on time; its layer''s timeliness threshold is added as grace. Editable; NULL judges the age of the last change against the layer''s threshold.';


--
-- Name: layer_status; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.layer_status WITH (security_invoker='true') AS
 SELECT t.layer,
    ((t.schema_name || '.'::text) || t.table_name) AS table_name,
    t.row_count,
    t.last_updated,
    round((EXTRACT(epoch FROM (now() - t.last_updated)) / (3600)::numeric), 2) AS hours_old,
    t.dq_score
   FROM ip_workbench.tables t
  ORDER BY (array_position(ARRAY['reference'::text, 'bronze'::text, 'silver'::text, 'gold'::text, 'platinum'::text, 'metadata'::text], t.layer)), t.table_name;


--
-- Name: VIEW layer_status; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.layer_status IS 'Registered tables in layer order with row count, last change, age in hours and DQ score: what scout-db status prints.';


--
-- Name: COLUMN layer_status.layer; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_status.layer IS 'Medallion layer (reference, bronze, silver, gold, platinum, metadata).';


--
-- Name: COLUMN layer_status.table_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_status.table_name IS 'schema.table.';


--
-- Name: COLUMN layer_status.row_count; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_status.row_count IS 'Exact row count at the last change (ip_workbench.tables.row_count).';


--
-- Name: COLUMN layer_status.last_updated; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_status.last_updated IS 'When the table''s data last changed.';


--
-- Name: COLUMN layer_status.hours_old; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_status.hours_old IS 'Hours since last_updated; NULL if it never changed.';


--
-- Name: COLUMN layer_status.dq_score; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_status.dq_score IS 'Overall data-quality score 0-100, NULL until the first check.';


--
-- Name: layer_versions; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.layer_versions (
    table_name regclass NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    changed_at timestamp with time zone,
    removals bigint DEFAULT 0 NOT NULL
);

ALTER TABLE ONLY ip_workbench.layer_versions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE layer_versions; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.layer_versions IS 'A counter per table that a statement trigger raises on every write (insert, update, delete, truncate): a reader that stored the version it was built from knows, in one lookup, whether anything changed since. Transactional, unlike a sequence: a change counts once it commits.';


--
-- Name: COLUMN layer_versions.table_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_versions.table_name IS 'The counted table.';


--
-- Name: COLUMN layer_versions.version; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_versions.version IS 'Statements that wrote to it (0 before the first).';


--
-- Name: COLUMN layer_versions.changed_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_versions.changed_at IS 'When the last of them ran.';


--
-- Name: COLUMN layer_versions.removals; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.layer_versions.removals IS 'Statements among them that removed rows (a DELETE that deleted some, a TRUNCATE): a data-quality check judges only what is new since its previous run while this stays the same (scout_internal.dq_delta_allowed).';


--
-- Name: lint_pipeline_functions; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_pipeline_functions WITH (security_invoker='true') AS
 SELECT p.oid,
    n.nspname,
    p.proname,
    p.prosecdef,
    p.proconfig,
    p.proacl,
    p.proowner,
    l.lanname,
    (p.prosqlbody IS NOT NULL) AS has_sql_body,
    format('%I.%I(%s)'::text, n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS signature
   FROM ((pg_proc p
     JOIN pg_namespace n ON ((n.oid = p.pronamespace)))
     JOIN pg_language l ON ((l.oid = p.prolang)))
  WHERE (n.nspname = ANY (ARRAY['scout'::name, 'scout_internal'::name, 'scout_dev'::name, 'scout_checks'::name, 'ip_workbench'::name, 'test_failures'::name]));


--
-- Name: VIEW lint_pipeline_functions; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_pipeline_functions IS 'The functions every function lint of ip_workbench.security_lint reads: those of scout, scout_internal, scout_dev, scout_checks, ip_workbench and test_failures, with their rights, settings, language and signature.';


--
-- Name: COLUMN lint_pipeline_functions.oid; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.oid IS 'pg_proc oid.';


--
-- Name: COLUMN lint_pipeline_functions.nspname; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.nspname IS 'Schema.';


--
-- Name: COLUMN lint_pipeline_functions.proname; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.proname IS 'Name.';


--
-- Name: COLUMN lint_pipeline_functions.prosecdef; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.prosecdef IS 'Security definer.';


--
-- Name: COLUMN lint_pipeline_functions.proconfig; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.proconfig IS 'Its SET clauses (search_path among them).';


--
-- Name: COLUMN lint_pipeline_functions.proacl; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.proacl IS 'Its privileges (NULL: the defaults).';


--
-- Name: COLUMN lint_pipeline_functions.proowner; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.proowner IS 'Its owner.';


--
-- Name: COLUMN lint_pipeline_functions.lanname; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.lanname IS 'Its language.';


--
-- Name: COLUMN lint_pipeline_functions.has_sql_body; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.has_sql_body IS 'An SQL-standard body (begin atomic), bound to its objects when created.';


--
-- Name: COLUMN lint_pipeline_functions.signature; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_functions.signature IS 'schema.name(argument types).';


--
-- Name: lint_execute_for_public_or_anon; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_execute_for_public_or_anon WITH (security_invoker='true') AS
 SELECT 'function'::text AS object_type,
    f.signature AS object_name,
    ('execute_for_'::text ||
        CASE a.grantee
            WHEN 0 THEN 'public'::text
            ELSE 'anon'::text
        END) AS problem,
    'revoke all on function … from public; grant execute to the roles that need it'::text AS fix
   FROM (ip_workbench.lint_pipeline_functions f
     CROSS JOIN LATERAL aclexplode(COALESCE(f.proacl, acldefault('f'::"char", f.proowner))) a(grantor, grantee, privilege_type, is_grantable))
  WHERE ((a.privilege_type = 'EXECUTE'::text) AND ((a.grantee = (0)::oid) OR (a.grantee = ( SELECT o.oid
           FROM pg_roles o
          WHERE (o.rolname = 'anon'::name)))));


--
-- Name: VIEW lint_execute_for_public_or_anon; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_execute_for_public_or_anon IS 'A function PUBLIC or anon may execute: each is granted to the roles that need it, by name. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_execute_for_public_or_anon.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_execute_for_public_or_anon.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_execute_for_public_or_anon.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_execute_for_public_or_anon.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_execute_for_public_or_anon.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_execute_for_public_or_anon.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_execute_for_public_or_anon.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_execute_for_public_or_anon.fix IS 'What to do about it.';


--
-- Name: lint_function_search_path_mutable; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_function_search_path_mutable WITH (security_invoker='true') AS
 SELECT 'function'::text AS object_type,
    f.signature AS object_name,
    'function_search_path_mutable'::text AS problem,
        CASE
            WHEN (f.lanname = 'sql'::name) THEN 'write the body as begin atomic … end (bound at creation, still inlined), or add set search_path = '''''::text
            ELSE 'add set search_path = '''' and qualify every name'::text
        END AS fix
   FROM ip_workbench.lint_pipeline_functions f
  WHERE ((NOT (EXISTS ( SELECT 1
           FROM unnest(f.proconfig) c(c)
          WHERE (c.c ~~ 'search_path=%'::text)))) AND (NOT ((f.lanname = 'sql'::name) AND f.has_sql_body)));


--
-- Name: VIEW lint_function_search_path_mutable; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_function_search_path_mutable IS 'Like splinter''s lint 0011: a function whose names are looked up through the caller''s search_path can be made to run the caller''s own operator or function. Immune are those that pin it and SQL-standard bodies (begin atomic), whose names were bound when they were created (and which the planner still inlines). One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_function_search_path_mutable.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_function_search_path_mutable.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_function_search_path_mutable.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_function_search_path_mutable.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_function_search_path_mutable.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_function_search_path_mutable.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_function_search_path_mutable.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_function_search_path_mutable.fix IS 'What to do about it.';


--
-- Name: lint_pipeline_relations; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_pipeline_relations WITH (security_invoker='true') AS
 SELECT c.oid,
    n.nspname,
    c.relname,
    c.relkind,
    c.relrowsecurity,
    c.relforcerowsecurity,
    c.relacl,
    c.relowner,
    c.reloptions,
        CASE c.relkind
            WHEN 'v'::"char" THEN 'view'::text
            WHEN 'm'::"char" THEN 'materialized view'::text
            WHEN 'f'::"char" THEN 'foreign table'::text
            ELSE 'table'::text
        END AS object_type,
    format('%I.%I'::text, n.nspname, c.relname) AS object_name
   FROM (pg_class c
     JOIN pg_namespace n ON ((n.oid = c.relnamespace)))
  WHERE ((n.nspname = ANY (ARRAY['scout'::name, 'scout_internal'::name, 'scout_dev'::name, 'scout_checks'::name, 'ip_workbench'::name, 'test_failures'::name])) AND (c.relkind = ANY (ARRAY['r'::"char", 'p'::"char", 'v'::"char", 'm'::"char", 'f'::"char"])));


--
-- Name: VIEW lint_pipeline_relations; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_pipeline_relations IS 'The relations every lint of ip_workbench.security_lint reads: the tables, views, materialized views and foreign tables of scout, scout_internal, scout_dev, scout_checks, ip_workbench and test_failures, with their kind, RLS flags, ACL, owner and options.';


--
-- Name: COLUMN lint_pipeline_relations.oid; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.oid IS 'pg_class oid.';


--
-- Name: COLUMN lint_pipeline_relations.nspname; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.nspname IS 'Schema.';


--
-- Name: COLUMN lint_pipeline_relations.relname; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.relname IS 'Name.';


--
-- Name: COLUMN lint_pipeline_relations.relkind; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.relkind IS 'r, p, v, m or f (pg_class.relkind).';


--
-- Name: COLUMN lint_pipeline_relations.relrowsecurity; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.relrowsecurity IS 'Row level security enabled.';


--
-- Name: COLUMN lint_pipeline_relations.relforcerowsecurity; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.relforcerowsecurity IS 'Row level security forced on the owner too.';


--
-- Name: COLUMN lint_pipeline_relations.relacl; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.relacl IS 'Its privileges (NULL: the defaults).';


--
-- Name: COLUMN lint_pipeline_relations.relowner; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.relowner IS 'Its owner.';


--
-- Name: COLUMN lint_pipeline_relations.reloptions; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.reloptions IS 'Its options (security_invoker for a view).';


--
-- Name: COLUMN lint_pipeline_relations.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.object_type IS 'table, view, materialized view or foreign table.';


--
-- Name: COLUMN lint_pipeline_relations.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_pipeline_relations.object_name IS 'schema.name, quoted where needed.';


--
-- Name: lint_materialized_view_in_exposed_schema; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_materialized_view_in_exposed_schema WITH (security_invoker='true') AS
 SELECT r.object_type,
    r.object_name,
    'materialized_view_in_exposed_schema'::text AS problem,
    'materialized views cannot carry RLS: keep them in a schema PostgREST does not expose, behind a security_invoker view'::text AS fix
   FROM ip_workbench.lint_pipeline_relations r
  WHERE ((r.relkind = 'm'::"char") AND (r.nspname = 'scout'::name));


--
-- Name: VIEW lint_materialized_view_in_exposed_schema; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_materialized_view_in_exposed_schema IS 'A materialized view in the schema PostgREST exposes: it cannot carry row level security. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_materialized_view_in_exposed_schema.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_materialized_view_in_exposed_schema.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_materialized_view_in_exposed_schema.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_materialized_view_in_exposed_schema.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_materialized_view_in_exposed_schema.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_materialized_view_in_exposed_schema.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_materialized_view_in_exposed_schema.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_materialized_view_in_exposed_schema.fix IS 'What to do about it.';


--
-- Name: lint_missing_comment; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_missing_comment WITH (security_invoker='true') AS
 SELECT r.object_type,
    r.object_name,
    'missing_comment'::text AS problem,
    'comment on … is ''what it holds'''::text AS fix
   FROM ip_workbench.lint_pipeline_relations r
  WHERE (obj_description(r.oid, 'pg_class'::name) IS NULL)
UNION ALL
 SELECT 'column'::text AS object_type,
    ((r.object_name || '.'::text) || quote_ident((a.attname)::text)) AS object_name,
    'missing_comment'::text AS problem,
    'comment on column … is ''its definition'''::text AS fix
   FROM (ip_workbench.lint_pipeline_relations r
     JOIN pg_attribute a ON (((a.attrelid = r.oid) AND (a.attnum > 0) AND (NOT a.attisdropped))))
  WHERE (col_description(r.oid, (a.attnum)::integer) IS NULL)
UNION ALL
 SELECT 'function'::text AS object_type,
    f.signature AS object_name,
    'missing_comment'::text AS problem,
    'comment on function … is ''what it does'''::text AS fix
   FROM ip_workbench.lint_pipeline_functions f
  WHERE (obj_description(f.oid, 'pg_proc'::name) IS NULL);


--
-- Name: VIEW lint_missing_comment; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_missing_comment IS 'A table, view, column or function without a description: the catalog (docs/schemas) is generated from them. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_missing_comment.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_missing_comment.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_missing_comment.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_missing_comment.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_missing_comment.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_missing_comment.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_missing_comment.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_missing_comment.fix IS 'What to do about it.';


--
-- Name: lint_privilege_for_public_or_anon; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_privilege_for_public_or_anon WITH (security_invoker='true') AS
 SELECT r.object_type,
    r.object_name,
    ('privilege_for_'::text ||
        CASE a.grantee
            WHEN 0 THEN 'public'::text
            ELSE 'anon'::text
        END) AS problem,
    'revoke all on … from public, anon'::text AS fix
   FROM (ip_workbench.lint_pipeline_relations r
     CROSS JOIN LATERAL aclexplode(COALESCE(r.relacl, acldefault('r'::"char", r.relowner))) a(grantor, grantee, privilege_type, is_grantable))
  WHERE ((a.grantee = (0)::oid) OR (a.grantee = ( SELECT o.oid
           FROM pg_roles o
          WHERE (o.rolname = 'anon'::name))));


--
-- Name: VIEW lint_privilege_for_public_or_anon; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_privilege_for_public_or_anon IS 'A relation PUBLIC or anon holds a privilege on: nothing of the pipeline is for anonymous callers. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_privilege_for_public_or_anon.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_privilege_for_public_or_anon.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_privilege_for_public_or_anon.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_privilege_for_public_or_anon.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_privilege_for_public_or_anon.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_privilege_for_public_or_anon.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_privilege_for_public_or_anon.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_privilege_for_public_or_anon.fix IS 'What to do about it.';


--
-- Name: lint_rls_disabled; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_rls_disabled WITH (security_invoker='true') AS
 SELECT r.object_type,
    r.object_name,
    'rls_disabled'::text AS problem,
    'alter table … enable row level security (or call ip_workbench.secure_table)'::text AS fix
   FROM ip_workbench.lint_pipeline_relations r
  WHERE ((r.relkind = ANY (ARRAY['r'::"char", 'p'::"char"])) AND (NOT r.relrowsecurity));


--
-- Name: VIEW lint_rls_disabled; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_rls_disabled IS 'A table any role can read without row level security: every table of the pipeline has it, so a grant added by mistake still shows nothing. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_rls_disabled.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_rls_disabled.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_rls_disabled.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_rls_disabled.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_rls_disabled.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_rls_disabled.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_rls_disabled.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_rls_disabled.fix IS 'What to do about it.';


--
-- Name: lint_rls_not_forced; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_rls_not_forced WITH (security_invoker='true') AS
 SELECT r.object_type,
    r.object_name,
    'rls_not_forced'::text AS problem,
    'alter table … force row level security (or call ip_workbench.secure_table)'::text AS fix
   FROM ip_workbench.lint_pipeline_relations r
  WHERE ((r.relkind = ANY (ARRAY['r'::"char", 'p'::"char"])) AND (NOT r.relforcerowsecurity));


--
-- Name: VIEW lint_rls_not_forced; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_rls_not_forced IS 'A table whose owner bypasses its row level security: forced, the DBA''s own functions obey the same policies. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_rls_not_forced.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_rls_not_forced.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_rls_not_forced.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_rls_not_forced.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_rls_not_forced.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_rls_not_forced.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_rls_not_forced.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_rls_not_forced.fix IS 'What to do about it.';


--
-- Name: lint_security_definer_without_search_path; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_security_definer_without_search_path WITH (security_invoker='true') AS
 SELECT 'function'::text AS object_type,
    f.signature AS object_name,
    'security_definer_without_search_path'::text AS problem,
    'add set search_path = '''' and qualify every name'::text AS fix
   FROM ip_workbench.lint_pipeline_functions f
  WHERE (f.prosecdef AND (NOT (EXISTS ( SELECT 1
           FROM unnest(f.proconfig) c(c)
          WHERE (c.c ~~ 'search_path=%'::text)))));


--
-- Name: VIEW lint_security_definer_without_search_path; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_security_definer_without_search_path IS 'A security definer function whose names its caller''s search_path could redirect. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_security_definer_without_search_path.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_security_definer_without_search_path.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_security_definer_without_search_path.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_security_definer_without_search_path.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_security_definer_without_search_path.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_security_definer_without_search_path.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_security_definer_without_search_path.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_security_definer_without_search_path.fix IS 'What to do about it.';


--
-- Name: lint_view_not_security_invoker; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.lint_view_not_security_invoker WITH (security_invoker='true') AS
 SELECT r.object_type,
    r.object_name,
    'view_not_security_invoker'::text AS problem,
    'create view … with (security_invoker = true), so readers'' RLS applies'::text AS fix
   FROM ip_workbench.lint_pipeline_relations r
  WHERE ((r.relkind = 'v'::"char") AND (NOT COALESCE(('security_invoker=true'::text = ANY (r.reloptions)), false)));


--
-- Name: VIEW lint_view_not_security_invoker; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.lint_view_not_security_invoker IS 'A view that reads with its owner''s rights: as security_invoker, the reader''s row level security applies. One row per object that breaks the rule (object_type, object_name, problem, fix); part of ip_workbench.security_lint.';


--
-- Name: COLUMN lint_view_not_security_invoker.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_view_not_security_invoker.object_type IS 'table, view, materialized view, foreign table, column or function.';


--
-- Name: COLUMN lint_view_not_security_invoker.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_view_not_security_invoker.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN lint_view_not_security_invoker.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_view_not_security_invoker.problem IS 'The rule''s stable problem code.';


--
-- Name: COLUMN lint_view_not_security_invoker.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.lint_view_not_security_invoker.fix IS 'What to do about it.';


--
-- Name: marts; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.marts (
    mart_name text NOT NULL,
    extension text,
    description text NOT NULL,
    grain text[] NOT NULL,
    refresh text NOT NULL,
    date_column text,
    readers text[] DEFAULT '{}'::text[] NOT NULL,
    store_scope boolean DEFAULT false NOT NULL,
    query text NOT NULL,
    definition_sha256 text NOT NULL,
    refresh_order bigint NOT NULL,
    declared_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT marts_date_column_check CHECK (((refresh = 'incremental'::text) = (date_column IS NOT NULL))),
    CONSTRAINT marts_grain_check CHECK ((cardinality(grain) > 0)),
    CONSTRAINT marts_refresh_check CHECK ((refresh = ANY (ARRAY['full'::text, 'incremental'::text])))
);

ALTER TABLE ONLY ip_workbench.marts FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE marts; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.marts IS 'The marts defined in one file each (ip_workbench.define_mart, from an extension''s marts/ folder): what scout_internal.refresh_marts keeps up to date after Gold. Written by the owner only: a mart''s query is code the hourly job runs.';


--
-- Name: COLUMN marts.mart_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.mart_name IS 'The mart, schema-qualified: scout.gold_<name> or scout.platinum_<name>.';


--
-- Name: COLUMN marts.extension; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.extension IS 'The extension folder that defines it (scout-db migrate --extension); NULL when defined by hand.';


--
-- Name: COLUMN marts.description; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.description IS 'What a row of the mart is: its table''s comment.';


--
-- Name: COLUMN marts.grain; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.grain IS 'The columns that make a row unique (a unique index, nulls not distinct).';


--
-- Name: COLUMN marts.refresh; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.refresh IS 'full (rewritten when a table it reads changed) or incremental (the days Silver changed).';


--
-- Name: COLUMN marts.date_column; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.date_column IS 'An incremental mart''s day column, the day of Silver''s transaction_date: a row of day D depends only on Silver''s rows of day D. NULL for a full one.';


--
-- Name: COLUMN marts.readers; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.readers IS 'Roles that read it besides service_role and the owner: {} or {authenticated}.';


--
-- Name: COLUMN marts.store_scope; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.store_scope IS 'Whether authenticated reads only the rows of its stores (the store_id column), as in the core''s store-level marts.';


--
-- Name: COLUMN marts.query; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.query IS 'The SELECT it is defined by, kept as the view scout_internal.<name>_query.';


--
-- Name: COLUMN marts.definition_sha256; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.definition_sha256 IS 'SHA-256 of the whole definition: the same definition again changes nothing, a changed one rebuilds the mart.';


--
-- Name: COLUMN marts.refresh_order; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.refresh_order IS 'Order of definition, which refresh_marts follows: a mart over another mart is defined after it.';


--
-- Name: COLUMN marts.declared_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.marts.declared_at IS 'When a migrate last declared it: a mart of an extension that a migrate no longer declares is dropped.';


--
-- Name: marts_refresh_order_seq; Type: SEQUENCE; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.marts ALTER COLUMN refresh_order ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME ip_workbench.marts_refresh_order_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: platinum_builds; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.platinum_builds (
    singleton boolean DEFAULT true NOT NULL,
    silver_version bigint NOT NULL,
    window_start date NOT NULL,
    basket_max_skus integer NOT NULL,
    built_at timestamp with time zone DEFAULT now() NOT NULL,
    min_co_occurrence integer,
    products_seen text,
    CONSTRAINT platinum_builds_singleton_check CHECK (singleton)
);

ALTER TABLE ONLY ip_workbench.platinum_builds FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE platinum_builds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.platinum_builds IS 'What the current Platinum tables were built from (one row): refresh_platinum skips the rebuild while Silver''s version, the 90-day window and the basket cap are all the same.';


--
-- Name: COLUMN platinum_builds.singleton; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.platinum_builds.singleton IS 'Always true: the table holds at most one row.';


--
-- Name: COLUMN platinum_builds.silver_version; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.platinum_builds.silver_version IS 'ip_workbench.layer_versions.version of scout.silver_validated_transactions when Platinum was built.';


--
-- Name: COLUMN platinum_builds.window_start; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.platinum_builds.window_start IS 'First transaction_date of the window it was built over.';


--
-- Name: COLUMN platinum_builds.basket_max_skus; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.platinum_builds.basket_max_skus IS 'The recommendation_basket_max_skus setting it was built with.';


--
-- Name: COLUMN platinum_builds.built_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.platinum_builds.built_at IS 'When it was built.';


--
-- Name: COLUMN platinum_builds.min_co_occurrence; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.platinum_builds.min_co_occurrence IS 'The min_co_occurrence setting the recommendations were built with (NULL before it existed): a change rebuilds them.';


--
-- Name: COLUMN platinum_builds.products_seen; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.platinum_builds.products_seen IS 'The product catalogue as the build saw it (its row count and latest validated_at): a change rebuilds the sentences, which name products.';


--
-- Name: security_lint; Type: VIEW; Schema: ip_workbench; Owner: -
--

CREATE VIEW ip_workbench.security_lint WITH (security_invoker='true') AS
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_rls_disabled l
UNION ALL
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_rls_not_forced l
UNION ALL
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_privilege_for_public_or_anon l
UNION ALL
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_materialized_view_in_exposed_schema l
UNION ALL
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_view_not_security_invoker l
UNION ALL
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_execute_for_public_or_anon l
UNION ALL
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_security_definer_without_search_path l
UNION ALL
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_function_search_path_mutable l
UNION ALL
 SELECT l.object_type,
    l.object_name,
    l.problem,
    l.fix
   FROM ip_workbench.lint_missing_comment l;


--
-- Name: VIEW security_lint; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON VIEW ip_workbench.security_lint IS 'Security and documentation rules broken by objects in scout, scout_internal, scout_dev, scout_checks, ip_workbench and test_failures, one row per problem: tables without forced RLS, privileges for PUBLIC or anon, materialized views in the exposed schema, views that are not security_invoker, security definer functions without a pinned search_path, functions whose names resolve through the caller''s search_path (neither pinned nor an SQL-standard body), objects without a comment. Empty when all is well.';


--
-- Name: COLUMN security_lint.object_type; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.security_lint.object_type IS 'table, view, materialized view, column or function.';


--
-- Name: COLUMN security_lint.object_name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.security_lint.object_name IS 'Qualified name (functions with their argument types).';


--
-- Name: COLUMN security_lint.problem; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.security_lint.problem IS 'Stable problem code, e.g. rls_disabled, execute_for_public, function_search_path_mutable, missing_comment.';


--
-- Name: COLUMN security_lint.fix; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.security_lint.fix IS 'What to do about it.';


--
-- Name: settings; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.settings (
    name text NOT NULL,
    value jsonb NOT NULL,
    description text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT settings_name_check CHECK ((name ~ '^[a-z][a-z0-9_]*$'::text))
);

ALTER TABLE ONLY ip_workbench.settings FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE settings; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.settings IS 'Tunables of the pipeline, one row per setting, read by the pipeline functions at run time: change one with update ip_workbench.settings set value = … where name = ….';


--
-- Name: COLUMN settings.name; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.settings.name IS 'Setting name (snake_case).';


--
-- Name: COLUMN settings.value; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.settings.value IS 'Its value as JSON (a number, a string, a boolean).';


--
-- Name: COLUMN settings.description; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.settings.description IS 'What it controls, its unit and its default.';


--
-- Name: COLUMN settings.updated_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.settings.updated_at IS 'When it was last changed.';


--
-- Name: watermarks; Type: TABLE; Schema: ip_workbench; Owner: -
--

CREATE TABLE ip_workbench.watermarks (
    stream text NOT NULL,
    processed_snapshot pg_snapshot NOT NULL,
    processed_xid xid8,
    processed_seq bigint,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY ip_workbench.watermarks FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE watermarks; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TABLE ip_workbench.watermarks IS 'How far each incremental stream has read its source: the snapshot of the last run. A row is new to the stream when its inserting transaction is visible now (or is the caller''s own) but was not in that snapshot (nor among the last run''s own rows), so a transaction that commits late is never skipped and none is read twice.';


--
-- Name: COLUMN watermarks.stream; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.watermarks.stream IS 'Stream name, e.g. silver_transactions.';


--
-- Name: COLUMN watermarks.processed_snapshot; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.watermarks.processed_snapshot IS 'pg_current_snapshot() of the last run: every transaction visible in it has been processed.';


--
-- Name: COLUMN watermarks.processed_xid; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.watermarks.processed_xid IS 'The transaction the last run ran in, when it had written rows: its own rows are not in its snapshot, so they are tracked by sequence instead.';


--
-- Name: COLUMN watermarks.processed_seq; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.watermarks.processed_seq IS 'The highest ingest_seq of processed_xid''s own rows that the last run processed.';


--
-- Name: COLUMN watermarks.updated_at; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON COLUMN ip_workbench.watermarks.updated_at IS 'When the stream last advanced.';


--
-- Name: bronze_ingest_errors; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.bronze_ingest_errors (
    id bigint NOT NULL,
    batch_id text NOT NULL,
    kind text NOT NULL,
    source_filename text NOT NULL,
    line_number bigint NOT NULL,
    raw_text text NOT NULL,
    error text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT bronze_ingest_errors_kind_check CHECK ((kind = ANY (ARRAY['transactions'::text, 'products'::text])))
);

ALTER TABLE ONLY scout.bronze_ingest_errors FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE bronze_ingest_errors; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.bronze_ingest_errors IS 'Records of ingested files that could not be parsed as a JSON object: kept with file, line and parser error so nothing is silently dropped.';


--
-- Name: COLUMN bronze_ingest_errors.id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_ingest_errors.id IS 'Error row id.';


--
-- Name: COLUMN bronze_ingest_errors.batch_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_ingest_errors.batch_id IS 'The file''s batch id (scout_internal.ingest_manifest.batch_id).';


--
-- Name: COLUMN bronze_ingest_errors.kind; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_ingest_errors.kind IS 'transactions or products.';


--
-- Name: COLUMN bronze_ingest_errors.source_filename; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_ingest_errors.source_filename IS 'File the record came from.';


--
-- Name: COLUMN bronze_ingest_errors.line_number; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_ingest_errors.line_number IS '1-based line where the record starts.';


--
-- Name: COLUMN bronze_ingest_errors.raw_text; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_ingest_errors.raw_text IS 'The record''s text as read (undecodable bytes shown as \xNN escapes).';


--
-- Name: COLUMN bronze_ingest_errors.error; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_ingest_errors.error IS 'Why it could not be loaded (parser message).';


--
-- Name: COLUMN bronze_ingest_errors.created_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_ingest_errors.created_at IS 'When it was recorded.';


--
-- Name: bronze_ingest_errors_id_seq; Type: SEQUENCE; Schema: scout; Owner: -
--

ALTER TABLE scout.bronze_ingest_errors ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout.bronze_ingest_errors_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: bronze_products; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.bronze_products (
    id uuid DEFAULT scout_internal.uuid_v7() NOT NULL,
    raw_data jsonb NOT NULL,
    source text DEFAULT 'api'::text NOT NULL,
    source_filename text,
    ingested_at timestamp with time zone DEFAULT now() NOT NULL,
    ingestion_batch_id text,
    created_at timestamp with time zone DEFAULT now(),
    ingest_seq bigint NOT NULL,
    ingest_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    CONSTRAINT bronze_products_raw_data_check CHECK ((jsonb_typeof(raw_data) = 'object'::text)),
    CONSTRAINT bronze_products_source_check CHECK ((source <> ''::text))
);

ALTER TABLE ONLY scout.bronze_products FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE bronze_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.bronze_products IS 'Raw product payloads exactly as received. Append-only; Silver judges them.';


--
-- Name: COLUMN bronze_products.id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.id IS 'Row id (uuid); Silver and the rejected table point here as bronze_id.';


--
-- Name: COLUMN bronze_products.raw_data; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.raw_data IS 'The payload as received: one JSON object (see the contract''s product payload).';


--
-- Name: COLUMN bronze_products.source; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.source IS 'Source system: api, csv, gdrive, webhook, seed, …';


--
-- Name: COLUMN bronze_products.source_filename; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.source_filename IS 'Original file name or webhook URL, when there is one.';


--
-- Name: COLUMN bronze_products.ingested_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.ingested_at IS 'When the ingest call''s transaction started.';


--
-- Name: COLUMN bronze_products.ingestion_batch_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.ingestion_batch_id IS 'One id per ingest call or file.';


--
-- Name: COLUMN bronze_products.created_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.created_at IS 'Row creation time (same as ingested_at; kept for the original schema).';


--
-- Name: COLUMN bronze_products.ingest_seq; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.ingest_seq IS 'Arrival order across all calls.';


--
-- Name: COLUMN bronze_products.ingest_xid; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_products.ingest_xid IS 'Inserting transaction id, for refresh_silver''s snapshot watermark.';


--
-- Name: bronze_products_ingest_seq_seq; Type: SEQUENCE; Schema: scout; Owner: -
--

ALTER TABLE scout.bronze_products ALTER COLUMN ingest_seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout.bronze_products_ingest_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: bronze_transactions; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.bronze_transactions (
    id uuid DEFAULT scout_internal.uuid_v7() NOT NULL,
    raw_data jsonb NOT NULL,
    source text DEFAULT 'api'::text NOT NULL,
    source_filename text,
    ingested_at timestamp with time zone DEFAULT now() NOT NULL,
    ingestion_batch_id text,
    created_at timestamp with time zone DEFAULT now(),
    ingest_seq bigint NOT NULL,
    ingest_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    CONSTRAINT bronze_transactions_raw_data_check CHECK ((jsonb_typeof(raw_data) = 'object'::text)),
    CONSTRAINT bronze_transactions_source_check CHECK ((source <> ''::text))
)
PARTITION BY RANGE (id);

ALTER TABLE ONLY scout.bronze_transactions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE bronze_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.bronze_transactions IS 'Raw transaction payloads exactly as received from the ingest RPC or scout-db ingest. Append-only; Silver judges them.';


--
-- Name: COLUMN bronze_transactions.id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.id IS 'Row id (uuid); Silver and the rejected table point here as bronze_id.';


--
-- Name: COLUMN bronze_transactions.raw_data; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.raw_data IS 'The payload as received: one JSON object (see the contract''s transaction payload).';


--
-- Name: COLUMN bronze_transactions.source; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.source IS 'Source system: api, csv, gdrive, webhook, seed, …';


--
-- Name: COLUMN bronze_transactions.source_filename; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.source_filename IS 'Original file name or webhook URL, when there is one.';


--
-- Name: COLUMN bronze_transactions.ingested_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.ingested_at IS 'When the ingest call''s transaction started.';


--
-- Name: COLUMN bronze_transactions.ingestion_batch_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.ingestion_batch_id IS 'One id per ingest call or file; scout_internal.ingest_manifest maps file batches to files.';


--
-- Name: COLUMN bronze_transactions.created_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.created_at IS 'Row creation time (same as ingested_at; kept for the original schema).';


--
-- Name: COLUMN bronze_transactions.ingest_seq; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.ingest_seq IS 'Arrival order across all calls: of two versions of one transaction_id the higher ingest_seq is the later one.';


--
-- Name: COLUMN bronze_transactions.ingest_xid; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.bronze_transactions.ingest_xid IS 'Inserting transaction id: refresh_silver reads exactly the rows committed since its last snapshot (ip_workbench.watermarks).';


--
-- Name: bronze_transactions_ingest_seq_seq; Type: SEQUENCE; Schema: scout; Owner: -
--

ALTER TABLE scout.bronze_transactions ALTER COLUMN ingest_seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout.bronze_transactions_ingest_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_category_trends; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.gold_category_trends (
    week_start date NOT NULL,
    category text NOT NULL,
    total_amount numeric NOT NULL,
    transaction_count bigint NOT NULL,
    moving_avg_4w numeric,
    baseline_mean numeric,
    baseline_stddev numeric,
    z_score numeric,
    is_anomaly boolean NOT NULL,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    is_complete boolean DEFAULT false NOT NULL
);

ALTER TABLE ONLY scout.gold_category_trends FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_category_trends; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.gold_category_trends IS 'Weekly sales per category with 2-sigma anomaly detection: a dense series from the category''s first week to the current one (weeks without sales have 0, so a category that stops selling shows it); a week is scored once it is over (is_complete). The highlight fires on about one week in ten of pure noise: scout.gold_sales_anomalies holds the weeks that page. Rewritten per changed category by scout.refresh_gold.';


--
-- Name: COLUMN gold_category_trends.week_start; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.week_start IS 'date_trunc(''week'', transaction_date)::date, the ISO Monday.';


--
-- Name: COLUMN gold_category_trends.category; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.category IS 'Category (canonical spelling).';


--
-- Name: COLUMN gold_category_trends.total_amount; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.total_amount IS 'Sum of amount in the week (0 for a week without sales).';


--
-- Name: COLUMN gold_category_trends.transaction_count; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.transaction_count IS 'Number of Silver rows in the week (0 for a week without sales).';


--
-- Name: COLUMN gold_category_trends.moving_avg_4w; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.moving_avg_4w IS 'Mean of total_amount over this week and the 3 before (fewer at the start of the series); NULL while the week is not over.';


--
-- Name: COLUMN gold_category_trends.baseline_mean; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.baseline_mean IS 'Mean of total_amount over the up to 8 weeks before this one; NULL for the first week.';


--
-- Name: COLUMN gold_category_trends.baseline_stddev; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.baseline_stddev IS 'Sample standard deviation of total_amount over the up to 8 weeks before this one; NULL with fewer than 2.';


--
-- Name: COLUMN gold_category_trends.z_score; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.z_score IS '(total_amount - baseline_mean) / baseline_stddev; NULL when fewer than 4 earlier weeks, baseline_stddev is 0, or the week is not over.';


--
-- Name: COLUMN gold_category_trends.is_anomaly; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.is_anomaly IS 'abs(z_score) > 2, the seed''s 2-sigma highlight for dashboards; false when z_score is NULL (and so for a week not over).';


--
-- Name: COLUMN gold_category_trends.refreshed_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.refreshed_at IS 'When the row was last rewritten.';


--
-- Name: COLUMN gold_category_trends.is_complete; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_category_trends.is_complete IS 'The ISO week is over: its Sunday is before today in the business time zone. While it is not, moving_avg_4w and z_score are NULL and is_anomaly is false.';


--
-- Name: gold_monthly_summary; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.gold_monthly_summary (
    month date NOT NULL,
    category text NOT NULL,
    total_amount numeric NOT NULL,
    transaction_count bigint NOT NULL,
    avg_amount numeric NOT NULL,
    total_quantity bigint NOT NULL,
    unique_customers bigint NOT NULL,
    mom_growth_pct numeric,
    yoy_growth_pct numeric,
    moving_avg_3m numeric,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    is_complete boolean DEFAULT false NOT NULL,
    mtd_growth_pct numeric
);

ALTER TABLE ONLY scout.gold_monthly_summary FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_monthly_summary; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.gold_monthly_summary IS 'Monthly sales per category: one row per (month, category) with sales, with growth rates and a 3-month moving average. Rewritten per changed category by scout.refresh_gold.';


--
-- Name: COLUMN gold_monthly_summary.month; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.month IS 'First day of the calendar month.';


--
-- Name: COLUMN gold_monthly_summary.category; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.category IS 'Category (canonical spelling).';


--
-- Name: COLUMN gold_monthly_summary.total_amount; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.total_amount IS 'Sum of amount over the month''s Silver rows.';


--
-- Name: COLUMN gold_monthly_summary.transaction_count; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.transaction_count IS 'Number of Silver rows.';


--
-- Name: COLUMN gold_monthly_summary.avg_amount; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.avg_amount IS 'total_amount / transaction_count (not rounded).';


--
-- Name: COLUMN gold_monthly_summary.total_quantity; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.total_quantity IS 'Sum of quantity.';


--
-- Name: COLUMN gold_monthly_summary.unique_customers; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.unique_customers IS 'Count of distinct non-null customer_id.';


--
-- Name: COLUMN gold_monthly_summary.mom_growth_pct; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.mom_growth_pct IS 'round(100 * (total - prev) / prev, 2), prev = the same category''s total in the previous calendar month; NULL when that month has no sales, and while this month is not over (is_complete).';


--
-- Name: COLUMN gold_monthly_summary.yoy_growth_pct; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.yoy_growth_pct IS 'The same against the same month one year earlier; NULL when that month has no sales, and while this month is not over.';


--
-- Name: COLUMN gold_monthly_summary.moving_avg_3m; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.moving_avg_3m IS 'Mean of total_amount over this and the two previous calendar months, missing months counting as 0; over fewer months at the start of the category''s series (not rounded); NULL while this month is not over.';


--
-- Name: COLUMN gold_monthly_summary.refreshed_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.refreshed_at IS 'When the row was last rewritten.';


--
-- Name: COLUMN gold_monthly_summary.is_complete; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.is_complete IS 'The month is over: it ended before today in the business time zone (setting business_time_zone). While it is not, mom_growth_pct, yoy_growth_pct and moving_avg_3m are NULL: a running month is never compared with whole ones.';


--
-- Name: COLUMN gold_monthly_summary.mtd_growth_pct; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_monthly_summary.mtd_growth_pct IS 'For the running month only: round(100 * (mtd - prev_mtd) / prev_mtd, 2), where mtd is the category''s total over the month''s complete days (before today) and prev_mtd over as many first days of the previous month (at most all of it); NULL for a complete month, on the first day of a month, and when prev_mtd is 0 or missing.';


--
-- Name: gold_sales_anomalies; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.gold_sales_anomalies (
    week_start date NOT NULL,
    category text NOT NULL,
    direction text NOT NULL,
    total_amount numeric NOT NULL,
    expected_amount numeric NOT NULL,
    baseline_weeks integer NOT NULL,
    detected_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT gold_sales_anomalies_direction_check CHECK ((direction = ANY (ARRAY['spike'::text, 'drop'::text]))),
    CONSTRAINT gold_sales_anomalies_week_start_check CHECK ((date_trunc('week'::text, (week_start)::timestamp with time zone) = week_start))
);

ALTER TABLE ONLY scout.gold_sales_anomalies FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_sales_anomalies; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.gold_sales_anomalies IS 'The category-weeks that page people (CONTRACT v3): complete weeks flagged by scout_internal.sales_anomaly, a robust rule far stricter than the 2-sigma highlight of gold_category_trends.is_anomaly. Kept in step by refresh_gold: a week no longer flagged after a correction leaves; a new one among the last three complete weeks is announced once on NOTIFY channel scout_sales_anomaly.';


--
-- Name: COLUMN gold_sales_anomalies.week_start; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_sales_anomalies.week_start IS 'The ISO Monday of the flagged week.';


--
-- Name: COLUMN gold_sales_anomalies.category; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_sales_anomalies.category IS 'The category whose sales moved.';


--
-- Name: COLUMN gold_sales_anomalies.direction; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_sales_anomalies.direction IS 'spike (at least 2.5 x the expected amount) or drop (at most 0.4 x; a category that stopped selling drops to 0).';


--
-- Name: COLUMN gold_sales_anomalies.total_amount; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_sales_anomalies.total_amount IS 'The week''s sales (gold_category_trends.total_amount).';


--
-- Name: COLUMN gold_sales_anomalies.expected_amount; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_sales_anomalies.expected_amount IS 'What the rule expected: the median of the up to 12 complete weeks before.';


--
-- Name: COLUMN gold_sales_anomalies.baseline_weeks; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_sales_anomalies.baseline_weeks IS 'How many earlier weeks the expectation rests on (6 to 12).';


--
-- Name: COLUMN gold_sales_anomalies.detected_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_sales_anomalies.detected_at IS 'When refresh_gold first flagged the week.';


--
-- Name: gold_store_daily_sales; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.gold_store_daily_sales (
    store_id text,
    sales_date date NOT NULL,
    category text NOT NULL,
    total_amount numeric NOT NULL,
    transaction_count bigint NOT NULL,
    customer_count bigint NOT NULL,
    total_quantity bigint NOT NULL,
    is_complete boolean NOT NULL,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY scout.gold_store_daily_sales FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_store_daily_sales; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.gold_store_daily_sales IS 'Sales per store, day and category, from Silver: what a store''s dashboard reads. Each authenticated user reads the rows of their stores only (JWT app_metadata.store_ids or scout.store_members; ''*'' every store). Kept up to date by refresh_gold, which recomputes each (category, day) Silver changed.';


--
-- Name: COLUMN gold_store_daily_sales.store_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.store_id IS 'The store (scout.ref_stores when known); NULL for sales without a store, which only readers of every store see.';


--
-- Name: COLUMN gold_store_daily_sales.sales_date; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.sales_date IS 'The day (transaction_date).';


--
-- Name: COLUMN gold_store_daily_sales.category; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.category IS 'The category.';


--
-- Name: COLUMN gold_store_daily_sales.total_amount; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.total_amount IS 'Sum of the day''s amounts, to the cent.';


--
-- Name: COLUMN gold_store_daily_sales.transaction_count; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.transaction_count IS 'Transactions that day.';


--
-- Name: COLUMN gold_store_daily_sales.customer_count; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.customer_count IS 'Distinct known customers that day (anonymous sales not counted).';


--
-- Name: COLUMN gold_store_daily_sales.total_quantity; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.total_quantity IS 'Units sold that day.';


--
-- Name: COLUMN gold_store_daily_sales.is_complete; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.is_complete IS 'False for the running business day (scout_internal.business_today()), which is still filling: do not compare it with whole days.';


--
-- Name: COLUMN gold_store_daily_sales.refreshed_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.refreshed_at IS 'When refresh_gold last wrote the row.';


--
-- Name: COLUMN gold_store_daily_sales.id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.gold_store_daily_sales.id IS 'Row key (the business key, store_id, sales_date and category, may hold a NULL store), so a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish its updates and deletes.';


--
-- Name: gold_store_daily_sales_id_seq; Type: SEQUENCE; Schema: scout; Owner: -
--

ALTER TABLE scout.gold_store_daily_sales ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout.gold_store_daily_sales_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: platinum_transaction_embeddings; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.platinum_transaction_embeddings (
    transaction_id text NOT NULL,
    text text NOT NULL,
    metadata jsonb NOT NULL,
    transaction_date date NOT NULL,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    store_id text,
    embedding_model text,
    embedded_at timestamp with time zone,
    embedding real[]
);

ALTER TABLE ONLY scout.platinum_transaction_embeddings FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE platinum_transaction_embeddings; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.platinum_transaction_embeddings IS 'One readable sentence per Silver transaction of the last 90 days (transaction_date > current_date - 90), for embedding and retrieval.';


--
-- Name: COLUMN platinum_transaction_embeddings.transaction_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.transaction_id IS 'Silver transaction_id.';


--
-- Name: COLUMN platinum_transaction_embeddings.text; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.text IS 'The transaction as one sentence: date, category / subcategory, amount and currency, the quantity and product by name and brand (where scout.silver_products knows the SKU), store and vendor, payment method and description; parts that are NULL are left out.';


--
-- Name: COLUMN platinum_transaction_embeddings.metadata; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.metadata IS 'The typed Silver fields (NULLs left out): transaction_id, transaction_date, amount, currency, category, subcategory, store_id, vendor_name, vendor_id, customer_id, sku, product_name and brand (from scout.silver_products), quantity, tax_amount, payment_method.';


--
-- Name: COLUMN platinum_transaction_embeddings.transaction_date; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.transaction_date IS 'Silver transaction_date (for filtering without reading metadata).';


--
-- Name: COLUMN platinum_transaction_embeddings.refreshed_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.refreshed_at IS 'When the row was built or last changed (a rebuild merges: an unchanged row keeps its time).';


--
-- Name: COLUMN platinum_transaction_embeddings.store_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.store_id IS 'The sale''s store (metadata.store_id): who may read the row depends on it. NULL for a sale without a store, which only readers of every store see.';


--
-- Name: COLUMN platinum_transaction_embeddings.embedding_model; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.embedding_model IS 'The model that made embedding (the setting embedding_model when it was written); a row of another model is re-embedded and never searched.';


--
-- Name: COLUMN platinum_transaction_embeddings.embedded_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.embedded_at IS 'When embedding was written.';


--
-- Name: COLUMN platinum_transaction_embeddings.embedding; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.platinum_transaction_embeddings.embedding IS 'The text''s vector from the sentence-embedding model named in embedding_model (384 numbers, unit length): pgvector''s vector(384) with an HNSW index where the server has pgvector, else real[]. NULL until scout-db embed reaches the row, and again when its text changes.';


--
-- Name: ref_stores; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.ref_stores (
    store_id text NOT NULL,
    name text NOT NULL,
    region text,
    city text,
    opened_on date,
    is_active boolean DEFAULT true NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ref_stores_store_id_check CHECK (((store_id = btrim(store_id)) AND (store_id <> ''::text) AND (store_id <> '*'::text)))
);

ALTER TABLE ONLY scout.ref_stores FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE ref_stores; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.ref_stores IS 'The stores of the chain, maintained by DBAs like ref_categories (the demo''s seed adds its 50). A sale whose store_id is not here is kept and reported by the check silver_store_ids_are_known.';


--
-- Name: COLUMN ref_stores.store_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_stores.store_id IS 'The store''s id, as transactions carry it in store_id (never ''*'', which means every store).';


--
-- Name: COLUMN ref_stores.name; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_stores.name IS 'The store''s name, as people call it.';


--
-- Name: COLUMN ref_stores.region; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_stores.region IS 'Its region.';


--
-- Name: COLUMN ref_stores.city; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_stores.city IS 'Its city.';


--
-- Name: COLUMN ref_stores.opened_on; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_stores.opened_on IS 'When it opened.';


--
-- Name: COLUMN ref_stores.is_active; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_stores.is_active IS 'False for a store that has closed; its history stays.';


--
-- Name: COLUMN ref_stores.updated_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.ref_stores.updated_at IS 'When the row last changed.';


--
-- Name: silver_products; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.silver_products (
    sku text NOT NULL,
    name text NOT NULL,
    description text,
    category text,
    brand text,
    price numeric(14,2),
    cost numeric(14,2),
    stock_quantity integer,
    unit_of_measure text,
    barcode text,
    is_active boolean DEFAULT true NOT NULL,
    updated_at timestamp with time zone,
    attributes jsonb DEFAULT '{}'::jsonb NOT NULL,
    version_at timestamp with time zone NOT NULL,
    bronze_id uuid NOT NULL,
    bronze_seq bigint NOT NULL,
    source text NOT NULL,
    ingestion_batch_id text,
    ingested_at timestamp with time zone NOT NULL,
    validated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT silver_products_cost_check CHECK ((cost >= (0)::numeric)),
    CONSTRAINT silver_products_price_check CHECK ((price >= (0)::numeric))
);

ALTER TABLE ONLY scout.silver_products FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE silver_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.silver_products IS 'Validated products, one row per sku: the newest valid version by updated_at, then by ingestion order.';


--
-- Name: COLUMN silver_products.sku; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.sku IS 'Business key: payload sku, trimmed.';


--
-- Name: COLUMN silver_products.name; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.name IS 'Product name, trimmed.';


--
-- Name: COLUMN silver_products.description; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.description IS 'Payload description, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_products.category; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.category IS 'Payload category, trimmed (canonical spelling when it names a scout.ref_categories row).';


--
-- Name: COLUMN silver_products.brand; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.brand IS 'Payload brand, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_products.price; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.price IS 'List price rounded to 2 decimals, >= 0.';


--
-- Name: COLUMN silver_products.cost; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.cost IS 'Unit cost rounded to 2 decimals, >= 0.';


--
-- Name: COLUMN silver_products.stock_quantity; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.stock_quantity IS 'Units in stock (integer, may be negative for back-orders).';


--
-- Name: COLUMN silver_products.unit_of_measure; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.unit_of_measure IS 'Payload unit_of_measure, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_products.barcode; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.barcode IS 'Payload barcode, trimmed; NULL when empty.';


--
-- Name: COLUMN silver_products.is_active; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.is_active IS 'Payload is_active; true when absent.';


--
-- Name: COLUMN silver_products.updated_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.updated_at IS 'Payload updated_at (ISO 8601; UTC when no zone is given); never later than now() plus product_updated_at_tolerance (ip_workbench.settings).';


--
-- Name: COLUMN silver_products.attributes; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.attributes IS 'Payload keys the contract does not name.';


--
-- Name: COLUMN silver_products.version_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.version_at IS 'updated_at, or ingested_at when the payload has none: the newest version_at wins, ties broken by bronze_seq.';


--
-- Name: COLUMN silver_products.bronze_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.bronze_id IS 'Lineage: the Bronze row of this version.';


--
-- Name: COLUMN silver_products.bronze_seq; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.bronze_seq IS 'Lineage: ingest_seq of that Bronze row.';


--
-- Name: COLUMN silver_products.source; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.source IS 'Lineage: Bronze source.';


--
-- Name: COLUMN silver_products.ingestion_batch_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.ingestion_batch_id IS 'Lineage: Bronze batch.';


--
-- Name: COLUMN silver_products.ingested_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.ingested_at IS 'Lineage: when this version reached Bronze.';


--
-- Name: COLUMN silver_products.validated_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_products.validated_at IS 'When this version was validated into Silver.';


--
-- Name: silver_rejected_products; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.silver_rejected_products (
    bronze_id uuid NOT NULL,
    sku text,
    reasons text[] NOT NULL,
    raw_data jsonb NOT NULL,
    source text NOT NULL,
    ingestion_batch_id text,
    ingested_at timestamp with time zone NOT NULL,
    rejected_at timestamp with time zone DEFAULT now() NOT NULL,
    parse_error text,
    CONSTRAINT silver_rejected_products_reasons_check CHECK ((cardinality(reasons) > 0))
);

ALTER TABLE ONLY scout.silver_rejected_products FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE silver_rejected_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.silver_rejected_products IS 'Every Bronze product that broke a Silver rule, with every rule it broke.';


--
-- Name: COLUMN silver_rejected_products.bronze_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.bronze_id IS 'The rejected Bronze row.';


--
-- Name: COLUMN silver_rejected_products.sku; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.sku IS 'Business key, where one could be read.';


--
-- Name: COLUMN silver_rejected_products.reasons; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.reasons IS 'Stable reason codes: missing_sku, invalid_sku (over 200 characters), missing_name, invalid_price, price_negative, invalid_cost, cost_negative, invalid_stock_quantity, invalid_is_active, invalid_updated_at, updated_at_in_future, invalid_category (over 200 characters); or unparseable alone (see parse_error).';


--
-- Name: COLUMN silver_rejected_products.raw_data; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.raw_data IS 'The payload as received.';


--
-- Name: COLUMN silver_rejected_products.source; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.source IS 'Bronze source.';


--
-- Name: COLUMN silver_rejected_products.ingestion_batch_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.ingestion_batch_id IS 'Bronze batch.';


--
-- Name: COLUMN silver_rejected_products.ingested_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.ingested_at IS 'When the row reached Bronze.';


--
-- Name: COLUMN silver_rejected_products.rejected_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.rejected_at IS 'When it was (last) judged.';


--
-- Name: COLUMN silver_rejected_products.parse_error; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_products.parse_error IS 'For reason unparseable only: the SQLSTATE and message of the error the row''s data raised in the parse; NULL otherwise.';


--
-- Name: silver_rejected_transactions; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.silver_rejected_transactions (
    bronze_id uuid NOT NULL,
    transaction_id text,
    reasons text[] NOT NULL,
    raw_data jsonb NOT NULL,
    source text NOT NULL,
    ingestion_batch_id text,
    ingested_at timestamp with time zone NOT NULL,
    rejected_at timestamp with time zone DEFAULT now() NOT NULL,
    parse_error text,
    CONSTRAINT silver_rejected_transactions_reasons_check CHECK ((cardinality(reasons) > 0))
);

ALTER TABLE ONLY scout.silver_rejected_transactions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE silver_rejected_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.silver_rejected_transactions IS 'Every Bronze transaction that broke a Silver rule, with every rule it broke.';


--
-- Name: COLUMN silver_rejected_transactions.bronze_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.bronze_id IS 'The rejected Bronze row.';


--
-- Name: COLUMN silver_rejected_transactions.transaction_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.transaction_id IS 'Business key, where one could be read.';


--
-- Name: COLUMN silver_rejected_transactions.reasons; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.reasons IS 'Stable reason codes, one per broken rule: missing_transaction_id, invalid_transaction_id (over 200 characters), missing_date, invalid_date, date_in_future, date_too_old, missing_amount, invalid_amount, amount_not_positive, missing_category, category_not_allowed, invalid_currency, invalid_quantity, quantity_not_positive, invalid_tax_amount, tax_amount_negative, invalid_sku (over 200 characters); or unparseable alone (see parse_error).';


--
-- Name: COLUMN silver_rejected_transactions.raw_data; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.raw_data IS 'The payload as received.';


--
-- Name: COLUMN silver_rejected_transactions.source; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.source IS 'Bronze source.';


--
-- Name: COLUMN silver_rejected_transactions.ingestion_batch_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.ingestion_batch_id IS 'Bronze batch.';


--
-- Name: COLUMN silver_rejected_transactions.ingested_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.ingested_at IS 'When the row reached Bronze.';


--
-- Name: COLUMN silver_rejected_transactions.rejected_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.rejected_at IS 'When it was (last) judged.';


--
-- Name: COLUMN silver_rejected_transactions.parse_error; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.silver_rejected_transactions.parse_error IS 'For reason unparseable only: the SQLSTATE and message of the error the row''s data raised in the parse (a case no rule foresaw); NULL otherwise.';


--
-- Name: store_members; Type: TABLE; Schema: scout; Owner: -
--

CREATE TABLE scout.store_members (
    user_id uuid NOT NULL,
    store_id text NOT NULL,
    granted_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT store_members_store_id_check CHECK (((store_id = btrim(store_id)) AND (store_id <> ''::text)))
);

ALTER TABLE ONLY scout.store_members FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE store_members; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TABLE scout.store_members IS 'Which stores each user may read in the store-level marts, besides those in their JWT''s app_metadata.store_ids: one row per user and store, ''*'' for every store. DBAs (or service_role) maintain it; a removed row takes effect at the user''s next statement. The API roles below service_role do not read it: the policies look it up through scout_private.reader_store_ids().';


--
-- Name: COLUMN store_members.user_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.store_members.user_id IS 'The user: their JWT''s sub (auth.uid()).';


--
-- Name: COLUMN store_members.store_id; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.store_members.store_id IS 'A store of scout.ref_stores, or ''*'' for every store.';


--
-- Name: COLUMN store_members.granted_at; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON COLUMN scout.store_members.granted_at IS 'When the membership was added.';


--
-- Name: bronze_products_have_required_keys; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.bronze_products_have_required_keys WITH (security_invoker='true') AS
 SELECT 'bronze_products_have_required_keys'::text AS check_name,
    'scout'::text AS schema_name,
    'bronze_products'::text AS table_name,
    'bronze'::text AS layer,
    'completeness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE k.ok) AS passed,
    count(*) FILTER (WHERE (NOT k.ok)) AS failed,
    'payloads holding sku and name'::text AS detail,
    array_agg((k.id)::text) FILTER (WHERE (NOT k.ok)) AS failing_keys,
    count(*) FILTER (WHERE (k.ok AND k.recent)) AS recent_passed,
    count(*) FILTER (WHERE ((NOT k.ok) AND k.recent)) AS recent_failed
   FROM ( SELECT b.id,
            (b.raw_data ?& ARRAY['sku'::text, 'name'::text]) AS ok,
            (b.ingested_at >= w.since) AS recent
           FROM (scout.bronze_products b
             CROSS JOIN ( SELECT ( SELECT scout_internal.dq_recent_since() AS dq_recent_since) AS since) w)
         OFFSET 0) k;


--
-- Name: VIEW bronze_products_have_required_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.bronze_products_have_required_keys IS 'Completeness of Bronze products: every payload names sku and name.';


--
-- Name: COLUMN bronze_products_have_required_keys.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN bronze_products_have_required_keys.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN bronze_products_have_required_keys.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.table_name IS 'The checked table.';


--
-- Name: COLUMN bronze_products_have_required_keys.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.layer IS 'Its layer.';


--
-- Name: COLUMN bronze_products_have_required_keys.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN bronze_products_have_required_keys.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN bronze_products_have_required_keys.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.passed IS 'Rows that passed.';


--
-- Name: COLUMN bronze_products_have_required_keys.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.failed IS 'Rows that failed.';


--
-- Name: COLUMN bronze_products_have_required_keys.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.detail IS 'What is checked.';


--
-- Name: COLUMN bronze_products_have_required_keys.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN bronze_products_have_required_keys.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN bronze_products_have_required_keys.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_products_have_required_keys.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: bronze_transactions_have_required_keys; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.bronze_transactions_have_required_keys WITH (security_invoker='true') AS
 SELECT 'bronze_transactions_have_required_keys'::text AS check_name,
    'scout'::text AS schema_name,
    'bronze_transactions'::text AS table_name,
    'bronze'::text AS layer,
    'completeness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE k.ok) AS passed,
    count(*) FILTER (WHERE (NOT k.ok)) AS failed,
    'payloads holding transaction_id, date, amount and category'::text AS detail,
    array_agg((k.id)::text) FILTER (WHERE (NOT k.ok)) AS failing_keys,
    count(*) FILTER (WHERE (k.ok AND k.recent)) AS recent_passed,
    count(*) FILTER (WHERE ((NOT k.ok) AND k.recent)) AS recent_failed
   FROM ( SELECT b.id,
            (b.raw_data ?& ARRAY['transaction_id'::text, 'date'::text, 'amount'::text, 'category'::text]) AS ok,
            (b.ingested_at >= w.since) AS recent
           FROM (scout.bronze_transactions b
             CROSS JOIN ( SELECT ( SELECT scout_internal.dq_recent_since() AS dq_recent_since) AS since) w)
         OFFSET 0) k;


--
-- Name: VIEW bronze_transactions_have_required_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.bronze_transactions_have_required_keys IS 'Completeness of Bronze transactions: every payload names the keys Silver requires.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN bronze_transactions_have_required_keys.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.table_name IS 'The checked table.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.layer IS 'Its layer.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.passed IS 'Rows that passed.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.failed IS 'Rows that failed.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.detail IS 'What is checked.';


--
-- Name: COLUMN bronze_transactions_have_required_keys.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN bronze_transactions_have_required_keys.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN bronze_transactions_have_required_keys.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.bronze_transactions_have_required_keys.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: every_bronze_transaction_is_accounted_for; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.every_bronze_transaction_is_accounted_for WITH (security_invoker='true') AS
 SELECT 'every_bronze_transaction_is_accounted_for'::text AS check_name,
    'scout'::text AS schema_name,
    'bronze_transactions'::text AS table_name,
    'bronze'::text AS layer,
    'integrity'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE a.accounted) AS passed,
    count(*) FILTER (WHERE (NOT a.accounted)) AS failed,
    'judged Bronze transactions that are a Silver winner, superseded, or rejected'::text AS detail,
    array_agg((a.id)::text) FILTER (WHERE (NOT a.accounted)) AS failing_keys,
    count(*) FILTER (WHERE (a.accounted AND a.recent)) AS recent_passed,
    count(*) FILTER (WHERE ((NOT a.accounted) AND a.recent)) AS recent_failed
   FROM ( SELECT b.id,
            ((s.bronze_id IS NOT NULL) OR (r.bronze_id IS NOT NULL) OR (EXISTS ( SELECT 1
                   FROM scout.silver_validated_transactions k
                  WHERE (k.transaction_id = scout_internal.clean_text((b.raw_data ->> 'transaction_id'::text)))))) AS accounted,
            (b.ingested_at >= n.since) AS recent
           FROM ((((scout.bronze_transactions b
             JOIN ip_workbench.watermarks w ON ((w.stream = 'silver_transactions'::text)))
             CROSS JOIN ( SELECT ( SELECT scout_internal.dq_recent_since() AS dq_recent_since) AS since) n)
             LEFT JOIN scout.silver_validated_transactions s ON ((s.bronze_id = b.id)))
             LEFT JOIN scout.silver_rejected_transactions r ON ((r.bronze_id = b.id)))
          WHERE ((NOT scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_current_snapshot(), pg_current_xact_id_if_assigned(), w.processed_snapshot, w.processed_xid, w.processed_seq)) AND ((( SELECT scout_internal.silver_frozen_before() AS silver_frozen_before) = '-infinity'::date) OR COALESCE((scout_internal.iso_date(scout_internal.clean_text((b.raw_data ->> 'date'::text))) >= ( SELECT scout_internal.silver_frozen_before() AS silver_frozen_before)), true)))
         OFFSET 0) a;


--
-- Name: VIEW every_bronze_transaction_is_accounted_for; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.every_bronze_transaction_is_accounted_for IS 'The accounting invariant: every Bronze transaction Silver has judged is the winner of its key, superseded by another version of it (its key is in Silver), or rejected. Sales Silver has since purged by retention are not asked for.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.table_name IS 'The checked table.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.layer IS 'Its layer.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.passed IS 'Rows that passed.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.failed IS 'Rows that failed.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.detail IS 'What is checked.';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN every_bronze_transaction_is_accounted_for.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.every_bronze_transaction_is_accounted_for.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: gold_one_row_per_month_and_category; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.gold_one_row_per_month_and_category WITH (security_invoker='true') AS
 SELECT 'gold_one_row_per_month_and_category'::text AS check_name,
    'scout'::text AS schema_name,
    'gold_monthly_summary'::text AS table_name,
    'gold'::text AS layer,
    'uniqueness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (k.n = 1)) AS passed,
    (COALESCE(sum(k.n) FILTER (WHERE (k.n > 1)), (0)::numeric))::bigint AS failed,
    '(month, category) with exactly one row'::text AS detail,
    array_agg((((k.month)::text || '/'::text) || k.category)) FILTER (WHERE (k.n > 1)) AS failing_keys
   FROM ( SELECT g.month,
            g.category,
            count(*) AS n
           FROM scout.gold_monthly_summary g
          GROUP BY g.month, g.category) k;


--
-- Name: VIEW gold_one_row_per_month_and_category; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.gold_one_row_per_month_and_category IS 'Uniqueness of Gold: one gold_monthly_summary row per (month, category).';


--
-- Name: COLUMN gold_one_row_per_month_and_category.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN gold_one_row_per_month_and_category.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN gold_one_row_per_month_and_category.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.table_name IS 'The checked table.';


--
-- Name: COLUMN gold_one_row_per_month_and_category.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.layer IS 'Its layer.';


--
-- Name: COLUMN gold_one_row_per_month_and_category.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN gold_one_row_per_month_and_category.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN gold_one_row_per_month_and_category.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.passed IS 'Rows that passed.';


--
-- Name: COLUMN gold_one_row_per_month_and_category.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.failed IS 'Rows that failed.';


--
-- Name: COLUMN gold_one_row_per_month_and_category.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.detail IS 'What is checked.';


--
-- Name: COLUMN gold_one_row_per_month_and_category.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_month_and_category.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: gold_one_row_per_week_and_category; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.gold_one_row_per_week_and_category WITH (security_invoker='true') AS
 SELECT 'gold_one_row_per_week_and_category'::text AS check_name,
    'scout'::text AS schema_name,
    'gold_category_trends'::text AS table_name,
    'gold'::text AS layer,
    'uniqueness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (k.n = 1)) AS passed,
    (COALESCE(sum(k.n) FILTER (WHERE (k.n > 1)), (0)::numeric))::bigint AS failed,
    '(week_start, category) with exactly one row'::text AS detail,
    array_agg((((k.week_start)::text || '/'::text) || k.category)) FILTER (WHERE (k.n > 1)) AS failing_keys
   FROM ( SELECT g.week_start,
            g.category,
            count(*) AS n
           FROM scout.gold_category_trends g
          GROUP BY g.week_start, g.category) k;


--
-- Name: VIEW gold_one_row_per_week_and_category; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.gold_one_row_per_week_and_category IS 'Uniqueness of Gold''s weekly mart: one gold_category_trends row per (week, category).';


--
-- Name: COLUMN gold_one_row_per_week_and_category.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN gold_one_row_per_week_and_category.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN gold_one_row_per_week_and_category.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.table_name IS 'The checked table.';


--
-- Name: COLUMN gold_one_row_per_week_and_category.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.layer IS 'Its layer.';


--
-- Name: COLUMN gold_one_row_per_week_and_category.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN gold_one_row_per_week_and_category.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN gold_one_row_per_week_and_category.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.passed IS 'Rows that passed.';


--
-- Name: COLUMN gold_one_row_per_week_and_category.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.failed IS 'Rows that failed.';


--
-- Name: COLUMN gold_one_row_per_week_and_category.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.detail IS 'What is checked.';


--
-- Name: COLUMN gold_one_row_per_week_and_category.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_one_row_per_week_and_category.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: gold_store_sales_match_silver; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.gold_store_sales_match_silver WITH (security_invoker='true') AS
 SELECT 'gold_store_sales_match_silver'::text AS check_name,
    'scout'::text AS schema_name,
    'gold_store_daily_sales'::text AS table_name,
    'gold'::text AS layer,
    'integrity'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE j.same) AS passed,
    count(*) FILTER (WHERE (NOT j.same)) AS failed,
    '(store, day, category) whose total_amount and transaction_count equal Silver''s'::text AS detail,
    array_agg(((((COALESCE(j.store_id, '(no store)'::text) || '/'::text) || to_char((j.sales_date)::timestamp with time zone, 'YYYY-MM-DD'::text)) || '/'::text) || j.category)) FILTER (WHERE (NOT j.same)) AS failing_keys
   FROM ( SELECT NULLIF(COALESCE(g.store_key, s.store_key), ''::text) AS store_id,
            COALESCE(g.sales_date, s.sales_date) AS sales_date,
            COALESCE(g.category, s.category) AS category,
            (NOT ((g.total_amount IS DISTINCT FROM s.total) OR (g.transaction_count IS DISTINCT FROM s.n))) AS same
           FROM (( SELECT COALESCE(x.store_id, ''::text) AS store_key,
                    x.sales_date,
                    x.category,
                    x.total_amount,
                    x.transaction_count
                   FROM scout.gold_store_daily_sales x
                  WHERE (x.sales_date >= ( SELECT scout_internal.silver_frozen_before() AS silver_frozen_before))) g
             FULL JOIN ( SELECT COALESCE(t.store_id, ''::text) AS store_key,
                    t.transaction_date AS sales_date,
                    t.category,
                    sum(t.amount) AS total,
                    count(*) AS n
                   FROM scout.silver_validated_transactions t
                  WHERE ((t.transaction_date >= ( SELECT scout_internal.silver_frozen_before() AS silver_frozen_before)) AND (t.transaction_date >= ( SELECT scout_internal.gold_kept_from() AS gold_kept_from)))
                  GROUP BY COALESCE(t.store_id, ''::text), t.transaction_date, t.category) s ON (((s.store_key = g.store_key) AND (s.sales_date = g.sales_date) AND (s.category = g.category))))) j;


--
-- Name: VIEW gold_store_sales_match_silver; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.gold_store_sales_match_silver IS 'The store mart agrees with Silver: every (store, day, category) of Silver within the retention boundaries has a row of scout.gold_store_daily_sales with the same total_amount and transaction_count, and the mart has no row Silver lacks.';


--
-- Name: COLUMN gold_store_sales_match_silver.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN gold_store_sales_match_silver.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN gold_store_sales_match_silver.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.table_name IS 'The checked table.';


--
-- Name: COLUMN gold_store_sales_match_silver.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.layer IS 'Its layer.';


--
-- Name: COLUMN gold_store_sales_match_silver.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN gold_store_sales_match_silver.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN gold_store_sales_match_silver.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.passed IS 'Rows that passed.';


--
-- Name: COLUMN gold_store_sales_match_silver.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.failed IS 'Rows that failed.';


--
-- Name: COLUMN gold_store_sales_match_silver.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.detail IS 'What is checked.';


--
-- Name: COLUMN gold_store_sales_match_silver.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_store_sales_match_silver.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: gold_totals_match_silver; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.gold_totals_match_silver WITH (security_invoker='true') AS
 SELECT
        CASE
            WHEN k.missing THEN 'gold_has_every_silver_month'::text
            ELSE 'gold_totals_match_silver'::text
        END AS check_name,
    'scout'::text AS schema_name,
    'gold_monthly_summary'::text AS table_name,
    'gold'::text AS layer,
        CASE
            WHEN k.missing THEN 'completeness'::text
            ELSE 'integrity'::text
        END AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE m.ok) AS passed,
    count(*) FILTER (WHERE (NOT m.ok)) AS failed,
        CASE
            WHEN k.missing THEN '(month, category) of Silver with a Gold row'::text
            ELSE '(month, category) whose total_amount and transaction_count equal Silver''s'::text
        END AS detail,
    array_agg((((m.month)::text || '/'::text) || m.category)) FILTER (WHERE (NOT m.ok)) AS failing_keys
   FROM ((( SELECT COALESCE(g.month, s.month) AS month,
            COALESCE(g.category, s.category) AS category,
            (g.month IS NOT NULL) AS in_gold,
            (s.month IS NOT NULL) AS in_silver,
            (NOT ((g.total_amount IS DISTINCT FROM s.total) OR (g.transaction_count IS DISTINCT FROM s.n))) AS same
           FROM (( SELECT x.month,
                    x.category,
                    x.total_amount,
                    x.transaction_count
                   FROM scout.gold_monthly_summary x
                  WHERE (x.month >= ( SELECT scout_internal.silver_frozen_before() AS silver_frozen_before))) g
             FULL JOIN ( SELECT (date_trunc('month'::text, (t.transaction_date)::timestamp without time zone))::date AS month,
                    t.category,
                    sum(t.amount) AS total,
                    count(*) AS n
                   FROM scout.silver_validated_transactions t
                  WHERE ((t.transaction_date >= ( SELECT scout_internal.silver_frozen_before() AS silver_frozen_before)) AND (t.transaction_date >= ( SELECT scout_internal.gold_kept_from() AS gold_kept_from)))
                  GROUP BY ((date_trunc('month'::text, (t.transaction_date)::timestamp without time zone))::date), t.category) s ON (((s.month = g.month) AND (s.category = g.category))))) j
     CROSS JOIN LATERAL ( VALUES (false), (true)) k(missing))
     CROSS JOIN LATERAL ( SELECT
                CASE
                    WHEN k.missing THEN j.in_gold
                    ELSE j.same
                END AS ok,
            j.month,
            j.category) m)
  WHERE ((k.missing = false) OR j.in_silver)
  GROUP BY k.missing;


--
-- Name: VIEW gold_totals_match_silver; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.gold_totals_match_silver IS 'Gold → Silver in one pass: every month of gold_monthly_summary that Silver still holds in full sums to Silver''s rows (gold_totals_match_silver, integrity), and every such month of Silver has a Gold row (gold_has_every_silver_month, completeness).';


--
-- Name: COLUMN gold_totals_match_silver.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN gold_totals_match_silver.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN gold_totals_match_silver.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.table_name IS 'The checked table.';


--
-- Name: COLUMN gold_totals_match_silver.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.layer IS 'Its layer.';


--
-- Name: COLUMN gold_totals_match_silver.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN gold_totals_match_silver.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN gold_totals_match_silver.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.passed IS 'Rows that passed.';


--
-- Name: COLUMN gold_totals_match_silver.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.failed IS 'Rows that failed.';


--
-- Name: COLUMN gold_totals_match_silver.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.detail IS 'What is checked.';


--
-- Name: COLUMN gold_totals_match_silver.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_totals_match_silver.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: gold_weeks_are_dense; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.gold_weeks_are_dense WITH (security_invoker='true') AS
 SELECT 'gold_weeks_are_dense'::text AS check_name,
    'scout'::text AS schema_name,
    'gold_category_trends'::text AS table_name,
    'gold'::text AS layer,
    'completeness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (g.category IS NOT NULL)) AS passed,
    count(*) FILTER (WHERE (g.category IS NULL)) AS failed,
    'weeks from each category''s first to the current week that have a row'::text AS detail,
    array_agg((((w.week_start)::text || '/'::text) || w.category)) FILTER (WHERE (g.category IS NULL)) AS failing_keys
   FROM (( SELECT c.category,
            (generate_series(c.first_week, c.current_week, '7 days'::interval))::date AS week_start
           FROM ( SELECT x.category,
                    (min(x.week_start))::timestamp without time zone AS first_week,
                    date_trunc('week'::text, (scout_internal.business_today())::timestamp without time zone) AS current_week
                   FROM scout.gold_category_trends x
                  GROUP BY x.category) c) w
     LEFT JOIN scout.gold_category_trends g ON (((g.category = w.category) AND (g.week_start = w.week_start))));


--
-- Name: VIEW gold_weeks_are_dense; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.gold_weeks_are_dense IS 'Completeness of Gold''s weekly mart (contract v3): each category has a row for every week from its first to the current one, so a category that stops selling shows zero weeks.';


--
-- Name: COLUMN gold_weeks_are_dense.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN gold_weeks_are_dense.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN gold_weeks_are_dense.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.table_name IS 'The checked table.';


--
-- Name: COLUMN gold_weeks_are_dense.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.layer IS 'Its layer.';


--
-- Name: COLUMN gold_weeks_are_dense.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN gold_weeks_are_dense.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN gold_weeks_are_dense.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.passed IS 'Rows that passed.';


--
-- Name: COLUMN gold_weeks_are_dense.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.failed IS 'Rows that failed.';


--
-- Name: COLUMN gold_weeks_are_dense.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.detail IS 'What is checked.';


--
-- Name: COLUMN gold_weeks_are_dense.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.gold_weeks_are_dense.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: platinum_recommendations_have_evidence; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.platinum_recommendations_have_evidence WITH (security_invoker='true') AS
 SELECT 'platinum_recommendations_have_evidence'::text AS check_name,
    'scout'::text AS schema_name,
    'platinum_product_recommendations'::text AS table_name,
    'platinum'::text AS layer,
    'validity'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE v.ok) AS passed,
    count(*) FILTER (WHERE (NOT v.ok)) AS failed,
    'co_occurrence at least min_co_occurrence, 0 < confidence <= 1, lift > 0, ranks 1..n per sku'::text AS detail,
    array_agg(((v.sku || ' -> '::text) || v.recommended_sku)) FILTER (WHERE (NOT v.ok)) AS failing_keys
   FROM ( SELECT r.sku,
            r.recommended_sku,
            ((r.co_occurrence >= COALESCE(b.min_co_occurrence, (( SELECT scout_internal.setting('min_co_occurrence'::text) AS setting))::integer)) AND (r.confidence > (0)::numeric) AND (r.confidence <= (1)::numeric) AND (r.lift > (0)::numeric) AND (r.rank = row_number() OVER (PARTITION BY r.sku ORDER BY r.rank))) AS ok
           FROM (scout.platinum_product_recommendations r
             LEFT JOIN scout_internal.platinum_last_build() b(window_start, min_co_occurrence) ON (true))) v;


--
-- Name: VIEW platinum_recommendations_have_evidence; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.platinum_recommendations_have_evidence IS 'Validity of the recommendations (contract v3): each rests on at least min_co_occurrence shared baskets, has 0 < confidence <= 1 and lift > 0, and ranks run 1..n per product.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN platinum_recommendations_have_evidence.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.table_name IS 'The checked table.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.layer IS 'Its layer.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.passed IS 'Rows that passed.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.failed IS 'Rows that failed.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.detail IS 'What is checked.';


--
-- Name: COLUMN platinum_recommendations_have_evidence.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_recommendations_have_evidence.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: platinum_sentences_cover_silver; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.platinum_sentences_cover_silver WITH (security_invoker='true') AS
 SELECT 'platinum_sentences_cover_silver'::text AS check_name,
    'scout'::text AS schema_name,
    'platinum_transaction_embeddings'::text AS table_name,
    'platinum'::text AS layer,
    'completeness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (c.in_silver AND c.in_platinum)) AS passed,
    count(*) FILTER (WHERE (NOT (c.in_silver AND c.in_platinum))) AS failed,
    'transactions of Platinum''s window with a sentence, and sentences of a Silver transaction'::text AS detail,
    array_agg(c.transaction_id) FILTER (WHERE (NOT (c.in_silver AND c.in_platinum))) AS failing_keys
   FROM ( SELECT COALESCE(s.transaction_id, p.transaction_id) AS transaction_id,
            (s.transaction_id IS NOT NULL) AS in_silver,
            (p.transaction_id IS NOT NULL) AS in_platinum
           FROM (( SELECT t.transaction_id
                   FROM (scout.silver_validated_transactions t
                     JOIN scout_internal.platinum_last_build() b(window_start, min_co_occurrence) ON ((t.transaction_date >= b.window_start)))) s
             FULL JOIN scout.platinum_transaction_embeddings p ON ((p.transaction_id = s.transaction_id)))) c
  WHERE (EXISTS ( SELECT 1
           FROM scout_internal.platinum_last_build() platinum_last_build(window_start, min_co_occurrence)));


--
-- Name: VIEW platinum_sentences_cover_silver; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.platinum_sentences_cover_silver IS 'Completeness of Platinum''s sentences: every Silver transaction of its window has its sentence and every sentence its transaction (a Silver change Platinum has not caught up with fails until it is rebuilt).';


--
-- Name: COLUMN platinum_sentences_cover_silver.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN platinum_sentences_cover_silver.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN platinum_sentences_cover_silver.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.table_name IS 'The checked table.';


--
-- Name: COLUMN platinum_sentences_cover_silver.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.layer IS 'Its layer.';


--
-- Name: COLUMN platinum_sentences_cover_silver.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN platinum_sentences_cover_silver.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN platinum_sentences_cover_silver.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.passed IS 'Rows that passed.';


--
-- Name: COLUMN platinum_sentences_cover_silver.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.failed IS 'Rows that failed.';


--
-- Name: COLUMN platinum_sentences_cover_silver.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.detail IS 'What is checked.';


--
-- Name: COLUMN platinum_sentences_cover_silver.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.platinum_sentences_cover_silver.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: ref_categories_are_distinct; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.ref_categories_are_distinct WITH (security_invoker='true') AS
 SELECT 'ref_categories_are_distinct'::text AS check_name,
    'scout'::text AS schema_name,
    'ref_categories'::text AS table_name,
    'reference'::text AS layer,
    'uniqueness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (k.n = 1)) AS passed,
    (COALESCE(sum(k.n) FILTER (WHERE (k.n > 1)), (0)::numeric))::bigint AS failed,
    'category names distinct once case and surrounding spaces are ignored'::text AS detail,
    array_agg(k.names) FILTER (WHERE (k.n > 1)) AS failing_keys
   FROM ( SELECT lower(btrim(c.name)) AS folded,
            count(*) AS n,
            string_agg(c.name, ' / '::text ORDER BY c.name) AS names
           FROM scout.ref_categories c
          GROUP BY (lower(btrim(c.name)))) k;


--
-- Name: VIEW ref_categories_are_distinct; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.ref_categories_are_distinct IS 'Uniqueness of the category list: no two categories differ only by case or surrounding spaces, which would split every mart''s totals.';


--
-- Name: COLUMN ref_categories_are_distinct.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN ref_categories_are_distinct.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN ref_categories_are_distinct.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.table_name IS 'The checked table.';


--
-- Name: COLUMN ref_categories_are_distinct.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.layer IS 'Its layer.';


--
-- Name: COLUMN ref_categories_are_distinct.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN ref_categories_are_distinct.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN ref_categories_are_distinct.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.passed IS 'Rows that passed.';


--
-- Name: COLUMN ref_categories_are_distinct.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.failed IS 'Rows that failed.';


--
-- Name: COLUMN ref_categories_are_distinct.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.detail IS 'What is checked.';


--
-- Name: COLUMN ref_categories_are_distinct.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.ref_categories_are_distinct.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: registry_row_counts_match; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.registry_row_counts_match WITH (security_invoker='true') AS
 WITH counts AS MATERIALIZED (
         SELECT s.silver,
            c_1.schema_name,
            c_1.table_name,
            c_1.actual
           FROM (( SELECT count(*) AS silver
                   FROM scout.silver_validated_transactions) s
             CROSS JOIN LATERAL ( SELECT 'scout'::text AS schema_name,
                    'bronze_transactions'::text AS table_name,
                    ( SELECT count(*) AS count
                           FROM scout.bronze_transactions b
                          WHERE (b.ingested_at <= ( SELECT r.last_updated
                                   FROM ip_workbench.tables r
                                  WHERE ((r.schema_name = 'scout'::text) AND (r.table_name = 'bronze_transactions'::text))))) AS actual
                UNION ALL
                 SELECT 'scout'::text,
                    'bronze_products'::text,
                    ( SELECT count(*) AS count
                           FROM scout.bronze_products b
                          WHERE (b.ingested_at <= ( SELECT r.last_updated
                                   FROM ip_workbench.tables r
                                  WHERE ((r.schema_name = 'scout'::text) AND (r.table_name = 'bronze_products'::text))))) AS count
                UNION ALL
                 SELECT 'scout'::text,
                    'silver_validated_transactions'::text,
                    s.silver
                UNION ALL
                 SELECT 'scout'::text,
                    'silver_products'::text,
                    ( SELECT count(*) AS count
                           FROM scout.silver_products) AS count
                UNION ALL
                 SELECT 'scout'::text,
                    'gold_monthly_summary'::text,
                    ( SELECT count(*) AS count
                           FROM scout.gold_monthly_summary) AS count
                UNION ALL
                 SELECT 'scout'::text,
                    'gold_category_trends'::text,
                    ( SELECT count(*) AS count
                           FROM scout.gold_category_trends) AS count) c_1)
        )
 SELECT 'registry_row_counts_match'::text AS check_name,
    c.schema_name,
    c.table_name,
    t.layer,
    'volume'::text AS dimension,
    'error'::text AS level,
    ((((NOT (t.row_count IS DISTINCT FROM c.actual)) AND (NOT ((c.table_name ~~ 'gold%'::text) AND (c.actual = 0) AND (c.silver > 0)))))::integer)::bigint AS passed,
    ((((t.row_count IS DISTINCT FROM c.actual) OR ((c.table_name ~~ 'gold%'::text) AND (c.actual = 0) AND (c.silver > 0))))::integer)::bigint AS failed,
    format('registry says %s rows, the table has %s'::text, COALESCE((t.row_count)::text, 'nothing'::text), c.actual) AS detail,
        CASE
            WHEN (t.row_count IS DISTINCT FROM c.actual) THEN ARRAY[c.table_name]
            ELSE NULL::text[]
        END AS failing_keys
   FROM (counts c
     JOIN ip_workbench.tables t ON (((t.schema_name = c.schema_name) AND (t.table_name = c.table_name))))
  WHERE ((t.last_updated IS NOT NULL) OR (c.actual > 0));


--
-- Name: VIEW registry_row_counts_match; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.registry_row_counts_match IS 'Row-count sanity: the registry''s row_count of each layer table (what dashboards and scout-db status show) is the table''s real count, and Gold is not empty while Silver holds sales.';


--
-- Name: COLUMN registry_row_counts_match.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN registry_row_counts_match.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN registry_row_counts_match.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.table_name IS 'The checked table.';


--
-- Name: COLUMN registry_row_counts_match.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.layer IS 'Its layer.';


--
-- Name: COLUMN registry_row_counts_match.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN registry_row_counts_match.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN registry_row_counts_match.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.passed IS 'Rows that passed.';


--
-- Name: COLUMN registry_row_counts_match.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.failed IS 'Rows that failed.';


--
-- Name: COLUMN registry_row_counts_match.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.detail IS 'What is checked.';


--
-- Name: COLUMN registry_row_counts_match.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.registry_row_counts_match.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: silver_accepts_bronze; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.silver_accepts_bronze WITH (security_invoker='true') AS
 SELECT 'silver_accepts_bronze'::text AS check_name,
    'scout'::text AS schema_name,
    'silver_validated_transactions'::text AS table_name,
    'silver'::text AS layer,
    'completeness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (r.bronze_id IS NULL)) AS passed,
    count(*) FILTER (WHERE (r.bronze_id IS NOT NULL)) AS failed,
    'judged Bronze transactions that passed every rule (the rejected, by key, are failing)'::text AS detail,
    array_agg(COALESCE(r.transaction_id, (b.id)::text)) FILTER (WHERE (r.bronze_id IS NOT NULL)) AS failing_keys,
    count(*) FILTER (WHERE ((r.bronze_id IS NULL) AND (b.ingested_at >= n.since))) AS recent_passed,
    count(*) FILTER (WHERE ((r.bronze_id IS NOT NULL) AND (b.ingested_at >= n.since))) AS recent_failed
   FROM (((scout.bronze_transactions b
     JOIN ip_workbench.watermarks w ON ((w.stream = 'silver_transactions'::text)))
     CROSS JOIN ( SELECT ( SELECT scout_internal.dq_recent_since() AS dq_recent_since) AS since) n)
     LEFT JOIN scout.silver_rejected_transactions r ON ((r.bronze_id = b.id)))
  WHERE ((NOT scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_current_snapshot(), pg_current_xact_id_if_assigned(), w.processed_snapshot, w.processed_xid, w.processed_seq)) OR (r.bronze_id IS NOT NULL));


--
-- Name: VIEW silver_accepts_bronze; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.silver_accepts_bronze IS 'Completeness of Silver: the share of the Bronze transactions Silver has judged that it accepted; a batch half of which breaks the rules halves it.';


--
-- Name: COLUMN silver_accepts_bronze.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN silver_accepts_bronze.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN silver_accepts_bronze.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.table_name IS 'The checked table.';


--
-- Name: COLUMN silver_accepts_bronze.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.layer IS 'Its layer.';


--
-- Name: COLUMN silver_accepts_bronze.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN silver_accepts_bronze.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN silver_accepts_bronze.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.passed IS 'Rows that passed.';


--
-- Name: COLUMN silver_accepts_bronze.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.failed IS 'Rows that failed.';


--
-- Name: COLUMN silver_accepts_bronze.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.detail IS 'What is checked.';


--
-- Name: COLUMN silver_accepts_bronze.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN silver_accepts_bronze.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN silver_accepts_bronze.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_accepts_bronze.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: silver_lineage_reaches_bronze; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.silver_lineage_reaches_bronze WITH (security_invoker='true') AS
 SELECT 'silver_lineage_reaches_bronze'::text AS check_name,
    'scout'::text AS schema_name,
    'silver_validated_transactions'::text AS table_name,
    'silver'::text AS layer,
    'integrity'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (b.id IS NOT NULL)) AS passed,
    count(*) FILTER (WHERE (b.id IS NULL)) AS failed,
    'Silver rows of the Bronze retention period whose bronze_id is a Bronze row'::text AS detail,
    array_agg(s.transaction_id) FILTER (WHERE (b.id IS NULL)) AS failing_keys,
    count(*) FILTER (WHERE ((b.id IS NOT NULL) AND (s.ingested_at >= n.since))) AS recent_passed,
    count(*) FILTER (WHERE ((b.id IS NULL) AND (s.ingested_at >= n.since))) AS recent_failed
   FROM ((scout.silver_validated_transactions s
     LEFT JOIN scout.bronze_transactions b ON ((b.id = s.bronze_id)))
     CROSS JOIN ( SELECT ( SELECT scout_internal.dq_recent_since() AS dq_recent_since) AS since) n)
  WHERE (s.ingested_at >= (now() - make_interval(days => (( SELECT scout_internal.setting('bronze_retention_days'::text) AS setting))::integer)));


--
-- Name: VIEW silver_lineage_reaches_bronze; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.silver_lineage_reaches_bronze IS 'Referential integrity Silver → Bronze: a Silver row points at its Bronze row while Bronze still keeps it (within bronze_retention_days).';


--
-- Name: COLUMN silver_lineage_reaches_bronze.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN silver_lineage_reaches_bronze.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN silver_lineage_reaches_bronze.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.table_name IS 'The checked table.';


--
-- Name: COLUMN silver_lineage_reaches_bronze.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.layer IS 'Its layer.';


--
-- Name: COLUMN silver_lineage_reaches_bronze.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN silver_lineage_reaches_bronze.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN silver_lineage_reaches_bronze.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.passed IS 'Rows that passed.';


--
-- Name: COLUMN silver_lineage_reaches_bronze.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.failed IS 'Rows that failed.';


--
-- Name: COLUMN silver_lineage_reaches_bronze.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.detail IS 'What is checked.';


--
-- Name: COLUMN silver_lineage_reaches_bronze.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN silver_lineage_reaches_bronze.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN silver_lineage_reaches_bronze.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_lineage_reaches_bronze.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: silver_one_row_per_sku; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.silver_one_row_per_sku WITH (security_invoker='true') AS
 SELECT 'silver_one_row_per_sku'::text AS check_name,
    'scout'::text AS schema_name,
    'silver_products'::text AS table_name,
    'silver'::text AS layer,
    'uniqueness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (k.n = 1)) AS passed,
    (COALESCE(sum(k.n) FILTER (WHERE (k.n > 1)), (0)::numeric))::bigint AS failed,
    'skus with exactly one Silver row'::text AS detail,
    array_agg(k.sku) FILTER (WHERE (k.n > 1)) AS failing_keys
   FROM ( SELECT p.sku,
            count(*) AS n
           FROM scout.silver_products p
          GROUP BY p.sku) k;


--
-- Name: VIEW silver_one_row_per_sku; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.silver_one_row_per_sku IS 'Uniqueness of Silver products: one row per sku.';


--
-- Name: COLUMN silver_one_row_per_sku.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN silver_one_row_per_sku.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN silver_one_row_per_sku.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.table_name IS 'The checked table.';


--
-- Name: COLUMN silver_one_row_per_sku.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.layer IS 'Its layer.';


--
-- Name: COLUMN silver_one_row_per_sku.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN silver_one_row_per_sku.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN silver_one_row_per_sku.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.passed IS 'Rows that passed.';


--
-- Name: COLUMN silver_one_row_per_sku.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.failed IS 'Rows that failed.';


--
-- Name: COLUMN silver_one_row_per_sku.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.detail IS 'What is checked.';


--
-- Name: COLUMN silver_one_row_per_sku.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_sku.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: silver_one_row_per_transaction_id; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.silver_one_row_per_transaction_id WITH (security_invoker='true') AS
 SELECT 'silver_one_row_per_transaction_id'::text AS check_name,
    'scout'::text AS schema_name,
    'silver_validated_transactions'::text AS table_name,
    'silver'::text AS layer,
    'uniqueness'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE (k.n = 1)) AS passed,
    (COALESCE(sum(k.n) FILTER (WHERE (k.n > 1)), (0)::numeric))::bigint AS failed,
    'transaction_ids with exactly one Silver row'::text AS detail,
    array_agg(k.transaction_id) FILTER (WHERE (k.n > 1)) AS failing_keys
   FROM ( SELECT s.transaction_id,
            count(*) AS n
           FROM scout.silver_validated_transactions s
          GROUP BY s.transaction_id) k;


--
-- Name: VIEW silver_one_row_per_transaction_id; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.silver_one_row_per_transaction_id IS 'Uniqueness of Silver transactions: one row per transaction_id.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN silver_one_row_per_transaction_id.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.table_name IS 'The checked table.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.layer IS 'Its layer.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.passed IS 'Rows that passed.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.failed IS 'Rows that failed.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.detail IS 'What is checked.';


--
-- Name: COLUMN silver_one_row_per_transaction_id.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_one_row_per_transaction_id.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: silver_rejections_reach_bronze; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.silver_rejections_reach_bronze WITH (security_invoker='true') AS
 SELECT 'silver_rejections_reach_bronze'::text AS check_name,
    'scout'::text AS schema_name,
    j.table_name,
    'silver'::text AS layer,
    'integrity'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE j.found) AS passed,
    count(*) FILTER (WHERE (NOT j.found)) AS failed,
    'rejected rows of the Bronze retention period whose bronze_id is a Bronze row'::text AS detail,
    array_agg(j.key) FILTER (WHERE (NOT j.found)) AS failing_keys,
    count(*) FILTER (WHERE (j.found AND (j.ingested_at >= n.since))) AS recent_passed,
    count(*) FILTER (WHERE ((NOT j.found) AND (j.ingested_at >= n.since))) AS recent_failed
   FROM (( SELECT 'silver_rejected_transactions'::text AS table_name,
            (r.bronze_id)::text AS key,
            r.ingested_at,
            (EXISTS ( SELECT 1
                   FROM scout.bronze_transactions b
                  WHERE (b.id = r.bronze_id))) AS found
           FROM scout.silver_rejected_transactions r
        UNION ALL
         SELECT 'silver_rejected_products'::text,
            (r.bronze_id)::text AS bronze_id,
            r.ingested_at,
            (EXISTS ( SELECT 1
                   FROM scout.bronze_products b
                  WHERE (b.id = r.bronze_id))) AS "exists"
           FROM scout.silver_rejected_products r) j
     CROSS JOIN ( SELECT ( SELECT scout_internal.dq_recent_since() AS dq_recent_since) AS since) n)
  WHERE (j.ingested_at >= (now() - make_interval(days => (( SELECT scout_internal.setting('bronze_retention_days'::text) AS setting))::integer)))
  GROUP BY j.table_name;


--
-- Name: VIEW silver_rejections_reach_bronze; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.silver_rejections_reach_bronze IS 'Referential integrity of the rejected rows → Bronze: every rejected transaction or product of the Bronze retention period points at its Bronze row, so its payload can be fixed and sent again.';


--
-- Name: COLUMN silver_rejections_reach_bronze.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN silver_rejections_reach_bronze.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN silver_rejections_reach_bronze.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.table_name IS 'The checked table.';


--
-- Name: COLUMN silver_rejections_reach_bronze.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.layer IS 'Its layer.';


--
-- Name: COLUMN silver_rejections_reach_bronze.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN silver_rejections_reach_bronze.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN silver_rejections_reach_bronze.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.passed IS 'Rows that passed.';


--
-- Name: COLUMN silver_rejections_reach_bronze.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.failed IS 'Rows that failed.';


--
-- Name: COLUMN silver_rejections_reach_bronze.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.detail IS 'What is checked.';


--
-- Name: COLUMN silver_rejections_reach_bronze.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN silver_rejections_reach_bronze.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN silver_rejections_reach_bronze.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_rejections_reach_bronze.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: silver_store_ids_are_known; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.silver_store_ids_are_known WITH (security_invoker='true') AS
 SELECT 'silver_store_ids_are_known'::text AS check_name,
    'scout'::text AS schema_name,
    'silver_validated_transactions'::text AS table_name,
    'silver'::text AS layer,
    'integrity'::text AS dimension,
    'warning'::text AS level,
    count(*) FILTER (WHERE k.known) AS passed,
    count(*) FILTER (WHERE (NOT k.known)) AS failed,
    'Silver sales with a store_id whose store is in scout.ref_stores'::text AS detail,
    array_agg(k.transaction_id) FILTER (WHERE (NOT k.known)) AS failing_keys,
    count(*) FILTER (WHERE (k.known AND k.recent)) AS recent_passed,
    count(*) FILTER (WHERE ((NOT k.known) AND k.recent)) AS recent_failed
   FROM ( SELECT s.transaction_id,
            (r.store_id IS NOT NULL) AS known,
            (s.ingested_at >= n.since) AS recent
           FROM ((scout.silver_validated_transactions s
             LEFT JOIN scout.ref_stores r ON ((r.store_id = s.store_id)))
             CROSS JOIN ( SELECT ( SELECT scout_internal.dq_recent_since() AS dq_recent_since) AS since) n)
          WHERE (s.store_id IS NOT NULL)
         OFFSET 0) k;


--
-- Name: VIEW silver_store_ids_are_known; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.silver_store_ids_are_known IS 'Store ids Silver does not know: Silver sales whose store_id is not in scout.ref_stores are kept but reported (a warning), since only readers of every store see them.';


--
-- Name: COLUMN silver_store_ids_are_known.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN silver_store_ids_are_known.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN silver_store_ids_are_known.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.table_name IS 'The checked table.';


--
-- Name: COLUMN silver_store_ids_are_known.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.layer IS 'Its layer.';


--
-- Name: COLUMN silver_store_ids_are_known.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN silver_store_ids_are_known.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN silver_store_ids_are_known.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.passed IS 'Rows that passed.';


--
-- Name: COLUMN silver_store_ids_are_known.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.failed IS 'Rows that failed.';


--
-- Name: COLUMN silver_store_ids_are_known.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.detail IS 'What is checked.';


--
-- Name: COLUMN silver_store_ids_are_known.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN silver_store_ids_are_known.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN silver_store_ids_are_known.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_store_ids_are_known.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: silver_transaction_rules_hold; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.silver_transaction_rules_hold WITH (security_invoker='true') AS
 SELECT 'silver_transaction_rules_hold'::text AS check_name,
    'scout'::text AS schema_name,
    'silver_validated_transactions'::text AS table_name,
    'silver'::text AS layer,
    'validity'::text AS dimension,
    'error'::text AS level,
    count(*) FILTER (WHERE v.ok) AS passed,
    count(*) FILTER (WHERE (NOT v.ok)) AS failed,
    'amount and quantity positive, tax not negative, a 3-letter currency, an active category'::text AS detail,
    array_agg(v.transaction_id) FILTER (WHERE (NOT v.ok)) AS failing_keys,
    count(*) FILTER (WHERE (v.ok AND v.recent)) AS recent_passed,
    count(*) FILTER (WHERE ((NOT v.ok) AND v.recent)) AS recent_failed
   FROM ( SELECT s.transaction_id,
            (s.ingested_at >= n.since) AS recent,
            ((s.amount > (0)::numeric) AND (s.quantity > 0) AND COALESCE((s.tax_amount >= (0)::numeric), true) AND (s.currency ~ '^[A-Z]{3}$'::text) AND (c.name IS NOT NULL)) AS ok
           FROM ((scout.silver_validated_transactions s
             LEFT JOIN scout.ref_categories c ON (((c.name = s.category) AND c.is_active)))
             CROSS JOIN ( SELECT ( SELECT scout_internal.dq_recent_since() AS dq_recent_since) AS since) n)
         OFFSET 0) v;


--
-- Name: VIEW silver_transaction_rules_hold; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.silver_transaction_rules_hold IS 'Validity of Silver: its rows still meet the rules, reference data included (a category retired after its rows were validated fails here until a backfill).';


--
-- Name: COLUMN silver_transaction_rules_hold.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN silver_transaction_rules_hold.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN silver_transaction_rules_hold.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.table_name IS 'The checked table.';


--
-- Name: COLUMN silver_transaction_rules_hold.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.layer IS 'Its layer.';


--
-- Name: COLUMN silver_transaction_rules_hold.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN silver_transaction_rules_hold.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN silver_transaction_rules_hold.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.passed IS 'Rows that passed.';


--
-- Name: COLUMN silver_transaction_rules_hold.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.failed IS 'Rows that failed.';


--
-- Name: COLUMN silver_transaction_rules_hold.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.detail IS 'What is checked.';


--
-- Name: COLUMN silver_transaction_rules_hold.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN silver_transaction_rules_hold.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN silver_transaction_rules_hold.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_transaction_rules_hold.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: silver_validation_rules_hold; Type: VIEW; Schema: scout_checks; Owner: -
--

CREATE VIEW scout_checks.silver_validation_rules_hold WITH (security_invoker='true') AS
 SELECT ('silver_rule_'::text || r.rule_name) AS check_name,
    'scout'::text AS schema_name,
    'silver_validated_transactions'::text AS table_name,
    'silver'::text AS layer,
    'validity'::text AS dimension,
        CASE r.action
            WHEN 'flag'::text THEN 'warning'::text
            ELSE 'error'::text
        END AS level,
    (COALESCE(v.rows, (0)::bigint) - COALESCE(v.broken, (0)::bigint)) AS passed,
    COALESCE(v.broken, (0)::bigint) AS failed,
    (r.description ||
        CASE r.action
            WHEN 'flag'::text THEN ((' (flagged: the rows stay in Silver, reason '::text || r.reason_code) || ')'::text)
            ELSE ((' (rejects as '::text || r.reason_code) || '; rows here predate the rule: scout.backfill applies it)'::text)
        END) AS detail,
    v.failing_keys,
    (COALESCE(v.recent_rows, (0)::bigint) - COALESCE(v.recent_broken, (0)::bigint)) AS recent_passed,
    COALESCE(v.recent_broken, (0)::bigint) AS recent_failed
   FROM (scout.ref_validation_rules r
     LEFT JOIN LATERAL ( SELECT count(*) AS rows,
            count(*) FILTER (WHERE b.broken) AS broken,
            count(*) FILTER (WHERE b.recent) AS recent_rows,
            count(*) FILTER (WHERE (b.recent AND b.broken)) AS recent_broken,
            array_agg(b.transaction_id) FILTER (WHERE b.broken) AS failing_keys
           FROM ( SELECT s.transaction_id,
                    (s.ingested_at >= ( SELECT scout_internal.dq_recent_since() AS dq_recent_since)) AS recent,
                    scout_internal.breaks_rule(r.*, s.amount, s.quantity, s.tax_amount, s.currency, s.subcategory, s.store_id, s.vendor_id, s.vendor_name, s.customer_id, s.sku, s.payment_method, s.description) AS broken
                   FROM scout.silver_validated_transactions s
                  WHERE ((r.category IS NULL) OR (s.category = r.category))
                 OFFSET 0) b) v ON (true))
  WHERE r.is_active;


--
-- Name: VIEW silver_validation_rules_hold; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON VIEW scout_checks.silver_validation_rules_hold IS 'The validation rules kept as data (scout.ref_validation_rules), one result per active rule over Silver, named silver_rule_<rule_name>: a flag rule''s rows stay in Silver and are reported as a warning; a reject rule''s rows still in Silver were accepted before the rule existed, an error until scout.backfill judges them again.';


--
-- Name: COLUMN silver_validation_rules_hold.check_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.check_name IS 'The check (the view''s name).';


--
-- Name: COLUMN silver_validation_rules_hold.schema_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.schema_name IS 'Schema of the checked table.';


--
-- Name: COLUMN silver_validation_rules_hold.table_name; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.table_name IS 'The checked table.';


--
-- Name: COLUMN silver_validation_rules_hold.layer; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.layer IS 'Its layer.';


--
-- Name: COLUMN silver_validation_rules_hold.dimension; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.dimension IS 'completeness, uniqueness, validity, integrity, volume or timeliness.';


--
-- Name: COLUMN silver_validation_rules_hold.level; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.level IS 'error (counts in the table''s score) or warning.';


--
-- Name: COLUMN silver_validation_rules_hold.passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.passed IS 'Rows that passed.';


--
-- Name: COLUMN silver_validation_rules_hold.failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.failed IS 'Rows that failed.';


--
-- Name: COLUMN silver_validation_rules_hold.detail; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.detail IS 'What is checked.';


--
-- Name: COLUMN silver_validation_rules_hold.failing_keys; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.failing_keys IS 'The business keys of the failing rows (the Bronze id where there is none).';


--
-- Name: COLUMN silver_validation_rules_hold.recent_passed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.recent_passed IS 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).';


--
-- Name: COLUMN silver_validation_rules_hold.recent_failed; Type: COMMENT; Schema: scout_checks; Owner: -
--

COMMENT ON COLUMN scout_checks.silver_validation_rules_hold.recent_failed IS 'Of the failing rows, those that arrived since the previous check run: what the scores describe.';


--
-- Name: gold_build_state; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.gold_build_state (
    only_row boolean DEFAULT true NOT NULL,
    built_for date NOT NULL,
    CONSTRAINT gold_build_state_only_row_check CHECK (only_row)
);

ALTER TABLE ONLY scout_internal.gold_build_state FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_build_state; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.gold_build_state IS 'One row: the business day refresh_gold last built the marts for, so the first run of a new day rewrites every category (periods end, the running month and week move).';


--
-- Name: COLUMN gold_build_state.only_row; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_build_state.only_row IS 'Always true: the table holds one row.';


--
-- Name: COLUMN gold_build_state.built_for; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_build_state.built_for IS 'The business date (scout_internal.business_today) of the last build.';


--
-- Name: gold_days_to_reaggregate; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.gold_days_to_reaggregate (
    category text NOT NULL,
    day date NOT NULL,
    queued_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY scout_internal.gold_days_to_reaggregate FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_days_to_reaggregate; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.gold_days_to_reaggregate IS 'Work queue of refresh_gold for large Silver changes (a first load, a large merge, a backfill): the (category, day) pairs they touched, both the old and the new day and category of a corrected row, which Gold re-aggregates from Silver. Small merges queue their differences in scout_internal.gold_differences_to_add instead.';


--
-- Name: COLUMN gold_days_to_reaggregate.category; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_days_to_reaggregate.category IS 'Category of a changed Silver row.';


--
-- Name: COLUMN gold_days_to_reaggregate.day; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_days_to_reaggregate.day IS 'transaction_date of a changed Silver row.';


--
-- Name: COLUMN gold_days_to_reaggregate.queued_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_days_to_reaggregate.queued_at IS 'When refresh_silver queued it.';


--
-- Name: COLUMN gold_days_to_reaggregate.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_days_to_reaggregate.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the queue''s deletes.';


--
-- Name: gold_days_to_reaggregate_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_days_to_reaggregate ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.gold_days_to_reaggregate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_differences_to_add; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.gold_differences_to_add (
    category text NOT NULL,
    day date NOT NULL,
    customer_id text,
    transactions bigint NOT NULL,
    amount numeric NOT NULL,
    quantity bigint NOT NULL,
    queued_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY scout_internal.gold_differences_to_add FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_differences_to_add; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.gold_differences_to_add IS 'Work queue of refresh_gold for small Silver changes: the net difference one merge made per (category, day, customer_id) — the new version of a row counted +1, the version it replaced -1 — so Gold adds them to its totals instead of re-aggregating the months. Large merges queue days in scout_internal.gold_days_to_reaggregate instead.';


--
-- Name: COLUMN gold_differences_to_add.category; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_differences_to_add.category IS 'Category of the changed Silver rows.';


--
-- Name: COLUMN gold_differences_to_add.day; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_differences_to_add.day IS 'Their transaction_date.';


--
-- Name: COLUMN gold_differences_to_add.customer_id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_differences_to_add.customer_id IS 'Their customer_id (NULL for rows without one): where a customer''s count of rows in a month moves, Gold looks up whether they still have any there, for unique_customers.';


--
-- Name: COLUMN gold_differences_to_add.transactions; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_differences_to_add.transactions IS 'Net change in the number of Silver rows.';


--
-- Name: COLUMN gold_differences_to_add.amount; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_differences_to_add.amount IS 'Net change in the sum of amount.';


--
-- Name: COLUMN gold_differences_to_add.quantity; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_differences_to_add.quantity IS 'Net change in the sum of quantity.';


--
-- Name: COLUMN gold_differences_to_add.queued_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_differences_to_add.queued_at IS 'When the Silver merge queued it.';


--
-- Name: COLUMN gold_differences_to_add.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_differences_to_add.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the queue''s deletes.';


--
-- Name: gold_differences_to_add_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_differences_to_add ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.gold_differences_to_add_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_monthly_category_totals; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.gold_monthly_category_totals (
    month date NOT NULL,
    category text NOT NULL,
    total_amount numeric NOT NULL,
    transaction_count bigint NOT NULL,
    total_quantity bigint NOT NULL,
    unique_customers bigint NOT NULL,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT gold_monthly_category_totals_month_check CHECK ((EXTRACT(day FROM month) = (1)::numeric))
);

ALTER TABLE ONLY scout_internal.gold_monthly_category_totals FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_monthly_category_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.gold_monthly_category_totals IS 'Additive base of gold_monthly_summary: Silver aggregated per (category, calendar month), kept incrementally by refresh_gold. Months without sales have no row.';


--
-- Name: COLUMN gold_monthly_category_totals.month; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_category_totals.month IS 'First day of the month.';


--
-- Name: COLUMN gold_monthly_category_totals.category; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_category_totals.category IS 'Silver category.';


--
-- Name: COLUMN gold_monthly_category_totals.total_amount; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_category_totals.total_amount IS 'Sum of amount.';


--
-- Name: COLUMN gold_monthly_category_totals.transaction_count; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_category_totals.transaction_count IS 'Number of Silver rows.';


--
-- Name: COLUMN gold_monthly_category_totals.total_quantity; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_category_totals.total_quantity IS 'Sum of quantity.';


--
-- Name: COLUMN gold_monthly_category_totals.unique_customers; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_category_totals.unique_customers IS 'Distinct non-null customer_id.';


--
-- Name: COLUMN gold_monthly_category_totals.refreshed_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_category_totals.refreshed_at IS 'When this row was last recomputed.';


--
-- Name: gold_monthly_changed_totals; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.gold_monthly_changed_totals (
    id bigint NOT NULL,
    changed_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    month date NOT NULL,
    category text NOT NULL
);

ALTER TABLE ONLY scout_internal.gold_monthly_changed_totals FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_monthly_changed_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.gold_monthly_changed_totals IS 'The (month, category) rows of scout.gold_monthly_summary whose total_amount or transaction_count a Gold run changed (it rewrites every month of a changed category; most come out the same): the monthly check judges these. Pruned by each check run.';


--
-- Name: COLUMN gold_monthly_changed_totals.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_changed_totals.id IS 'Row key.';


--
-- Name: COLUMN gold_monthly_changed_totals.changed_xid; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_changed_totals.changed_xid IS 'The writing transaction.';


--
-- Name: COLUMN gold_monthly_changed_totals.month; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_changed_totals.month IS 'First day of the month.';


--
-- Name: COLUMN gold_monthly_changed_totals.category; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_monthly_changed_totals.category IS 'The category.';


--
-- Name: gold_monthly_changed_totals_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_monthly_changed_totals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.gold_monthly_changed_totals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_store_days_to_rebuild; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.gold_store_days_to_rebuild (
    store_id text,
    category text NOT NULL,
    day date NOT NULL,
    all_stores boolean DEFAULT false NOT NULL,
    queued_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY scout_internal.gold_store_days_to_rebuild FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_store_days_to_rebuild; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.gold_store_days_to_rebuild IS 'Work queue of refresh_gold for scout.gold_store_daily_sales: each (store, category, day) whose Silver rows changed, old and new version (a correction that only moved a sale to another store included), recomputed from Silver whole; a large change (a first load, a backfill) queues whole (category, day) pairs instead (all_stores).';


--
-- Name: COLUMN gold_store_days_to_rebuild.store_id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_days_to_rebuild.store_id IS 'Store of the changed Silver rows (NULL: sales without a store).';


--
-- Name: COLUMN gold_store_days_to_rebuild.category; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_days_to_rebuild.category IS 'Category of the changed Silver rows.';


--
-- Name: COLUMN gold_store_days_to_rebuild.day; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_days_to_rebuild.day IS 'Their transaction_date.';


--
-- Name: COLUMN gold_store_days_to_rebuild.all_stores; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_days_to_rebuild.all_stores IS 'The whole (category, day), every store: what a large change queues, one row per day instead of one per store.';


--
-- Name: COLUMN gold_store_days_to_rebuild.queued_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_days_to_rebuild.queued_at IS 'When Silver queued it: the mart''s lag is its oldest.';


--
-- Name: COLUMN gold_store_days_to_rebuild.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_days_to_rebuild.id IS 'Arrival order.';


--
-- Name: gold_store_days_to_rebuild_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_store_days_to_rebuild ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.gold_store_days_to_rebuild_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_store_rebuilt_cells; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.gold_store_rebuilt_cells (
    id bigint NOT NULL,
    rebuilt_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    store_id text,
    category text NOT NULL,
    day date NOT NULL,
    all_stores boolean NOT NULL
);

ALTER TABLE ONLY scout_internal.gold_store_rebuilt_cells FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_store_rebuilt_cells; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.gold_store_rebuilt_cells IS 'The cells of scout.gold_store_daily_sales that Gold''s store step recomputed (a first build of the mart is not logged): the store mart''s check judges these cells. Pruned by each check run.';


--
-- Name: COLUMN gold_store_rebuilt_cells.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_rebuilt_cells.id IS 'Row key.';


--
-- Name: COLUMN gold_store_rebuilt_cells.rebuilt_xid; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_rebuilt_cells.rebuilt_xid IS 'The recomputing transaction.';


--
-- Name: COLUMN gold_store_rebuilt_cells.store_id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_rebuilt_cells.store_id IS 'Store of the cell (NULL: sales without a store, or every store where all_stores).';


--
-- Name: COLUMN gold_store_rebuilt_cells.category; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_rebuilt_cells.category IS 'Category of the cell.';


--
-- Name: COLUMN gold_store_rebuilt_cells.day; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_rebuilt_cells.day IS 'Day of the cell.';


--
-- Name: COLUMN gold_store_rebuilt_cells.all_stores; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_store_rebuilt_cells.all_stores IS 'The whole (category, day) was recomputed, every store.';


--
-- Name: gold_store_rebuilt_cells_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_store_rebuilt_cells ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.gold_store_rebuilt_cells_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_weekly_category_totals; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.gold_weekly_category_totals (
    week_start date NOT NULL,
    category text NOT NULL,
    total_amount numeric NOT NULL,
    transaction_count bigint NOT NULL,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT gold_weekly_category_totals_week_start_check CHECK ((EXTRACT(isodow FROM week_start) = (1)::numeric))
);

ALTER TABLE ONLY scout_internal.gold_weekly_category_totals FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_weekly_category_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.gold_weekly_category_totals IS 'Additive base of gold_category_trends: Silver aggregated per (category, ISO week), kept incrementally by refresh_gold. Weeks without sales have no row here (the mart fills them with 0).';


--
-- Name: COLUMN gold_weekly_category_totals.week_start; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_weekly_category_totals.week_start IS 'Monday of the ISO week (date_trunc(''week'', transaction_date)).';


--
-- Name: COLUMN gold_weekly_category_totals.category; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_weekly_category_totals.category IS 'Silver category.';


--
-- Name: COLUMN gold_weekly_category_totals.total_amount; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_weekly_category_totals.total_amount IS 'Sum of amount.';


--
-- Name: COLUMN gold_weekly_category_totals.transaction_count; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_weekly_category_totals.transaction_count IS 'Number of Silver rows.';


--
-- Name: COLUMN gold_weekly_category_totals.refreshed_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.gold_weekly_category_totals.refreshed_at IS 'When this row was last recomputed.';


--
-- Name: ingest_manifest; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.ingest_manifest (
    kind text NOT NULL,
    sha256 text NOT NULL,
    batch_id text NOT NULL,
    source text NOT NULL,
    source_filename text NOT NULL,
    size_bytes bigint NOT NULL,
    lines_read bigint,
    rows_loaded bigint,
    lines_rejected bigint,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ingest_manifest_kind_check CHECK ((kind = ANY (ARRAY['transactions'::text, 'products'::text]))),
    CONSTRAINT ingest_manifest_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text))
);

ALTER TABLE ONLY scout_internal.ingest_manifest FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE ingest_manifest; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.ingest_manifest IS 'Manifest of files loaded by scout-db ingest: a file (by content hash) is loaded once per kind; loading it again is a no-op unless forced.';


--
-- Name: COLUMN ingest_manifest.kind; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.kind IS 'transactions or products: the Bronze table the file went to.';


--
-- Name: COLUMN ingest_manifest.sha256; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.sha256 IS 'SHA-256 of the file''s bytes (hex).';


--
-- Name: COLUMN ingest_manifest.batch_id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.batch_id IS 'ingestion_batch_id given to the file''s rows in Bronze.';


--
-- Name: COLUMN ingest_manifest.source; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.source IS 'Source recorded on the file''s Bronze rows.';


--
-- Name: COLUMN ingest_manifest.source_filename; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.source_filename IS 'File name as given to scout-db ingest.';


--
-- Name: COLUMN ingest_manifest.size_bytes; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.size_bytes IS 'File size in bytes.';


--
-- Name: COLUMN ingest_manifest.lines_read; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.lines_read IS 'Records read from the file (non-blank lines, CSV rows or array elements).';


--
-- Name: COLUMN ingest_manifest.rows_loaded; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.rows_loaded IS 'Records stored in Bronze.';


--
-- Name: COLUMN ingest_manifest.lines_rejected; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.lines_rejected IS 'Records that could not be parsed, stored in scout.bronze_ingest_errors.';


--
-- Name: COLUMN ingest_manifest.loaded_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.ingest_manifest.loaded_at IS 'When the file was (last) loaded.';


--
-- Name: logged_writes; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.logged_writes (
    id bigint NOT NULL,
    written_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    table_name regclass NOT NULL,
    version_before bigint NOT NULL,
    version_after bigint NOT NULL,
    written_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY scout_internal.logged_writes FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE logged_writes; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.logged_writes IS 'The writes whose changes are logged row by row for the data-quality checks (Silver''s apply, Gold''s store and monthly steps, Platinum''s merge and saved embeddings), with the written table''s version (ip_workbench.layer_versions) before and after: while a table''s version has grown by exactly what these account for since a check''s previous judgement, its change logs hold every change (scout_internal.dq_writes_logged). Pruned by each check run (scout_internal.dq_prune_change_logs).';


--
-- Name: COLUMN logged_writes.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.logged_writes.id IS 'Row key, in writing order.';


--
-- Name: COLUMN logged_writes.written_xid; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.logged_writes.written_xid IS 'The writing transaction: a check compares it with the snapshot of its previous judgement.';


--
-- Name: COLUMN logged_writes.table_name; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.logged_writes.table_name IS 'The table written.';


--
-- Name: COLUMN logged_writes.version_before; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.logged_writes.version_before IS 'Its version (ip_workbench.layer_versions) before the write.';


--
-- Name: COLUMN logged_writes.version_after; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.logged_writes.version_after IS 'Its version after the write.';


--
-- Name: COLUMN logged_writes.written_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.logged_writes.written_at IS 'When the write ran.';


--
-- Name: logged_writes_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.logged_writes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.logged_writes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mart_builds; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.mart_builds (
    mart_name text NOT NULL,
    built_at timestamp with time zone NOT NULL,
    built_from jsonb
);

ALTER TABLE ONLY scout_internal.mart_builds FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE mart_builds; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.mart_builds IS 'When scout_internal.refresh_marts last built each mart, and from what; the pipeline writes it, apart from the definitions it may not change.';


--
-- Name: COLUMN mart_builds.mart_name; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.mart_builds.mart_name IS 'The mart (ip_workbench.marts).';


--
-- Name: COLUMN mart_builds.built_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.mart_builds.built_at IS 'When it was last built or refreshed.';


--
-- Name: COLUMN mart_builds.built_from; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.mart_builds.built_from IS 'What its query read then: the versions of the counted tables (ip_workbench.layer_versions), the definition and the business day; a full mart is rewritten when they differ. NULL: it reads an uncounted table, so it is rewritten on every run.';


--
-- Name: mart_days_to_rebuild; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.mart_days_to_rebuild (
    mart_name text NOT NULL,
    day date NOT NULL,
    queued_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY scout_internal.mart_days_to_rebuild FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE mart_days_to_rebuild; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.mart_days_to_rebuild IS 'Work queue of scout_internal.refresh_marts: the days Silver changed (the old version''s day and the new one''s), one row per mart and day, forwarded by refresh_gold''s store step. An incremental mart recomputes those days; a full one only measures its timeliness by them.';


--
-- Name: COLUMN mart_days_to_rebuild.mart_name; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.mart_days_to_rebuild.mart_name IS 'The mart it is queued for.';


--
-- Name: COLUMN mart_days_to_rebuild.day; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.mart_days_to_rebuild.day IS 'A day whose Silver rows changed.';


--
-- Name: COLUMN mart_days_to_rebuild.queued_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.mart_days_to_rebuild.queued_at IS 'When it was queued: the mart''s timeliness is measured from its oldest.';


--
-- Name: COLUMN mart_days_to_rebuild.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.mart_days_to_rebuild.id IS 'Row key.';


--
-- Name: mart_days_to_rebuild_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.mart_days_to_rebuild ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.mart_days_to_rebuild_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: platinum_changed_keys; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.platinum_changed_keys (
    id bigint NOT NULL,
    changed_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    transaction_id text NOT NULL
);

ALTER TABLE ONLY scout_internal.platinum_changed_keys FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE platinum_changed_keys; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.platinum_changed_keys IS 'The sentences of scout.platinum_transaction_embeddings that Platinum''s merge added or removed (a changed sentence keeps its key; a first build is not logged): Platinum''s coverage check judges these keys. Pruned by each check run.';


--
-- Name: COLUMN platinum_changed_keys.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.platinum_changed_keys.id IS 'Row key.';


--
-- Name: COLUMN platinum_changed_keys.changed_xid; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.platinum_changed_keys.changed_xid IS 'The writing transaction.';


--
-- Name: COLUMN platinum_changed_keys.transaction_id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.platinum_changed_keys.transaction_id IS 'The sentence''s key.';


--
-- Name: platinum_changed_keys_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.platinum_changed_keys ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.platinum_changed_keys_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: scout_backfill_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_backfill_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_backfill_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_backfill_last_xact IS 'The transaction id of the latest run of job scout.backfill that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: scout_internal_purge_run_log_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_internal_purge_run_log_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_internal_purge_run_log_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_internal_purge_run_log_last_xact IS 'The transaction id of the latest run of job scout_internal.purge_run_log that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: scout_purge_expired_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_purge_expired_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_purge_expired_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_purge_expired_last_xact IS 'The transaction id of the latest run of job scout.purge_expired that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: scout_refresh_gold_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_refresh_gold_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_refresh_gold_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_refresh_gold_last_xact IS 'The transaction id of the latest run of job scout.refresh_gold that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: scout_refresh_platinum_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_refresh_platinum_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_refresh_platinum_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_refresh_platinum_last_xact IS 'The transaction id of the latest run of job scout.refresh_platinum that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: scout_refresh_silver_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_refresh_silver_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_refresh_silver_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_refresh_silver_last_xact IS 'The transaction id of the latest run of job scout.refresh_silver that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: scout_run_dq_checks_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_run_dq_checks_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_run_dq_checks_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_run_dq_checks_last_xact IS 'The transaction id of the latest run of job scout.run_dq_checks that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: scout_run_micro_batch_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_run_micro_batch_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_run_micro_batch_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_run_micro_batch_last_xact IS 'The transaction id of the latest run of job scout.run_micro_batch that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: scout_run_transformations_last_xact; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

CREATE SEQUENCE scout_internal.scout_run_transformations_last_xact
    START WITH 0
    INCREMENT BY 1
    MINVALUE -9223372036854775808
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE scout_run_transformations_last_xact; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON SEQUENCE scout_internal.scout_run_transformations_last_xact IS 'The transaction id of the latest run of job scout.run_transformations that got its lock (negative: the id of a run row committed ahead by scout-db). Sequences are not rolled back, so the next run finds a run that never committed.';


--
-- Name: silver_changed_keys; Type: TABLE; Schema: scout_internal; Owner: -
--

CREATE TABLE scout_internal.silver_changed_keys (
    id bigint NOT NULL,
    changed_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    transaction_id text NOT NULL,
    change text NOT NULL,
    old_store_id text,
    old_category text,
    old_transaction_date date,
    old_ingested_at timestamp with time zone,
    CONSTRAINT silver_changed_keys_change_check CHECK ((change = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text])))
);

ALTER TABLE ONLY scout_internal.silver_changed_keys FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE silver_changed_keys; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON TABLE scout_internal.silver_changed_keys IS 'Silver''s changes key by key, as scout_internal.silver_apply_transaction_changes wrote them (up to 10,000 keys or under a tenth of Silver at a time), with what the key held before: the Silver checks judge these keys instead of all of Silver. Pruned by each check run.';


--
-- Name: COLUMN silver_changed_keys.id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.silver_changed_keys.id IS 'Row key, in writing order: a key''s first change since a judgement says what it held then.';


--
-- Name: COLUMN silver_changed_keys.changed_xid; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.silver_changed_keys.changed_xid IS 'The writing transaction.';


--
-- Name: COLUMN silver_changed_keys.transaction_id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.silver_changed_keys.transaction_id IS 'The Silver key changed.';


--
-- Name: COLUMN silver_changed_keys.change; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.silver_changed_keys.change IS 'insert, update or delete.';


--
-- Name: COLUMN silver_changed_keys.old_store_id; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.silver_changed_keys.old_store_id IS 'store_id of the version replaced (NULL for an insert).';


--
-- Name: COLUMN silver_changed_keys.old_category; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.silver_changed_keys.old_category IS 'category of the version replaced (NULL for an insert).';


--
-- Name: COLUMN silver_changed_keys.old_transaction_date; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.silver_changed_keys.old_transaction_date IS 'transaction_date of the version replaced (NULL for an insert).';


--
-- Name: COLUMN silver_changed_keys.old_ingested_at; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON COLUMN scout_internal.silver_changed_keys.old_ingested_at IS 'ingested_at of the version replaced (NULL for an insert).';


--
-- Name: silver_changed_keys_id_seq; Type: SEQUENCE; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.silver_changed_keys ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scout_internal.silver_changed_keys_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: bronze_products; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.bronze_products (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.bronze_products FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE bronze_products; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.bronze_products IS 'Rows of scout.bronze_products that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN bronze_products.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_products.check_name IS 'The check it failed.';


--
-- Name: COLUMN bronze_products.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_products.business_key IS 'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).';


--
-- Name: COLUMN bronze_products.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_products.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN bronze_products.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_products.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN bronze_products.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_products.found_at IS 'When.';


--
-- Name: COLUMN bronze_products.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_products.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: bronze_products_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.bronze_products ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.bronze_products_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: bronze_transactions; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.bronze_transactions (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.bronze_transactions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE bronze_transactions; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.bronze_transactions IS 'Rows of scout.bronze_transactions that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN bronze_transactions.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_transactions.check_name IS 'The check it failed.';


--
-- Name: COLUMN bronze_transactions.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_transactions.business_key IS 'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).';


--
-- Name: COLUMN bronze_transactions.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_transactions.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN bronze_transactions.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_transactions.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN bronze_transactions.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_transactions.found_at IS 'When.';


--
-- Name: COLUMN bronze_transactions.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.bronze_transactions.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: bronze_transactions_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.bronze_transactions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.bronze_transactions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_category_trends; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.gold_category_trends (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.gold_category_trends FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_category_trends; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.gold_category_trends IS 'Rows of scout.gold_category_trends that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN gold_category_trends.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_category_trends.check_name IS 'The check it failed.';


--
-- Name: COLUMN gold_category_trends.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_category_trends.business_key IS 'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).';


--
-- Name: COLUMN gold_category_trends.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_category_trends.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN gold_category_trends.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_category_trends.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN gold_category_trends.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_category_trends.found_at IS 'When.';


--
-- Name: COLUMN gold_category_trends.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_category_trends.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: gold_category_trends_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.gold_category_trends ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.gold_category_trends_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_monthly_summary; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.gold_monthly_summary (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.gold_monthly_summary FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_monthly_summary; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.gold_monthly_summary IS 'Rows of scout.gold_monthly_summary that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN gold_monthly_summary.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_monthly_summary.check_name IS 'The check it failed.';


--
-- Name: COLUMN gold_monthly_summary.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_monthly_summary.business_key IS 'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).';


--
-- Name: COLUMN gold_monthly_summary.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_monthly_summary.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN gold_monthly_summary.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_monthly_summary.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN gold_monthly_summary.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_monthly_summary.found_at IS 'When.';


--
-- Name: COLUMN gold_monthly_summary.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_monthly_summary.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: gold_monthly_summary_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.gold_monthly_summary ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.gold_monthly_summary_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: gold_store_daily_sales; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.gold_store_daily_sales (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.gold_store_daily_sales FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE gold_store_daily_sales; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.gold_store_daily_sales IS 'Rows of scout.gold_store_daily_sales that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN gold_store_daily_sales.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_store_daily_sales.check_name IS 'The check it failed.';


--
-- Name: COLUMN gold_store_daily_sales.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_store_daily_sales.business_key IS 'The failing row''s key: store/day/category, (no store) for sales without one.';


--
-- Name: COLUMN gold_store_daily_sales.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_store_daily_sales.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN gold_store_daily_sales.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_store_daily_sales.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN gold_store_daily_sales.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_store_daily_sales.found_at IS 'When.';


--
-- Name: COLUMN gold_store_daily_sales.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.gold_store_daily_sales.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: gold_store_daily_sales_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.gold_store_daily_sales ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.gold_store_daily_sales_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: platinum_product_recommendations; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.platinum_product_recommendations (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.platinum_product_recommendations FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE platinum_product_recommendations; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.platinum_product_recommendations IS 'Rows of scout.platinum_product_recommendations that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN platinum_product_recommendations.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_product_recommendations.check_name IS 'The check it failed.';


--
-- Name: COLUMN platinum_product_recommendations.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_product_recommendations.business_key IS 'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).';


--
-- Name: COLUMN platinum_product_recommendations.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_product_recommendations.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN platinum_product_recommendations.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_product_recommendations.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN platinum_product_recommendations.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_product_recommendations.found_at IS 'When.';


--
-- Name: COLUMN platinum_product_recommendations.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_product_recommendations.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: platinum_product_recommendations_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.platinum_product_recommendations ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.platinum_product_recommendations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: platinum_transaction_embeddings; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.platinum_transaction_embeddings (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.platinum_transaction_embeddings FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE platinum_transaction_embeddings; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.platinum_transaction_embeddings IS 'Rows of scout.platinum_transaction_embeddings that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN platinum_transaction_embeddings.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_transaction_embeddings.check_name IS 'The check it failed.';


--
-- Name: COLUMN platinum_transaction_embeddings.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_transaction_embeddings.business_key IS 'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).';


--
-- Name: COLUMN platinum_transaction_embeddings.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_transaction_embeddings.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN platinum_transaction_embeddings.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_transaction_embeddings.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN platinum_transaction_embeddings.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_transaction_embeddings.found_at IS 'When.';


--
-- Name: COLUMN platinum_transaction_embeddings.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.platinum_transaction_embeddings.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: platinum_transaction_embeddings_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.platinum_transaction_embeddings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.platinum_transaction_embeddings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: silver_products; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.silver_products (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.silver_products FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE silver_products; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.silver_products IS 'Rows of scout.silver_products that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN silver_products.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_products.check_name IS 'The check it failed.';


--
-- Name: COLUMN silver_products.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_products.business_key IS 'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).';


--
-- Name: COLUMN silver_products.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_products.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN silver_products.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_products.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN silver_products.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_products.found_at IS 'When.';


--
-- Name: COLUMN silver_products.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_products.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: silver_products_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.silver_products ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.silver_products_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: silver_validated_transactions; Type: TABLE; Schema: test_failures; Owner: -
--

CREATE TABLE test_failures.silver_validated_transactions (
    check_name text NOT NULL,
    business_key text NOT NULL,
    detail text,
    run_id bigint NOT NULL,
    found_at timestamp with time zone DEFAULT now() NOT NULL,
    id bigint NOT NULL
);

ALTER TABLE ONLY test_failures.silver_validated_transactions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE silver_validated_transactions; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON TABLE test_failures.silver_validated_transactions IS 'Rows of scout.silver_validated_transactions that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';


--
-- Name: COLUMN silver_validated_transactions.check_name; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_validated_transactions.check_name IS 'The check it failed.';


--
-- Name: COLUMN silver_validated_transactions.business_key; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_validated_transactions.business_key IS 'The failing row''s business key (transaction_id, sku, (month, category) as text, or the Bronze id where no key could be read).';


--
-- Name: COLUMN silver_validated_transactions.detail; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_validated_transactions.detail IS 'What failed, where the check says.';


--
-- Name: COLUMN silver_validated_transactions.run_id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_validated_transactions.run_id IS 'The run of scout.run_dq_checks that found it.';


--
-- Name: COLUMN silver_validated_transactions.found_at; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_validated_transactions.found_at IS 'When.';


--
-- Name: COLUMN silver_validated_transactions.id; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON COLUMN test_failures.silver_validated_transactions.id IS 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';


--
-- Name: silver_validated_transactions_id_seq; Type: SEQUENCE; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.silver_validated_transactions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME test_failures.silver_validated_transactions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dq_alert_deliveries dq_alert_deliveries_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.dq_alert_deliveries
    ADD CONSTRAINT dq_alert_deliveries_pkey PRIMARY KEY (id);


--
-- Name: dq_alerts dq_alerts_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.dq_alerts
    ADD CONSTRAINT dq_alerts_pkey PRIMARY KEY (id);


--
-- Name: dq_results dq_results_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.dq_results
    ADD CONSTRAINT dq_results_pkey PRIMARY KEY (run_id, check_name, schema_name, table_name);


--
-- Name: dq_scores dq_scores_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.dq_scores
    ADD CONSTRAINT dq_scores_pkey PRIMARY KEY (run_id, schema_name, table_name);


--
-- Name: dq_thresholds dq_thresholds_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.dq_thresholds
    ADD CONSTRAINT dq_thresholds_pkey PRIMARY KEY (layer);


--
-- Name: job_run_steps job_run_steps_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.job_run_steps
    ADD CONSTRAINT job_run_steps_pkey PRIMARY KEY (run_id, "position");


--
-- Name: job_runs job_runs_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.job_runs
    ADD CONSTRAINT job_runs_pkey PRIMARY KEY (id);


--
-- Name: jobs jobs_cron_name_key; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.jobs
    ADD CONSTRAINT jobs_cron_name_key UNIQUE (cron_name);


--
-- Name: jobs jobs_lock_key_key; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.jobs
    ADD CONSTRAINT jobs_lock_key_key UNIQUE (lock_key);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (name);


--
-- Name: layer_versions layer_versions_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.layer_versions
    ADD CONSTRAINT layer_versions_pkey PRIMARY KEY (table_name);


--
-- Name: marts marts_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.marts
    ADD CONSTRAINT marts_pkey PRIMARY KEY (mart_name);


--
-- Name: platinum_builds platinum_builds_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.platinum_builds
    ADD CONSTRAINT platinum_builds_pkey PRIMARY KEY (singleton);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (name);


--
-- Name: tables tables_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.tables
    ADD CONSTRAINT tables_pkey PRIMARY KEY (schema_name, table_name);


--
-- Name: watermarks watermarks_pkey; Type: CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.watermarks
    ADD CONSTRAINT watermarks_pkey PRIMARY KEY (stream);


--
-- Name: bronze_ingest_errors bronze_ingest_errors_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.bronze_ingest_errors
    ADD CONSTRAINT bronze_ingest_errors_pkey PRIMARY KEY (id);


--
-- Name: bronze_products bronze_products_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.bronze_products
    ADD CONSTRAINT bronze_products_pkey PRIMARY KEY (id);


--
-- Name: bronze_transactions bronze_transactions_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.bronze_transactions
    ADD CONSTRAINT bronze_transactions_pkey PRIMARY KEY (id);


--
-- Name: gold_category_trends gold_category_trends_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.gold_category_trends
    ADD CONSTRAINT gold_category_trends_pkey PRIMARY KEY (week_start, category);


--
-- Name: gold_monthly_summary gold_monthly_summary_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.gold_monthly_summary
    ADD CONSTRAINT gold_monthly_summary_pkey PRIMARY KEY (month, category);


--
-- Name: gold_sales_anomalies gold_sales_anomalies_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.gold_sales_anomalies
    ADD CONSTRAINT gold_sales_anomalies_pkey PRIMARY KEY (category, week_start);


--
-- Name: gold_store_daily_sales gold_store_daily_sales_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.gold_store_daily_sales
    ADD CONSTRAINT gold_store_daily_sales_pkey PRIMARY KEY (id);


--
-- Name: platinum_product_recommendations platinum_product_recommendations_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.platinum_product_recommendations
    ADD CONSTRAINT platinum_product_recommendations_pkey PRIMARY KEY (sku, recommended_sku);


--
-- Name: platinum_transaction_embeddings platinum_transaction_embeddings_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.platinum_transaction_embeddings
    ADD CONSTRAINT platinum_transaction_embeddings_pkey PRIMARY KEY (transaction_id);


--
-- Name: ref_categories ref_categories_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.ref_categories
    ADD CONSTRAINT ref_categories_pkey PRIMARY KEY (name);


--
-- Name: ref_stores ref_stores_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.ref_stores
    ADD CONSTRAINT ref_stores_pkey PRIMARY KEY (store_id);


--
-- Name: ref_validation_rules ref_validation_rules_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.ref_validation_rules
    ADD CONSTRAINT ref_validation_rules_pkey PRIMARY KEY (rule_name);


--
-- Name: silver_products silver_products_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.silver_products
    ADD CONSTRAINT silver_products_pkey PRIMARY KEY (sku);


--
-- Name: silver_rejected_products silver_rejected_products_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.silver_rejected_products
    ADD CONSTRAINT silver_rejected_products_pkey PRIMARY KEY (bronze_id);


--
-- Name: silver_rejected_transactions silver_rejected_transactions_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.silver_rejected_transactions
    ADD CONSTRAINT silver_rejected_transactions_pkey PRIMARY KEY (bronze_id);


--
-- Name: silver_validated_transactions silver_validated_transactions_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.silver_validated_transactions
    ADD CONSTRAINT silver_validated_transactions_pkey PRIMARY KEY (transaction_id);


--
-- Name: store_members store_members_pkey; Type: CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.store_members
    ADD CONSTRAINT store_members_pkey PRIMARY KEY (user_id, store_id);


--
-- Name: gold_build_state gold_build_state_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.gold_build_state
    ADD CONSTRAINT gold_build_state_pkey PRIMARY KEY (only_row);


--
-- Name: gold_days_to_reaggregate gold_days_to_reaggregate_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.gold_days_to_reaggregate
    ADD CONSTRAINT gold_days_to_reaggregate_pkey PRIMARY KEY (id);


--
-- Name: gold_differences_to_add gold_differences_to_add_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.gold_differences_to_add
    ADD CONSTRAINT gold_differences_to_add_pkey PRIMARY KEY (id);


--
-- Name: gold_monthly_category_totals gold_monthly_category_totals_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.gold_monthly_category_totals
    ADD CONSTRAINT gold_monthly_category_totals_pkey PRIMARY KEY (category, month);


--
-- Name: gold_monthly_changed_totals gold_monthly_changed_totals_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.gold_monthly_changed_totals
    ADD CONSTRAINT gold_monthly_changed_totals_pkey PRIMARY KEY (id);


--
-- Name: gold_store_days_to_rebuild gold_store_days_to_rebuild_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.gold_store_days_to_rebuild
    ADD CONSTRAINT gold_store_days_to_rebuild_pkey PRIMARY KEY (id);


--
-- Name: gold_store_rebuilt_cells gold_store_rebuilt_cells_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.gold_store_rebuilt_cells
    ADD CONSTRAINT gold_store_rebuilt_cells_pkey PRIMARY KEY (id);


--
-- Name: gold_weekly_category_totals gold_weekly_category_totals_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.gold_weekly_category_totals
    ADD CONSTRAINT gold_weekly_category_totals_pkey PRIMARY KEY (category, week_start);


--
-- Name: ingest_manifest ingest_manifest_batch_id_key; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.ingest_manifest
    ADD CONSTRAINT ingest_manifest_batch_id_key UNIQUE (batch_id);


--
-- Name: ingest_manifest ingest_manifest_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.ingest_manifest
    ADD CONSTRAINT ingest_manifest_pkey PRIMARY KEY (kind, sha256);


--
-- Name: logged_writes logged_writes_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.logged_writes
    ADD CONSTRAINT logged_writes_pkey PRIMARY KEY (id);


--
-- Name: mart_builds mart_builds_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.mart_builds
    ADD CONSTRAINT mart_builds_pkey PRIMARY KEY (mart_name);


--
-- Name: mart_days_to_rebuild mart_days_to_rebuild_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.mart_days_to_rebuild
    ADD CONSTRAINT mart_days_to_rebuild_pkey PRIMARY KEY (id);


--
-- Name: platinum_changed_keys platinum_changed_keys_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.platinum_changed_keys
    ADD CONSTRAINT platinum_changed_keys_pkey PRIMARY KEY (id);


--
-- Name: silver_changed_keys silver_changed_keys_pkey; Type: CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.silver_changed_keys
    ADD CONSTRAINT silver_changed_keys_pkey PRIMARY KEY (id);


--
-- Name: bronze_products bronze_products_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.bronze_products
    ADD CONSTRAINT bronze_products_pkey PRIMARY KEY (id);


--
-- Name: bronze_transactions bronze_transactions_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.bronze_transactions
    ADD CONSTRAINT bronze_transactions_pkey PRIMARY KEY (id);


--
-- Name: gold_category_trends gold_category_trends_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.gold_category_trends
    ADD CONSTRAINT gold_category_trends_pkey PRIMARY KEY (id);


--
-- Name: gold_monthly_summary gold_monthly_summary_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.gold_monthly_summary
    ADD CONSTRAINT gold_monthly_summary_pkey PRIMARY KEY (id);


--
-- Name: gold_store_daily_sales gold_store_daily_sales_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.gold_store_daily_sales
    ADD CONSTRAINT gold_store_daily_sales_pkey PRIMARY KEY (id);


--
-- Name: platinum_product_recommendations platinum_product_recommendations_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.platinum_product_recommendations
    ADD CONSTRAINT platinum_product_recommendations_pkey PRIMARY KEY (id);


--
-- Name: platinum_transaction_embeddings platinum_transaction_embeddings_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.platinum_transaction_embeddings
    ADD CONSTRAINT platinum_transaction_embeddings_pkey PRIMARY KEY (id);


--
-- Name: silver_products silver_products_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.silver_products
    ADD CONSTRAINT silver_products_pkey PRIMARY KEY (id);


--
-- Name: silver_validated_transactions silver_validated_transactions_pkey; Type: CONSTRAINT; Schema: test_failures; Owner: -
--

ALTER TABLE ONLY test_failures.silver_validated_transactions
    ADD CONSTRAINT silver_validated_transactions_pkey PRIMARY KEY (id);


--
-- Name: dq_alert_deliveries_once_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE UNIQUE INDEX dq_alert_deliveries_once_idx ON ip_workbench.dq_alert_deliveries USING btree (alert_id, channel, target) WHERE succeeded;


--
-- Name: dq_alerts_one_open_per_subject_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE UNIQUE INDEX dq_alerts_one_open_per_subject_idx ON ip_workbench.dq_alerts USING btree (kind, subject) WHERE (closed_at IS NULL);


--
-- Name: dq_alerts_one_per_anomaly_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE UNIQUE INDEX dq_alerts_one_per_anomaly_idx ON ip_workbench.dq_alerts USING btree (subject) WHERE (kind = 'sales_anomaly'::text);


--
-- Name: dq_results_table_checked_at_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE INDEX dq_results_table_checked_at_idx ON ip_workbench.dq_results USING btree (schema_name, table_name, checked_at);


--
-- Name: dq_scores_table_checked_at_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE INDEX dq_scores_table_checked_at_idx ON ip_workbench.dq_scores USING btree (schema_name, table_name, checked_at);


--
-- Name: job_runs_job_name_started_at_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE INDEX job_runs_job_name_started_at_idx ON ip_workbench.job_runs USING btree (job_name, started_at DESC);


--
-- Name: job_runs_job_name_xact_id_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE INDEX job_runs_job_name_xact_id_idx ON ip_workbench.job_runs USING btree (job_name, xact_id);


--
-- Name: job_runs_parent_id_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE INDEX job_runs_parent_id_idx ON ip_workbench.job_runs USING btree (parent_id);


--
-- Name: job_runs_status_idx; Type: INDEX; Schema: ip_workbench; Owner: -
--

CREATE INDEX job_runs_status_idx ON ip_workbench.job_runs USING btree (status) WHERE (status = 'running'::text);


--
-- Name: bronze_ingest_errors_batch_id_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX bronze_ingest_errors_batch_id_idx ON scout.bronze_ingest_errors USING btree (batch_id);


--
-- Name: bronze_products_ingest_xid_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX bronze_products_ingest_xid_idx ON scout.bronze_products USING btree (ingest_xid);


--
-- Name: bronze_products_ingested_at_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX bronze_products_ingested_at_idx ON scout.bronze_products USING btree (ingested_at DESC);


--
-- Name: bronze_transactions_ingest_xid_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX bronze_transactions_ingest_xid_idx ON ONLY scout.bronze_transactions USING btree (ingest_xid);


--
-- Name: bronze_transactions_ingested_at_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX bronze_transactions_ingested_at_idx ON ONLY scout.bronze_transactions USING btree (ingested_at DESC);


--
-- Name: gold_category_trends_category_week_start_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX gold_category_trends_category_week_start_idx ON scout.gold_category_trends USING btree (category, week_start);


--
-- Name: gold_monthly_summary_category_month_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX gold_monthly_summary_category_month_idx ON scout.gold_monthly_summary USING btree (category, month);


--
-- Name: gold_store_daily_sales_key_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE UNIQUE INDEX gold_store_daily_sales_key_idx ON scout.gold_store_daily_sales USING btree (store_id, sales_date, category) NULLS NOT DISTINCT;


--
-- Name: gold_store_daily_sales_reader_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX gold_store_daily_sales_reader_idx ON scout.gold_store_daily_sales USING btree (COALESCE(store_id, ''::text), sales_date);


--
-- Name: gold_store_daily_sales_running_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX gold_store_daily_sales_running_idx ON scout.gold_store_daily_sales USING btree (sales_date) WHERE (NOT is_complete);


--
-- Name: platinum_product_recommendations_sku_rank_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE UNIQUE INDEX platinum_product_recommendations_sku_rank_idx ON scout.platinum_product_recommendations USING btree (sku, rank);


--
-- Name: platinum_transaction_embeddings_reader_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX platinum_transaction_embeddings_reader_idx ON scout.platinum_transaction_embeddings USING btree (COALESCE(store_id, ''::text), transaction_date);


--
-- Name: platinum_transaction_embeddings_store_id_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX platinum_transaction_embeddings_store_id_idx ON scout.platinum_transaction_embeddings USING btree (store_id, transaction_date);


--
-- Name: platinum_transaction_embeddings_transaction_date_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX platinum_transaction_embeddings_transaction_date_idx ON scout.platinum_transaction_embeddings USING btree (transaction_date);


--
-- Name: platinum_transaction_embeddings_unembedded_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX platinum_transaction_embeddings_unembedded_idx ON scout.platinum_transaction_embeddings USING btree (transaction_id) WHERE (embedding IS NULL);


--
-- Name: ref_categories_lower_name_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE UNIQUE INDEX ref_categories_lower_name_idx ON scout.ref_categories USING btree (lower(name));


--
-- Name: ref_validation_rules_category_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX ref_validation_rules_category_idx ON scout.ref_validation_rules USING btree (category);


--
-- Name: silver_products_category_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX silver_products_category_idx ON scout.silver_products USING btree (category);


--
-- Name: silver_rejected_products_sku_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX silver_rejected_products_sku_idx ON scout.silver_rejected_products USING btree (sku);


--
-- Name: silver_rejected_transactions_reasons_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX silver_rejected_transactions_reasons_idx ON scout.silver_rejected_transactions USING gin (reasons);


--
-- Name: silver_rejected_transactions_transaction_id_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX silver_rejected_transactions_transaction_id_idx ON scout.silver_rejected_transactions USING btree (transaction_id);


--
-- Name: silver_validated_transactions_category_transaction_date_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX silver_validated_transactions_category_transaction_date_idx ON scout.silver_validated_transactions USING btree (category, transaction_date) INCLUDE (amount);


--
-- Name: silver_validated_transactions_customer_id_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX silver_validated_transactions_customer_id_idx ON scout.silver_validated_transactions USING btree (customer_id, category, transaction_date) WHERE (customer_id IS NOT NULL);


--
-- Name: silver_validated_transactions_store_cells_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX silver_validated_transactions_store_cells_idx ON scout.silver_validated_transactions USING btree (store_id, transaction_date, category) INCLUDE (amount, customer_id, quantity);


--
-- Name: silver_validated_transactions_transaction_date_idx; Type: INDEX; Schema: scout; Owner: -
--

CREATE INDEX silver_validated_transactions_transaction_date_idx ON scout.silver_validated_transactions USING btree (transaction_date);


--
-- Name: gold_monthly_changed_totals_changed_xid_idx; Type: INDEX; Schema: scout_internal; Owner: -
--

CREATE INDEX gold_monthly_changed_totals_changed_xid_idx ON scout_internal.gold_monthly_changed_totals USING btree (changed_xid);


--
-- Name: gold_store_rebuilt_cells_rebuilt_xid_idx; Type: INDEX; Schema: scout_internal; Owner: -
--

CREATE INDEX gold_store_rebuilt_cells_rebuilt_xid_idx ON scout_internal.gold_store_rebuilt_cells USING btree (rebuilt_xid);


--
-- Name: logged_writes_written_xid_idx; Type: INDEX; Schema: scout_internal; Owner: -
--

CREATE INDEX logged_writes_written_xid_idx ON scout_internal.logged_writes USING btree (written_xid);


--
-- Name: mart_days_to_rebuild_mart_name_idx; Type: INDEX; Schema: scout_internal; Owner: -
--

CREATE INDEX mart_days_to_rebuild_mart_name_idx ON scout_internal.mart_days_to_rebuild USING btree (mart_name);


--
-- Name: platinum_changed_keys_changed_xid_idx; Type: INDEX; Schema: scout_internal; Owner: -
--

CREATE INDEX platinum_changed_keys_changed_xid_idx ON scout_internal.platinum_changed_keys USING btree (changed_xid);


--
-- Name: silver_changed_keys_changed_xid_idx; Type: INDEX; Schema: scout_internal; Owner: -
--

CREATE INDEX silver_changed_keys_changed_xid_idx ON scout_internal.silver_changed_keys USING btree (changed_xid);


--
-- Name: bronze_products_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX bronze_products_check_name_idx ON test_failures.bronze_products USING btree (check_name);


--
-- Name: bronze_transactions_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX bronze_transactions_check_name_idx ON test_failures.bronze_transactions USING btree (check_name);


--
-- Name: gold_category_trends_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX gold_category_trends_check_name_idx ON test_failures.gold_category_trends USING btree (check_name);


--
-- Name: gold_monthly_summary_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX gold_monthly_summary_check_name_idx ON test_failures.gold_monthly_summary USING btree (check_name);


--
-- Name: gold_store_daily_sales_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX gold_store_daily_sales_check_name_idx ON test_failures.gold_store_daily_sales USING btree (check_name);


--
-- Name: platinum_product_recommendations_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX platinum_product_recommendations_check_name_idx ON test_failures.platinum_product_recommendations USING btree (check_name);


--
-- Name: platinum_transaction_embeddings_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX platinum_transaction_embeddings_check_name_idx ON test_failures.platinum_transaction_embeddings USING btree (check_name);


--
-- Name: silver_products_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX silver_products_check_name_idx ON test_failures.silver_products USING btree (check_name);


--
-- Name: silver_validated_transactions_check_name_idx; Type: INDEX; Schema: test_failures; Owner: -
--

CREATE INDEX silver_validated_transactions_check_name_idx ON test_failures.silver_validated_transactions USING btree (check_name);


--
-- Name: platinum_builds platinum_builds_count_deletes; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER platinum_builds_count_deletes AFTER DELETE ON ip_workbench.platinum_builds REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER platinum_builds_count_deletes ON platinum_builds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER platinum_builds_count_deletes ON ip_workbench.platinum_builds IS 'Counts the deletes from ip_workbench.platinum_builds that removed rows (ip_workbench.layer_versions).';


--
-- Name: platinum_builds platinum_builds_count_inserts; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER platinum_builds_count_inserts AFTER INSERT ON ip_workbench.platinum_builds REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER platinum_builds_count_inserts ON platinum_builds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER platinum_builds_count_inserts ON ip_workbench.platinum_builds IS 'Counts the inserts into ip_workbench.platinum_builds that added rows (ip_workbench.layer_versions).';


--
-- Name: platinum_builds platinum_builds_count_truncates; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER platinum_builds_count_truncates AFTER TRUNCATE ON ip_workbench.platinum_builds FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER platinum_builds_count_truncates ON platinum_builds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER platinum_builds_count_truncates ON ip_workbench.platinum_builds IS 'Counts the truncates of ip_workbench.platinum_builds (ip_workbench.layer_versions).';


--
-- Name: platinum_builds platinum_builds_count_updates; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER platinum_builds_count_updates AFTER UPDATE ON ip_workbench.platinum_builds REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER platinum_builds_count_updates ON platinum_builds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER platinum_builds_count_updates ON ip_workbench.platinum_builds IS 'Counts the updates of ip_workbench.platinum_builds that changed rows (ip_workbench.layer_versions).';


--
-- Name: settings settings_are_checked; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER settings_are_checked BEFORE INSERT OR UPDATE ON ip_workbench.settings FOR EACH ROW EXECUTE FUNCTION scout_internal.check_setting();


--
-- Name: TRIGGER settings_are_checked ON settings; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER settings_are_checked ON ip_workbench.settings IS 'Judges every setting when it is written (scout_internal.check_setting), so a bad value is refused at once instead of stopping a later run.';


--
-- Name: settings settings_count_deletes; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER settings_count_deletes AFTER DELETE ON ip_workbench.settings REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER settings_count_deletes ON settings; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER settings_count_deletes ON ip_workbench.settings IS 'Counts the deletes from ip_workbench.settings that removed rows (ip_workbench.layer_versions).';


--
-- Name: settings settings_count_inserts; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER settings_count_inserts AFTER INSERT ON ip_workbench.settings REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER settings_count_inserts ON settings; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER settings_count_inserts ON ip_workbench.settings IS 'Counts the inserts into ip_workbench.settings that added rows (ip_workbench.layer_versions).';


--
-- Name: settings settings_count_truncates; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER settings_count_truncates AFTER TRUNCATE ON ip_workbench.settings FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER settings_count_truncates ON settings; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER settings_count_truncates ON ip_workbench.settings IS 'Counts the truncates of ip_workbench.settings (ip_workbench.layer_versions).';


--
-- Name: settings settings_count_updates; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER settings_count_updates AFTER UPDATE ON ip_workbench.settings REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER settings_count_updates ON settings; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER settings_count_updates ON ip_workbench.settings IS 'Counts the updates of ip_workbench.settings that changed rows (ip_workbench.layer_versions).';


--
-- Name: tables tables_count_deletes; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER tables_count_deletes AFTER DELETE ON ip_workbench.tables REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER tables_count_deletes ON tables; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER tables_count_deletes ON ip_workbench.tables IS 'Counts the tables removed from ip_workbench.tables (ip_workbench.layer_versions).';


--
-- Name: tables tables_count_inserts; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER tables_count_inserts AFTER INSERT ON ip_workbench.tables REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER tables_count_inserts ON tables; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER tables_count_inserts ON ip_workbench.tables IS 'Counts the tables registered in ip_workbench.tables (ip_workbench.layer_versions).';


--
-- Name: tables tables_count_truncates; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER tables_count_truncates AFTER TRUNCATE ON ip_workbench.tables FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER tables_count_truncates ON tables; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER tables_count_truncates ON ip_workbench.tables IS 'Counts the truncates of ip_workbench.tables (ip_workbench.layer_versions).';


--
-- Name: tables tables_count_updates; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER tables_count_updates AFTER UPDATE ON ip_workbench.tables REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_registry_changes();


--
-- Name: TRIGGER tables_count_updates ON tables; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER tables_count_updates ON ip_workbench.tables IS 'Counts the updates of ip_workbench.tables that changed a row count or last_updated (ip_workbench.layer_versions), not the scores written back.';


--
-- Name: watermarks watermarks_count_deletes; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER watermarks_count_deletes AFTER DELETE ON ip_workbench.watermarks REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER watermarks_count_deletes ON watermarks; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER watermarks_count_deletes ON ip_workbench.watermarks IS 'Counts the deletes from ip_workbench.watermarks that removed rows (ip_workbench.layer_versions).';


--
-- Name: watermarks watermarks_count_inserts; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER watermarks_count_inserts AFTER INSERT ON ip_workbench.watermarks REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER watermarks_count_inserts ON watermarks; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER watermarks_count_inserts ON ip_workbench.watermarks IS 'Counts the inserts into ip_workbench.watermarks that added rows (ip_workbench.layer_versions).';


--
-- Name: watermarks watermarks_count_truncates; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER watermarks_count_truncates AFTER TRUNCATE ON ip_workbench.watermarks FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER watermarks_count_truncates ON watermarks; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER watermarks_count_truncates ON ip_workbench.watermarks IS 'Counts the truncates of ip_workbench.watermarks (ip_workbench.layer_versions).';


--
-- Name: watermarks watermarks_count_updates; Type: TRIGGER; Schema: ip_workbench; Owner: -
--

CREATE TRIGGER watermarks_count_updates AFTER UPDATE ON ip_workbench.watermarks REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER watermarks_count_updates ON watermarks; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON TRIGGER watermarks_count_updates ON ip_workbench.watermarks IS 'Counts the updates of ip_workbench.watermarks that changed rows (ip_workbench.layer_versions).';


--
-- Name: bronze_products bronze_products_count_deletes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER bronze_products_count_deletes AFTER DELETE ON scout.bronze_products REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER bronze_products_count_deletes ON bronze_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER bronze_products_count_deletes ON scout.bronze_products IS 'Counts the deletes from scout.bronze_products that removed rows, the retention purge''s (ip_workbench.layer_versions).';


--
-- Name: bronze_products bronze_products_count_truncates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER bronze_products_count_truncates AFTER TRUNCATE ON scout.bronze_products FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER bronze_products_count_truncates ON bronze_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER bronze_products_count_truncates ON scout.bronze_products IS 'Counts the truncates of scout.bronze_products (ip_workbench.layer_versions).';


--
-- Name: bronze_products bronze_products_count_updates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER bronze_products_count_updates AFTER UPDATE ON scout.bronze_products REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER bronze_products_count_updates ON bronze_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER bronze_products_count_updates ON scout.bronze_products IS 'Counts the updates of scout.bronze_products that changed rows (ip_workbench.layer_versions; its inserts are found by ingest_xid).';


--
-- Name: bronze_transactions bronze_transactions_count_deletes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER bronze_transactions_count_deletes AFTER DELETE ON scout.bronze_transactions REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER bronze_transactions_count_deletes ON bronze_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER bronze_transactions_count_deletes ON scout.bronze_transactions IS 'Counts the deletes from scout.bronze_transactions that removed rows, the retention purge''s (ip_workbench.layer_versions).';


--
-- Name: bronze_transactions bronze_transactions_count_truncates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER bronze_transactions_count_truncates AFTER TRUNCATE ON scout.bronze_transactions FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER bronze_transactions_count_truncates ON bronze_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER bronze_transactions_count_truncates ON scout.bronze_transactions IS 'Counts the truncates of scout.bronze_transactions (ip_workbench.layer_versions).';


--
-- Name: bronze_transactions bronze_transactions_count_updates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER bronze_transactions_count_updates AFTER UPDATE ON scout.bronze_transactions REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER bronze_transactions_count_updates ON bronze_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER bronze_transactions_count_updates ON scout.bronze_transactions IS 'Counts the updates of scout.bronze_transactions that changed rows (ip_workbench.layer_versions; its inserts are found by ingest_xid).';


--
-- Name: gold_category_trends gold_category_trends_count_writes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER gold_category_trends_count_writes AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON scout.gold_category_trends FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER gold_category_trends_count_writes ON gold_category_trends; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER gold_category_trends_count_writes ON scout.gold_category_trends IS 'Counts the statements that write scout.gold_category_trends (ip_workbench.layer_versions): its refreshes write only when there is something to write.';


--
-- Name: gold_monthly_summary gold_monthly_summary_count_writes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER gold_monthly_summary_count_writes AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON scout.gold_monthly_summary FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER gold_monthly_summary_count_writes ON gold_monthly_summary; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER gold_monthly_summary_count_writes ON scout.gold_monthly_summary IS 'Counts the statements that write scout.gold_monthly_summary (ip_workbench.layer_versions): its refreshes write only when there is something to write.';


--
-- Name: gold_store_daily_sales gold_store_daily_sales_count_writes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER gold_store_daily_sales_count_writes AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON scout.gold_store_daily_sales FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER gold_store_daily_sales_count_writes ON gold_store_daily_sales; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER gold_store_daily_sales_count_writes ON scout.gold_store_daily_sales IS 'Counts the statements that write scout.gold_store_daily_sales (ip_workbench.layer_versions): its refreshes write only when there is something to write.';


--
-- Name: platinum_product_recommendations platinum_product_recommendations_count_writes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER platinum_product_recommendations_count_writes AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON scout.platinum_product_recommendations FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER platinum_product_recommendations_count_writes ON platinum_product_recommendations; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER platinum_product_recommendations_count_writes ON scout.platinum_product_recommendations IS 'Counts the statements that write scout.platinum_product_recommendations (ip_workbench.layer_versions): its refreshes write only when there is something to write.';


--
-- Name: platinum_transaction_embeddings platinum_transaction_embeddings_count_writes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER platinum_transaction_embeddings_count_writes AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON scout.platinum_transaction_embeddings FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER platinum_transaction_embeddings_count_writes ON platinum_transaction_embeddings; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER platinum_transaction_embeddings_count_writes ON scout.platinum_transaction_embeddings IS 'Counts the statements that write scout.platinum_transaction_embeddings (ip_workbench.layer_versions): its refreshes write only when there is something to write.';


--
-- Name: ref_categories ref_categories_count_deletes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_categories_count_deletes AFTER DELETE ON scout.ref_categories REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_categories_count_deletes ON ref_categories; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_categories_count_deletes ON scout.ref_categories IS 'Counts the deletes from scout.ref_categories that removed rows (ip_workbench.layer_versions).';


--
-- Name: ref_categories ref_categories_count_inserts; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_categories_count_inserts AFTER INSERT ON scout.ref_categories REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_categories_count_inserts ON ref_categories; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_categories_count_inserts ON scout.ref_categories IS 'Counts the inserts into scout.ref_categories that added rows (ip_workbench.layer_versions).';


--
-- Name: ref_categories ref_categories_count_truncates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_categories_count_truncates AFTER TRUNCATE ON scout.ref_categories FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER ref_categories_count_truncates ON ref_categories; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_categories_count_truncates ON scout.ref_categories IS 'Counts the truncates of scout.ref_categories (ip_workbench.layer_versions).';


--
-- Name: ref_categories ref_categories_count_updates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_categories_count_updates AFTER UPDATE ON scout.ref_categories REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_categories_count_updates ON ref_categories; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_categories_count_updates ON scout.ref_categories IS 'Counts the updates of scout.ref_categories that changed rows (ip_workbench.layer_versions).';


--
-- Name: ref_stores ref_stores_count_deletes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_stores_count_deletes AFTER DELETE ON scout.ref_stores REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_stores_count_deletes ON ref_stores; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_stores_count_deletes ON scout.ref_stores IS 'Counts the deletes from scout.ref_stores that removed rows (ip_workbench.layer_versions).';


--
-- Name: ref_stores ref_stores_count_inserts; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_stores_count_inserts AFTER INSERT ON scout.ref_stores REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_stores_count_inserts ON ref_stores; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_stores_count_inserts ON scout.ref_stores IS 'Counts the inserts into scout.ref_stores that added rows (ip_workbench.layer_versions).';


--
-- Name: ref_stores ref_stores_count_truncates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_stores_count_truncates AFTER TRUNCATE ON scout.ref_stores FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER ref_stores_count_truncates ON ref_stores; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_stores_count_truncates ON scout.ref_stores IS 'Counts the truncates of scout.ref_stores (ip_workbench.layer_versions).';


--
-- Name: ref_stores ref_stores_count_updates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_stores_count_updates AFTER UPDATE ON scout.ref_stores REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_stores_count_updates ON ref_stores; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_stores_count_updates ON scout.ref_stores IS 'Counts the updates of scout.ref_stores that changed rows (ip_workbench.layer_versions).';


--
-- Name: ref_validation_rules ref_validation_rules_count_deletes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_validation_rules_count_deletes AFTER DELETE ON scout.ref_validation_rules REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_validation_rules_count_deletes ON ref_validation_rules; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_validation_rules_count_deletes ON scout.ref_validation_rules IS 'Counts the deletes from scout.ref_validation_rules that removed rows (ip_workbench.layer_versions).';


--
-- Name: ref_validation_rules ref_validation_rules_count_inserts; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_validation_rules_count_inserts AFTER INSERT ON scout.ref_validation_rules REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_validation_rules_count_inserts ON ref_validation_rules; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_validation_rules_count_inserts ON scout.ref_validation_rules IS 'Counts the inserts into scout.ref_validation_rules that added rows (ip_workbench.layer_versions).';


--
-- Name: ref_validation_rules ref_validation_rules_count_truncates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_validation_rules_count_truncates AFTER TRUNCATE ON scout.ref_validation_rules FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER ref_validation_rules_count_truncates ON ref_validation_rules; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_validation_rules_count_truncates ON scout.ref_validation_rules IS 'Counts the truncates of scout.ref_validation_rules (ip_workbench.layer_versions).';


--
-- Name: ref_validation_rules ref_validation_rules_count_updates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER ref_validation_rules_count_updates AFTER UPDATE ON scout.ref_validation_rules REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER ref_validation_rules_count_updates ON ref_validation_rules; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER ref_validation_rules_count_updates ON scout.ref_validation_rules IS 'Counts the updates of scout.ref_validation_rules that changed rows (ip_workbench.layer_versions).';


--
-- Name: silver_products silver_products_count_deletes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_products_count_deletes AFTER DELETE ON scout.silver_products REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_products_count_deletes ON silver_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_products_count_deletes ON scout.silver_products IS 'Counts the deletes from scout.silver_products that removed rows (ip_workbench.layer_versions).';


--
-- Name: silver_products silver_products_count_inserts; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_products_count_inserts AFTER INSERT ON scout.silver_products REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_products_count_inserts ON silver_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_products_count_inserts ON scout.silver_products IS 'Counts the inserts into scout.silver_products that added rows (ip_workbench.layer_versions).';


--
-- Name: silver_products silver_products_count_truncates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_products_count_truncates AFTER TRUNCATE ON scout.silver_products FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER silver_products_count_truncates ON silver_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_products_count_truncates ON scout.silver_products IS 'Counts the truncates of scout.silver_products (ip_workbench.layer_versions).';


--
-- Name: silver_products silver_products_count_updates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_products_count_updates AFTER UPDATE ON scout.silver_products REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_products_count_updates ON silver_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_products_count_updates ON scout.silver_products IS 'Counts the updates of scout.silver_products that changed rows (ip_workbench.layer_versions).';


--
-- Name: silver_rejected_products silver_rejected_products_count_deletes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_rejected_products_count_deletes AFTER DELETE ON scout.silver_rejected_products REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_rejected_products_count_deletes ON silver_rejected_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_rejected_products_count_deletes ON scout.silver_rejected_products IS 'Counts the deletes from scout.silver_rejected_products that removed rows (ip_workbench.layer_versions).';


--
-- Name: silver_rejected_products silver_rejected_products_count_inserts; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_rejected_products_count_inserts AFTER INSERT ON scout.silver_rejected_products REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_rejected_products_count_inserts ON silver_rejected_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_rejected_products_count_inserts ON scout.silver_rejected_products IS 'Counts the inserts into scout.silver_rejected_products that added rows (ip_workbench.layer_versions).';


--
-- Name: silver_rejected_products silver_rejected_products_count_truncates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_rejected_products_count_truncates AFTER TRUNCATE ON scout.silver_rejected_products FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER silver_rejected_products_count_truncates ON silver_rejected_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_rejected_products_count_truncates ON scout.silver_rejected_products IS 'Counts the truncates of scout.silver_rejected_products (ip_workbench.layer_versions).';


--
-- Name: silver_rejected_products silver_rejected_products_count_updates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_rejected_products_count_updates AFTER UPDATE ON scout.silver_rejected_products REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_rejected_products_count_updates ON silver_rejected_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_rejected_products_count_updates ON scout.silver_rejected_products IS 'Counts the updates of scout.silver_rejected_products that changed rows (ip_workbench.layer_versions).';


--
-- Name: silver_rejected_transactions silver_rejected_transactions_count_deletes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_rejected_transactions_count_deletes AFTER DELETE ON scout.silver_rejected_transactions REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_rejected_transactions_count_deletes ON silver_rejected_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_rejected_transactions_count_deletes ON scout.silver_rejected_transactions IS 'Counts the deletes from scout.silver_rejected_transactions that removed rows (ip_workbench.layer_versions).';


--
-- Name: silver_rejected_transactions silver_rejected_transactions_count_inserts; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_rejected_transactions_count_inserts AFTER INSERT ON scout.silver_rejected_transactions REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_rejected_transactions_count_inserts ON silver_rejected_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_rejected_transactions_count_inserts ON scout.silver_rejected_transactions IS 'Counts the inserts into scout.silver_rejected_transactions that added rows (ip_workbench.layer_versions).';


--
-- Name: silver_rejected_transactions silver_rejected_transactions_count_truncates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_rejected_transactions_count_truncates AFTER TRUNCATE ON scout.silver_rejected_transactions FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER silver_rejected_transactions_count_truncates ON silver_rejected_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_rejected_transactions_count_truncates ON scout.silver_rejected_transactions IS 'Counts the truncates of scout.silver_rejected_transactions (ip_workbench.layer_versions).';


--
-- Name: silver_rejected_transactions silver_rejected_transactions_count_updates; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_rejected_transactions_count_updates AFTER UPDATE ON scout.silver_rejected_transactions REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_changed_rows();


--
-- Name: TRIGGER silver_rejected_transactions_count_updates ON silver_rejected_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_rejected_transactions_count_updates ON scout.silver_rejected_transactions IS 'Counts the updates of scout.silver_rejected_transactions that changed rows (ip_workbench.layer_versions).';


--
-- Name: silver_validated_transactions silver_validated_transactions_count_writes; Type: TRIGGER; Schema: scout; Owner: -
--

CREATE TRIGGER silver_validated_transactions_count_writes AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON scout.silver_validated_transactions FOR EACH STATEMENT EXECUTE FUNCTION scout_internal.count_table_writes();


--
-- Name: TRIGGER silver_validated_transactions_count_writes ON silver_validated_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON TRIGGER silver_validated_transactions_count_writes ON scout.silver_validated_transactions IS 'Counts the statements that write scout.silver_validated_transactions (ip_workbench.layer_versions): its refreshes write only when there is something to write.';


--
-- Name: dq_alert_deliveries dq_alert_deliveries_alert_id_fkey; Type: FK CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.dq_alert_deliveries
    ADD CONSTRAINT dq_alert_deliveries_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES ip_workbench.dq_alerts(id) ON DELETE CASCADE;


--
-- Name: job_run_steps job_run_steps_run_id_fkey; Type: FK CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.job_run_steps
    ADD CONSTRAINT job_run_steps_run_id_fkey FOREIGN KEY (run_id) REFERENCES ip_workbench.job_runs(id) ON DELETE CASCADE;


--
-- Name: job_runs job_runs_parent_id_fkey; Type: FK CONSTRAINT; Schema: ip_workbench; Owner: -
--

ALTER TABLE ONLY ip_workbench.job_runs
    ADD CONSTRAINT job_runs_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES ip_workbench.job_runs(id) ON DELETE CASCADE;


--
-- Name: ref_validation_rules ref_validation_rules_category_fkey; Type: FK CONSTRAINT; Schema: scout; Owner: -
--

ALTER TABLE ONLY scout.ref_validation_rules
    ADD CONSTRAINT ref_validation_rules_category_fkey FOREIGN KEY (category) REFERENCES scout.ref_categories(name);


--
-- Name: mart_builds mart_builds_mart_name_fkey; Type: FK CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.mart_builds
    ADD CONSTRAINT mart_builds_mart_name_fkey FOREIGN KEY (mart_name) REFERENCES ip_workbench.marts(mart_name) ON DELETE CASCADE;


--
-- Name: mart_days_to_rebuild mart_days_to_rebuild_mart_name_fkey; Type: FK CONSTRAINT; Schema: scout_internal; Owner: -
--

ALTER TABLE ONLY scout_internal.mart_days_to_rebuild
    ADD CONSTRAINT mart_days_to_rebuild_mart_name_fkey FOREIGN KEY (mart_name) REFERENCES ip_workbench.marts(mart_name) ON DELETE CASCADE;


--
-- Name: dq_alert_deliveries; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.dq_alert_deliveries ENABLE ROW LEVEL SECURITY;

--
-- Name: dq_alerts; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.dq_alerts ENABLE ROW LEVEL SECURITY;

--
-- Name: dq_results; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.dq_results ENABLE ROW LEVEL SECURITY;

--
-- Name: dq_scores; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.dq_scores ENABLE ROW LEVEL SECURITY;

--
-- Name: dq_thresholds; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.dq_thresholds ENABLE ROW LEVEL SECURITY;

--
-- Name: job_run_steps; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.job_run_steps ENABLE ROW LEVEL SECURITY;

--
-- Name: job_runs; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.job_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: jobs; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.jobs ENABLE ROW LEVEL SECURITY;

--
-- Name: layer_versions; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.layer_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: marts; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.marts ENABLE ROW LEVEL SECURITY;

--
-- Name: platinum_builds; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.platinum_builds ENABLE ROW LEVEL SECURITY;

--
-- Name: dq_alert_deliveries service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.dq_alert_deliveries TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON dq_alert_deliveries; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.dq_alert_deliveries IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: dq_alerts service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.dq_alerts TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON dq_alerts; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.dq_alerts IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: dq_results service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.dq_results TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON dq_results; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.dq_results IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: dq_scores service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.dq_scores TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON dq_scores; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.dq_scores IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: dq_thresholds service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.dq_thresholds TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON dq_thresholds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.dq_thresholds IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: job_run_steps service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.job_run_steps TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON job_run_steps; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.job_run_steps IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: job_runs service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.job_runs TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON job_runs; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.job_runs IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: layer_versions service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.layer_versions TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON layer_versions; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.layer_versions IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: platinum_builds service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.platinum_builds TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON platinum_builds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.platinum_builds IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: settings service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.settings TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON settings; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.settings IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: tables service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.tables TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON tables; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.tables IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: watermarks service_role manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role manages all rows" ON ip_workbench.watermarks TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON watermarks; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON ip_workbench.watermarks IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: jobs service_role reads all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role reads all rows" ON ip_workbench.jobs FOR SELECT TO service_role USING (true);


--
-- Name: POLICY "service_role reads all rows" ON jobs; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role reads all rows" ON ip_workbench.jobs IS 'Jobs are code: pg_cron runs a scheduled job''s command as the role that scheduled it (the owner), so only the owner may write this table.';


--
-- Name: marts service_role reads every mart; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "service_role reads every mart" ON ip_workbench.marts FOR SELECT TO service_role USING (true);


--
-- Name: POLICY "service_role reads every mart" ON marts; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "service_role reads every mart" ON ip_workbench.marts IS 'The pipeline reads the definitions; only the owner writes them: a mart''s query is code the hourly job runs.';


--
-- Name: settings; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.settings ENABLE ROW LEVEL SECURITY;

--
-- Name: tables; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.tables ENABLE ROW LEVEL SECURITY;

--
-- Name: dq_alert_deliveries the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.dq_alert_deliveries TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON dq_alert_deliveries; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.dq_alert_deliveries IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: dq_alerts the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.dq_alerts TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON dq_alerts; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.dq_alerts IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: dq_results the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.dq_results TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON dq_results; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.dq_results IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: dq_scores the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.dq_scores TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON dq_scores; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.dq_scores IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: dq_thresholds the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.dq_thresholds TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON dq_thresholds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.dq_thresholds IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: job_run_steps the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.job_run_steps TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON job_run_steps; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.job_run_steps IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: job_runs the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.job_runs TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON job_runs; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.job_runs IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: jobs the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.jobs TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON jobs; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.jobs IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: layer_versions the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.layer_versions TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON layer_versions; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.layer_versions IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: marts the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.marts TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON marts; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.marts IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: platinum_builds the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.platinum_builds TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON platinum_builds; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.platinum_builds IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: settings the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.settings TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON settings; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.settings IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: tables the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.tables TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON tables; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.tables IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: watermarks the owner manages all rows; Type: POLICY; Schema: ip_workbench; Owner: -
--

CREATE POLICY "the owner manages all rows" ON ip_workbench.watermarks TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON watermarks; Type: COMMENT; Schema: ip_workbench; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON ip_workbench.watermarks IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: watermarks; Type: ROW SECURITY; Schema: ip_workbench; Owner: -
--

ALTER TABLE ip_workbench.watermarks ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_category_trends authenticated users read all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "authenticated users read all rows" ON scout.gold_category_trends FOR SELECT TO authenticated USING (true);


--
-- Name: POLICY "authenticated users read all rows" ON gold_category_trends; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "authenticated users read all rows" ON scout.gold_category_trends IS 'Every authenticated user reads every row: category-level, no store in it.';


--
-- Name: gold_monthly_summary authenticated users read all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "authenticated users read all rows" ON scout.gold_monthly_summary FOR SELECT TO authenticated USING (true);


--
-- Name: POLICY "authenticated users read all rows" ON gold_monthly_summary; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "authenticated users read all rows" ON scout.gold_monthly_summary IS 'Every authenticated user reads every row: category-level, no store in it.';


--
-- Name: gold_sales_anomalies authenticated users read all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "authenticated users read all rows" ON scout.gold_sales_anomalies FOR SELECT TO authenticated USING (true);


--
-- Name: POLICY "authenticated users read all rows" ON gold_sales_anomalies; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "authenticated users read all rows" ON scout.gold_sales_anomalies IS 'Every authenticated user reads every row: category-level, no store in it.';


--
-- Name: platinum_product_recommendations authenticated users read all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "authenticated users read all rows" ON scout.platinum_product_recommendations FOR SELECT TO authenticated USING (true);


--
-- Name: POLICY "authenticated users read all rows" ON platinum_product_recommendations; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "authenticated users read all rows" ON scout.platinum_product_recommendations IS 'Every authenticated user reads every row: product pairs over all baskets, no store or customer in them.';


--
-- Name: gold_store_daily_sales authenticated users read their stores' rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "authenticated users read their stores' rows" ON scout.gold_store_daily_sales FOR SELECT TO authenticated USING ((COALESCE(store_id, ''::text) = ANY (( SELECT scout_private.reader_store_ids() AS reader_store_ids)::text[])));


--
-- Name: POLICY "authenticated users read their stores' rows" ON gold_store_daily_sales; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "authenticated users read their stores' rows" ON scout.gold_store_daily_sales IS 'Rows of the reader''s stores only: those in the JWT''s app_metadata.store_ids or in scout.store_members for its sub (scout_private.reader_store_ids()); ''*'' reads every store, NULL stores included; no store, no rows.';


--
-- Name: platinum_transaction_embeddings authenticated users read their stores' rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "authenticated users read their stores' rows" ON scout.platinum_transaction_embeddings FOR SELECT TO authenticated USING ((COALESCE(store_id, ''::text) = ANY (( SELECT scout_private.reader_store_ids() AS reader_store_ids)::text[])));


--
-- Name: POLICY "authenticated users read their stores' rows" ON platinum_transaction_embeddings; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "authenticated users read their stores' rows" ON scout.platinum_transaction_embeddings IS 'Sentences of the reader''s stores only: those in the JWT''s app_metadata.store_ids or in scout.store_members for its sub (scout_private.reader_store_ids()); ''*'' reads every store, NULL stores included; no store, no rows.';


--
-- Name: bronze_ingest_errors; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.bronze_ingest_errors ENABLE ROW LEVEL SECURITY;

--
-- Name: bronze_products; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.bronze_products ENABLE ROW LEVEL SECURITY;

--
-- Name: bronze_transactions; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.bronze_transactions ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_category_trends; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.gold_category_trends ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_monthly_summary; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.gold_monthly_summary ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_sales_anomalies; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.gold_sales_anomalies ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_store_daily_sales; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.gold_store_daily_sales ENABLE ROW LEVEL SECURITY;

--
-- Name: platinum_product_recommendations; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.platinum_product_recommendations ENABLE ROW LEVEL SECURITY;

--
-- Name: platinum_transaction_embeddings; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.platinum_transaction_embeddings ENABLE ROW LEVEL SECURITY;

--
-- Name: ref_categories; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.ref_categories ENABLE ROW LEVEL SECURITY;

--
-- Name: ref_stores; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.ref_stores ENABLE ROW LEVEL SECURITY;

--
-- Name: ref_validation_rules; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.ref_validation_rules ENABLE ROW LEVEL SECURITY;

--
-- Name: bronze_ingest_errors service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.bronze_ingest_errors TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON bronze_ingest_errors; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.bronze_ingest_errors IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: bronze_products service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.bronze_products TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON bronze_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.bronze_products IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: bronze_transactions service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.bronze_transactions TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON bronze_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.bronze_transactions IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_category_trends service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.gold_category_trends TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_category_trends; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.gold_category_trends IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_monthly_summary service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.gold_monthly_summary TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_monthly_summary; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.gold_monthly_summary IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_sales_anomalies service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.gold_sales_anomalies TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_sales_anomalies; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.gold_sales_anomalies IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_store_daily_sales service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.gold_store_daily_sales TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_store_daily_sales; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.gold_store_daily_sales IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: platinum_product_recommendations service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.platinum_product_recommendations TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON platinum_product_recommendations; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.platinum_product_recommendations IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: platinum_transaction_embeddings service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.platinum_transaction_embeddings TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON platinum_transaction_embeddings; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.platinum_transaction_embeddings IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: ref_categories service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.ref_categories TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON ref_categories; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.ref_categories IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: ref_stores service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.ref_stores TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON ref_stores; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.ref_stores IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: ref_validation_rules service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.ref_validation_rules TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON ref_validation_rules; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.ref_validation_rules IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_products service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.silver_products TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON silver_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.silver_products IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_rejected_products service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.silver_rejected_products TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON silver_rejected_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.silver_rejected_products IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_rejected_transactions service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.silver_rejected_transactions TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON silver_rejected_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.silver_rejected_transactions IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_validated_transactions service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.silver_validated_transactions TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON silver_validated_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.silver_validated_transactions IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: store_members service_role manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout.store_members TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON store_members; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout.store_members IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_products; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.silver_products ENABLE ROW LEVEL SECURITY;

--
-- Name: silver_rejected_products; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.silver_rejected_products ENABLE ROW LEVEL SECURITY;

--
-- Name: silver_rejected_transactions; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.silver_rejected_transactions ENABLE ROW LEVEL SECURITY;

--
-- Name: silver_validated_transactions; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.silver_validated_transactions ENABLE ROW LEVEL SECURITY;

--
-- Name: store_members; Type: ROW SECURITY; Schema: scout; Owner: -
--

ALTER TABLE scout.store_members ENABLE ROW LEVEL SECURITY;

--
-- Name: bronze_ingest_errors the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.bronze_ingest_errors TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON bronze_ingest_errors; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.bronze_ingest_errors IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: bronze_products the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.bronze_products TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON bronze_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.bronze_products IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: bronze_transactions the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.bronze_transactions TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON bronze_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.bronze_transactions IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_category_trends the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.gold_category_trends TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_category_trends; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.gold_category_trends IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_monthly_summary the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.gold_monthly_summary TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_monthly_summary; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.gold_monthly_summary IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_sales_anomalies the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.gold_sales_anomalies TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_sales_anomalies; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.gold_sales_anomalies IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_store_daily_sales the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.gold_store_daily_sales TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_store_daily_sales; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.gold_store_daily_sales IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: platinum_product_recommendations the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.platinum_product_recommendations TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON platinum_product_recommendations; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.platinum_product_recommendations IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: platinum_transaction_embeddings the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.platinum_transaction_embeddings TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON platinum_transaction_embeddings; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.platinum_transaction_embeddings IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: ref_categories the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.ref_categories TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON ref_categories; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.ref_categories IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: ref_stores the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.ref_stores TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON ref_stores; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.ref_stores IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: ref_validation_rules the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.ref_validation_rules TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON ref_validation_rules; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.ref_validation_rules IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: silver_products the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.silver_products TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON silver_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.silver_products IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: silver_rejected_products the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.silver_rejected_products TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON silver_rejected_products; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.silver_rejected_products IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: silver_rejected_transactions the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.silver_rejected_transactions TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON silver_rejected_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.silver_rejected_transactions IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: silver_validated_transactions the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.silver_validated_transactions TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON silver_validated_transactions; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.silver_validated_transactions IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: store_members the owner manages all rows; Type: POLICY; Schema: scout; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout.store_members TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON store_members; Type: COMMENT; Schema: scout; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout.store_members IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_build_state; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_build_state ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_days_to_reaggregate; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_days_to_reaggregate ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_differences_to_add; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_differences_to_add ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_monthly_category_totals; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_monthly_category_totals ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_monthly_changed_totals; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_monthly_changed_totals ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_store_days_to_rebuild; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_store_days_to_rebuild ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_store_rebuilt_cells; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_store_rebuilt_cells ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_weekly_category_totals; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.gold_weekly_category_totals ENABLE ROW LEVEL SECURITY;

--
-- Name: ingest_manifest; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.ingest_manifest ENABLE ROW LEVEL SECURITY;

--
-- Name: logged_writes; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.logged_writes ENABLE ROW LEVEL SECURITY;

--
-- Name: mart_builds; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.mart_builds ENABLE ROW LEVEL SECURITY;

--
-- Name: mart_days_to_rebuild; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.mart_days_to_rebuild ENABLE ROW LEVEL SECURITY;

--
-- Name: platinum_changed_keys; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.platinum_changed_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_build_state service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.gold_build_state TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_build_state; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.gold_build_state IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_days_to_reaggregate service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.gold_days_to_reaggregate TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_days_to_reaggregate; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.gold_days_to_reaggregate IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_differences_to_add service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.gold_differences_to_add TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_differences_to_add; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.gold_differences_to_add IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_monthly_category_totals service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.gold_monthly_category_totals TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_monthly_category_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.gold_monthly_category_totals IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_monthly_changed_totals service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.gold_monthly_changed_totals TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_monthly_changed_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.gold_monthly_changed_totals IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_store_days_to_rebuild service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.gold_store_days_to_rebuild TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_store_days_to_rebuild; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.gold_store_days_to_rebuild IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_store_rebuilt_cells service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.gold_store_rebuilt_cells TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_store_rebuilt_cells; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.gold_store_rebuilt_cells IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_weekly_category_totals service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.gold_weekly_category_totals TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_weekly_category_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.gold_weekly_category_totals IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: ingest_manifest service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.ingest_manifest TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON ingest_manifest; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.ingest_manifest IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: logged_writes service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.logged_writes TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON logged_writes; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.logged_writes IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: mart_builds service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.mart_builds TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON mart_builds; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.mart_builds IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: mart_days_to_rebuild service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.mart_days_to_rebuild TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON mart_days_to_rebuild; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.mart_days_to_rebuild IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: platinum_changed_keys service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.platinum_changed_keys TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON platinum_changed_keys; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.platinum_changed_keys IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_changed_keys service_role manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "service_role manages all rows" ON scout_internal.silver_changed_keys TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON silver_changed_keys; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON scout_internal.silver_changed_keys IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_changed_keys; Type: ROW SECURITY; Schema: scout_internal; Owner: -
--

ALTER TABLE scout_internal.silver_changed_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_build_state the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.gold_build_state TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_build_state; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.gold_build_state IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_days_to_reaggregate the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.gold_days_to_reaggregate TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_days_to_reaggregate; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.gold_days_to_reaggregate IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_differences_to_add the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.gold_differences_to_add TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_differences_to_add; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.gold_differences_to_add IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_monthly_category_totals the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.gold_monthly_category_totals TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_monthly_category_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.gold_monthly_category_totals IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_monthly_changed_totals the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.gold_monthly_changed_totals TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_monthly_changed_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.gold_monthly_changed_totals IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_store_days_to_rebuild the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.gold_store_days_to_rebuild TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_store_days_to_rebuild; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.gold_store_days_to_rebuild IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_store_rebuilt_cells the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.gold_store_rebuilt_cells TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_store_rebuilt_cells; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.gold_store_rebuilt_cells IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_weekly_category_totals the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.gold_weekly_category_totals TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_weekly_category_totals; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.gold_weekly_category_totals IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: ingest_manifest the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.ingest_manifest TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON ingest_manifest; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.ingest_manifest IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: logged_writes the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.logged_writes TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON logged_writes; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.logged_writes IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: mart_builds the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.mart_builds TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON mart_builds; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.mart_builds IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: mart_days_to_rebuild the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.mart_days_to_rebuild TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON mart_days_to_rebuild; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.mart_days_to_rebuild IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: platinum_changed_keys the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.platinum_changed_keys TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON platinum_changed_keys; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.platinum_changed_keys IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: silver_changed_keys the owner manages all rows; Type: POLICY; Schema: scout_internal; Owner: -
--

CREATE POLICY "the owner manages all rows" ON scout_internal.silver_changed_keys TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON silver_changed_keys; Type: COMMENT; Schema: scout_internal; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON scout_internal.silver_changed_keys IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: bronze_products; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.bronze_products ENABLE ROW LEVEL SECURITY;

--
-- Name: bronze_transactions; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.bronze_transactions ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_category_trends; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.gold_category_trends ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_monthly_summary; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.gold_monthly_summary ENABLE ROW LEVEL SECURITY;

--
-- Name: gold_store_daily_sales; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.gold_store_daily_sales ENABLE ROW LEVEL SECURITY;

--
-- Name: platinum_product_recommendations; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.platinum_product_recommendations ENABLE ROW LEVEL SECURITY;

--
-- Name: platinum_transaction_embeddings; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.platinum_transaction_embeddings ENABLE ROW LEVEL SECURITY;

--
-- Name: bronze_products service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.bronze_products TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON bronze_products; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.bronze_products IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: bronze_transactions service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.bronze_transactions TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON bronze_transactions; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.bronze_transactions IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_category_trends service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.gold_category_trends TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_category_trends; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.gold_category_trends IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_monthly_summary service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.gold_monthly_summary TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_monthly_summary; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.gold_monthly_summary IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: gold_store_daily_sales service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.gold_store_daily_sales TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON gold_store_daily_sales; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.gold_store_daily_sales IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: platinum_product_recommendations service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.platinum_product_recommendations TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON platinum_product_recommendations; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.platinum_product_recommendations IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: platinum_transaction_embeddings service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.platinum_transaction_embeddings TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON platinum_transaction_embeddings; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.platinum_transaction_embeddings IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_products service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.silver_products TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON silver_products; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.silver_products IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_validated_transactions service_role manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "service_role manages all rows" ON test_failures.silver_validated_transactions TO service_role USING (true) WITH CHECK (true);


--
-- Name: POLICY "service_role manages all rows" ON silver_validated_transactions; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "service_role manages all rows" ON test_failures.silver_validated_transactions IS 'The backend role used by the pipeline and trusted services reads and writes every row.';


--
-- Name: silver_products; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.silver_products ENABLE ROW LEVEL SECURITY;

--
-- Name: silver_validated_transactions; Type: ROW SECURITY; Schema: test_failures; Owner: -
--

ALTER TABLE test_failures.silver_validated_transactions ENABLE ROW LEVEL SECURITY;

--
-- Name: bronze_products the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.bronze_products TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON bronze_products; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.bronze_products IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: bronze_transactions the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.bronze_transactions TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON bronze_transactions; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.bronze_transactions IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_category_trends the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.gold_category_trends TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_category_trends; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.gold_category_trends IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_monthly_summary the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.gold_monthly_summary TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_monthly_summary; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.gold_monthly_summary IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: gold_store_daily_sales the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.gold_store_daily_sales TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON gold_store_daily_sales; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.gold_store_daily_sales IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: platinum_product_recommendations the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.platinum_product_recommendations TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON platinum_product_recommendations; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.platinum_product_recommendations IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: platinum_transaction_embeddings the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.platinum_transaction_embeddings TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON platinum_transaction_embeddings; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.platinum_transaction_embeddings IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: silver_products the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.silver_products TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON silver_products; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.silver_products IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: silver_validated_transactions the owner manages all rows; Type: POLICY; Schema: test_failures; Owner: -
--

CREATE POLICY "the owner manages all rows" ON test_failures.silver_validated_transactions TO postgres USING (true) WITH CHECK (true);


--
-- Name: POLICY "the owner manages all rows" ON silver_validated_transactions; Type: COMMENT; Schema: test_failures; Owner: -
--

COMMENT ON POLICY "the owner manages all rows" ON test_failures.silver_validated_transactions IS 'The migrating role (the DBA) keeps full access even where it is not a superuser, as on Supabase.';


--
-- Name: SCHEMA ip_workbench; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA ip_workbench TO service_role;


--
-- Name: SCHEMA scout; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA scout TO authenticated;
GRANT USAGE ON SCHEMA scout TO service_role;


--
-- Name: SCHEMA scout_checks; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA scout_checks TO service_role;


--
-- Name: SCHEMA scout_internal; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA scout_internal TO service_role;


--
-- Name: SCHEMA scout_private; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA scout_private TO authenticated;
GRANT USAGE ON SCHEMA scout_private TO service_role;


--
-- Name: SCHEMA test_failures; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA test_failures TO service_role;


--
-- Name: FUNCTION define_mart(mart text, description text, grain text[], columns jsonb, query text, refresh text, date_column text, readers text[], store_scope boolean); Type: ACL; Schema: ip_workbench; Owner: -
--

REVOKE ALL ON FUNCTION ip_workbench.define_mart(mart text, description text, grain text[], columns jsonb, query text, refresh text, date_column text, readers text[], store_scope boolean) FROM PUBLIC;


--
-- Name: FUNCTION drop_mart(mart text); Type: ACL; Schema: ip_workbench; Owner: -
--

REVOKE ALL ON FUNCTION ip_workbench.drop_mart(mart text) FROM PUBLIC;


--
-- Name: FUNCTION secure_table(p_table regclass, p_readers text[]); Type: ACL; Schema: ip_workbench; Owner: -
--

REVOKE ALL ON FUNCTION ip_workbench.secure_table(p_table regclass, p_readers text[]) FROM PUBLIC;


--
-- Name: FUNCTION backfill(from_date date, to_date date, p_wait boolean); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.backfill(from_date date, to_date date, p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.backfill(from_date date, to_date date, p_wait boolean) TO service_role;


--
-- Name: FUNCTION ingest_products(payload jsonb, source text, source_filename text); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.ingest_products(payload jsonb, source text, source_filename text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.ingest_products(payload jsonb, source text, source_filename text) TO service_role;


--
-- Name: FUNCTION ingest_transactions(payload jsonb, source text, source_filename text); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.ingest_transactions(payload jsonb, source text, source_filename text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.ingest_transactions(payload jsonb, source text, source_filename text) TO service_role;


--
-- Name: FUNCTION match_transactions(query_embedding real[], match_count integer, filter jsonb); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.match_transactions(query_embedding real[], match_count integer, filter jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.match_transactions(query_embedding real[], match_count integer, filter jsonb) TO authenticated;
GRANT ALL ON FUNCTION scout.match_transactions(query_embedding real[], match_count integer, filter jsonb) TO service_role;


--
-- Name: FUNCTION purge_expired(p_wait boolean); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.purge_expired(p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.purge_expired(p_wait boolean) TO service_role;


--
-- Name: FUNCTION refresh_gold(p_wait boolean); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.refresh_gold(p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.refresh_gold(p_wait boolean) TO service_role;


--
-- Name: FUNCTION refresh_platinum(p_wait boolean); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.refresh_platinum(p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.refresh_platinum(p_wait boolean) TO service_role;


--
-- Name: FUNCTION refresh_silver(p_wait boolean); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.refresh_silver(p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.refresh_silver(p_wait boolean) TO service_role;


--
-- Name: FUNCTION run_dq_checks(p_wait boolean); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.run_dq_checks(p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.run_dq_checks(p_wait boolean) TO service_role;


--
-- Name: FUNCTION run_micro_batch(p_wait boolean); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.run_micro_batch(p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.run_micro_batch(p_wait boolean) TO service_role;


--
-- Name: FUNCTION run_transformations(p_wait boolean, p_platinum boolean); Type: ACL; Schema: scout; Owner: -
--

REVOKE ALL ON FUNCTION scout.run_transformations(p_wait boolean, p_platinum boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout.run_transformations(p_wait boolean, p_platinum boolean) TO service_role;


--
-- Name: TABLE ref_categories; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.ref_categories TO service_role;


--
-- Name: FUNCTION generate_products(p_seed bigint); Type: ACL; Schema: scout_dev; Owner: -
--

REVOKE ALL ON FUNCTION scout_dev.generate_products(p_seed bigint) FROM PUBLIC;


--
-- Name: FUNCTION seed_uniform(p_row bigint, p_seed bigint, p_stream integer); Type: ACL; Schema: scout_dev; Owner: -
--

REVOKE ALL ON FUNCTION scout_dev.seed_uniform(p_row bigint, p_seed bigint, p_stream integer) FROM PUBLIC;


--
-- Name: FUNCTION generate_transactions(p_rows bigint, p_seed bigint, p_end_date date); Type: ACL; Schema: scout_dev; Owner: -
--

REVOKE ALL ON FUNCTION scout_dev.generate_transactions(p_rows bigint, p_seed bigint, p_end_date date) FROM PUBLIC;


--
-- Name: TABLE platinum_product_recommendations; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.platinum_product_recommendations TO service_role;
GRANT SELECT ON TABLE scout.platinum_product_recommendations TO authenticated;


--
-- Name: FUNCTION recommendation_precision(); Type: ACL; Schema: scout_dev; Owner: -
--

REVOKE ALL ON FUNCTION scout_dev.recommendation_precision() FROM PUBLIC;


--
-- Name: FUNCTION sales_anomaly(p_total numeric, p_history numeric[]); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.sales_anomaly(p_total numeric, p_history numeric[]) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.sales_anomaly(p_total numeric, p_history numeric[]) TO service_role;


--
-- Name: FUNCTION sales_anomaly_trial(p_series integer, p_weeks integer, p_seed bigint); Type: ACL; Schema: scout_dev; Owner: -
--

REVOKE ALL ON FUNCTION scout_dev.sales_anomaly_trial(p_series integer, p_weeks integer, p_seed bigint) FROM PUBLIC;


--
-- Name: FUNCTION search_evaluation(p_questions jsonb); Type: ACL; Schema: scout_dev; Owner: -
--

REVOKE ALL ON FUNCTION scout_dev.search_evaluation(p_questions jsonb) FROM PUBLIC;


--
-- Name: FUNCTION seed_bronze(p_rows bigint, p_seed bigint, p_end_date date); Type: ACL; Schema: scout_dev; Owner: -
--

REVOKE ALL ON FUNCTION scout_dev.seed_bronze(p_rows bigint, p_seed bigint, p_end_date date) FROM PUBLIC;


--
-- Name: FUNCTION seed_stores(); Type: ACL; Schema: scout_dev; Owner: -
--

REVOKE ALL ON FUNCTION scout_dev.seed_stores() FROM PUBLIC;


--
-- Name: FUNCTION advance_watermark(p_stream text, p_now pg_snapshot, p_own xid8, p_own_seq bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.advance_watermark(p_stream text, p_now pg_snapshot, p_own xid8, p_own_seq bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.advance_watermark(p_stream text, p_now pg_snapshot, p_own xid8, p_own_seq bigint) TO service_role;


--
-- Name: FUNCTION advisory_lock_space(p_space text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.advisory_lock_space(p_space text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.advisory_lock_space(p_space text) TO service_role;


--
-- Name: FUNCTION backfill_judge(p_from date, p_to date); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.backfill_judge(p_from date, p_to date) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.backfill_judge(p_from date, p_to date) TO service_role;


--
-- Name: FUNCTION backfill_settle(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.backfill_settle() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.backfill_settle() TO service_role;


--
-- Name: TABLE ref_validation_rules; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.ref_validation_rules TO service_role;


--
-- Name: FUNCTION breaks_rule(p_rule scout.ref_validation_rules, p_amount numeric, p_quantity integer, p_tax_amount numeric, p_currency text, p_subcategory text, p_store_id text, p_vendor_id text, p_vendor_name text, p_customer_id text, p_sku text, p_payment_method text, p_description text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.breaks_rule(p_rule scout.ref_validation_rules, p_amount numeric, p_quantity integer, p_tax_amount numeric, p_currency text, p_subcategory text, p_store_id text, p_vendor_id text, p_vendor_name text, p_customer_id text, p_sku text, p_payment_method text, p_description text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.breaks_rule(p_rule scout.ref_validation_rules, p_amount numeric, p_quantity integer, p_tax_amount numeric, p_currency text, p_subcategory text, p_store_id text, p_vendor_id text, p_vendor_name text, p_customer_id text, p_sku text, p_payment_method text, p_description text) TO service_role;


--
-- Name: FUNCTION bronze_file_begin(p_kind text, p_sha256 text, p_source_filename text, p_source text, p_size_bytes bigint, p_force boolean); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_file_begin(p_kind text, p_sha256 text, p_source_filename text, p_source text, p_size_bytes bigint, p_force boolean) FROM PUBLIC;


--
-- Name: FUNCTION bronze_file_insert_staged(p_kind text, p_batch_id text, p_source text, p_source_filename text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_file_insert_staged(p_kind text, p_batch_id text, p_source text, p_source_filename text) FROM PUBLIC;


--
-- Name: FUNCTION bronze_file_load(p_batch_id text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_file_load(p_batch_id text) FROM PUBLIC;


--
-- Name: FUNCTION bronze_file_loaded_directly(p_batch_id text, p_rows bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_file_loaded_directly(p_batch_id text, p_rows bigint) FROM PUBLIC;


--
-- Name: FUNCTION bronze_file_probe_range(p_first bigint, p_last bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_file_probe_range(p_first bigint, p_last bigint) FROM PUBLIC;


--
-- Name: FUNCTION bronze_freshness(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_freshness() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.bronze_freshness() TO service_role;


--
-- Name: FUNCTION bronze_months(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_months() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.bronze_months() TO service_role;


--
-- Name: FUNCTION bronze_partition_month(p_month date, p_lock_timeout text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_partition_month(p_month date, p_lock_timeout text) FROM PUBLIC;


--
-- Name: FUNCTION bronze_prepare_partitions(p_months_ahead integer); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_prepare_partitions(p_months_ahead integer) FROM PUBLIC;


--
-- Name: FUNCTION bronze_secure_partition(p_partition regclass, p_month date); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.bronze_secure_partition(p_partition regclass, p_month date) FROM PUBLIC;


--
-- Name: FUNCTION setting(p_name text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.setting(p_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.setting(p_name text) TO service_role;


--
-- Name: FUNCTION business_today(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.business_today() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.business_today() TO service_role;


--
-- Name: FUNCTION check_gold_changes(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.check_gold_changes() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.check_gold_changes() TO service_role;


--
-- Name: FUNCTION check_setting(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.check_setting() FROM PUBLIC;


--
-- Name: FUNCTION check_silver_delta(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.check_silver_delta() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.check_silver_delta() TO service_role;


--
-- Name: FUNCTION clean_text(p_text text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.clean_text(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.clean_text(p_text text) TO service_role;


--
-- Name: FUNCTION count_changed_rows(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.count_changed_rows() FROM PUBLIC;


--
-- Name: FUNCTION count_registry_changes(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.count_registry_changes() FROM PUBLIC;


--
-- Name: FUNCTION count_removal(p_table regclass); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.count_removal(p_table regclass) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.count_removal(p_table regclass) TO service_role;


--
-- Name: FUNCTION count_table_writes(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.count_table_writes() FROM PUBLIC;


--
-- Name: FUNCTION count_write(p_table regclass); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.count_write(p_table regclass) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.count_write(p_table regclass) TO service_role;


--
-- Name: FUNCTION cron_commands(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.cron_commands() FROM PUBLIC;


--
-- Name: FUNCTION describe(p_kind text, p_object text, p_description text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.describe(p_kind text, p_object text, p_description text) FROM PUBLIC;


--
-- Name: FUNCTION dq_alert_message(p_alert_id bigint, p_format text, p_report text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_alert_message(p_alert_id bigint, p_format text, p_report text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_alert_message(p_alert_id bigint, p_format text, p_report text) TO service_role;


--
-- Name: FUNCTION dq_bronze_transactions_arrived(p_from timestamp with time zone, p_to timestamp with time zone); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_bronze_transactions_arrived(p_from timestamp with time zone, p_to timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_bronze_transactions_arrived(p_from timestamp with time zone, p_to timestamp with time zone) TO service_role;


--
-- Name: FUNCTION dq_changed_silver_keys(p_then jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_changed_silver_keys(p_then jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_changed_silver_keys(p_then jsonb) TO service_role;


--
-- Name: FUNCTION dq_check_inputs(p_view regclass, p_versions jsonb, p_snapshot pg_snapshot, p_day date); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_check_inputs(p_view regclass, p_versions jsonb, p_snapshot pg_snapshot, p_day date) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_check_inputs(p_view regclass, p_versions jsonb, p_snapshot pg_snapshot, p_day date) TO service_role;


--
-- Name: FUNCTION dq_delta_allowed(p_then jsonb, p_now jsonb, p_may_grow regclass[], p_logged regclass[]); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_allowed(p_then jsonb, p_now jsonb, p_may_grow regclass[], p_logged regclass[]) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_allowed(p_then jsonb, p_now jsonb, p_may_grow regclass[], p_logged regclass[]) TO service_role;


--
-- Name: FUNCTION dq_delta_bronze_transactions_have_required_keys(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_bronze_transactions_have_required_keys(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_bronze_transactions_have_required_keys(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_every_bronze_transaction_is_accounted_for(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_gold_store_sales_match_silver(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_gold_store_sales_match_silver(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_gold_store_sales_match_silver(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_gold_totals_match_silver(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_gold_totals_match_silver(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_gold_totals_match_silver(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_platinum_sentences_cover_silver(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_platinum_sentences_cover_silver(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_platinum_sentences_cover_silver(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_silver_accepts_bronze(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_silver_accepts_bronze(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_silver_accepts_bronze(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_silver_lineage_reaches_bronze(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_silver_lineage_reaches_bronze(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_silver_lineage_reaches_bronze(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_silver_one_row_per_transaction_id(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_silver_one_row_per_transaction_id(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_silver_one_row_per_transaction_id(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_silver_rejections_reach_bronze(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_silver_rejections_reach_bronze(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_silver_rejections_reach_bronze(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_silver_store_ids_are_known(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_silver_store_ids_are_known(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_silver_store_ids_are_known(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_delta_silver_transaction_rules_hold(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_delta_silver_transaction_rules_hold(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_delta_silver_transaction_rules_hold(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_escalations(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_escalations() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_escalations() TO service_role;


--
-- Name: FUNCTION dq_failing_keys(p_check text, p_schema text, p_table text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_failing_keys(p_check text, p_schema text, p_table text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_failing_keys(p_check text, p_schema text, p_table text) TO service_role;


--
-- Name: FUNCTION dq_inputs_unchanged(p_then jsonb, p_now jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_inputs_unchanged(p_then jsonb, p_now jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_inputs_unchanged(p_then jsonb, p_now jsonb) TO service_role;


--
-- Name: FUNCTION dq_judge_by_delta(p_view name, p_then jsonb, p_now jsonb, p_then_run bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_judge_by_delta(p_view name, p_then jsonb, p_now jsonb, p_then_run bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_judge_by_delta(p_view name, p_then jsonb, p_now jsonb, p_then_run bigint) TO service_role;


--
-- Name: FUNCTION dq_new_bronze_transactions(p_then jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_new_bronze_transactions(p_then jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_new_bronze_transactions(p_then jsonb) TO service_role;


--
-- Name: FUNCTION dq_prune_change_logs(p_snapshot pg_snapshot); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_prune_change_logs(p_snapshot pg_snapshot) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_prune_change_logs(p_snapshot pg_snapshot) TO service_role;


--
-- Name: FUNCTION dq_raise_alert(p_schema text, p_table text, p_layer text, p_score numeric, p_threshold numeric, p_scores jsonb, p_failing jsonb, p_run_id bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_raise_alert(p_schema text, p_table text, p_layer text, p_score numeric, p_threshold numeric, p_scores jsonb, p_failing jsonb, p_run_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_raise_alert(p_schema text, p_table text, p_layer text, p_score numeric, p_threshold numeric, p_scores jsonb, p_failing jsonb, p_run_id bigint) TO service_role;


--
-- Name: TABLE silver_validated_transactions; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.silver_validated_transactions TO service_role;


--
-- Name: FUNCTION dq_recent_silver_transactions(p_since timestamp with time zone); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_recent_silver_transactions(p_since timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_recent_silver_transactions(p_since timestamp with time zone) TO service_role;


--
-- Name: TABLE job_runs; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.job_runs TO service_role;


--
-- Name: FUNCTION dq_recent_since(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_recent_since() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_recent_since() TO service_role;


--
-- Name: FUNCTION dq_replace_test_failures(p_run_id bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_replace_test_failures(p_run_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_replace_test_failures(p_run_id bigint) TO service_role;


--
-- Name: FUNCTION dq_run_checks(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_run_checks() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_run_checks() TO service_role;


--
-- Name: FUNCTION dq_settle_alerts(p_run_id bigint, p_threshold numeric); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_settle_alerts(p_run_id bigint, p_threshold numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_settle_alerts(p_run_id bigint, p_threshold numeric) TO service_role;


--
-- Name: FUNCTION dq_statement_context(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_statement_context() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_statement_context() TO service_role;


--
-- Name: FUNCTION dq_store_scores(p_run_id bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_store_scores(p_run_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_store_scores(p_run_id bigint) TO service_role;


--
-- Name: FUNCTION dq_writes_logged(p_then jsonb, p_table regclass); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_writes_logged(p_then jsonb, p_table regclass) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_writes_logged(p_then jsonb, p_table regclass) TO service_role;


--
-- Name: FUNCTION dq_written_since(p_xid xid8, p_then jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.dq_written_since(p_xid xid8, p_then jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.dq_written_since(p_xid xid8, p_then jsonb) TO service_role;


--
-- Name: FUNCTION drop_indexes_for_load(p_table regclass); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.drop_indexes_for_load(p_table regclass) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.drop_indexes_for_load(p_table regclass) TO service_role;


--
-- Name: FUNCTION embedding_backlog(p_model text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.embedding_backlog(p_model text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.embedding_backlog(p_model text) TO service_role;


--
-- Name: TABLE dq_alerts; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.dq_alerts TO service_role;


--
-- Name: FUNCTION event_alert_message(p_alert ip_workbench.dq_alerts, p_format text, p_report text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.event_alert_message(p_alert ip_workbench.dq_alerts, p_format text, p_report text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.event_alert_message(p_alert ip_workbench.dq_alerts, p_format text, p_report text) TO service_role;


--
-- Name: FUNCTION fold_case(p_text text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.fold_case(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.fold_case(p_text text) TO service_role;


--
-- Name: FUNCTION gold_apply_monthly_totals(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.gold_apply_monthly_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.gold_apply_monthly_totals() TO service_role;


--
-- Name: FUNCTION gold_apply_store_daily_sales(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.gold_apply_store_daily_sales() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.gold_apply_store_daily_sales() TO service_role;


--
-- Name: FUNCTION gold_apply_weekly_totals(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.gold_apply_weekly_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.gold_apply_weekly_totals() TO service_role;


--
-- Name: FUNCTION gold_build_category_trends(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.gold_build_category_trends() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.gold_build_category_trends() TO service_role;


--
-- Name: FUNCTION gold_build_monthly_summary(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.gold_build_monthly_summary() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.gold_build_monthly_summary() TO service_role;


--
-- Name: FUNCTION gold_claim_changes(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.gold_claim_changes() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.gold_claim_changes() TO service_role;


--
-- Name: FUNCTION gold_find_sales_anomalies(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.gold_find_sales_anomalies() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.gold_find_sales_anomalies() TO service_role;


--
-- Name: FUNCTION gold_kept_from(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.gold_kept_from() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.gold_kept_from() TO service_role;


--
-- Name: FUNCTION oldest_unjudged_bronze(p_stream text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.oldest_unjudged_bronze(p_stream text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.oldest_unjudged_bronze(p_stream text) TO service_role;


--
-- Name: FUNCTION has_unprocessed_bronze(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.has_unprocessed_bronze() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.has_unprocessed_bronze() TO service_role;


--
-- Name: TABLE jobs; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.jobs TO service_role;


--
-- Name: FUNCTION holds_job_lock(p_job text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.holds_job_lock(p_job text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.holds_job_lock(p_job text) TO service_role;


--
-- Name: FUNCTION ingest_into_bronze(p_kind text, p_payload jsonb, p_source text, p_source_filename text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.ingest_into_bronze(p_kind text, p_payload jsonb, p_source text, p_source_filename text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.ingest_into_bronze(p_kind text, p_payload jsonb, p_source text, p_source_filename text) TO service_role;


--
-- Name: FUNCTION install_cron_jobs(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.install_cron_jobs() FROM PUBLIC;


--
-- Name: FUNCTION is_unprocessed(p_row_xid xid8, p_row_seq bigint, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.is_unprocessed(p_row_xid xid8, p_row_seq bigint, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.is_unprocessed(p_row_xid xid8, p_row_seq bigint, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint) TO service_role;


--
-- Name: FUNCTION iso_date(p_text text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.iso_date(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.iso_date(p_text text) TO service_role;


--
-- Name: FUNCTION iso_timestamptz(p_text text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.iso_timestamptz(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.iso_timestamptz(p_text text) TO service_role;


--
-- Name: FUNCTION job_alert(p_job text, p_run_id bigint, p_status text, p_result jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.job_alert(p_job text, p_run_id bigint, p_status text, p_result jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.job_alert(p_job text, p_run_id bigint, p_status text, p_result jsonb) TO service_role;


--
-- Name: FUNCTION job_fail(p_run jsonb, p_step text, p_sqlstate text, p_message text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.job_fail(p_run jsonb, p_step text, p_sqlstate text, p_message text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.job_fail(p_run jsonb, p_step text, p_sqlstate text, p_message text) TO service_role;


--
-- Name: FUNCTION job_finish(p_run jsonb, p_result jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.job_finish(p_run jsonb, p_result jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.job_finish(p_run jsonb, p_result jsonb) TO service_role;


--
-- Name: FUNCTION job_open_run(p_job text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.job_open_run(p_job text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.job_open_run(p_job text) TO service_role;


--
-- Name: FUNCTION job_start(p_job text, p_wait boolean); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.job_start(p_job text, p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.job_start(p_job text, p_wait boolean) TO service_role;


--
-- Name: FUNCTION markdown_code(p_value text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.markdown_code(p_value text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.markdown_code(p_value text) TO service_role;


--
-- Name: FUNCTION mart_create_objects(p_mart text, p_columns jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.mart_create_objects(p_mart text, p_columns jsonb) FROM PUBLIC;


--
-- Name: FUNCTION parse_decimal(p_text text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.parse_decimal(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.parse_decimal(p_text text) TO service_role;


--
-- Name: FUNCTION parse_int(p_text text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.parse_int(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.parse_int(p_text text) TO service_role;


--
-- Name: FUNCTION parse_money(p_text text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.parse_money(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.parse_money(p_text text) TO service_role;


--
-- Name: FUNCTION parse_product_payload(p_raw jsonb, p_latest timestamp with time zone); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.parse_product_payload(p_raw jsonb, p_latest timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.parse_product_payload(p_raw jsonb, p_latest timestamp with time zone) TO service_role;


--
-- Name: FUNCTION parse_transaction_payload(p_raw jsonb, p_today date, p_now timestamp with time zone, p_oldest date); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.parse_transaction_payload(p_raw jsonb, p_today date, p_now timestamp with time zone, p_oldest date) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.parse_transaction_payload(p_raw jsonb, p_today date, p_now timestamp with time zone, p_oldest date) TO service_role;


--
-- Name: FUNCTION pass_rate(p_dimensions jsonb, p_dimension text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.pass_rate(p_dimensions jsonb, p_dimension text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.pass_rate(p_dimensions jsonb, p_dimension text) TO service_role;


--
-- Name: FUNCTION payload_key(p_raw jsonb, p_key text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.payload_key(p_raw jsonb, p_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.payload_key(p_raw jsonb, p_key text) TO service_role;


--
-- Name: FUNCTION plain_line(p_value text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.plain_line(p_value text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.plain_line(p_value text) TO service_role;


--
-- Name: FUNCTION platinum_build_embeddings(p_since date); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.platinum_build_embeddings(p_since date) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.platinum_build_embeddings(p_since date) TO service_role;


--
-- Name: FUNCTION platinum_build_recommendations(p_since date, p_basket_max_skus integer, p_min_co_occurrence integer); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.platinum_build_recommendations(p_since date, p_basket_max_skus integer, p_min_co_occurrence integer) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.platinum_build_recommendations(p_since date, p_basket_max_skus integer, p_min_co_occurrence integer) TO service_role;


--
-- Name: FUNCTION platinum_last_build(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.platinum_last_build() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.platinum_last_build() TO service_role;


--
-- Name: FUNCTION purge_older(p_schema text, p_table text, p_column text, p_before timestamp with time zone); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.purge_older(p_schema text, p_table text, p_column text, p_before timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION purge_processed_bronze_products(p_before timestamp with time zone); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.purge_processed_bronze_products(p_before timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION purge_processed_bronze_transactions(p_before timestamp with time zone, p_whole_months boolean); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.purge_processed_bronze_transactions(p_before timestamp with time zone, p_whole_months boolean) FROM PUBLIC;


--
-- Name: FUNCTION purge_run_log(p_wait boolean); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.purge_run_log(p_wait boolean) FROM PUBLIC;


--
-- Name: FUNCTION raise_alert(p_kind text, p_subject text, p_details jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.raise_alert(p_kind text, p_subject text, p_details jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.raise_alert(p_kind text, p_subject text, p_details jsonb) TO service_role;


--
-- Name: FUNCTION record_run_metadata(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.record_run_metadata() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.record_run_metadata() TO service_role;


--
-- Name: FUNCTION refresh_marts(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.refresh_marts() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.refresh_marts() TO service_role;


--
-- Name: FUNCTION register_check(p_view regclass, p_description text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.register_check(p_view regclass, p_description text) FROM PUBLIC;


--
-- Name: FUNCTION require_job_lock(p_job text, p_step text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.require_job_lock(p_job text, p_step text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.require_job_lock(p_job text, p_step text) TO service_role;


--
-- Name: FUNCTION run_step(p_run_id bigint, p_position integer, p_step text, p_sql text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.run_step(p_run_id bigint, p_position integer, p_step text, p_sql text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.run_step(p_run_id bigint, p_position integer, p_step text, p_sql text) TO service_role;


--
-- Name: FUNCTION save_embeddings(p_model text, p_rows jsonb); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.save_embeddings(p_model text, p_rows jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.save_embeddings(p_model text, p_rows jsonb) TO service_role;


--
-- Name: FUNCTION silver_apply_transaction_changes(p_gold_days boolean); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_apply_transaction_changes(p_gold_days boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_apply_transaction_changes(p_gold_days boolean) TO service_role;


--
-- Name: FUNCTION silver_apply_validation_rules(p_table text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_apply_validation_rules(p_table text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_apply_validation_rules(p_table text) TO service_role;


--
-- Name: FUNCTION silver_candidates(p_bronze regclass, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_candidates(p_bronze regclass, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_candidates(p_bronze regclass, p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint) TO service_role;


--
-- Name: FUNCTION silver_first_load_transactions(p_processed bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_first_load_transactions(p_processed bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_first_load_transactions(p_processed bigint) TO service_role;


--
-- Name: FUNCTION silver_frozen_before(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_frozen_before() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_frozen_before() TO service_role;


--
-- Name: FUNCTION silver_isolate_unparseable(p_delta text, p_template text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_isolate_unparseable(p_delta text, p_template text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_isolate_unparseable(p_delta text, p_template text) TO service_role;


--
-- Name: FUNCTION silver_merge_products(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_merge_products() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_merge_products() TO service_role;


--
-- Name: FUNCTION silver_merge_transactions(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_merge_transactions() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_merge_transactions() TO service_role;


--
-- Name: FUNCTION silver_parse_transaction_delta(p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint, p_today date, p_oldest date); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_parse_transaction_delta(p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint, p_today date, p_oldest date) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_parse_transaction_delta(p_now pg_snapshot, p_own xid8, p_prev pg_snapshot, p_prev_xid xid8, p_prev_seq bigint, p_today date, p_oldest date) TO service_role;


--
-- Name: FUNCTION silver_probe_range(p_template text, p_first bigint, p_last bigint); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_probe_range(p_template text, p_first bigint, p_last bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_probe_range(p_template text, p_first bigint, p_last bigint) TO service_role;


--
-- Name: FUNCTION silver_settle_transaction_delta(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_settle_transaction_delta() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_settle_transaction_delta() TO service_role;


--
-- Name: FUNCTION silver_store_rejected_transactions(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.silver_store_rejected_transactions() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.silver_store_rejected_transactions() TO service_role;


--
-- Name: FUNCTION table_lag(p_schema text, p_table text); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.table_lag(p_schema text, p_table text) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.table_lag(p_schema text, p_table text) TO service_role;


--
-- Name: FUNCTION take_job_lock(p_job text, p_wait boolean); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.take_job_lock(p_job text, p_wait boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.take_job_lock(p_job text, p_wait boolean) TO service_role;


--
-- Name: FUNCTION texts_to_embed(p_model text, p_limit integer); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.texts_to_embed(p_model text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.texts_to_embed(p_model text, p_limit integer) TO service_role;


--
-- Name: FUNCTION timeliness_score(p_lag interval, p_allowed interval); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.timeliness_score(p_lag interval, p_allowed interval) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.timeliness_score(p_lag interval, p_allowed interval) TO service_role;


--
-- Name: FUNCTION touch_table(p_schema text, p_table text, p_changed bigint, p_added bigint, p_last_updated timestamp with time zone); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.touch_table(p_schema text, p_table text, p_changed bigint, p_added bigint, p_last_updated timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.touch_table(p_schema text, p_table text, p_changed bigint, p_added bigint, p_last_updated timestamp with time zone) TO service_role;


--
-- Name: FUNCTION uuid_v7(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.uuid_v7() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.uuid_v7() TO service_role;


--
-- Name: FUNCTION uuid_v7_floor(p_at timestamp with time zone); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.uuid_v7_floor(p_at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION validation_cycle(); Type: ACL; Schema: scout_internal; Owner: -
--

REVOKE ALL ON FUNCTION scout_internal.validation_cycle() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_internal.validation_cycle() TO service_role;


--
-- Name: FUNCTION check_query_embedding(p_embedding real[], p_dimensions integer); Type: ACL; Schema: scout_private; Owner: -
--

REVOKE ALL ON FUNCTION scout_private.check_query_embedding(p_embedding real[], p_dimensions integer) FROM PUBLIC;
GRANT ALL ON FUNCTION scout_private.check_query_embedding(p_embedding real[], p_dimensions integer) TO authenticated;
GRANT ALL ON FUNCTION scout_private.check_query_embedding(p_embedding real[], p_dimensions integer) TO service_role;


--
-- Name: FUNCTION embedding_model(); Type: ACL; Schema: scout_private; Owner: -
--

REVOKE ALL ON FUNCTION scout_private.embedding_model() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_private.embedding_model() TO authenticated;
GRANT ALL ON FUNCTION scout_private.embedding_model() TO service_role;


--
-- Name: FUNCTION reader_store_ids(); Type: ACL; Schema: scout_private; Owner: -
--

REVOKE ALL ON FUNCTION scout_private.reader_store_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION scout_private.reader_store_ids() TO authenticated;
GRANT ALL ON FUNCTION scout_private.reader_store_ids() TO service_role;


--
-- Name: TABLE dq_alert_deliveries; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.dq_alert_deliveries TO service_role;


--
-- Name: TABLE dq_results; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.dq_results TO service_role;


--
-- Name: TABLE dq_scores; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.dq_scores TO service_role;


--
-- Name: TABLE dq_thresholds; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.dq_thresholds TO service_role;


--
-- Name: TABLE job_run_steps; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.job_run_steps TO service_role;


--
-- Name: TABLE tables; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.tables TO service_role;


--
-- Name: TABLE layer_status; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.layer_status TO service_role;


--
-- Name: TABLE layer_versions; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.layer_versions TO service_role;


--
-- Name: TABLE lint_pipeline_functions; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_pipeline_functions TO service_role;


--
-- Name: TABLE lint_execute_for_public_or_anon; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_execute_for_public_or_anon TO service_role;


--
-- Name: TABLE lint_function_search_path_mutable; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_function_search_path_mutable TO service_role;


--
-- Name: TABLE lint_pipeline_relations; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_pipeline_relations TO service_role;


--
-- Name: TABLE lint_materialized_view_in_exposed_schema; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_materialized_view_in_exposed_schema TO service_role;


--
-- Name: TABLE lint_missing_comment; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_missing_comment TO service_role;


--
-- Name: TABLE lint_privilege_for_public_or_anon; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_privilege_for_public_or_anon TO service_role;


--
-- Name: TABLE lint_rls_disabled; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_rls_disabled TO service_role;


--
-- Name: TABLE lint_rls_not_forced; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_rls_not_forced TO service_role;


--
-- Name: TABLE lint_security_definer_without_search_path; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_security_definer_without_search_path TO service_role;


--
-- Name: TABLE lint_view_not_security_invoker; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.lint_view_not_security_invoker TO service_role;


--
-- Name: TABLE marts; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.marts TO service_role;


--
-- Name: TABLE platinum_builds; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.platinum_builds TO service_role;


--
-- Name: TABLE security_lint; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT ON TABLE ip_workbench.security_lint TO service_role;


--
-- Name: TABLE settings; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.settings TO service_role;


--
-- Name: TABLE watermarks; Type: ACL; Schema: ip_workbench; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE ip_workbench.watermarks TO service_role;


--
-- Name: TABLE bronze_ingest_errors; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.bronze_ingest_errors TO service_role;


--
-- Name: TABLE bronze_products; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT ON TABLE scout.bronze_products TO service_role;


--
-- Name: COLUMN bronze_products.raw_data; Type: ACL; Schema: scout; Owner: -
--

GRANT INSERT(raw_data) ON TABLE scout.bronze_products TO service_role;


--
-- Name: COLUMN bronze_products.source; Type: ACL; Schema: scout; Owner: -
--

GRANT INSERT(source) ON TABLE scout.bronze_products TO service_role;


--
-- Name: COLUMN bronze_products.source_filename; Type: ACL; Schema: scout; Owner: -
--

GRANT INSERT(source_filename) ON TABLE scout.bronze_products TO service_role;


--
-- Name: COLUMN bronze_products.ingestion_batch_id; Type: ACL; Schema: scout; Owner: -
--

GRANT INSERT(ingestion_batch_id) ON TABLE scout.bronze_products TO service_role;


--
-- Name: TABLE bronze_transactions; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT ON TABLE scout.bronze_transactions TO service_role;


--
-- Name: COLUMN bronze_transactions.raw_data; Type: ACL; Schema: scout; Owner: -
--

GRANT INSERT(raw_data) ON TABLE scout.bronze_transactions TO service_role;


--
-- Name: COLUMN bronze_transactions.source; Type: ACL; Schema: scout; Owner: -
--

GRANT INSERT(source) ON TABLE scout.bronze_transactions TO service_role;


--
-- Name: COLUMN bronze_transactions.source_filename; Type: ACL; Schema: scout; Owner: -
--

GRANT INSERT(source_filename) ON TABLE scout.bronze_transactions TO service_role;


--
-- Name: COLUMN bronze_transactions.ingestion_batch_id; Type: ACL; Schema: scout; Owner: -
--

GRANT INSERT(ingestion_batch_id) ON TABLE scout.bronze_transactions TO service_role;


--
-- Name: TABLE gold_category_trends; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.gold_category_trends TO service_role;
GRANT SELECT ON TABLE scout.gold_category_trends TO authenticated;


--
-- Name: TABLE gold_monthly_summary; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.gold_monthly_summary TO service_role;
GRANT SELECT ON TABLE scout.gold_monthly_summary TO authenticated;


--
-- Name: TABLE gold_sales_anomalies; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.gold_sales_anomalies TO service_role;
GRANT SELECT ON TABLE scout.gold_sales_anomalies TO authenticated;


--
-- Name: TABLE gold_store_daily_sales; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.gold_store_daily_sales TO service_role;
GRANT SELECT ON TABLE scout.gold_store_daily_sales TO authenticated;


--
-- Name: TABLE platinum_transaction_embeddings; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.platinum_transaction_embeddings TO service_role;
GRANT SELECT ON TABLE scout.platinum_transaction_embeddings TO authenticated;


--
-- Name: TABLE ref_stores; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.ref_stores TO service_role;


--
-- Name: TABLE silver_products; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.silver_products TO service_role;


--
-- Name: TABLE silver_rejected_products; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.silver_rejected_products TO service_role;


--
-- Name: TABLE silver_rejected_transactions; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.silver_rejected_transactions TO service_role;


--
-- Name: TABLE store_members; Type: ACL; Schema: scout; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout.store_members TO service_role;


--
-- Name: TABLE bronze_products_have_required_keys; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.bronze_products_have_required_keys TO service_role;


--
-- Name: TABLE bronze_transactions_have_required_keys; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.bronze_transactions_have_required_keys TO service_role;


--
-- Name: TABLE every_bronze_transaction_is_accounted_for; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.every_bronze_transaction_is_accounted_for TO service_role;


--
-- Name: TABLE gold_one_row_per_month_and_category; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.gold_one_row_per_month_and_category TO service_role;


--
-- Name: TABLE gold_one_row_per_week_and_category; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.gold_one_row_per_week_and_category TO service_role;


--
-- Name: TABLE gold_store_sales_match_silver; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.gold_store_sales_match_silver TO service_role;


--
-- Name: TABLE gold_totals_match_silver; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.gold_totals_match_silver TO service_role;


--
-- Name: TABLE gold_weeks_are_dense; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.gold_weeks_are_dense TO service_role;


--
-- Name: TABLE platinum_recommendations_have_evidence; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.platinum_recommendations_have_evidence TO service_role;


--
-- Name: TABLE platinum_sentences_cover_silver; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.platinum_sentences_cover_silver TO service_role;


--
-- Name: TABLE ref_categories_are_distinct; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.ref_categories_are_distinct TO service_role;


--
-- Name: TABLE registry_row_counts_match; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.registry_row_counts_match TO service_role;


--
-- Name: TABLE silver_accepts_bronze; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.silver_accepts_bronze TO service_role;


--
-- Name: TABLE silver_lineage_reaches_bronze; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.silver_lineage_reaches_bronze TO service_role;


--
-- Name: TABLE silver_one_row_per_sku; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.silver_one_row_per_sku TO service_role;


--
-- Name: TABLE silver_one_row_per_transaction_id; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.silver_one_row_per_transaction_id TO service_role;


--
-- Name: TABLE silver_rejections_reach_bronze; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.silver_rejections_reach_bronze TO service_role;


--
-- Name: TABLE silver_store_ids_are_known; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.silver_store_ids_are_known TO service_role;


--
-- Name: TABLE silver_transaction_rules_hold; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.silver_transaction_rules_hold TO service_role;


--
-- Name: TABLE silver_validation_rules_hold; Type: ACL; Schema: scout_checks; Owner: -
--

GRANT SELECT ON TABLE scout_checks.silver_validation_rules_hold TO service_role;


--
-- Name: TABLE gold_build_state; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.gold_build_state TO service_role;


--
-- Name: TABLE gold_days_to_reaggregate; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.gold_days_to_reaggregate TO service_role;


--
-- Name: TABLE gold_differences_to_add; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.gold_differences_to_add TO service_role;


--
-- Name: TABLE gold_monthly_category_totals; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.gold_monthly_category_totals TO service_role;


--
-- Name: TABLE gold_monthly_changed_totals; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.gold_monthly_changed_totals TO service_role;


--
-- Name: TABLE gold_store_days_to_rebuild; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.gold_store_days_to_rebuild TO service_role;


--
-- Name: TABLE gold_store_rebuilt_cells; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.gold_store_rebuilt_cells TO service_role;


--
-- Name: TABLE gold_weekly_category_totals; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.gold_weekly_category_totals TO service_role;


--
-- Name: TABLE ingest_manifest; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.ingest_manifest TO service_role;


--
-- Name: TABLE logged_writes; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.logged_writes TO service_role;


--
-- Name: TABLE mart_builds; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.mart_builds TO service_role;


--
-- Name: TABLE mart_days_to_rebuild; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.mart_days_to_rebuild TO service_role;


--
-- Name: TABLE platinum_changed_keys; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.platinum_changed_keys TO service_role;


--
-- Name: SEQUENCE scout_backfill_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_backfill_last_xact TO service_role;


--
-- Name: SEQUENCE scout_internal_purge_run_log_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_internal_purge_run_log_last_xact TO service_role;


--
-- Name: SEQUENCE scout_purge_expired_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_purge_expired_last_xact TO service_role;


--
-- Name: SEQUENCE scout_refresh_gold_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_refresh_gold_last_xact TO service_role;


--
-- Name: SEQUENCE scout_refresh_platinum_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_refresh_platinum_last_xact TO service_role;


--
-- Name: SEQUENCE scout_refresh_silver_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_refresh_silver_last_xact TO service_role;


--
-- Name: SEQUENCE scout_run_dq_checks_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_run_dq_checks_last_xact TO service_role;


--
-- Name: SEQUENCE scout_run_micro_batch_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_run_micro_batch_last_xact TO service_role;


--
-- Name: SEQUENCE scout_run_transformations_last_xact; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,UPDATE ON SEQUENCE scout_internal.scout_run_transformations_last_xact TO service_role;


--
-- Name: TABLE silver_changed_keys; Type: ACL; Schema: scout_internal; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE scout_internal.silver_changed_keys TO service_role;


--
-- Name: TABLE bronze_products; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.bronze_products TO service_role;


--
-- Name: TABLE bronze_transactions; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.bronze_transactions TO service_role;


--
-- Name: TABLE gold_category_trends; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.gold_category_trends TO service_role;


--
-- Name: TABLE gold_monthly_summary; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.gold_monthly_summary TO service_role;


--
-- Name: TABLE gold_store_daily_sales; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.gold_store_daily_sales TO service_role;


--
-- Name: TABLE platinum_product_recommendations; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.platinum_product_recommendations TO service_role;


--
-- Name: TABLE platinum_transaction_embeddings; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.platinum_transaction_embeddings TO service_role;


--
-- Name: TABLE silver_products; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.silver_products TO service_role;


--
-- Name: TABLE silver_validated_transactions; Type: ACL; Schema: test_failures; Owner: -
--

GRANT SELECT,INSERT,DELETE,TRUNCATE,UPDATE ON TABLE test_failures.silver_validated_transactions TO service_role;


--
-- PostgreSQL database dump complete
--
