-- A check run re-judges only what changed (issue 23, incremental checks): a check
-- whose inputs nobody wrote since the run that last judged them, on the same business
-- day, with the same definition, keeps that judgement instead of reading a million
-- rows again. Each result records what its check read as the run found it
-- (inputs_seen) and, when it was kept, the run that judged it (reused_from_run_id).
-- What a check reads is counted in ip_workbench.layer_versions, one statement trigger
-- per table (scout_internal.count_table_writes); Bronze's inserts are not counted
-- there, since a shared counter would queue every concurrent ingest behind one row
-- lock: a run finds them by their inserting transaction (ingest_xid) instead.
alter table ip_workbench.dq_results
    add column inputs_seen jsonb,
    add column reused_from_run_id bigint;

insert into ip_workbench.layer_versions (table_name) values
    ('scout.bronze_transactions'),
    ('scout.bronze_products'),
    ('scout.silver_rejected_transactions'),
    ('scout.silver_products'),
    ('scout.silver_rejected_products'),
    ('scout.gold_monthly_summary'),
    ('scout.gold_category_trends'),
    ('scout.platinum_transaction_embeddings'),
    ('scout.platinum_product_recommendations'),
    ('scout.ref_categories'),
    ('ip_workbench.tables'),
    ('ip_workbench.settings'),
    ('ip_workbench.watermarks'),
    ('ip_workbench.platinum_builds')
on conflict (table_name) do nothing;
