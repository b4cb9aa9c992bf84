"""dq run|report|alert|listen|test: data quality, which is SQL (scout.run_dq_checks and
the views of scout_checks); this calls it, renders it and carries alerts to people."""

from __future__ import annotations

import json
import os
import shutil
import smtplib
import subprocess
import time
import urllib.error
import urllib.request
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

import click
import psycopg

from ..errors import Exit, ScoutError, expected_errors
from ..paths import db_dir
from ..report import render_rows
from ..text import shown
from .common import connect_migrated, database_option, target
from .jobs import run_job

LATEST = """
    select t.schema_name || '.' || t.table_name as table_name, t.layer, t.completeness, t.uniqueness, t.timeliness,
           t.dq_score, h.overall, t.last_checked
      from ip_workbench.tables t left join ip_workbench.dq_thresholds h on h.layer = t.layer
     where t.dq_score is not null
     order by t.dq_score, t.schema_name, t.table_name"""


def report_data(conn: psycopg.Connection, history_runs: int = 30) -> dict:
    """Everything a report shows, as SQL computed it."""
    rows = conn.execute(LATEST).fetchall()
    last_run = conn.execute("select max(run_id) from ip_workbench.dq_results").fetchone()[0]
    checks = conn.execute("""
        select check_name, schema_name || '.' || table_name, dimension, passed, failed, detail
          from ip_workbench.dq_results where run_id = %s order by failed desc, check_name""", (last_run,)).fetchall()
    samples = {}
    for table in {c[1].split(".", 1)[1] for c in checks if c[4] > 0}:
        if conn.execute("select to_regclass(%s) is not null", (f"test_failures.{table}",)).fetchone()[0]:
            for check, keys in conn.execute(
                    f'select check_name, (array_agg(business_key order by business_key))[1:5] '
                    f'from test_failures."{table}" group by check_name'):
                samples[(check, table)] = keys
    alerts = conn.execute("""
        select id, schema_name || '.' || table_name, layer, dq_score, threshold, opened_at, failing_checks
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
        "scores": [dict(zip(["table", "layer", "completeness", "uniqueness", "timeliness", "dq_score", "overall_threshold",
                             "last_checked"], r, strict=True)) for r in rows],
        "run_id": last_run,
        "checks": [dict(zip(["check", "table", "dimension", "passed", "failed", "detail"], c, strict=True))
                   | {"sample_keys": samples.get((c[0], c[1].split(".", 1)[1]), [])} for c in checks],
        "open_alerts": [dict(zip(["id", "table", "layer", "dq_score", "threshold", "opened_at", "failing_checks"], a,
                                 strict=True)) for a in alerts],
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
    render_rows(["table", "layer", "completeness", "uniqueness", "timeliness", "dq_score", "bar"],
                [r[:7] for r in rows], title=f"data quality (run {result['run_id']}, {result['checks']} checks, "
                                            f"{result['failed_checks']} failing)")
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
        render_rows(["table", "layer", "completeness", "uniqueness", "timeliness", "dq_score", "bar"],
                    [(s["table"], s["layer"], s["completeness"], s["uniqueness"], s["timeliness"], s["dq_score"],
                      s["overall_threshold"]) for s in data["scores"]], title=f"data quality (run {data['run_id']})")
        failing = [c for c in data["checks"] if c["failed"]]
        render_rows(["check", "table", "failed", "passed", "sample keys"],
                    [(c["check"], c["table"], c["failed"], c["passed"], ", ".join(c["sample_keys"][:3]))
                     for c in failing], title=f"{len(failing)} failing checks")
        click.echo(shown(f"{len(data['open_alerts'])} open alerts" + "".join(
            f"\n  alert {a['id']}: {a['table']} at {a['dq_score']} (below {a['threshold']}) since "
            f"{a['opened_at']:%Y-%m-%d %H:%M}" for a in data["open_alerts"])))
    if html_path:
        click.echo(f"wrote {html_path}", err=fmt == "json")


def _json_value(value):
    """Scores are numeric in SQL: numbers in JSON, not strings."""
    if isinstance(value, Decimal):
        return float(value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _post(url: str, payload: dict, timeout: float = 10) -> tuple[bool, str]:
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return 200 <= response.status < 300, f"HTTP {response.status} {response.read(200).decode(errors='replace')}"
    except urllib.error.HTTPError as exc:
        return False, f"HTTP {exc.code} {exc.read(200).decode(errors='replace')}"
    except (urllib.error.URLError, OSError) as exc:
        return False, f"error: {getattr(exc, 'reason', exc)}"


def _deliver(conn, channel: str, target_name: str, alert_ids: list[int], message_format: str,
             report_url: str | None, retries: int, send) -> tuple[int, int]:
    """Send each alert once to one target: every attempt recorded, a failure retried
    with back-off (1 s, 2 s, 4 s, …), an alert already delivered there skipped."""
    sent = failed = 0
    for alert_id in alert_ids:
        with conn.transaction():
            # one sender per alert at a time: a second scout-db dq alert skips it
            if not conn.execute("select pg_try_advisory_xact_lock(scout_internal.advisory_lock_space('alert_deliveries'), %s::int)", (alert_id,)).fetchone()[0]:
                continue
            if conn.execute("select exists (select 1 from ip_workbench.dq_alert_deliveries where alert_id = %s "
                            "and channel = %s and target = %s and succeeded)",
                            (alert_id, channel, target_name)).fetchone()[0]:
                continue
            payload = conn.execute("select scout_internal.dq_alert_message(%s, %s, %s)",
                                   (alert_id, message_format, report_url)).fetchone()[0]
            ok, answer = False, ""
            for attempt in range(1, retries + 2):
                ok, answer = send(payload)
                conn.execute("""insert into ip_workbench.dq_alert_deliveries
                                    (alert_id, channel, target, attempt, succeeded, response, payload)
                                values (%s, %s, %s, %s, %s, %s, %s)""",
                             (alert_id, channel, target_name, attempt, ok, answer[:500], json.dumps(payload)))
                if ok:
                    break
                if attempt <= retries:
                    time.sleep(2 ** (attempt - 1))
        if ok:
            sent += 1
            click.echo(f"alert {alert_id}: {'posted' if channel == 'webhook' else 'emailed'} to {target_name}")
        else:
            failed += 1
            click.echo(f"scout-db: alert {alert_id}: not delivered to {target_name} after {retries + 1} tries: {answer}",
                       err=True)
    return sent, failed


def _smtp_sender(recipients: list[str]):
    host = os.environ.get("SCOUT_SMTP_HOST")
    sender = os.environ.get("SCOUT_ALERT_FROM")
    if not host or not sender or not recipients:
        raise click.UsageError("--email needs SCOUT_SMTP_HOST, SCOUT_ALERT_FROM and SCOUT_ALERT_TO (comma-separated) "
                               "in the environment (and SCOUT_SMTP_PORT, SCOUT_SMTP_USER, SCOUT_SMTP_PASSWORD, "
                               "SCOUT_SMTP_STARTTLS where needed)")
    port = int(os.environ.get("SCOUT_SMTP_PORT", "587"))
    starttls = os.environ.get("SCOUT_SMTP_STARTTLS", "true" if port == 587 else "false").lower() in ("1", "true", "yes")

    def send(message: dict) -> tuple[bool, str]:
        mail = EmailMessage()
        mail["From"], mail["To"], mail["Subject"] = sender, ", ".join(recipients), message["subject"]
        mail.set_content(message["body"])
        try:
            with smtplib.SMTP(host, port, timeout=15) as smtp:
                if starttls:
                    smtp.starttls()
                if os.environ.get("SCOUT_SMTP_USER"):
                    smtp.login(os.environ["SCOUT_SMTP_USER"], os.environ.get("SCOUT_SMTP_PASSWORD", ""))
                refused = smtp.send_message(mail)
        except (smtplib.SMTPException, OSError) as exc:
            return False, f"error: {exc}"
        return not refused, "accepted" if not refused else f"refused: {refused}"

    return send


@dq.command("alert")
@click.option("--webhook", envvar="SCOUT_ALERT_WEBHOOK", default=None, metavar="URL",
              help="Incoming webhook (Mattermost, Slack, or any JSON receiver). Default: $SCOUT_ALERT_WEBHOOK.")
@click.option("--email", "email", is_flag=True,
              help="Email the alerts that escalate (open over dq_escalate_after, or back soon after closing), over "
                   "SMTP from SCOUT_SMTP_HOST/PORT/USER/PASSWORD/STARTTLS, SCOUT_ALERT_FROM to SCOUT_ALERT_TO.")
@click.option("--format", "fmt", type=click.Choice(["mattermost", "generic"]), default="mattermost", show_default=True,
              help="Webhook body: mattermost is {text, attachments} (Slack reads it too); generic is the alert as JSON.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Tries after a failed delivery, waiting 1 s, 2 s, 4 s, …")
@click.option("--report-url", default=None, help="Where the HTML report is, to link in the message.")
@database_option
@expected_errors
def dq_alert(webhook: str | None, email: bool, fmt: str, retries: int, report_url: str | None) -> None:
    """Deliver the open alerts to people: each once per webhook (--webhook), and the
    escalating ones once by email (--email). Every attempt is recorded in
    ip_workbench.dq_alert_deliveries; exit 1 if one could not be delivered."""
    if not webhook and not email:
        raise click.UsageError("give --webhook URL (or SCOUT_ALERT_WEBHOOK), --email, or both")
    sent = failed = 0
    with connect_migrated(autocommit=True) as conn:
        if webhook:
            parts = urlsplit(webhook)
            if parts.scheme not in ("http", "https"):
                raise click.UsageError(f"--webhook must be an http(s) URL, got {webhook!r}")
            target_name = parts._replace(query="", fragment="").geturl()  # tokens in the query stay out of the log
            open_ids = [r[0] for r in conn.execute("select id from ip_workbench.dq_alerts where closed_at is null "
                                                   "order by id")]
            s, f = _deliver(conn, "webhook", target_name, open_ids, fmt, report_url, retries,
                            lambda payload: _post(webhook, payload))
            sent, failed = sent + s, failed + f
        if email:
            recipients = [r.strip() for r in os.environ.get("SCOUT_ALERT_TO", "").split(",") if r.strip()]
            send = _smtp_sender(recipients)
            due = [r[0] for r in conn.execute("select alert_id from scout_internal.dq_escalations()")]
            s, f = _deliver(conn, "email", ", ".join(recipients), due, "email", report_url, retries, send)
            sent, failed = sent + s, failed + f
    click.echo(f"{sent} alert{'s' if sent != 1 else ''} delivered, {failed} failed")
    if failed:
        raise SystemExit(int(Exit.FAILED))


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
