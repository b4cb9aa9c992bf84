-- The Silver rows whose winning Bronze row arrived at or after p_since: the rows of the
-- recent window (a check's recent_passed and recent_failed), found through Bronze's
-- ingested_at index, since Silver has none. Silver's key is the payload's cleaned
-- transaction_id, so the key's row is the one, if its bronze_id is that Bronze row.
create or replace function scout_internal.dq_recent_silver_transactions(p_since timestamptz)
returns setof scout.silver_validated_transactions
language plpgsql
stable
set search_path = ''
as $fn$
#variable_conflict use_column
begin
    -- a custom plan, made for the bounds given: the few rows they name, by index
    return query
    select s.*
      from scout_internal.dq_bronze_transactions_arrived(p_since) b
      join scout.silver_validated_transactions s
        on s.transaction_id = scout_internal.clean_text(b.raw_data ->> 'transaction_id') and s.bronze_id = b.id;
end
$fn$;
comment on function scout_internal.dq_recent_silver_transactions(timestamptz) is
    'The rows of scout.silver_validated_transactions whose ingested_at (their winning Bronze row''s arrival) is p_since or later, found from Bronze''s ingested_at index and Silver''s key: a delta check''s recent window.';
revoke all on function scout_internal.dq_recent_silver_transactions(timestamptz) from public;
grant execute on function scout_internal.dq_recent_silver_transactions(timestamptz) to service_role;
