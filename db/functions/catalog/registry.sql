-- The registry's words, re-applied on every migrate like the catalog beside it: which
-- tables the layer tracks (ip_workbench.tables: layer and a line for dashboards) and
-- what each setting and job is for. Rows a migration created get their words from here;
-- a changed line is written on the next migrate, an unchanged one is not touched (no
-- write, no trigger). Values are not here: a setting's value is its owner's, a job's
-- schedule the contract's, and the counts and scores the jobs'.
-- scout.gold_sales_anomalies is not tracked on purpose: it changes only when sales do
-- something unusual, so a freshness score on it would page on every quiet week.
-- The layer's tables only (CONTRACT v3: every registered table is scored); migration
-- 0017 took out the project's own bookkeeping, registered once by earlier migrations.
insert into ip_workbench.tables as t (schema_name, table_name, layer, description)
values
    ('scout', 'bronze_products', 'bronze',
     'Raw product payloads'),
    ('scout', 'bronze_transactions', 'bronze',
     'Raw transaction payloads'),
    ('scout', 'gold_category_trends', 'gold',
     'Weekly sales per category with anomaly detection'),
    ('scout', 'gold_monthly_summary', 'gold',
     'Monthly sales per category with growth and moving average'),
    ('scout', 'platinum_product_recommendations', 'platinum',
     'Item-to-item recommendation features (last 90 days)'),
    ('scout', 'platinum_transaction_embeddings', 'platinum',
     'Transaction sentences for embeddings (last 90 days)'),
    ('scout', 'ref_categories', 'reference',
     'Allowed transaction categories'),
    ('scout', 'ref_validation_rules', 'reference',
     'Validation rules kept as data: bounds, patterns and lists that reject or flag'),
    ('scout', 'silver_products', 'silver',
     'Validated products, one per sku'),
    ('scout', 'silver_rejected_products', 'silver',
     'Rejected products with reasons'),
    ('scout', 'silver_rejected_transactions', 'silver',
     'Rejected transactions with reasons'),
    ('scout', 'silver_validated_transactions', 'silver',
     'Validated transactions, one per transaction_id')
on conflict (schema_name, table_name) do update
   set layer = excluded.layer, description = excluded.description
 where (t.layer, t.description) is distinct from (excluded.layer, excluded.description);

update ip_workbench.settings s
   set description = d.description
  from (values
    ('bronze_retention_days',
     'Bronze rows (transactions, products, ingest errors) older than this many days by ingested_at are purged by scout.purge_expired, never one Silver has not processed. At least 30. Default 90.'),
    ('business_time_zone',
     'Time zone of "today" for a transaction date without a zone: such a date may not be after today there (date_in_future). A date with a time and a zone is judged as an instant against now(). Default UTC.'),
    ('dq_alert_threshold',
     'A table whose overall dq_score falls below this raises an alert (ip_workbench.dq_alerts, NOTIFY scout_dq_alert). Default 80.'),
    ('dq_escalate_after',
     'An alert still open this long, or raised again within this long of closing, escalates by email (scout-db dq alert --email). An interval. Default 24 hours.'),
    ('gold_hash_rebuild_days',
     'refresh_gold re-aggregates with one hash join over Silver once more than this many (category, day) pairs changed, else by index probes per day. Default 2000.'),
    ('gold_retention_days',
     'Gold mart rows whose month or week starts more than this many days ago are purged; their totals stay a year longer for growth and baselines. Default 1825 (5 years).'),
    ('min_co_occurrence',
     'A recommendation needs at least this many baskets holding both SKUs: one shared basket is not evidence.'),
    ('micro_batch_enabled',
     'Whether scout.run_micro_batch (pg_cron, every minute) brings new Bronze rows to Silver between the hourly runs. Default true.'),
    ('product_updated_at_tolerance',
     'How far ahead of now() a product''s updated_at may lie (clock skew between systems); later is updated_at_in_future, so a version dated 9999-12-31 cannot freeze a product. An interval. Default 5 minutes.'),
    ('recommendation_basket_max_skus',
     'Baskets (a customer''s SKUs over 90 days) with more distinct SKUs than this are left out of Platinum''s recommendations: their pairs grow with the square of their size, and a reseller''s basket says little about what goes together. Default 200.'),
    ('run_log_retention_days',
     'Run log rows (ip_workbench.job_runs, cron.job_run_details) older than this many days are purged by scout_internal.purge_run_log. Default 90.'),
    ('silver_first_load_rebuilds_indexes_from',
     'A first load into an empty Silver of at least this many Bronze rows drops Silver''s secondary indexes and builds them again after the insert (several times faster than growing them row by row; Silver is locked for reads and writes until the load commits). Only when the caller owns the table. Default 100000.'),
    ('silver_probe_ratio',
     'refresh_silver joins its winners to Silver by one index probe per key while winners x this ratio < Silver''s estimated rows, else by one hash join over Silver. Default 8.'),
    ('silver_purged_before',
     'Kept by scout.purge_expired, not a tunable: the first day Silver still holds in full after its last purge (NULL before the first). Gold never recomputes a month or week before it.'),
    ('silver_retention_days',
     'Silver transactions whose transaction_date is older than this many days, and rejected rows judged that long ago, are purged; Gold keeps their months (frozen). Default 730 (2 years).'),
    ('transaction_max_age_years',
     'How far back a transaction date may lie, in years before today: older is date_too_old (a date in year 1 would otherwise add a century of dense weekly rows to Gold). Default 20.')
  ) d(name, description)
 where s.name = d.name and s.description is distinct from d.description;

update ip_workbench.jobs j
   set description = d.description
  from (values
    ('scout.backfill',
     'On demand: re-judge the Bronze rows of a date range and refresh the marts they touch.'),
    ('scout.purge_expired',
     'Daily 03:00: each layer''s retention.'),
    ('scout.refresh_gold',
     'Every 6 hours: both Gold marts up to date with Silver.'),
    ('scout.refresh_platinum',
     'Every 6 hours, after Gold: the Platinum features of the last 90 days.'),
    ('scout.refresh_silver',
     'Silver up to date with Bronze; a step of scout.run_transformations.'),
    ('scout.run_dq_checks',
     'Daily 08:00: data-quality scores of every registered table.'),
    ('scout.run_micro_batch',
     'Every minute but the hourly run''s: Silver for the Bronze rows that arrived since, when there are any (almost free when there are none).'),
    ('scout.run_transformations',
     'Hourly: Bronze freshness, Silver, Silver checks, Gold, Gold checks, metadata.'),
    ('scout_internal.purge_run_log',
     'Daily 03:30: the run log (ip_workbench.job_runs and pg_cron''s cron.job_run_details) older than run_log_retention_days.')
  ) d(name, description)
 where j.name = d.name and j.description is distinct from d.description;
