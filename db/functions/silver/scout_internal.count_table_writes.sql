-- Raises a table's counter in ip_workbench.layer_versions once per writing statement,
-- so a reader (refresh_platinum) can tell in one lookup whether anything changed.
-- A statement trigger, not a row trigger: a million-row load costs one UPDATE.
create or replace function scout_internal.count_table_writes()
returns trigger
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    update ip_workbench.layer_versions v
       set version = v.version + 1, changed_at = pg_catalog.now()
     where v.table_name = tg_relid::regclass;
    return null;
end
$fn$;
comment on function scout_internal.count_table_writes() is
    'Statement trigger: adds 1 to the written table''s ip_workbench.layer_versions.version (and sets changed_at) after every INSERT, UPDATE, DELETE or TRUNCATE of it.';
revoke all on function scout_internal.count_table_writes() from public;

-- created once, not on every migrate: CREATE TRIGGER takes a lock that waits for every
-- open writer of Silver, and every new writer would queue behind it
do $trigger$
begin
    if not exists (select 1 from pg_catalog.pg_trigger t
                    where t.tgrelid = 'scout.silver_validated_transactions'::regclass
                      and t.tgname = 'silver_validated_transactions_count_writes'
                      and t.tgfoid = 'scout_internal.count_table_writes()'::regprocedure) then
        create or replace trigger silver_validated_transactions_count_writes
            after insert or update or delete or truncate on scout.silver_validated_transactions
            for each statement execute function scout_internal.count_table_writes();
        comment on trigger silver_validated_transactions_count_writes on scout.silver_validated_transactions is
            'Counts the statements that write Silver transactions (ip_workbench.layer_versions), for refresh_platinum''s nothing-changed check.';
    end if;
end
$trigger$;
