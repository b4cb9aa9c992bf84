-- The roles' statement timeouts stay: roles are cluster-wide and may be set by others.
grant insert, update, delete, truncate on scout.bronze_transactions, scout.bronze_products to service_role;
alter table scout.silver_rejected_products drop column if exists parse_error;
alter table scout.silver_rejected_transactions drop column if exists parse_error;
delete from ip_workbench.settings where name in
    ('business_time_zone', 'transaction_max_age_years', 'product_updated_at_tolerance', 'recommendation_basket_max_skus');
