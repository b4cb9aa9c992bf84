"""run, backfill, purge and demo: the pipeline, which is SQL; this only calls and renders it."""

from __future__ import annotations

import time
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
@click.option("--follow", is_flag=True,
              help="Stay and bring rows to Silver as they arrive (LISTEN scout_bronze_arrived), in debounced micro-batches.")
@click.option("--debounce", type=click.FloatRange(0, 60), default=2.0, show_default=True,
              help="With --follow: wait this long for a burst of webhooks to end before one micro-batch.")
@click.option("--max-batches", type=click.IntRange(min=1), default=None, help="With --follow: stop after this many.")
@database_option
@expected_errors
def run(wait: bool, platinum: bool, follow: bool, debounce: float, max_batches: int | None) -> None:
    """Run the hourly pipeline now: scout.run_transformations().

    Prints each step with what it did and how long it took; exits 1 when the run
    failed or was skipped. The run is recorded in ip_workbench.job_runs even if
    this process is killed mid-way (it is then marked abandoned by the next run).
    With --follow it stays, and runs scout.run_micro_batch() as rows arrive.
    """
    if follow:
        _follow(debounce, max_batches)
        return
    with config.connect(target(), autocommit=True) as conn:
        result = run_job(conn, "scout.run_transformations", wait, p_platinum=platinum)
    render_run(result)
    _outcome("run_transformations", result)


def _follow(debounce: float, max_batches: int | None) -> None:
    """LISTEN needs a session of its own; the micro-batches run on a second connection."""
    where = target()
    with config.connect(where, autocommit=True) as listener, config.connect(where, autocommit=True) as conn:
        listener.execute("listen scout_bronze_arrived")
        click.echo("following scout_bronze_arrived (Ctrl-C to stop)", err=True)
        batches = 0
        pending = conn.execute("select scout_internal.has_unprocessed_bronze()").fetchone()[0]
        while max_batches is None or batches < max_batches:
            if not pending:
                pending = bool(list(listener.notifies(timeout=60, stop_after=1)))
                continue
            # a burst of webhooks costs one micro-batch: wait until it has been quiet for `debounce`
            started = time.monotonic()
            while time.monotonic() - started < 10 and list(listener.notifies(timeout=debounce, stop_after=1)):
                pass
            result = conn.execute("select scout.run_micro_batch(true)").fetchone()[0]
            pending = False
            if result.get("status") == "ok":
                batches += 1
                click.echo(f"micro-batch: {result['processed']} rows to Silver in {result['seconds']:.2f} s "
                           f"(run {result['run_id']})")
            elif result.get("status") == "failed":
                click.echo(f"scout-db: micro-batch failed: {result.get('message')}", err=True)


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
