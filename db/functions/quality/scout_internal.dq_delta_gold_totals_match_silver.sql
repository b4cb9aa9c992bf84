-- scout_checks.gold_totals_match_silver (two checks: gold_totals_match_silver and
-- gold_has_every_silver_month) judged from their previous results: a (month, category)
-- can only change verdict when Silver changed a sale in it (old and new month,
-- scout_internal.silver_changed_keys) or Gold's run changed its totals
-- (scout_internal.gold_monthly_changed_totals; Gold rewrites every month of a changed
-- category, most the same). So the run judges those months and the ones failing then,
-- each Silver month an index-only range of the (category, transaction_date) index.
-- Every month that passes has a Gold row, so the passing counts are Gold's rows less
-- the failing months that have one. No row when a write was not logged or a failing
-- key does not read back as its month and category.
create or replace function scout_internal.dq_delta_gold_totals_match_silver(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
set enable_seqscan = off  -- the few changed months by index
as $fn$
    with bounds as (
        select (select scout_internal.silver_frozen_before()) as frozen_before,
               (select scout_internal.gold_kept_from()) as kept_from),
    changed as materialized (  -- read once, for the old cells and the new
        select * from scout_internal.dq_changed_silver_keys(p_then)),
    failed_then as materialized (
        select f.check_name, f.business_key as month_key
          from test_failures.gold_monthly_summary f
         where f.check_name in ('gold_totals_match_silver', 'gold_has_every_silver_month')),
    months as materialized (
        select distinct x.month, x.category
          from (select pg_catalog.date_trunc('month', k.old_transaction_date::timestamp)::date as month, k.old_category as category
                  from changed k where k.existed_then
                union all
                select pg_catalog.date_trunc('month', s.transaction_date::timestamp)::date, s.category
                  from changed k
                  join scout.silver_validated_transactions s on s.transaction_id = k.transaction_id
                union all
                select g.month, g.category
                  from scout_internal.gold_monthly_changed_totals g
                 where scout_internal.dq_written_since(g.changed_xid, p_then)
                union all  -- a failing month's key, read back: YYYY-MM-DD/category
                select pg_catalog.to_date(pg_catalog.split_part(f.month_key, '/', 1), 'YYYY-MM-DD'),
                       pg_catalog.substr(f.month_key, pg_catalog.length(pg_catalog.split_part(f.month_key, '/', 1)) + 2)
                  from failed_then f) x),
    judged as materialized (
        select pg_catalog.to_char(m.month, 'YYYY-MM-DD') || '/' || m.category as month_key,
               g.total_amount is not null as in_gold, s.n > 0 as in_silver,
               (g.total_amount is not null or s.n > 0)
               and (g.total_amount, g.transaction_count) is distinct from (s.total, nullif(s.n, 0)) as totals_fail
          from months m cross join bounds w
          left join scout.gold_monthly_summary g
            on g.month = m.month and g.category = m.category and g.month >= w.frozen_before
         cross join lateral (select pg_catalog.sum(t.amount) as total, pg_catalog.count(*) as n
                               from scout.silver_validated_transactions t
                              where t.category = m.category
                                and t.transaction_date >= m.month and t.transaction_date < (m.month + interval '1 month')::date
                                and t.transaction_date >= w.frozen_before and t.transaction_date >= w.kept_from) s),
    verdicts as (
        select j.month_key, c.check_name,
               case c.check_name when 'gold_totals_match_silver' then j.totals_fail
                                 else j.in_silver and not j.in_gold end as failing,
               case c.check_name when 'gold_totals_match_silver' then j.totals_fail and j.in_gold
                                 else j.in_gold and not j.in_silver end as gold_row_not_passing
          from judged j
         cross join (values ('gold_totals_match_silver'), ('gold_has_every_silver_month')) c(check_name)),
    gold_rows as materialized (
        select pg_catalog.count(*) as n from scout.gold_monthly_summary g, bounds w where g.month >= w.frozen_before)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level,
           (select r.n from gold_rows r)
           - (select pg_catalog.count(*) from verdicts v where v.check_name = d.check_name and v.gold_row_not_passing),
           (select pg_catalog.count(*) from verdicts v where v.check_name = d.check_name and v.failing),
           d.detail,
           (select pg_catalog.array_agg(v.month_key) from verdicts v
             where v.check_name = d.check_name and v.failing
               and not exists (select 1 from failed_then f where f.check_name = d.check_name and f.month_key = v.month_key)),
           coalesce((select pg_catalog.array_agg(f.month_key) from failed_then f
                      where f.check_name = d.check_name
                        and exists (select 1 from verdicts v where v.check_name = d.check_name
                                                               and v.month_key = f.month_key and not v.failing)), '{}'),
           -- a view without recent figures counts the same in both
           (select r.n from gold_rows r)
           - (select pg_catalog.count(*) from verdicts v where v.check_name = d.check_name and v.gold_row_not_passing),
           (select pg_catalog.count(*) from verdicts v where v.check_name = d.check_name and v.failing)
      from ip_workbench.dq_results d
     where d.run_id = (p_then ->> 'run_id')::bigint
       and d.check_name in ('gold_totals_match_silver', 'gold_has_every_silver_month')
       -- the previous failing keys of both checks are all in test_failures (a truncated
       -- or hand-edited table would make the counts drift): else judge every row
       and not exists (select 1 from ip_workbench.dq_results e
                        where e.run_id = (p_then ->> 'run_id')::bigint
                          and e.check_name in ('gold_totals_match_silver', 'gold_has_every_silver_month')
                          and (select pg_catalog.count(*) from test_failures.gold_monthly_summary f
                                where f.check_name = e.check_name) <> e.failed)
       and (select pg_catalog.count(*) from ip_workbench.dq_results e
             where e.run_id = (p_then ->> 'run_id')::bigint
               and e.check_name in ('gold_totals_match_silver', 'gold_has_every_silver_month')) = 2
       -- every failing key read back as the month and category it names
       and not exists (select 1 from failed_then f where not exists (select 1 from judged j where j.month_key = f.month_key))
       and scout_internal.dq_delta_allowed(p_then, p_now, '{}',
                                           '{scout.silver_validated_transactions,scout.gold_monthly_summary}')
$fn$;
comment on function scout_internal.dq_delta_gold_totals_match_silver(jsonb, jsonb) is
    'The checks of scout_checks.gold_totals_match_silver (gold_totals_match_silver, gold_has_every_silver_month) judged from their results in run p_then ->> ''run_id'': the (month, category) pairs Silver changed a sale in (scout_internal.dq_changed_silver_keys), those whose Gold totals changed (scout_internal.gold_monthly_changed_totals) since p_then''s statement context, and those failing then (test_failures.gold_monthly_summary) are judged; the passing counts are Gold''s rows less the judged months with a Gold row that do not pass. No row unless scout_internal.dq_delta_allowed with every Silver and monthly-mart write since logged, both checks in the previous run, and every failing key read back.';
revoke all on function scout_internal.dq_delta_gold_totals_match_silver(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_gold_totals_match_silver(jsonb, jsonb) to service_role;
