-- The Bronze transactions that arrived (ingested_at) from p_from, and before p_to when
-- given: the rows of a check's recent window, or those that fell behind a retention
-- window between two runs. A function of its own so the bounds are constants when the
-- plan is made: a check's bounds are parameters, which the planner prices at a third of
-- Bronze, and reads all of it.
create or replace function scout_internal.dq_bronze_transactions_arrived(p_from timestamptz, p_to timestamptz default null)
returns table (id uuid, raw_data jsonb, ingested_at timestamptz, ingest_xid xid8, ingest_seq bigint)
language plpgsql
stable
set search_path = ''
as $fn$
#variable_conflict use_column
begin
    -- a custom plan, made for the bounds given: the few rows they name, by index
    return query
    select b.id, b.raw_data, b.ingested_at, b.ingest_xid, b.ingest_seq
      from scout.bronze_transactions b
     where b.ingested_at >= p_from and (p_to is null or b.ingested_at < p_to);
end
$fn$;
comment on function scout_internal.dq_bronze_transactions_arrived(timestamptz, timestamptz) is
    'The Bronze transactions whose ingested_at is p_from or later, and before p_to when given (the ingested_at index, planned for the bounds given): a delta check''s recent window, or the rows that fell behind a retention window since its previous run.';
revoke all on function scout_internal.dq_bronze_transactions_arrived(timestamptz, timestamptz) from public;
grant execute on function scout_internal.dq_bronze_transactions_arrived(timestamptz, timestamptz) to service_role;
