-- What a check reads, as a run finds it, so the next run can tell whether anything
-- it reads changed: the tables its view reads (through other views), each with its
-- write counter (ip_workbench.layer_versions); the tables read by the functions it
-- calls, where they are known here; its definition; the business day. NULL when the
-- check reads something that is not counted (a team's own table, a function of
-- unknown reads): such a check is judged afresh on every run.
create or replace function scout_internal.dq_check_inputs(
    p_view regclass,
    p_versions jsonb,        -- every counted table's version, read once at the run's start
    p_snapshot pg_snapshot,  -- the run's snapshot, taken with them: Bronze inserts after it are new
    p_day date               -- the business day: date-based rules see each new day
)
returns jsonb
language sql
stable
set search_path = ''
as $fn$
    with recursive reads(relation) as (
        select d.refobjid from pg_catalog.pg_rewrite r
          join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid
                                     and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> r.ev_class
         where r.ev_class = p_view
        union
        select d.refobjid from reads
          join pg_catalog.pg_class v on v.oid = reads.relation and v.relkind in ('v', 'm')
          join pg_catalog.pg_rewrite r on r.ev_class = v.oid
          join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid
                                     and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> v.oid
    ),
    calls as (
        select distinct p.oid, p.prosrc, p.provolatile, k.reads
          from pg_catalog.pg_rewrite r
          join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid
                                     and d.refclassid = 'pg_catalog.pg_proc'::regclass
          join pg_catalog.pg_proc p on p.oid = d.refobjid
          left join (values
              -- what the project's non-immutable helpers read besides their arguments
              ('scout_internal.setting(text)'::regprocedure, array['ip_workbench.settings'::regclass]),
              ('scout_internal.silver_frozen_before()', array['ip_workbench.settings'::regclass]),
              ('scout_internal.gold_kept_from()', array['ip_workbench.settings'::regclass]),
              ('scout_internal.platinum_last_build()',
               array['ip_workbench.platinum_builds'::regclass, 'ip_workbench.settings'::regclass]),
              -- the day is part of what is compared
              ('scout_internal.business_today()', array[]::regclass[]),
              -- a kept judgement keeps its recent figures: no new rows, nothing new to judge
              ('scout_internal.dq_recent_since()', array[]::regclass[])) k(function, reads)
            on k.function = p.oid
         where r.ev_class = p_view
    ),
    everything as (
        select r.relation from reads r
          join pg_catalog.pg_class c on c.oid = r.relation and c.relkind in ('r', 'p')
        union
        select u.relation from calls, pg_catalog.unnest(calls.reads) u(relation)
    )
    select case when exists (select 1 from calls where calls.provolatile <> 'i' and calls.reads is null)
                  or exists (select 1 from everything e where not p_versions ? e.relation::regclass::text)
                then null
                else pg_catalog.jsonb_build_object(
                    'view', p_view::text,
                    'day', p_day,
                    'snapshot', p_snapshot::text,
                    'definition', pg_catalog.md5(pg_catalog.pg_get_viewdef(p_view)
                                                 || coalesce((select pg_catalog.string_agg(calls.prosrc, ';' order by calls.oid)
                                                                from calls), '')),
                    'versions', coalesce((select pg_catalog.jsonb_object_agg(e.relation::regclass::text,
                                                                           p_versions -> e.relation::regclass::text)
                                            from everything e), '{}'))
           end
$fn$;
comment on function scout_internal.dq_check_inputs(regclass, jsonb, pg_snapshot, date) is
    'What check view p_view reads, for ip_workbench.dq_results.inputs_seen: {"view": p_view, "day": p_day, "snapshot": p_snapshot, "definition": md5 of the view and the functions it calls, "versions": {table: its version in p_versions}} over the tables it reads through views and the tables its known helper functions read (settings, platinum_builds); NULL when it reads a table p_versions does not count or calls a non-immutable function whose reads are not known, so it is judged afresh every run.';
revoke all on function scout_internal.dq_check_inputs(regclass, jsonb, pg_snapshot, date) from public;
grant execute on function scout_internal.dq_check_inputs(regclass, jsonb, pg_snapshot, date) to service_role;
