"""db up|down|url|destroy, db replica up|down|url: the project's private PostgreSQL cluster and its read replica."""

from __future__ import annotations

import click

from ..cluster import Cluster, project_home
from ..errors import ScoutError, expected_errors


@click.group()
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


@db.group("replica")
def replica() -> None:
    """A streaming read replica of the private cluster (hot standby), as dashboards would read."""


@replica.command("up")
@expected_errors
def replica_up() -> None:
    """Make (first time, by pg_basebackup) and start a hot standby of the running private cluster; print its URL."""
    click.echo(Cluster(project_home()).replica_up())


@replica.command("down")
@click.option("--destroy", is_flag=True, help="Delete its data folder too (the next `up` copies the primary again).")
@expected_errors
def replica_down(destroy: bool) -> None:
    """Stop the replica (and delete it with --destroy)."""
    standby = Cluster(project_home()).replica()
    if destroy:
        standby.destroy()
        click.echo("destroyed")
    else:
        click.echo("stopped" if standby.down() else "not running")


@replica.command("url")
@expected_errors
def replica_url() -> None:
    """Print the replica's URL (read-only; point a dashboard at it)."""
    standby = Cluster(project_home()).replica()
    if not standby.is_running():
        raise ScoutError("the replica is not running; run: scout-db db replica up")
    click.echo(standby.url())
