"""Where the database is: the first of these that is set wins.

1. `--database-url`
2. `DATABASE_URL`
3. `SUPABASE_HOST` with `SUPABASE_PORT`, `POSTGRES_USER`, `POSTGRES_PASSWORD`, `POSTGRES_DB`
   (the variables of the dbt setup this project replaces)
4. the project's private cluster (`scout-db db up`), started on demand
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import psycopg

from .cluster import Cluster, project_home
from .errors import ConnectionFailed


@dataclass(frozen=True)
class Target:
    url: str
    origin: str  # which rule above chose it, for messages

    @property
    def display(self) -> str:
        """The URL with any password masked."""
        parts = urlsplit(self.url)
        if parts.password:
            netloc = parts.netloc.replace(":" + parts.password + "@", ":***@")
            return parts._replace(netloc=netloc).geturl()
        return self.url


def resolve(database_url: str | None) -> Target:
    if database_url:
        return Target(_checked(database_url, "--database-url"), "--database-url")
    if os.environ.get("DATABASE_URL"):
        return Target(_checked(os.environ["DATABASE_URL"], "DATABASE_URL"), "DATABASE_URL")
    if os.environ.get("SUPABASE_HOST"):
        user = quote(os.environ.get("POSTGRES_USER", "postgres"), safe="")
        password = os.environ.get("POSTGRES_PASSWORD")
        auth = user + (":" + quote(password, safe="") if password else "")
        host = os.environ["SUPABASE_HOST"]
        port = os.environ.get("SUPABASE_PORT", "5432")
        if not port.isdigit():
            raise ConnectionFailed(f"SUPABASE_PORT must be a number, got {port!r}")
        db = quote(os.environ.get("POSTGRES_DB", "postgres"), safe="")
        return Target(f"postgresql://{auth}@{host}:{port}/{db}", "SUPABASE_* variables")
    cluster = Cluster(project_home())
    if not cluster.home.resolve().is_relative_to(Path.cwd().resolve()) and not os.environ.get("SCOUT_HOME"):
        # run from elsewhere: say which cluster, so nobody wonders where their data went
        print(f"scout-db: using the private cluster in {cluster.home}", file=sys.stderr)
    return Target(cluster.up(), f"private cluster in {cluster.home}")


def _checked(url: str, origin: str) -> str:
    scheme = urlsplit(url).scheme
    if scheme not in ("postgres", "postgresql"):
        raise ConnectionFailed(
            f"{origin} must be a postgresql:// URL, got scheme {scheme or 'none'!r}"
        )
    return url


def connect(target: Target, **kwargs) -> psycopg.Connection:
    """A connection that works through a transaction-mode pooler (Supabase's port
    6543): it never prepares statements server-side, since the next transaction
    may run on a server connection that has never seen them."""
    try:
        return psycopg.connect(target.url, connect_timeout=10, prepare_threshold=None, **kwargs)
    except psycopg.OperationalError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ConnectionFailed(
            f"cannot connect to {target.display} ({target.origin}): {reason}"
        ) from None
