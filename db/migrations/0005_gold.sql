-- Gold: business marts. Silver changes mark the days they touch; refresh_gold
-- re-aggregates only those (category, month) and (category, week) totals from Silver,
-- then rewrites the derived marts of the categories they belong to — small series,
-- so refresh cost follows the change, not the history. Readers query plain tables
-- that a refresh rewrites inside one transaction: they see the previous state until
-- it commits, never a lock or a half-written mart. Sums are unbounded numeric:
-- a month of large (valid) amounts must not overflow a typmod and abort the refresh.

-- No unique key on purpose: refresh_gold deletes exactly the rows its snapshot
-- sees, so a day queued by a refresh_silver that commits meanwhile stays queued
-- for the next run instead of being swallowed by an upsert.
create table scout.gold_pending_days (
    category text not null,
    day date not null,
    queued_at timestamptz not null default pg_catalog.now()
);
select ip_workbench.secure_table('scout.gold_pending_days');
comment on table scout.gold_pending_days is 'Work queue of refresh_gold: (category, day) pairs whose Silver rows changed since the last Gold refresh (both the old and the new day and category of a corrected row).';
comment on column scout.gold_pending_days.category is 'Category of a changed Silver row.';
comment on column scout.gold_pending_days.day is 'transaction_date of a changed Silver row.';
comment on column scout.gold_pending_days.queued_at is 'When refresh_silver queued it.';

create table scout.gold_monthly_category_totals (
    month date not null,
    category text not null,
    total_amount numeric not null,
    transaction_count bigint not null,
    total_quantity bigint not null,
    unique_customers bigint not null,
    refreshed_at timestamptz not null default pg_catalog.now(),
    constraint gold_monthly_category_totals_pkey primary key (category, month),
    constraint gold_monthly_category_totals_month_check check (extract(day from month) = 1)
);
select ip_workbench.secure_table('scout.gold_monthly_category_totals');
comment on table scout.gold_monthly_category_totals is 'Additive base of gold_monthly_summary: Silver aggregated per (category, calendar month), kept incrementally by refresh_gold. Months without sales have no row.';
comment on column scout.gold_monthly_category_totals.month is 'First day of the month.';
comment on column scout.gold_monthly_category_totals.category is 'Silver category.';
comment on column scout.gold_monthly_category_totals.total_amount is 'Sum of amount.';
comment on column scout.gold_monthly_category_totals.transaction_count is 'Number of Silver rows.';
comment on column scout.gold_monthly_category_totals.total_quantity is 'Sum of quantity.';
comment on column scout.gold_monthly_category_totals.unique_customers is 'Distinct non-null customer_id.';
comment on column scout.gold_monthly_category_totals.refreshed_at is 'When this row was last recomputed.';

create table scout.gold_weekly_category_totals (
    week_start date not null,
    category text not null,
    total_amount numeric not null,
    transaction_count bigint not null,
    refreshed_at timestamptz not null default pg_catalog.now(),
    constraint gold_weekly_category_totals_pkey primary key (category, week_start),
    constraint gold_weekly_category_totals_week_start_check check (extract(isodow from week_start) = 1)
);
select ip_workbench.secure_table('scout.gold_weekly_category_totals');
comment on table scout.gold_weekly_category_totals is 'Additive base of gold_category_trends: Silver aggregated per (category, ISO week), kept incrementally by refresh_gold. Weeks without sales have no row here (the mart fills them with 0).';
comment on column scout.gold_weekly_category_totals.week_start is 'Monday of the ISO week (date_trunc(''week'', transaction_date)).';
comment on column scout.gold_weekly_category_totals.category is 'Silver category.';
comment on column scout.gold_weekly_category_totals.total_amount is 'Sum of amount.';
comment on column scout.gold_weekly_category_totals.transaction_count is 'Number of Silver rows.';
comment on column scout.gold_weekly_category_totals.refreshed_at is 'When this row was last recomputed.';

create table scout.gold_monthly_summary (
    month date not null,
    category text not null,
    total_amount numeric not null,
    transaction_count bigint not null,
    avg_amount numeric not null,
    total_quantity bigint not null,
    unique_customers bigint not null,
    mom_growth_pct numeric,
    yoy_growth_pct numeric,
    moving_avg_3m numeric not null,
    refreshed_at timestamptz not null default pg_catalog.now(),
    constraint gold_monthly_summary_pkey primary key (month, category)
);
create index gold_monthly_summary_category_month_idx on scout.gold_monthly_summary (category, month);
select ip_workbench.secure_table('scout.gold_monthly_summary', array['authenticated']);
comment on table scout.gold_monthly_summary is 'Monthly sales per category: one row per (month, category) with sales, with growth rates and a 3-month moving average. Rewritten per changed category by scout.refresh_gold.';
comment on column scout.gold_monthly_summary.month is 'First day of the calendar month.';
comment on column scout.gold_monthly_summary.category is 'Category (canonical spelling).';
comment on column scout.gold_monthly_summary.total_amount is 'Sum of amount over the month''s Silver rows.';
comment on column scout.gold_monthly_summary.transaction_count is 'Number of Silver rows.';
comment on column scout.gold_monthly_summary.avg_amount is 'total_amount / transaction_count (not rounded).';
comment on column scout.gold_monthly_summary.total_quantity is 'Sum of quantity.';
comment on column scout.gold_monthly_summary.unique_customers is 'Count of distinct non-null customer_id.';
comment on column scout.gold_monthly_summary.mom_growth_pct is 'round(100 * (total - prev) / prev, 2), prev = the same category''s total in the previous calendar month; NULL when that month has no sales.';
comment on column scout.gold_monthly_summary.yoy_growth_pct is 'The same against the same month one year earlier; NULL when that month has no sales.';
comment on column scout.gold_monthly_summary.moving_avg_3m is 'Mean of total_amount over this and the two previous calendar months, missing months counting as 0; over fewer months at the start of the category''s series (not rounded).';
comment on column scout.gold_monthly_summary.refreshed_at is 'When the row was last rewritten.';

create table scout.gold_category_trends (
    week_start date not null,
    category text not null,
    total_amount numeric not null,
    transaction_count bigint not null,
    moving_avg_4w numeric not null,
    baseline_mean numeric,
    baseline_stddev numeric,
    z_score numeric,
    is_anomaly boolean not null,
    refreshed_at timestamptz not null default pg_catalog.now(),
    constraint gold_category_trends_pkey primary key (week_start, category)
);
create index gold_category_trends_category_week_start_idx on scout.gold_category_trends (category, week_start);
select ip_workbench.secure_table('scout.gold_category_trends', array['authenticated']);
comment on table scout.gold_category_trends is 'Weekly sales per category with 2-sigma anomaly detection: a dense series from the category''s first to its last week (weeks without sales have 0). Rewritten per changed category by scout.refresh_gold.';
comment on column scout.gold_category_trends.week_start is 'date_trunc(''week'', transaction_date)::date, the ISO Monday.';
comment on column scout.gold_category_trends.category is 'Category (canonical spelling).';
comment on column scout.gold_category_trends.total_amount is 'Sum of amount in the week (0 for a week without sales).';
comment on column scout.gold_category_trends.transaction_count is 'Number of Silver rows in the week (0 for a week without sales).';
comment on column scout.gold_category_trends.moving_avg_4w is 'Mean of total_amount over this week and the 3 before (fewer at the start of the series).';
comment on column scout.gold_category_trends.baseline_mean is 'Mean of total_amount over the up to 8 weeks before this one; NULL for the first week.';
comment on column scout.gold_category_trends.baseline_stddev is 'Sample standard deviation of total_amount over the up to 8 weeks before this one; NULL with fewer than 2.';
comment on column scout.gold_category_trends.z_score is '(total_amount - baseline_mean) / baseline_stddev; NULL when fewer than 4 earlier weeks or baseline_stddev is 0.';
comment on column scout.gold_category_trends.is_anomaly is 'abs(z_score) > 2; false when z_score is NULL.';
comment on column scout.gold_category_trends.refreshed_at is 'When the row was last rewritten.';

insert into ip_workbench.tables (schema_name, table_name, layer, description) values
    ('scout', 'gold_monthly_summary', 'gold', 'Monthly sales per category with growth and moving average'),
    ('scout', 'gold_category_trends', 'gold', 'Weekly sales per category with anomaly detection');
