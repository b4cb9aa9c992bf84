"""What every command that talks to a database shares: the --database-url option."""

from __future__ import annotations

import functools

import click
import psycopg

from .. import config

DATABASE_URL_HELP = ("postgresql:// URL. Default: $DATABASE_URL, else the SUPABASE_HOST/SUPABASE_PORT/"
                     "POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB variables, else the project's private "
                     "cluster (started on demand).")


def database_option(fn):
    """Accept --database-url after the command too (`scout-db migrate --database-url URL`)."""

    @functools.wraps(fn)
    def wrapper(*args, database_url: str | None = None, **kwargs):
        if database_url:
            click.get_current_context().find_root().ensure_object(dict)["database_url"] = database_url
        return fn(*args, **kwargs)

    return click.option("--database-url", metavar="URL", default=None, help=DATABASE_URL_HELP)(wrapper)


def connect_migrated(**kwargs) -> psycopg.Connection:
    """A connection to this invocation's database, once it is known to be migrated to this
    scout-db's version: otherwise one line saying the command to run, never a raw
    `schema "scout_internal" does not exist`."""
    from ..migrations import Migrator

    where = target()
    conn = config.connect(where, **kwargs)
    try:
        Migrator(where).require_current(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def target() -> config.Target:
    """The database this invocation talks to (the first rule of config.resolve that applies)."""
    root = click.get_current_context().find_root()
    return config.resolve((root.obj or {}).get("database_url"))
