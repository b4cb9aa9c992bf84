-- Completeness of Platinum's sentences: since its last build, every Silver
-- transaction of its window has its sentence and every sentence its transaction. A
-- Silver change Platinum has not caught up with shows here until it is rebuilt.
create or replace view scout_checks.platinum_sentences_cover_silver
with (security_invoker = true)
as
select 'platinum_sentences_cover_silver'::text as check_name, 'scout'::text as schema_name,
       'platinum_transaction_embeddings'::text as table_name, 'platinum'::text as layer,
       'completeness'::text as dimension, 'error'::text as level,
       pg_catalog.count(*) filter (where c.in_silver and c.in_platinum) as passed,
       pg_catalog.count(*) filter (where not (c.in_silver and c.in_platinum)) as failed,
       'transactions of Platinum''s window with a sentence, and sentences of a Silver transaction'::text as detail,
       pg_catalog.array_agg(c.transaction_id) filter (where not (c.in_silver and c.in_platinum)) as failing_keys
  from (select coalesce(s.transaction_id, p.transaction_id) as transaction_id,
               s.transaction_id is not null as in_silver, p.transaction_id is not null as in_platinum
          from (select t.transaction_id from scout.silver_validated_transactions t
                  join scout_internal.platinum_last_build() b on t.transaction_date >= b.window_start) s
          full join scout.platinum_transaction_embeddings p on p.transaction_id = s.transaction_id) c
 where exists (select 1 from scout_internal.platinum_last_build());
select scout_internal.register_check('scout_checks.platinum_sentences_cover_silver', 'Completeness of Platinum''s sentences: every Silver transaction of its window has its sentence and every sentence its transaction (a Silver change Platinum has not caught up with fails until it is rebuilt).');
