drop index scout.silver_validated_transactions_customer_id_idx;
drop index scout.silver_validated_transactions_category_transaction_date_idx;
create index silver_validated_transactions_category_transaction_date_idx
    on scout.silver_validated_transactions (category, transaction_date);
create index bronze_products_source_idx on scout.bronze_products (source);
create index bronze_transactions_source_idx on scout.bronze_transactions (source);
drop trigger if exists silver_validated_transactions_count_writes on scout.silver_validated_transactions;
drop table ip_workbench.platinum_builds;
drop table ip_workbench.layer_versions;
drop table scout.gold_pending_changes;
delete from ip_workbench.settings where name = 'silver_first_load_rebuilds_indexes_from';
