-- Row ids that grow with time (UUID version 7: 48-bit Unix milliseconds, then
-- random bits) keep the primary-key index append-only, so bulk loads do not
-- scatter writes over the whole index as random v4 ids do. Bronze's id default:
-- an SQL-standard body, so every operator was bound to pg_catalog's when it was
-- created and no caller's search_path can put its own in (numeric * integer has
-- no exact match in pg_catalog, so a path-resolved one would win).
create or replace function scout_internal.uuid_v7()
returns uuid
language sql
volatile
parallel safe
begin atomic
    select pg_catalog.encode(
        pg_catalog.set_bit(pg_catalog.set_bit(
            pg_catalog.overlay(pg_catalog.uuid_send(pg_catalog.gen_random_uuid()),
                               pg_catalog.substr(pg_catalog.int8send(pg_catalog.floor(
                                   extract(epoch from pg_catalog.clock_timestamp()) operator(pg_catalog.*) 1000::numeric
                               )::bigint), 3),
                               1, 6),
            52, 1), 53, 1),
        'hex')::uuid;
end;
comment on function scout_internal.uuid_v7() is 'A new UUID version 7 (time-ordered: milliseconds since 1970, then random bits), the default id of Bronze rows. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_internal.uuid_v7() from public;
grant execute on function scout_internal.uuid_v7() to service_role;
