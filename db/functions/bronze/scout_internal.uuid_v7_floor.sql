-- The smallest UUIDv7 written at or after a moment: its 48-bit milliseconds, then zeros.
-- Bronze transactions are range-partitioned on their UUIDv7 ids, so a month's partition
-- holds the ids from the floor of its first moment to the floor of the next month's.
create or replace function scout_internal.uuid_v7_floor(p_at timestamptz)
returns uuid
language sql
immutable
parallel safe
set search_path = ''
begin atomic
    select (pg_catalog.lpad(pg_catalog.to_hex(pg_catalog.floor(
                extract(epoch from p_at) operator(pg_catalog.*) 1000::numeric)::bigint), 12, '0')
            operator(pg_catalog.||) '00000000000000000000')::uuid;
end;
comment on function scout_internal.uuid_v7_floor(timestamptz) is 'The smallest UUIDv7 (scout_internal.uuid_v7) generated at or after p_at: its milliseconds since 1970, then zeros. The bounds of Bronze''s monthly partitions.';
revoke all on function scout_internal.uuid_v7_floor(timestamptz) from public;
