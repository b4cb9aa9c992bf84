-- Timeliness means "is the data where it should be by now", judged per table:
-- * a source (a table with expected_every, Bronze): is its last arrival within its
--   cadence (plus the layer's allowance)? A daily 02:00 file checked at 08:00 is on time;
-- * Silver: how long has its oldest unjudged Bronze row waited?
-- * Gold: how long has its oldest queued Silver change waited?
-- within the layer's threshold. Past it, the score falls linearly to 0 at twice the
-- allowance, so a page (below 80) comes soon after a table is late, not days later.
create or replace function scout_internal.table_lag(p_schema text, p_table text)
returns table (lag interval, allowed interval, measure text)
language sql
stable
set search_path = ''
as $fn$
    select case when t.expected_every is not null or t.layer not in ('silver', 'gold')
                    then pg_catalog.now() - t.last_updated
                when t.table_name = 'silver_validated_transactions'
                    then coalesce(pg_catalog.now() - scout_internal.oldest_unjudged_bronze('silver_transactions'), '0')
                when t.table_name = 'silver_products'
                    then coalesce(pg_catalog.now() - scout_internal.oldest_unjudged_bronze('silver_products'), '0')
                when t.table_name = 'gold_store_daily_sales'
                    then coalesce(pg_catalog.now() - (select pg_catalog.min(q.queued_at)
                                                        from scout_internal.gold_store_days_to_rebuild q), '0')
                -- a team's mart (ip_workbench.define_mart): its own queue, or since it was
                -- defined while it has never been built
                when m.mart_name is not null
                    then case when b.built_at is null then pg_catalog.now() - m.declared_at
                              else coalesce(pg_catalog.now() - (select pg_catalog.min(q.queued_at)
                                                                  from scout_internal.mart_days_to_rebuild q
                                                                 where q.mart_name = m.mart_name), '0') end
                when t.layer = 'gold'
                    then coalesce(pg_catalog.now() - (select pg_catalog.min(q.queued_at)
                                                        from scout_internal.gold_days_to_reaggregate q), '0') end,
           coalesce(t.expected_every, '0') + h.timeliness,
           case when t.expected_every is not null then 'last arrival'
                when t.layer not in ('silver', 'gold') then 'last change'
                when t.layer = 'silver' then 'oldest Bronze row waiting for Silver'
                else 'oldest Silver change waiting for Gold' end
      from ip_workbench.tables t
      join ip_workbench.dq_thresholds h on h.layer = t.layer
      left join ip_workbench.marts m on m.mart_name = t.schema_name || '.' || t.table_name
      left join scout_internal.mart_builds b on b.mart_name = m.mart_name
     where t.schema_name = p_schema and t.table_name = p_table and h.timeliness is not null
       and t.table_name not like '%rejected%'
       and (t.last_updated is not null or t.layer in ('silver', 'gold'))
$fn$;
comment on function scout_internal.table_lag(text, text) is
    'How late table p_schema.p_table is (lag), how late it may be (allowed) and what was measured (measure): a table with expected_every (a source) by its last arrival against expected_every plus its layer''s timeliness threshold; Silver by its oldest Bronze row not judged yet; Gold by its oldest queued Silver change (the store mart and the marts of ip_workbench.marts by their own queues; a mart never built since it was defined); others by their last change. No row for a layer without a timeliness threshold (platinum: on demand), a rejected-rows table, or a source that never received anything.';
revoke all on function scout_internal.table_lag(text, text) from public;
grant execute on function scout_internal.table_lag(text, text) to service_role;

create or replace function scout_internal.timeliness_score(p_lag interval, p_allowed interval)
returns numeric
language sql
immutable
-- called a few times a run, never per row: pinning search_path costs nothing measurable
set search_path = ''
begin atomic
    select case when p_lag <= p_allowed then 100::numeric
                else pg_catalog.round(greatest(0::numeric, 100 * (1 - extract(epoch from p_lag - p_allowed)
                                                                   / nullif(extract(epoch from p_allowed), 0))), 2) end;
end;
comment on function scout_internal.timeliness_score(interval, interval) is
    '100 while p_lag is no more than p_allowed (from scout_internal.table_lag), then falling linearly to 0 at twice the allowance (a quarter of the allowance late scores 75); NULL when either is NULL.';
revoke all on function scout_internal.timeliness_score(interval, interval) from public;
grant execute on function scout_internal.timeliness_score(interval, interval) to service_role;
