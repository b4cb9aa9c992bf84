-- Marts still defined belong to a team's extension: roll it back first (scout-db
-- rollback --extension NAME --all drops its marts), so nothing here orphans them.
do $marts_first$
begin
    if exists (select 1 from ip_workbench.marts) then
        raise exception 'marts are still defined: %', (select pg_catalog.string_agg(m.mart_name, ', ') from ip_workbench.marts m)
            using errcode = '2BP01', hint = 'roll their extensions back first: scout-db rollback --extension NAME --all';
    end if;
end
$marts_first$;
drop view if exists scout_checks.silver_validation_rules_hold;
-- takes a rule's row type: it goes with the table
drop function if exists scout_internal.breaks_rule(scout.ref_validation_rules, numeric, integer, numeric, text, text,
    text, text, text, text, text, text, text);
delete from ip_workbench.layer_versions where table_name = 'scout.ref_validation_rules'::regclass;
delete from ip_workbench.tables where schema_name = 'scout' and table_name = 'ref_validation_rules';
drop table scout.ref_validation_rules;
drop table scout_internal.mart_days_to_rebuild;
drop table scout_internal.mart_builds;
drop table ip_workbench.marts;
