"""Rendering of what SQL computed: no metric is computed here."""

from __future__ import annotations

import sys

import psycopg
from rich.console import Console
from rich.table import Table

from .config import Target
from .migrations import MigrationState


def render_status(conn: psycopg.Connection, target: Target, state: MigrationState) -> None:
    # Piped output (logs, CI) gets full-width tables instead of 80 truncated columns.
    console = Console(width=None if sys.stdout.isatty() else 160)
    console.print(f"database: {target.display} ({target.origin})")
    console.print(f"migrations: {len(state.applied)} applied, {len(state.pending)} pending")
    for name in state.pending:
        console.print(f"  pending: {name}")
    has_view = conn.execute("select to_regclass('ip_workbench.layer_status') is not null").fetchone()[0]
    if not has_view:
        return
    cur = conn.execute("select * from ip_workbench.layer_status")
    columns = [c.name for c in cur.description]
    table = Table(title="layers")
    for name in columns:
        table.add_column(name)
    for row in cur:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
