-- Data-quality checks that judge what changed since their previous run (issue 23):
-- what they need to know of the writes in between.

-- A second counter per counted table: the statements that removed rows (a DELETE, a
-- TRUNCATE). A check may judge only what is new while the tables it reads only grew or
-- changed rows in place; a removal sends it back to judging everything.
-- A constant default: no rewrite of the (small) counter table.
alter table ip_workbench.layer_versions add column removals bigint not null default 0;

-- The writes whose changes are logged row by row (below): for each, the written table's
-- version (ip_workbench.layer_versions) before and after it. A check that finds the
-- version grown by exactly the logged writes since its previous run knows that the log
-- holds every change; any other write (a first load, a hand-made UPDATE) breaks the sum.
create table scout_internal.logged_writes (
    id bigint generated always as identity,
    written_xid xid8 not null default pg_catalog.pg_current_xact_id(),
    table_name regclass not null,
    version_before bigint not null,
    version_after bigint not null,
    written_at timestamptz not null default pg_catalog.now(),
    constraint logged_writes_pkey primary key (id)
);
select ip_workbench.secure_table('scout_internal.logged_writes');
create index logged_writes_written_xid_idx on scout_internal.logged_writes (written_xid);

-- Silver's changes key by key, as its one apply wrote them, with what the key held before.
create table scout_internal.silver_changed_keys (
    id bigint generated always as identity,
    changed_xid xid8 not null default pg_catalog.pg_current_xact_id(),
    transaction_id text not null,
    change text not null,
    old_store_id text,
    old_category text,
    old_transaction_date date,
    old_ingested_at timestamptz,
    constraint silver_changed_keys_pkey primary key (id),
    constraint silver_changed_keys_change_check check (change in ('insert', 'update', 'delete'))
);
select ip_workbench.secure_table('scout_internal.silver_changed_keys');
create index silver_changed_keys_changed_xid_idx on scout_internal.silver_changed_keys (changed_xid);

-- The cells of the store mart that Gold's store step recomputed: one (store, category,
-- day), or a whole (category, day) of every store (all_stores).
create table scout_internal.gold_store_rebuilt_cells (
    id bigint generated always as identity,
    rebuilt_xid xid8 not null default pg_catalog.pg_current_xact_id(),
    store_id text,
    category text not null,
    day date not null,
    all_stores boolean not null,
    constraint gold_store_rebuilt_cells_pkey primary key (id)
);
select ip_workbench.secure_table('scout_internal.gold_store_rebuilt_cells');
create index gold_store_rebuilt_cells_rebuilt_xid_idx on scout_internal.gold_store_rebuilt_cells (rebuilt_xid);

-- The (month, category) rows of the monthly mart whose total_amount or transaction_count
-- a Gold run changed (it rewrites every month of a changed category; most come out the same).
create table scout_internal.gold_monthly_changed_totals (
    id bigint generated always as identity,
    changed_xid xid8 not null default pg_catalog.pg_current_xact_id(),
    month date not null,
    category text not null,
    constraint gold_monthly_changed_totals_pkey primary key (id)
);
select ip_workbench.secure_table('scout_internal.gold_monthly_changed_totals');
create index gold_monthly_changed_totals_changed_xid_idx on scout_internal.gold_monthly_changed_totals (changed_xid);

-- The sentences Platinum's merge added or removed (a changed sentence keeps its key).
create table scout_internal.platinum_changed_keys (
    id bigint generated always as identity,
    changed_xid xid8 not null default pg_catalog.pg_current_xact_id(),
    transaction_id text not null,
    constraint platinum_changed_keys_pkey primary key (id)
);
select ip_workbench.secure_table('scout_internal.platinum_changed_keys');
create index platinum_changed_keys_changed_xid_idx on scout_internal.platinum_changed_keys (changed_xid);
