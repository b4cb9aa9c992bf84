-- What waits for the embedder, for its progress bar and for status.
create or replace function scout_internal.embedding_backlog(p_model text)
returns bigint
language sql
stable
set search_path = ''
as $fn$
    select pg_catalog.count(*) from scout.platinum_transaction_embeddings e
     where e.embedding is null or e.embedding_model is distinct from p_model
$fn$;
comment on function scout_internal.embedding_backlog(text) is
    'How many Platinum sentences wait for a vector of model p_model (none yet, or another model''s): scout-db embed''s progress bar.';
revoke all on function scout_internal.embedding_backlog(text) from public;
grant execute on function scout_internal.embedding_backlog(text) to service_role;
