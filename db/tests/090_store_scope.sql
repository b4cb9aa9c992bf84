-- Store scope (contract v3, "Roles and access"), the way PostgREST connects: a role
-- switch and the JWT's claims set for the transaction. Store-level rows (the store
-- mart, Platinum's sentences, the stores themselves) only for the reader's stores: the
-- JWT's app_metadata.store_ids or scout.store_members for its sub; '*' every store; no
-- store, no rows; user_metadata never counts. Category-level Gold and the
-- recommendations stay readable by every authenticated user; nothing else is (the store
-- list and the memberships included). The mart is hand-computed.
begin;
select plan(29);
\ir support/postgrest.sql

create function pg_temp.as_reader(p_claims jsonb) returns void language plpgsql as $$
begin
    perform set_config('role', 'authenticated', true);
    perform set_config('request.jwt.claims', (p_claims || '{"role": "authenticated"}')::text, true);
    perform set_config('search_path', 'scout, public', true);
end $$;
grant execute on function pg_temp.as_reader(jsonb) to public;
create function pg_temp.rows_seen(p_claims jsonb, p_query text) returns bigint language plpgsql as $$
declare
    v_count bigint;
begin
    perform pg_temp.as_reader(p_claims);
    execute 'select count(*) from (' || p_query || ') q' into v_count;
    perform pg_temp.as_dba();
    return v_count;
end $$;
create function pg_temp.text_seen(p_claims jsonb, p_query text) returns text language plpgsql as $$
declare
    v_text text;
begin
    perform pg_temp.as_reader(p_claims);
    execute 'select string_agg(q::text, '' '' order by q::text) from (' || p_query || ') q' into v_text;
    perform pg_temp.as_dba();
    return v_text;
end $$;

insert into scout.ref_stores (store_id, name, region) values ('ST-A', 'Alpha', 'NCR'), ('ST-B', 'Beta', 'Cebu');
-- yesterday: two sales at ST-A (two customers), one at ST-B, one without a store, one
-- at a store nobody registered; today: one more at ST-A
select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'A1', 'date', current_date - 1, 'amount', 10.00, 'category', 'Dairy',
                       'store_id', 'ST-A', 'customer_id', 'C1', 'sku', 'S1'),
    jsonb_build_object('transaction_id', 'A2', 'date', current_date - 1, 'amount', '5.50', 'category', 'Dairy',
                       'store_id', 'ST-A', 'customer_id', 'C2', 'sku', 'S2'),
    jsonb_build_object('transaction_id', 'B1', 'date', current_date - 1, 'amount', 7.25, 'category', 'Dairy',
                       'store_id', 'ST-B', 'customer_id', 'C1', 'sku', 'S2'),
    jsonb_build_object('transaction_id', 'N1', 'date', current_date - 1, 'amount', 3, 'category', 'Dairy'),
    jsonb_build_object('transaction_id', 'Z1', 'date', current_date - 1, 'amount', 1, 'category', 'Dairy',
                       'store_id', 'ST-Z'),
    jsonb_build_object('transaction_id', 'A3', 'date', scout_internal.business_today(), 'amount', 2, 'category', 'Dairy',
                       'store_id', 'ST-A', 'customer_id', 'C2', 'sku', 'S1')));
select scout.run_transformations();
select scout.refresh_platinum();

select results_eq(
    $$select store_id, total_amount, transaction_count, customer_count, total_quantity, is_complete
        from scout.gold_store_daily_sales order by sales_date, store_id nulls first$$,
    $$values (null::text, 3.00::numeric, 1::bigint, 0::bigint, 1::bigint, true),
             ('ST-A', 15.50, 2, 2, 2, true), ('ST-B', 7.25, 1, 1, 1, true), ('ST-Z', 1.00, 1, 0, 1, true),
             ('ST-A', 2.00, 1, 1, 1, false)$$,
    'the store mart by hand: per store and day, to the cent, customers distinct, the running day not complete');

-- who sees what
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": ["ST-A"]}}', 'select * from scout.gold_store_daily_sales'),
          2::bigint, 'a member of ST-A (JWT app_metadata) reads ST-A''s two days, nothing else');
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": ["ST-A"]}}',
                            'select * from scout.gold_store_daily_sales where store_id = ''ST-B'''),
          0::bigint, 'and asking for ST-B by name gets nothing');
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": ["ST-A", "ST-B"]}}', 'select * from scout.gold_store_daily_sales'),
          3::bigint, 'a member of two stores reads both');
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": ["*"]}}', 'select * from scout.gold_store_daily_sales'),
          5::bigint, '* reads every store, the sale without a store and the unknown store included');
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": "ST-B"}}', 'select * from scout.gold_store_daily_sales'),
          1::bigint, 'one store as a plain string counts too');
select is(pg_temp.rows_seen('{}', 'select * from scout.gold_store_daily_sales'),
          0::bigint, 'no store, no rows');
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": [""]}}', 'select * from scout.gold_store_daily_sales'),
          0::bigint, 'an empty store id is no store: it does not reach the rows without one');
select is(pg_temp.rows_seen('{"user_metadata": {"store_ids": ["*"]}, "app_metadata": {}}',
                            'select * from scout.gold_store_daily_sales'),
          0::bigint, 'a forged user_metadata (users can edit it) grants nothing');
select isnt(pg_temp.rows_seen('{"user_metadata": {"store_ids": ["*"]}, "app_metadata": {}}', 'select * from scout.gold_monthly_summary'),
            0::bigint, 'category-level Gold stays readable by every authenticated user');
select isnt(pg_temp.rows_seen('{}', 'select * from scout.platinum_product_recommendations'),
            0::bigint, 'and so do the recommendations');

-- Platinum's sentences and the stores themselves
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": ["ST-A"]}}', 'select * from scout.platinum_transaction_embeddings'),
          3::bigint, 'Platinum: a member of ST-A reads ST-A''s three sentences');
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": ["ST-A"]}}',
                            'select * from scout.platinum_transaction_embeddings where metadata ->> ''store_id'' <> ''ST-A'''),
          0::bigint, 'and none of another store''s, whatever the filter');
select is(pg_temp.rows_seen('{"app_metadata": {"store_ids": ["*"]}}', 'select * from scout.platinum_transaction_embeddings'),
          6::bigint, '* reads every sentence');
select is(pg_temp.rows_seen('{}', 'select * from scout.platinum_transaction_embeddings'), 0::bigint,
          'no store, no sentences');
select throws_ok($$select pg_temp.as_reader('{"app_metadata": {"store_ids": ["*"]}}'); select * from scout.ref_stores$$,
    '42501', null, 'the store list is no mart: authenticated does not read it, whatever its stores (contract: Gold and Platinum, nothing else)');
select pg_temp.as_dba();

-- membership by table, for the JWT's sub, and taken away mid-session
insert into scout.store_members (user_id, store_id) values
    ('00000000-0000-0000-0000-0000000000b1', 'ST-B'), ('00000000-0000-0000-0000-0000000000c1', 'ST-A');
select is(pg_temp.rows_seen('{"sub": "00000000-0000-0000-0000-0000000000b1"}', 'select * from scout.gold_store_daily_sales'),
          1::bigint, 'a member of ST-B by scout.store_members reads ST-B');
select is(pg_temp.rows_seen('{"sub": "00000000-0000-0000-0000-0000000000b1", "app_metadata": {"store_ids": ["ST-A"]}}',
                            'select * from scout.gold_store_daily_sales'),
          3::bigint, 'the JWT''s stores and the table''s add up');
select throws_ok($$select pg_temp.as_reader('{"sub": "00000000-0000-0000-0000-0000000000b1"}'); select * from scout.store_members$$,
    '42501', null, 'nor the memberships, its own included: the policies look them up on its behalf');
select pg_temp.as_dba();
select is(pg_temp.rows_seen('{"sub": "00000000-0000-0000-0000-0000000000b1"}', 'select * from scout.gold_store_daily_sales'),
          1::bigint, 'within one session: ST-B''s row');
delete from scout.store_members where user_id = '00000000-0000-0000-0000-0000000000b1';
select is(pg_temp.rows_seen('{"sub": "00000000-0000-0000-0000-0000000000b1"}', 'select * from scout.gold_store_daily_sales'),
          0::bigint, 'the membership removed, the same session''s next statement sees nothing');
select throws_ok($$select pg_temp.as_reader('{"app_metadata": {"store_ids": ["*"]}}'); insert into scout.store_members values ('00000000-0000-0000-0000-0000000000d1', '*')$$,
    '42501', null, 'nobody grants themselves a store: authenticated cannot write memberships');
select pg_temp.as_dba();
select throws_ok($$select pg_temp.as_role('anon'); select * from scout.gold_store_daily_sales$$,
    '42501', null, 'anon reads no store mart');
select pg_temp.as_dba();

-- a correction that only moves a sale to another store: no total of the category
-- moves, but the store mart must
select scout.ingest_transactions(jsonb_build_object('transaction_id', 'A2', 'date', current_date - 1, 'amount', '5.50',
                                                    'category', 'Dairy', 'store_id', 'ST-B', 'customer_id', 'C2', 'sku', 'S2'));
select scout.run_transformations();
select results_eq($$select store_id, total_amount, transaction_count from scout.gold_store_daily_sales
                     where sales_date = current_date - 1 and store_id in ('ST-A', 'ST-B') order by store_id$$,
    $$values ('ST-A'::text, 10.00::numeric, 1::bigint), ('ST-B', 12.75, 2)$$,
    'a sale moved from ST-A to ST-B moves in the store mart');

-- a whole day queued (as a backfill queues it) beside one of its stores' cells: each
-- sale counted once
insert into scout_internal.gold_store_days_to_rebuild (store_id, category, day, all_stores)
values (null, 'Dairy', current_date - 1, true), ('ST-B', 'Dairy', current_date - 1, false), (null, 'Dairy', current_date - 1, false);
select scout.refresh_gold();
select results_eq($$select store_id, total_amount, transaction_count from scout.gold_store_daily_sales
                     where sales_date = current_date - 1 order by store_id nulls first$$,
    $$values (null::text, 3.00::numeric, 1::bigint), ('ST-A', 10.00, 1), ('ST-B', 12.75, 2), ('ST-Z', 1.00, 1)$$,
    'a whole day and one of its stores queued together: rebuilt once, every sale counted once');

-- the unknown store is reported, not rejected
select scout.run_dq_checks();
select results_eq($$select level, passed, failed from ip_workbench.dq_results
                     where check_name = 'silver_store_ids_are_known' order by run_id desc limit 1$$,
    $$values ('warning'::text, 4::bigint, 1::bigint)$$, 'the sale at an unregistered store is kept and reported (4 sales at known stores, 1 not)');
select results_eq($$select failed from ip_workbench.dq_results
                     where check_name = 'gold_store_sales_match_silver' order by run_id desc limit 1$$,
    $$values (0::bigint)$$, 'the store mart agrees with Silver');

-- the policies' shape: to authenticated, the reader's stores looked up once per statement
select is_empty($$select tablename from pg_policies
                   where schemaname = 'scout' and tablename in ('gold_store_daily_sales', 'platinum_transaction_embeddings')
                     and 'authenticated' = any(roles)
                     and (roles <> array['authenticated']::name[] or qual <> '(COALESCE(store_id, ''''::text) = ANY (( SELECT scout_private.reader_store_ids() AS reader_store_ids)::text[]))')$$,
    'every store-scoped policy is to authenticated and wraps the lookup in a (select …)');
select ok((select p.prosecdef and p.proconfig[1] collate "C" = 'search_path=""' and array_length(p.proconfig, 1) = 1
              from pg_proc p where p.oid = 'scout_private.reader_store_ids()'::regprocedure),
          'the lookup is a security definer with an empty search_path');
select * from finish();
rollback;
