-- The rules kept as data (scout.ref_validation_rules) whose action is reject, applied to
-- the rows a step just parsed: each row that breaks one gets its reason code added to
-- its reasons, so it goes to the rejected table with every rule it broke, the
-- contract's and the team's. Reads p_table, one of
--   pg_temp.silver_delta_transactions (refresh_silver) or pg_temp.backfill_versions
--   (backfill), both (bronze_id, …, <every column of parse_transaction_payload>)
create or replace function scout_internal.silver_apply_validation_rules(p_table text)
returns bigint
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_rejected bigint;
begin
    -- backfill holds Silver's lock too
    perform scout_internal.require_job_lock('scout.refresh_silver', 'scout_internal.silver_apply_validation_rules');
    if p_table not in ('silver_delta_transactions', 'backfill_versions') then
        raise exception 'silver_apply_validation_rules: % is not a table of parsed transactions', p_table
            using errcode = '22023', hint = 'pass silver_delta_transactions or backfill_versions';
    end if;
    if not exists (select 1 from scout.ref_validation_rules r where r.is_active and r.action = 'reject') then
        return 0;  -- no rule, no statement
    end if;
    execute pg_catalog.format($sql$
        update pg_temp.%1$I d
           set reasons = d.reasons || b.codes
          from (select x.bronze_id, pg_catalog.array_agg(distinct r.reason_code order by r.reason_code) as codes
                  from pg_temp.%1$I x
                  join scout.ref_validation_rules r
                    on r.is_active and r.action = 'reject' and (r.category is null or r.category = x.category)
                 where scout_internal.breaks_rule(r, x.amount, x.quantity, x.tax_amount, x.currency, x.subcategory,
                                                  x.store_id, x.vendor_id, x.vendor_name, x.customer_id, x.sku,
                                                  x.payment_method, x.description)
                   and r.reason_code <> all (x.reasons)
                 group by x.bronze_id) b
         where d.bronze_id = b.bronze_id$sql$, p_table);
    get diagnostics v_rejected = row_count;
    return v_rejected;
end
$fn$;
comment on function scout_internal.silver_apply_validation_rules(text) is
    'Step of scout_internal.silver_merge_transactions and scout_internal.backfill_judge: adds to the reasons of every row of pg_temp.<p_table> (silver_delta_transactions or backfill_versions) the reason codes of the active reject rules of scout.ref_validation_rules it breaks (scout_internal.breaks_rule; a rule with a category applies to that category only). Returns the rows it gave a reason; writes nothing when no reject rule is active. Only under scout.refresh_silver''s lock (55000 otherwise).';
revoke all on function scout_internal.silver_apply_validation_rules(text) from public;
grant execute on function scout_internal.silver_apply_validation_rules(text) to service_role;
