"""Outside linters over the database the migrations build: plpgsql_check (Debian's
postgresql-15-plpgsql-check) over every PL/pgSQL function of the project."""

from __future__ import annotations

import re

import psycopg

from conftest import ROOT

SCHEMAS = ["scout", "scout_internal", "scout_dev", "scout_checks", "ip_workbench", "test_failures"]

# plpgsql_check cannot see a temporary table a function creates while it runs (its
# README, "Temporary tables"): a statement over one reports 42P01, and a loop record
# read from one cannot be typed (55000). Those are accepted for exactly the temp
# tables db/functions creates, read here from the SQL files, not from the checker.
CREATED_TEMP_TABLES = {
    match.lower()
    for path in (ROOT / "db" / "functions").rglob("*.sql")
    for match in re.findall(r"create\s+temp(?:orary)?\s+table\s+(?:if\s+not\s+exists\s+)?(?:pg_temp\.)?(\w+)",
                            path.read_text(encoding="utf-8"), flags=re.IGNORECASE)
}

FINDINGS = """
select p.oid::regprocedure::text as function, r.level, r.sqlstate, r.message, r.lineno, r.statement
  from pg_catalog.pg_proc p
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  join pg_catalog.pg_language l on l.oid = p.prolang
 cross join lateral plpgsql_check_function_tb(
           p.oid, coalesce((select t.tgrelid from pg_catalog.pg_trigger t where t.tgfoid = p.oid limit 1), 0),
           fatal_errors => false) r
 where n.nspname = any(%s) and l.lanname = 'plpgsql' and r.level = 'error'
"""


def test_plpgsql_check_finds_no_error_in_any_function(migrated_cron_url):
    """Run on pg_cron's database, so the functions that reach into schema cron are checked too."""
    with psycopg.connect(migrated_cron_url, autocommit=True) as conn:
        conn.execute("create extension if not exists plpgsql_check")
        checked = conn.execute("select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                               "join pg_language l on l.oid = p.prolang where n.nspname = any(%s) "
                               "and l.lanname = 'plpgsql'", (SCHEMAS,)).fetchone()[0]
        findings = conn.execute(FINDINGS, (SCHEMAS,)).fetchall()
    assert checked > 40, "every PL/pgSQL function of the project is checked"
    errors = real_errors(findings)
    assert errors == [], "\n".join(f"{f[0]} line {f[4]} ({f[5]}): {f[2]} {f[3]}" for f in errors)


def test_plpgsql_check_reports_a_broken_function_through_the_same_filter(migrated_cron_url):
    """The filter is not a blanket: a function reading a table that does not exist (not a
    temporary one of ours) is an error, and so is a typo in a column of a real table."""
    with psycopg.connect(migrated_cron_url) as conn:
        conn.execute("create extension if not exists plpgsql_check")
        conn.execute("create function scout_internal.broken() returns int language plpgsql as "
                     "$$begin return (select count(*) from scout.no_such_table); end$$")
        conn.execute("create function scout_internal.misspelt() returns int language plpgsql as "
                     "$$begin return (select count(no_such_column) from scout.silver_products); end$$")
        errors = real_errors(conn.execute(FINDINGS, (["scout_internal"],)).fetchall())
        conn.rollback()
    assert {(f[0], f[2]) for f in errors} == {("scout_internal.broken()", "42P01"),
                                              ("scout_internal.misspelt()", "42703")}, errors


def real_errors(findings: list[tuple]) -> list[tuple]:
    """The findings left once the checker's known blind spot is set aside: statements over
    the temporary tables our functions create (42P01), and the loop records read from
    them in those same functions (55000)."""
    temp_readers = {f[0] for f in findings if f[2] == "42P01" and _temp_table(f[3]) in CREATED_TEMP_TABLES}
    return [f for f in findings
            if not (f[2] == "42P01" and _temp_table(f[3]) in CREATED_TEMP_TABLES)
            and not (f[2] == "55000" and f[0] in temp_readers and "is not assigned yet" in f[3])]


def _temp_table(message: str) -> str | None:
    match = re.fullmatch(r'relation "pg_temp\.(\w+)" does not exist', message)
    return match.group(1).lower() if match else None
