"""A read replica, proven (issue 28, item 3; docs/scaling.md "Read replicas for
dashboards"): a physical standby of a private cluster, made by `scout-db db replica up`
(pg_basebackup) and fed by streaming replication. While the hourly job runs on the primary, a dashboard reading
the standby never sees a half-refreshed mart (every snapshot it reads has Gold's
monthly, weekly and store marts summing to Silver, to the cent), it catches up, pg_cron
runs no job there (its launcher waits for the end of recovery), and once the standby is
promoted, pg_cron runs its jobs there."""

from __future__ import annotations

import subprocess
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import pytest

from scout_db.cluster import Cluster
from scout_db.config import Target
from scout_db.migrations import Migrator

DATABASE = "scout_replica"
# Everything a dashboard reads, in one statement, so one snapshot: Gold's marts and Silver
CONSISTENCY = """
select (select count(*) from scout.silver_validated_transactions),
       (select coalesce(sum(amount), 0) from scout.silver_validated_transactions),
       (select coalesce(sum(total_amount), 0) from scout.gold_monthly_summary),
       (select coalesce(sum(total_amount), 0) from scout.gold_category_trends),
       (select coalesce(sum(total_amount), 0) from scout.gold_store_daily_sales)"""
LAUNCHER = "select count(*) from pg_stat_activity where backend_type = 'pg_cron launcher'"


def _wait(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return predicate()


def _launchers(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(LAUNCHER).fetchone()[0]


@pytest.fixture(scope="module")
def primary():
    home = Path(tempfile.mkdtemp(prefix="scout-primary-", dir="/tmp"))
    cluster = Cluster(home, database=DATABASE)
    cluster.up()
    Migrator(Target(cluster.url(), "replica test primary")).migrate()
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(3000)")
        assert conn.execute("select scout.run_transformations()").fetchone()[0]["status"] == "ok"
    try:
        yield cluster
    finally:
        cluster.destroy()
        subprocess.run(["rm", "-rf", str(home)], check=False)


@pytest.fixture(scope="module")
def standby(primary):
    """A streaming standby of the primary, as `scout-db db replica up` makes it."""
    url = primary.replica_up()
    assert primary.replica_up() == url, "a second up reuses the running standby"
    try:
        yield primary.replica()
    finally:
        primary.replica().destroy()


def test_a_dashboard_on_the_standby_never_sees_a_half_refreshed_mart(primary, standby):
    with psycopg.connect(standby.url(), autocommit=True) as conn:
        assert conn.execute("select pg_is_in_recovery()").fetchone()[0], "it is a standby"
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("select scout.ingest_transactions('{\"transaction_id\": \"R-1\"}'::jsonb)")
    seen: list[tuple] = []
    stop = threading.Event()

    def dashboard() -> None:
        with psycopg.connect(standby.url(), autocommit=True) as conn:
            while not stop.is_set():
                seen.append(conn.execute(CONSISTENCY).fetchone())

    reader = threading.Thread(target=dashboard)
    reader.start()
    try:
        with psycopg.connect(primary.url(), autocommit=True) as conn:
            for hour in range(6):  # the hourly job, six times, each with new sales and corrections
                conn.execute("select scout_dev.seed_bronze(400, %s, current_date - 1)", (100 + hour,))
                assert conn.execute("select scout.run_transformations()").fetchone()[0]["status"] == "ok"
            final = conn.execute(CONSISTENCY).fetchone()
        assert _wait(lambda: seen and seen[-1] == final, 30), "the standby caught up with the primary"
    finally:
        stop.set()
        reader.join()
    states = set(seen)
    assert len(states) >= 2, "the dashboard saw the marts change while it read"
    torn = [s for s in states if not (s[1] == s[2] == s[3] == s[4])]
    assert torn == [], f"snapshots where the marts disagree with Silver: {torn[:3]}"


def test_pg_cron_runs_no_job_on_the_standby_and_runs_them_once_promoted(primary, standby):
    with psycopg.connect(primary.url(), autocommit=True) as conn:
        conn.execute("select cron.schedule('replica-probe', '* * * * *', 'select 1')")
    assert _launchers(primary.url()) == 1, "pg_cron's launcher runs on the primary"
    assert _wait(lambda: _launchers(standby.url()) == 0, 5) and _launchers(standby.url()) == 0, \
        "and not on the standby, where it waits for recovery to end"
    with psycopg.connect(standby.url(), autocommit=True) as conn:
        assert conn.execute("select count(*) from cron.job where jobname = 'replica-probe'").fetchone()[0] == 1, \
            "the schedule is replicated"
        before = conn.execute("select count(*) from cron.job_run_details").fetchone()[0]
        conn.execute("select pg_promote(wait => true)")
        assert not conn.execute("select pg_is_in_recovery()").fetchone()[0]
    assert _wait(lambda: _launchers(standby.url()) == 1, 30), "promoted, it starts pg_cron's launcher"

    def ran() -> bool:
        with psycopg.connect(standby.url(), autocommit=True) as conn:
            return conn.execute("select count(*) from cron.job_run_details where status = 'succeeded'"
                                ).fetchone()[0] > before
    assert _wait(ran, 75), "and runs the schedule there (pg_cron's smallest interval is a minute)"
