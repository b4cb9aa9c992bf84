"""The runner's interface: connection resolution, help, and its error paths."""

from __future__ import annotations

import re

import psycopg
import pytest

from conftest import run_cli
from scout_db import config
from scout_db.errors import ConnectionFailed

CONNECTION_VARS = ("DATABASE_URL", "SUPABASE_HOST", "SUPABASE_PORT", "POSTGRES_USER",
                   "POSTGRES_PASSWORD", "POSTGRES_DB")


@pytest.fixture
def clean_env(monkeypatch):
    for name in CONNECTION_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_flag_beats_database_url_beats_supabase_variables(clean_env):
    clean_env.setenv("DATABASE_URL", "postgresql://env@h/db")
    clean_env.setenv("SUPABASE_HOST", "pooler.example")
    assert config.resolve("postgresql://flag@h/db").url == "postgresql://flag@h/db"
    assert config.resolve(None).url == "postgresql://env@h/db"


def test_supabase_variables_build_a_quoted_url(clean_env):
    clean_env.setenv("SUPABASE_HOST", "aws-1.pooler.example")
    clean_env.setenv("SUPABASE_PORT", "6543")
    clean_env.setenv("POSTGRES_USER", "postgres.abc")
    clean_env.setenv("POSTGRES_PASSWORD", "p@ss:w/rd")
    clean_env.setenv("POSTGRES_DB", "postgres")
    target = config.resolve(None)
    assert target.url == "postgresql://postgres.abc:p%40ss%3Aw%2Frd@aws-1.pooler.example:6543/postgres"
    assert "p%40ss" not in target.display and "***" in target.display


def test_non_numeric_supabase_port_is_refused(clean_env):
    clean_env.setenv("SUPABASE_HOST", "h")
    clean_env.setenv("SUPABASE_PORT", "six")
    with pytest.raises(ConnectionFailed, match="SUPABASE_PORT must be a number"):
        config.resolve(None)


DATABASE_COMMANDS = ("migrate", "rollback", "status", "schema", "ingest", "seed", "run", "demo")


def test_help_lists_the_commands_and_each_shows_database_url():
    done = run_cli("--help")
    assert done.returncode == 0
    for command in (*DATABASE_COMMANDS, "db"):
        assert f"  {command} " in done.stdout, command
    for command in DATABASE_COMMANDS:
        helped = run_cli(command, "--help")
        assert helped.returncode == 0 and "--database-url URL" in helped.stdout, command
    for sub in (("db",), ("db", "up"), ("db", "down"), ("db", "url")):
        helped = run_cli(*sub, "--help")
        assert helped.returncode == 0 and len(helped.stdout.splitlines()) > 3, sub


def test_database_url_works_after_the_command_and_wins_over_the_one_before(db_url):
    after = run_cli("status", "--database-url", db_url)
    assert after.returncode == 0, after.stderr
    assert db_url in after.stdout
    both = run_cli("--database-url", "postgresql://nobody@127.0.0.1:1/nothing", "status", "--database-url", db_url)
    assert both.returncode == 0, both.stderr
    wrong_after = run_cli("--database-url", db_url, "status", "--database-url", "postgresql://nobody@127.0.0.1:1/x")
    assert wrong_after.returncode == 3 and "127.0.0.1:1/x" in wrong_after.stderr


@pytest.mark.parametrize("url, expected", [
    ("postgresql://nobody@127.0.0.1:1/nothing", "cannot connect to postgresql://nobody@127.0.0.1:1/nothing"),
    ("mysql://root@localhost/db", "must be a postgresql:// URL"),
])
def test_unreachable_or_malformed_database_is_one_line_and_exit_3(url, expected):
    done = run_cli("--database-url", url, "migrate")
    assert done.returncode == 3
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_rollback_refuses_count_with_all(db_url):
    done = run_cli("--database-url", db_url, "rollback", "--all", "--count", "1")
    assert done.returncode == 2
    assert "not both" in done.stderr


def test_status_reports_applied_and_pending(db_url):
    done = run_cli("--database-url", db_url, "status")
    assert done.returncode == 0, done.stderr
    assert "0 pending" in done.stdout


def test_demo_shows_the_layer_working_and_a_second_run_reuses_everything(new_database, tmp_path):
    url = new_database()
    env = {"SCOUT_HOME": str(tmp_path / ".scout")}
    first = run_cli("--database-url", url, "demo", "--rows", "2000", env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "2/6 generating 2,000 transactions" in out
    assert len(re.findall(r"\n    done in \d+\.\d s", out)) == 6, "each step says how long it took"
    assert "transactions-2000.ndjson: 2,000 rows, 0 unparseable" in out and "products.ndjson: 520 rows" in out
    assert "silver: 2520 processed" in out and "run_transformations: ok" in out
    assert re.search(r"\n[\d,]+ valid sales from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d in \d+ stores, [\d,]+ customers, "
                     r"[\d,]+\.\d\d in total", out), "a headline"
    assert re.search(r"  failing: \w+ on scout\.\w+, [\d,]+ rows", out), "the failing checks are named"
    for title in ("rows per layer", "why Silver rejected what it rejected", "gold_monthly_summary: the last 3 months",
                  "gold_sales_anomalies: the latest weeks that page", "platinum_product_recommendations: three",
                  "data quality (", 'scout-db search "soft drinks paid with an e-wallet"'):
        assert title in out, title
    report = tmp_path / ".scout" / "demo" / "dq-report.html"
    assert f"The data-quality report: {report}" in out and report.exists()
    assert 'psql "$(.venv/bin/scout-db db url)"' in out
    again = run_cli("--database-url", url, "demo", "--rows", "2000", env=env, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "2/6 reusing the generated files" in again.stdout
    assert "already loaded, reused" in again.stdout and "silver: 0 processed" in again.stdout
    assert "    0 sentences embedded" in again.stdout, "nothing new, nothing embedded again"


def test_commands_on_a_database_never_migrated_say_to_migrate_first(new_database, tmp_path):
    """`schema "scout_internal" does not exist (SQLSTATE 3F000)` was what run, check, dq,
    ingest and jobs printed; each now says the one command to run."""
    url = new_database(empty=True)
    one = tmp_path / "one.ndjson"
    one.write_text('{"transaction_id": "N1", "date": "2025-01-01", "amount": 1, "category": "Dairy"}\n')
    for command in (["run"], ["check"], ["dq", "run"], ["dq", "report"], ["jobs", "list"], ["purge"],
                    ["backfill", "--from", "2025-01-01", "--to", "2025-01-31"], ["seed", "--rows", "10"],
                    ["ingest", "--kind", "transactions", str(one)], ["jobs", "install"], ["dq", "test"]):
        done = run_cli(*command, "--database-url", url)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        assert "is not migrated: run scout-db migrate" in done.stderr, (command, done.stderr)
        assert "3F000" not in done.stderr and "Traceback" not in done.stderr, (command, done.stderr)


def test_a_database_migrated_by_a_newer_scout_db_is_refused_with_its_version(new_database, tmp_path):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("insert into scout_meta._yoyo_migration (migration_hash, migration_id, applied_at_utc) "
                     "values ('future', '0099_from_the_future', now())")
    done = run_cli("run", "--database-url", url)
    assert done.returncode == 1
    assert "was migrated by a newer scout-db (it has 0099_from_the_future" in done.stderr, done.stderr
    pending = new_database()
    with psycopg.connect(pending, autocommit=True) as conn:
        conn.execute("delete from scout_meta._yoyo_migration where migration_id = "
                     "(select max(migration_id) from scout_meta._yoyo_migration)")
    late = run_cli("dq", "run", "--database-url", pending)
    assert late.returncode == 1 and "1 migration pending" in late.stderr and "run scout-db migrate" in late.stderr
