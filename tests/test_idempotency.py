"""Every function of the contract, called twice in a row, changes nothing the second
time: a digest of every table, taken after each call, is the same. Re-sending payloads
changes no mart. What a second call may change by design is listed, with the reason."""

from __future__ import annotations

import json

import psycopg
import pytest
from psycopg.types.json import Jsonb

# Tables a second call changes by design, and why.
BY_DESIGN = {
    "ip_workbench.job_runs": "the run log records every call",
    "ip_workbench.job_run_steps": "the steps of every recorded run",
    "ip_workbench.dq_results": "the history of every check's result, one row per run",
    "ip_workbench.dq_scores": "the history of every table's scores, one row per run",
    "ip_workbench.watermarks": "a refresh records the later snapshot it has read up to",
}
# Rows of the registry that count those tables, and so grow with them.
BY_DESIGN_ROWS = {
    "ip_workbench.tables": "table_name not in ('job_runs', 'job_run_steps', 'dq_results', 'dq_scores')",
    # the write counters of the category marts and of the registry: a backfill rewrites
    # those marts whole from Silver every time (the same rows, a new last_updated), and
    # a counter counts writes, not differences
    "ip_workbench.layer_versions": "table_name not in ('scout.gold_monthly_summary'::regclass, "
                                   "'scout.gold_category_trends'::regclass, 'ip_workbench.tables'::regclass)",
    # the log of those writes the data-quality checks read (each write with its counter
    # before and after), and of the rejections a re-sent bad row gets again
    "scout_internal.logged_writes": "table_name not in ('scout.gold_monthly_summary'::regclass, "
                                    "'scout.silver_rejected_transactions'::regclass)",
}
# Columns that say which run found or wrote a row, not what the row is.
WHICH_RUN = ("run_id", "last_seen_run_id")
# Identity columns number the inserts that wrote a row (test_failures.* rows are replaced
# on each check run), not what the row is; so they are left out too.
# Column types that say when something ran, not what the data is.
WHEN_TYPES = ("timestamp with time zone", "timestamp without time zone")

CALLS = [
    "select scout.refresh_silver()",
    "select scout.refresh_gold()",
    "select scout.refresh_platinum()",
    "select scout.run_transformations()",
    "select scout.run_dq_checks()",
    "select scout.backfill('2024-01-01', '2026-12-31')",
    "select scout.purge_expired()",
]


def digests(conn: psycopg.Connection) -> dict[str, str]:
    """md5 of each base table's rows (without its time-of-run columns), by table."""
    tables = conn.execute("""
        select c.table_schema || '.' || c.table_name,
               string_agg(quote_ident(c.column_name), ', ' order by c.ordinal_position)
          from information_schema.columns c
          join information_schema.tables t using (table_schema, table_name)
         where t.table_type = 'BASE TABLE'
           and c.table_schema in ('scout', 'scout_internal', 'ip_workbench', 'test_failures')
           and c.data_type <> all(%s) and c.column_name <> all(%s) and c.is_identity = 'NO'
         group by 1 order by 1""", (list(WHEN_TYPES), list(WHICH_RUN))).fetchall()
    result = {}
    for table, columns in tables:
        if table in BY_DESIGN:
            continue
        where = f"where {BY_DESIGN_ROWS[table]}" if table in BY_DESIGN_ROWS else ""
        result[table] = conn.execute(
            f"select md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) "
            f"from (select {columns} from {table} {where}) r").fetchone()[0]
    return result


@pytest.fixture(scope="module")
def seeded(new_database) -> str:
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(3000, 7, current_date - 1)")
        first = conn.execute("select scout.run_transformations(p_platinum => true)").fetchone()[0]
        assert first["status"] == "ok", first
        conn.execute("select scout.run_dq_checks()")
    return url


@pytest.mark.parametrize("call", CALLS)
def test_a_second_call_changes_nothing(seeded, call):
    with psycopg.connect(seeded, autocommit=True) as conn:
        conn.execute(call)
        before = digests(conn)
        conn.execute(call)
        after = digests(conn)
    changed = sorted(t for t in before if before[t] != after.get(t))
    assert not changed, f"{call} changed {changed} the second time"
    assert len(before) > 30, "every table of the layer is in the digest"


def test_a_second_call_would_be_caught(seeded):
    """The digest sees a one-cent change in any mart row."""
    with psycopg.connect(seeded) as conn:
        before = digests(conn)
        conn.execute("update scout.gold_monthly_summary set total_amount = total_amount + 0.01 "
                     "where (month, category) = (select month, category from scout.gold_monthly_summary limit 1)")
        after = digests(conn)
        conn.rollback()
    assert [t for t in before if before[t] != after[t]] == ["scout.gold_monthly_summary"]


def test_re_sending_payloads_changes_no_layer_but_bronze(seeded):
    """A webhook that retries, a file sent again with --force: Bronze keeps the copy,
    Silver calls it superseded, and no mart moves."""
    with psycopg.connect(seeded, autocommit=True) as conn:
        # the versions Silver holds now (an identical re-send) and rejected ones (rejected again)
        resend = [row[0] for row in conn.execute(
            "(select b.raw_data from scout.silver_validated_transactions s join scout.bronze_transactions b "
            " on b.id = s.bronze_id order by s.transaction_id limit 150) "
            "union all (select raw_data from scout.silver_rejected_transactions order by bronze_id limit 50)").fetchall()]
        conn.execute("select scout.run_transformations(p_platinum => true)")
        before = digests(conn)
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb(resend),))
        done = conn.execute("select scout.run_transformations(p_platinum => true)").fetchone()[0]
        after = digests(conn)
    assert done["status"] == "ok", done
    silver = next(step for step in done["steps"] if step["step"] == "silver")["result"]
    assert silver["processed"] == 200 and silver["inserted"] == 0 and silver["updated"] == 0
    changed = {t for t in before if before[t] != after[t]}
    # Bronze keeps the copies, the re-sent bad rows are rejected again (each Bronze row is
    # accounted for), the registry counts them; Silver's winners, Gold and Platinum stand still
    assert "scout.bronze_transactions" in changed
    # (and the write counters of the tables that changed)
    assert changed <= {"scout.bronze_transactions", "scout.silver_rejected_transactions", "ip_workbench.tables",
                       "ip_workbench.layer_versions"}, changed


def test_every_scout_db_command_run_again_is_safe(seeded, tmp_path):
    """Each command that writes, run a second time, exits 0 and changes nothing more."""
    from conftest import run_cli

    exported = tmp_path / "export.ndjson"
    exported.write_text("".join(json.dumps({"transaction_id": f"RERUN-{i}", "date": f"2025-03-0{i}", "amount": i,
                                            "category": "Dairy"}) + "\n" for i in range(1, 6)))
    commands = [
        ["migrate"],
        ["ingest", str(exported), "--kind", "transactions", "--source", "gdrive"],
        ["run", "--platinum"],
        ["dq", "run"],
        ["backfill", "--from", "2025-01-01", "--to", "2025-12-31"],
        ["purge"],
        ["docs", "--out", str(tmp_path / "docs")],
    ]
    for command in commands:
        first = run_cli("--database-url", seeded, *command, timeout=300)
        assert first.returncode == 0, (command, first.stdout + first.stderr)
        with psycopg.connect(seeded) as conn:
            before = digests(conn)
        again = run_cli("--database-url", seeded, *command, timeout=300)
        assert again.returncode == 0, (command, again.stdout + again.stderr)
        with psycopg.connect(seeded) as conn:
            after = digests(conn)
        changed = sorted(t for t in before if before[t] != after[t])
        assert not changed, f"scout-db {' '.join(command)} changed {changed} the second time"
