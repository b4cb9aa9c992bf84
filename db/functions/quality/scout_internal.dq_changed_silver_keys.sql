-- The Silver keys that changed since a check's previous judgement (statement context
-- p_then -> 'judged'), each once, with what it held then: its first logged change
-- since tells whether it existed then (not an insert) and its old columns.
-- Only meaningful where scout_internal.dq_writes_logged(p_then, Silver) holds.
create or replace function scout_internal.dq_changed_silver_keys(p_then jsonb)
returns table (transaction_id text, existed_then boolean, old_store_id text, old_category text,
               old_transaction_date date, old_ingested_at timestamptz)
language plpgsql
stable
set search_path = ''
as $fn$
#variable_conflict use_column
begin
    -- a custom plan, made for the bounds given: the few rows they name, by index
    return query
    select distinct on (k.transaction_id) k.transaction_id, k.change <> 'insert', k.old_store_id, k.old_category,
           k.old_transaction_date, k.old_ingested_at
      from scout_internal.silver_changed_keys k
     where scout_internal.dq_written_since(k.changed_xid, p_then)
     order by k.transaction_id, k.id;
end
$fn$;
comment on function scout_internal.dq_changed_silver_keys(jsonb) is
    'Each Silver key changed since the statement context p_then -> ''judged'' (scout_internal.silver_changed_keys by a transaction that snapshot did not see), once, with existed_then (its first change since was not an insert) and the columns it held then (old_*; NULL when it did not exist).';
revoke all on function scout_internal.dq_changed_silver_keys(jsonb) from public;
grant execute on function scout_internal.dq_changed_silver_keys(jsonb) to service_role;
