delete from ip_workbench.tables where schema_name = 'scout' and table_name in ('gold_monthly_summary', 'gold_category_trends');
drop table if exists scout.gold_category_trends;
drop table if exists scout.gold_monthly_summary;
drop table if exists scout.gold_weekly_category_totals;
drop table if exists scout.gold_monthly_category_totals;
drop table if exists scout.gold_pending_days;
