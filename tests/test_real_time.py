"""Real time and escalation: webhook rows reach Silver by the minute's micro-batch
(a real pg_cron firing), or at once with `scout-db run --follow`; alerts that last
escalate by email to a real local SMTP server."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys
import time

import psycopg
import pytest
from psycopg.types.json import Jsonb

from conftest import run_cli


def test_pg_cron_s_micro_batch_brings_a_webhook_row_to_silver_and_records_only_work(cron_url, new_database):
    url = new_database()
    database = url.rsplit("/", 1)[1]
    with psycopg.connect(cron_url, autocommit=True) as cron, \
            psycopg.connect(url, autocommit=True) as conn:
        job = cron.execute("select cron.schedule_in_database('scout_test_micro_batch', '* * * * *', "
                           "'select scout.run_micro_batch()', %s)", (database,)).fetchone()[0]
        try:
            conn.execute("select scout.ingest_transactions(%s, 'webhook')",
                         (Jsonb({"transaction_id": "WEB-1", "date": "2025-06-01", "amount": 9, "category": "Snacks"}),))
            in_silver = None
            deadline = time.time() + 150
            while time.time() < deadline and not in_silver:
                in_silver = conn.execute("select validated_at from scout.silver_validated_transactions "
                                         "where transaction_id = 'WEB-1'").fetchone()
                time.sleep(2)
            assert in_silver, "the micro-batch should have fired within 150 s"
            # one more firing, with nothing to do
            fired = lambda: cron.execute("select count(*) from cron.job_run_details where jobid = %s "  # noqa: E731
                                         "and status = 'succeeded'", (job,)).fetchone()[0]  # pg_cron's word
            deadline = time.time() + 90
            while time.time() < deadline and fired() < 2:
                time.sleep(2)
            assert fired() >= 2, "pg_cron fired the job again"
        finally:
            cron.execute("select cron.unschedule(%s)", (job,))
        runs = conn.execute("select status, details ->> 'processed' from ip_workbench.job_runs "
                            "where job_name = 'scout.run_micro_batch'").fetchall()
        assert runs == [("ok", "1")], "one run-log row for the firing that did work, none for the idle one"


def _wait_for_the_follower(conn) -> None:
    """Until `scout-db run --follow` LISTENs, so that no notice is sent before it hears."""
    for _ in range(100):
        if conn.execute("select count(*) from pg_stat_activity where query = 'listen scout_bronze_arrived'"
                        ).fetchone()[0]:
            return
        time.sleep(0.1)


def test_run_follow_brings_a_burst_to_silver_in_one_micro_batch(new_database):
    url = new_database()
    follower = subprocess.Popen([sys.executable, "-m", "scout_db.cli", "run", "--follow", "--max-batches", "1",
                                 "--debounce", "1", "--database-url", url],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with psycopg.connect(url, autocommit=True) as conn:
        _wait_for_the_follower(conn)
        for i in range(5):  # five webhooks in a burst
            conn.execute("select scout.ingest_transactions(%s, 'webhook')",
                         (Jsonb({"transaction_id": f"B-{i}", "date": "2025-06-01", "amount": i + 1, "category": "Dairy"}),))
        out, err = follower.communicate(timeout=60)
        assert follower.returncode == 0, err
        assert "micro-batch: 5 rows to Silver" in out
        assert conn.execute("select count(*) from ip_workbench.job_runs where job_name = 'scout.run_micro_batch'"
                            ).fetchone()[0] == 1, "a burst costs one micro-batch"


@pytest.mark.parametrize("clean", [True, False], ids=["copied", "staged"])
def test_run_follow_brings_a_file_load_to_silver_too(new_database, tmp_path, clean):
    """Only the RPCs announced new Bronze rows, so a file load got no reaction from a
    follower; both ways a file goes in (COPYed straight, or staged for a bad line) do."""
    url = new_database()
    path = tmp_path / "burst.ndjson"
    lines = [json.dumps({"transaction_id": f"F-{i}", "date": "2025-06-01", "amount": i + 1, "category": "Dairy"})
             for i in range(50)]
    path.write_text("\n".join(lines + ([] if clean else ["not json"])) + "\n")
    follower = subprocess.Popen([sys.executable, "-m", "scout_db.cli", "run", "--follow", "--max-batches", "1",
                                 "--debounce", "1", "--database-url", url],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with psycopg.connect(url, autocommit=True) as conn:
        _wait_for_the_follower(conn)
        loaded = run_cli("ingest", str(path), "--kind", "transactions", "--database-url", url)
        assert loaded.returncode == (0 if clean else 4), loaded.stderr
        out, err = follower.communicate(timeout=60)
        assert follower.returncode == 0, err
        assert "micro-batch: 50 rows to Silver" in out, out


def test_an_alert_that_lasts_escalates_once_by_email(new_database, smtp_inbox):
    controller, inbox = smtp_inbox
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb(
            [{"transaction_id": f"E-{i}", "date": "2025-04-02", "amount": -1 if i % 2 else i + 1, "category": "Dairy"}
             for i in range(10)]),))
        conn.execute("select scout.run_transformations()")
        conn.execute("select scout.run_dq_checks()")
        env = {"SCOUT_SMTP_HOST": "127.0.0.1", "SCOUT_SMTP_PORT": str(controller.port), "SCOUT_SMTP_STARTTLS": "false",
               "SCOUT_ALERT_FROM": "scout@example.invalid", "SCOUT_ALERT_TO": "data-engineering@example.invalid, dba@example.invalid"}
        young = run_cli("dq", "alert", "--email", "--database-url", url, env=env)
        assert young.returncode == 0 and "0 alerts delivered" in young.stdout, "a young alert does not escalate"
        assert inbox.messages == []
        conn.execute("update ip_workbench.dq_alerts set opened_at = now() - interval '25 hours'")
        done = run_cli("dq", "alert", "--email", "--report-url", "https://reports.example.invalid/dq.html",
                       "--database-url", url, env=env)
        assert done.returncode == 0, done.stderr
        [envelope] = inbox.messages
        assert envelope.mail_from == "scout@example.invalid"
        assert envelope.rcpt_tos == ["data-engineering@example.invalid", "dba@example.invalid"]
        mail = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert mail["From"] == "scout@example.invalid"
        assert mail["To"] == "data-engineering@example.invalid, dba@example.invalid"
        assert mail["Subject"] == ("[scout data quality] Data quality below 80.00 for "
                                   "scout.silver_validated_transactions (silver): 50.00")
        body = mail.get_content()
        assert "completeness 50.00" in body and "silver_accepts_bronze: 5 failing" in body and "E-1" in body
        assert "Report: https://reports.example.invalid/dq.html" in body
        again = run_cli("dq", "alert", "--email", "--database-url", url, env=env)
        assert again.returncode == 0 and len(inbox.messages) == 1, "never the same escalation twice"
        assert conn.execute("select channel, succeeded from ip_workbench.dq_alert_deliveries").fetchall() \
            == [("email", True)]
