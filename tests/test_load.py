"""Load: pgbench sends webhook calls (batches of 1 and of 100 transactions) from 8
clients while the hourly job runs over and over; then nothing is lost, Silver holds the
latest version of every key, Gold equals Silver summed here, and no run failed.
Directly and through PgBouncer in transaction mode, as Supabase users connect.

SCOUT_LOAD_SECONDS (default 3) sets how long each pgbench runs. The documented long
run, whose figures are in docs/reliability.md:

    SCOUT_LOAD_SECONDS=60 .venv/bin/pytest tests/test_load.py -s
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import psycopg
import pytest

SCRIPTS = Path(__file__).parent / "load"
SECONDS = float(os.environ.get("SCOUT_LOAD_SECONDS", "3"))
CLIENTS = 8


def pgbench(bindir: Path, url: str, script: str, logs: Path) -> dict:
    """Run pgbench with one script; return calls, failures, tps and latency percentiles."""
    logs.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [str(bindir / "pgbench"), "-n", "-f", str(SCRIPTS / script), "-c", str(CLIENTS), "-j", "2",
         "-T", str(max(1, round(SECONDS))), "-l", f"--log-prefix={logs / script}", url],
        capture_output=True, text=True, timeout=SECONDS * 4 + 120, cwd=logs, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    failed = int(re.search(r"number of failed transactions: (\d+)", done.stdout).group(1))
    tps = float(re.search(r"tps = ([0-9.]+) \(without initial connection time\)", done.stdout).group(1))
    latencies = sorted(int(line.split()[2]) for log in logs.glob(f"{script}.*")
                       for line in log.read_text().splitlines() if line.split()[2].isdigit())
    return {"calls": len(latencies), "failed": failed, "tps": tps,
            "p50_ms": latencies[len(latencies) // 2] / 1000, "p95_ms": latencies[int(len(latencies) * 0.95)] / 1000}


def hourly_runs_until(url: str, stop: threading.Event, runs: list) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        while not stop.is_set():
            runs.append(conn.execute("select scout.run_transformations(true)").fetchone()[0])


def cents(text: str) -> Decimal:
    return Decimal(text).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def check_nothing_lost(url: str) -> None:
    """The oracle, in Python from Bronze's raw text: the latest version of each key."""
    with psycopg.connect(url, autocommit=True) as conn:
        final = conn.execute("select scout.run_transformations(true)").fetchone()[0]
        assert final["status"] == "ok", final
        bronze = conn.execute("""select raw_data ->> 'transaction_id', ingest_seq, raw_data ->> 'amount',
                                        raw_data ->> 'category', raw_data ->> 'date'
                                   from scout.bronze_transactions where source = 'pgbench'""").fetchall()
        silver = {key: (amount, category, str(day)) for key, amount, category, day in conn.execute(
            "select transaction_id, amount, category, transaction_date from scout.silver_validated_transactions "
            "where transaction_id like 'PB-%'").fetchall()}
        gold = {(str(month), category): (total, count) for month, category, total, count in conn.execute(
            "select month, category, total_amount, transaction_count from scout.gold_monthly_summary").fetchall()}
        unfinished = conn.execute("select count(*) from ip_workbench.job_runs where status in ('running', 'failed')"
                                  ).fetchone()[0]
    latest: dict[str, tuple] = {}
    for key, seq, amount, category, day in bronze:
        if key not in latest or seq > latest[key][0]:
            latest[key] = (seq, cents(amount), category, day)
    assert bronze, "pgbench sent nothing"
    assert silver == {key: (amount, category, day) for key, (_, amount, category, day) in latest.items()}, \
        "Silver holds exactly the latest version of every key sent"
    expected: dict[tuple, list] = defaultdict(lambda: [Decimal(0), 0])
    for amount, category, day in silver.values():
        month = day[:8] + "01"
        expected[(month, category)][0] += amount
        expected[(month, category)][1] += 1
    assert gold == {k: (v[0], v[1]) for k, v in expected.items()}, "Gold equals Silver summed independently"
    assert unfinished == 0, "no run failed or was left half-done"


@pytest.mark.parametrize("route", ["direct", "pooler"])
def test_webhooks_from_8_clients_while_the_hourly_job_runs(route, request, new_database, bindir, tmp_path, capsys):
    url = new_database()
    target = request.getfixturevalue("pooler").url_for(url) if route == "pooler" else url
    stop, runs = threading.Event(), []
    hourly = threading.Thread(target=hourly_runs_until, args=(url, stop, runs))
    hourly.start()
    try:
        figures = {script: pgbench(bindir, target, script, tmp_path / route)
                   for script in ("ingest_1.sql", "ingest_100.sql")}
    finally:
        stop.set()
        hourly.join()
    for script, f in figures.items():
        assert f["failed"] == 0 and f["calls"] > 0, (script, f)
    assert runs and all(r["status"] in ("ok", "skipped") for r in runs), runs
    check_nothing_lost(url)
    with capsys.disabled():
        rows = {"ingest_1.sql": 1, "ingest_100.sql": 100}
        for script, f in figures.items():
            print(f"\n{route} {script}: {f['calls']} calls in {SECONDS:g} s, {f['tps'] * rows[script]:,.0f} rows/s, "
                  f"p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms, {f['failed']} failed; "
                  f"{len(runs)} hourly runs alongside")
