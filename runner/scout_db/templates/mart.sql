-- Mart {mart}: written by `scout-db new mart`, a working starting point.
-- One file, one mart. `scout-db migrate --extension {folder}` declares it; the next
-- `scout-db run` builds it and every hourly run keeps it up to date after Gold.
--
-- What the layer derives from this call (ip_workbench.define_mart):
-- * the table scout.{name} (the query's columns, plus an id key) with a unique index on
--   its grain, row-level security and grants for its readers, a comment on every column;
-- * its registry row (ip_workbench.tables), its freshness and data-quality score;
-- * the check {name}_matches_its_query: the mart equals its query, row for row;
-- * its refresh: 'full' rewrites it whenever a table it reads changed; 'incremental'
--   recomputes only the days Silver changed (new rows, corrections that move a sale
--   to another day, store or amount, rows a backfill rejects), old day and new.
-- Change anything here and migrate again: the mart is rebuilt from scratch on the
-- next run. Delete the file and migrate: the mart is dropped.
select ip_workbench.define_mart(
    mart        => 'scout.{name}',
    description => 'Sales per store and day: what each store sold, how often and to how many customers.',
    -- the columns that make a row unique
    grain       => array['store_id', 'sales_date'],
    -- incremental by a day column: a row of day D may read only Silver's rows of day D
    -- (transaction_date). Use 'full' (and no date_column) for anything else, such as
    -- rolling windows or a mart over another mart.
    refresh     => 'incremental',
    date_column => 'sales_date',
    -- who reads it besides service_role: {{}} or {{authenticated}}; store_scope => true lets
    -- each authenticated user read only their stores' rows (it needs a store_id column)
    readers     => array['authenticated'],
    store_scope => true,
    -- every column the query returns, described: the catalog (scout-db docs) shows these
    columns     => $columns$ {{
        "store_id": "The store (scout.ref_stores); NULL for sales without one.",
        "sales_date": "The day of the sales (Silver's transaction_date).",
        "total_amount": "Sum of amount, in the transactions' currency.",
        "transaction_count": "How many sales.",
        "customer_count": "How many distinct known customers bought."
    }} $columns$,
    -- names are schema-qualified: the query runs with an empty search_path
    query       => $query$
        select s.store_id,
               s.transaction_date as sales_date,
               sum(s.amount) as total_amount,
               count(*) as transaction_count,
               count(distinct s.customer_id) as customer_count
          from scout.silver_validated_transactions s
         group by s.store_id, s.transaction_date
    $query$);
