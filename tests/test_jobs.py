"""The pipeline runs itself: pg_cron schedules by name, a real pg_cron firing, runs
that do not overlap, runs killed mid-way left visible, and the runner's job commands."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import psycopg
import pytest
from psycopg.types.json import Jsonb

from conftest import CRON_DATABASE, run_cli
from scout_db.config import Target
from scout_db.migrations import Migrator

CONTRACT_SCHEDULES = {
    "scout_transformation": ("0 * * * *", "select scout.run_transformations()"),
    "scout_gold_refresh": ("15 */6 * * *", "select scout.refresh_gold()"),
    "scout_data_quality": ("0 8 * * *", "select scout.run_dq_checks()"),
    "scout_retention": ("0 3 * * *", "select scout.purge_expired()"),
}
OUR_SCHEDULES = {
    "scout_platinum_refresh": ("30 */6 * * *", "select scout.refresh_platinum()"),
    "scout_run_log_retention": ("30 3 * * *", "select scout_internal.purge_run_log()"),
    "scout_silver_micro_batch": ("1-59 * * * *", "select scout.run_micro_batch()"),
}


@pytest.fixture(scope="module")
def cron_conn(cron_url):
    with psycopg.connect(cron_url, autocommit=True) as conn:
        yield conn


def cron_jobs(cron_conn, database: str) -> list[tuple]:
    return cron_conn.execute("select jobname, schedule, command from cron.job where database = %s order by jobname",
                             (database,)).fetchall()


def test_migrating_pg_crons_own_database_twice_schedules_each_job_once(cluster, cron_conn):
    target = Target(cluster.url(CRON_DATABASE), "the test cluster's pg_cron database")
    Migrator(target).migrate()
    Migrator(target).migrate()
    expected = sorted((name, *spec) for name, spec in {**CONTRACT_SCHEDULES, **OUR_SCHEDULES}.items())
    assert cron_jobs(cron_conn, CRON_DATABASE) == expected


def test_jobs_install_from_another_database_schedules_it_there_once(db_url, cron_conn):
    database = db_url.rsplit("/", 1)[1]
    # pg_cron names jobs per role: while the names run in the cron database, they are refused here
    if cron_jobs(cron_conn, CRON_DATABASE):
        refused = run_cli("jobs", "install", "--database-url", db_url)
        assert refused.returncode == 1
        assert f"already runs in database {CRON_DATABASE}" in refused.stderr
        cron_conn.execute("select cron.unschedule(jobid) from cron.job where jobname like 'scout\\_%'")
    for _ in range(2):
        done = run_cli("jobs", "install", "--database-url", db_url)
        assert done.returncode == 0, done.stderr
        assert f"from pg_cron's database {CRON_DATABASE}" in done.stdout
    assert cron_jobs(cron_conn, database) == sorted(
        (name, *spec) for name, spec in {**CONTRACT_SCHEDULES, **OUR_SCHEDULES}.items())
    listed = run_cli("jobs", "list", "--database-url", db_url)
    assert listed.returncode == 0, listed.stderr
    for name in CONTRACT_SCHEDULES:
        line = next(line for line in listed.stdout.splitlines() if name in line)
        assert "│ yes" in line, line
    removed = run_cli("jobs", "remove", "--database-url", db_url)
    assert removed.returncode == 0 and f"removed {len(CONTRACT_SCHEDULES) + len(OUR_SCHEDULES)} jobs" in removed.stdout
    assert cron_jobs(cron_conn, database) == []


def test_pg_cron_really_fires_a_job_and_the_run_log_shows_it(new_database, cron_conn):
    """pg_cron 1.4 has minute granularity: schedule every minute, wait for the first firing."""
    url = new_database()
    database = url.rsplit("/", 1)[1]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout.ingest_transactions(%s)",
                     (Jsonb({"transaction_id": "CRON-1", "date": "2025-01-01", "amount": 4, "category": "Dairy"}),))
    job_id = cron_conn.execute("select cron.schedule_in_database('scout_test_fire', '* * * * *', "
                               "'select scout.run_transformations()', %s)", (database,)).fetchone()[0]
    try:
        deadline = time.time() + 150
        detail = None
        while time.time() < deadline:
            detail = cron_conn.execute("select status, return_message from cron.job_run_details where jobid = %s "
                                       "and status in ('succeeded', 'failed') order by runid limit 1",
                                       (job_id,)).fetchone()
            if detail:
                break
            time.sleep(2)
    finally:
        cron_conn.execute("select cron.unschedule(%s)", (job_id,))
    assert detail is not None, "pg_cron did not fire within 150 s"
    assert detail[0] == "succeeded", detail
    with psycopg.connect(url) as conn:
        run = conn.execute("select status, details -> 'steps' -> 1 -> 'result' ->> 'inserted' from ip_workbench.job_runs "
                           "where job_name = 'scout.run_transformations' order by id limit 1").fetchone()
        assert run == ("ok", "1"), "the fired run is in the run log and did the work"
        assert conn.execute("select count(*) from scout.silver_validated_transactions "
                            "where transaction_id = 'CRON-1'").fetchone()[0] == 1


def test_a_second_run_while_one_runs_is_skipped_at_once_and_says_by_whom(db_url):
    with psycopg.connect(db_url) as first, psycopg.connect(db_url, autocommit=True,
                                                          options="-c statement_timeout=10s") as second:
        first.execute("select scout.run_transformations()")  # holds the lock until commit
        skipped = second.execute("select scout.run_transformations()").fetchone()[0]
        assert skipped["status"] == "skipped"
        assert skipped["held_by"]["pid"] == first.execute("select pg_backend_pid()").fetchone()[0]
        first.rollback()
        assert second.execute("select status from ip_workbench.job_runs where id = %s",
                              (skipped["run_id"],)).fetchone()[0] == "skipped", "the skipped call is in the run log"


def lock_key(conn, job: str) -> int:
    return conn.execute("select lock_key from ip_workbench.jobs where name = %s", (job,)).fetchone()[0]


def test_a_run_killed_mid_way_is_marked_abandoned_by_the_next_run(new_database):
    url = new_database()
    with psycopg.connect(url) as blocker, psycopg.connect(url, autocommit=True) as watcher:
        # hold refresh_gold's lock so the run stops there, mid-way
        blocker.execute("select pg_advisory_xact_lock(scout_internal.advisory_lock_space('jobs'), %s)", (lock_key(blocker, "scout.refresh_gold"),))
        runner = subprocess.Popen([sys.executable, "-m", "scout_db.cli", "run", "--database-url", url],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        pid = None
        for _ in range(300):
            pid = watcher.execute("select pid from pg_locks where locktype = 'advisory' and not granted").fetchone()
            if pid:
                break
            time.sleep(0.1)
        assert pid, "the run should be waiting for refresh_gold's lock"
        watcher.execute("select pg_terminate_backend(%s)", (pid[0],))
        runner.communicate(timeout=30)
        assert runner.returncode != 0
        blocker.rollback()
        [(killed_id, status)] = watcher.execute(
            "select id, status from ip_workbench.job_runs where job_name = 'scout.run_transformations'").fetchall()
        assert status == "running", "the run's row was committed before it started"
    done = run_cli("run", "--database-url", url)
    assert done.returncode == 0, done.stderr
    with psycopg.connect(url) as conn:
        assert conn.execute("select status, message from ip_workbench.job_runs where id = %s", (killed_id,)).fetchone() \
            == ("abandoned", "its session ended before it finished (killed, crashed or disconnected)")


def test_scout_db_run_exits_1_on_a_failed_run_and_names_the_step(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("create or replace function scout_internal.silver_merge_transactions() returns jsonb "
                     "language plpgsql set search_path = '' as $$begin raise exception 'disk on fire' "
                     "using errcode = '58030'; end$$")
    done = run_cli("run", "--database-url", url)
    assert done.returncode == 1
    assert "silver: [failed] failed: disk on fire" in done.stdout
    assert done.stderr.strip().splitlines() == [
        done.stderr.strip()] and "run_transformations: failed in step silver: disk on fire" in done.stderr


def test_jobs_run_backfill_purge_and_crontab_from_the_runner(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb([
            {"transaction_id": "J1", "date": "2025-02-01", "amount": 4, "category": "Toys"},
            {"transaction_id": "J2", "date": "2025-02-02", "amount": 6, "category": "Dairy"}]),))
    ran = run_cli("jobs", "run", "scout_transformation", "--database-url", url)
    assert ran.returncode == 0, ran.stderr
    assert "silver: 2 processed, 1 inserted" in ran.stdout
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("insert into scout.ref_categories (name) values ('Toys')")
    filled = run_cli("backfill", "--from", "2025-02-01", "--to", "2025-02-28", "--database-url", url)
    assert filled.returncode == 0, filled.stderr
    assert "Silver 1 inserted" in filled.stdout and "1 no longer rejected" in filled.stdout
    again = run_cli("backfill", "--from", "2025-02-01", "--to", "2025-02-28", "--database-url", url)
    # a second call changes nothing in Silver; Gold is rebuilt from Silver for every day of
    # the range and every category (28 x 13), to the same marts
    assert "Silver 0 inserted, 0 updated, 0 removed; 0 newly rejected, 0 no longer rejected; Gold 364 days" \
        in again.stdout
    purged = run_cli("purge", "--database-url", url)
    assert purged.returncode == 0, purged.stderr
    assert purged.stdout.startswith("purge_expired: deleted nothing")
    unknown = run_cli("jobs", "run", "scout_nonsense", "--database-url", url)
    assert unknown.returncode == 1 and "no job named scout_nonsense" in unknown.stderr
    crontab = run_cli("jobs", "crontab", "--folder", "/srv/exports")
    assert crontab.returncode == 0
    line = crontab.stdout.strip()
    assert line.startswith("0 2 * * * cd ") and " ingest /srv/exports --kind transactions --source gdrive" in line


def test_migrate_status_and_check_say_plainly_when_the_jobs_will_never_run(new_database, cron_url):
    """Migrated beside pg_cron but never scheduled, nothing said the jobs would never run:
    migrate, status and check now say it once, as a warning, not a failure."""
    url = new_database()
    migrated = run_cli("migrate", "--database-url", url)
    assert migrated.returncode == 0
    assert "warning:" in migrated.stderr and "are not scheduled in pg_cron" in migrated.stderr, migrated.stderr
    assert "run scout-db jobs install" in migrated.stderr
    status = run_cli("status", "--database-url", url)
    assert "jobs: " in status.stdout and "are not scheduled in pg_cron" in status.stdout, status.stdout
    check = run_cli("check", "--format", "json", "--database-url", url)
    assert "are not scheduled in pg_cron" in (json.loads(check.stdout)["warning"] or "")
    assert run_cli("jobs", "install", "--database-url", url).returncode == 0
    try:
        again = run_cli("migrate", "--database-url", url)
        assert "warning:" not in again.stderr, again.stderr
        assert "jobs: scheduled in pg_cron" in run_cli("status", "--database-url", url).stdout
    finally:
        assert run_cli("jobs", "remove", "--database-url", url).returncode == 0
