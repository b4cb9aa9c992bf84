-- scout_internal.dq_escalations: an alert escalates when it stays open longer than
-- dq_escalate_after, or when it opens again within that long of the last one closing.
begin;
select plan(3);

insert into ip_workbench.dq_alerts (subject, schema_name, table_name, layer, dq_score, threshold, scores, opened_run_id,
                                    last_seen_run_id, opened_at, closed_at)
values ('scout.old_and_open', 'scout', 'old_and_open', 'silver', 50, 80, '{}', 1, 1, now() - interval '25 hours', null),
       ('scout.young_and_open', 'scout', 'young_and_open', 'silver', 50, 80, '{}', 1, 1, now() - interval '1 hour', null),
       ('scout.came_back', 'scout', 'came_back', 'silver', 50, 80, '{}', 1, 1, now() - interval '10 hours', now() - interval '3 hours'),
       ('scout.came_back', 'scout', 'came_back', 'silver', 60, 80, '{}', 2, 2, now() - interval '1 hour', null),
       ('scout.came_back_late', 'scout', 'came_back_late', 'silver', 50, 80, '{}', 1, 1, now() - interval '40 hours', now() - interval '30 hours'),
       ('scout.came_back_late', 'scout', 'came_back_late', 'silver', 60, 80, '{}', 2, 2, now() - interval '1 hour', null);
select set_eq($$select a.table_name from scout_internal.dq_escalations() e join ip_workbench.dq_alerts a on a.id = e.alert_id$$,
    $$values ('old_and_open'), ('came_back')$$,
    'open over 24 hours, or back within 24 hours of closing, escalates; a young alert or one back after a day does not');
select matches((select e.reason from scout_internal.dq_escalations() e join ip_workbench.dq_alerts a on a.id = e.alert_id
                 where a.table_name = 'came_back'), '^raised again within 24:00:00 of the previous alert closing', 'saying why');

update ip_workbench.settings set value = '"30 minutes"' where name = 'dq_escalate_after';
select is((select count(*)::int from scout_internal.dq_escalations()), 4, 'the delay is a setting: at 30 minutes every alert here, each open an hour or more, escalates');

select * from finish();
rollback;
