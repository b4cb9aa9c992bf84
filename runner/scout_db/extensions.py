"""A team's own folder next to the core: `scout-db migrate --extension DIR`.

An extension folder holds what a fork would otherwise hold, in the core's own layout:

    DIR/migrations/NNNN_what.sql (+ .rollback.sql)   its tables, rules, seed rows
    DIR/functions/*.sql (+ optional manifest.txt)      its functions and views
    DIR/marts/*.sql                                    one mart per file (ip_workbench.define_mart)
    DIR/checks/*.sql                                   its data-quality check views

It is applied after the core with its own history (scout_meta.extension_migrations,
keyed by the extension's name, so its numbering never meets the core's), exactly as
the core is: one transaction per migration under the migration lock, a checksum per
applied file (an edited one is refused), every step pooler-safe. Each migration's
rollback file is stored with it, so `scout-db rollback --extension NAME --all` works
after the folder is gone. Its functions, marts and checks are applied in one
transaction per migrate; what a previous migrate defined and no file defines any
more is dropped, a removed mart file included.

The database remembers each extension's folder (scout_meta.extensions): a later
`scout-db migrate` applies it again without --extension. SCOUT_EXTENSIONS (folders
separated by the path separator) adds folders too.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from yoyo.migrations import read_sql_migration

from .config import Target, connect
from .errors import MigrationError
from .migrations import (
    DEFINED_HERE,
    META_SCHEMA,
    Migrator,
    _rel,
    function_files,
    functions_digest,
    pg_message,
    sha256_of,
)

NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
SUBFOLDERS = ("migrations", "functions", "marts", "checks")
# the objects define_mart makes for a mart: its own, never recorded as a file's
MART_OBJECTS = """
select o::text from ip_workbench.marts m,
       lateral (values (pg_catalog.to_regclass('scout_internal.' || pg_catalog.split_part(m.mart_name, '.', 2) || '_query')),
                       (pg_catalog.to_regclass('scout_checks.' || pg_catalog.split_part(m.mart_name, '.', 2)
                                               || '_matches_its_query'))) v(o)
 where o is not null
"""


@dataclass(frozen=True)
class Extension:
    name: str
    path: Path


@dataclass
class ExtensionReport:
    name: str
    applied: list[str] = field(default_factory=list)
    files: int = 0
    marts: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)


def open_folder(folder: str | Path) -> Extension:
    """The extension in `folder`, named after it (lower case, digits and _)."""
    path = Path(folder).expanduser().resolve()
    if not path.is_dir():
        raise MigrationError(f"extension folder {folder} does not exist")
    if not any((path / sub).is_dir() for sub in SUBFOLDERS):
        raise MigrationError(f"{folder} is not an extension folder: it has none of {', '.join(SUBFOLDERS)}/ "
                             "(scout-db new mart NAME --into DIR makes one)")
    name = path.name.replace("-", "_")
    if not NAME.match(name) or name == "core":
        raise MigrationError(f"extension folder {path.name!r}: its name must be lower case letters, digits and _ "
                             "(at most 41 characters, not core): rename the folder")
    return Extension(name, path)


def from_environment() -> list[str]:
    return [p for p in os.environ.get("SCOUT_EXTENSIONS", "").split(os.pathsep) if p.strip()]


def remembered(target: Target) -> list[tuple[str, str]]:
    """(name, folder) of every extension the database has applied, in the order it first did."""
    with connect(target, autocommit=True) as conn:
        if not conn.execute("select to_regclass(%s) is not null", (f"{META_SCHEMA}.extensions",)).fetchone()[0]:
            return []
        return conn.execute(f"select name, directory from {META_SCHEMA}.extensions order by applied_at, name").fetchall()


def resolve(target: Target, given: list[str]) -> list[Extension]:
    """The folders to apply: --extension in order, then SCOUT_EXTENSIONS, then the remembered ones
    not named already. A remembered folder that is gone stops the migrate with what to do."""
    chosen: dict[str, Extension] = {}
    for folder in [*given, *from_environment()]:
        extension = open_folder(folder)
        if extension.name in chosen and chosen[extension.name].path != extension.path:
            raise MigrationError(f"two extension folders are named {extension.name}: {chosen[extension.name].path} "
                                 f"and {extension.path}")
        chosen[extension.name] = extension
    for name, directory in remembered(target):
        if name in chosen:
            continue
        if not Path(directory).is_dir():
            raise MigrationError(f"extension {name} was migrated from {directory}, which is not there: pass its folder "
                                 f"with --extension, or remove it: scout-db rollback --extension {name} --all")
        chosen[name] = open_folder(directory)
    return list(chosen.values())


class ExtensionMigrator(Migrator):
    """The core's migrator over an extension folder, with the extension's own history."""

    def __init__(self, target: Target, extension: Extension, **kwargs):
        super().__init__(target, directory=extension.path, **kwargs)
        self.extension = extension

    # -- the history: scout_meta.extension_migrations instead of yoyo's tables -------------

    def _migrations(self) -> list:
        return super()._migrations() if (self.dir / "migrations").is_dir() else []

    def _applied(self, conn: psycopg.Connection, order_by_time: bool = False) -> list[str]:
        order = "applied_at, migration_id" if order_by_time else "migration_id"
        return [r[0] for r in conn.execute(
            f"select migration_id from {META_SCHEMA}.extension_migrations where extension = %s order by {order}",
            (self.extension.name,))]

    def _is_applied(self, conn: psycopg.Connection, migration) -> bool:
        return conn.execute(f"select exists (select 1 from {META_SCHEMA}.extension_migrations "
                            "where extension = %s and migration_id = %s)",
                            (self.extension.name, migration.id)).fetchone()[0]

    def _verify_checksums(self, conn: psycopg.Connection, migrations: list) -> None:
        known = dict(conn.execute(f"select migration_id, sha256 from {META_SCHEMA}.extension_migrations "
                                  "where extension = %s", (self.extension.name,)).fetchall())
        for migration in migrations:
            recorded = known.get(migration.id)
            actual = sha256_of(Path(migration.path))
            if recorded is not None and recorded != actual:
                raise MigrationError(
                    f"{_rel(Path(migration.path))} was edited after it was applied "
                    f"(sha256 {recorded[:12]}… recorded, {actual[:12]}… on disk); applied migrations "
                    "are never edited: restore the file and put the change in a new migration")

    def _record(self, conn: psycopg.Connection, migration, operation: str) -> None:
        path = Path(migration.path)
        if operation == "apply":
            rollback = path.with_suffix(".rollback.sql")
            conn.execute(f"insert into {META_SCHEMA}.extension_migrations (extension, migration_id, sha256, rollback_sql) "
                         "values (%s, %s, %s, %s)",
                         (self.extension.name, migration.id, sha256_of(path),
                          rollback.read_text(encoding="utf-8") if rollback.exists() else None))
        self._log(conn, _Logged(f"{self.extension.name}/{migration.id}"), operation)

    def _apply_one(self, conn: psycopg.Connection, migration) -> bool:
        path = Path(migration.path)
        _, _, statements = read_sql_migration(str(path))
        try:
            with self._locked(conn):
                if self._is_applied(conn, migration):
                    return False
                with self._bounded(conn, _rel(path)):
                    for statement in statements:
                        conn.execute(statement)
                self._record(conn, migration, "apply")
        except psycopg.Error as exc:
            raise MigrationError(f"{_rel(path)}: {pg_message(exc)}") from None
        return True

    def _remember(self, conn: psycopg.Connection) -> None:
        conn.execute(f"insert into {META_SCHEMA}.extensions (name, directory) values (%s, %s) "
                     "on conflict (name) do update set directory = excluded.directory",
                     (self.extension.name, str(self.extension.path)))

    # -- public --------------------------------------------------------------

    def migrate(self) -> ExtensionReport:  # type: ignore[override]
        report = ExtensionReport(self.extension.name)
        migrations = self._migrations()
        with self._connect() as conn:
            with self._locked(conn):
                self._bootstrap(conn)
                self._verify_checksums(conn, migrations)
                self._remember(conn)
            for migration in migrations:
                if self._apply_one(conn, migration):
                    report.applied.append(migration.id)
                    self.echo(f"applied {self.extension.name}/{migration.id}")
            self._apply_files(conn, report)
        return report

    def _files(self) -> tuple[list[Path], list[Path], list[Path]]:
        folder = self.dir / "functions"
        if (folder / "manifest.txt").is_file():
            functions = function_files(self.dir)
        else:
            functions = sorted(folder.rglob("*.sql")) if folder.is_dir() else []
        return functions, sorted((self.dir / "marts").glob("*.sql")), sorted((self.dir / "checks").glob("*.sql"))

    def _apply_files(self, conn: psycopg.Connection, report: ExtensionReport) -> None:
        """functions/, then marts/, then checks/, in one transaction; then what is gone is dropped."""
        functions, marts, checks = self._files()
        name = self.extension.name
        with self._locked(conn):
            conn.execute("select set_config('search_path', '', true), set_config('scout.extension', %s, true)", (name,))
            with self._bounded(conn, f"{name}: files") as applying:
                for path in [*functions, *marts, *checks]:
                    applying[0] = _rel(path)
                    try:
                        cur = conn.execute(path.read_text(encoding="utf-8"))
                    except psycopg.errors.LockNotAvailable:
                        raise
                    except psycopg.Error as exc:
                        raise MigrationError(f"{_rel(path)}: {pg_message(exc)}") from None
                    if path in marts:
                        outcome = cur.fetchone()[0] if cur.description else None
                        report.marts[path.stem] = outcome or "applied"
                        if outcome in ("created", "redefined"):
                            self.echo(f"{name}: mart {path.stem} {outcome} (built by the next scout-db run)")
            schemas = [r[0] for r in conn.execute(
                "select nspname from pg_namespace where nspname not like 'pg\\_%%' "
                "and nspname not in ('information_schema', %s)", (META_SCHEMA,))]
            defined = set(conn.execute(DEFINED_HERE, {"schemas": schemas}).fetchall())
            generated = {row[0] for row in conn.execute(MART_OBJECTS)}
            defined = {(identity, kind) for identity, kind in defined if identity not in generated}
            recorded = set(conn.execute(f"select identity, kind from {META_SCHEMA}.extension_objects where extension = %s",
                                        (name,)).fetchall())
            for identity, kind in sorted(recorded - defined):
                self._drop(conn, f"drop {kind} if exists {identity}", f"{kind} {identity}")
                report.dropped.append(identity)
            for (mart,) in conn.execute("select mart_name from ip_workbench.marts where extension = %s "
                                        "and declared_at <> now() order by refresh_order desc", (name,)).fetchall():
                self._drop(conn, f"select ip_workbench.drop_mart('{mart}')", f"mart {mart}")
                report.dropped.append(mart)
            conn.execute(f"delete from {META_SCHEMA}.extension_objects where extension = %s", (name,))
            conn.execute(f"insert into {META_SCHEMA}.extension_objects (extension, identity, kind) "
                         "select %s, * from unnest(%s::text[], %s::text[])",
                         (name, [i for i, _ in sorted(defined)], [k for _, k in sorted(defined)]))
            conn.execute(f"update {META_SCHEMA}.extensions set functions_sha256 = %s, applied_at = now() where name = %s",
                         (functions_digest(self.dir, [*functions, *marts, *checks]), name))
        report.files = len(functions) + len(marts) + len(checks)

    def _drop(self, conn: psycopg.Connection, statement: str, what: str) -> None:
        try:
            with conn.transaction():
                conn.execute(statement)
        except psycopg.Error as exc:
            raise MigrationError(f"{self.extension.name}: {what} is no longer defined by a file but cannot be "
                                 f"dropped: {pg_message(exc)}") from None
        self.echo(f"{self.extension.name}: dropped {what}: no file defines it any more")


class ExtensionRemover(Migrator):
    """Rolls an extension back from what the database stored, folder or not."""

    def __init__(self, target: Target, name: str, **kwargs):
        super().__init__(target, **kwargs)
        self.name = name

    def rollback(self, count: int | None) -> list[str]:  # type: ignore[override]
        """The newest `count` migrations (None: all, and with them its marts, functions and checks,
        and the database forgets the extension)."""
        rolled: list[str] = []
        with self._connect() as conn:
            with self._locked(conn):
                self._bootstrap(conn)
                known = conn.execute(f"select exists (select 1 from {META_SCHEMA}.extensions where name = %s) "
                                     f"or exists (select 1 from {META_SCHEMA}.extension_migrations where extension = %s)",
                                     (self.name, self.name)).fetchone()[0]
            if not known:
                raise MigrationError(f"no extension {self.name} was migrated into {self.target.display}")
            if count is None:
                self._drop_files(conn)
            while count is None or len(rolled) < count:
                with self._locked(conn):
                    row = conn.execute(f"select migration_id, rollback_sql from {META_SCHEMA}.extension_migrations "
                                       "where extension = %s order by migration_id desc limit 1", (self.name,)).fetchone()
                    if row is None:
                        break
                    migration_id, rollback_sql = row
                    try:
                        with self._bounded(conn, f"{self.name}/{migration_id}.rollback.sql"):
                            for statement in _statements(rollback_sql or ""):
                                conn.execute(statement)
                    except psycopg.Error as exc:
                        raise MigrationError(f"{self.name}/{migration_id}.rollback.sql: {pg_message(exc)}") from None
                    conn.execute(f"delete from {META_SCHEMA}.extension_migrations where extension = %s and migration_id = %s",
                                 (self.name, migration_id))
                    self._log(conn, _Logged(f"{self.name}/{migration_id}"), "rollback")
                rolled.append(migration_id)
                self.echo(f"rolled back {self.name}/{migration_id}")
            if count is None:
                with self._locked(conn):
                    conn.execute(f"delete from {META_SCHEMA}.extensions where name = %s", (self.name,))
        return rolled

    def _drop_files(self, conn: psycopg.Connection) -> None:
        with self._locked(conn):
            for identity, kind in conn.execute(f"select identity, kind from {META_SCHEMA}.extension_objects "
                                               "where extension = %s order by kind desc, identity", (self.name,)).fetchall():
                conn.execute(f"drop {kind} if exists {identity}")
                self.echo(f"{self.name}: dropped {kind} {identity}")
            for (mart,) in conn.execute("select mart_name from ip_workbench.marts where extension = %s "
                                        "order by refresh_order desc", (self.name,)).fetchall():
                conn.execute("select ip_workbench.drop_mart(%s)", (mart,))
                self.echo(f"{self.name}: dropped mart {mart}")
            conn.execute(f"delete from {META_SCHEMA}.extension_objects where extension = %s", (self.name,))


@dataclass(frozen=True)
class _Logged:
    """What Migrator._log needs of a migration: a hash and an id."""
    id: str

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.id.encode()).hexdigest()


def _statements(sql: str) -> list[str]:
    """A stored rollback file split as yoyo splits the file itself."""
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False, encoding="utf-8") as handle:
        handle.write(sql)
    try:
        return read_sql_migration(handle.name)[2]
    finally:
        os.unlink(handle.name)


def extension_state(target: Target) -> list[dict]:
    """Each remembered extension: its folder, migrations applied and pending, its marts."""
    out = []
    for name, directory in remembered(target):
        with connect(target, autocommit=True) as conn:
            applied = [r[0] for r in conn.execute(f"select migration_id from {META_SCHEMA}.extension_migrations "
                                                  "where extension = %s order by migration_id", (name,))]
            marts = conn.execute("select m.mart_name, m.refresh, b.built_at from ip_workbench.marts m "
                                 "left join scout_internal.mart_builds b using (mart_name) where m.extension = %s "
                                 "order by m.refresh_order", (name,)).fetchall()
        folder = Path(directory)
        on_disk = sorted(p.name.removesuffix(".sql") for p in (folder / "migrations").glob("*.sql")
                         if not p.name.endswith(".rollback.sql")) if folder.is_dir() else []
        out.append({"name": name, "folder": directory, "present": folder.is_dir(), "applied": applied,
                    "pending": [m for m in on_disk if m not in applied], "marts": marts})
    return out


__all__ = ["Extension", "ExtensionMigrator", "ExtensionRemover", "extension_state", "open_folder", "resolve"]
