-- How well semantic search answers labelled questions, against PostgreSQL's own full
-- text search over the same sentences: for each question, the rows that truly answer it
-- (its truth: metadata fields and the values that count), the top 10 of each method,
-- recall@10 (the share of the top 10 that could be relevant which is) and the
-- reciprocal rank of the first relevant row (0 when none is in the top 10).
--   p_questions: [{"question", "kind", "truth": {field: [values]}, "embedding": [384 numbers]}…]
create or replace function scout_dev.search_evaluation(p_questions jsonb)
returns table (question text, kind text, method text, relevant bigint, recall_at_10 numeric, reciprocal_rank numeric)
language plpgsql
stable
set search_path = ''
as $fn$
declare
    v_question jsonb;
    v_truth jsonb;
begin
    for v_question in select q from pg_catalog.jsonb_array_elements(p_questions) q loop
        v_truth := v_question -> 'truth';
        return query
        with answers as (
            select e.transaction_id from scout.platinum_transaction_embeddings e
             where e.embedding_model is not null
               and not exists (select 1 from pg_catalog.jsonb_each(v_truth) t(field, allowed)
                                where not coalesce(e.metadata ->> t.field = any (
                                          array(select pg_catalog.jsonb_array_elements_text(t.allowed))), false))
        ),
        semantic as (
            select m.transaction_id, m.n as rank
              from scout.match_transactions(array(select pg_catalog.jsonb_array_elements_text(v_question -> 'embedding'))::real[], 10)
                   with ordinality m(transaction_id, text, metadata, similarity, n)
        ),
        full_text as (
            select f.transaction_id, pg_catalog.row_number() over (order by f.score desc, f.transaction_id) as rank
              from (select e.transaction_id,
                           pg_catalog.ts_rank(pg_catalog.to_tsvector('english', e.text),
                                              pg_catalog.websearch_to_tsquery('english', v_question ->> 'question')) as score
                      from scout.platinum_transaction_embeddings e
                     where e.embedding_model is not null
                       and pg_catalog.to_tsvector('english', e.text) @@ pg_catalog.websearch_to_tsquery('english', v_question ->> 'question')
                     order by 2 desc, 1 limit 10) f
        ),
        ranked as (
            select 'semantic' as method, s.transaction_id, s.rank from semantic s
            union all
            select 'full_text', f.transaction_id, f.rank from full_text f
        )
        select v_question ->> 'question', v_question ->> 'kind', m.method,
               (select pg_catalog.count(*) from answers),
               pg_catalog.round(coalesce((select pg_catalog.count(*) from ranked r join answers a using (transaction_id)
                                           where r.method = m.method)::numeric
                                         / nullif(least(10, (select pg_catalog.count(*) from answers)), 0), 0), 3),
               pg_catalog.round(coalesce(1.0 / (select pg_catalog.min(r.rank) from ranked r join answers a using (transaction_id)
                                                 where r.method = m.method), 0), 3)
          from (values ('semantic'), ('full_text')) m(method);
    end loop;
end
$fn$;
comment on function scout_dev.search_evaluation(jsonb) is
    'Recall@10 and reciprocal rank of semantic search (scout.match_transactions with each question''s embedding) and of full text (to_tsvector / websearch_to_tsquery, english, ranked by ts_rank) for labelled questions p_questions [{"question", "kind", "truth": {metadata field: [values]}, "embedding"}…], over the embedded Platinum sentences. One row per question and method. What scout-db search --evaluate reports.';
revoke all on function scout_dev.search_evaluation(jsonb) from public;
