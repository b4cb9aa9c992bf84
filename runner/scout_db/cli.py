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
