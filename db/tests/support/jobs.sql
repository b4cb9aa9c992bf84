-- "This job ran and succeeded": a job returns {"status": "failed", …} instead of
-- raising (its run log keeps the failure), so lives_ok passes on a failed run; this
-- passes only on {"status": "ok"} and prints the result otherwise.
create or replace function pg_temp.job_succeeds(p_call text, p_description text) returns setof text
language plpgsql as $$
declare
    v_result jsonb;
begin
    execute p_call into v_result;
    return next ok(v_result ->> 'status' = 'ok', p_description);
    if v_result ->> 'status' is distinct from 'ok' then
        return next diag('returned ' || coalesce(v_result::text, 'NULL'));
    end if;
exception when others then
    return next ok(false, p_description);
    return next diag(format('raised %s: %s', sqlstate, sqlerrm));
end $$;
-- The project's default privileges keep new functions from PUBLIC; this is for every role.
grant execute on function pg_temp.job_succeeds(text, text) to public;
