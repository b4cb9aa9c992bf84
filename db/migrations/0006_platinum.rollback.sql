delete from ip_workbench.tables where schema_name = 'scout'
   and table_name in ('platinum_transaction_embeddings', 'platinum_product_recommendations');
drop table if exists scout.platinum_product_recommendations;
drop table if exists scout.platinum_transaction_embeddings;
