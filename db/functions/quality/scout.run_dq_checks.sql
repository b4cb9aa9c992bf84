-- The daily data-quality job. The checks, scores and alerts are the data-quality
-- issue's; until then the job runs, is recorded, and says so.
create or replace function scout.run_dq_checks(p_wait boolean default false)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_run jsonb;
begin
    v_run := scout_internal.job_start('scout.run_dq_checks', p_wait);
    if v_run ? 'status' then
        return v_run;
    end if;
    return scout_internal.job_finish(v_run, pg_catalog.jsonb_build_object(
        'status', 'ok', 'checks', 0, 'note', 'not yet: no data-quality checks are defined'));
end
$fn$;
comment on function scout.run_dq_checks(boolean) is
    'The daily data-quality job (scout_data_quality). No checks are defined yet: it records its run and returns {"status": "ok", "checks": 0, "note": "not yet: …"}.';
revoke all on function scout.run_dq_checks(boolean) from public;
grant execute on function scout.run_dq_checks(boolean) to service_role;
