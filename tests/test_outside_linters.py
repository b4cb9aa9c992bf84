"""Outside linters over the database the migrations build: plpgsql_check (Debian's
postgresql-15-plpgsql-check) over every PL/pgSQL function of the project."""

from __future__ import annotations

import re

import psycopg
import pytest

from conftest import CRON_DATABASE, ROOT
from scout_db.config import Target
from scout_db.migrations import Migrator

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
} | {"silver_delta_transactions", "silver_delta_products", "bronze_file_staging"}  # created through format(%I)

@pytest.fixture(scope="module")
def cron_db_url(cluster) -> str:
    """pg_cron's database, migrated: the functions that reach into schema cron are checked against it."""
    url = cluster.url(CRON_DATABASE)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("create extension if not exists pg_cron")
    Migrator(Target(url, "the test cluster's pg_cron database")).migrate()
    return url


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


def test_plpgsql_check_finds_no_error_in_any_function(cron_db_url):
    with psycopg.connect(cron_db_url, autocommit=True) as conn:
        conn.execute("create extension if not exists plpgsql_check")
        checked = conn.execute("select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                               "join pg_language l on l.oid = p.prolang where n.nspname = any(%s) "
                               "and l.lanname = 'plpgsql'", (SCHEMAS,)).fetchone()[0]
        findings = conn.execute(FINDINGS, (SCHEMAS,)).fetchall()
    assert checked > 40, "every PL/pgSQL function of the project is checked"
    temp_readers = {f for f, _, state, message, *_ in findings
                    if state == "42P01" and _temp_table(message) in CREATED_TEMP_TABLES}
    real = [f for f in findings
            if not (f[2] == "42P01" and _temp_table(f[3]) in CREATED_TEMP_TABLES)
            and not (f[2] == "55000" and f[0] in temp_readers and "is not assigned yet" in f[3])]
    assert real == [], "\n".join(f"{f[0]} line {f[4]} ({f[5]}): {f[2]} {f[3]}" for f in real)


def test_the_check_would_report_an_error():
    """The filter above is not a blanket: a made-up function with a real error is reported."""
    assert _temp_table('relation "pg_temp.silver_delta_transactions" does not exist') == "silver_delta_transactions"
    assert _temp_table('relation "scout.no_such_table" does not exist') is None


def test_plpgsql_check_reports_a_broken_function(db_url):
    with psycopg.connect(db_url) as conn:
        conn.execute("create extension if not exists plpgsql_check")
        conn.execute("create function scout_internal.broken() returns int language plpgsql as "
                      "$$begin return (select count(*) from scout.no_such_table); end$$")
        findings = conn.execute(FINDINGS, (["scout_internal"],)).fetchall()
        conn.rollback()
    assert any(f[0] == "scout_internal.broken()" and f[2] == "42P01" for f in findings), findings


def _temp_table(message: str) -> str | None:
    match = re.fullmatch(r'relation "pg_temp\.(\w+)" does not exist', message)
    return match.group(1).lower() if match else None
