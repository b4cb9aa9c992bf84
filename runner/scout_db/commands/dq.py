"""dq run|report|alert|listen|test: data quality, which is SQL (scout.run_dq_checks and
the views of scout_checks); this calls it, renders it and carries alerts to people."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import click
import psycopg

from ..alerts import DUE_FOR_WEBHOOK, deliver, post, redact_url, secret, smtp_sender
from ..errors import Exit, ScoutError, expected_errors
from ..paths import db_dir
from ..report import check_seconds, render_rows
from ..text import shown
from .common import connect_migrated, database_option, target
from .jobs import run_job

LATEST = """
    select t.schema_name || '.' || t.table_name as table_name, t.layer, t.completeness, t.uniqueness, t.timeliness,
           t.dq_score, t.cumulative_score, h.overall, array_to_string(t.failing_bars, ', '), t.last_checked
      from ip_workbench.tables t left join ip_workbench.dq_thresholds h on h.layer = t.layer
     where t.last_checked is not null
     order by t.dq_score nulls last, t.schema_name, t.table_name"""
SCORE_COLUMNS = ["table", "layer", "completeness", "uniqueness", "timeliness", "dq_score", "cumulative_score",
                 "overall_threshold", "failing_bars", "last_checked"]
# what a terminal shows of them: every column of LATEST but last_checked
SCORE_HEADERS = ["table", "layer", "completeness", "uniqueness", "timeliness", "dq_score", "cumulative", "bar",
                 "failing bars"]


def report_data(conn: psycopg.Connection, history_runs: int = 30) -> dict:
    """Everything a report shows, as SQL computed it."""
    rows = conn.execute(LATEST).fetchall()
    last_run = conn.execute("select max(run_id) from ip_workbench.dq_results").fetchone()[0]
    checks = conn.execute("""
        select check_name, schema_name || '.' || table_name, dimension, passed, failed, detail, recent_passed,
               recent_failed, recent_carried, seconds
          from ip_workbench.dq_results where run_id = %s order by recent_failed desc, failed desc, check_name""",
                          (last_run,)).fetchall()
    samples = {}
    for table in {c[1].split(".", 1)[1] for c in checks if c[4] > 0}:
        if conn.execute("select to_regclass(%s) is not null", (f"test_failures.{table}",)).fetchone()[0]:
            for check, keys in conn.execute(
                    f'select check_name, (array_agg(business_key order by business_key))[1:5] '
                    f'from test_failures."{table}" group by check_name'):
                samples[(check, table)] = keys
    alerts = conn.execute("""
        select id, kind, subject, layer, dq_score, threshold, opened_at, failing_checks, details
          from ip_workbench.dq_alerts where closed_at is null order by opened_at""").fetchall()
    history = conn.execute("""
        select schema_name || '.' || table_name, checked_at, dq_score from ip_workbench.dq_scores
         where run_id in (select distinct run_id from ip_workbench.dq_scores order by run_id desc limit %s)
         order by 1, 2""", (history_runs,)).fetchall()
    running = conn.execute("""
        select month, category, total_amount, mtd_growth_pct from scout.gold_monthly_summary
         where not is_complete order by total_amount desc, category""").fetchall()
    anomalies = conn.execute("""
        select week_start, category, direction, total_amount, round(expected_amount, 2)
          from scout.gold_sales_anomalies order by week_start desc, category limit 10""").fetchall()
    recommendations = conn.execute("""
        select coalesce(p.name, r.sku), r.sku, coalesce(q.name, r.recommended_sku), r.recommended_sku, r.co_occurrence,
               round(r.lift, 2)
          from scout.platinum_product_recommendations r
          left join scout.silver_products p on p.sku = r.sku
          left join scout.silver_products q on q.sku = r.recommended_sku
         where r.rank = 1 order by r.co_occurrence desc, r.lift desc, r.sku limit 5""").fetchall()
    return {
        "running_month": [dict(zip(["month", "category", "total_amount", "mtd_growth_pct"], r, strict=True))
                          for r in running],
        "sales_anomalies": [dict(zip(["week_start", "category", "direction", "total_amount", "expected_amount"], a,
                                     strict=True)) for a in anomalies],
        "recommendations": [dict(zip(["product", "sku", "recommended", "recommended_sku", "co_occurrence", "lift"], r,
                                     strict=True)) for r in recommendations],
        "scores": [dict(zip(SCORE_COLUMNS, r, strict=True)) for r in rows],
        "run_id": last_run,
        "checks": [dict(zip(["check", "table", "dimension", "passed", "failed", "detail", "recent_passed", "recent_failed",
                             "recent_carried", "seconds"], c, strict=True))
                   | {"sample_keys": samples.get((c[0], c[1].split(".", 1)[1]), [])} for c in checks],
        "open_alerts": [dict(zip(["id", "kind", "subject", "layer", "dq_score", "threshold", "opened_at", "failing_checks",
                                  "details"], a, strict=True)) for a in alerts],
        "history": [dict(zip(["table", "checked_at", "dq_score"], h, strict=True)) for h in history],
    }


@click.group()
def dq() -> None:
    """Data quality: run the checks, report the scores, deliver the alerts."""


@dq.command("run")
@database_option
@expected_errors
def dq_run() -> None:
    """Run every check now (scout.run_dq_checks) and print each table's scores."""
    with connect_migrated(autocommit=True) as conn:
        result = run_job(conn, "scout.run_dq_checks", True)
        if result.get("status") != "ok":
            raise ScoutError(f"run_dq_checks: {result.get('status')} in step {result.get('step')}: "
                             f"{result.get('message') or result.get('reason')}")
        rows = conn.execute(LATEST).fetchall()
        slowest = list(check_seconds(conn, result["run_id"]).items())[:3]
    render_rows(SCORE_HEADERS, [r[:len(SCORE_HEADERS)] for r in rows],
                title=f"data quality of the rows since {result['recent_since'][:16]} "
                      f"(run {result['run_id']}, {result['checks']} checks, {result['failed_checks']} failing"
                      + (f", {result['kept_checks']} kept: nothing they read changed" if result.get("kept_checks") else "")
                      + (f", {result['delta_checks']} judged from what changed" if result.get("delta_checks") else "")
                      + ")")
    if slowest:
        click.echo("slowest checks: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in slowest))
    for table in result["alerts_raised"]:
        click.echo(shown(f"alert raised: {table} is below {result['alert_threshold']}"))
    for table in result["alerts_closed"]:
        click.echo(shown(f"alert closed: {table} recovered"))
    click.echo(f"{result['open_alerts']} open alert{'s' if result['open_alerts'] != 1 else ''}")


@dq.command("report")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write a self-contained HTML page (score history charts, alerts, failing checks).")
@database_option
@expected_errors
def dq_report(fmt: str, html_path: Path | None) -> None:
    """The latest scores, the open alerts and the failing checks with sample keys."""
    with connect_migrated(autocommit=True) as conn:
        data = report_data(conn)
    if html_path:
        from ..html_report import render_html

        html_path.write_text(render_html(data), encoding="utf-8")
    if fmt == "json":
        click.echo(json.dumps(data, default=_json_value, indent=2))
    else:
        render_rows(SCORE_HEADERS, [[s[k] for k in SCORE_COLUMNS[:len(SCORE_HEADERS)]] for s in data["scores"]],
                    title=f"data quality of the recent rows (run {data['run_id']}; cumulative: every retained row)")
        failing = [c for c in data["checks"] if c["failed"] or c["recent_failed"]]
        render_rows(["check", "table", "recent failed", "recent checked", "failed", "checked", "sample keys"],
                    [(c["check"], c["table"], c["recent_failed"], (c["recent_passed"] or 0) + (c["recent_failed"] or 0),
                      c["failed"], c["passed"] + c["failed"], ", ".join(c["sample_keys"][:3]))
                     for c in failing], title=f"{len(failing)} failing checks (sample keys: business keys, "
                                              "or the Bronze id where none could be read)")
        click.echo(shown(f"{len(data['open_alerts'])} open alerts" + "".join(
            f"\n  alert {a['id']}: {_alert_line(a)} since {a['opened_at']:%Y-%m-%d %H:%M}"
            for a in data["open_alerts"])))
    if html_path:
        click.echo(f"wrote {html_path}", err=fmt == "json")


def _alert_line(alert: dict) -> str:
    if alert["kind"] == "data_quality":
        return f"{alert['subject']} at {alert['dq_score']} (below {alert['threshold']})"
    if alert["kind"] == "job_failed":
        details = alert["details"] or {}
        return f"job {alert['subject']} {details.get('status', 'failed')} in step {details.get('step')}"
    return f"sales {(alert['details'] or {}).get('direction')}: {alert['subject']}"


def _json_value(value):
    """Scores are numeric in SQL: numbers in JSON, not strings."""
    if isinstance(value, Decimal):
        return float(value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@dq.command("alert")
@click.option("--webhook", "webhook_on_command_line", hidden=True, default=None,
              help="Refused: a webhook URL carries its token, and a command line is visible to every user of the host.")
@click.option("--webhook-file", type=click.Path(path_type=Path, dir_okay=False), envvar="SCOUT_ALERT_WEBHOOK_FILE",
              default=None, help="A file holding the incoming webhook URL (Mattermost, Slack, or any JSON receiver). "
                                 "Or the URL in $SCOUT_ALERT_WEBHOOK.")
@click.option("--email", "email", is_flag=True,
              help="Email the alerts that escalate (open over dq_escalate_after, or back soon after closing), over "
                   "SMTP from SCOUT_SMTP_HOST/PORT/USER/STARTTLS (password: SCOUT_SMTP_PASSWORD or "
                   "SCOUT_SMTP_PASSWORD_FILE), SCOUT_ALERT_FROM to SCOUT_ALERT_TO.")
@click.option("--format", "fmt", type=click.Choice(["mattermost", "generic"]), default="mattermost", show_default=True,
              help="Webhook body: mattermost is {text, attachments} (Slack reads it too); generic is the alert as JSON.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Tries after a failed delivery, waiting 1 s, 2 s, 4 s, …")
@click.option("--report-url", default=None, help="Where the HTML report is, to link in the message.")
@click.option("--follow", is_flag=True,
              help="Keep running: deliver each alert as it is raised (LISTEN scout_dq_alert) and look for escalations "
                   "and failed deliveries every --interval. Run it as a service (docker/compose.yml: alerts).")
@click.option("--interval", type=click.FloatRange(min=0.5), default=60, show_default=True,
              help="With --follow: seconds between looks when no alert is raised.")
@click.option("--timeout", type=float, default=None, help="With --follow: stop after this many seconds.")
@database_option
@expected_errors
def dq_alert(webhook_on_command_line: str | None, webhook_file: Path | None, email: bool, fmt: str, retries: int,
             report_url: str | None, follow: bool, interval: float, timeout: float | None) -> None:
    """Deliver alerts to people: each open or recent alert once per webhook, and the
    escalating ones once by email. Every attempt is recorded in
    ip_workbench.dq_alert_deliveries, with the webhook redacted; exit 1 if one could
    not be delivered (with --follow, it is tried again at the next look)."""
    if webhook_on_command_line:
        raise click.UsageError("a webhook URL carries its token and a command line is visible to every user of the "
                               "host: put it in SCOUT_ALERT_WEBHOOK, or in a file named by --webhook-file "
                               "(or SCOUT_ALERT_WEBHOOK_FILE)")
    webhook = secret("SCOUT_ALERT_WEBHOOK", webhook_file)
    if not webhook and not email:
        raise click.UsageError("give a webhook (SCOUT_ALERT_WEBHOOK, or --webhook-file), --email, or both")
    if webhook and urlsplit(webhook).scheme not in ("http", "https"):
        raise click.UsageError(f"the webhook must be an http(s) URL, got one starting {webhook.split(':', 1)[0]!r}")
    send_email = None
    if email:
        recipients = [r.strip() for r in os.environ.get("SCOUT_ALERT_TO", "").split(",") if r.strip()]
        send_email = (", ".join(recipients), smtp_sender(recipients))
    if follow and urlsplit(target().url).port == 6543:
        raise ScoutError("--follow LISTENs, which cannot work through Supabase's transaction-mode pooler (port 6543): "
                         "use the direct connection (port 5432)")

    def one_pass(conn) -> tuple[int, int]:
        sent = failed = 0
        if webhook:
            due = [r[0] for r in conn.execute(DUE_FOR_WEBHOOK)]
            s, f = deliver(conn, "webhook", redact_url(webhook), due, fmt, report_url, retries,
                           lambda payload: post(webhook, payload))
            sent, failed = sent + s, failed + f
        if send_email:
            due = [r[0] for r in conn.execute("select alert_id from scout_internal.dq_escalations()")]
            s, f = deliver(conn, "email", send_email[0], due, "email", report_url, retries, send_email[1])
            sent, failed = sent + s, failed + f
        return sent, failed

    with connect_migrated(autocommit=True) as conn:
        if not follow:
            sent, failed = one_pass(conn)
            click.echo(f"{sent} alert{'s' if sent != 1 else ''} delivered, {failed} failed")
            if failed:
                raise SystemExit(int(Exit.FAILED))
            return
        conn.execute("listen scout_dq_alert")
        where = redact_url(webhook) if webhook else "no webhook"
        click.echo(f"delivering alerts as they are raised (webhook {where}; email "
                   f"{'to ' + send_email[0] if send_email else 'off'})", err=True)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            one_pass(conn)
            wait = interval if deadline is None else min(interval, deadline - time.monotonic())
            if wait <= 0:
                break
            # an alert raised wakes it at once; a quiet spell still looks every interval
            for _ in conn.notifies(timeout=wait, stop_after=1):
                pass


@dq.command("listen")
@click.option("--count", type=click.IntRange(min=1), default=None, help="Stop after this many alerts.")
@click.option("--timeout", type=float, default=None, help="Stop after this many seconds.")
@database_option
@expected_errors
def dq_listen(count: int | None, timeout: float | None) -> None:
    """Print each alert as it is raised (LISTEN scout_dq_alert), one JSON line each.

    LISTEN needs a session of its own: connect directly (Supabase: port 5432),
    not through a transaction-mode pooler, which would drop it.
    """
    where = target()
    if urlsplit(where.url).port == 6543:
        raise ScoutError("LISTEN cannot work through Supabase's transaction-mode pooler (port 6543): "
                         "use the direct connection (port 5432)")
    seen = 0
    deadline = None if timeout is None else time.monotonic() + timeout
    with connect_migrated(autocommit=True) as conn:
        conn.execute("listen scout_dq_alert")
        click.echo("listening on scout_dq_alert", err=True)
        while count is None or seen < count:
            wait = 1.0 if deadline is None else max(0.0, min(1.0, deadline - time.monotonic()))
            if deadline is not None and wait == 0:
                break
            for notice in conn.notifies(timeout=wait, stop_after=1):
                click.echo(shown(notice.payload))
                seen += 1


@dq.command("test")
@database_option
@expected_errors
def dq_test() -> None:
    """Run the quality suites (db/tests/quality/*.sql, pgTAP, read-only) against the
    database: Silver must pass at least 80% of its checks and Gold all of them."""
    pg_prove = shutil.which("pg_prove")
    if not pg_prove:
        raise ScoutError("pg_prove not found: install libtap-parser-sourcehandler-pgtap-perl (make setup does)")
    suites = sorted((db_dir() / "tests" / "quality").glob("*.sql"))
    where = target()
    with connect_migrated(autocommit=True) as conn:
        if not conn.execute("select exists (select 1 from pg_extension where extname = 'pgtap')").fetchone()[0]:
            if not conn.execute("select exists (select 1 from pg_available_extensions where name = 'pgtap')"
                                ).fetchone()[0]:
                raise ScoutError("pgTAP is not available on this server: install the package postgresql-15-pgtap "
                                 "(make setup does), or on Supabase enable pgtap (Database > Extensions)")
            # the suites need it; where Supabase keeps extensions (schema extensions) if there is one
            schema = "extensions" if conn.execute("select to_regnamespace('extensions') is not null"
                                                  ).fetchone()[0] else "public"
            conn.execute(f"create extension pgtap schema {schema}")
            click.echo(f"created extension pgtap in schema {schema}, which the quality suites need", err=True)
    url = urlsplit(where.url)
    env = {**os.environ, "PGPASSWORD": url.password or os.environ.get("PGPASSWORD", "")}
    done = subprocess.run([pg_prove, "-h", url.hostname or "localhost", "-p", str(url.port or 5432),
                           "-U", url.username or "postgres", "-d", url.path.lstrip("/"), *map(str, suites)],
                          env=env, check=False)
    if done.returncode != 0:
        raise ScoutError("the quality suites failed (see above)")
