"""Faults: a job's backend terminated in the middle of each step (Silver, Gold,
Platinum, retention, data quality), and the whole cluster stopped hard mid-run. Each
time the interrupted work is rolled back whole, the run log shows the interrupted run
(abandoned), the next run completes, and nothing is lost: every Bronze row is in Silver,
superseded or rejected, and Gold equals Silver summed here."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from conftest import run_cli
from scout_db.cluster import Cluster, as_server_user, find_bindir
from scout_db.config import Target
from scout_db.migrations import Migrator

ABANDONED = "its session ended before it finished (killed, crashed or disconnected)"

# step: (the command that runs it, a table it writes part-way through, the job)
STEPS = {
    "silver": (["run"], "scout.silver_rejected_transactions", "scout.run_transformations"),
    "gold": (["run"], "scout.gold_monthly_summary", "scout.run_transformations"),
    "platinum": (["run", "--platinum"], "scout.platinum_product_recommendations", "scout.run_transformations"),
    "retention": (["purge"], "scout.gold_category_trends", "scout.purge_expired"),
    "dq": (["dq", "run"], "ip_workbench.dq_scores", "scout.run_dq_checks"),
}


def seed(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        # Silver keeps the generator's three years, so every Bronze row keeps its Silver outcome
        conn.execute("update ip_workbench.settings set value = '3650' where name = 'silver_retention_days'")
        conn.execute("select scout_dev.seed_bronze(2000, 31, current_date - 1)")
        # rows that arrived long ago, for retention to find (the owner may set ingested_at)
        conn.execute("""insert into scout.bronze_transactions (raw_data, source, ingested_at)
                        select g.payload, 'old', now() - interval '200 days'
                          from scout_dev.generate_transactions(300, 32, current_date - 1) g""")


def invariants(url: str) -> None:
    """Checked independently of the layer's own checks: plain SQL over the tables."""
    with psycopg.connect(url) as conn:
        unaccounted = conn.execute("""
            select count(*) from scout.bronze_transactions b
             where not exists (select 1 from scout.silver_rejected_transactions r where r.bronze_id = b.id)
               and not exists (select 1 from scout.silver_validated_transactions s
                                where s.transaction_id = btrim(b.raw_data ->> 'transaction_id'))""").fetchone()[0]
        assert unaccounted == 0, "every Bronze row is in Silver (as its key's winner or superseded) or rejected"
        # months before Silver's retention boundary stay in Gold, frozen, without their Silver rows
        wrong = conn.execute("""
            with kept as (select coalesce((select (value #>> '{}')::date from ip_workbench.settings
                                            where name = 'silver_purged_before'), '-infinity') as since)
            select count(*) from (
                select date_trunc('month', transaction_date)::date as month, category, sum(amount) as total, count(*) as n
                  from scout.silver_validated_transactions group by 1, 2) s
             full join (select * from scout.gold_monthly_summary) g using (month, category)
             where coalesce(s.month, g.month) >= (select since from kept)
               and (g.total_amount is distinct from s.total or g.transaction_count is distinct from s.n)""").fetchone()[0]
        assert wrong == 0, "Gold equals Silver summed afresh"
        running = conn.execute("select count(*) from ip_workbench.job_runs where status = 'running'").fetchone()[0]
        assert running == 0, "no run is left looking as if it still ran"


def wait_for_waiter(conn: psycopg.Connection, table: str) -> int:
    for _ in range(600):
        row = conn.execute("""select l.pid from pg_locks l
                               where l.relation = %s::regclass and not l.granted""", (table,)).fetchone()
        if row:
            return row[0]
        time.sleep(0.05)
    raise AssertionError(f"no job came to wait on {table}")


@pytest.mark.parametrize("step", STEPS)
def test_a_backend_killed_mid_step_loses_nothing_and_the_next_run_completes(step, new_database):
    command, table, job = STEPS[step]
    url = new_database()
    seed(url)
    assert run_cli("run", "--database-url", url).returncode == 0  # a first complete run
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout.ingest_transactions(jsonb_build_object('transaction_id', 'FAULT-1', 'date', "
                     "(current_date - 3)::text, 'amount', 12.34, 'category', 'Dairy'))")
        if step == "platinum":  # make Platinum's rebuild necessary
            conn.execute("update ip_workbench.platinum_builds set window_start = window_start - 1")
    with psycopg.connect(url) as blocker, psycopg.connect(url, autocommit=True) as watcher:
        blocker.execute(f"lock table {table} in access exclusive mode")  # the step stops at this table
        runner = subprocess.Popen([sys.executable, "-m", "scout_db.cli", *command, "--database-url", url],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        pid = wait_for_waiter(watcher, table)
        watcher.execute("select pg_terminate_backend(%s)", (pid,))
        runner.communicate(timeout=60)
        assert runner.returncode != 0, "the command says the run did not finish"
        blocker.rollback()
        [(killed, status)] = watcher.execute(
            "select id, status from ip_workbench.job_runs where job_name = %s order by id desc limit 1",
            (job,)).fetchall()
        assert status == "running", "the run's row was committed before its work began"
        if step == "silver":
            assert watcher.execute("select count(*) from scout.silver_validated_transactions "
                                   "where transaction_id = 'FAULT-1'").fetchone()[0] == 0, "its work rolled back whole"
    again = run_cli(*command, "--database-url", url)
    assert again.returncode == 0, again.stdout + again.stderr
    assert run_cli("run", "--database-url", url).returncode == 0
    with psycopg.connect(url) as conn:
        assert conn.execute("select status, message from ip_workbench.job_runs where id = %s",
                            (killed,)).fetchone() == ("abandoned", ABANDONED), "the run log shows the interrupted run"
        assert conn.execute("select count(*) from scout.silver_validated_transactions "
                            "where transaction_id = 'FAULT-1'").fetchone()[0] == 1, "the next run did the work"
    invariants(url)


@pytest.fixture
def own_cluster():
    """A cluster of its own (durable, with fsync), since this test stops it hard. The
    test's database is not pg_cron's, so no scheduled job runs in it meanwhile."""
    home = Path(tempfile.mkdtemp(prefix="scout-crash-", dir="/tmp"))
    cluster = Cluster(home, database="cron_home")
    cluster.up()
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        conn.execute("create database crash")
    try:
        yield cluster
    finally:
        cluster.destroy()
        shutil.rmtree(home, ignore_errors=True)


def test_the_cluster_stopped_hard_mid_run_recovers_and_the_next_run_completes(own_cluster):
    url = own_cluster.url("crash")
    Migrator(Target(url, "crash test")).migrate()
    seed(url)
    blocker = psycopg.connect(url)
    try:
        blocker.execute("lock table scout.gold_monthly_summary in access exclusive mode")
        runner = subprocess.Popen([sys.executable, "-m", "scout_db.cli", "run", "--database-url", url],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with psycopg.connect(url, autocommit=True) as watcher:
            wait_for_waiter(watcher, "scout.gold_monthly_summary")
        # Silver is done inside the run's transaction, Gold waits: stop everything now
        subprocess.run(as_server_user([str(find_bindir() / "pg_ctl"), "stop", "-D", str(own_cluster.datadir),
                                       "-m", "immediate", "-w"]), check=True, capture_output=True)
    finally:
        blocker.close()  # its server is gone: nothing to commit or roll back
    runner.communicate(timeout=60)
    assert runner.returncode != 0
    own_cluster.up()  # crash recovery
    url = own_cluster.url("crash")  # on a new port if the old one is not free yet
    with psycopg.connect(url) as conn:
        [(crashed, status)] = conn.execute("select id, status from ip_workbench.job_runs").fetchall()
        assert status == "running", "the run's row survived the crash; its work did not"
        assert conn.execute("select count(*) from scout.silver_validated_transactions").fetchone()[0] == 0
    done = run_cli("run", "--database-url", url)
    assert done.returncode == 0, done.stdout + done.stderr
    with psycopg.connect(url) as conn:
        assert conn.execute("select status from ip_workbench.job_runs where id = %s", (crashed,)).fetchone() \
            == ("abandoned",)
        assert conn.execute("select count(*) from scout.silver_validated_transactions").fetchone()[0] > 1500
    invariants(url)
