-- Speed at full load (the performance issue): Gold applies small Silver changes as
-- differences instead of re-aggregating whole months (Silver gains an index by
-- customer for unique_customers), Platinum skips a rebuild when nothing it reads has
-- changed, and Bronze drops an index no query uses.
-- On an existing installation the two index builds on Silver hold off writes to it
-- (not reads) for a few seconds per million rows, and each DROP INDEX holds off
-- reads of its table for a moment: migrate between runs.

-- No unique key on purpose, as for gold_pending_days: refresh_gold claims exactly the
-- rows its snapshot sees; rows queued by a merge that commits meanwhile wait their turn.
insert into ip_workbench.settings (name, value, description) values
    ('silver_first_load_rebuilds_indexes_from', '100000',
     'A first load into an empty Silver of at least this many Bronze rows drops Silver''s secondary indexes and builds them again after the insert (several times faster than growing them row by row; Silver is locked until the load commits). Only when the caller owns the table. Default 100000.');

create table scout.gold_pending_changes (
    category text not null,
    day date not null,
    customer_id text,
    transactions bigint not null,
    amount numeric not null,
    quantity bigint not null,
    queued_at timestamptz not null default pg_catalog.now()
);
select ip_workbench.secure_table('scout.gold_pending_changes');
comment on table scout.gold_pending_changes is 'Work queue of refresh_gold for small Silver changes: the net difference one merge made per (category, day, customer_id) — the new version of a row counted +1, the version it replaced -1 — so Gold adds them to its totals instead of re-aggregating the months. Large merges queue days in scout.gold_pending_days instead.';
comment on column scout.gold_pending_changes.category is 'Category of the changed Silver rows.';
comment on column scout.gold_pending_changes.day is 'Their transaction_date.';
comment on column scout.gold_pending_changes.customer_id is 'Their customer_id (NULL for rows without one): where a customer''s count of rows in a month moves, Gold looks up whether they still have any there, for unique_customers.';
comment on column scout.gold_pending_changes.transactions is 'Net change in the number of Silver rows.';
comment on column scout.gold_pending_changes.amount is 'Net change in the sum of amount.';
comment on column scout.gold_pending_changes.quantity is 'Net change in the sum of quantity.';
comment on column scout.gold_pending_changes.queued_at is 'When the Silver merge queued it.';

comment on table scout.gold_pending_days is 'Work queue of refresh_gold for large Silver changes (a first load, a large merge, a backfill): the (category, day) pairs they touched, both the old and the new day and category of a corrected row, which Gold re-aggregates from Silver. Small merges queue their differences in scout.gold_pending_changes instead.';

create table ip_workbench.layer_versions (
    table_name regclass not null,
    version bigint not null default 0,
    changed_at timestamptz,
    constraint layer_versions_pkey primary key (table_name)
);
select ip_workbench.secure_table('ip_workbench.layer_versions');
insert into ip_workbench.layer_versions (table_name) values ('scout.silver_validated_transactions');
comment on table ip_workbench.layer_versions is 'A counter per table that a statement trigger raises on every write (insert, update, delete, truncate): a reader that stored the version it was built from knows, in one lookup, whether anything changed since. Transactional, unlike a sequence: a change counts once it commits.';
comment on column ip_workbench.layer_versions.table_name is 'The counted table.';
comment on column ip_workbench.layer_versions.version is 'Statements that wrote to it (0 before the first).';
comment on column ip_workbench.layer_versions.changed_at is 'When the last of them ran.';

create table ip_workbench.platinum_builds (
    singleton boolean not null default true,
    silver_version bigint not null,
    window_start date not null,
    basket_max_skus integer not null,
    built_at timestamptz not null default pg_catalog.now(),
    constraint platinum_builds_pkey primary key (singleton),
    constraint platinum_builds_singleton_check check (singleton)
);
select ip_workbench.secure_table('ip_workbench.platinum_builds');
comment on table ip_workbench.platinum_builds is 'What the current Platinum tables were built from (one row): refresh_platinum skips the rebuild while Silver''s version, the 90-day window and the basket cap are all the same.';
comment on column ip_workbench.platinum_builds.singleton is 'Always true: the table holds at most one row.';
comment on column ip_workbench.platinum_builds.silver_version is 'ip_workbench.layer_versions.version of scout.silver_validated_transactions when Platinum was built.';
comment on column ip_workbench.platinum_builds.window_start is 'First transaction_date of the window it was built over.';
comment on column ip_workbench.platinum_builds.basket_max_skus is 'The recommendation_basket_max_skus setting it was built with.';
comment on column ip_workbench.platinum_builds.built_at is 'When it was built.';

-- Gold keeps unique_customers additively: after a merge, whether a customer who gained
-- or lost rows in a (category, month) still has any there is one probe of this index
-- per such customer, where a recount would read the whole month.
create index silver_validated_transactions_customer_id_idx
    on scout.silver_validated_transactions (customer_id, category, transaction_date)
 where customer_id is not null;

-- The hourly Gold checks re-sum the changed months and weeks of a category from
-- Silver: with amount in the index they read it alone, not a heap page per row.
drop index scout.silver_validated_transactions_category_transaction_date_idx;
create index silver_validated_transactions_category_transaction_date_idx
    on scout.silver_validated_transactions (category, transaction_date) include (amount);

-- No query of the layer filters Bronze by source (every plan reads it by ingest_xid,
-- id or ingested_at), and the index cost about a tenth of a bulk load.
drop index scout.bronze_transactions_source_idx;
drop index scout.bronze_products_source_idx;
