"""The exit statuses of `scout-db` and the one place that renders a failure.

Exit statuses are part of the command-line interface (docs/runner.md, "Exit status").
Expected failures end as one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from enum import IntEnum

import click
import psycopg

from .text import shown


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # an operation failed: a migration, an SQL error, a missing or unknown file
    USAGE = 2  # click's own usage errors
    NO_DATABASE = 3  # no database could be reached or started
    REJECTED_RECORDS = 4  # ingest finished, but some records could not be parsed (kept in scout.bronze_ingest_errors)


class ScoutError(Exception):
    """An expected failure: the message is the whole story, no traceback."""

    exit_code = Exit.FAILED

    def __init__(self, message: str, exit_code: Exit | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class ConnectionFailed(ScoutError):
    exit_code = Exit.NO_DATABASE


class ClusterError(ScoutError):
    exit_code = Exit.NO_DATABASE


class MigrationError(ScoutError):
    exit_code = Exit.FAILED


def describe(exc: psycopg.Error) -> str:
    """A PostgreSQL error as one line: message, SQLSTATE and hint."""
    diag = getattr(exc, "diag", None)
    text = (getattr(diag, "message_primary", None) or str(exc)).strip().splitlines()
    hint = getattr(diag, "message_hint", None)
    sqlstate = f" (SQLSTATE {exc.sqlstate})" if exc.sqlstate else ""
    return (text[0] if text else type(exc).__name__) + sqlstate + (f"; hint: {hint}" if hint else "")


def fail(message: str, code: int) -> None:
    # the message may quote data (a key, a setting's value): shown as text
    click.echo(shown(f"scout-db: {message}"), err=True)
    sys.exit(int(code))


def expected_errors(fn):
    """Turn expected failures into one line on stderr and their exit status."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ScoutError as exc:
            fail(str(exc), exc.exit_code)
        except psycopg.Error as exc:
            if isinstance(exc, psycopg.OperationalError) and exc.sqlstate is None:
                fail("lost the database connection: " + " ".join(str(exc).split()), Exit.NO_DATABASE)
            fail(describe(exc), Exit.FAILED)
        except OSError as exc:
            fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "), Exit.FAILED)

    return wrapper
