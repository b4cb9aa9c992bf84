"""Data quality from the outside: the NOTIFY a listener receives, alerts posted to a
real local webhook (with a retry, never twice), the reports, and the quality suites."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from html.parser import HTMLParser

import psycopg
import pytest
from psycopg.types.json import Jsonb
from pytest_httpserver import HTTPServer
from werkzeug import Response

from conftest import run_cli


def half_invalid_batch(conn, prefix: str, n: int = 10) -> None:
    conn.execute("select scout.ingest_transactions(%s)", (Jsonb(
        [{"transaction_id": f"{prefix}-{i}", "date": "2025-04-02", "amount": -1 if i % 2 else i + 1, "category": "Dairy"}
         for i in range(n)]),))
    conn.execute("select scout.run_transformations()")


@pytest.fixture
def alerting_db(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        half_invalid_batch(conn, "H")
    return url


def test_a_listener_receives_exactly_one_notify_per_alert(alerting_db):
    with psycopg.connect(alerting_db, autocommit=True) as listener, psycopg.connect(alerting_db, autocommit=True) as conn:
        listener.execute("listen scout_dq_alert")
        first = conn.execute("select scout.run_dq_checks()").fetchone()[0]
        assert first["alerts_raised"] == ["scout.silver_validated_transactions"]
        received = [n.payload for n in listener.notifies(timeout=5, stop_after=2)]
        assert len(received) == 1
        payload = json.loads(received[0])
        assert payload["table"] == "scout.silver_validated_transactions" and payload["layer"] == "silver"
        assert payload["dq_score"] == 50.0 and payload["threshold"] == 80 and payload["run_id"] == first["run_id"]
        assert payload["scores"]["completeness"] == 50.0
        second = conn.execute("select scout.run_dq_checks()").fetchone()[0]
        assert second["alerts_raised"] == [] and second["open_alerts"] == 1
        assert list(listener.notifies(timeout=2, stop_after=1)) == [], "the same problem does not notify again"


def test_dq_listen_prints_alerts_as_json_lines(alerting_db):
    listener = subprocess.Popen([sys.executable, "-m", "scout_db.cli", "dq", "listen", "--count", "1", "--timeout", "30",
                                 "--database-url", alerting_db], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with psycopg.connect(alerting_db, autocommit=True) as conn:
        for _ in range(100):  # until the listener is listening
            if conn.execute("select count(*) from pg_stat_activity where query = 'listen scout_dq_alert'").fetchone()[0]:
                break
            time.sleep(0.1)
        conn.execute("select scout.run_dq_checks()")
    out, err = listener.communicate(timeout=40)
    assert listener.returncode == 0, err
    assert json.loads(out.strip())["table"] == "scout.silver_validated_transactions"


def test_an_alert_is_posted_once_with_a_retry_after_a_500(alerting_db, httpserver: HTTPServer):
    with psycopg.connect(alerting_db, autocommit=True) as conn:
        conn.execute("select scout.run_dq_checks()")
    answers = iter([Response("try later", status=500), Response("ok", status=200)])
    httpserver.expect_request("/hooks/abc", method="POST").respond_with_handler(lambda _request: next(answers))
    url = httpserver.url_for("/hooks/abc") + "?token=secret"
    done = run_cli("dq", "alert", "--retries", "2", "--report-url", "file:///tmp/dq.html",
                   "--database-url", alerting_db, env={"SCOUT_ALERT_WEBHOOK": url})
    assert done.returncode == 0, done.stderr
    assert "1 alert delivered, 0 failed" in done.stdout
    posts = [request for request, _ in httpserver.log]
    assert len(posts) == 2, "one failure, one retry"
    body = json.loads(posts[-1].data)
    assert body["text"].startswith(":warning: Data quality below 80.00 for ` scout.silver_validated_transactions `")
    attachment = body["attachments"][0]
    assert "` silver_accepts_bronze `: 5 failing" in attachment["text"]
    assert "Report: file:///tmp/dq.html" in attachment["text"]
    assert {f["title"] for f in attachment["fields"]} >= {"completeness", "timeliness"}
    with psycopg.connect(alerting_db) as conn:
        attempts = conn.execute("select attempt, succeeded, target from ip_workbench.dq_alert_deliveries order by id"
                                ).fetchall()
    assert [(a, s) for a, s, _ in attempts] == [(1, False), (2, True)]
    # the hook's key (its path) and the query are its secrets: host, known words, a fingerprint
    assert attempts[0][2].startswith(f"http://{httpserver.host}:{httpserver.port}/hooks/…?… #"), attempts[0][2]
    assert "abc" not in attempts[0][2] and "secret" not in attempts[0][2]
    assert "abc" not in done.stdout and "secret" not in done.stdout + done.stderr
    again = run_cli("dq", "alert", "--database-url", alerting_db, env={"SCOUT_ALERT_WEBHOOK": url})
    assert again.returncode == 0 and "0 alerts delivered, 0 failed" in again.stdout
    assert len(httpserver.log) == 2, "the same alert is never sent twice"


def test_a_webhook_that_keeps_failing_is_recorded_and_exits_1(alerting_db, httpserver: HTTPServer, tmp_path):
    with psycopg.connect(alerting_db, autocommit=True) as conn:
        conn.execute("select scout.run_dq_checks()")
    httpserver.expect_request("/down").respond_with_data("no", status=503)
    hook = tmp_path / "webhook"
    hook.write_text(httpserver.url_for("/down") + "\n")
    done = run_cli("dq", "alert", "--webhook-file", str(hook), "--retries", "1", "--format", "generic",
                   "--database-url", alerting_db)
    assert done.returncode == 1
    assert "after 2 tries: HTTP 503" in done.stderr
    assert json.loads(httpserver.log[0][0].data)["table"] == "scout.silver_validated_transactions"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_the_reports_show_scores_alerts_and_failing_checks(alerting_db, tmp_path):
    with psycopg.connect(alerting_db, autocommit=True) as conn:
        conn.execute("select scout.run_dq_checks()")
        half_invalid_batch(conn, "J")
        conn.execute("select scout.run_dq_checks()")
    page = tmp_path / "dq.html"
    done = run_cli("dq", "report", "--format", "json", "--html", str(page), "--database-url", alerting_db)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    silver = next(s for s in data["scores"] if s["table"] == "scout.silver_validated_transactions")
    assert silver["dq_score"] == 50.0
    assert [(a["kind"], a["subject"]) for a in data["open_alerts"]] == [("data_quality", "scout.silver_validated_transactions")]
    failing = next(c for c in data["checks"] if c["check"] == "silver_accepts_bronze")
    assert failing["failed"] == 10 and failing["sample_keys"] == ["H-1", "H-3", "H-5", "H-7", "H-9"]
    parsed = _Page()
    parsed.feed(page.read_text())
    text = " ".join(parsed.text)
    assert "svg" in parsed.tags and "polyline" in parsed.tags, "the score history is charted"
    assert parsed.tags.count("table") == 6  # scores, alerts, checks; the running month, anomalies, recommendations
    assert "silver_accepts_bronze" in text and "H-1" in text and "scout.silver_validated_transactions" in text
    assert "http" not in page.read_text().replace("http://www.w3.org", ""), "nothing loads from the network"


def test_the_quality_suites_pass_on_good_data_and_fail_on_bad(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(2000)")
        conn.execute("select scout.run_transformations()")
    good = run_cli("dq", "test", "--database-url", url)
    assert good.returncode == 0, good.stdout + good.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("update scout.gold_monthly_summary set total_amount = total_amount + 1 "
                     "where month = (select max(month) from scout.gold_monthly_summary)")
    bad = run_cli("dq", "test", "--database-url", url)
    assert bad.returncode == 1
    assert "gold_totals_match_silver" in bad.stdout


def test_check_passes_on_a_healthy_database_and_fails_on_a_careless_table(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(2000)")
        conn.execute("select scout.run_transformations()")
        conn.execute("select scout.run_dq_checks()")
    done = run_cli("check", "--database-url", url)
    assert done.returncode == 0, done.stdout + done.stderr
    # the numbered steps; a warning line may follow (here pg_cron schedules no job for this database)
    lines = [line for line in done.stdout.strip().splitlines() if line[:1].isdigit()]
    assert [line.split()[2] for line in lines] == ["syntax_type", "lint", "security", "test", "performance",
                                                   "documentation", "integration"]
    assert all(line.split()[1] == "pass" for line in lines)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("create table scout.careless (id int)")
    failed = run_cli("check", "--format", "json", "--database-url", url)
    assert failed.returncode == 1
    report = json.loads(failed.stdout)
    verdicts = {s["step"]: s["passed"] for s in report["steps"]}
    assert verdicts == {"syntax_type": True, "lint": True, "security": False, "test": True, "performance": True,
                        "documentation": False, "integration": True}
    security = next(s for s in report["steps"] if s["step"] == "security")
    assert "scout.careless rls_disabled" in security["figure"]


MARKUP_KEYS = ["ZZ[/bold]", "[link=http://evil.example]click[/link]", "\x1b[31mRED\x1b[0m\rOK"]
MARKDOWN_KEYS = ["@channel [Reset your password](http://evil.example) `tick` ``two``", "line\n# heading"]


def database_with_rejected_keys(new_database, keys: list[str]) -> str:
    """Rejected rows with these transaction_ids, so they are the sample keys of the failing
    check and of the alert it raises."""
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb(
            [{"transaction_id": key, "date": "2025-04-02", "amount": -1, "category": "Dairy"} for key in keys]
            + [{"transaction_id": f"OK-{i}", "date": "2025-04-02", "amount": 5, "category": "Dairy"} for i in range(2)]),))
        conn.execute("select scout.run_transformations()")
        conn.execute("select scout.run_dq_checks()")
    return url


def test_customer_data_is_printed_as_text_never_as_markup_or_control_characters(new_database):
    hostile_db = database_with_rejected_keys(new_database, MARKUP_KEYS)
    done = run_cli("dq", "report", "--database-url", hostile_db, env={"COLUMNS": "400"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "ZZ[/bold]" in done.stdout, "the key is shown as written"
    assert "[link=http://evil.example]click[/link]" in done.stdout
    assert "\x1b" not in done.stdout and "\r" not in done.stdout, "no raw escape or carriage return reaches the terminal"
    assert "\\x1b[31mRED" in done.stdout, "an escape character is shown escaped"
    for command in (["status"], ["jobs", "list"], ["run"], ["dq", "run"]):
        out = run_cli(*command, "--database-url", hostile_db)
        assert "Traceback" not in out.stderr and "\x1b" not in out.stdout, command


def test_dq_run_names_the_checks_that_took_longest(new_database):
    url = database_with_rejected_keys(new_database, ["SLOW-1"])
    with psycopg.connect(url, autocommit=True) as conn:  # something new, so the checks are judged again
        conn.execute("""select scout.ingest_transactions('[{"transaction_id": "N-1", "date": "2025-04-03",
                        "amount": 3, "category": "Dairy"}]')""")
        conn.execute("select scout.run_transformations()")
    done = run_cli("dq", "run", "--database-url", url, env={"COLUMNS": "400"})
    assert done.returncode == 0, done.stderr
    [line] = [line for line in done.stdout.splitlines() if line.startswith("slowest checks: ")]
    named = [(part.rsplit(" ", 2)[0], float(part.rsplit(" ", 2)[1])) for part in line.removeprefix("slowest checks: ").split(", ")]
    with psycopg.connect(url) as conn:
        kept = dict(conn.execute("select check_name, seconds from ip_workbench.dq_results "
                                 "where run_id = (select max(run_id) from ip_workbench.dq_results)").fetchall())
    assert len(named) == 3
    assert [seconds for _, seconds in named] == sorted((seconds for _, seconds in named), reverse=True)
    for name, seconds in named:  # each as kept with its result, and none of the rest took longer
        assert abs(float(kept[name]) - seconds) <= 0.0051, name
    assert max(float(s) for s in kept.values() if s is not None) <= named[0][1] + 0.005


def test_alert_messages_quote_data_as_code(new_database, httpserver: HTTPServer):
    hostile_db = database_with_rejected_keys(new_database, MARKDOWN_KEYS)
    httpserver.expect_request("/hooks/x", method="POST").respond_with_data("ok")
    done = run_cli("dq", "alert", "--database-url", hostile_db, env={"SCOUT_ALERT_WEBHOOK": httpserver.url_for("/hooks/x")})
    assert done.returncode == 0, done.stderr
    text = json.loads(httpserver.log[0][0].data)["attachments"][0]["text"]
    # every sample key sits inside a code span whose fence no backtick run in it can close
    assert "``` @channel [Reset your password](http://evil.example) `tick` ``two`` ```" in text
    outside_code = "".join(part for i, part in enumerate(_split_code_spans(text)) if i % 2 == 0)
    assert "@channel" not in outside_code and "](http" not in outside_code and "[/bold]" not in outside_code
    assert "\n# heading" not in text, "a key cannot start a Markdown block"
    with psycopg.connect(hostile_db) as conn:
        [(email,)] = conn.execute("select scout_internal.dq_alert_message(max(id), 'email') from ip_workbench.dq_alerts"
                                  ).fetchall()
    assert "\r" not in email["subject"] and "\n" not in email["subject"]
    assert "line # heading" in email["body"] and "\x1b" not in email["body"]


def _split_code_spans(text: str) -> list[str]:
    """Markdown code spans as CommonMark reads them: a run of n backticks opens, the next
    run of exactly n closes. Returns [outside, inside, outside, …]."""
    parts, i, start = [], 0, 0
    while i < len(text):
        if text[i] == "`":
            j = i
            while j < len(text) and text[j] == "`":
                j += 1
            fence = text[i:j]
            k = j
            while True:
                k = text.find(fence, k)
                if k == -1 or (k + len(fence) < len(text) and text[k + len(fence)] == "`") or text[k - 1] == "`":
                    if k == -1:
                        break
                    k += 1
                    continue
                break
            if k == -1:
                i = j
                continue
            parts += [text[start:i], text[j:k]]
            i = start = k + len(fence)
        else:
            i += 1
    return parts + [text[start:]]


def test_a_score_history_is_drawn_on_a_scale_fitted_to_it():
    """97.98 and 100 on a 0-100 axis are one flat line: the axis runs from the lowest
    score less a margin (at least 1 point) to the highest, here 96.98 to 100."""
    from datetime import UTC, datetime

    from scout_db.html_report import _chart

    svg = _chart("scout.t", [(datetime(2026, 12, 1, tzinfo=UTC), 97.98), (datetime(2026, 12, 2, tzinfo=UTC), 100)])
    assert "from 97.0 to 100.0" in svg and "<rect" in svg, "fitted axis, and bars drawn"
    assert "alert threshold 80" not in svg, "the threshold line is drawn only where it falls in range"


def test_an_answer_that_echoes_the_hook_loses_its_secrets_and_nothing_else():
    from scout_db.alerts import _scrub

    url = "https://user:pw-123456@chat.example.com/hooks/k8x2pq9w7r4m3n5b?token=s3cr3t"
    answer = "HTTP 404 <p>no hook k8x2pq9w7r4m3n5b at https://user:pw-123456@chat.example.com/hooks/k8x2pq9w7r4m3n5b" \
             "?token=s3cr3t (token=s3cr3t)</p>"
    assert _scrub(answer, url) == "HTTP 404 <p>no hook … at … (…)</p>"
