delete from ip_workbench.settings where name = 'min_co_occurrence';
alter table ip_workbench.platinum_builds drop column min_co_occurrence, drop column products_seen;
drop table scout_internal.gold_build_state;
drop table scout.gold_sales_anomalies;
update scout.gold_category_trends set moving_avg_4w = 0 where moving_avg_4w is null;
alter table scout.gold_category_trends
    alter column moving_avg_4w set not null,
    drop column is_complete;
update scout.gold_monthly_summary set moving_avg_3m = 0 where moving_avg_3m is null;
alter table scout.gold_monthly_summary
    alter column moving_avg_3m set not null,
    drop column mtd_growth_pct,
    drop column is_complete;
