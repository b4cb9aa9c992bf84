-- The Silver checks of the hourly run, over the rows this transaction's
-- refresh_silver just judged (its delta tables live until commit): every row is
-- accounted for — its key is in Silver (the winner or superseded) or it is in the
-- rejected table — and Silver holds one row per key. Cheap: key and id lookups.
create or replace function scout_internal.check_silver_delta()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_rows bigint;
    v_unaccounted bigint;
    v_sample uuid[];
    v_duplicates bigint;
    v_products_unaccounted bigint := 0;
begin
    if pg_catalog.to_regclass('pg_temp.silver_delta_transactions') is null then
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'no Silver refresh ran in this transaction');
    end if;
    select pg_catalog.count(*),
           pg_catalog.count(*) filter (where not exists (select 1 from scout.silver_validated_transactions s
                                                          where s.transaction_id = d.transaction_id)
                                         and not exists (select 1 from scout.silver_rejected_transactions r
                                                          where r.bronze_id = d.bronze_id)),
           (pg_catalog.array_agg(d.bronze_id) filter (where not exists (select 1 from scout.silver_validated_transactions s
                                                                         where s.transaction_id = d.transaction_id)
                                                        and not exists (select 1 from scout.silver_rejected_transactions r
                                                                         where r.bronze_id = d.bronze_id)))[1:10]
      into v_rows, v_unaccounted, v_sample
      from pg_temp.silver_delta_transactions d;
    select pg_catalog.count(*) into v_duplicates
      from (select s.transaction_id
              from scout.silver_validated_transactions s
             where s.transaction_id in (select d.transaction_id from pg_temp.silver_delta_transactions d)
             group by s.transaction_id
            having pg_catalog.count(*) > 1) k;
    if pg_catalog.to_regclass('pg_temp.silver_delta_products') is not null then
        select pg_catalog.count(*) into v_products_unaccounted
          from pg_temp.silver_delta_products d
         where not exists (select 1 from scout.silver_products s where s.sku = d.sku)
           and not exists (select 1 from scout.silver_rejected_products r where r.bronze_id = d.bronze_id);
    end if;
    return pg_catalog.jsonb_build_object(
        'status', case when v_unaccounted + v_duplicates + v_products_unaccounted = 0 then 'ok' else 'failed' end,
        'rows', v_rows,
        'unaccounted', v_unaccounted,
        'unaccounted_products', v_products_unaccounted,
        'duplicate_keys', v_duplicates,
        'sample_bronze_ids', coalesce(pg_catalog.to_jsonb(v_sample), '[]'),
        'message', case when v_unaccounted + v_duplicates + v_products_unaccounted > 0
                        then pg_catalog.format('%s Bronze transactions and %s products are neither in Silver nor rejected; %s keys have more than one Silver row',
                                               v_unaccounted, v_products_unaccounted, v_duplicates) end);
end
$fn$;
comment on function scout_internal.check_silver_delta() is
    'Checks the rows the current transaction''s refresh_silver judged: each is accounted for (its key in Silver, or rejected) and Silver has one row per key. Returns {"status": ok|failed|skipped, "rows", "unaccounted", "unaccounted_products", "duplicate_keys", "sample_bronze_ids", "message"}.';
revoke all on function scout_internal.check_silver_delta() from public;
grant execute on function scout_internal.check_silver_delta() to service_role;
