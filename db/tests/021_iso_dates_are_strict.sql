-- scout_internal.iso_date accepts ISO 8601 only, never raises, and knows the calendar.
begin;
select plan(2);

select results_eq(
    $$select scout_internal.iso_date(t) from unnest(array[
        '2024-02-29', '2025-12-31', '2025-01-01T00:00', '2025-01-01T23:59:59', '2025-01-01 10:00:00.123456+08:00',
        '2025-01-01T10:00:00Z', '2025-01-01T10:00:00-0530', '2000-02-29'
      ]) with ordinality as x(t, i) order by i$$,
    $$values (date '2024-02-29'), ('2025-12-31'), ('2025-01-01'), ('2025-01-01'), ('2025-01-01'),
             ('2025-01-01'), ('2025-01-01'), ('2000-02-29')$$,
    'ISO dates and date-times give their date part as written');

select is(
    (select array_agg(scout_internal.iso_date(t)) filter (where scout_internal.iso_date(t) is not null) from unnest(array[
        '2023-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '0000-01-01',
        '2025-1-01', '20250101', '01/02/2025', 'today', 'tomorrow', 'epoch', 'infinity', '-infinity', 'now',
        '2025-01-01T24:00', '2025-01-01T10:60', '2025-01-01x', '2025-01-01T10:00:00+25:00', ' ', '',
        'J2451187', '2025-01-01 BC'
      ]) as t),
    null, 'impossible dates, other spellings and special words are all NULL');

select * from finish();
rollback;
