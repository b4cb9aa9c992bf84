-- What `scout-db seed` calls: generated data straight into Bronze, one batch each.
create or replace function scout_dev.seed_bronze(
    p_rows bigint,
    p_seed bigint default 42,
    p_end_date date default current_date - 1
)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_batch text := pg_catalog.format('seed-%s-%s', p_seed, pg_catalog.gen_random_uuid());
    v_transactions bigint;
    v_products bigint;
begin
    if p_rows is null or p_rows < 0 then
        raise exception 'p_rows must be a non-negative number of rows, got %', p_rows using errcode = '22023';
    end if;
    perform scout_dev.seed_stores();
    insert into scout.bronze_products (raw_data, source, ingestion_batch_id)
    select g.payload, 'seed', v_batch from scout_dev.generate_products(p_seed) g order by g.seq;
    get diagnostics v_products = row_count;
    insert into scout.bronze_transactions (raw_data, source, ingestion_batch_id)
    select g.payload, 'seed', v_batch from scout_dev.generate_transactions(p_rows, p_seed, p_end_date) g order by g.seq;
    get diagnostics v_transactions = row_count;
    return pg_catalog.jsonb_build_object('batch_id', v_batch, 'transactions', v_transactions, 'products', v_products);
end
$fn$;
comment on function scout_dev.seed_bronze(bigint, bigint, date) is
    'Adds the demo chain''s stores (scout_dev.seed_stores), then inserts scout_dev.generate_products(p_seed) and p_rows of scout_dev.generate_transactions into Bronze with source seed; returns the batch id and counts.';
revoke all on function scout_dev.seed_bronze(bigint, bigint, date) from public;
-- Owner only: generated data is for demos, tests and benchmarks, never for the API roles.
