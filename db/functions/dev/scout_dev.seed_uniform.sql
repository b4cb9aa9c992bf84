-- Deterministic "random" numbers for the data generator: a function of (row, seed,
-- stream), so the same arguments give the same data in any plan order.
create or replace function scout_dev.seed_uniform(p_row bigint, p_seed bigint, p_stream int)
returns double precision
language sql
immutable
parallel safe
begin atomic
    select ((pg_catalog.hashint8extended(p_row, p_seed * 1000 + p_stream) >> 11) & 4503599627370495)::double precision
           / 4503599627370496.0;
end;
comment on function scout_dev.seed_uniform(bigint, bigint, int) is
    'A number in [0, 1) fixed by (p_row, p_seed, p_stream): the generator''s reproducible randomness. Its search_path is left unpinned on purpose: a SQL-standard body is bound to its objects when it is created, so nothing is looked up by name when it runs, and a pinned function cannot be inlined where it runs once per row (docs/reliability.md, "What the Advisors still show").';
revoke all on function scout_dev.seed_uniform(bigint, bigint, int) from public;
-- Owner only: generated data is for demos, tests and benchmarks, never for the API roles.
