-- The embedder's next batch: sentences without a vector, then those of another model
-- than p_model (never mixed with the current model's in a search, so re-embedded).
create or replace function scout_internal.texts_to_embed(p_model text, p_limit integer)
returns table (transaction_id text, text text)
language sql
stable
set search_path = ''
as $fn$
    (select e.transaction_id, e.text from scout.platinum_transaction_embeddings e
      where e.embedding is null order by e.transaction_id limit p_limit)
    union all
    (select e.transaction_id, e.text from scout.platinum_transaction_embeddings e
      where e.embedding is not null and e.embedding_model is distinct from p_model
      order by e.transaction_id limit p_limit)
    limit p_limit
$fn$;
comment on function scout_internal.texts_to_embed(text, integer) is
    'Up to p_limit Platinum sentences that need a vector of model p_model: those with none first (by transaction_id), then those of another model. What scout-db embed reads.';
revoke all on function scout_internal.texts_to_embed(text, integer) from public;
grant execute on function scout_internal.texts_to_embed(text, integer) to service_role;

