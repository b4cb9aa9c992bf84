"""db/schema.sql: the schema that the migrations and db/functions build, as pg_dump sees it.

The file is committed so that every change to the database shows up in review
as a diff of the schema itself, and the test suite fails when it is stale.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from .cluster import find_bindir
from .config import Target, connect
from .errors import ScoutError
from .migrations import FUNCTION_SCHEMAS, Migrator
from .paths import db_dir

# Lines that change with the machine, not with the schema.
VOLATILE_PREFIXES = ("-- Dumped from database version", "-- Dumped by pg_dump version", "\\restrict", "\\unrestrict")


def default_path(directory: Path | None = None) -> Path:
    return (directory or db_dir()) / "schema.sql"


def pg_dump_binary() -> str:
    try:
        return str(find_bindir() / "pg_dump")
    except ScoutError:
        found = shutil.which("pg_dump")
        if not found:
            raise ScoutError("pg_dump not found: install the PostgreSQL client (postgresql-client-15)") from None
        return found


def normalise(dump: str) -> str:
    lines = [line for line in dump.splitlines() if not line.startswith(VOLATILE_PREFIXES)]
    text = "\n".join(lines).strip() + "\n"
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    return text


def dump(url: str, schemas: tuple[str, ...] = FUNCTION_SCHEMAS) -> str:
    """The normalised schema-only dump of the pipeline's schemas in the database at url."""
    args = [pg_dump_binary(), "--schema-only", "--no-owner", "--no-tablespaces"]
    args += [f"--schema={name}" for name in schemas]
    done = subprocess.run([*args, url], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ScoutError(f"pg_dump failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return normalise(done.stdout)


def dump_fresh(target: Target, directory: Path | None = None, extensions: list | None = None) -> str:
    """Migrate a scratch database next to target's (and the extension folders into it), dump it, drop it."""
    name = f"scout_schema_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    scratch = Target(urlsplit(target.url)._replace(path="/" + name).geturl(), f"scratch database {name}")
    with connect(target, autocommit=True) as conn:
        conn.execute(f'create database "{name}" template template0')
    try:
        Migrator(scratch, directory=directory).migrate()
        schemas = FUNCTION_SCHEMAS
        if extensions:
            from .extensions import ExtensionMigrator

            with connect(scratch, autocommit=True) as conn:
                before = {r[0] for r in conn.execute("select nspname from pg_namespace")}
            for extension in extensions:
                ExtensionMigrator(scratch, extension).migrate()
            with connect(scratch, autocommit=True) as conn:
                # the schemas an extension made of its own are its schema too
                schemas += tuple(sorted({r[0] for r in conn.execute("select nspname from pg_namespace")} - before))
        return dump(scratch.url, schemas)
    finally:
        with connect(target, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')


def diff_summary(old: str, new: str, lines: int = 6) -> str:
    changed = [d for d in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
               if d[:1] in "+-" and not d.startswith(("+++", "---")) and d[1:].strip() not in ("", "--")]
    shown = "; ".join(d.strip() for d in changed[:lines])
    more = f"; … {len(changed) - lines} more" if len(changed) > lines else ""
    return f"{len(changed)} lines differ: {shown}{more}"
