-- What scout.match_transactions accepts as a query vector, said precisely: a caller
-- through PostgREST sends a JSON array, and a wrong one must not become a silent
-- nonsense ranking.
create or replace function scout_private.check_query_embedding(p_embedding real[], p_dimensions integer)
returns real[]
language plpgsql
immutable
set search_path = ''
as $fn$
begin
    if p_embedding is null then
        raise exception 'query_embedding is missing' using errcode = '22004',
            hint = 'send the query''s vector: scout-db search embeds a question for you';
    elsif pg_catalog.array_ndims(p_embedding) <> 1 or pg_catalog.cardinality(p_embedding) <> p_dimensions then
        raise exception 'query_embedding has % numbers; the embeddings have %', pg_catalog.cardinality(p_embedding), p_dimensions
            using errcode = '22023', hint = 'embed the query with the model of the setting embedding_model';
    elsif pg_catalog.array_position(p_embedding, null) is not null then
        raise exception 'query_embedding has a null at position %', pg_catalog.array_position(p_embedding, null)
            using errcode = '22004';
    elsif exists (select 1 from pg_catalog.unnest(p_embedding) x where x in ('NaN'::real, 'Infinity'::real, '-Infinity'::real)) then
        raise exception 'query_embedding holds NaN or infinity' using errcode = '22023';
    elsif not exists (select 1 from pg_catalog.unnest(p_embedding) x where x <> 0) then
        raise exception 'query_embedding is all zeros: it has no direction to compare' using errcode = '22023';
    end if;
    return p_embedding;
end
$fn$;
comment on function scout_private.check_query_embedding(real[], integer) is
    'Returns p_embedding when it is a usable query vector of p_dimensions numbers; raises 22004 when it or one of its numbers is NULL, 22023 when it has the wrong length, NaN or infinity, or only zeros.';
revoke all on function scout_private.check_query_embedding(real[], integer) from public;
grant execute on function scout_private.check_query_embedding(real[], integer) to authenticated, service_role;
