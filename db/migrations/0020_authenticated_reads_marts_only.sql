-- CONTRACT v3, "Roles and access": authenticated reads Gold and Platinum, nothing else.
-- 0019 also let it read the store list (scout.ref_stores, its own stores) and its own
-- memberships (scout.store_members); neither is a mart. Both stay readable by
-- service_role and the owner, and the store-scoped policies still read memberships
-- through scout_private.reader_store_ids(), which runs with the owner's rights.
drop policy "authenticated users read their stores' rows" on scout.ref_stores;
drop policy "authenticated users read their own memberships" on scout.store_members;
revoke select on scout.ref_stores, scout.store_members from authenticated;
comment on table scout.ref_stores is 'The stores of the chain, maintained by DBAs like ref_categories (the demo''s seed adds its 50). A sale whose store_id is not here is kept and reported by the check silver_store_ids_are_known.';
comment on table scout.store_members is 'Which stores each user may read in the store-level marts, besides those in their JWT''s app_metadata.store_ids: one row per user and store, ''*'' for every store. DBAs (or service_role) maintain it; a removed row takes effect at the user''s next statement. The API roles below service_role do not read it: the policies look it up through scout_private.reader_store_ids().';
