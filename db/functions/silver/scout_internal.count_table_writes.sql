-- Raises a table's counter in ip_workbench.layer_versions once per writing statement,
-- so a reader (refresh_platinum) can tell in one lookup whether anything changed.
-- A statement trigger, not a row trigger: a million-row load costs one UPDATE. A
-- DELETE counts as a removal even when it deleted nothing (it has no transition table
-- to tell): the writers skip a DELETE they have nothing for.
create or replace function scout_internal.count_table_writes()
returns trigger
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    if tg_op in ('DELETE', 'TRUNCATE') then
        perform scout_internal.count_removal(tg_relid::regclass);
    else
        perform scout_internal.count_write(tg_relid::regclass);
    end if;
    return null;
end
$fn$;
comment on function scout_internal.count_table_writes() is
    'Statement trigger: adds 1 to the written table''s ip_workbench.layer_versions.version (and sets changed_at) after every INSERT, UPDATE, DELETE or TRUNCATE of it; a DELETE or TRUNCATE also adds 1 to its removals.';
revoke all on function scout_internal.count_table_writes() from public;

-- The registry (ip_workbench.tables): only a changed row count or last_updated is a
-- change of what the checks read; the scores each check run writes back are not.
create or replace function scout_internal.count_registry_changes()
returns trigger
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    if exists (select 1 from old_rows o join new_rows n on n.schema_name = o.schema_name and n.table_name = o.table_name
                where (n.row_count, n.last_updated) is distinct from (o.row_count, o.last_updated)) then
        perform scout_internal.count_write(tg_relid::regclass);
    end if;
    return null;
end
$fn$;
comment on function scout_internal.count_registry_changes() is
    'UPDATE statement trigger on ip_workbench.tables with transition tables old_rows and new_rows: adds 1 to its ip_workbench.layer_versions.version when a row_count or last_updated changed (the scores written back by each check run do not count).';
revoke all on function scout_internal.count_registry_changes() from public;

-- The counting triggers of each table of ip_workbench.layer_versions, created once,
-- not on every migrate: CREATE TRIGGER takes a lock that waits for every open writer
-- of the table, and every new writer would queue behind it.
-- * the large tables their refreshes write only when there is something to write
--   (Silver, the marts, Platinum): one statement trigger, every statement counts;
-- * Bronze: deletes and updates that changed rows, and truncates. Its inserts come
--   from concurrent ingest calls that one shared counter row would serialise; a reader
--   finds new Bronze rows by their inserting transaction (ingest_xid) instead;
-- * the registry: added or removed tables, and changed row counts or last_updated;
-- * the other, small tables: every statement that changed a row.
do $trigger$
declare
    v_counted record;
    v_trigger record;
    v_scheme text;
begin
    for v_counted in select v.table_name as counted, c.relname from ip_workbench.layer_versions v
                       join pg_catalog.pg_class c on c.oid = v.table_name loop
        v_scheme := case when v_counted.counted in ('scout.silver_validated_transactions'::regclass,
                                                    'scout.gold_monthly_summary'::regclass,
                                                    'scout.gold_category_trends'::regclass,
                                                    'scout.gold_store_daily_sales'::regclass,
                                                    'scout.platinum_transaction_embeddings'::regclass,
                                                    'scout.platinum_product_recommendations'::regclass)
                              -- the teams' marts (ip_workbench.define_mart makes their trigger)
                              or exists (select 1 from ip_workbench.marts m
                                          where pg_catalog.to_regclass(m.mart_name) = v_counted.counted) then 'statements'
                         when v_counted.counted in ('scout.bronze_transactions'::regclass,
                                                    'scout.bronze_products'::regclass) then 'bronze'
                         when v_counted.counted = 'ip_workbench.tables'::regclass then 'registry'
                         else 'rows' end;
        for v_trigger in
            select x.name, x.definition, x.about from (values
                ('statements', '_count_writes',
                 'after insert or update or delete or truncate on %2$s for each statement execute function scout_internal.count_table_writes()',
                 'Counts the statements that write %s (ip_workbench.layer_versions): its refreshes write only when there is something to write.'),
                ('rows', '_count_inserts',
                 'after insert on %2$s referencing new table as changed_rows for each statement execute function scout_internal.count_changed_rows()',
                 'Counts the inserts into %s that added rows (ip_workbench.layer_versions).'),
                ('rows', '_count_updates',
                 'after update on %2$s referencing new table as changed_rows for each statement execute function scout_internal.count_changed_rows()',
                 'Counts the updates of %s that changed rows (ip_workbench.layer_versions).'),
                ('rows', '_count_deletes',
                 'after delete on %2$s referencing old table as changed_rows for each statement execute function scout_internal.count_changed_rows()',
                 'Counts the deletes from %s that removed rows (ip_workbench.layer_versions).'),
                ('rows', '_count_truncates',
                 'after truncate on %2$s for each statement execute function scout_internal.count_table_writes()',
                 'Counts the truncates of %s (ip_workbench.layer_versions).'),
                ('bronze', '_count_updates',
                 'after update on %2$s referencing new table as changed_rows for each statement execute function scout_internal.count_changed_rows()',
                 'Counts the updates of %s that changed rows (ip_workbench.layer_versions; its inserts are found by ingest_xid).'),
                ('bronze', '_count_deletes',
                 'after delete on %2$s referencing old table as changed_rows for each statement execute function scout_internal.count_changed_rows()',
                 'Counts the deletes from %s that removed rows, the retention purge''s (ip_workbench.layer_versions).'),
                ('bronze', '_count_truncates',
                 'after truncate on %2$s for each statement execute function scout_internal.count_table_writes()',
                 'Counts the truncates of %s (ip_workbench.layer_versions).'),
                ('registry', '_count_inserts',
                 'after insert on %2$s referencing new table as changed_rows for each statement execute function scout_internal.count_changed_rows()',
                 'Counts the tables registered in %s (ip_workbench.layer_versions).'),
                ('registry', '_count_updates',
                 'after update on %2$s referencing old table as old_rows new table as new_rows for each statement execute function scout_internal.count_registry_changes()',
                 'Counts the updates of %s that changed a row count or last_updated (ip_workbench.layer_versions), not the scores written back.'),
                ('registry', '_count_deletes',
                 'after delete on %2$s referencing old table as changed_rows for each statement execute function scout_internal.count_changed_rows()',
                 'Counts the tables removed from %s (ip_workbench.layer_versions).'),
                ('registry', '_count_truncates',
                 'after truncate on %2$s for each statement execute function scout_internal.count_table_writes()',
                 'Counts the truncates of %s (ip_workbench.layer_versions).')) x(scheme, name, definition, about)
             where x.scheme = v_scheme loop
            if not exists (select 1 from pg_catalog.pg_trigger t
                            where t.tgrelid = v_counted.counted and t.tgname = v_counted.relname || v_trigger.name) then
                execute pg_catalog.format('create trigger %1$I ' || v_trigger.definition, v_counted.relname || v_trigger.name,
                                          v_counted.counted);
                execute pg_catalog.format('comment on trigger %I on %s is %L', v_counted.relname || v_trigger.name,
                                          v_counted.counted, pg_catalog.format(v_trigger.about, v_counted.counted));
            end if;
        end loop;
        -- a table counted by rows no longer counts every statement
        if v_scheme <> 'statements' and exists (select 1 from pg_catalog.pg_trigger t
                                                 where t.tgrelid = v_counted.counted
                                                   and t.tgname = v_counted.relname || '_count_writes') then
            execute pg_catalog.format('drop trigger %I on %s', v_counted.relname || '_count_writes', v_counted.counted);
        end if;
    end loop;
end
$trigger$;
