"""refresh_silver across sessions: late commits are never skipped, nothing is read
twice, and a second concurrent caller returns at once (or waits when asked)."""

from __future__ import annotations

import threading
import time

import psycopg
from psycopg.types.json import Jsonb


def payload(i: int) -> dict:
    return {"transaction_id": f"L{i}", "date": "2025-01-01", "amount": i, "category": "Dairy"}


def tx(i: int) -> Jsonb:
    return Jsonb(payload(i))


def refresh(url: str, wait: bool = False) -> dict:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("select scout.refresh_silver(%s)", (wait,)).fetchone()[0]


def test_a_transaction_that_commits_after_a_refresh_is_picked_up_by_the_next(db_url):
    with psycopg.connect(db_url) as slow, psycopg.connect(db_url, autocommit=True) as fast:
        slow.execute("select scout.ingest_transactions(%s)", (tx(1),))  # open, not committed
        fast.execute("select scout.ingest_transactions(%s)", (tx(2),))
        first = refresh(db_url)
        assert first["transactions"]["processed"] == 1, "only the committed row is visible"
        slow.commit()
    second = refresh(db_url)
    assert second["transactions"]["processed"] == 1, "the late commit is processed, not skipped"
    assert refresh(db_url)["transactions"]["processed"] == 0, "and never processed twice"
    with psycopg.connect(db_url) as conn:
        assert conn.execute("select array_agg(transaction_id order by transaction_id) from "
                            "scout.silver_validated_transactions where transaction_id like 'L%'").fetchone()[0] \
            == ["L1", "L2"]


def test_a_second_concurrent_refresh_returns_at_once_or_waits_when_asked(db_url):
    with psycopg.connect(db_url) as holder:
        holder.execute("select scout.ingest_transactions(%s)", (tx(10),))
        holder.commit()
        holder.execute("select scout.refresh_silver()")  # holds the lock until commit
        # a caller that waited would be cancelled by its statement_timeout instead of answering
        with psycopg.connect(db_url, autocommit=True, options="-c statement_timeout=10s") as second:
            skipped = second.execute("select scout.refresh_silver()").fetchone()[0]
        assert skipped["status"] == "skipped", "the second caller returns at once"
        holder_pid = holder.execute("select pg_backend_pid()").fetchone()[0]
        assert skipped["held_by"]["pid"] == holder_pid, "and says which session holds the lock"
        assert skipped["held_by"]["role"] == "postgres"

        result: dict = {}
        waiter = threading.Thread(target=lambda: result.update(refresh(db_url, wait=True)))
        waiter.start()
        with psycopg.connect(db_url, autocommit=True) as watcher:
            waiting = 0
            for _ in range(300):
                waiting = watcher.execute("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                                          ).fetchone()[0]
                if waiting:
                    break
                time.sleep(0.1)
        assert waiting == 1 and waiter.is_alive(), "with p_wait the second caller queues behind the first"
        holder.commit()
        waiter.join(30)
    assert result["status"] == "ok" and result["processed"] == 0, "and finds nothing left to do"
    with psycopg.connect(db_url) as conn:
        statuses = [r[0] for r in conn.execute(
            "select status from ip_workbench.job_runs where job_name = 'scout.refresh_silver' order by id desc limit 3")]
    assert "skipped" in statuses


def test_ingest_and_refresh_running_together_lose_and_repeat_nothing(new_database):
    url = new_database()
    total = 40
    stop = threading.Event()
    processed: list[int] = []

    def ingester():
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                for i in range(total):
                    conn.execute("select scout.ingest_transactions(%s)",
                                 (Jsonb([payload(1000 + 5 * i + k) for k in range(5)]),))
        finally:
            stop.set()

    def refresher():
        while not stop.is_set():
            processed.append(refresh(url, wait=True)["transactions"]["processed"])

    threads = [threading.Thread(target=ingester), threading.Thread(target=refresher), threading.Thread(target=refresher)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    processed.append(refresh(url, wait=True)["transactions"]["processed"])
    assert sum(processed) == total * 5, "every row processed exactly once"
    with psycopg.connect(url) as conn:
        assert conn.execute("select count(*) from scout.silver_validated_transactions").fetchone()[0] == total * 5


def test_dashboards_read_the_previous_gold_while_refresh_gold_runs(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb([payload(1), payload(2)]),))
        conn.execute("select scout.refresh_silver()")
        conn.execute("select scout.refresh_gold()")
        conn.execute("select scout.ingest_transactions(%s)",
                     (Jsonb({**payload(1), "amount": 100}),))
        conn.execute("select scout.refresh_silver()")
    dashboard = "select month, category, total_amount from scout.gold_monthly_summary order by month, category"
    with psycopg.connect(url) as refresher, psycopg.connect(url, autocommit=True) as reader:
        reader.execute("set statement_timeout = '10s'")
        reader.execute("set role authenticated")
        before = reader.execute(dashboard).fetchall()
        result = refresher.execute("select scout.refresh_gold()").fetchone()[0]  # not committed yet
        assert result["months_recomputed"] == 1
        # a blocked reader would hit its statement_timeout and raise instead of answering
        during = reader.execute(dashboard).fetchall()
        assert during == before, "the reader is not blocked and sees the previous, complete state"
        refresher.commit()
        after = reader.execute(dashboard).fetchall()
    assert [row[2] for row in before] == [3] and [row[2] for row in after] == [102]
