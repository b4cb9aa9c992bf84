-- squawk-ignore-file adding-required-field, ban-drop-not-null
-- (the new columns have constant defaults: PostgreSQL 11+ adds them without rewriting
-- the marts, which refresh_gold rewrites from the totals on its next run anyway; the
-- two moving averages may now be NULL because the contract (v3) says so while their
-- period is not over: a client that assumed otherwise read a wrong number before)
-- Numbers people can act on (CONTRACT v3, Gold and Platinum):
-- * a period that is not over is marked (is_complete) and never compared with whole
--   ones: its comparison columns are NULL, so the running month is no collapse and
--   the running week is not scored. The running month gets a like-for-like
--   month-to-date comparison instead (mtd_growth_pct);
-- * scout.gold_sales_anomalies: the anomalies that page people, by a stricter and
--   robust rule than the 2-sigma highlight (scout_internal.sales_anomaly);
-- * refresh_gold remembers the business day it built for, so the first run of a new
--   day closes the periods that ended and re-scores them;
-- * recommendations need min_co_occurrence shared baskets (default 2), and Platinum's
--   sentences name the product, so a product catalogue change rebuilds them too.
alter table scout.gold_monthly_summary
    add column is_complete boolean not null default false,
    add column mtd_growth_pct numeric,
    alter column moving_avg_3m drop not null;
alter table scout.gold_category_trends
    add column is_complete boolean not null default false,
    alter column moving_avg_4w drop not null;

create table scout.gold_sales_anomalies (
    week_start date not null,
    category text not null,
    direction text not null,
    total_amount numeric not null,
    expected_amount numeric not null,
    baseline_weeks integer not null,
    detected_at timestamptz not null default pg_catalog.now(),
    constraint gold_sales_anomalies_pkey primary key (category, week_start),
    constraint gold_sales_anomalies_direction_check check (direction in ('spike', 'drop')),
    constraint gold_sales_anomalies_week_start_check check (pg_catalog.date_trunc('week', week_start) = week_start)
);
select ip_workbench.secure_table('scout.gold_sales_anomalies', array['authenticated']);

create table scout_internal.gold_build_state (
    only_row boolean not null default true,
    built_for date not null,
    constraint gold_build_state_pkey primary key (only_row),
    constraint gold_build_state_only_row_check check (only_row)
);
select ip_workbench.secure_table('scout_internal.gold_build_state');

alter table ip_workbench.platinum_builds
    add column min_co_occurrence integer,
    add column products_seen text;

insert into ip_workbench.settings (name, value, description) values
    ('min_co_occurrence', '2',
     'A recommendation needs at least this many baskets holding both SKUs: one shared basket is not evidence.');
