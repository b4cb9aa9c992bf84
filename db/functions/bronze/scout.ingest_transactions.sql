-- PostgREST: POST /rpc/ingest_transactions {"payload": …, "source": …, "source_filename": …}.
-- Parameter names are the public contract (PostgREST matches them by name).
create or replace function scout.ingest_transactions(
    payload jsonb,
    source text default 'api',
    source_filename text default null
)
returns jsonb
language sql
volatile
set search_path = ''
as $fn$
    select scout_internal.ingest_into_bronze('transactions', payload, source, source_filename)
$fn$;
comment on function scout.ingest_transactions(jsonb, text, text) is
    'Stores one transactions payload object, or an array of them, in scout.bronze_transactions in one transaction. Returns {"batch_id", "received", "inserted"}. Anything that is not an object or an array of objects raises SQLSTATE 22023 and stores nothing.';
revoke all on function scout.ingest_transactions(jsonb, text, text) from public;
grant execute on function scout.ingest_transactions(jsonb, text, text) to service_role;
