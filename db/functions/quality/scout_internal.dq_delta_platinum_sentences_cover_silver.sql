-- scout_checks.platinum_sentences_cover_silver judged from its previous result: a key
-- can only change verdict when Silver changed it (scout_internal.silver_changed_keys)
-- or Platinum added or removed its sentence (scout_internal.platinum_changed_keys),
-- while Platinum's window stays where it was. So the run judges those keys and the
-- ones failing then; every key that passes has a sentence, so the passing count is
-- Platinum's sentences less those of failing keys. No row when a write was not logged
-- or the window moved.
create or replace function scout_internal.dq_delta_platinum_sentences_cover_silver(p_then jsonb, p_now jsonb)
returns table (check_name text, schema_name text, table_name text, layer text, dimension text, level text,
               passed bigint, failed bigint, detail text, failing_keys text[], keys_cleared text[],
               recent_passed bigint, recent_failed bigint)
language sql
stable
set search_path = ''
set enable_seqscan = off  -- the few changed keys by index
as $fn$
    with bounds as (  -- one row, and the planner knows it
        select (select b.window_start from scout_internal.platinum_last_build() b) as window_start),
    failed_then as materialized (
        select f.business_key as transaction_id
          from test_failures.platinum_transaction_embeddings f where f.check_name = 'platinum_sentences_cover_silver'),
    keys as materialized (
        select k.transaction_id from scout_internal.dq_changed_silver_keys(p_then) k
        union
        select p.transaction_id
          from scout_internal.platinum_changed_keys p
         where scout_internal.dq_written_since(p.changed_xid, p_then)
        union
        select f.transaction_id from failed_then f),
    judged as materialized (
        select k.transaction_id, p.transaction_id is not null as in_platinum,
               (s.transaction_id is not null) <> (p.transaction_id is not null) as failing
          from keys k cross join bounds w
          -- a probe per key (lateral): a few keys are no reason to hash all of Silver
          left join lateral (select x.transaction_id from scout.silver_validated_transactions x
                              where x.transaction_id = k.transaction_id and x.transaction_date >= w.window_start
                              offset 0) s on true  -- offset 0: not flattened into a join
          left join lateral (select x.transaction_id from scout.platinum_transaction_embeddings x
                              where x.transaction_id = k.transaction_id offset 0) p on true),
    verdict as materialized (
        select (select pg_catalog.count(*) from scout.platinum_transaction_embeddings)
               - (select pg_catalog.count(*) from judged j where j.failing and j.in_platinum) as passed,
               (select pg_catalog.count(*) from judged j where j.failing) as failed)
    select d.check_name, d.schema_name, d.table_name, d.layer, d.dimension, d.level, v.passed, v.failed, d.detail,
           (select pg_catalog.array_agg(j.transaction_id) from judged j
             where j.failing and not exists (select 1 from failed_then f where f.transaction_id = j.transaction_id)),
           coalesce((select pg_catalog.array_agg(f.transaction_id) from failed_then f
                      where exists (select 1 from judged j where j.transaction_id = f.transaction_id and not j.failing)), '{}'),
           -- a view without recent figures counts the same in both
           v.passed, v.failed
      from ip_workbench.dq_results d cross join verdict v
     where d.run_id = (p_then ->> 'run_id')::bigint and d.check_name = 'platinum_sentences_cover_silver'
       -- the previous failing keys are all in test_failures (a truncated or hand-edited
       -- table would make the counts drift): else judge every row
       and (select pg_catalog.count(*) from test_failures.platinum_transaction_embeddings f where f.check_name = d.check_name) = d.failed
       and d.failed <= 100000
       and (select w.window_start from bounds w) = (p_then -> 'judged' ->> 'platinum_window_start')::date
       and scout_internal.dq_delta_allowed(p_then, p_now, '{ip_workbench.platinum_builds}',
                                           '{scout.silver_validated_transactions,scout.platinum_transaction_embeddings}')
$fn$;
comment on function scout_internal.dq_delta_platinum_sentences_cover_silver(jsonb, jsonb) is
    'The check scout_checks.platinum_sentences_cover_silver judged from its result in run p_then ->> ''run_id'': the keys Silver changed (scout_internal.dq_changed_silver_keys), those whose sentence Platinum added or removed (scout_internal.platinum_changed_keys) since p_then''s statement context, and those failing then (test_failures.platinum_transaction_embeddings) are judged; the passing count is Platinum''s sentences less those of failing keys. No row unless scout_internal.dq_delta_allowed with every Silver and Platinum write since logged, Platinum''s builds changed in place with the same window start, and at most 100,000 keys failing then.';
revoke all on function scout_internal.dq_delta_platinum_sentences_cover_silver(jsonb, jsonb) from public;
grant execute on function scout_internal.dq_delta_platinum_sentences_cover_silver(jsonb, jsonb) to service_role;
