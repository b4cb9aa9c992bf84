-- Which model's vectors scout.match_transactions compares: the setting embedding_model,
-- which a reader of the RPC (authenticated) may not read itself. Like
-- scout_private.reader_store_ids, it runs with its owner's rights, reads one row, and
-- lives in the schema PostgREST does not expose.
create or replace function scout_private.embedding_model()
returns text
language sql
stable
security definer
set search_path = ''
as $fn$
    select s.value #>> '{}' from ip_workbench.settings s where s.name = 'embedding_model'
$fn$;
comment on function scout_private.embedding_model() is
    'The setting embedding_model (the model of the vectors scout.match_transactions compares), for callers that may not read ip_workbench.settings. Runs with its owner''s rights; returns that one value and nothing else.';
revoke all on function scout_private.embedding_model() from public;
grant execute on function scout_private.embedding_model() to authenticated, service_role;
