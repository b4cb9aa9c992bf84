delete from ip_workbench.tables where schema_name = 'scout' and table_name in
    ('ref_categories', 'silver_validated_transactions', 'silver_rejected_transactions', 'silver_products', 'silver_rejected_products');
delete from ip_workbench.watermarks where stream in ('silver_transactions', 'silver_products');
drop table if exists scout.silver_rejected_products;
drop table if exists scout.silver_products;
drop table if exists scout.silver_rejected_transactions;
drop table if exists scout.silver_validated_transactions;
drop table if exists scout.ref_categories;
drop type if exists scout.transaction_payload_values;
