-- What every check view of db/checks needs besides its query, in one place: its
-- comment, the same column comments (every check has the same columns, and recent_passed and recent_failed where it can tell the recent rows), and the
-- one grant (scout.run_dq_checks runs the checks under its caller's rights).
create or replace function scout_internal.register_check(p_view regclass, p_description text)
returns void
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_column record;
begin
    execute pg_catalog.format('comment on view %s is %L', p_view, p_description);
    for v_column in select * from (values
        ('check_name', 'The check (the view''s name).'),
        ('schema_name', 'Schema of the checked table.'),
        ('table_name', 'The checked table.'),
        ('layer', 'Its layer.'),
        ('dimension', 'completeness, uniqueness, validity, integrity, volume or timeliness.'),
        ('level', 'error (counts in the table''s score) or warning.'),
        ('passed', 'Rows that passed.'),
        ('failed', 'Rows that failed.'),
        ('detail', 'What is checked.'),
        ('failing_keys', 'The business keys of the failing rows (the Bronze id where there is none).'),
        ('recent_passed', 'Of the passing rows, those that arrived since the previous check run (scout_internal.dq_recent_since).'),
        ('recent_failed', 'Of the failing rows, those that arrived since the previous check run: what the scores describe.')) c(name, text)
        where exists (select 1 from pg_catalog.pg_attribute a where a.attrelid = p_view and a.attname = c.name) loop
        execute pg_catalog.format('comment on column %s.%I is %L', p_view, v_column.name, v_column.text);
    end loop;
    execute pg_catalog.format('revoke all on %s from public, anon, authenticated', p_view);
    execute pg_catalog.format('grant select on %s to service_role', p_view);
end
$fn$;
comment on function scout_internal.register_check(regclass, text) is
    'Gives check view p_view (db/checks) its comment p_description, the standard column comments (recent_passed and recent_failed where it has them) and its grant (select for service_role, nothing for anyone else).';
revoke all on function scout_internal.register_check(regclass, text) from public;
-- Owner only: called by the check files as they are applied.
