"""`scout-db`: apply the data layer's migrations, load files, run and report.

Each command resolves the connection, makes one or a few SQL calls and renders
the answer; the logic lives in SQL (db/functions, db/migrations).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click
import psycopg

from . import config
from .cluster import Cluster, project_home
from .errors import ScoutError
from .migrations import Migrator


def _fail(message: str, code: int) -> None:
    click.echo(f"scout-db: {message}", err=True)
    sys.exit(code)


def expected_errors(fn):
    """Expected failures end as one line on stderr and a documented exit status."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ScoutError as exc:
            _fail(str(exc), exc.exit_code)
        except psycopg.Error as exc:
            diag = getattr(exc, "diag", None)
            text = (getattr(diag, "message_primary", None) or str(exc)).strip().splitlines()
            hint = getattr(diag, "message_hint", None)
            sqlstate = f" (SQLSTATE {exc.sqlstate})" if exc.sqlstate else ""
            _fail((text[0] if text else type(exc).__name__) + sqlstate
                  + (f"; hint: {hint}" if hint else ""), 1)

    return wrapper


def _target(ctx: click.Context) -> config.Target:
    return config.resolve(ctx.obj["database_url"])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--database-url", envvar=None, metavar="URL",
              help="postgresql:// URL. Default: $DATABASE_URL, else the SUPABASE_HOST/"
                   "SUPABASE_PORT/POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB variables, "
                   "else the project's private cluster (started on demand).")
@click.version_option(package_name="scout-db")
@click.pass_context
def main(ctx: click.Context, database_url: str | None) -> None:
    """Scout Retail's Postgres-native data layer: Bronze -> Silver -> Gold -> Platinum."""
    ctx.ensure_object(dict)
    ctx.obj["database_url"] = database_url


@main.command()
@click.option("--lock-timeout", default=300, show_default=True, metavar="SECONDS",
              help="How long to wait for another scout-db migrate to finish.")
@click.pass_context
@expected_errors
def migrate(ctx: click.Context, lock_timeout: int) -> None:
    """Apply pending migrations, then re-apply every db/functions file.

    Safe to run twice and from two places at once: the second run waits for the
    first, then finds nothing to do.
    """
    target = _target(ctx)
    report = Migrator(target, lock_timeout_s=lock_timeout, echo=click.echo).migrate()
    applied = len(report.applied)
    click.echo(f"{applied} migration{'s' if applied != 1 else ''} applied, "
               f"{report.functions} function files re-applied ({target.display})")


@main.command()
@click.option("--count", type=click.IntRange(min=1), default=None,
              help="Roll back this many of the newest migrations (default 1).")
@click.option("--all", "all_", is_flag=True, help="Roll back every applied migration.")
@click.pass_context
@expected_errors
def rollback(ctx: click.Context, count: int | None, all_: bool) -> None:
    """Roll back the newest applied migration (or --count N, or --all)."""
    if all_ and count is not None:
        raise click.UsageError("give --count or --all, not both")
    target = _target(ctx)
    rolled = Migrator(target, echo=click.echo).rollback(None if all_ else (count or 1))
    click.echo(f"{len(rolled)} migration{'s' if len(rolled) != 1 else ''} rolled back")


@main.command()
@click.pass_context
@expected_errors
def status(ctx: click.Context) -> None:
    """Applied and pending migrations, and row counts and freshness per layer."""
    from .report import render_status

    target = _target(ctx)
    state = Migrator(target).state()
    with config.connect(target, autocommit=True) as conn:
        render_status(conn, target, state)


EXIT_REJECTED = 4


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(["transactions", "products"]), required=True,
              help="Which Bronze table the records go to.")
@click.option("--source", default="csv", show_default=True,
              help="Source name stored on every row (csv, gdrive, …).")
@click.option("--force", is_flag=True, help="Load files again even if the manifest says they were loaded.")
@click.pass_context
@expected_errors
def ingest(ctx: click.Context, paths: tuple[Path, ...], kind: str, source: str, force: bool) -> None:
    """Load CSV, JSON-array and NDJSON files (or folders of them) into Bronze.

    Each file is loaded once, in one transaction: a file already in the manifest
    (same SHA-256) is skipped unless --force. Records that cannot be parsed are
    stored in scout.bronze_ingest_errors with file, line and error while the rest
    loads; the command then exits with status 4.
    """
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from .ingest import expand, load_file, total_bytes

    files = expand(list(paths))
    if not files:
        raise ScoutError("no .csv, .json, .ndjson or .jsonl files found in " + ", ".join(map(str, paths)))
    target = _target(ctx)
    results = []
    console = Console(stderr=True)
    with config.connect(target, autocommit=True) as conn, Progress(
        "[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
        console=console, disable=not console.is_terminal, transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=total_bytes(files))
        for path in files:
            progress.update(task, description=path.name)
            results.append(load_file(conn, path, kind, source, force,
                                     on_read=lambda n: progress.advance(task, n)))
    for r in results:
        if r.status == "skipped":
            click.echo(f"{r.path}: already loaded (same SHA-256); skipped — use --force to load it again")
        else:
            click.echo(f"{r.path}: {r.rows_loaded} rows loaded, {r.lines_rejected} rejected "
                       f"of {r.lines_read} records (batch {r.batch_id})")
    loaded = [r for r in results if r.status == "loaded"]
    rejected = sum(r.lines_rejected for r in loaded)
    click.echo(f"{len(loaded)} file{'s' if len(loaded) != 1 else ''} loaded, "
               f"{len(results) - len(loaded)} skipped, {sum(r.rows_loaded for r in loaded)} rows, "
               f"{rejected} rejected")
    if rejected:
        click.echo(f"scout-db: {rejected} records could not be parsed; see scout.bronze_ingest_errors "
                   "(batch ids above)", err=True)
        sys.exit(EXIT_REJECTED)


@main.command()
@click.option("--rows", type=click.IntRange(min=0), required=True, help="How many transactions to generate.")
@click.option("--seed", "seed_value", type=int, default=42, show_default=True,
              help="Same seed, same data.")
@click.option("--end-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Last day of the 3-year range (default: yesterday).")
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write transactions as NDJSON to this file instead of into Bronze.")
@click.pass_context
@expected_errors
def seed(ctx: click.Context, rows: int, seed_value: int, end_date, output: Path | None) -> None:
    """Generate realistic Scout retail data (with bad rows, duplicates, corrections).

    Without --output the transactions and the product catalogue go straight into
    Bronze (source 'seed'); with --output the transactions are written as NDJSON,
    ready for `scout-db ingest`.
    """
    target = _target(ctx)
    day = end_date.date() if end_date else None
    with config.connect(target, autocommit=True) as conn:
        if output is None:
            result = conn.execute("select scout.seed_bronze(%s, %s, coalesce(%s, current_date - 1))",
                                  (rows, seed_value, day)).fetchone()[0]
            click.echo(f"{result['transactions']} transactions and {result['products']} products "
                       f"inserted into Bronze (batch {result['batch_id']})")
            return
        partial = output.with_name(output.name + ".part")
        try:
            # binary COPY: text format would double the backslashes of JSON escapes
            with partial.open("w", encoding="utf-8") as fh, conn.cursor().copy(
                "copy (select g.payload::text from scout.generate_transactions(%s, %s, coalesce(%s, current_date - 1)) g"
                " order by g.seq) to stdout (format binary)",
                (rows, seed_value, day),
            ) as copy:
                copy.set_types(["text"])
                for (line,) in copy.rows():
                    fh.write(line + "\n")
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
        click.echo(f"{rows} transactions written to {output}")


@main.command()
@click.option("--rows", type=click.IntRange(min=0), default=20_000, show_default=True,
              help="Transactions to generate when Bronze has no demo data yet.")
@click.pass_context
@expected_errors
def demo(ctx: click.Context, rows: int) -> None:
    """The whole pipeline on generated data, from an empty machine to a report.

    Starts the private cluster (unless a database is configured), migrates it,
    seeds Bronze once with generated retail data, refreshes Silver, Gold and
    Platinum and prints the status. Safe to run again: it seeds only when Bronze
    holds no seed data.
    """
    target = _target(ctx)
    Migrator(target, echo=click.echo).migrate()
    with config.connect(target, autocommit=True) as conn:
        seeded = conn.execute("select exists (select 1 from scout.bronze_transactions where source = 'seed')").fetchone()[0]
        if not seeded:
            result = conn.execute("select scout.seed_bronze(%s)", (rows,)).fetchone()[0]
            click.echo(f"seeded Bronze: {result['transactions']} transactions, {result['products']} products")
        silver = conn.execute("select scout.refresh_silver(true)").fetchone()[0]
        click.echo(f"refresh_silver: {silver['processed']} processed, {silver['inserted']} inserted, "
                   f"{silver['updated']} updated, {silver['rejected']} rejected, {silver['superseded']} superseded")
        gold = conn.execute("select scout.refresh_gold(true)").fetchone()[0]
        click.echo(f"refresh_gold: {gold['months_recomputed']} months and {gold['weeks_recomputed']} weeks recomputed")
        platinum = conn.execute("select scout.refresh_platinum(true)").fetchone()[0]
        click.echo(f"refresh_platinum: {platinum['embeddings']} transaction sentences, "
                   f"{platinum['recommendations']} recommendations")
    ctx.invoke(status)


@main.group()
def db() -> None:
    """The project's private PostgreSQL cluster (in .scout/, git-ignored)."""


@db.command("up")
@expected_errors
def db_up() -> None:
    """Initialise (first time) and start the private cluster; print its URL."""
    click.echo(Cluster(project_home()).up())


@db.command("down")
@expected_errors
def db_down() -> None:
    """Stop the private cluster (its data stays for the next `db up`)."""
    cluster = Cluster(project_home())
    click.echo("stopped" if cluster.down() else "not running")


@db.command("url")
@expected_errors
def db_url() -> None:
    """Print the private cluster's URL (for psql, DATABASE_URL, …)."""
    cluster = Cluster(project_home())
    if not cluster.is_running():
        raise ScoutError(f"the private cluster in {cluster.home} is not running; run: scout-db db up")
    click.echo(cluster.url())


@db.command("destroy")
@click.confirmation_option(prompt="Delete the private cluster and all its data?")
@expected_errors
def db_destroy() -> None:
    """Stop the private cluster and delete its data folder."""
    Cluster(project_home()).destroy()
    click.echo("destroyed")



if __name__ == "__main__":
    main()
