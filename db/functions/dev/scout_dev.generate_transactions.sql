-- Realistic Scout retail transactions for demos, tests and benchmarks: 3 years up to
-- p_end_date, 50 stores, one customer per 50 rows (at least 200: 20,000 at 1M rows, so
-- a regular buys several items a quarter), 500 SKUs over the reference categories,
-- weekend and December uplift, a few (category, week) spikes; about 1% identical
-- re-sends, 0.5% corrections and 2% rows that break a Silver rule.
-- Purchase structure for the recommendations to find: SKUs 1-100 form 50 planted pairs
-- (2k-1 with 2k); each customer favours one pair, and about a third of their purchases
-- are one of its two SKUs (scout_dev.recommendation_precision measures what is found).
-- Each stage is a MATERIALIZED CTE so every value is computed once per row.
create or replace function scout_dev.generate_transactions(
    p_rows bigint,
    p_seed bigint default 42,
    p_end_date date default current_date - 1
)
returns table (seq bigint, kind text, payload jsonb)
language sql
stable
parallel safe
begin atomic
    with categories as materialized (
        select pg_catalog.array_agg(c.name order by c.name) as names
          from scout.ref_categories c where c.is_active
    ),
    arrivals as materialized (
        -- row n re-sends (duplicate, correction) an earlier row src, or is its own
        select g.n,
               case when g.n = 1 then 'normal'
                    when u.u0 < 0.010 then 'duplicate'
                    when u.u0 < 0.015 then 'correction'
                    when u.u0 < 0.035 then (array['bad_amount', 'future_date', 'bad_category', 'missing_id', 'bad_date'])
                                               [1 + pg_catalog.floor(scout_dev.seed_uniform(g.n, p_seed, 2) * 5)::int]
                    else 'normal' end as kind,
               case when u.u0 < 0.015 and g.n > 1
                    then greatest(1, g.n - 1 - pg_catalog.floor(scout_dev.seed_uniform(g.n, p_seed, 1) * 1000)::bigint)
                    else g.n end as src
          from pg_catalog.generate_series(1::bigint, p_rows) as g(n)
         cross join lateral (select scout_dev.seed_uniform(g.n, p_seed, 0) as u0) u
    ),
    buyers as materialized (
        -- who bought transaction src (10% anonymous)
        select g.n as src,
               case when scout_dev.seed_uniform(g.n, p_seed, 15) < 0.9
                    then 1 + pg_catalog.floor(pg_catalog.power(scout_dev.seed_uniform(g.n, p_seed, 5), 1.5)
                                              * greatest(200, p_rows / 50))::bigint end as customer_no
          from pg_catalog.generate_series(1::bigint, p_rows) as g(n)
    ),
    facts as materialized (
        -- the sale behind transaction src: a third of a known customer's purchases are
        -- one of the two SKUs of the pair they favour, the rest drawn from all 500
        select b.src, b.customer_no,
               p_end_date - pg_catalog.floor(pg_catalog.power(scout_dev.seed_uniform(b.src, p_seed, 3), 1.2) * 1095)::int as day,
               case when b.customer_no is not null and scout_dev.seed_uniform(b.src, p_seed, 16) < 0.35
                    then 2 * (1 + pg_catalog.abs(pg_catalog.hashint8extended(b.customer_no, p_seed)) % 50)::int
                         - (scout_dev.seed_uniform(b.src, p_seed, 17) < 0.5)::int
                    else 1 + pg_catalog.floor(pg_catalog.power(scout_dev.seed_uniform(b.src, p_seed, 6), 2) * 500)::int
               end as sku_no,
               1 + pg_catalog.floor(pg_catalog.power(scout_dev.seed_uniform(b.src, p_seed, 7), 3) * 5)::int as quantity
          from buyers b
    ),
    sales as materialized (
        select f.*,
               c.names[1 + f.sku_no % pg_catalog.cardinality(c.names)] as category,
               pg_catalog.round((10 + (pg_catalog.abs(pg_catalog.hashint8extended(f.sku_no, p_seed)) % 20000) / 100.0)
                     * f.quantity
                     * case when extract(isodow from f.day) >= 6 then 1.3 else 1.0 end
                     * case when extract(month from f.day) = 12 then 1.25 else 1.0 end
                     * case when pg_catalog.abs(pg_catalog.hashint8extended(
                                (f.day - date '2000-01-03') / 7 * 100 + f.sku_no % 12, p_seed)) % 60 = 0
                            then 4.0 else 1.0 end, 2)::numeric as amount,
               pg_catalog.format('SKU-%s', pg_catalog.lpad(f.sku_no::text, 4, '0')) as sku
          from facts f cross join categories c
    ),
    documents as (
        select s.src, s.day, s.amount,
               pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                   'transaction_id', pg_catalog.format('TX-%s-%s', p_seed, s.src),
                   'date', case when scout_dev.seed_uniform(s.src, p_seed, 12) < 0.2
                                then pg_catalog.to_char(s.day, 'YYYY-MM-DD') || 'T'
                                     || pg_catalog.lpad((8 + pg_catalog.floor(scout_dev.seed_uniform(s.src, p_seed, 13) * 13))::int::text, 2, '0')
                                     || ':15:00+08:00'
                                else s.day::text end,
                   'amount', s.amount,
                   'currency', case when scout_dev.seed_uniform(s.src, p_seed, 14) < 0.9 then 'PHP' end,
                   'category', s.category,
                   'store_id', pg_catalog.format('ST-%s', pg_catalog.lpad((1 + pg_catalog.floor(scout_dev.seed_uniform(s.src, p_seed, 4) * 50))::int::text, 3, '0')),
                   'customer_id', case when s.customer_no is not null
                                       then pg_catalog.format('C-%s', pg_catalog.lpad(s.customer_no::text,
                                                greatest(5, pg_catalog.length(s.customer_no::text)), '0')) end,
                   'sku', s.sku,
                   'vendor_name', pg_catalog.format('Vendor %s', s.sku_no % 40 + 1),
                   'quantity', s.quantity,
                   'tax_amount', pg_catalog.round(s.amount * 12 / 112, 2),
                   'payment_method', (array['cash', 'gcash', 'card', 'maya'])[1 + pg_catalog.floor(scout_dev.seed_uniform(s.src, p_seed, 8) * 4)::int],
                   'description', pg_catalog.format('%s x %s', s.quantity, s.sku)
               )) as doc
          from sales s
    )
    select a.n,
           a.kind,
           case a.kind
               when 'bad_amount' then d.doc || '{"amount": "-5.00"}'
               when 'future_date' then d.doc || pg_catalog.jsonb_build_object('date', (p_end_date + 30)::text)
               when 'bad_category' then d.doc || '{"category": "Electronics"}'
               when 'missing_id' then d.doc - 'transaction_id'
               when 'bad_date' then d.doc || pg_catalog.jsonb_build_object('date', pg_catalog.to_char(d.day, 'DD/MM/YYYY'))
               when 'correction' then d.doc || pg_catalog.jsonb_build_object('amount', pg_catalog.round(d.amount * 0.9, 2))
               else d.doc
           end
      from arrivals a
      join documents d on d.src = a.src
     order by a.n;
end;
comment on function scout_dev.generate_transactions(bigint, bigint, date) is
    'Deterministic generator of p_rows transaction payloads (seq, kind, payload), the same for the same (p_rows, p_seed, p_end_date). kind is normal, duplicate, correction, bad_amount, future_date, bad_category, missing_id or bad_date. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_dev.generate_transactions(bigint, bigint, date) from public;
-- Owner only: generated data is for demos, tests and benchmarks, never for the API roles.
