-- The partitions of scout.bronze_transactions as the functions that make, secure and
-- purge them see them: each month's (named bronze_transactions_YYYY_MM) with its id
-- range, and the default partition, with no month.
create or replace function scout_internal.bronze_months()
returns table (partition regclass, month date, id_from uuid, id_to uuid)
language sql
stable
set search_path = ''
as $fn$
    select i.inhrelid::regclass, m.month,
           scout_internal.uuid_v7_floor(m.month::timestamp at time zone 'UTC'),
           scout_internal.uuid_v7_floor((m.month + interval '1 month')::timestamp at time zone 'UTC')
      from pg_catalog.pg_inherits i
      join pg_catalog.pg_class c on c.oid = i.inhrelid
     cross join lateral (
           select case when c.relname operator(pg_catalog.~) '^bronze_transactions_[0-9]{4}_[0-9]{2}$'
                       then pg_catalog.to_date(pg_catalog.right(c.relname, 7), 'YYYY_MM') end as month) m
     where i.inhparent = 'scout.bronze_transactions'::regclass
     order by m.month nulls first
$fn$;
comment on function scout_internal.bronze_months() is
    'The partitions of scout.bronze_transactions: each month''s (scout_partitions.bronze_transactions_YYYY_MM) with its month (UTC) and the range of UUIDv7 ids it holds [id_from, id_to), and the default partition with NULLs. Read by bronze_prepare_partitions, the retention purge and scout-db status.';
revoke all on function scout_internal.bronze_months() from public;
grant execute on function scout_internal.bronze_months() to service_role;
