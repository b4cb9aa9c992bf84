-- Whether a stream has Bronze rows its last Silver run did not process: the
-- micro-batch's gate, by scout_internal.oldest_unjudged_bronze.
create or replace function scout_internal.has_unprocessed_bronze()
returns boolean
language sql
stable
set search_path = ''
begin atomic
    select scout_internal.oldest_unjudged_bronze('silver_transactions') is not null
           or scout_internal.oldest_unjudged_bronze('silver_products') is not null;
end;
comment on function scout_internal.has_unprocessed_bronze() is
    'Whether scout.bronze_transactions or scout.bronze_products holds a row refresh_silver has not processed yet (by the streams'' watermarks).';
revoke all on function scout_internal.has_unprocessed_bronze() from public;
grant execute on function scout_internal.has_unprocessed_bronze() to service_role;
