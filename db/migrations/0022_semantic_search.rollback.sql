drop function if exists scout.match_transactions(real[], integer, jsonb);
drop function if exists scout_internal.save_embeddings(text, jsonb);
delete from ip_workbench.settings where name = 'embedding_model';
drop index scout.platinum_transaction_embeddings_unembedded_idx;
drop index if exists scout.platinum_transaction_embeddings_embedding_idx;
alter table scout.platinum_transaction_embeddings drop column embedding;
alter table scout.platinum_transaction_embeddings drop column embedded_at;
alter table scout.platinum_transaction_embeddings drop column embedding_model;
-- pgvector stays: other tables may use it, and Supabase's is shared
