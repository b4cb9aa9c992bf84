"""Apply and roll back `db/migrations/` with yoyo, then re-apply `db/functions/`.

What this adds to yoyo, and why:

* A session-level advisory lock instead of yoyo's lock row: a killed
  `scout-db migrate` drops its connection and with it the lock, so the next
  run never finds the database locked by a dead process.
* Each migration, its yoyo bookkeeping and its checksum commit in one
  transaction: a failure or a kill leaves the database exactly as before
  that migration (yoyo alone marks a migration in a second transaction).
* A SHA-256 of every applied migration file: an applied file that was edited
  afterwards is refused (yoyo tracks file names only).
* `db/functions/*.sql` re-applied whole (never split by sqlparse) in one
  transaction on every migrate, so a function's history is its file's history.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import psycopg
from psycopg import errors as pgerrors
from yoyo import get_backend, read_migrations
from yoyo.migrations import MigrationList

from .config import Target, connect
from .errors import MigrationError

META_SCHEMA = "scout_meta"
# Any 64-bit constant unique to this product; scout-db's advisory locks start with 0x5C0_07.
MIGRATE_LOCK_KEY = 0x5C0_07_0001
# Errors that mean "an object this file needs comes from a later file": retried after the others.
DEPENDENCY_SQLSTATES = {"42P01", "42883", "42704", "3F000"}


def db_dir() -> Path:
    if os.environ.get("SCOUT_DB_DIR"):
        return Path(os.environ["SCOUT_DB_DIR"])
    return Path(__file__).resolve().parents[2] / "db"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _yoyo_url(url: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["schema"] = META_SCHEMA
    query.setdefault("application_name", "scout-db migrate")
    # A killed runner's half-done migration is cancelled within a second instead
    # of running on and holding its locks (PostgreSQL 14+).
    check = "-c client_connection_check_interval=1000"
    query["options"] = f"{query['options']} {check}" if query.get("options") else check
    return parts._replace(scheme="postgresql+psycopg", query=urlencode(query)).geturl()


def _pg_message(exc: BaseException) -> str:
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


@dataclass
class MigrationState:
    applied: list[str]
    pending: list[str]


class Migrator:
    def __init__(self, target: Target, directory: Path | None = None,
                 lock_timeout_s: float = 300, echo: Callable[[str], None] = lambda _m: None):
        self.target = target
        self.dir = directory or db_dir()
        self.lock_timeout_s = lock_timeout_s
        self.echo = echo

    # -- public --------------------------------------------------------------

    def migrate(self) -> MigrateReport:
        report = MigrateReport()
        with self._locked() as lock_conn:
            backend = self._backend()
            try:
                migrations = self._migrations()
                self._verify_checksums(backend, migrations, lock_conn)
                for migration in backend.to_apply(migrations):
                    self._apply_one(backend, migration)
                    report.applied.append(migration.id)
                    self.echo(f"applied {migration.id}")
            finally:
                backend.connection.close()
            report.functions = self.apply_functions(lock_conn)
        return report

    def rollback(self, count: int | None) -> list[str]:
        """Roll back the newest `count` migrations (all when None)."""
        rolled = []
        with self._locked() as lock_conn:
            backend = self._backend()
            try:
                migrations = self._migrations()
                self._verify_checksums(backend, migrations, lock_conn)
                todo = list(backend.to_rollback(migrations))
                for migration in todo if count is None else todo[:count]:
                    self._rollback_one(backend, migration)
                    rolled.append(migration.id)
                    self.echo(f"rolled back {migration.id}")
            finally:
                backend.connection.close()
        return rolled

    def state(self) -> MigrationState:
        with connect(self.target, autocommit=True) as conn:
            exists = conn.execute(
                "select to_regclass(%s) is not null", (f"{META_SCHEMA}._yoyo_migration",)
            ).fetchone()[0]
            applied_ids = (
                [r[0] for r in conn.execute(
                    f"select migration_id from {META_SCHEMA}._yoyo_migration order by applied_at_utc"
                )]
                if exists else []
            )
        on_disk = [m.id for m in self._migrations()]
        return MigrationState(applied=applied_ids, pending=[m for m in on_disk if m not in applied_ids])

    def apply_functions(self, conn: psycopg.Connection) -> int:
        """Run every db/functions file whole, in one transaction, in dependency order.

        Files run in name order; one that fails for want of an object another file
        creates is retried after the rest, until a pass makes no progress.
        """
        files = sorted((self.dir / "functions").glob("*.sql"))
        if not files:
            return 0
        pending = list(files)
        try:
            with conn.transaction():
                while pending:
                    failed: list[tuple[Path, BaseException]] = []
                    for path in pending:
                        try:
                            with conn.transaction():
                                conn.execute(path.read_text(encoding="utf-8"))
                        except psycopg.Error as exc:
                            if exc.sqlstate not in DEPENDENCY_SQLSTATES:
                                raise MigrationError(f"{_rel(path)}: {_pg_message(exc)}") from None
                            failed.append((path, exc))
                    if len(failed) == len(pending):
                        path, exc = failed[0]
                        raise MigrationError(f"{_rel(path)}: {_pg_message(exc)}")
                    pending = [p for p, _ in failed]
        except psycopg.Error as exc:
            raise MigrationError(f"applying db/functions: {_pg_message(exc)}") from None
        return len(files)

    # -- internals -----------------------------------------------------------

    def _migrations(self) -> MigrationList:
        folder = self.dir / "migrations"
        if not folder.is_dir():
            raise MigrationError(f"no migrations folder at {folder}")
        return read_migrations(str(folder))

    class _Lock:
        def __init__(self, outer: Migrator):
            self.outer = outer
            self.conn: psycopg.Connection | None = None

        def __enter__(self) -> psycopg.Connection:
            conn = connect(self.outer.target, autocommit=True,
                           application_name="scout-db migrate (lock)")
            self.conn = conn
            got = conn.execute("select pg_try_advisory_lock(%s)", (MIGRATE_LOCK_KEY,)).fetchone()[0]
            if not got:
                self.outer.echo("another scout-db migrate is running; waiting for it to finish")
                conn.execute(f"set lock_timeout = '{int(self.outer.lock_timeout_s * 1000)}ms'")
                try:
                    conn.execute("select pg_advisory_lock(%s)", (MIGRATE_LOCK_KEY,))
                except pgerrors.LockNotAvailable:
                    conn.close()
                    raise MigrationError(
                        f"another scout-db migrate held the migration lock for over "
                        f"{self.outer.lock_timeout_s:.0f}s; try again when it has finished"
                    ) from None
                conn.execute("reset lock_timeout")
            try:
                conn.execute(f"create schema if not exists {META_SCHEMA}")
                conn.execute(f"revoke all on schema {META_SCHEMA} from public")
                conn.execute(
                    f"""create table if not exists {META_SCHEMA}.migration_checksums (
                        migration_id text primary key,
                        sha256 text not null,
                        applied_at timestamptz not null default now())"""
                )
            except psycopg.Error as exc:
                conn.close()
                raise MigrationError(f"preparing {META_SCHEMA}: {_pg_message(exc)}") from None
            return conn

        def __exit__(self, *exc_info) -> None:
            if self.conn is not None:
                self.conn.close()  # closing the session releases the advisory lock

    def _locked(self) -> _Lock:
        return Migrator._Lock(self)

    def _backend(self):
        try:
            backend = get_backend(_yoyo_url(self.target.url), migration_table="_yoyo_migration")
        except psycopg.Error as exc:
            raise MigrationError(f"opening yoyo backend: {_pg_message(exc)}") from None
        # We hold the advisory lock, so a lock row left by a killed process is stale.
        backend.break_lock()
        return backend

    def _verify_checksums(self, backend, migrations: MigrationList, conn: psycopg.Connection) -> None:
        applied = set(backend.get_applied_migration_hashes())
        known = dict(conn.execute(f"select migration_id, sha256 from {META_SCHEMA}.migration_checksums"))
        for migration in migrations:
            if migration.hash not in applied:
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

    def _apply_one(self, backend, migration) -> None:
        try:
            # yoyo prints the rows of any SELECT in a migration; helper calls return void.
            with backend.transaction(), contextlib.redirect_stdout(io.StringIO()):
                migration.process_steps(backend, "apply")
                backend.mark_one(migration, log=False)
                backend.log_migration(migration, "apply")
                backend.execute(
                    f"insert into {META_SCHEMA}.migration_checksums (migration_id, sha256) "
                    "values (:id, :sha) on conflict (migration_id) do update set sha256 = excluded.sha256, "
                    "applied_at = now()",
                    {"id": migration.id, "sha": sha256_of(Path(migration.path))},
                )
        except psycopg.Error as exc:
            raise MigrationError(f"{_rel(Path(migration.path))}: {_pg_message(exc)}") from None

    def _rollback_one(self, backend, migration) -> None:
        try:
            with backend.transaction(), contextlib.redirect_stdout(io.StringIO()):
                migration.process_steps(backend, "rollback")
                backend.unmark_one(migration, log=False)
                backend.log_migration(migration, "rollback")
                backend.execute(
                    f"delete from {META_SCHEMA}.migration_checksums where migration_id = :id",
                    {"id": migration.id},
                )
        except psycopg.Error as exc:
            raise MigrationError(
                f"{_rel(Path(migration.path).with_suffix('.rollback.sql'))}: {_pg_message(exc)}"
            ) from None


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
