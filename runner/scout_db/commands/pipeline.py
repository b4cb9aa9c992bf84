"""run and demo: the pipeline, which is SQL (scout.run_transformations); this only renders it."""

from __future__ import annotations

import click

from .. import config
from ..errors import ScoutError, expected_errors
from ..migrations import Migrator
from ..report import render_run, render_status
from .common import database_option, target


@click.command()
@click.option("--wait/--no-wait", default=True, show_default=True,
              help="Queue behind a run already under way instead of returning 'skipped'.")
@database_option
@expected_errors
def run(wait: bool) -> None:
    """Run the hourly pipeline now: select scout.run_transformations().

    Prints each step with what it did; exits 1 when the run did not succeed.
    """
    with config.connect(target(), autocommit=True) as conn:
        result = conn.execute("select scout.run_transformations(%s)", (wait,)).fetchone()[0]
    render_run(result)
    if result.get("status") != "ok":
        raise ScoutError(f"run_transformations: {result.get('status')}: {result.get('reason', '')}".rstrip(": "))


@click.command()
@click.option("--rows", type=click.IntRange(min=0), default=20_000, show_default=True,
              help="Transactions to generate when Bronze has no demo data yet.")
@database_option
@expected_errors
def demo(rows: int) -> None:
    """The whole pipeline on generated data, from an empty machine to a report.

    Starts the private cluster (unless a database is configured), migrates it,
    seeds Bronze once with generated retail data, runs the pipeline
    (scout.run_transformations) and prints the status. Safe to run again: it
    seeds only when Bronze holds no seed data.
    """
    where = target()
    Migrator(where, echo=click.echo).migrate()
    with config.connect(where, autocommit=True) as conn:
        seeded = conn.execute("select exists (select 1 from scout.bronze_transactions where source = 'seed')"
                              ).fetchone()[0]
        if not seeded:
            result = conn.execute("select scout_dev.seed_bronze(%s)", (rows,)).fetchone()[0]
            click.echo(f"seeded Bronze: {result['transactions']} transactions, {result['products']} products")
        render_run(conn.execute("select scout.run_transformations(true)").fetchone()[0])
        render_status(conn, where, Migrator(where).state())
