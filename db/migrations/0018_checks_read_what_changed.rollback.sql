do $drop$
declare
    v_counted record;
begin
    for v_counted in select t.tgname, t.tgrelid::regclass as counted from pg_catalog.pg_trigger t
                      where t.tgname like '%\_count\_%'
                        and t.tgfoid in (select p.oid from pg_catalog.pg_proc p
                                          where p.pronamespace = 'scout_internal'::regnamespace
                                            and p.proname in ('count_table_writes', 'count_changed_rows',
                                                              'count_registry_changes'))
                        and t.tgrelid <> 'scout.silver_validated_transactions'::regclass loop
        execute pg_catalog.format('drop trigger %I on %s', v_counted.tgname, v_counted.counted);
    end loop;
end
$drop$;
delete from ip_workbench.layer_versions where table_name <> 'scout.silver_validated_transactions'::regclass;
alter table ip_workbench.dq_results
    drop column inputs_seen,
    drop column reused_from_run_id;
