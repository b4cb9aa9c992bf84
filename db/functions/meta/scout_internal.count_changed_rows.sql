-- Raises a table's counter in ip_workbench.layer_versions (count_table_writes' kind)
-- for a table that also sees statements that change nothing (a merge with
-- nothing new, a setting saved unchanged in value is still a change): counts a
-- statement only when it changed a row, from its transition table changed_rows. Used
-- on the small tables only: a transition table keeps a copy of every changed row.
create or replace function scout_internal.count_changed_rows()
returns trigger
language plpgsql
volatile
set search_path = ''
as $fn$
begin
    if exists (select 1 from changed_rows) then
        if tg_op = 'DELETE' then
            perform scout_internal.count_removal(tg_relid::regclass);
        else
            perform scout_internal.count_write(tg_relid::regclass);
        end if;
    end if;
    return null;
end
$fn$;
comment on function scout_internal.count_changed_rows() is
    'Statement trigger with a transition table named changed_rows: adds 1 to the table''s ip_workbench.layer_versions.version when the statement changed at least one row, and to its removals too when the statement was a DELETE.';
revoke all on function scout_internal.count_changed_rows() from public;
