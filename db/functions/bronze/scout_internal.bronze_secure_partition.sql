-- A partition of Bronze is read and written through scout.bronze_transactions only,
-- whose policies and grants apply there; the partition itself gives the API roles
-- nothing and forces row level security with the owner's policy alone, so a role that
-- reaches it by name sees nothing. Each change is made only when it is missing: ALTER
-- TABLE takes an exclusive lock, and this runs on every migrate and every day.
create or replace function scout_internal.bronze_secure_partition(p_partition regclass, p_month date)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_class pg_catalog.pg_class;
    v_about text;
    v_column record;
begin
    select * into strict v_class from pg_catalog.pg_class c where c.oid = p_partition;
    if not v_class.relrowsecurity then
        execute pg_catalog.format('alter table %s enable row level security', p_partition);
    end if;
    if not v_class.relforcerowsecurity then
        execute pg_catalog.format('alter table %s force row level security', p_partition);
    end if;
    if not exists (select 1 from pg_catalog.pg_policy p where p.polrelid = p_partition) then
        execute pg_catalog.format(
            'create policy "the owner manages all rows" on %s for all to current_user using (true) with check (true)',
            p_partition);
        execute pg_catalog.format('comment on policy "the owner manages all rows" on %s is %L', p_partition,
            'The migrating role (the DBA) may reach the partition directly; every other role goes through scout.bronze_transactions.');
    end if;
    if v_class.relacl is not null
       and exists (select 1 from pg_catalog.aclexplode(v_class.relacl) a where a.grantee <> v_class.relowner) then
        execute pg_catalog.format('revoke all on table %s from public, anon, authenticated, service_role', p_partition);
    end if;
    v_about := case when p_month is null
                    then 'Bronze transactions whose id falls in no month''s partition (ids that are not UUIDv7, or a month scout_internal.bronze_prepare_partitions has not made yet). A partition of scout.bronze_transactions: read and write that table.'
                    else pg_catalog.format('Bronze transactions whose id (a UUIDv7) was written in %s (UTC). A partition of scout.bronze_transactions: read and write that table; retention drops it whole once Silver has judged every row and all arrived before the retention period.',
                                           pg_catalog.to_char(p_month, 'YYYY-MM')) end;
    if pg_catalog.obj_description(p_partition, 'pg_class') is distinct from v_about then
        execute pg_catalog.format('comment on table %s is %L', p_partition, v_about);
        for v_column in
            select a.attname, pg_catalog.col_description('scout.bronze_transactions'::regclass, a.attnum) as about
              from pg_catalog.pg_attribute a
             where a.attrelid = 'scout.bronze_transactions'::regclass and a.attnum > 0 and not a.attisdropped
        loop
            execute pg_catalog.format('comment on column %s.%I is %L', p_partition, v_column.attname, v_column.about);
        end loop;
    end if;
end
$fn$;
comment on function scout_internal.bronze_secure_partition(regclass, date) is
    'Secures and describes one partition of scout.bronze_transactions (p_month: its month, NULL for the default partition): row level security enabled and forced with the owner''s policy only, no right for public, anon, authenticated or service_role, its description and its columns'' (those of the parent). Changes only what is missing.';
revoke all on function scout_internal.bronze_secure_partition(regclass, date) from public;
