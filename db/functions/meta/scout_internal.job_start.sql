-- The start of every job (ip_workbench.jobs): take its transaction advisory lock,
-- or record and return that another session holds it (and which: any role can take
-- an advisory lock, so a stuck holder must be easy to find); mark the job's runs
-- that never finished as abandoned, whether their row was committed ahead (still
-- running) or went with their transaction (found through the job's sequence); open
-- this run's row. Returns {"run_id", …}, or
-- the skipped result, which has a "status", for the job to return as it is.
create or replace function scout_internal.job_start(p_job text, p_wait boolean)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $fn$
declare
    v_job ip_workbench.jobs;
    v_run_id bigint;
    v_preset bigint := nullif(pg_catalog.current_setting('scout.run_id', true), '')::bigint;
    v_parent bigint := nullif(pg_catalog.current_setting('scout.parent_run_id', true), '')::bigint;
    v_holder jsonb;
    v_result jsonb;
    v_last_xact regclass := pg_catalog.to_regclass(
        pg_catalog.format('scout_internal.%I', pg_catalog.replace(p_job, '.', '_') || '_last_xact'));
    v_previous bigint;
    v_previous_status text;
    v_abandoned bigint;
    v_left record;
begin
    select * into v_job from ip_workbench.jobs j where j.name = p_job;
    if not found then
        raise exception 'unknown job %', p_job
            using errcode = '42704', hint = 'Every job is a row of ip_workbench.jobs.';
    end if;
    -- a run row committed ahead by scout_internal.run_job is this run's; nested jobs get their own
    perform pg_catalog.set_config('scout.run_id', '', true);

    if not scout_internal.take_job_lock(p_job, p_wait) then
        select pg_catalog.jsonb_build_object('pid', l.pid, 'role', a.usename, 'application_name', a.application_name,
                                             'since', a.xact_start, 'state', a.state)
          into v_holder
          from pg_catalog.pg_locks l
          left join pg_catalog.pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'advisory' and l.granted
           and l.classid = scout_internal.advisory_lock_space('jobs')::oid and l.objid = v_job.lock_key::oid and l.objsubid = 2::smallint
         limit 1;
        v_result := pg_catalog.jsonb_build_object(
            'status', 'skipped',
            'reason', pg_catalog.format('another %s is running; call again, or with p_wait => true to queue behind it', p_job),
            'held_by', v_holder);
        if v_preset is not null then
            update ip_workbench.job_runs r
               set status = 'skipped', finished_at = pg_catalog.clock_timestamp(), details = v_result
             where r.id = v_preset;
            v_run_id := v_preset;
        else
            insert into ip_workbench.job_runs (job_name, finished_at, status, details, parent_id)
            values (p_job, pg_catalog.clock_timestamp(), 'skipped', v_result, v_parent)
            returning id into v_run_id;
        end if;
        return v_result || pg_catalog.jsonb_build_object('run_id', v_run_id);
    end if;

    -- Holding the lock, no other run of this job is alive: one still marked running
    -- had its session end mid-way (only scout_internal.run_job commits that mark early).
    for v_left in
        update ip_workbench.job_runs r
           set status = 'abandoned', finished_at = coalesce(r.finished_at, pg_catalog.clock_timestamp()),
               message = 'its session ended before it finished (killed, crashed or disconnected)'
         where r.job_name = p_job and r.status = 'running' and r.id is distinct from v_preset
        returning r.id, r.parent_id, r.message
    loop
        if v_left.parent_id is null then
            perform scout_internal.job_alert(p_job, v_left.id, 'abandoned', pg_catalog.jsonb_build_object('message', v_left.message));
        end if;
    end loop;
    -- A run that never committed (killed in psql, an RPC cut off, pg_cron's backend
    -- terminated, a crash) took its row with it, but not the transaction id it wrote
    -- into the job's sequence: sequences are not rolled back.
    if v_last_xact is not null then
        execute pg_catalog.format('select last_value from %s', v_last_xact) into v_previous;
        if v_previous > 0 then
            begin
                v_previous_status := pg_catalog.pg_xact_status(v_previous::text::xid8);
            exception when others then
                v_previous_status := null;  -- not a transaction id this server can look up
            end;
            if v_previous_status = 'aborted' and not exists (
                    select 1 from ip_workbench.job_runs r
                     where r.job_name = p_job and r.xact_id = v_previous::text::xid8) then
                insert into ip_workbench.job_runs (job_name, started_at, finished_at, status, message, xact_id)
                values (p_job, pg_catalog.now(), pg_catalog.now(), 'abandoned',
                        pg_catalog.format('transaction %s ran it and never committed (killed, crashed, or rolled back by its caller); this run found it: its start time was lost with it', v_previous),
                        v_previous::text::xid8)
                returning id into v_abandoned;
                -- a job run inside another shares its transaction: the outer job, which
                -- starts first, has recorded that transaction and raised the one alert
                if not exists (select 1 from ip_workbench.job_runs r
                                where r.xact_id = v_previous::text::xid8 and r.job_name <> p_job) then
                    perform scout_internal.job_alert(p_job, v_abandoned, 'abandoned', pg_catalog.jsonb_build_object(
                        'message', pg_catalog.format('transaction %s ran it and never committed', v_previous)));
                end if;
            end if;
        end if;
        -- a run row committed ahead (scout-db) is found by its status instead
        perform pg_catalog.setval(v_last_xact, coalesce(-v_preset, pg_catalog.pg_current_xact_id()::text::bigint));
    end if;

    if v_preset is not null then
        update ip_workbench.job_runs r
           set pid = pg_catalog.pg_backend_pid(),
               backend_start = (select a.backend_start from pg_catalog.pg_stat_activity a
                                 where a.pid = pg_catalog.pg_backend_pid()),
               parent_id = v_parent, xact_id = pg_catalog.pg_current_xact_id()
         where r.id = v_preset and r.job_name = p_job
        returning r.id into v_run_id;
    end if;
    if v_run_id is null then
        insert into ip_workbench.job_runs (job_name, status, parent_id, pid, backend_start, xact_id)
        values (p_job, 'running', v_parent, pg_catalog.pg_backend_pid(),
                (select a.backend_start from pg_catalog.pg_stat_activity a where a.pid = pg_catalog.pg_backend_pid()),
                pg_catalog.pg_current_xact_id())
        returning id into v_run_id;
    end if;
    return pg_catalog.jsonb_build_object('run_id', v_run_id, 'started_at', pg_catalog.clock_timestamp());
end
$fn$;
comment on function scout_internal.job_start(text, boolean) is
    'Starts a run of job p_job (ip_workbench.jobs): takes its advisory lock (scout_internal.take_job_lock) for the transaction, waiting when p_wait; marks the job''s runs left running as abandoned (raising the job''s alert, scout_internal.job_alert, for a run of its own), and records as abandoned its previous run when that run''s transaction (kept in the sequence scout_internal.<job>_last_xact) never committed; opens the run''s row (status running) and returns {"run_id", "started_at"}. When another session holds the lock and p_wait is false, records a skipped run and returns {"status": "skipped", "reason", "held_by", "run_id"} instead.';
revoke all on function scout_internal.job_start(text, boolean) from public;
grant execute on function scout_internal.job_start(text, boolean) to service_role;
