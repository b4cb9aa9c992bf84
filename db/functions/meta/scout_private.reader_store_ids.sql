-- Which stores the requesting user may read: the one definition every store-scoped
-- policy uses. From the JWT, only app_metadata.store_ids (set by the server; never
-- user_metadata, which users can edit themselves), plus scout.store_members for the
-- JWT's sub. '*' means every store. A security definer in the unexposed scout_private,
-- so the membership lookup runs with the owner's rights; policies wrap the call in (select …)
-- so it runs once per statement, not once per row.
create or replace function scout_private.reader_store_ids()
returns text[]
language plpgsql  -- its plans are cached: a policy pays microseconds per statement for it
stable
security definer
set search_path = ''
as $fn$
declare
    v_claims jsonb := auth.jwt();
    v_stores text[];
begin
    v_stores := case pg_catalog.jsonb_typeof(v_claims -> 'app_metadata' -> 'store_ids')
                    when 'array' then array(select pg_catalog.jsonb_array_elements_text(v_claims -> 'app_metadata' -> 'store_ids'))
                    when 'string' then array[v_claims -> 'app_metadata' ->> 'store_ids']
                    else '{}'::text[] end;
    if v_claims ? 'sub' then
        v_stores := v_stores || array(select m.store_id from scout.store_members m where m.user_id = auth.uid());
    end if;
    -- '' stands for "no store" in the policies: nobody is given it by name
    v_stores := pg_catalog.array_remove(v_stores, '');
    if '*' = any (v_stores) then
        -- every store, spelled out, so the policies stay one = any (…), which an index
        -- serves: '' for the sales without a store, the registered stores, and every
        -- store the data holds, found by skipping through the store_id indexes (one
        -- probe per store)
        v_stores := v_stores || ''::text || array(
            with recursive in_mart(store_id) as (
                (select g.store_id from scout.gold_store_daily_sales g where g.store_id is not null
                  order by g.store_id limit 1)
                union all
                select (select g.store_id from scout.gold_store_daily_sales g where g.store_id > i.store_id
                         order by g.store_id limit 1)
                  from in_mart i where i.store_id is not null
            ), in_platinum(store_id) as (
                (select p.store_id from scout.platinum_transaction_embeddings p where p.store_id is not null
                  order by p.store_id limit 1)
                union all
                select (select p.store_id from scout.platinum_transaction_embeddings p where p.store_id > i.store_id
                         order by p.store_id limit 1)
                  from in_platinum i where i.store_id is not null
            )
            select i.store_id from in_mart i where i.store_id is not null
            union select i.store_id from in_platinum i where i.store_id is not null
            union select r.store_id from scout.ref_stores r);
    end if;
    return v_stores;
end
$fn$;
comment on function scout_private.reader_store_ids() is
    'The stores the requesting user may read: the JWT''s app_metadata.store_ids (an array, or one string) and the store_id of every scout.store_members row for its sub (auth.uid()); ''*'' among them means every store; empty without a JWT or a membership. user_metadata is never read: users can edit it. Used by the store-scoped policies as coalesce(store_id, '''') = any ((select scout_private.reader_store_ids())::text[]).';
revoke all on function scout_private.reader_store_ids() from public;
grant execute on function scout_private.reader_store_ids() to authenticated, service_role;
