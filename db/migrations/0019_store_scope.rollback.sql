-- the checks of the store mart and the store list read what this drops
drop view if exists scout_checks.gold_store_sales_match_silver, scout_checks.silver_store_ids_are_known;
delete from ip_workbench.layer_versions where table_name in ('scout.gold_store_daily_sales'::regclass, 'scout.ref_stores'::regclass);
delete from ip_workbench.tables where schema_name = 'scout' and table_name in ('gold_store_daily_sales', 'ref_stores');
drop policy "authenticated users read their stores' rows" on scout.platinum_transaction_embeddings;
create policy "authenticated users read all rows" on scout.platinum_transaction_embeddings
    for select to authenticated using (true);
comment on policy "authenticated users read all rows" on scout.platinum_transaction_embeddings is
    'Read access granted by the contract (Roles and access).';
drop index scout.platinum_transaction_embeddings_reader_idx;
drop index scout.platinum_transaction_embeddings_store_id_idx;
alter table scout.platinum_transaction_embeddings drop column store_id;
drop index scout.silver_validated_transactions_store_cells_idx;
drop table test_failures.gold_store_daily_sales;
drop table scout_internal.gold_store_days_to_rebuild;
drop table scout.gold_store_daily_sales;
drop table scout.store_members;
drop table scout.ref_stores;
drop function scout_private.reader_store_ids();
drop schema scout_private;
-- auth.uid(), auth.jwt() and the auth schema stay: Supabase's may be the ones in use,
-- and other code may call them
comment on policy "authenticated users read all rows" on scout.gold_monthly_summary is
    'Read access granted by the contract (Roles and access).';
comment on policy "authenticated users read all rows" on scout.gold_category_trends is
    'Read access granted by the contract (Roles and access).';
comment on policy "authenticated users read all rows" on scout.gold_sales_anomalies is
    'Read access granted by the contract (Roles and access).';
comment on policy "authenticated users read all rows" on scout.platinum_product_recommendations is
    'Read access granted by the contract (Roles and access).';
