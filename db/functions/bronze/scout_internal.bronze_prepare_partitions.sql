-- Bronze's months are made ahead, so ingest never waits on DDL: the current month and
-- the next p_months_ahead. A month the default partition holds rows of gets its
-- partition too (a job that did not run, or the rows an upgrade brought), so the
-- default partition keeps only ids with no month. A month whose lock is not granted
-- in time is left for the next call: its rows wait, safe, in the default partition.
create or replace function scout_internal.bronze_prepare_partitions(p_months_ahead int default 2)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_month date;
    v_created text[] := '{}'::text[];
    v_waiting text[] := '{}'::text[];
    v_this_month date := pg_catalog.date_trunc('month', pg_catalog.now() at time zone 'UTC')::date;
    v_partition record;
begin
    for v_month in
        select m::date
          from pg_catalog.generate_series(v_this_month, v_this_month + pg_catalog.make_interval(months => p_months_ahead),
                                          interval '1 month') m
        union
        -- only UUIDv7 ids (version nibble 7) name a month
        select distinct pg_catalog.date_trunc('month', pg_catalog.to_timestamp(
                   ('x' || pg_catalog.left(pg_catalog.replace(d.id::text, '-', ''), 12))::bit(48)::bigint / 1000.0)
                   at time zone 'UTC')::date
          from scout_partitions.bronze_transactions_default d
         where pg_catalog.substr(d.id::text, 15, 1) = '7'
           and d.id < scout_internal.uuid_v7_floor(
                   (v_this_month + pg_catalog.make_interval(months => p_months_ahead + 1))::timestamp at time zone 'UTC')
         order by 1
    loop
        if pg_catalog.to_regclass('scout_partitions.bronze_transactions_' || pg_catalog.to_char(v_month, 'YYYY_MM'))
           is null then
            begin
                perform scout_internal.bronze_partition_month(v_month);
                v_created := v_created || pg_catalog.to_char(v_month, 'YYYY-MM');
            exception when lock_not_available then
                v_waiting := v_waiting || pg_catalog.to_char(v_month, 'YYYY-MM');
            end;
        end if;
    end loop;
    -- the partitions the migration made, and the default one, secured and described
    for v_partition in
        select m.partition, m.month from scout_internal.bronze_months() m
    loop
        perform scout_internal.bronze_secure_partition(v_partition.partition, v_partition.month);
    end loop;
    return pg_catalog.jsonb_build_object('created', pg_catalog.to_jsonb(v_created),
                                         'waiting_for_a_lock', pg_catalog.to_jsonb(v_waiting));
end
$fn$;
comment on function scout_internal.bronze_prepare_partitions(int) is
    'Makes the monthly partitions of scout.bronze_transactions ready: this month and the next p_months_ahead (UTC), and every month the default partition holds rows of, then secures and describes every partition. Returns {"created": [months], "waiting_for_a_lock": [months left for the next call]}. Run by every migrate and by scout.purge_expired.';
revoke all on function scout_internal.bronze_prepare_partitions(int) from public;
