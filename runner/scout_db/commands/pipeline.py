"""run, backfill, purge and demo: the pipeline, which is SQL; this only calls and renders it."""

from __future__ import annotations

from datetime import datetime

import click

from .. import config
from ..errors import ScoutError, expected_errors
from ..migrations import Migrator
from ..report import render_run, render_status
from .common import database_option, target
from .jobs import render_result, run_job


def _outcome(job: str, result: dict) -> None:
    if result.get("status") != "ok":
        detail = result.get("message") or result.get("reason") or ""
        step = f" in step {result['step']}" if result.get("step") else ""
        raise ScoutError(f"{job}: {result.get('status')}{step}: {detail} (run {result.get('run_id')})")


@click.command()
@click.option("--wait/--no-wait", default=True, show_default=True,
              help="Queue behind a run already under way instead of returning 'skipped'.")
@click.option("--platinum", is_flag=True, help="Rebuild Platinum too (its own job runs every 6 hours).")
@database_option
@expected_errors
def run(wait: bool, platinum: bool) -> None:
    """Run the hourly pipeline now: scout.run_transformations().

    Prints each step with what it did and how long it took; exits 1 when the run
    failed or was skipped. The run is recorded in ip_workbench.job_runs even if
    this process is killed mid-way (it is then marked abandoned by the next run).
    """
    with config.connect(target(), autocommit=True) as conn:
        result = run_job(conn, "scout.run_transformations", wait, p_platinum=platinum)
    render_run(result)
    _outcome("run_transformations", result)


@click.command()
@click.option("--from", "from_date", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="First payload date to re-judge (YYYY-MM-DD).")
@click.option("--to", "to_date", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="Last payload date to re-judge (YYYY-MM-DD).")
@database_option
@expected_errors
def backfill(from_date: datetime, to_date: datetime) -> None:
    """Re-judge the Bronze transactions dated in a range with today's rules
    (e.g. after adding a category to scout.ref_categories) and refresh the marts
    they touch: scout.backfill(from, to). Safe to run twice."""
    if from_date > to_date:
        raise click.UsageError("--from must not be after --to")
    with config.connect(target(), autocommit=True) as conn:
        result = run_job(conn, "scout.backfill", True, from_date=from_date.date(), to_date=to_date.date())
    if result.get("status") == "ok":
        click.echo(f"backfill {from_date:%Y-%m-%d}..{to_date:%Y-%m-%d}: {result['keys']} keys, {result['versions']} "
                   f"versions re-judged; Silver {result['inserted']} inserted, {result['updated']} updated, "
                   f"{result['deleted']} removed; {result['rejected']} newly rejected, {result['unrejected']} "
                   f"no longer rejected; Gold {result['gold']['changed_days']} days recomputed "
                   f"({result['seconds']:.2f} s)")
    _outcome("backfill", result)


@click.command()
@database_option
@expected_errors
def purge() -> None:
    """Apply each layer's retention now: scout.purge_expired()."""
    with config.connect(target(), autocommit=True) as conn:
        result = run_job(conn, "scout.purge_expired", True)
    if result.get("status") == "ok":
        deleted = ", ".join(f"{table} {n}" for table, n in result["deleted"].items() if n) or "nothing"
        click.echo(f"purge_expired: deleted {deleted} (Bronze before {result['bronze_before'][:10]}, Silver before "
                   f"{result['silver_before']}, Gold before {result['gold_before']})")
    else:
        click.echo(render_result("purge_expired", result))
    _outcome("purge_expired", result)


@click.command()
@click.option("--rows", type=click.IntRange(min=0), default=20_000, show_default=True,
              help="Transactions to generate when Bronze has no demo data yet.")
@database_option
@expected_errors
def demo(rows: int) -> None:
    """The whole pipeline on generated data, from an empty machine to a report.

    Starts the private cluster (unless a database is configured), migrates it,
    seeds Bronze once with generated retail data, runs the pipeline
    (scout.run_transformations with Platinum) and prints the status. Safe to run
    again: it seeds only when Bronze holds no seed data.
    """
    where = target()
    Migrator(where, echo=click.echo).migrate()
    with config.connect(where, autocommit=True) as conn:
        seeded = conn.execute("select exists (select 1 from scout.bronze_transactions where source = 'seed')"
                              ).fetchone()[0]
        if not seeded:
            result = conn.execute("select scout_dev.seed_bronze(%s)", (rows,)).fetchone()[0]
            click.echo(f"seeded Bronze: {result['transactions']} transactions, {result['products']} products")
        result = run_job(conn, "scout.run_transformations", True, p_platinum=True)
        render_run(result)
        _outcome("run_transformations", result)
        render_status(conn, where, Migrator(where).state())
