-- Silver passes at least 80% of its data-quality checks (the old validation's
-- "Test" step). Read-only: run it against a live database with
--   pg_prove -d "$DATABASE_URL" db/tests/quality/*.sql   (or scout-db dq test)
begin;
select plan(2);
\ir support/layer_checks.sql
create temp table silver_checks as select * from pg_temp.layer_checks('silver');
select ok((select count(*) > 0 from silver_checks), 'Silver has checks');
select cmp_ok((select 100.0 * count(*) filter (where failed = 0) / nullif(count(*), 0) from silver_checks), '>=', 80.0,
              'Silver passes at least 80% of its checks: ' || coalesce((select string_agg(check_name || ' ' || failed || ' failing', ', ')
                                                                       from silver_checks where failed > 0), 'all pass'));
select * from finish();
rollback;
