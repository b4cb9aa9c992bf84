"""Issue 23's "done when", end to end on a seeded database, with a real alert
follower (`scout-db dq alert --follow`, as the compose service runs it), a real
local webhook receiver and a real local SMTP server: nobody runs a command to
deliver. One 2,000-row batch, all invalid, fails Silver's bar and pages exactly
once; a passing check does not close it; an old alert escalates by email; no token
lands in any table; a failed job run pages too."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import psycopg
from psycopg.types.json import Jsonb
from pytest_httpserver import HTTPServer

TOKEN = "k8x2pq9w7r4m3n5b6v1c0z9y8a"


def posts(server: HTTPServer, about: str) -> list[dict]:
    """The webhook bodies received so far whose text mentions `about` (the seed's own
    planted sales anomalies are posted too)."""
    bodies = [json.loads(request.data) for request, _ in server.log]
    return [b for b in bodies if about in b["text"]]


def _wait(predicate, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def test_a_bad_batch_pages_once_by_webhook_then_by_email_with_no_token_anywhere(new_database, httpserver: HTTPServer,
                                                                                 smtp_inbox):
    controller, inbox = smtp_inbox
    url = new_database()
    httpserver.expect_request(f"/hooks/{TOKEN}", method="POST").respond_with_data("ok")
    hook = httpserver.url_for(f"/hooks/{TOKEN}") + "?channel=data&secret=s3cr3t"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(20000)")
        conn.execute("select scout.run_transformations()")
        first = conn.execute("select scout.run_dq_checks()").fetchone()[0]
        assert first["alerts_raised"] == [], "the seed's data is healthy"
        follower = subprocess.Popen(
            [sys.executable, "-m", "scout_db.cli", "dq", "alert", "--follow", "--email", "--interval", "1",
             "--timeout", "90", "--database-url", url],
            env={"PATH": "/usr/bin:/bin", "SCOUT_ALERT_WEBHOOK": hook, "SCOUT_SMTP_HOST": "127.0.0.1",
                 "SCOUT_SMTP_PORT": str(controller.port), "SCOUT_SMTP_STARTTLS": "false",
                 "SCOUT_ALERT_FROM": "scout@example.invalid", "SCOUT_ALERT_TO": "oncall@example.invalid",
                 "PYTHONPATH": ":".join(sys.path)},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert "delivering alerts as they are raised" in follower.stderr.readline(), "the follower listens"
            conn.execute("select scout.ingest_transactions(%s)", (Jsonb(
                [{"transaction_id": f"BAD-{i}", "date": "2026-11-30", "amount": -5, "category": "Dairy"}
                 for i in range(2000)]),))
            conn.execute("select scout.run_transformations()")
            checked = conn.execute("select scout.run_dq_checks()").fetchone()[0]
            assert checked["alerts_raised"] == ["scout.silver_validated_transactions"], checked
            scores = conn.execute("select dq_score, cumulative_score, failing_bars from ip_workbench.tables "
                                  "where table_name = 'silver_validated_transactions'").fetchone()
            assert scores[0] == 0 and scores[1] > 80 and "completeness" in scores[2], \
                "the batch's own score is 0 while the cumulative one still looks fine"

            assert _wait(lambda: len(posts(httpserver, "Data quality")) == 1), \
                "the follower posts the alert without anyone asking"
            assert "scout.silver_validated_transactions" in posts(httpserver, "Data quality")[0]["text"]
            assert inbox.messages == [], "a young alert is not emailed"

            # a passing custom check does not close it
            conn.execute("""create view scout_checks.team_amounts_are_round with (security_invoker = true) as
                select 'team_amounts_are_round'::text as check_name, 'scout'::text as schema_name,
                       'silver_validated_transactions'::text as table_name, 'silver'::text as layer,
                       'completeness'::text as dimension, 'error'::text as level,
                       count(*) as passed, 0::bigint as failed, 'every row'::text as detail, null::text[] as failing_keys
                  from scout.silver_validated_transactions""")
            again = conn.execute("select scout.run_dq_checks()").fetchone()[0]
            assert again["alerts_closed"] == [] and again["open_alerts"] == 1

            # old enough to escalate: the follower's next look emails it, once
            conn.execute("update ip_workbench.dq_alerts set opened_at = now() - interval '25 hours'")
            assert _wait(lambda: len(inbox.messages) == 1), "escalated by email within a few looks"
            time.sleep(2.5)
            assert len(inbox.messages) == 1 and len(posts(httpserver, "Data quality")) == 1, "never twice"

            # a failed job run pages too
            with psycopg.connect(url) as blocker:  # a DBA's long transaction holds the scores' table
                blocker.execute("lock table ip_workbench.dq_scores in exclusive mode")
                with conn.transaction():
                    conn.execute("set local lock_timeout = '200ms'")
                    failed = conn.execute("select scout.run_dq_checks()").fetchone()[0]
            assert failed["status"] == "failed" and failed["step"] == "scores", failed
            assert _wait(lambda: len(posts(httpserver, "Job")) == 1), "the job failure is posted"
            assert "scout.run_dq_checks" in posts(httpserver, "Job")[0]["text"]

            dump = conn.execute("""select string_agg(t::text, ' ') from (
                select d::text as t from ip_workbench.dq_alert_deliveries d
                union all select a::text from ip_workbench.dq_alerts a
                union all select r::text from ip_workbench.job_runs r) x""").fetchone()[0]
            assert TOKEN not in dump and "s3cr3t" not in dump, "no token in any table"
        finally:
            follower.terminate()
            out, err = follower.communicate(timeout=20)
        assert TOKEN not in out + err and "s3cr3t" not in out + err, "nor in what it prints"
        assert "posted to http://" in out and "/hooks/…?…" in out, out
