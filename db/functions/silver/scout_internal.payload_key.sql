-- The business key of a payload that could not be parsed, where one can be read at
-- all: rejected rows keep "the business key where one could be read" (CONTRACT.md).
create or replace function scout_internal.payload_key(p_raw jsonb, p_key text)
returns text
language plpgsql
immutable
set search_path = ''
as $fn$
begin
    if pg_catalog.jsonb_typeof(p_raw -> p_key) in ('string', 'number') then
        return pg_catalog.left(scout_internal.clean_text(p_raw ->> p_key), 200);
    end if;
    return null;
exception
    when data_exception or program_limit_exceeded then
        return null;
end
$fn$;
comment on function scout_internal.payload_key(jsonb, text) is
    'The value of key p_key of a payload, trimmed and cut to 200 characters, when it is a string or a number; NULL otherwise or when even that cannot be read. Never raises a data error.';
revoke all on function scout_internal.payload_key(jsonb, text) from public;
grant execute on function scout_internal.payload_key(jsonb, text) to service_role;
