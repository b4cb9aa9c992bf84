-- Where "the recent data" starts, which the scores describe: what the previous
-- successful check run had not seen. That run recorded how far its view reached
-- (recent_until: its start, or the arrival of the oldest Bronze row still waiting
-- for Silver then, whichever is earlier, so a row judged after it is not missed);
-- before any run, the last day.
create or replace function scout_internal.dq_recent_since()
returns timestamptz
language sql
stable
set search_path = ''
begin atomic
    select coalesce((select (r.details ->> 'recent_until')::timestamptz
                       from ip_workbench.job_runs r
                      where r.job_name = 'scout.run_dq_checks' and r.status = 'ok' and r.details ? 'recent_until'
                      order by r.id desc limit 1),
                    pg_catalog.now() - interval '1 day');
end;
comment on function scout_internal.dq_recent_since() is
    'The start of the recent window the data-quality scores describe: the recent_until recorded by the last successful scout.run_dq_checks (its start, or the arrival of the oldest Bronze row Silver had not judged then, if earlier), else now() minus one day. Check views compare a row''s arrival (ingested_at) with it.';
revoke all on function scout_internal.dq_recent_since() from public;
grant execute on function scout_internal.dq_recent_since() to service_role;
