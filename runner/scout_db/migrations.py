"""Apply and roll back `db/migrations/`, then re-apply `db/functions/`.

yoyo reads the migration files (ids, order, `-- depends:`, statement splitting)
and its bookkeeping tables in `scout_meta` are kept, but scout-db executes and
records each migration itself, because yoyo's backend keeps session state (a
`SET search_path`, a lock row polled across transactions) that a
transaction-mode pooler such as Supabase's on port 6543 does not carry from one
transaction to the next. So every step here is one transaction that carries
everything it needs:

* `pg_advisory_xact_lock` on one key serialises runners: it lives and dies with
  the transaction, so a killed runner or a pooled connection never keeps it.
  Three runners at once each take it per migration, re-check under it whether
  the migration is still pending, and apply it or move on.
* The migration, its bookkeeping and its checksum commit together: a failure or
  a kill leaves the database exactly as before that migration.
* `client_connection_check_interval` is set per transaction, so a killed
  runner's half-done migration is cancelled within a second.
* A SHA-256 of every applied migration file: an applied file that was edited
  afterwards is refused (yoyo tracks file names only).
* `db/functions/` is applied whole, in the order of `db/functions/manifest.txt`,
  then `db/checks/` in name order, in one transaction; an object a previous
  run's files defined that no file defines any more is dropped.
* Every statement the runner issues, migrations and function files alike, waits
  at most `lock_timeout` (30 s, or `SCOUT_LOCK_TIMEOUT`) for a lock; while it
  waits, a second connection names the sessions it waits for, and a timeout says
  who they were.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import errors as pgerrors
from yoyo import read_migrations
from yoyo.migrations import read_sql_migration, topological_sort

from .config import Target, connect
from .errors import MigrationError
from .paths import db_dir

META_SCHEMA = "scout_meta"
# Any 64-bit constant unique to this product; scout-db's advisory locks start with 0x5C0_07.
MIGRATE_LOCK_KEY = 0x5C0_07_0001
# How long one statement of a migrate may wait for a table lock (squawk's require-lock-timeout);
# SCOUT_LOCK_TIMEOUT overrides it (a PostgreSQL duration: "5s", "2min").
MIGRATION_LOCK_TIMEOUT = "30s"
# Who a waiting statement waits for, asked from a second connection.
BLOCKERS = """
select a.pid, a.usename, a.application_name, a.state, a.xact_start, left(a.query, 120)
  from pg_stat_activity a
 where a.pid = any(pg_blocking_pids(%s))
 order by a.pid
"""
# Schemas db/functions may define objects in.
FUNCTION_SCHEMAS = ("scout", "scout_internal", "scout_private", "scout_dev", "scout_checks", "ip_workbench",
                    "test_failures")

# yoyo's own bookkeeping tables (its internal schema version 2), so `yoyo list`
# and databases migrated by earlier versions of scout-db keep working.
BOOTSTRAP = f"""
create schema if not exists {META_SCHEMA};
revoke all on schema {META_SCHEMA} from public;
create table if not exists {META_SCHEMA}._yoyo_migration (
    migration_hash varchar(64) primary key,
    migration_id varchar(255),
    applied_at_utc timestamp);
create table if not exists {META_SCHEMA}._yoyo_log (
    id varchar(36) primary key,
    migration_hash varchar(64),
    migration_id varchar(255),
    operation varchar(10),
    username varchar(255),
    hostname varchar(255),
    comment varchar(255),
    created_at_utc timestamp);
create table if not exists {META_SCHEMA}._yoyo_version (
    version int not null primary key,
    installed_at_utc timestamp);
insert into {META_SCHEMA}._yoyo_version values (2, now() at time zone 'utc') on conflict do nothing;
create table if not exists {META_SCHEMA}.migration_checksums (
    migration_id text primary key,
    sha256 text not null,
    applied_at timestamptz not null default now());
create table if not exists {META_SCHEMA}.function_files (
    only_row boolean primary key default true check (only_row),
    sha256 text not null,
    files integer not null,
    applied_at timestamptz not null default now());
create table if not exists {META_SCHEMA}.function_objects (
    identity text not null,
    kind text not null,
    applied_at timestamptz not null default now(),
    primary key (kind, identity));
create table if not exists {META_SCHEMA}.extensions (
    name text primary key,
    directory text not null,
    functions_sha256 text,
    applied_at timestamptz not null default now());
create table if not exists {META_SCHEMA}.extension_migrations (
    extension text not null,
    migration_id text not null,
    sha256 text not null,
    rollback_sql text,
    applied_at timestamptz not null default now(),
    primary key (extension, migration_id));
create table if not exists {META_SCHEMA}.extension_objects (
    extension text not null,
    identity text not null,
    kind text not null,
    primary key (extension, kind, identity));
"""

# Catalog rows written by this transaction are the objects the files just defined:
# `create or replace` rewrites a function's or view's row even when nothing changed.
DEFINED_HERE = """
select p.oid::regprocedure::text, 'function'
  from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
 where n.nspname = any(%(schemas)s) and p.xmin = pg_catalog.pg_current_xact_id()::xid
union all
select c.oid::regclass::text, 'view'
  from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
 where n.nspname = any(%(schemas)s) and c.relkind = 'v' and c.xmin = pg_catalog.pg_current_xact_id()::xid
"""


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pg_message(exc: BaseException) -> str:
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None) or str(exc).strip().splitlines()[0]
    sqlstate = getattr(exc, "sqlstate", None)
    where = []
    if getattr(diag, "context", None):
        where.append(diag.context.strip().splitlines()[-1])
    return f"{primary} (SQLSTATE {sqlstate})" + (f" [{'; '.join(where)}]" if where else "")


@dataclass
class MigrateReport:
    applied: list[str] = field(default_factory=list)
    functions: int = 0
    dropped: list[str] = field(default_factory=list)


@dataclass
class MigrationState:
    applied: list[str]
    pending: list[str]
    # the function files: what this package holds, what the server last applied (None: never)
    functions_here: str = ""
    functions_applied: str | None = None


def functions_digest(directory: Path, files: list[Path]) -> str:
    """One SHA-256 over the db/functions and db/checks files, their names and order."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(directory)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def check_files(directory: Path) -> list[Path]:
    """db/checks: one data-quality check view per file, applied after db/functions in name
    order (a check needs only functions, never another check), so adding a check is adding a file."""
    return sorted((directory / "checks").glob("*.sql"))


def function_files(directory: Path) -> list[Path]:
    """db/functions files in manifest order; every file listed once, every listed file present."""
    folder = directory / "functions"
    manifest = folder / "manifest.txt"
    if not manifest.is_file():
        raise MigrationError(f"{_rel(manifest)} is missing: it states the order db/functions is applied in")
    listed: list[Path] = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        path = folder / entry
        if path in listed:
            raise MigrationError(f"{_rel(manifest)}:{number}: {entry} is listed twice")
        if not path.is_file():
            raise MigrationError(f"{_rel(manifest)}:{number}: {entry} does not exist")
        listed.append(path)
    unlisted = sorted(set(folder.rglob("*.sql")) - set(listed))
    if unlisted:
        raise MigrationError(f"{_rel(unlisted[0])} is not listed in {_rel(manifest)}: "
                             "add it where its dependencies are already defined")
    return listed


class Migrator:
    def __init__(self, target: Target, directory: Path | None = None,
                 lock_timeout_s: float = 300, echo: Callable[[str], None] = lambda _m: None):
        self.target = target
        self.dir = directory or db_dir()
        self.lock_timeout_s = lock_timeout_s
        self.echo = echo
        self._said_waiting = False

    # -- public --------------------------------------------------------------

    def migrate(self) -> MigrateReport:
        report = MigrateReport()
        migrations = self._migrations()
        files = function_files(self.dir) + check_files(self.dir)
        with self._connect() as conn:
            with self._locked(conn):
                self._bootstrap(conn)
                self._verify_checksums(conn, migrations)
            for migration in migrations:
                if self._apply_one(conn, migration):
                    report.applied.append(migration.id)
                    self.echo(f"applied {migration.id}")
            report.dropped = self._apply_functions(conn, files, functions_digest(self.dir, files))
            report.functions = len(files)
        return report

    def rollback(self, count: int | None) -> list[str]:
        """Roll back the newest `count` migrations (all when None)."""
        migrations = self._migrations()
        rolled: list[str] = []
        with self._connect() as conn:
            with self._locked(conn):
                self._bootstrap(conn)
                self._verify_checksums(conn, migrations)
            for migration in reversed(migrations):
                if count is not None and len(rolled) >= count:
                    break
                if self._rollback_one(conn, migration):
                    rolled.append(migration.id)
                    self.echo(f"rolled back {migration.id}")
        return rolled

    def require_current(self, conn: psycopg.Connection) -> None:
        """Refuse, with the one command to run, a database this scout-db cannot work on:
        never migrated, with migrations pending, or migrated by a newer scout-db."""
        applied = set(self._applied(conn))
        # the ids are the file names: every command runs this, and parsing each file (yoyo)
        # would cost it a tenth of a second
        on_disk = sorted(p.name.removesuffix(".sql") for p in (self.dir / "migrations").glob("*.sql")
                         if not p.name.endswith(".rollback.sql"))
        unknown = sorted(applied - set(on_disk))
        if unknown:
            raise MigrationError(f"{self.target.display} was migrated by a newer scout-db (it has {unknown[-1]}, "
                                 f"which this one does not know): upgrade scout-db, or use the one that migrated it")
        pending = [m for m in on_disk if m not in applied]
        if not applied:
            raise MigrationError(f"{self.target.display} is not migrated: run scout-db migrate with the same "
                                 "database (--database-url or DATABASE_URL) first")
        if pending:
            raise MigrationError(f"{self.target.display} has {len(pending)} migration{'s' if len(pending) != 1 else ''} "
                                 f"pending ({pending[0]} first): run scout-db migrate first")

    def state(self) -> MigrationState:
        with connect(self.target, autocommit=True) as conn:
            applied_ids = self._applied(conn, order_by_time=True)
            applied_functions = None
            if conn.execute("select to_regclass(%s) is not null", (f"{META_SCHEMA}.function_files",)).fetchone()[0]:
                row = conn.execute(f"select sha256 from {META_SCHEMA}.function_files").fetchone()
                applied_functions = row[0] if row else None
        on_disk = [m.id for m in self._migrations()]
        return MigrationState(applied=applied_ids, pending=[m for m in on_disk if m not in applied_ids],
                              functions_here=functions_digest(self.dir, function_files(self.dir) + check_files(self.dir)),
                              functions_applied=applied_functions)

    # -- internals -----------------------------------------------------------

    def _migrations(self) -> list:
        folder = self.dir / "migrations"
        if not folder.is_dir():
            raise MigrationError(f"no migrations folder at {folder}")
        return list(topological_sort(read_migrations(str(folder))))

    def _connect(self) -> psycopg.Connection:
        conn = connect(self.target, autocommit=True, application_name="scout-db migrate")
        conn.add_notice_handler(self._notice)
        return conn

    def _notice(self, diag) -> None:
        if diag.severity_nonlocalized in ("NOTICE", "WARNING") and not (diag.message_primary or "").endswith(", skipping"):
            self.echo(f"  {diag.severity_nonlocalized.lower()}: {diag.message_primary}")

    @contextlib.contextmanager
    def _locked(self, conn: psycopg.Connection) -> Iterator[None]:
        """One transaction holding the migration lock (waiting up to lock_timeout_s for it)."""
        with conn.transaction():
            # A killed runner's statement is cancelled within a second instead of
            # running on with its locks (PostgreSQL 14+).
            conn.execute("set local client_connection_check_interval = 1000")
            if not conn.execute("select pg_try_advisory_xact_lock(%s)", (MIGRATE_LOCK_KEY,)).fetchone()[0]:
                if not self._said_waiting:
                    self.echo("another scout-db migrate is running; waiting for it to finish")
                    self._said_waiting = True
                conn.execute(f"set local lock_timeout = '{int(self.lock_timeout_s * 1000)}ms'")
                try:
                    conn.execute("select pg_advisory_xact_lock(%s)", (MIGRATE_LOCK_KEY,))
                except pgerrors.LockNotAvailable:
                    raise MigrationError(
                        f"another scout-db migrate held the migration lock for over "
                        f"{self.lock_timeout_s:.0f}s; try again when it has finished"
                    ) from None
                conn.execute("set local lock_timeout to default")
            yield

    @contextlib.contextmanager
    def _bounded(self, conn: psycopg.Connection, what: str) -> Iterator[list[str]]:
        """Statements inside wait at most lock_timeout() for a lock; while they wait, a
        second connection names the sessions in the way, and a timeout says who they were.
        Yields a one-item list naming what is being applied, for a caller that applies
        several files in the one transaction to keep current."""
        pid = conn.execute("select pg_backend_pid(), set_config('lock_timeout', %s, true)",
                           (lock_timeout(),)).fetchone()[0]
        seen: list[tuple] = []
        applying = [what]
        stop = threading.Event()

        def watch() -> None:
            if stop.wait(1.0):
                return
            try:
                with connect(self.target, autocommit=True, application_name="scout-db migrate (lock watch)") as watcher:
                    while not stop.is_set():
                        rows = watcher.execute(BLOCKERS, (pid,)).fetchall()
                        if rows and [r[0] for r in rows] != [r[0] for r in seen]:
                            seen[:] = rows
                            self.echo(f"{applying[0]}: waiting up to {lock_timeout()} for a lock held by "
                                      f"{describe_blockers(rows)}")
                        stop.wait(1.0)
            except psycopg.Error:
                return  # only a report: the statement itself is bounded by lock_timeout

        thread = threading.Thread(target=watch, daemon=True)
        thread.start()
        try:
            yield applying
        except pgerrors.LockNotAvailable:
            stop.set()
            thread.join(timeout=5)
            who = describe_blockers(seen) if seen else "a session that had finished by the time it was asked"
            raise MigrationError(f"{applying[0]}: gave up after waiting {lock_timeout()} for a lock held by {who}; "
                                 "nothing was changed. Let that finish (or end it: select pg_terminate_backend(pid)) "
                                 "and run scout-db migrate again") from None
        finally:
            stop.set()
            thread.join(timeout=5)

    def _bootstrap(self, conn: psycopg.Connection) -> None:
        try:
            conn.execute(BOOTSTRAP)
        except psycopg.Error as exc:
            raise MigrationError(f"preparing {META_SCHEMA}: {pg_message(exc)}") from None

    def _applied(self, conn: psycopg.Connection, order_by_time: bool = False) -> list[str]:
        exists = conn.execute("select to_regclass(%s) is not null",
                              (f"{META_SCHEMA}._yoyo_migration",)).fetchone()[0]
        if not exists:
            return []
        order = "applied_at_utc, migration_id" if order_by_time else "migration_id"
        return [r[0] for r in conn.execute(f"select migration_id from {META_SCHEMA}._yoyo_migration order by {order}")]

    def _verify_checksums(self, conn: psycopg.Connection, migrations: list) -> None:
        applied = set(self._applied(conn))
        known = dict(conn.execute(f"select migration_id, sha256 from {META_SCHEMA}.migration_checksums"))
        for migration in migrations:
            if migration.id not in applied:
                continue
            actual = sha256_of(Path(migration.path))
            recorded = known.get(migration.id)
            if recorded is None:
                conn.execute(
                    f"insert into {META_SCHEMA}.migration_checksums (migration_id, sha256) values (%s, %s)",
                    (migration.id, actual),
                )
            elif recorded != actual:
                raise MigrationError(
                    f"{_rel(Path(migration.path))} was edited after it was applied "
                    f"(sha256 {recorded[:12]}… recorded, {actual[:12]}… on disk); applied migrations "
                    "are never edited: restore the file and put the change in a new migration"
                )

    def _is_applied(self, conn: psycopg.Connection, migration) -> bool:
        return conn.execute(f"select exists (select 1 from {META_SCHEMA}._yoyo_migration where migration_hash = %s)",
                            (migration.hash,)).fetchone()[0]

    def _log(self, conn: psycopg.Connection, migration, operation: str) -> None:
        conn.execute(
            f"insert into {META_SCHEMA}._yoyo_log (id, migration_hash, migration_id, operation, username, hostname,"
            " created_at_utc) values (%s, %s, %s, %s, %s, %s, now() at time zone 'utc')",
            (str(uuid.uuid1()), migration.hash, migration.id, operation, _username(), socket.getfqdn()),
        )

    def _apply_one(self, conn: psycopg.Connection, migration) -> bool:
        path = Path(migration.path)
        _, _, statements = read_sql_migration(str(path))
        try:
            with self._locked(conn):
                if self._is_applied(conn, migration):
                    return False  # another runner applied it while we waited
                # a DDL statement queued behind a long query would block every reader behind it
                with self._bounded(conn, _rel(path)):
                    for statement in statements:
                        conn.execute(statement)
                conn.execute(f"insert into {META_SCHEMA}._yoyo_migration values (%s, %s, now() at time zone 'utc')",
                             (migration.hash, migration.id))
                self._log(conn, migration, "apply")
                conn.execute(
                    f"insert into {META_SCHEMA}.migration_checksums (migration_id, sha256) values (%s, %s) "
                    "on conflict (migration_id) do update set sha256 = excluded.sha256, applied_at = now()",
                    (migration.id, sha256_of(path)),
                )
        except psycopg.Error as exc:
            raise MigrationError(f"{_rel(path)}: {pg_message(exc)}") from None
        return True

    def _rollback_one(self, conn: psycopg.Connection, migration) -> bool:
        path = Path(migration.path).with_suffix(".rollback.sql")
        statements = read_sql_migration(str(path))[2] if path.exists() else []
        try:
            with self._locked(conn):
                if not self._is_applied(conn, migration):
                    return False
                with self._bounded(conn, _rel(path)):
                    for statement in statements:
                        conn.execute(statement)
                conn.execute(f"delete from {META_SCHEMA}._yoyo_migration where migration_hash = %s", (migration.hash,))
                self._log(conn, migration, "rollback")
                conn.execute(f"delete from {META_SCHEMA}.migration_checksums where migration_id = %s",
                             (migration.id,))
        except psycopg.Error as exc:
            raise MigrationError(f"{_rel(path)}: {pg_message(exc)}") from None
        return True

    def _apply_functions(self, conn: psycopg.Connection, files: list[Path], digest: str) -> list[str]:
        """Every db/functions file in manifest order, in one transaction; drop what no file defines any more."""
        with self._locked(conn):
            # SQL-standard bodies bind their names when created: with an empty
            # search_path an unqualified one fails here instead of binding to
            # whatever a schema on the path holds.
            conn.execute("set local search_path = ''")
            with self._bounded(conn, "db/functions") as applying:
                for path in files:
                    applying[0] = _rel(path)
                    try:
                        conn.execute(path.read_text(encoding="utf-8"))
                    except pgerrors.LockNotAvailable:
                        raise  # _bounded names who held the lock
                    except psycopg.Error as exc:
                        hint = ""
                        if exc.sqlstate in ("42P01", "42883", "42704", "3F000"):
                            hint = (" — an object it needs is not created by the migrations or by a file listed "
                                    "before it in db/functions/manifest.txt")
                        raise MigrationError(f"{_rel(path)}: {pg_message(exc)}{hint}") from None
            defined = set(conn.execute(DEFINED_HERE, {"schemas": list(FUNCTION_SCHEMAS)}).fetchall())
            recorded = set(conn.execute(f"select identity, kind from {META_SCHEMA}.function_objects").fetchall())
            dropped = []
            for identity, kind in sorted(recorded - defined):
                try:
                    with conn.transaction():
                        conn.execute(f"drop {kind} if exists {identity}")
                except psycopg.Error as exc:
                    raise MigrationError(f"{kind} {identity} is no longer defined in db/functions but cannot be "
                                         f"dropped: {pg_message(exc)}") from None
                dropped.append(identity)
                self.echo(f"dropped {kind} {identity}: no file in db/functions defines it any more")
            # in the same transaction as the files: the digest says what the server runs
            conn.execute(f"insert into {META_SCHEMA}.function_files (only_row, sha256, files) values (true, %s, %s) "
                         "on conflict (only_row) do update set sha256 = excluded.sha256, files = excluded.files, "
                         "applied_at = now()", (digest, len(files)))
            conn.execute(f"delete from {META_SCHEMA}.function_objects")
            conn.execute(f"insert into {META_SCHEMA}.function_objects (identity, kind) "
                         "select * from unnest(%s::text[], %s::text[])",
                         ([i for i, _ in sorted(defined)], [k for _, k in sorted(defined)]))
        return dropped


def lock_timeout() -> str:
    return os.environ.get("SCOUT_LOCK_TIMEOUT") or MIGRATION_LOCK_TIMEOUT


def describe_blockers(rows: list[tuple]) -> str:
    return "; ".join(
        f"pid {pid} (role {role}, application {app or '?'}, {state}"
        + (f" in a transaction open since {since:%Y-%m-%d %H:%M:%S %Z}" if since else "")
        + f", last statement: {' '.join((query or '').split())})"
        for pid, role, app, state, since, query in rows)


def _username() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
