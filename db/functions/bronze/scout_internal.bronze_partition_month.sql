-- One month of Bronze transactions gets its partition. It is built apart and then
-- attached: ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE on scout.bronze_transactions,
-- so ingest and readers carry on, where CREATE TABLE … PARTITION OF would lock them out.
-- The rows of that month that waited in the default partition move into it with every
-- column (id, arrival order, inserting transaction), so Silver's watermark sees nothing new.
-- Waits at most p_lock_timeout for its locks (the default partition is scanned under an
-- exclusive lock); a busy Bronze is no reason to queue every ingest behind this.
create or replace function scout_internal.bronze_partition_month(p_month date, p_lock_timeout text default '5s')
returns regclass
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_month date := pg_catalog.date_trunc('month', p_month)::date;
    v_name text := 'bronze_transactions_' || pg_catalog.to_char(pg_catalog.date_trunc('month', p_month), 'YYYY_MM');
    v_from uuid := scout_internal.uuid_v7_floor(pg_catalog.date_trunc('month', p_month)::timestamp at time zone 'UTC');
    v_to uuid := scout_internal.uuid_v7_floor((pg_catalog.date_trunc('month', p_month) + interval '1 month')::timestamp
                                              at time zone 'UTC');
    v_partition regclass := pg_catalog.to_regclass('scout_partitions.' || pg_catalog.quote_ident(v_name));
    v_lock_timeout text := pg_catalog.current_setting('lock_timeout');
begin
    if v_partition is not null then
        return v_partition;
    end if;
    perform pg_catalog.set_config('lock_timeout', p_lock_timeout, true);
    execute pg_catalog.format(
        'create table scout_partitions.%I (like scout.bronze_transactions including defaults including constraints)',
        v_name);
    v_partition := ('scout_partitions.' || pg_catalog.quote_ident(v_name))::regclass;
    execute pg_catalog.format(
        'with moved as (delete from scout.bronze_transactions b where b.id >= $1 and b.id < $2 returning b.*) '
        'insert into %s select * from moved', v_partition) using v_from, v_to;
    -- its bounds as a constraint first, so the attach need not scan it
    execute pg_catalog.format('alter table %s add constraint bounds check (id >= %L::uuid and id < %L::uuid)',
                              v_partition, v_from, v_to);
    execute pg_catalog.format('alter table scout.bronze_transactions attach partition %s for values from (%L) to (%L)',
                              v_partition, v_from, v_to);
    execute pg_catalog.format('alter table %s drop constraint bounds', v_partition);
    perform scout_internal.bronze_secure_partition(v_partition, v_month);
    perform pg_catalog.set_config('lock_timeout', v_lock_timeout, true);
    return v_partition;
end
$fn$;
comment on function scout_internal.bronze_partition_month(date, text) is
    'Makes the partition of scout.bronze_transactions for the month of p_month (UTC), scout_partitions.bronze_transactions_YYYY_MM, unless it exists: built apart, filled with that month''s rows from the default partition, attached, secured. Waits at most p_lock_timeout for a lock (SQLSTATE 55P03 after that). Returns the partition.';
revoke all on function scout_internal.bronze_partition_month(date, text) from public;
