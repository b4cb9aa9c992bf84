"""Every command through a transaction-mode pooler (PgBouncer 1.18, as Supabase's
port 6543): migrations from three places at once, ingest, status, and the pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from conftest import ROOT, run_cli
from pooler import POOL_SIZE, pooled
from scout_db.migrations import META_SCHEMA

MIGRATION_IDS = sorted(p.stem for p in (ROOT / "db" / "migrations").glob("*.sql")
                       if not p.name.endswith(".rollback.sql"))


def test_clients_share_the_pools_server_connections(pooler, db_url):
    """The pooler really multiplexes: more clients than server connections."""
    clients = [pooled(pooler.url_for(db_url)) for _ in range(POOL_SIZE + 2)]
    try:
        pids = {c.execute("select pg_backend_pid()").fetchone()[0] for c in clients for _ in range(3)}
        assert len(pids) <= POOL_SIZE < len(clients)
    finally:
        for c in clients:
            c.close()


def test_three_migrates_at_once_then_again_through_the_pooler(pooler, new_database):
    url = new_database(empty=True)
    through = pooler.url_for(url)
    env = {**os.environ}
    procs = [subprocess.Popen([sys.executable, "-m", "scout_db.cli", "migrate", "--database-url", through],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(3)]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    applied = [int(out.strip().splitlines()[-1].split(" ")[0]) for out, _ in outputs]
    assert sum(applied) == len(MIGRATION_IDS), outputs
    with psycopg.connect(url) as direct:
        log = [r[0] for r in direct.execute(
            f"select migration_id from {META_SCHEMA}._yoyo_log where operation = 'apply' order by 1")]
        assert log == MIGRATION_IDS, "each migration applied exactly once"
        # no lock outlives its transaction on a pooled server connection
        assert direct.execute("select count(*) from pg_locks where locktype = 'advisory'").fetchone()[0] == 0
        assert direct.execute("select count(*) from ip_workbench.security_lint").fetchone()[0] == 0
    again = run_cli("migrate", "--database-url", through, "--lock-timeout", "10")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().splitlines()[-1].startswith("0 migrations applied")


def test_ingest_status_and_the_pipeline_through_the_pooler(pooler, new_database, tmp_path: Path):
    url = new_database()
    through = pooler.url_for(url)
    # more files than psycopg's prepare threshold (5): a statement prepared on one
    # server connection would be missing on the next
    for day in range(1, 9):
        (tmp_path / f"day{day}.ndjson").write_text("".join(
            json.dumps({"transaction_id": f"P{day}-{i}", "date": f"2025-03-0{day}", "amount": day * 10 + i,
                        "category": "Snacks", "customer_id": f"C{i}", "sku": f"S{(day + i) % 3}"}) + "\n"
            for i in range(3)))
    loaded = run_cli("ingest", str(tmp_path), "--kind", "transactions", "--database-url", through)
    assert loaded.returncode == 0, loaded.stderr
    assert "8 files loaded, 0 skipped, 0 failed, 24 rows" in loaded.stdout
    again = run_cli("ingest", str(tmp_path), "--kind", "transactions", "--database-url", through)
    assert again.returncode == 0 and "0 files loaded, 8 skipped" in again.stdout

    status = run_cli("status", "--database-url", through)
    assert status.returncode == 0, status.stderr
    assert "0 pending" in status.stdout

    ran = run_cli("run", "--database-url", through)
    assert ran.returncode == 0, ran.stderr
    assert "silver: 24 processed, 24 inserted" in ran.stdout

    with pooled(through) as conn:
        for _ in range(7):  # past the prepare threshold on one client
            conn.execute("select scout.ingest_transactions(%s::jsonb)", (json.dumps(
                {"transaction_id": "P1-0", "date": "2025-03-01", "amount": 99, "category": "Snacks"}),))
        silver = conn.execute("select scout.refresh_silver()").fetchone()[0]
        gold = conn.execute("select scout.refresh_gold()").fetchone()[0]
        platinum = conn.execute("select scout.refresh_platinum()").fetchone()[0]
        assert (silver["transactions"]["processed"], silver["transactions"]["updated"]) == (7, 1)
        assert gold["status"] == "ok" and platinum["status"] == "ok"
        # March 2025, Snacks: 24 sales of day*10+i, with P1-0 corrected from 10 to 99
        total = sum(day * 10 + i for day in range(1, 9) for i in range(3)) - 10 + 99
        assert conn.execute("select total_amount, transaction_count from scout.gold_monthly_summary "
                            "where month = '2025-03-01' and category = 'Snacks'").fetchone() == (total, 24)


@pytest.mark.parametrize("command", [["status"], ["run"]])
def test_commands_through_the_pooler_print_one_line_on_failure(pooler, command):
    done = run_cli(*command, "--database-url", pooler.url_for("postgresql://postgres@127.0.0.1:1/no_such_db"))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
