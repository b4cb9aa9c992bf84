"""migrate, rollback, status, schema: the database's shape."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from .. import config
from ..errors import Exit, ScoutError, expected_errors
from ..migrations import Migrator
from .common import database_option, target


def _echo_while_read() -> Callable[[str], None]:
    """click.echo until the reader goes away (`scout-db migrate | head`): the work goes on,
    unprinted, instead of stopping between the migrations and the function files."""
    gone = False

    def echo(message: str) -> None:
        nonlocal gone
        if gone:
            return
        try:
            click.echo(message)
        except BrokenPipeError:
            gone = True
            # nobody reads stdout any more: point it at /dev/null, so the flush at exit cannot fail too
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

    return echo


EXTENSION_HELP = ("An extension folder (migrations/, functions/, marts/, checks/) applied after the core with "
                  "its own history; repeatable. Also SCOUT_EXTENSIONS; the database remembers the folders it applied.")


@click.command()
@click.option("--lock-timeout", default=300, show_default=True, metavar="SECONDS",
              help="How long to wait for another scout-db migrate to finish.")
@click.option("--extension", "extensions", multiple=True, metavar="DIR", help=EXTENSION_HELP)
@database_option
@expected_errors
def migrate(lock_timeout: int, extensions: tuple[str, ...]) -> None:
    """Apply pending migrations, then re-apply every db/functions file; then each
    extension's migrations, functions, marts and checks.

    Safe to run twice and from several places at once, also through a
    transaction-mode pooler: runners take turns per migration, and each
    migration is applied exactly once.
    """
    from ..extensions import ExtensionMigrator, resolve

    where = target()
    echo = _echo_while_read()
    report = Migrator(where, lock_timeout_s=lock_timeout, echo=echo).migrate()
    applied = len(report.applied)
    echo(f"{applied} migration{'s' if applied != 1 else ''} applied, "
         f"{report.functions} function files re-applied ({where.display})")
    for extension in resolve(where, list(extensions)):
        done = ExtensionMigrator(where, extension, lock_timeout_s=lock_timeout, echo=echo).migrate()
        echo(f"extension {done.name} ({extension.path}): {len(done.applied)} migration"
             f"{'s' if len(done.applied) != 1 else ''} applied, {done.files} files re-applied, "
             f"{len(done.marts)} mart{'s' if len(done.marts) != 1 else ''} declared")
    from ..cron import scheduling_warning

    with config.connect(where, autocommit=True) as conn:
        warning = scheduling_warning(where, conn)
    if warning:
        click.echo(f"warning: {warning}", err=True)


@click.command()
@click.option("--count", type=click.IntRange(min=1), default=None,
              help="Roll back this many of the newest migrations (default 1).")
@click.option("--all", "all_", is_flag=True, help="Roll back every applied migration.")
@click.option("--extension", metavar="NAME|DIR", default=None,
              help="Roll back this extension's migrations instead of the core's; with --all also its marts, "
                   "functions and checks, and the database forgets it. Works after its folder is gone.")
@database_option
@expected_errors
def rollback(count: int | None, all_: bool, extension: str | None) -> None:
    """Roll back the newest applied migration (or --count N, or --all)."""
    if all_ and count is not None:
        raise click.UsageError("give --count or --all, not both")
    if extension is not None:
        from ..extensions import ExtensionRemover, open_folder

        name = open_folder(extension).name if ("/" in extension or Path(extension).is_dir()) else extension
        rolled = ExtensionRemover(target(), name, echo=click.echo).rollback(None if all_ else (count or 1))
        click.echo(f"{len(rolled)} migration{'s' if len(rolled) != 1 else ''} of {name} rolled back"
                   + ("; its marts, functions and checks dropped" if all_ else ""))
        return
    rolled = Migrator(target(), echo=click.echo).rollback(None if all_ else (count or 1))
    click.echo(f"{len(rolled)} migration{'s' if len(rolled) != 1 else ''} rolled back")


@click.command()
@database_option
@expected_errors
def status() -> None:
    """Applied and pending migrations, and row counts and freshness per layer."""
    from ..extensions import extension_state
    from ..report import render_status

    where = target()
    state = Migrator(where).state()
    with config.connect(where, autocommit=True) as conn:
        render_status(conn, where, state, extension_state(where))


@click.command()
@click.option("--check", is_flag=True, help="Do not write: exit 1 when db/schema.sql differs from the migrations.")
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where the dump goes (default: db/schema.sql; with --extension, DIR/schema.sql).")
@click.option("--extension", "extensions", multiple=True, metavar="DIR",
              help="Migrate these extension folders into the scratch database too: the dump is the core's and "
                   "theirs together (repeatable).")
@database_option
@expected_errors
def schema(check: bool, output: Path | None, extensions: tuple[str, ...]) -> None:
    """Regenerate db/schema.sql: the schema the migrations and functions build.

    Migrates a scratch database on the configured server, dumps it with
    pg_dump --schema-only (normalised: no owners or version banners) and drops
    it again. Commit the file with every change to db/: reviewers read the
    schema's diff, and the test suite fails when the file is stale.
    """
    from ..extensions import open_folder
    from ..schema import default_path, diff_summary, dump_fresh

    chosen = [open_folder(folder) for folder in extensions]
    path = output or (chosen[-1].path / "schema.sql" if chosen else default_path())
    fresh = dump_fresh(target(), extensions=chosen)
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != fresh:
            raise ScoutError(f"{path} is stale ({diff_summary(current, fresh)}); run: scout-db schema",
                             Exit.FAILED)
        click.echo(f"{path} is up to date")
        return
    path.write_text(fresh, encoding="utf-8")
    click.echo(f"wrote {path} ({len(fresh.splitlines())} lines)")
