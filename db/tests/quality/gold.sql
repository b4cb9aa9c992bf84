-- Gold passes every one of its data-quality checks. Read-only (see silver.sql).
begin;
select plan(2);
\ir support/layer_checks.sql
create temp table gold_checks as select * from pg_temp.layer_checks('gold');
select ok((select count(*) > 0 from gold_checks), 'Gold has checks');
select is((select count(*)::int from gold_checks where failed > 0), 0,
          'Gold passes all of its checks: ' || coalesce((select string_agg(check_name || ' ' || failed || ' failing', ', ')
                                                         from gold_checks where failed > 0), 'all pass'));
select * from finish();
rollback;
