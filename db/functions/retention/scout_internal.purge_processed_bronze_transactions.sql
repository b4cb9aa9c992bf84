-- The Bronze transactions purge of scout.purge_expired: rows ingested before p_before
-- that Silver has judged — never a row Silver has not. The stream's watermark says
-- which rows a run has read, but a role that may run the pipeline may also write the
-- watermark, so each row is also checked against what Silver holds: rejected (its own
-- rejected row), the winner of its key or older than it, or the very version Silver
-- holds (an identical re-send), or a sale dated before the months Silver keeps. A row
-- that is none of these waits, whatever the watermark and the retention period say, and
-- the accounting check reports it.
-- A month's partition whose every row qualifies goes whole (p_whole_months): one DROP
-- TABLE instead of a delete per row, its WAL and the VACUUM after it. The drop takes an
-- exclusive lock on Bronze for an instant; when that is not granted within 5 s (a long
-- reader) the month's rows are deleted one by one instead, which waits for nobody.
create or replace function scout_internal.purge_processed_bronze_transactions(
    p_before timestamptz, p_whole_months boolean default true)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_mark ip_workbench.watermarks;
    v_today date := scout_internal.business_today();
    v_oldest date;
    -- Each Bronze row of a range (%s: the filter on b) with whether it may go: $1–$3 the
    -- watermark, $4 today, $5 the oldest date Silver accepts, $6 the boundary, $7 the first
    -- day Silver holds (scout_internal.silver_frozen_before, read once). Its rejected
    -- row and Silver's version of its key come by joins, so a month is judged by two hash
    -- joins instead of two index probes per row; only the rows they leave (re-sends of a
    -- version Silver holds, sales of frozen months) are parsed, the parse last in the OR.
    v_rows constant text := $rows$
        select b.id,
               b.ingested_at < $6
               and not scout_internal.is_unprocessed(b.ingest_xid, b.ingest_seq, pg_catalog.pg_current_snapshot(),
                       pg_catalog.pg_current_xact_id_if_assigned(), $1, $2, $3)
               and (r.bronze_id is not null
                    or s.bronze_seq >= b.ingest_seq
                    or exists (
                        select 1
                          from scout_internal.parse_transaction_payload(b.raw_data, $4, pg_catalog.now(), $5) p
                         where pg_catalog.cardinality(p.reasons) = 0
                           and (p.transaction_date < $7
                                or exists (
                                    select 1 from scout.silver_validated_transactions v
                                     where v.transaction_id = p.transaction_id
                                       and (v.transaction_date, v.amount, v.currency, v.category, v.subcategory,
                                            v.store_id, v.vendor_name, v.vendor_id, v.customer_id, v.sku, v.quantity,
                                            v.tax_amount, v.payment_method, v.description, v.attributes)
                                           is not distinct from
                                           (p.transaction_date, p.amount, p.currency, p.category, p.subcategory,
                                            p.store_id, p.vendor_name, p.vendor_id, p.customer_id, p.sku, p.quantity,
                                            p.tax_amount, p.payment_method, p.description, p.attributes))))) as removable
          from scout.bronze_transactions b
          left join scout.silver_rejected_transactions r on r.bronze_id = b.id
          left join scout.silver_validated_transactions s
                 on s.transaction_id = scout_internal.payload_key(b.raw_data, 'transaction_id')
         where %s$rows$;
    v_month record;
    v_keeps bigint;
    v_rows_in_month bigint;
    v_months text[] := '{}'::text[];
    v_month_rows bigint := 0;
    v_deleted bigint;
    v_lock_timeout text := pg_catalog.current_setting('lock_timeout');
begin
    v_oldest := (v_today - pg_catalog.make_interval(
                     years => (scout_internal.setting('transaction_max_age_years'))::int))::date;
    select * into v_mark from ip_workbench.watermarks w where w.stream = 'silver_transactions';
    for v_month in
        select m.partition, m.month, m.id_from, m.id_to
          from scout_internal.bronze_months() m
         where p_whole_months
           -- every id of the month was written before its end, and no row arrives after its id
           and (m.month + interval '1 month')::timestamp at time zone 'UTC' <= p_before
         order by m.month
    loop
        begin
            perform pg_catalog.set_config('lock_timeout', '5s', true);
            -- no row comes into it while it is judged (an owner's insert with an old id)
            execute pg_catalog.format('lock table %s in share row exclusive mode', v_month.partition);
            execute pg_catalog.format('select pg_catalog.count(*) filter (where not x.removable), pg_catalog.count(*) '
                                      'from (' || v_rows || ') x',
                                      pg_catalog.format('b.id >= %L and b.id < %L', v_month.id_from, v_month.id_to))
               into v_keeps, v_rows_in_month
              using v_mark.processed_snapshot, v_mark.processed_xid, v_mark.processed_seq, v_today, v_oldest, p_before,
            scout_internal.silver_frozen_before();
            if v_keeps = 0 then
                execute pg_catalog.format('drop table %s', v_month.partition);
                v_months := v_months || pg_catalog.to_char(v_month.month, 'YYYY-MM');
                v_month_rows := v_month_rows + v_rows_in_month;
            end if;
            perform pg_catalog.set_config('lock_timeout', v_lock_timeout, true);
        exception when lock_not_available then
            null;  -- its rows go one by one below
        end;
    end loop;
    execute pg_catalog.format('delete from scout.bronze_transactions d using (' || v_rows || ') x '
                              'where d.id = x.id and x.removable', 'b.ingested_at < $6')
      using v_mark.processed_snapshot, v_mark.processed_xid, v_mark.processed_seq, v_today, v_oldest, p_before,
            scout_internal.silver_frozen_before();
    get diagnostics v_deleted = row_count;
    if v_month_rows > 0 then
        -- a dropped table fires no delete trigger: what read Bronze is told it changed,
        -- and that rows were removed
        perform scout_internal.count_removal('scout.bronze_transactions');
    end if;
    perform scout_internal.touch_table('scout', 'bronze_transactions', v_deleted + v_month_rows,
                                       -(v_deleted + v_month_rows));
    return pg_catalog.jsonb_build_object('rows', v_deleted + v_month_rows, 'months_dropped', v_months,
                                         'rows_in_months_dropped', v_month_rows);
end
$fn$;
comment on function scout_internal.purge_processed_bronze_transactions(timestamptz, boolean) is
    'Removes the rows of scout.bronze_transactions ingested before p_before that refresh_silver has read (the silver_transactions watermark) and that Silver has judged, checked against Silver itself: a rejected row of its own, a Silver version of its key as late as it, the identical version (a re-send), or a sale dated before the months Silver keeps. A month whose every row qualifies is dropped whole (p_whole_months, when its lock is granted within 5 s); the rest are deleted. Adjusts the registry; returns {"rows", "months_dropped", "rows_in_months_dropped"}. Internal to scout.purge_expired.';
revoke all on function scout_internal.purge_processed_bronze_transactions(timestamptz, boolean) from public;
-- Owner only: scout.purge_expired runs with its owner's rights.
