-- The alerts that go further than the webhook (the old "escalation: email to
-- data-engineering@"): open longer than dq_escalate_after, or raised again within
-- that long of the same table's previous alert closing (a problem that comes back).
create or replace function scout_internal.dq_escalations()
returns table (alert_id bigint, reason text)
language sql
stable
set search_path = ''
as $fn$
    select a.id,
           case when a.opened_at <= pg_catalog.now() - s.after then 'open since ' || pg_catalog.to_char(a.opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
                else 'raised again within ' || s.after::text || ' of the previous alert closing' end
      from ip_workbench.dq_alerts a
     cross join (select (scout_internal.setting('dq_escalate_after') #>> '{}')::interval as after) s
     where a.closed_at is null
       and (a.opened_at <= pg_catalog.now() - s.after
            or exists (select 1 from ip_workbench.dq_alerts p
                        where p.kind = a.kind and p.subject = a.subject and p.id < a.id
                          and p.closed_at >= a.opened_at - s.after))
     order by a.id
$fn$;
comment on function scout_internal.dq_escalations() is
    'Open alerts due to escalate, with why: open longer than dq_escalate_after (ip_workbench.settings), or raised again within that long of the previous alert about the same subject closing. Sales anomalies are closed when raised (an event, not a state), so they never escalate.';
revoke all on function scout_internal.dq_escalations() from public;
grant execute on function scout_internal.dq_escalations() to service_role;
