-- Row-count sanity: the registry's row_count of each layer table (what dashboards
-- and scout-db status show) is the table's real count (Bronze's as of its last_updated), and Gold is not empty while
-- Silver holds sales.
create or replace view scout_checks.registry_row_counts_match
with (security_invoker = true)
as
-- each table counted once, Silver too: a count beside the join was made again for
-- every registered table (1 s of a check run at 1M rows)
with counts as materialized (
    select s.silver, c.schema_name, c.table_name, c.actual
      from (select pg_catalog.count(*) as silver from scout.silver_validated_transactions) s
     -- Bronze grows between runs (the RPCs do not stop to update the registry): its
     -- count is judged at the registry's last_updated
     cross join lateral (
            select 'scout' as schema_name, 'bronze_transactions' as table_name,
                   (select pg_catalog.count(*) from scout.bronze_transactions b
                     where b.ingested_at <= (select r.last_updated from ip_workbench.tables r
                                              where r.schema_name = 'scout' and r.table_name = 'bronze_transactions')) as actual
            union all select 'scout', 'bronze_products',
                   (select pg_catalog.count(*) from scout.bronze_products b
                     where b.ingested_at <= (select r.last_updated from ip_workbench.tables r
                                              where r.schema_name = 'scout' and r.table_name = 'bronze_products'))
            union all select 'scout', 'silver_validated_transactions', s.silver
            union all select 'scout', 'silver_products', (select pg_catalog.count(*) from scout.silver_products)
            union all select 'scout', 'gold_monthly_summary', (select pg_catalog.count(*) from scout.gold_monthly_summary)
            union all select 'scout', 'gold_category_trends', (select pg_catalog.count(*) from scout.gold_category_trends)) c)
select 'registry_row_counts_match'::text as check_name, c.schema_name, c.table_name, t.layer,
       'volume'::text as dimension, 'error'::text as level,
       (t.row_count is not distinct from c.actual and not (c.table_name like 'gold%' and c.actual = 0 and c.silver > 0))::int::bigint
           as passed,
       (t.row_count is distinct from c.actual or (c.table_name like 'gold%' and c.actual = 0 and c.silver > 0))::int::bigint
           as failed,
       pg_catalog.format('registry says %s rows, the table has %s', coalesce(t.row_count::text, 'nothing'), c.actual) as detail,
       case when t.row_count is distinct from c.actual then array[c.table_name] end as failing_keys
  from counts c
  join ip_workbench.tables t on t.schema_name = c.schema_name and t.table_name = c.table_name
 where t.last_updated is not null or c.actual > 0;
select scout_internal.register_check('scout_checks.registry_row_counts_match', 'Row-count sanity: the registry''s row_count of each layer table (what dashboards and scout-db status show) is the table''s real count, and Gold is not empty while Silver holds sales.');
