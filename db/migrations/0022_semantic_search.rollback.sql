-- pgvector itself stays: other tables may use it, and Supabase's is shared.
-- The search functions go first: scout_private's are in the way of 0019's rollback, and
-- the others read the columns dropped below.
drop function if exists scout.match_transactions(real[], integer, jsonb);
drop function if exists scout_internal.save_embeddings(text, jsonb);
drop function if exists scout_internal.texts_to_embed(text, integer);
drop function if exists scout_internal.embedding_backlog(text);
drop function if exists scout_private.check_query_embedding(real[], integer);
drop function if exists scout_private.embedding_model();
delete from ip_workbench.settings where name = 'embedding_model';
drop index scout.platinum_transaction_embeddings_unembedded_idx;
drop index if exists scout.platinum_transaction_embeddings_embedding_idx;
alter table scout.platinum_transaction_embeddings drop column embedding;
alter table scout.platinum_transaction_embeddings drop column embedded_at;
alter table scout.platinum_transaction_embeddings drop column embedding_model;
