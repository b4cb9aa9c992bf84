-- The bound for the data-quality run: what `dbt test` runs for the same rules, as
-- dbt compiles its generic tests (each counts the failing rows of one query;
-- dbt_utils' expression_is_true and unique_combination_of_columns where core has
-- none), one after another in one statement. It counts failures only: no pass
-- counts, no recent window, no failing keys, no scores, no history, no alerts.
select
    -- Bronze: every payload holds the keys Silver needs (expression_is_true)
    (select count(*) from scout.bronze_transactions
      where not (raw_data ?& array['transaction_id', 'date', 'amount', 'category']))
  + (select count(*) from scout.bronze_products where not (raw_data ?& array['sku', 'name']))
    -- Silver: not_null on its required columns, unique key
  + (select count(*) from scout.silver_validated_transactions where transaction_id is null)
  + (select count(*) from scout.silver_validated_transactions where transaction_date is null)
  + (select count(*) from scout.silver_validated_transactions where amount is null)
  + (select count(*) from scout.silver_validated_transactions where category is null)
  + (select count(*) from (select transaction_id from scout.silver_validated_transactions
                            where transaction_id is not null group by transaction_id having count(*) > 1) u)
  + (select count(*) from (select sku from scout.silver_products where sku is not null
                            group by sku having count(*) > 1) u)
    -- Silver: the value rules (expression_is_true, accepted_values through relationships)
  + (select count(*) from scout.silver_validated_transactions
      where not (amount > 0 and quantity > 0 and coalesce(tax_amount >= 0, true) and currency ~ '^[A-Z]{3}$'))
  + (select count(*) from (select category as field from scout.silver_validated_transactions) child
       left join (select name as field from scout.ref_categories where is_active) parent on child.field = parent.field
      where child.field is not null and parent.field is null)
    -- Silver → Bronze lineage (relationships)
  + (select count(*) from (select bronze_id as field from scout.silver_validated_transactions) child
       left join (select id as field from scout.bronze_transactions) parent on child.field = parent.field
      where child.field is not null and parent.field is null)
    -- rejected rows reach Bronze (relationships)
  + (select count(*) from (select bronze_id as field from scout.silver_rejected_transactions) child
       left join (select id as field from scout.bronze_transactions) parent on child.field = parent.field
      where child.field is not null and parent.field is null)
    -- Gold: one row per key (unique_combination_of_columns), totals equal Silver's
  + (select count(*) from (select month, category from scout.gold_monthly_summary
                            group by month, category having count(*) > 1) u)
  + (select count(*) from (select week_start, category from scout.gold_category_trends
                            group by week_start, category having count(*) > 1) u)
  + (select count(*) from scout.gold_monthly_summary g
       full join (select date_trunc('month', transaction_date)::date as month, category, sum(amount) as total
                    from scout.silver_validated_transactions group by 1, 2) s
         on s.month = g.month and s.category = g.category
      where g.total_amount is distinct from s.total)
    -- Platinum: every sentence names a Silver sale (relationships)
  + (select count(*) from (select transaction_id as field from scout.platinum_transaction_embeddings) child
       left join (select transaction_id as field from scout.silver_validated_transactions) parent on child.field = parent.field
      where child.field is not null and parent.field is null)
    as failures
