delete from ip_workbench.tables where schema_name = 'scout' and table_name in ('bronze_transactions', 'bronze_products');
drop table if exists scout.bronze_ingest_errors;
drop table if exists scout.bronze_ingest_files;
drop table if exists scout.bronze_products;
drop table if exists scout.bronze_transactions;
drop function if exists scout.uuid_v7();
