-- Store ids Silver does not know: a sale whose store_id is not in scout.ref_stores is
-- kept (the store may be new, the reference late), but nobody is scoped to it except
-- readers of every store, so it is reported. A warning: it pages nobody.
create or replace view scout_checks.silver_store_ids_are_known
with (security_invoker = true)
as
select 'silver_store_ids_are_known'::text as check_name, 'scout'::text as schema_name,
       'silver_validated_transactions'::text as table_name, 'silver'::text as layer, 'integrity'::text as dimension,
       'warning'::text as level,
       pg_catalog.count(*) filter (where k.known) as passed,
       pg_catalog.count(*) filter (where not k.known) as failed,
       'Silver sales with a store_id whose store is in scout.ref_stores'::text as detail,
       pg_catalog.array_agg(k.transaction_id) filter (where not k.known) as failing_keys,
       pg_catalog.count(*) filter (where k.known and k.recent) as recent_passed,
       pg_catalog.count(*) filter (where not k.known and k.recent) as recent_failed
  from (select s.transaction_id, r.store_id is not null as known, s.ingested_at >= n.since as recent
          from scout.silver_validated_transactions s
          left join scout.ref_stores r on r.store_id = s.store_id
         cross join (select (select scout_internal.dq_recent_since()) as since) n
         where s.store_id is not null
        offset 0) k;  -- each row's verdict computed once, not once per aggregate
select scout_internal.register_check('scout_checks.silver_store_ids_are_known', 'Store ids Silver does not know: Silver sales whose store_id is not in scout.ref_stores are kept but reported (a warning), since only readers of every store see them.');
