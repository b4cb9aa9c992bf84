-- Every job runs with JIT off, whatever the server's setting (on by default, as on
-- Supabase): the planner prices the jobs' small statements high (function scans
-- guessed at 1,000 rows, a subquery per mart row), and compiling each took 0.1-0.4 s
-- where running it took milliseconds, most of the hourly run (bench/README.md, "JIT").
-- The setting is the function's own, so a caller's session keeps its JIT.
begin;
select plan(3);

select is((select array_agg(j.name order by j.name)
             from ip_workbench.jobs j
             join pg_proc p on p.oid = to_regproc(j.name)
            where not coalesce('jit=off' = any(p.proconfig), false)),
          null, 'every job of ip_workbench.jobs sets jit = off for its own run');
select is((select count(*)::int from ip_workbench.jobs j where to_regproc(j.name) is null), 0,
          'and every job names one function');

-- a caller with JIT on keeps it after a job ran
set local jit = on;
select scout.refresh_gold();
select is(current_setting('jit'), 'on', 'a caller''s own jit setting is back once the job returns');

select * from finish();
rollback;
