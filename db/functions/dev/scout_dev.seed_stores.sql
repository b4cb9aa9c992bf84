-- The demo chain's 50 stores (ST-001 … ST-050, the ids scout_dev.generate_transactions
-- gives its sales), spread over the Philippines' regions, for scout.ref_stores.
create or replace function scout_dev.seed_stores()
returns bigint
language sql
volatile
set search_path = ''
as $fn$
    with added as (
        insert into scout.ref_stores as r (store_id, name, region, city, opened_on)
        select pg_catalog.format('ST-%s', pg_catalog.lpad(n::text, 3, '0')),
               c.city || ' ' || (array['Central', 'North', 'South', 'Bay', 'Plaza'])[1 + (n - 1) / 10],
               c.region, c.city, date '2015-01-01' + (n * 53) % 3000
          from pg_catalog.generate_series(1, 50) as n
         cross join lateral (select (array['Manila', 'Quezon City', 'Cebu', 'Davao', 'Iloilo', 'Baguio', 'Cagayan de Oro',
                                           'Bacolod', 'Zamboanga', 'Makati'])[1 + (n - 1) % 10] as city,
                                    (array['NCR', 'NCR', 'Central Visayas', 'Davao Region', 'Western Visayas', 'Cordillera',
                                           'Northern Mindanao', 'Western Visayas', 'Zamboanga Peninsula', 'NCR'])[1 + (n - 1) % 10]
                                        as region) c
        on conflict (store_id) do nothing
        returning 1
    )
    select pg_catalog.count(*) from added
$fn$;
comment on function scout_dev.seed_stores() is
    'Adds the demo chain''s 50 stores (ST-001 … ST-050, the store ids of scout_dev.generate_transactions) to scout.ref_stores, keeping any row already there; returns how many it added.';
revoke all on function scout_dev.seed_stores() from public;
