-- The 500-SKU catalogue behind scout_dev.generate_transactions (same SKUs, prices and
-- categories), a few SKUs sent twice with a later price change.
create or replace function scout_dev.generate_products(p_seed bigint default 42)
returns table (seq bigint, payload jsonb)
language sql
stable
parallel safe
begin atomic
    with categories as (
        select pg_catalog.array_agg(c.name order by c.name) as names
          from scout.ref_categories c where c.is_active
    )
    select v.seq,
           pg_catalog.jsonb_build_object(
               'sku', pg_catalog.format('SKU-%s', pg_catalog.lpad(v.sku_no::text, 4, '0')),
               -- a product a shopper would name (semantic search asks for "cola", not a code),
               -- the category's own list in turn; a category without one gets a numbered item
               'name', coalesce((select n.products[1 + (v.sku_no / pg_catalog.cardinality(c.names)) % pg_catalog.cardinality(n.products)]
                                   from scout_dev.product_names n
                                  where n.category = c.names[1 + v.sku_no % pg_catalog.cardinality(c.names)]),
                                pg_catalog.format('%s item %s', c.names[1 + v.sku_no % pg_catalog.cardinality(c.names)], v.sku_no)),
               'category', c.names[1 + v.sku_no % pg_catalog.cardinality(c.names)],
               'brand', pg_catalog.format('Vendor %s', v.sku_no % 40 + 1),
               'price', pg_catalog.round(v.price * v.bump, 2),
               'cost', pg_catalog.round(v.price * 0.7, 2),
               'stock_quantity', (pg_catalog.abs(pg_catalog.hashint8extended(v.sku_no, p_seed + 1)) % 500)::int,
               'unit_of_measure', 'pc',
               'barcode', pg_catalog.lpad((pg_catalog.abs(pg_catalog.hashint8extended(v.sku_no, p_seed + 2)) % 10000000000000)::text, 13, '0'),
               'is_active', v.sku_no % 97 <> 0,
               'updated_at', pg_catalog.to_char(timestamp '2024-01-01' + v.version * interval '30 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
      from (
          select g.n as seq, g.n as sku_no, 0 as version, 1.0 as bump,
                 (10 + (pg_catalog.abs(pg_catalog.hashint8extended(g.n, p_seed)) % 20000) / 100.0)::numeric as price
            from pg_catalog.generate_series(1::bigint, 500) as g(n)
          union all
          select 500 + g.n, g.n * 25, 1, 1.05,
                 (10 + (pg_catalog.abs(pg_catalog.hashint8extended(g.n * 25, p_seed)) % 20000) / 100.0)::numeric
            from pg_catalog.generate_series(1::bigint, 20) as g(n)
      ) v
      cross join categories c;
end;
comment on function scout_dev.generate_products(bigint) is
    'Deterministic product catalogue matching scout_dev.generate_transactions: 500 SKUs named from scout_dev.product_names (a numbered item where a category has no list), then 20 of them again with a later updated_at and a 5% price rise. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_dev.generate_products(bigint) from public;
-- Owner only: generated data is for demos, tests and benchmarks, never for the API roles.
