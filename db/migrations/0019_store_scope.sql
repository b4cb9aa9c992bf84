-- squawk-ignore-file adding-field-with-default
-- (refreshed_at's default is now(), a non-volatile default on a new table; the only
-- column added to an existing table, Platinum's store_id, has none)
-- Store scope (CONTRACT v3, "Roles and access"): each store's people read their store's
-- rows, and a store-level mart to read them in.
-- * the store dimension (scout.ref_stores) and who belongs to which store
--   (scout.store_members; '*' is every store);
-- * scout.gold_store_daily_sales, sales per store, day and category, kept up to date by
--   refresh_gold from a queue of the (category, day) pairs Silver changed;
-- * Platinum's sentences carry their store in a column, so a policy and an index can
--   use it;
-- * auth.uid() and auth.jwt() as Supabase defines them, where the server has none
--   (plain PostgreSQL); Supabase's own are left alone.
-- The policies themselves read scout_private.reader_store_ids() (db/functions), the
-- one place that decides which stores a reader may see.

do $auth$
begin
    if pg_catalog.to_regnamespace('auth') is null then
        create schema auth;
        comment on schema auth is
            'Stand-ins for Supabase''s auth.uid() and auth.jwt() on a server without Supabase Auth: they read the request.jwt.claims setting PostgREST sets, exactly as Supabase''s do.';
        grant usage on schema auth to anon, authenticated, service_role;
    end if;
    if pg_catalog.to_regprocedure('auth.uid()') is null then
        create function auth.uid() returns uuid language sql stable set search_path = '' as $fn$
            select nullif(coalesce(
                       pg_catalog.current_setting('request.jwt.claim.sub', true),
                       pg_catalog.current_setting('request.jwt.claims', true)::jsonb ->> 'sub'), '')::uuid
        $fn$;
        comment on function auth.uid() is
            'The JWT''s sub (the user''s id), as Supabase''s auth.uid() reads it from request.jwt.claim.sub or request.jwt.claims; NULL without a JWT.';
        grant execute on function auth.uid() to anon, authenticated, service_role;
    end if;
    if pg_catalog.to_regprocedure('auth.jwt()') is null then
        create function auth.jwt() returns jsonb language sql stable set search_path = '' as $fn$
            select coalesce(nullif(pg_catalog.current_setting('request.jwt.claim', true), ''),
                                       nullif(pg_catalog.current_setting('request.jwt.claims', true), ''))::jsonb
        $fn$;
        comment on function auth.jwt() is
            'The request''s JWT claims, as Supabase''s auth.jwt() reads them from request.jwt.claims; NULL without a JWT.';
        grant execute on function auth.jwt() to anon, authenticated, service_role;
    end if;
end
$auth$;

create table scout.ref_stores (
    store_id text not null,
    name text not null,
    region text,
    city text,
    opened_on date,
    is_active boolean not null default true,
    updated_at timestamptz not null default pg_catalog.now(),
    constraint ref_stores_pkey primary key (store_id),
    constraint ref_stores_store_id_check check (store_id = pg_catalog.btrim(store_id) and store_id <> '' and store_id <> '*')
);
select ip_workbench.secure_table('scout.ref_stores');
grant select on scout.ref_stores to authenticated;
comment on table scout.ref_stores is 'The stores of the chain, maintained by DBAs like ref_categories (the demo''s seed adds its 50). A sale whose store_id is not here is kept and reported by the check silver_store_ids_are_known. Authenticated users read the stores they belong to.';
comment on column scout.ref_stores.store_id is 'The store''s id, as transactions carry it in store_id (never ''*'', which means every store).';
comment on column scout.ref_stores.name is 'The store''s name, as people call it.';
comment on column scout.ref_stores.region is 'Its region.';
comment on column scout.ref_stores.city is 'Its city.';
comment on column scout.ref_stores.opened_on is 'When it opened.';
comment on column scout.ref_stores.is_active is 'False for a store that has closed; its history stays.';
comment on column scout.ref_stores.updated_at is 'When the row last changed.';

create table scout.store_members (
    user_id uuid not null,
    store_id text not null,
    granted_at timestamptz not null default pg_catalog.now(),
    constraint store_members_pkey primary key (user_id, store_id),
    constraint store_members_store_id_check check (store_id = pg_catalog.btrim(store_id) and store_id <> '')
);
select ip_workbench.secure_table('scout.store_members');
grant select on scout.store_members to authenticated;
comment on table scout.store_members is 'Which stores each user may read, besides those in their JWT''s app_metadata.store_ids: one row per user and store, ''*'' for every store. DBAs (or service_role) maintain it; a removed row takes effect at the user''s next statement. Authenticated users read their own rows.';
comment on column scout.store_members.user_id is 'The user: their JWT''s sub (auth.uid()).';
comment on column scout.store_members.store_id is 'A store of scout.ref_stores, or ''*'' for every store.';
comment on column scout.store_members.granted_at is 'When the membership was added.';

alter table scout.platinum_transaction_embeddings add column store_id text;
update scout.platinum_transaction_embeddings set store_id = metadata ->> 'store_id' where metadata ? 'store_id';
-- a store's sentences, newest first (what a store's app lists)
create index platinum_transaction_embeddings_store_id_idx
    on scout.platinum_transaction_embeddings (store_id, transaction_date);
create index platinum_transaction_embeddings_reader_idx
    on scout.platinum_transaction_embeddings ((coalesce(store_id, '')), transaction_date);
comment on column scout.platinum_transaction_embeddings.store_id is 'The sale''s store (metadata.store_id): who may read the row depends on it. NULL for a sale without a store, which only readers of every store see.';
drop policy "authenticated users read all rows" on scout.platinum_transaction_embeddings;

create table scout.gold_store_daily_sales (
    store_id text,
    sales_date date not null,
    category text not null,
    total_amount numeric not null,
    transaction_count bigint not null,
    customer_count bigint not null,
    total_quantity bigint not null,
    is_complete boolean not null,
    refreshed_at timestamptz not null default pg_catalog.now(),
    id bigint generated always as identity,
    constraint gold_store_daily_sales_pkey primary key (id)
);
create unique index gold_store_daily_sales_key_idx
    on scout.gold_store_daily_sales (store_id, sales_date, category) nulls not distinct;
-- what the policy reads, for a reader who names no store (and refresh_gold's way to the
-- rows without a store)
create index gold_store_daily_sales_reader_idx on scout.gold_store_daily_sales ((coalesce(store_id, '')), sales_date);
create index gold_store_daily_sales_running_idx on scout.gold_store_daily_sales (sales_date) where not is_complete;
select ip_workbench.secure_table('scout.gold_store_daily_sales');
grant select on scout.gold_store_daily_sales to authenticated;
comment on table scout.gold_store_daily_sales is 'Sales per store, day and category, from Silver: what a store''s dashboard reads. Each authenticated user reads the rows of their stores only (JWT app_metadata.store_ids or scout.store_members; ''*'' every store). Kept up to date by refresh_gold, which recomputes each (category, day) Silver changed.';
comment on column scout.gold_store_daily_sales.store_id is 'The store (scout.ref_stores when known); NULL for sales without a store, which only readers of every store see.';
comment on column scout.gold_store_daily_sales.sales_date is 'The day (transaction_date).';
comment on column scout.gold_store_daily_sales.category is 'The category.';
comment on column scout.gold_store_daily_sales.total_amount is 'Sum of the day''s amounts, to the cent.';
comment on column scout.gold_store_daily_sales.transaction_count is 'Transactions that day.';
comment on column scout.gold_store_daily_sales.customer_count is 'Distinct known customers that day (anonymous sales not counted).';
comment on column scout.gold_store_daily_sales.total_quantity is 'Units sold that day.';
comment on column scout.gold_store_daily_sales.is_complete is 'False for the running business day (scout_internal.business_today()), which is still filling: do not compare it with whole days.';
comment on column scout.gold_store_daily_sales.refreshed_at is 'When refresh_gold last wrote the row.';
comment on column scout.gold_store_daily_sales.id is 'Row key (the business key, store_id, sales_date and category, may hold a NULL store), so a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish its updates and deletes.';

create table scout_internal.gold_store_days_to_rebuild (
    store_id text,
    category text not null,
    day date not null,
    all_stores boolean not null default false,
    queued_at timestamptz not null default pg_catalog.now(),
    id bigint generated always as identity,
    constraint gold_store_days_to_rebuild_pkey primary key (id)
);
select ip_workbench.secure_table('scout_internal.gold_store_days_to_rebuild');
comment on table scout_internal.gold_store_days_to_rebuild is 'Work queue of refresh_gold for scout.gold_store_daily_sales: each (store, category, day) whose Silver rows changed, old and new version (a correction that only moved a sale to another store included), recomputed from Silver whole; a large change (a first load, a backfill) queues whole (category, day) pairs instead (all_stores).';
comment on column scout_internal.gold_store_days_to_rebuild.all_stores is 'The whole (category, day), every store: what a large change queues, one row per day instead of one per store.';
comment on column scout_internal.gold_store_days_to_rebuild.store_id is 'Store of the changed Silver rows (NULL: sales without a store).';
comment on column scout_internal.gold_store_days_to_rebuild.category is 'Category of the changed Silver rows.';
comment on column scout_internal.gold_store_days_to_rebuild.day is 'Their transaction_date.';
comment on column scout_internal.gold_store_days_to_rebuild.queued_at is 'When Silver queued it: the mart''s lag is its oldest.';
comment on column scout_internal.gold_store_days_to_rebuild.id is 'Arrival order.';

-- A store's cells of Silver, with what the mart sums: refresh_gold recomputes a changed
-- (store, day, category) from this index alone, a few entries each, instead of every
-- sale of the category that day. Built here in one pass over Silver; it holds Silver's
-- writers (refresh_silver) for as long, a few seconds per million rows.
create index silver_validated_transactions_store_cells_idx
    on scout.silver_validated_transactions (store_id, transaction_date, category) include (amount, customer_id, quantity);

-- what Silver holds now is queued whole, so the next refresh_gold builds the mart
insert into scout_internal.gold_store_days_to_rebuild (category, day, all_stores)
select distinct s.category, s.transaction_date, true from scout.silver_validated_transactions s;

-- The one place that decides which stores the reader may see: a security definer in a
-- schema of its own that PostgREST does not expose, so the membership lookup runs with
-- the owner's rights, the policies stay one line each, and authenticated, which must be
-- able to call it, gets usage on nothing else.
create schema scout_private;
comment on schema scout_private is 'What the row-level policies call on behalf of authenticated readers (which stores they may read). Not exposed through PostgREST; authenticated may use it and execute only what is here.';
grant usage on schema scout_private to authenticated, service_role;
-- Here a stub that grants no store (the policies below need the function to exist);
-- the same migrate then applies its body from db/functions.
create function scout_private.reader_store_ids()
returns text[]
language sql
stable
security definer
set search_path = ''
as $fn$
    select '{}'::text[]
$fn$;
revoke all on function scout_private.reader_store_ids() from public;
grant execute on function scout_private.reader_store_ids() to authenticated, service_role;

-- (select …): evaluated once per statement, not once per row. One = any (…), no OR:
-- a query naming its store keeps its plain index scan on store_id, and one naming none
-- gets an index scan of the reader's rows on coalesce(store_id, ''), the policy's own
-- expression ('' is no store, which only readers of every store get).
create policy "authenticated users read their stores' rows" on scout.gold_store_daily_sales
    for select to authenticated using (coalesce(store_id, '') = any ((select scout_private.reader_store_ids())::text[]));
create policy "authenticated users read their stores' rows" on scout.platinum_transaction_embeddings
    for select to authenticated using (coalesce(store_id, '') = any ((select scout_private.reader_store_ids())::text[]));
create policy "authenticated users read their stores' rows" on scout.ref_stores
    for select to authenticated using (coalesce(store_id, '') = any ((select scout_private.reader_store_ids())::text[]));
create policy "authenticated users read their own memberships" on scout.store_members
    for select to authenticated using (user_id = (select auth.uid()));
comment on policy "authenticated users read their stores' rows" on scout.gold_store_daily_sales is
    'Rows of the reader''s stores only: those in the JWT''s app_metadata.store_ids or in scout.store_members for its sub (scout_private.reader_store_ids()); ''*'' reads every store, NULL stores included; no store, no rows.';
comment on policy "authenticated users read their stores' rows" on scout.platinum_transaction_embeddings is
    'Sentences of the reader''s stores only: those in the JWT''s app_metadata.store_ids or in scout.store_members for its sub (scout_private.reader_store_ids()); ''*'' reads every store, NULL stores included; no store, no rows.';
comment on policy "authenticated users read their stores' rows" on scout.ref_stores is
    'The stores the reader belongs to (scout_private.reader_store_ids()); ''*'' reads them all.';
comment on policy "authenticated users read all rows" on scout.gold_monthly_summary is
    'Every authenticated user reads every row: category-level, no store in it.';
comment on policy "authenticated users read all rows" on scout.gold_category_trends is
    'Every authenticated user reads every row: category-level, no store in it.';
comment on policy "authenticated users read all rows" on scout.gold_sales_anomalies is
    'Every authenticated user reads every row: category-level, no store in it.';
comment on policy "authenticated users read all rows" on scout.platinum_product_recommendations is
    'Every authenticated user reads every row: product pairs over all baskets, no store or customer in them.';
comment on policy "authenticated users read their own memberships" on scout.store_members is
    'A user sees which stores they belong to, and nobody else''s memberships.';

-- the store mart's failing rows, like every checked table's
create table test_failures.gold_store_daily_sales (
    check_name text not null,
    business_key text not null,
    detail text,
    run_id bigint not null,
    found_at timestamptz not null default pg_catalog.now(),
    id bigint generated always as identity,
    constraint gold_store_daily_sales_pkey primary key (id)
);
select ip_workbench.secure_table('test_failures.gold_store_daily_sales');
create index gold_store_daily_sales_check_name_idx on test_failures.gold_store_daily_sales (check_name);
comment on table test_failures.gold_store_daily_sales is 'Rows of scout.gold_store_daily_sales that failed a data-quality check at the last run of scout.run_dq_checks, by business key; replaced on each run.';
comment on column test_failures.gold_store_daily_sales.check_name is 'The check it failed.';
comment on column test_failures.gold_store_daily_sales.business_key is 'The failing row''s key: store/day/category, (no store) for sales without one.';
comment on column test_failures.gold_store_daily_sales.detail is 'What failed, where the check says.';
comment on column test_failures.gold_store_daily_sales.run_id is 'The run of scout.run_dq_checks that found it.';
comment on column test_failures.gold_store_daily_sales.found_at is 'When.';
comment on column test_failures.gold_store_daily_sales.id is 'Row key, so that a FOR ALL TABLES publication (Supabase Realtime, change capture, a logical replica) can publish the deletes of each check run.';

insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('scout', 'gold_store_daily_sales', 'gold', 'Sales per store, day and category; each user reads their stores'' rows'),
    ('scout', 'ref_stores', 'reference', 'The stores of the chain');
insert into ip_workbench.layer_versions (table_name) values
    ('scout.gold_store_daily_sales'), ('scout.ref_stores');
