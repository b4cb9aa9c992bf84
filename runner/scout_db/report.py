"""Rendering of what SQL computed: no metric is computed here."""

from __future__ import annotations

import sys

import psycopg
from rich.console import Console
from rich.table import Table

from .config import Target
from .migrations import MigrationState
from .text import cell, shown


def check_seconds(conn: psycopg.Connection, run_id: int) -> dict[str, float]:
    """How long each check view took in run run_id, the slowest first, as
    ip_workbench.dq_results keeps it (a view naming several results counts once)."""
    return {name: float(seconds) for name, seconds in conn.execute("""
        select min(check_name), max(seconds) from ip_workbench.dq_results
         where run_id = %s and seconds is not null
         group by coalesce(inputs_seen ->> 'view', check_name)
         order by max(seconds) desc, min(check_name)""", (run_id,))}


def render_status(conn: psycopg.Connection, target: Target, state: MigrationState,
                  extensions: list[dict] | None = None) -> None:
    print(shown(f"database: {target.display} ({target.origin})"))
    print(f"migrations: {len(state.applied)} applied, {len(state.pending)} pending")
    for name in state.pending:
        print(f"  pending: {name}")
    for ext in extensions or []:
        where = ext["folder"] if ext["present"] else f"{ext['folder']}, which is not there"
        print(shown(f"extension {ext['name']} ({where}): {len(ext['applied'])} migrations applied, "
                    f"{len(ext['pending'])} pending"))
        for name in ext["pending"]:
            print(shown(f"  pending: {ext['name']}/{name}"))
        for mart, refresh, built_at in ext["marts"]:
            built = f"built {built_at:%Y-%m-%d %H:%M:%S %Z}" if built_at else "not built yet: run scout-db run"
            print(shown(f"  mart {mart} ({refresh}): {built}"))
    if state.functions_applied is None:
        print("function files: never applied here: run scout-db migrate")
    elif state.functions_applied != state.functions_here:
        print("function files: the server runs other versions than this package's (a migrate that stopped "
              "half-way, or another scout-db): run scout-db migrate")
    else:
        print("function files: the same as this package's")
    if not conn.execute("select to_regclass('ip_workbench.layer_status') is not null").fetchone()[0]:
        return
    from .cron import scheduling_warning

    warning = scheduling_warning(target, conn)
    print(shown(f"jobs: {warning}" if warning else "jobs: scheduled in pg_cron"))
    if conn.execute("select to_regprocedure('scout_internal.embedding_backlog(text)') is not null").fetchone()[0]:
        model, waiting, embedded = conn.execute(
            "select m, scout_internal.embedding_backlog(m), (select count(*) from scout.platinum_transaction_embeddings "
            "where embedding_model = m) from scout_private.embedding_model() m").fetchone()
        print(shown(f"semantic search: {embedded} sentences embedded with {model}, {waiting} waiting"
                    + (" (run scout-db embed)" if waiting else "")))
    if conn.execute("select to_regclass('scout_partitions.bronze_transactions_default') is not null").fetchone()[0]:
        months, first, last = conn.execute(
            "select count(month), to_char(min(month), 'YYYY-MM'), to_char(max(month), 'YYYY-MM') "
            "from scout_internal.bronze_months()").fetchone()
        waiting = None  # normally empty, so counting it costs nothing; only the owner may read it
        if conn.execute("select has_table_privilege('scout_partitions.bronze_transactions_default', 'select')"
                        ).fetchone()[0]:
            waiting = conn.execute("select count(*) from scout_partitions.bronze_transactions_default").fetchone()[0]
        span = f" ({first} to {last})" if months else ""
        default = ("" if waiting is None else f"; rows waiting in the default partition: {waiting}"
                   + (" (scout-db purge moves the dated ones into their months)" if waiting else ""))
        print(f"bronze partitions: {months} months{span}{default}")
    cur = conn.execute("select * from ip_workbench.layer_status")
    render_rows([c.name for c in cur.description], cur.fetchall(), title="layers")


def _summary(step: str, result: dict) -> str:
    if result.get("status") not in (None, "ok"):
        return f"{result.get('status')}: {result.get('message') or result.get('reason') or ''}".rstrip(": ")
    if step == "bronze_freshness":
        lag = result.get("transactions_lag_seconds")
        return "no transactions yet" if lag is None else (
            f"newest transaction {lag:.0f} s old ({'within' if result.get('fresh') else 'over'} "
            f"the {result.get('threshold_seconds')} s threshold)")
    if step in ("silver_checks", "gold_checks"):
        return f"{result.get('rows', 0)} checked, all pass"
    if step == "marts":
        return (f"{result.get('marts_refreshed', 0)} marts refreshed, {result.get('rows', 0)} rows written"
                if result.get("marts") else "nothing to refresh")
    if step == "metadata":
        return f"{result.get('rows', 0)} tables registered"
    if step == "silver":
        return (f"{result['processed']} processed, {result['inserted']} inserted, {result['updated']} updated, "
                f"{result['rejected']} rejected, {result['superseded']} superseded")
    if step == "gold":
        return f"{result['months_recomputed']} months and {result['weeks_recomputed']} weeks recomputed"
    if step == "platinum":
        if result.get("rebuilt") is False:
            return f"not rebuilt: {result.get('reason')}"
        return f"{result['embeddings']} transaction sentences, {result['recommendations']} recommendations"
    return ", ".join(f"{k} {v}" for k, v in result.items() if not isinstance(v, dict | list))


def render_run(result: dict) -> None:
    """One line per step of a scout.run_transformations() result, then its outcome."""
    for entry in result.get("steps", []):
        step, outcome = entry["step"], entry.get("result") or {}
        seconds = entry.get("seconds")
        took = f" ({seconds:.2f} s)" if isinstance(seconds, int | float) else ""
        flag = "" if entry.get("status") == "ok" else f"[{entry.get('status')}] "
        print(shown(f"{step}: {flag}{_summary(step, outcome)}{took}"))
    if "seconds" in result:
        print(f"run_transformations: {result.get('status')} in {result['seconds']:.2f} s (run {result.get('run_id')})")
    elif result.get("status") == "skipped":
        print(shown(f"run_transformations: skipped: {result.get('reason')}"))


def render_rows(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    # Piped output (logs, CI) gets full-width tables instead of 80 truncated columns.
    console = Console(width=None if sys.stdout.isatty() else 200)
    table = Table(title=cell(title) if title else None)
    for name in columns:
        table.add_column(cell(name))
    for row in rows:
        table.add_row(*(cell(v) for v in row))
    console.print(table)
