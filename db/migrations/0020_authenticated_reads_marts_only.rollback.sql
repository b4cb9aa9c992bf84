grant select on scout.ref_stores, scout.store_members to authenticated;
create policy "authenticated users read their stores' rows" on scout.ref_stores
    for select to authenticated using (coalesce(store_id, '') = any ((select scout_private.reader_store_ids())::text[]));
create policy "authenticated users read their own memberships" on scout.store_members
    for select to authenticated using (user_id = (select auth.uid()));
comment on policy "authenticated users read their stores' rows" on scout.ref_stores is
    'The stores the reader belongs to (scout_private.reader_store_ids()); ''*'' reads them all.';
comment on policy "authenticated users read their own memberships" on scout.store_members is
    'A user sees which stores they belong to, and nobody else''s memberships.';
comment on table scout.ref_stores is 'The stores of the chain, maintained by DBAs like ref_categories (the demo''s seed adds its 50). A sale whose store_id is not here is kept and reported by the check silver_store_ids_are_known. Authenticated users read the stores they belong to.';
comment on table scout.store_members is 'Which stores each user may read, besides those in their JWT''s app_metadata.store_ids: one row per user and store, ''*'' for every store. DBAs (or service_role) maintain it; a removed row takes effect at the user''s next statement. Authenticated users read their own rows.';
