-- One Bronze row can never stall Silver: values that would break a cast are
-- rejected by rule, and a row that breaks the parse in a way no rule foresaw
-- (here a test-only rule that raises) is rejected as unparseable with its error
-- while every other row goes on to Silver, now and in every later run.
begin;
select plan(14);
\ir support/jobs.sql

select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'BIG', 'date', '2025-01-01', 'category', 'Snacks', 'amount', '1' || repeat('0', 131072)),
    jsonb_build_object('transaction_id', 'FINE', 'date', '2025-01-01', 'category', 'Snacks', 'amount', '1.' || repeat('0', 16384)),
    jsonb_build_object('transaction_id', 'EXP', 'date', '2025-01-01', 'category', 'Snacks', 'amount', '1e999'),
    jsonb_build_object('transaction_id', 'ZONE', 'date', '2025-01-01T10:00:00+20:00', 'category', 'Snacks', 'amount', 1),
    jsonb_build_object('transaction_id', 'OK1', 'date', '2025-01-01', 'category', 'Snacks', 'amount', 2)));
select scout.ingest_products('{"sku": "ZONE", "name": "n", "updated_at": "2025-01-01T00:00:00+20:00"}');

select pg_temp.job_succeeds($$select scout.refresh_silver()$$, 'refresh_silver succeeds through amounts past numeric''s limits and a +20:00 zone');
select results_eq($$select transaction_id, reasons from scout.silver_rejected_transactions order by transaction_id$$,
    $$values ('BIG', array['invalid_amount']), ('EXP', array['invalid_amount']), ('FINE', array['invalid_amount']),
             ('ZONE', array['invalid_date'])$$,
    'each is rejected with its rule: over 1000 characters, or too large, is invalid_amount; a zone beyond ±15:59 is invalid_date');
select is((select reasons from scout.silver_rejected_products where sku = 'ZONE'), array['invalid_updated_at'],
          'a product updated_at with a +20:00 zone is invalid_updated_at');
select is((select count(*)::int from scout.silver_validated_transactions where transaction_id = 'OK1'), 1,
          'and the valid row of the same batch reached Silver');

-- A rule the guards do not know about: quantity 13 raises (division by zero).
create or replace function scout_internal.parse_int(p_text text) returns integer language sql immutable parallel safe
begin atomic
    select case when p_text = '13' then pg_catalog.int4div(1, pg_catalog.length(p_text) - 2)
                when p_text ~ '^[+-]?[0-9]{1,9}$' then p_text::int end;
end;
select scout.ingest_transactions(jsonb_build_array(
    jsonb_build_object('transaction_id', 'N1', 'date', '2025-02-01', 'category', 'Dairy', 'amount', 1),
    jsonb_build_object('transaction_id', 'POISON', 'date', '2025-02-01', 'category', 'Dairy', 'amount', 1, 'quantity', 13),
    jsonb_build_object('transaction_id', 'N2', 'date', '2025-02-01', 'category', 'Dairy', 'amount', 2)));
select scout.ingest_products('[{"sku": "P-OK", "name": "fine"}, {"sku": "P-POISON", "name": "bad", "stock_quantity": 13}]');

create temp table first_run as select scout.refresh_silver() as result;
select is((select (result -> 'transactions' ->> 'processed')::int from first_run), 3,
          'the run with a poison row succeeds and processes all three rows');
select results_eq($$select transaction_id from scout.silver_validated_transactions where transaction_id in ('N1', 'N2', 'POISON')
                    order by 1$$, $$values ('N1'), ('N2')$$, 'the rows beside it reach Silver');
select results_eq($$select reasons, parse_error from scout.silver_rejected_transactions where transaction_id = 'POISON'$$,
    $$values (array['unparseable'], '22012: division by zero')$$,
    'the poison row is rejected as unparseable with its SQLSTATE and message, its key read where it could be');
select is((select raw_data ->> 'quantity' from scout.silver_rejected_transactions where transaction_id = 'POISON'), '13',
          'and keeps its payload');
select results_eq($$select sku, reasons, parse_error from scout.silver_rejected_products where sku like 'P-%'$$,
    $$values ('P-POISON', array['unparseable'], '22012: division by zero')$$,
    'products have the same safety net');
select is((select count(*)::int from scout.silver_products where sku = 'P-OK'), 1, 'and the good product is in Silver');

select is((select (scout.refresh_silver() ->> 'processed')::int), 0, 'the next run finds nothing left: the stream moved on');
select scout.ingest_transactions('{"transaction_id": "N3", "date": "2025-02-02", "category": "Dairy", "amount": 3}');
select is((select (scout.refresh_silver() -> 'transactions' ->> 'inserted')::int), 1, 'and later rows flow as before');

select is_empty($$
    select b.id from scout.bronze_transactions b
     where b.id not in (select bronze_id from scout.silver_validated_transactions)
       and b.id not in (select bronze_id from scout.silver_rejected_transactions)
       and scout_internal.clean_text(b.raw_data ->> 'transaction_id') not in (select transaction_id from scout.silver_validated_transactions)
$$, 'every Bronze row is a winner, superseded or rejected');
select is((select count(*)::int from ip_workbench.job_runs where job_name = 'scout.refresh_silver' and status = 'ok'), 4,
          'every run was recorded as ok');

select * from finish();
rollback;
