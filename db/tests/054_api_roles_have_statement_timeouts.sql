-- Like Supabase's: a request as anon or authenticated cannot run for long
-- (PostgREST applies a role's settings to each request it runs as that role).
begin;
select plan(2);
select is((select c from pg_db_role_setting s join pg_roles r on r.oid = s.setrole, unnest(s.setconfig) c
            where r.rolname = 'anon' and s.setdatabase = 0 and c like 'statement_timeout=%'),
          'statement_timeout=3s', 'anon: 3 s');
select is((select c from pg_db_role_setting s join pg_roles r on r.oid = s.setrole, unnest(s.setconfig) c
            where r.rolname = 'authenticated' and s.setdatabase = 0 and c like 'statement_timeout=%'),
          'statement_timeout=8s', 'authenticated: 8 s');
select * from finish();
rollback;
