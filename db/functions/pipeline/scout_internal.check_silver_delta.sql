-- The Silver checks of the hourly run, over the rows this transaction's
-- refresh_silver just judged (its delta tables live until commit): every row is
-- accounted for — its key is in Silver (the winner or superseded) or it is in the
-- rejected table — and Silver holds one row per key (its primary key on
-- transaction_id is in place and valid).
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
    v_no_primary_key bigint;
    v_products_unaccounted bigint := 0;
begin
    perform 'PRAGMA:TABLE: silver_delta_transactions (bronze_id uuid, transaction_id text)';
    perform 'PRAGMA:TABLE: silver_delta_products (bronze_id uuid, sku text)';
    if pg_catalog.to_regclass('pg_temp.silver_delta_transactions') is null then
        return pg_catalog.jsonb_build_object('status', 'skipped', 'reason', 'no Silver refresh ran in this transaction');
    end if;
    -- one pass, joins the planner may hash for a large delta (a first load)
    select pg_catalog.count(*),
           pg_catalog.count(*) filter (where s.transaction_id is null and r.bronze_id is null),
           (pg_catalog.array_agg(d.bronze_id) filter (where s.transaction_id is null and r.bronze_id is null))[1:10]
      into v_rows, v_unaccounted, v_sample
      from pg_temp.silver_delta_transactions d
      left join scout.silver_validated_transactions s on s.transaction_id = d.transaction_id
      left join scout.silver_rejected_transactions r on r.bronze_id = d.bronze_id;
    -- one row per key is the primary key's to guarantee: check that it is there and valid
    select case when exists (select 1 from pg_catalog.pg_constraint c
                              where c.conrelid = 'scout.silver_validated_transactions'::regclass
                                and c.contype = 'p' and c.convalidated
                                and c.conkey = array[(select a.attnum from pg_catalog.pg_attribute a
                                                       where a.attrelid = c.conrelid
                                                         and a.attname = 'transaction_id')]::smallint[])
                then 0 else 1 end
      into v_no_primary_key;
    if pg_catalog.to_regclass('pg_temp.silver_delta_products') is not null then
        select pg_catalog.count(*) into v_products_unaccounted
          from pg_temp.silver_delta_products d
          left join scout.silver_products s on s.sku = d.sku
          left join scout.silver_rejected_products r on r.bronze_id = d.bronze_id
         where s.sku is null and r.bronze_id is null;
    end if;
    return pg_catalog.jsonb_build_object(
        'status', case when v_unaccounted + v_no_primary_key + v_products_unaccounted = 0 then 'ok' else 'failed' end,
        'rows', v_rows,
        'unaccounted', v_unaccounted,
        'unaccounted_products', v_products_unaccounted,
        'primary_key_missing', v_no_primary_key = 1,
        'sample_bronze_ids', coalesce(pg_catalog.to_jsonb(v_sample), '[]'),
        'message', case when v_unaccounted + v_no_primary_key + v_products_unaccounted > 0
                        then pg_catalog.format('%s Bronze transactions and %s products are neither in Silver nor rejected%s',
                                               v_unaccounted, v_products_unaccounted,
                                               case when v_no_primary_key = 1 then '; Silver''s primary key is missing' else '' end) end);
end
$fn$;
comment on function scout_internal.check_silver_delta() is
    'Checks the rows the current transaction''s refresh_silver judged: each is accounted for (its key in Silver, or rejected), and Silver''s primary key on transaction_id (one row per key) is in place and valid. Returns {"status": ok|failed|skipped, "rows", "unaccounted", "unaccounted_products", "primary_key_missing", "sample_bronze_ids", "message"}.';
revoke all on function scout_internal.check_silver_delta() from public;
grant execute on function scout_internal.check_silver_delta() to service_role;
