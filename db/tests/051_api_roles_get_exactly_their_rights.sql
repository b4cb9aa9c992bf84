-- Exactly which functions and tables each API role may use, as an explicit
-- whitelist: a function or table added to any pipeline schema, or a grant added
-- to one, fails this file until the list below says it is meant. Then the same
-- rights as behaviour, the way PostgREST runs a request (support/postgrest.sql).
begin;
select plan((
    select 4 * count(*)::int from pg_catalog.pg_tables
     where schemaname in ('scout', 'scout_internal', 'scout_dev', 'ip_workbench', 'test_failures')
) + 24);
\ir support/postgrest.sql
\ir support/jobs.sql

create temp table api_roles (role_name text primary key);
insert into api_roles values ('anon'), ('authenticated'), ('service_role');
create temp table pipeline_schemas (schema_name text primary key);
insert into pipeline_schemas values ('scout'), ('scout_internal'), ('scout_private'), ('scout_dev'), ('scout_checks'), ('ip_workbench'), ('test_failures');

-- functions: the only ones an API role may execute
select set_eq($$
    select r.role_name, p.oid::regprocedure::text
      from pg_catalog.pg_proc p
      join pg_catalog.pg_namespace n on n.oid = p.pronamespace
      join pipeline_schemas s on s.schema_name = n.nspname
     cross join api_roles r
     where has_function_privilege(r.role_name, p.oid, 'execute')
$$, $$values
    -- the public API (PostgREST /rpc/<name>)
    ('service_role', 'scout.ingest_transactions(jsonb,text,text)'),
    ('service_role', 'scout.ingest_products(jsonb,text,text)'),
    ('service_role', 'scout.refresh_silver(boolean)'),
    ('service_role', 'scout.refresh_gold(boolean)'),
    ('service_role', 'scout.refresh_platinum(boolean)'),
    ('service_role', 'scout.run_transformations(boolean,boolean)'),
    ('service_role', 'scout.run_dq_checks(boolean)'),
    ('service_role', 'scout.purge_expired(boolean)'),
    ('service_role', 'scout.backfill(date,date,boolean)'),
    ('service_role', 'scout.run_micro_batch(boolean)'),
    -- what the store-scoped policies call for their readers (scout_private, not exposed)
    ('authenticated', 'scout_private.reader_store_ids()'),
    ('service_role', 'scout_private.reader_store_ids()'),
    -- what those call under the caller's rights (never exposed)
    ('service_role', 'scout_internal.setting(text)'),
    ('service_role', 'scout_internal.holds_job_lock(text)'),
    ('service_role', 'scout_internal.advisory_lock_space(text)'),
    ('service_role', 'scout_internal.require_job_lock(text,text)'),
    ('service_role', 'scout_internal.business_today()'),
    ('service_role', 'scout_internal.platinum_build_embeddings(date)'),
    ('service_role', 'scout_internal.platinum_build_recommendations(date,integer,integer)'),
    ('service_role', 'scout_internal.sales_anomaly(numeric,numeric[])'),
    ('service_role', 'scout_internal.gold_find_sales_anomalies()'),
    ('service_role', 'scout_internal.dq_run_checks()'),
    ('service_role', 'scout_internal.dq_store_scores(bigint)'),
    ('service_role', 'scout_internal.dq_replace_test_failures(bigint)'),
    ('service_role', 'scout_internal.dq_settle_alerts(bigint,numeric)'),
    ('service_role', 'scout_internal.silver_parse_transaction_delta(pg_snapshot,xid8,pg_snapshot,xid8,bigint,date,date)'),
    ('service_role', 'scout_internal.silver_store_rejected_transactions()'),
    ('service_role', 'scout_internal.silver_first_load_transactions(bigint)'),
    ('service_role', 'scout_internal.silver_settle_transaction_delta()'),
    ('service_role', 'scout_internal.silver_apply_transaction_changes(boolean)'),
    ('service_role', 'scout_internal.backfill_judge(date,date)'),
    ('service_role', 'scout_internal.backfill_settle()'),
    ('service_role', 'scout_internal.gold_claim_changes()'),
    ('service_role', 'scout_internal.gold_apply_monthly_totals()'),
    ('service_role', 'scout_internal.gold_apply_weekly_totals()'),
    ('service_role', 'scout_internal.gold_build_monthly_summary()'),
    ('service_role', 'scout_internal.gold_build_category_trends()'),
    ('service_role', 'scout_internal.take_job_lock(text,boolean)'),
    ('service_role', 'scout_internal.job_start(text,boolean)'),
    ('service_role', 'scout_internal.job_finish(jsonb,jsonb)'),
    ('service_role', 'scout_internal.job_fail(jsonb,text,text,text)'),
    ('service_role', 'scout_internal.job_open_run(text)'),
    ('service_role', 'scout_internal.run_step(bigint,integer,text,text)'),
    ('service_role', 'scout_internal.bronze_freshness()'),
    ('service_role', 'scout_internal.check_silver_delta()'),
    ('service_role', 'scout_internal.check_gold_changes()'),
    ('service_role', 'scout_internal.record_run_metadata()'),
    ('service_role', 'scout_internal.silver_frozen_before()'),
    ('service_role', 'scout_internal.gold_kept_from()'),
    ('service_role', 'scout_internal.pass_rate(jsonb,text)'),
    ('service_role', 'scout_internal.timeliness_score(interval,interval)'),
    ('service_role', 'scout_internal.table_lag(text,text)'),
    ('service_role', 'scout_internal.oldest_unjudged_bronze(text)'),
    ('service_role', 'scout_internal.dq_recent_since()'),
    ('service_role', 'scout_internal.platinum_last_build()'),
    ('service_role', 'scout_internal.dq_check_inputs(regclass,jsonb,pg_snapshot,date)'),
    ('service_role', 'scout_internal.dq_inputs_unchanged(jsonb,jsonb)'),
    -- a check judged from what changed (the check run calls them)
    ('service_role', 'scout_internal.dq_statement_context()'),
    ('service_role', 'scout_internal.dq_written_since(xid8,jsonb)'),
    ('service_role', 'scout_internal.dq_writes_logged(jsonb,regclass)'),
    ('service_role', 'scout_internal.dq_delta_allowed(jsonb,jsonb,regclass[],regclass[])'),
    ('service_role', 'scout_internal.dq_changed_silver_keys(jsonb)'),
    ('service_role', 'scout_internal.dq_recent_silver_transactions(timestamp with time zone)'),
    ('service_role', 'scout_internal.dq_new_bronze_transactions(jsonb)'),
    ('service_role', 'scout_internal.dq_judge_by_delta(name,jsonb,jsonb,bigint)'),
    ('service_role', 'scout_internal.dq_prune_change_logs(pg_snapshot)'),
    ('service_role', 'scout_internal.dq_delta_bronze_transactions_have_required_keys(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_silver_accepts_bronze(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_every_bronze_transaction_is_accounted_for(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_silver_transaction_rules_hold(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_silver_store_ids_are_known(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_silver_one_row_per_transaction_id(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_silver_lineage_reaches_bronze(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_gold_store_sales_match_silver(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_gold_totals_match_silver(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_platinum_sentences_cover_silver(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_delta_silver_rejections_reach_bronze(jsonb,jsonb)'),
    ('service_role', 'scout_internal.dq_bronze_transactions_arrived(timestamp with time zone,timestamp with time zone)'),
    ('service_role', 'scout_internal.dq_failing_keys(text,text,text)'),
    ('service_role', 'scout_internal.gold_apply_store_daily_sales()'),
    -- the extension surface: rules as data, marts refreshed after Gold (define_mart and
    -- drop_mart are the owner's: a mart's query is code the job runs)
    ('service_role', 'scout_internal.breaks_rule(scout.ref_validation_rules,numeric,integer,numeric,text,text,text,text,text,text,text,text,text)'),
    ('service_role', 'scout_internal.silver_apply_validation_rules(text)'),
    ('service_role', 'scout_internal.refresh_marts()'),
    -- semantic search: the RPC and its check for every reader, the embedder's side for service_role
    ('authenticated', 'scout.match_transactions(real[],integer,jsonb)'),
    ('service_role', 'scout.match_transactions(real[],integer,jsonb)'),
    ('authenticated', 'scout_private.check_query_embedding(real[],integer)'),
    ('service_role', 'scout_private.check_query_embedding(real[],integer)'),
    ('authenticated', 'scout_private.embedding_model()'),
    ('service_role', 'scout_private.embedding_model()'),
    ('service_role', 'scout_internal.texts_to_embed(text,integer)'),
    ('service_role', 'scout_internal.embedding_backlog(text)'),
    ('service_role', 'scout_internal.bronze_months()'),
    ('service_role', 'scout_internal.save_embeddings(text,jsonb)'),
    ('service_role', 'scout_internal.drop_indexes_for_load(regclass)'),
    ('service_role', 'scout_internal.count_write(regclass)'),
    ('service_role', 'scout_internal.count_removal(regclass)'),
    ('service_role', 'scout_internal.raise_alert(text,text,jsonb)'),
    ('service_role', 'scout_internal.job_alert(text,bigint,text,jsonb)'),
    ('service_role', 'scout_internal.event_alert_message(ip_workbench.dq_alerts,text,text)'),
    ('service_role', 'scout_internal.dq_alert_message(bigint,text,text)'),
    ('service_role', 'scout_internal.markdown_code(text)'),
    ('service_role', 'scout_internal.plain_line(text)'),
    ('service_role', 'scout_internal.dq_raise_alert(text,text,text,numeric,numeric,jsonb,jsonb,bigint)'),
    ('service_role', 'scout_internal.validation_cycle()'),
    ('service_role', 'scout_internal.dq_escalations()'),
    ('service_role', 'scout_internal.has_unprocessed_bronze()'),
    ('service_role', 'scout_internal.touch_table(text,text,bigint,bigint,timestamp with time zone)'),
    ('service_role', 'scout_internal.is_unprocessed(xid8,bigint,pg_snapshot,xid8,pg_snapshot,xid8,bigint)'),
    ('service_role', 'scout_internal.advance_watermark(text,pg_snapshot,xid8,bigint)'),
    ('service_role', 'scout_internal.uuid_v7()'),
    ('service_role', 'scout_internal.ingest_into_bronze(text,jsonb,text,text)'),
    ('service_role', 'scout_internal.iso_date(text)'),
    ('service_role', 'scout_internal.iso_timestamptz(text)'),
    ('service_role', 'scout_internal.parse_decimal(text)'),
    ('service_role', 'scout_internal.parse_int(text)'),
    ('service_role', 'scout_internal.parse_money(text)'),
    ('service_role', 'scout_internal.clean_text(text)'),
    ('service_role', 'scout_internal.fold_case(text)'),
    ('service_role', 'scout_internal.payload_key(jsonb,text)'),
    ('service_role', 'scout_internal.parse_transaction_payload(jsonb,date,timestamp with time zone,date)'),
    ('service_role', 'scout_internal.parse_product_payload(jsonb,timestamp with time zone)'),
    ('service_role', 'scout_internal.silver_candidates(regclass,pg_snapshot,xid8,pg_snapshot,xid8,bigint)'),
    ('service_role', 'scout_internal.silver_probe_range(text,bigint,bigint)'),
    ('service_role', 'scout_internal.silver_isolate_unparseable(text,text)'),
    ('service_role', 'scout_internal.silver_merge_transactions()'),
    ('service_role', 'scout_internal.silver_merge_products()')
$$, 'the API roles may execute exactly the whitelisted functions: anon none, authenticated the store lookup its policies call, service_role the public API and what it calls');

select set_eq($$
    select p.oid::regprocedure::text
      from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'scout'
$$, $$values ('scout.ingest_transactions(jsonb,text,text)'), ('scout.ingest_products(jsonb,text,text)'),
             ('scout.refresh_silver(boolean)'), ('scout.refresh_gold(boolean)'), ('scout.refresh_platinum(boolean)'),
             ('scout.run_transformations(boolean,boolean)'), ('scout.run_dq_checks(boolean)'),
             ('scout.purge_expired(boolean)'), ('scout.backfill(date,date,boolean)'), ('scout.run_micro_batch(boolean)'),
             -- semantic search (CONTRACT v3)
             ('scout.match_transactions(real[],integer,jsonb)')$$,
    'scout, the schema PostgREST exposes, holds the public functions and nothing else');

-- tables and views: exactly these privileges per role
select set_eq($$
    select x.role_name, x.relation, x.privileges
      from (select r.role_name, pg_catalog.format('%I.%I', n.nspname, c.relname) as relation,
                   pg_catalog.array_to_string(array(
                       select u.p from unnest(array['select', 'insert', 'update', 'delete', 'truncate'])
                                       with ordinality as u(p, i)
                        where has_table_privilege(r.role_name, c.oid, u.p) order by u.i)
                       -- an insert granted on some columns only, as insert(col,…)
                       || array(select 'insert(' || pg_catalog.string_agg(a.attname, ',' order by a.attnum) || ')'
                                  from pg_catalog.pg_attribute a
                                 where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                                   and not has_table_privilege(r.role_name, c.oid, 'insert')
                                   and has_column_privilege(r.role_name, c.oid, a.attnum, 'insert')
                                having pg_catalog.count(*) > 0), ',') as privileges
              from pg_catalog.pg_class c
              join pg_catalog.pg_namespace n on n.oid = c.relnamespace
              join pipeline_schemas s on s.schema_name = n.nspname
             cross join api_roles r
             where c.relkind in ('r', 'p', 'v', 'm') and n.nspname <> 'scout_checks') x
     where x.privileges <> ''
$$, $$
    select 'authenticated' as role_name, t as relation, 'select' as privileges
      from unnest(array['scout.gold_monthly_summary', 'scout.gold_category_trends', 'scout.gold_sales_anomalies',
                        'scout.platinum_transaction_embeddings', 'scout.platinum_product_recommendations',
                        -- the rows of their own stores (db/tests/090)
                        'scout.gold_store_daily_sales']) t
    union all
    select 'service_role', t, 'select,insert,update,delete,truncate'
      from unnest(array[
          'scout_internal.ingest_manifest', 'scout.bronze_ingest_errors',
          'scout.ref_categories', 'scout.ref_stores', 'scout.store_members',
          'scout.gold_store_daily_sales', 'scout_internal.gold_store_days_to_rebuild',
          'test_failures.gold_store_daily_sales',
          -- the change logs the pipeline writes and the check run prunes
          'scout_internal.logged_writes', 'scout_internal.silver_changed_keys', 'scout_internal.gold_store_rebuilt_cells',
          'scout_internal.gold_monthly_changed_totals', 'scout_internal.platinum_changed_keys',
          'scout.ref_validation_rules', 'scout_internal.mart_builds', 'scout_internal.mart_days_to_rebuild',
          'scout.silver_validated_transactions', 'scout.silver_rejected_transactions',
          'scout.silver_products', 'scout.silver_rejected_products',
          'scout_internal.gold_days_to_reaggregate', 'scout_internal.gold_differences_to_add',
          'scout_internal.gold_monthly_category_totals', 'scout_internal.gold_weekly_category_totals',
          'scout.gold_monthly_summary', 'scout.gold_category_trends', 'scout.gold_sales_anomalies',
          'scout_internal.gold_build_state',
          'scout.platinum_transaction_embeddings', 'scout.platinum_product_recommendations',
          'ip_workbench.tables', 'ip_workbench.job_runs', 'ip_workbench.watermarks', 'ip_workbench.settings',
          'ip_workbench.job_run_steps', 'ip_workbench.layer_versions',
          'ip_workbench.platinum_builds',
          'ip_workbench.dq_thresholds', 'ip_workbench.dq_results', 'ip_workbench.dq_scores', 'ip_workbench.dq_alerts',
          'ip_workbench.dq_alert_deliveries',
          'test_failures.bronze_transactions', 'test_failures.bronze_products',
          'test_failures.silver_validated_transactions', 'test_failures.silver_products',
          'test_failures.gold_monthly_summary', 'test_failures.gold_category_trends',
          'test_failures.platinum_transaction_embeddings', 'test_failures.platinum_product_recommendations']) t
    union all
    -- Bronze is append-only: the API adds rows naming the payload columns only
    select 'service_role', t, 'select,insert(raw_data,source,source_filename,ingestion_batch_id)'
      from unnest(array['scout.bronze_transactions', 'scout.bronze_products']) t
    union all
    -- jobs and marts are code (pg_cron runs them as the owner): service_role reads them, never writes them
    select 'service_role', t, 'select'
      from unnest(array['ip_workbench.layer_status', 'ip_workbench.security_lint', 'ip_workbench.jobs',
                        'ip_workbench.marts',
                        'ip_workbench.lint_pipeline_relations',
                        'ip_workbench.lint_pipeline_functions',
                        'ip_workbench.lint_rls_disabled',
                        'ip_workbench.lint_rls_not_forced',
                        'ip_workbench.lint_privilege_for_public_or_anon',
                        'ip_workbench.lint_materialized_view_in_exposed_schema',
                        'ip_workbench.lint_view_not_security_invoker',
                        'ip_workbench.lint_execute_for_public_or_anon',
                        'ip_workbench.lint_security_definer_without_search_path',
                        'ip_workbench.lint_function_search_path_mutable',
                        'ip_workbench.lint_missing_comment']) t
$$, 'the API roles have exactly the whitelisted table privileges: anon none, authenticated reads the marts and the anomalies that page');

-- the data-quality checks: adding one is adding a file, so the rule, not a list:
-- service_role reads every check view, and no API role has anything else there
select is_empty($$
    select r.role_name, c.relname, p.p
      from pg_catalog.pg_class c
     cross join api_roles r
     cross join unnest(array['select', 'insert', 'update', 'delete', 'truncate']) p(p)
     where c.relnamespace = 'scout_checks'::regnamespace
       and has_table_privilege(r.role_name, c.oid, p.p) <> (r.role_name = 'service_role' and p.p = 'select'
                                                              and c.relkind = 'v')
$$, 'scout_checks: service_role reads each check view, no API role has any other right there');

select set_eq($$
    select r.role_name, s.schema_name from api_roles r cross join pipeline_schemas s
     where has_schema_privilege(r.role_name, s.schema_name, 'usage')
$$, $$values ('authenticated', 'scout'), ('service_role', 'scout'), ('service_role', 'scout_internal'),
             ('authenticated', 'scout_private'), ('service_role', 'scout_private'),
             ('service_role', 'scout_checks'), ('service_role', 'ip_workbench'), ('service_role', 'test_failures')$$,
    'schema usage: anon none, authenticated scout and the policies'' scout_private, service_role all but the owner''s scout_dev');

-- the same rights as behaviour, table by table
select throws_ok(pg_catalog.format('select pg_temp.as_role(''anon''); select * from %I.%I limit 1', schemaname, tablename),
                 '42501', null, pg_catalog.format('anon cannot read %I.%I', schemaname, tablename))
  from pg_catalog.pg_tables where schemaname in (select schema_name from pipeline_schemas);
select pg_temp.as_dba();
select case when schemaname = 'scout' and tablename in ('gold_monthly_summary', 'gold_category_trends', 'gold_sales_anomalies',
                                                         'platinum_transaction_embeddings', 'platinum_product_recommendations',
                                                         'gold_store_daily_sales')
            then lives_ok(pg_catalog.format('select pg_temp.as_role(''authenticated''); select * from %I.%I limit 1', schemaname, tablename),
                          pg_catalog.format('authenticated reads %I.%I', schemaname, tablename))
            else throws_ok(pg_catalog.format('select pg_temp.as_role(''authenticated''); select * from %I.%I limit 1', schemaname, tablename),
                           '42501', null, pg_catalog.format('authenticated cannot read %I.%I', schemaname, tablename))
       end
  from pg_catalog.pg_tables where schemaname in (select schema_name from pipeline_schemas);
select pg_temp.as_dba();
select throws_ok(pg_catalog.format('select pg_temp.as_role(''authenticated''); insert into %I.%I default values', schemaname, tablename),
                 '42501', null, pg_catalog.format('authenticated cannot write %I.%I', schemaname, tablename))
  from pg_catalog.pg_tables where schemaname in (select schema_name from pipeline_schemas);
select pg_temp.as_dba();
select lives_ok(pg_catalog.format('select pg_temp.as_role(''service_role''); select * from %I.%I limit 1', schemaname, tablename),
                pg_catalog.format('service_role reads %I.%I', schemaname, tablename))
  from pg_catalog.pg_tables where schemaname in (select schema_name from pipeline_schemas);
select pg_temp.as_dba();

-- real calls, as PostgREST would make them
select throws_ok($$select pg_temp.as_role('anon'); select scout.ingest_transactions('{"transaction_id": "x"}')$$,
                 '42501', null, 'anon cannot call /rpc/ingest_transactions');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('authenticated'); select scout.ingest_transactions('{"transaction_id": "x"}')$$,
                 '42501', null, 'authenticated cannot call /rpc/ingest_transactions');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('authenticated'); select scout.refresh_silver()$$,
                 '42501', null, 'authenticated cannot run the pipeline');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.silver_merge_transactions()$$,
                 '55000', 'scout_internal.silver_merge_transactions runs only inside scout.refresh_silver, which holds its lock',
                 'service_role cannot bypass refresh_silver''s lock by calling its merge step');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.gold_claim_changes()$$,
                 '55000', 'scout_internal.gold_claim_changes runs only inside scout.refresh_gold, which holds its lock',
                 'service_role cannot run Gold''s step gold_claim_changes outside refresh_gold');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.gold_apply_monthly_totals()$$,
                 '55000', 'scout_internal.gold_apply_monthly_totals runs only inside scout.refresh_gold, which holds its lock',
                 'service_role cannot run Gold''s step gold_apply_monthly_totals outside refresh_gold');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.gold_apply_weekly_totals()$$,
                 '55000', 'scout_internal.gold_apply_weekly_totals runs only inside scout.refresh_gold, which holds its lock',
                 'service_role cannot run Gold''s step gold_apply_weekly_totals outside refresh_gold');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.gold_build_monthly_summary()$$,
                 '55000', 'scout_internal.gold_build_monthly_summary runs only inside scout.refresh_gold, which holds its lock',
                 'service_role cannot run Gold''s step gold_build_monthly_summary outside refresh_gold');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.gold_build_category_trends()$$,
                 '55000', 'scout_internal.gold_build_category_trends runs only inside scout.refresh_gold, which holds its lock',
                 'service_role cannot run Gold''s step gold_build_category_trends outside refresh_gold');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.silver_apply_transaction_changes(false)$$,
                 '55000', 'scout_internal.silver_apply_transaction_changes runs only inside scout.refresh_silver, which holds its lock',
                 'service_role cannot write Silver through its apply step outside refresh_silver');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.backfill_judge('2025-01-01', '2025-01-31')$$,
                 '55000', 'scout_internal.backfill_judge runs only inside scout.backfill, which holds its lock',
                 'service_role cannot run backfill''s judging step outside backfill');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_internal.dq_settle_alerts(1, 80)$$,
                 '55000', 'scout_internal.dq_settle_alerts runs only inside scout.run_dq_checks, which holds its lock',
                 'service_role cannot raise or close alerts outside run_dq_checks');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('service_role'); select scout_dev.seed_bronze(10)$$,
                 '42501', null, 'service_role cannot run the data generators');
select pg_temp.as_dba();
select pg_temp.as_role('service_role');
select lives_ok($$select ingest_transactions('{"transaction_id": "S1", "date": "2025-01-01", "amount": 5, "category": "Dairy"}')$$,
                'service_role calls ingest_transactions (unqualified, as through PostgREST)');
select pg_temp.job_succeeds($$select refresh_silver()$$, 'service_role runs refresh_silver');
select is((select count(*)::int from silver_validated_transactions where transaction_id = 'S1'), 1,
          'and reads the result through RLS');
select pg_temp.as_dba();

-- the owner keeps full access even when RLS is forced
select is((select count(*)::int from scout.silver_validated_transactions where transaction_id = 'S1'), 1,
          'the DBA reads the same row');
select ok((select relforcerowsecurity from pg_class where oid = 'scout.silver_validated_transactions'::regclass),
          'with RLS forced on the table');
select ok(not has_table_privilege('service_role', 'scout_meta.migration_checksums', 'select'),
          'service_role cannot touch the migration bookkeeping');

select * from finish();
rollback;
