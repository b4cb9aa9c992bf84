"""The lints of Supabase's database linter (supabase/splinter, what a Supabase user sees
in the Security and Performance Advisors), written again for this project's tests.

splinter's repository carries no licence, so none of its SQL is copied here: each query
below is our own, testing the condition its lint's documentation describes. The lints
that need Supabase's own schemas or statistics (auth.users, Auth settings, Storage
buckets, pgmq, unused indexes, bloat) are listed in NOT_APPLICABLE with the reason.

Every query returns (object, detail) rows; parameters: %(exposed)s, the schemas
PostgREST serves (Supabase's `pgrst.db_schemas`), and %(system)s, the schemas the
linter leaves alone.
"""

from __future__ import annotations

from dataclasses import dataclass

# What PostgREST serves on a Supabase project that exposes the layer (docs/supabase.md,
# "Deploying"): public plus scout.
EXPOSED = ["public", "scout"]
SYSTEM = ["pg_catalog", "information_schema", "pg_toast", "cron", "extensions", "graphql", "graphql_public",
          "auth", "storage", "realtime", "vault", "pgbouncer", "net", "pgsodium", "pgsodium_masks",
          "supabase_functions", "supabase_migrations"]


@dataclass(frozen=True)
class Lint:
    number: str
    name: str
    level: str  # ERROR | WARN | INFO, as splinter grades it
    sql: str


_NOT_EXTENSION_MEMBER = """not exists (select 1 from pg_catalog.pg_depend d
                                  where d.objid = {oid} and d.deptype = 'e')"""

LINTS = [
    Lint("0001", "unindexed_foreign_keys", "INFO", """
        select c.conrelid::regclass::text, c.conname
          from pg_catalog.pg_constraint c
          join pg_catalog.pg_class t on t.oid = c.conrelid
          join pg_catalog.pg_namespace n on n.oid = t.relnamespace
         where c.contype = 'f' and n.nspname <> all(%(system)s)
           and not exists (
               select 1 from pg_catalog.pg_index i
                where i.indrelid = c.conrelid
                  and (i.indkey::int2[])[0:pg_catalog.cardinality(c.conkey) - 1] @> c.conkey
                  and (i.indkey::int2[])[0:pg_catalog.cardinality(c.conkey) - 1] <@ c.conkey)"""),
    Lint("0003", "auth_rls_initplan", "WARN", """
        select p.schemaname || '.' || p.tablename, p.policyname
          from pg_catalog.pg_policies p
          join pg_catalog.pg_class c on c.relname = p.tablename
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = p.schemaname
         where c.relrowsecurity and p.schemaname <> all(%(system)s)
           and exists (select 1 from unnest(array[p.qual, p.with_check]) e(expr)
                        cross join unnest(array['current_setting(', 'auth.uid()', 'auth.jwt()',
                                                'auth.role()', 'auth.email()']) f(call)
                        where pg_catalog.strpos(e.expr, f.call) > 0
                          -- evaluated once per statement only when wrapped in a scalar subquery
                          and pg_catalog.strpos(pg_catalog.lower(e.expr), 'select ' || f.call) = 0)"""),
    Lint("0004", "no_primary_key", "INFO", """
        select c.oid::regclass::text, 'no primary key'
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p') and not c.relispartition and n.nspname <> all(%(system)s)
           and n.nspname not like 'pg_temp%%' and n.nspname not like 'pg_toast_temp%%'
           and """ + _NOT_EXTENSION_MEMBER.format(oid="c.oid") + """
           and not exists (select 1 from pg_catalog.pg_index i where i.indrelid = c.oid and i.indisprimary)"""),
    Lint("0006", "multiple_permissive_policies", "WARN", """
        select c.oid::regclass::text, r.rolname || ' ' || a.action || ': '
                                      || pg_catalog.string_agg(p.polname, ', ' order by p.polname)
          from pg_catalog.pg_policy p
          join pg_catalog.pg_class c on c.oid = p.polrelid
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          join pg_catalog.pg_roles r on r.oid = any(p.polroles) or p.polroles = '{0}'
         cross join unnest(case p.polcmd when 'r' then '{SELECT}'::text[] when 'a' then '{INSERT}'
                                         when 'w' then '{UPDATE}' when 'd' then '{DELETE}'
                                         else '{SELECT,INSERT,UPDATE,DELETE}' end) a(action)
         where p.polpermissive and c.relkind = 'r' and n.nspname <> all(%(system)s)
           and r.rolname not like 'pg\\_%%' and not r.rolbypassrls
         group by c.oid, r.rolname, a.action
        having count(*) > 1"""),
    Lint("0007", "policy_exists_rls_disabled", "ERROR", """
        select c.oid::regclass::text, pg_catalog.string_agg(p.polname, ', ')
          from pg_catalog.pg_policy p
          join pg_catalog.pg_class c on c.oid = p.polrelid
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where not c.relrowsecurity and n.nspname <> all(%(system)s)
         group by c.oid"""),
    Lint("0008", "rls_enabled_no_policy", "INFO", """
        select c.oid::regclass::text, 'row level security on, no policy'
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relrowsecurity and n.nspname <> all(%(system)s)
           and not exists (select 1 from pg_catalog.pg_policy p where p.polrelid = c.oid)"""),
    Lint("0009", "duplicate_index", "WARN", """
        select i.indrelid::regclass::text, pg_catalog.string_agg(i.indexrelid::regclass::text, ', ')
          from pg_catalog.pg_index i
          join pg_catalog.pg_class c on c.oid = i.indrelid
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where n.nspname <> all(%(system)s)
         group by i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text,
                  pg_catalog.pg_get_expr(i.indexprs, i.indrelid), pg_catalog.pg_get_expr(i.indpred, i.indrelid)
        having count(*) > 1"""),
    Lint("0010", "security_definer_view", "ERROR", """
        select c.oid::regclass::text, 'a view without security_invoker, readable by anon or authenticated'
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'v' and n.nspname = any(%(exposed)s)
           and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
                or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))
           and """ + _NOT_EXTENSION_MEMBER.format(oid="c.oid") + """
           and not coalesce(c.reloptions, '{}') && array['security_invoker=1', 'security_invoker=true',
                                                         'security_invoker=on', 'security_invoker=yes']"""),
    Lint("0011", "function_search_path_mutable", "WARN", """
        select p.oid::regprocedure::text, 'search_path not set'
          from pg_catalog.pg_proc p
          join pg_catalog.pg_namespace n on n.oid = p.pronamespace
         where n.nspname <> all(%(system)s)
           and """ + _NOT_EXTENSION_MEMBER.format(oid="p.oid") + """
           and not exists (select 1 from unnest(p.proconfig) s where s like 'search\\_path=%%')"""),
    Lint("0013", "rls_disabled_in_public", "ERROR", """
        select c.oid::regclass::text, 'readable by anon or authenticated, row level security off'
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'r' and not c.relrowsecurity and n.nspname = any(%(exposed)s)
           and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
                or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))"""),
    Lint("0014", "extension_in_public", "WARN", """
        select e.extname, 'installed in schema public'
          from pg_catalog.pg_extension e
         where e.extnamespace = 'public'::regnamespace"""),
    Lint("0015", "rls_references_user_metadata", "ERROR", """
        select p.schemaname || '.' || p.tablename, p.policyname
          from pg_catalog.pg_policies p
         where p.schemaname <> all(%(system)s)
           and (coalesce(p.qual, '') || coalesce(p.with_check, '')) like '%%user\\_metadata%%'"""),
    Lint("0016", "materialized_view_in_api", "WARN", """
        select c.oid::regclass::text, 'a materialized view readable by anon or authenticated'
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'm' and n.nspname = any(%(exposed)s)
           and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
                or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))"""),
    Lint("0017", "foreign_table_in_api", "WARN", """
        select c.oid::regclass::text, 'a foreign table readable by anon or authenticated'
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'f' and n.nspname = any(%(exposed)s)
           and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
                or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))"""),
    Lint("0018", "unsupported_reg_types", "WARN", """
        select a.attrelid::regclass::text || '.' || a.attname, a.atttypid::regtype::text
          from pg_catalog.pg_attribute a
          join pg_catalog.pg_class c on c.oid = a.attrelid
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where a.attnum > 0 and not a.attisdropped and n.nspname <> all(%(system)s)
           -- pg_upgrade cannot carry these: their values are OIDs of objects it renumbers
           and a.atttypid = any(array['regcollation', 'regconfig', 'regdictionary', 'regnamespace', 'regoper',
                                      'regoperator', 'regproc', 'regprocedure']::regtype[])"""),
    Lint("0022", "extension_versions_outdated", "WARN", """
        select e.name, e.installed_version || ' installed, ' || e.default_version || ' available'
          from pg_catalog.pg_available_extensions e
         where e.installed_version is not null and e.installed_version <> e.default_version"""),
    Lint("0023", "sensitive_columns_exposed", "ERROR", """
        select a.attrelid::regclass::text || '.' || a.attname, 'readable by anon or authenticated without RLS'
          from pg_catalog.pg_attribute a
          join pg_catalog.pg_class c on c.oid = a.attrelid
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'r' and not c.relrowsecurity and n.nspname = any(%(exposed)s)
           and a.attnum > 0 and not a.attisdropped
           and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
                or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))
           and pg_catalog.lower(a.attname) ~ '(password|passwd|secret|token|api_?key|private_key|ssn|social_security|credit_card|card_number|cvv|iban|account_number|passport|tax_id|national_id)'"""),
    Lint("0024", "rls_policy_always_true", "WARN", """
        select p.schemaname || '.' || p.tablename, p.policyname || ' (' || p.cmd || ')'
          from pg_catalog.pg_policies p
          join pg_catalog.pg_class c on c.relname = p.tablename
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = p.schemaname
         where c.relrowsecurity and p.permissive = 'PERMISSIVE' and p.schemaname <> all(%(system)s)
           and (p.roles && array['public', 'anon', 'authenticated']::name[])
           and p.cmd <> 'SELECT'  -- reading everything is often meant; writing everything seldom
           and (pg_catalog.regexp_replace(pg_catalog.lower(coalesce(p.qual, 'true')), '[\\s()]', '', 'g') in ('true', '1=1')
                or pg_catalog.regexp_replace(pg_catalog.lower(coalesce(p.with_check, p.qual, 'true')), '[\\s()]', '', 'g')
                   in ('true', '1=1'))"""),
    # 0026/0027 apply where pg_graphql is installed, as on every Supabase project: any
    # relation anon or authenticated may read is listed in the GraphQL schema.
    Lint("0026", "pg_graphql_anon_table_exposed", "WARN", """
        select c.oid::regclass::text, 'visible to anon in GraphQL'
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'v', 'm', 'f') and n.nspname <> all(%(system)s)
           and pg_catalog.has_any_column_privilege('anon', c.oid, 'SELECT')"""),
    Lint("0027", "pg_graphql_authenticated_table_exposed", "WARN", """
        select c.oid::regclass::text, 'visible to authenticated in GraphQL'
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'v', 'm', 'f') and n.nspname <> all(%(system)s)
           and pg_catalog.has_any_column_privilege('authenticated', c.oid, 'SELECT')"""),
    Lint("0028", "anon_security_definer_function_executable", "WARN", """
        select p.oid::regprocedure::text, 'security definer, executable by anon'
          from pg_catalog.pg_proc p
          join pg_catalog.pg_namespace n on n.oid = p.pronamespace
         where p.prosecdef and n.nspname = any(%(exposed)s)
           and pg_catalog.has_function_privilege('anon', p.oid, 'EXECUTE')"""),
    Lint("0029", "authenticated_security_definer_function_executable", "WARN", """
        select p.oid::regprocedure::text, 'security definer, executable by authenticated'
          from pg_catalog.pg_proc p
          join pg_catalog.pg_namespace n on n.oid = p.pronamespace
         where p.prosecdef and n.nspname = any(%(exposed)s)
           and pg_catalog.has_function_privilege('authenticated', p.oid, 'EXECUTE')"""),
]

NOT_APPLICABLE = {
    "0002 auth_users_exposed": "needs Supabase Auth's auth.users; the layer has no view or table over it",
    "0005 unused_index": "reads usage statistics, which a test database has not gathered",
    "0012 auth_allow_anonymous_sign_ins": "an Auth setting, not in the database",
    "0019 insecure_queue_exposed_in_api": "pgmq queues; the layer has none",
    "0020 table_bloat": "reads statistics of a database that has run for a while",
    "0021 fkey_to_auth_unique": "foreign keys to auth.users; the layer has none",
    "0025 public_bucket_allows_listing": "Storage buckets; the layer has none",
}
