"""Concurrency: webhooks from several connections while the hourly run and Gold run;
two pipelines started at once; scout-db migrate while the pipeline runs; dashboards
reading the marts through every refresh. Afterwards nothing is lost, no run is left
half-done, and no reader ever waited long or saw a mart half-written."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from psycopg.types.json import Jsonb

from conftest import run_cli
from pooler import pooled
from test_faults import invariants

READ_BOUND_S = 2.0  # a dashboard read must never wait on a refresh longer than this


def webhook(url: str, prefix: str, calls: int, errors: list) -> None:
    try:
        with pooled(url) as conn:
            for i in range(calls):
                batch = [{"transaction_id": f"{prefix}-{i}-{k}", "date": f"2026-0{1 + k % 9}-1{k % 9}",
                          "amount": 1 + k, "category": "Dairy" if k % 2 else "Snacks", "customer_id": f"C{k}"}
                         for k in range(20)]
                conn.execute("select scout.ingest_transactions(%s)", (Jsonb(batch),))
    except Exception as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)


def repeatedly(url: str, statement: str, stop: threading.Event, results: list) -> None:
    with pooled(url) as conn:
        while not stop.is_set():
            results.append(conn.execute(statement).fetchone()[0])


@pytest.fixture
def seeded(new_database) -> str:
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(2000, 41, current_date - 1)")
        assert conn.execute("select scout.run_transformations(p_platinum => true)").fetchone()[0]["status"] == "ok"
    return url


@pytest.fixture(params=["direct", "pooler"])
def route(request, seeded) -> str:
    """The seeded database's URL, directly or through PgBouncer in transaction mode."""
    return request.getfixturevalue("pooler").url_for(seeded) if request.param == "pooler" else seeded


def test_webhooks_from_4_connections_while_the_pipeline_and_gold_run(seeded, route):
    stop, errors, runs, golds = threading.Event(), [], [], []
    jobs = [threading.Thread(target=repeatedly, args=(route, "select scout.run_transformations(true)", stop, runs)),
            threading.Thread(target=repeatedly, args=(route, "select scout.refresh_gold(true)", stop, golds))]
    senders = [threading.Thread(target=webhook, args=(route, f"W{n}", 25, errors)) for n in range(4)]
    for thread in jobs + senders:
        thread.start()
    for thread in senders:
        thread.join()
    stop.set()
    for thread in jobs:
        thread.join()
    assert not errors, errors
    assert runs and golds
    assert all(r["status"] in ("ok", "skipped") for r in runs + golds), [r for r in runs + golds
                                                                          if r["status"] not in ("ok", "skipped")]
    assert run_cli("run", "--database-url", seeded).returncode == 0
    with psycopg.connect(seeded) as conn:
        assert conn.execute("select count(*) from scout.silver_validated_transactions "
                            "where transaction_id like 'W%'").fetchone()[0] == 4 * 25 * 20, "every webhook row arrived"
    invariants(seeded)


def test_two_pipelines_started_at_once_run_one_after_the_other(seeded, route):
    with psycopg.connect(seeded, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(1500, 42, current_date - 1)")
    results: list = []
    barrier = threading.Barrier(2)

    def pipeline() -> None:
        with pooled(route) as conn:
            barrier.wait()
            results.append(conn.execute("select scout.run_transformations(true, true)").fetchone()[0])

    threads = [threading.Thread(target=pipeline) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r["status"] for r in results] == ["ok", "ok"], results
    silver = sorted(next(s for s in r["steps"] if s["step"] == "silver")["result"]["processed"] for r in results)
    assert silver[0] == 0 and silver[1] >= 1500, "the second pipeline found the first one's work done"
    invariants(seeded)


def test_migrate_while_the_pipeline_runs(seeded):
    with psycopg.connect(seeded, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(3000, 43, current_date - 1)")
    result: dict = {}

    def run() -> None:
        with psycopg.connect(seeded, autocommit=True) as conn:
            result.update(conn.execute("select scout.run_transformations(true, true)").fetchone()[0])

    pipeline = threading.Thread(target=run)
    pipeline.start()
    migrated = run_cli("migrate", "--database-url", seeded, timeout=120)
    pipeline.join()
    assert migrated.returncode == 0, migrated.stderr
    assert result["status"] == "ok", result
    again = run_cli("run", "--database-url", seeded)
    assert again.returncode == 0, again.stdout + again.stderr
    invariants(seeded)


def test_dashboards_never_wait_long_nor_see_a_half_written_mart(seeded, route):
    """Each read of a mart sees one refresh's whole result: its row count and total are
    those of a state Silver was in, before or after the refresh, never a mix."""
    states: set = set()
    reads: list = []
    stop = threading.Event()
    query = """select count(*), sum(total_amount), sum(transaction_count),
                      (select count(*) from scout.platinum_transaction_embeddings)
                 from scout.gold_monthly_summary"""

    def reader() -> None:
        with pooled(route) as conn:
            while not stop.is_set():
                began = time.perf_counter()
                with conn.transaction():  # as PostgREST reads: a role set for one transaction
                    conn.execute("set local role authenticated")
                    # a reader of the whole chain: Platinum's sentences are scoped by store
                    conn.execute("""select set_config('request.jwt.claims',
                                    '{"role": "authenticated", "app_metadata": {"store_ids": ["*"]}}', true)""")
                    row = conn.execute(query).fetchone()
                reads.append((time.perf_counter() - began, row))

    def state(conn) -> tuple:
        return conn.execute(query).fetchone()

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        with psycopg.connect(seeded, autocommit=True) as conn:
            states.add(state(conn))
            for n in range(4):
                conn.execute("select scout_dev.seed_bronze(800, %s, current_date - 1)", (50 + n,))
                assert conn.execute("select scout.run_transformations(true, true)").fetchone()[0]["status"] == "ok"
                states.add(state(conn))
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert len(states) == 5, "each round changed the marts"
    slowest = max(seconds for seconds, _ in reads)
    assert slowest < READ_BOUND_S, f"a read waited {slowest:.2f} s"
    seen = {row for _, row in reads}
    assert seen <= states, f"a reader saw a mart state no refresh left: {seen - states}"
