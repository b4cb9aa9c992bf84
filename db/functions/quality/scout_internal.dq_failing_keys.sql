-- The failing keys a check recorded for a table in test_failures: what a check that
-- keeps its previous judgement (nothing it reads changed) still reports as failing.
create or replace function scout_internal.dq_failing_keys(p_check text, p_schema text, p_table text)
returns setof text
language plpgsql
stable
set search_path = ''
as $fn$
begin
    if p_schema <> 'scout' or pg_catalog.to_regclass(pg_catalog.format('test_failures.%I', p_table)) is null then
        return;
    end if;
    return query execute pg_catalog.format('select f.business_key from test_failures.%I f where f.check_name = $1', p_table)
        using p_check;
end
$fn$;
comment on function scout_internal.dq_failing_keys(text, text, text) is
    'The business keys check p_check last recorded as failing for table p_schema.p_table (test_failures.<p_table>); none for a table without a test_failures table.';
revoke all on function scout_internal.dq_failing_keys(text, text, text) from public;
grant execute on function scout_internal.dq_failing_keys(text, text, text) to service_role;
