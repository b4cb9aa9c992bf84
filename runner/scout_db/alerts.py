"""Carrying alerts (ip_workbench.dq_alerts, raised in SQL) to people: a webhook and
email, each alert once per target, every attempt recorded. Secrets (a webhook URL's
token, an SMTP password) come from the environment or a file, never the command
line, and what is recorded or printed about a target is redacted."""

from __future__ import annotations

import hashlib
import json
import os
import smtplib
import time
import urllib.error
import urllib.request
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

import click

# Path words of known hook formats that are not secrets; any other segment (a
# Mattermost key, Slack's T…/B…/token, Discord's id and token, Teams' GUIDs) is cut.
PUBLIC_PATH_WORDS = {"hooks", "services", "api", "webhooks", "webhook", "incoming", "incomingwebhook", "webhookb2",
                     "v1", "v2", "v3", "v4", "alerts", "alert", "chat", "notify", "messages", "spaces", "hook"}


def redact_url(url: str) -> str:
    """The URL as it may be shown and stored: no userinfo, no query or fragment, and
    every path segment that is not a known public word cut to "…". A fingerprint of
    the whole URL (8 hex digits of its SHA-256) tells two hooks on one host apart."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if parts.port:
        host += f":{parts.port}"
    segments = [s if s.lower() in PUBLIC_PATH_WORDS else "…" for s in parts.path.split("/")[1:] if s]
    shown = f"{parts.scheme}://{host}/" + "/".join(segments) + ("?…" if parts.query else "")
    return f"{shown} #{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def secret(name: str, file_option: Path | None = None) -> str | None:
    """A secret from $NAME, or from the file named by file_option or $NAME_FILE (Docker
    and systemd credentials put them there); surrounding whitespace dropped."""
    path = file_option or (Path(os.environ[f"{name}_FILE"]) if os.environ.get(f"{name}_FILE") else None)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").strip() or None
        except OSError as exc:
            raise click.UsageError(f"cannot read {name} from {path}: {exc.strerror}") from exc
    return os.environ.get(name) or None


def post(url: str, payload: dict, timeout: float = 10) -> tuple[bool, str]:
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            ok, answer = 200 <= response.status < 300, f"HTTP {response.status} {response.read(200).decode(errors='replace')}"
    except urllib.error.HTTPError as exc:
        ok, answer = False, f"HTTP {exc.code} {exc.read(200).decode(errors='replace')}"
    except (urllib.error.URLError, OSError) as exc:
        ok, answer = False, f"error: {getattr(exc, 'reason', exc)}"
    return ok, _scrub(answer, url)


def _scrub(text: str, url: str) -> str:
    """A receiver may echo the URL it was called at: its secret parts (the ones
    redact_url cuts: userinfo, query, path segments that are not public words) become
    "…". Segments under 6 characters are left, as they would mangle any text."""
    parts = urlsplit(url)
    secrets = [url, parts.query, parts.username or "", parts.password or ""]
    secrets += [s for s in parts.path.split("/") if s.lower() not in PUBLIC_PATH_WORDS and len(s) >= 6]
    for part in sorted({p for p in secrets if p}, key=len, reverse=True):
        text = text.replace(part, "…")
    return text


def smtp_sender(recipients: list[str]):
    host = os.environ.get("SCOUT_SMTP_HOST")
    sender = os.environ.get("SCOUT_ALERT_FROM")
    if not host or not sender or not recipients:
        raise click.UsageError("--email needs SCOUT_SMTP_HOST, SCOUT_ALERT_FROM and SCOUT_ALERT_TO (comma-separated) "
                               "in the environment (and SCOUT_SMTP_PORT, SCOUT_SMTP_USER, SCOUT_SMTP_STARTTLS, and the "
                               "password in SCOUT_SMTP_PASSWORD or a file named by SCOUT_SMTP_PASSWORD_FILE, where needed)")
    port = int(os.environ.get("SCOUT_SMTP_PORT", "587"))
    starttls = os.environ.get("SCOUT_SMTP_STARTTLS", "true" if port == 587 else "false").lower() in ("1", "true", "yes")
    password = secret("SCOUT_SMTP_PASSWORD") or ""

    def send(message: dict) -> tuple[bool, str]:
        mail = EmailMessage()
        mail["From"], mail["To"], mail["Subject"] = sender, ", ".join(recipients), message["subject"]
        mail.set_content(message["body"])
        try:
            with smtplib.SMTP(host, port, timeout=15) as smtp:
                if starttls:
                    smtp.starttls()
                if os.environ.get("SCOUT_SMTP_USER"):
                    smtp.login(os.environ["SCOUT_SMTP_USER"], password)
                refused = smtp.send_message(mail)
        except (smtplib.SMTPException, OSError) as exc:
            return False, f"error: {str(exc).replace(password, '…') if password else exc}"
        return not refused, "accepted" if not refused else f"refused: {refused}"

    return send


def deliver(conn, channel: str, target_name: str, alert_ids: list[int], message_format: str,
            report_url: str | None, retries: int, send) -> tuple[int, int]:
    """Send each alert once to one target: every attempt recorded, a failure retried
    with back-off (1 s, 2 s, 4 s, …), an alert already delivered there skipped."""
    sent = failed = 0
    for alert_id in alert_ids:
        ok = None
        with conn.transaction():
            # one sender per alert at a time: a second scout-db dq alert skips it
            if not conn.execute("select pg_try_advisory_xact_lock(scout_internal.advisory_lock_space('alert_deliveries'), "
                                "%s::int)", (alert_id,)).fetchone()[0]:
                continue
            if conn.execute("select exists (select 1 from ip_workbench.dq_alert_deliveries where alert_id = %s "
                            "and channel = %s and target = %s and succeeded)",
                            (alert_id, channel, target_name)).fetchone()[0]:
                continue
            payload = conn.execute("select scout_internal.dq_alert_message(%s, %s, %s)",
                                   (alert_id, message_format, report_url)).fetchone()[0]
            answer = ""
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
        elif ok is not None:
            failed += 1
            click.echo(f"scout-db: alert {alert_id}: not delivered to {target_name} after {retries + 1} tries: {answer}",
                       err=True)
    return sent, failed


# Alerts a webhook has not had: open ones, and those raised lately (an anomaly is
# closed as it is raised), so a new target is not flooded with history.
DUE_FOR_WEBHOOK = """
    select a.id from ip_workbench.dq_alerts a
     where a.closed_at is null
        or a.opened_at > now() - (scout_internal.setting('dq_deliver_within') #>> '{}')::interval
     order by a.id"""
