"""One private cluster per test session; a fresh migrated database per test module.

The project is migrated once into `scout_template`; each module (and each
pgTAP file) gets a clone of it, which costs a file copy rather than a migrate,
so the suite stays fast as the migrations grow.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from aiosmtpd.controller import Controller

from scout_db.cluster import Cluster, find_bindir, free_port
from scout_db.config import Target
from scout_db.migrations import Migrator

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "scout_template"
CRON_DATABASE = "scout_cron"
_counter = itertools.count()


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    home = Path(tempfile.mkdtemp(prefix="scout-test-", dir="/tmp"))
    # The cron launcher keeps a connection to its database, so it must not be the template.
    test_cluster = Cluster(home, database=CRON_DATABASE, durable=False)
    test_cluster.up()
    try:
        yield test_cluster
    finally:
        test_cluster.destroy()
        subprocess.run(["rm", "-rf", str(home)], check=False)


def admin(cluster: Cluster) -> psycopg.Connection:
    return psycopg.connect(cluster.url("postgres"), autocommit=True)


@pytest.fixture(scope="session")
def template(cluster: Cluster) -> str:
    with admin(cluster) as conn:
        conn.execute(f"create database {TEMPLATE}")
    Migrator(Target(cluster.url(TEMPLATE), "test template")).migrate()
    with psycopg.connect(cluster.url(TEMPLATE), autocommit=True) as conn:
        # pgTAP's functions must stay callable by the API roles the tests become.
        conn.execute("create extension if not exists pgtap schema public")
        conn.execute("grant execute on all functions in schema public to public")
    return TEMPLATE


@pytest.fixture(scope="session")
def new_database(cluster: Cluster, template: str) -> Callable[..., str]:
    """Factory: a fresh clone of the migrated template (or an empty database); returns its URL."""

    def make(empty: bool = False) -> str:
        name = f"t{os.getpid()}_{next(_counter)}"
        with admin(cluster) as conn:
            source = "template0" if empty else template
            conn.execute(f"create database {name} template {source}")
        return cluster.url(name)

    return make


@pytest.fixture(scope="module")
def db_url(new_database) -> str:
    return new_database()


@pytest.fixture
def conn(db_url) -> Iterator[psycopg.Connection]:
    with psycopg.connect(db_url) as connection:
        yield connection
        connection.rollback()


@pytest.fixture(scope="session")
def bindir() -> Path:
    return find_bindir()


def run_cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run scout-db as a user would, in a separate process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "scout_db.cli", *args],
        capture_output=True, text=True, env=full_env, timeout=timeout, check=False,
    )


@pytest.fixture(scope="session")
def pooler(cluster: Cluster):
    """PgBouncer in transaction mode in front of the test cluster (tests/pooler.py)."""
    from pooler import PgBouncer

    bouncer = PgBouncer(cluster.port)
    try:
        yield bouncer
    finally:
        bouncer.stop()


@pytest.fixture(scope="session")
def cron_url(cluster: Cluster) -> str:
    """The test cluster's pg_cron database (cron.database_name), with pg_cron created in it."""
    url = cluster.url(CRON_DATABASE)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("create extension if not exists pg_cron")
    return url


@pytest.fixture(scope="session")
def migrated_cron_url(cron_url: str) -> str:
    """pg_cron's database migrated, for what must be tried where pg_cron is installed."""
    Migrator(Target(cron_url, "the test cluster's pg_cron database")).migrate()
    return cron_url


class Inbox:
    def __init__(self):
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_inbox():
    """A real local SMTP server (aiosmtpd) and the messages it received."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()
