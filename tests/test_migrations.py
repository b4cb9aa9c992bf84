"""The migrator's hard cases: twice, concurrently, failing, killed, edited, rolled back."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from yoyo.migrations import read_sql_migration

from conftest import ROOT, run_cli
from scout_db.migrations import META_SCHEMA, MIGRATE_LOCK_KEY

MIGRATIONS = sorted((ROOT / "db" / "migrations").glob("*.sql"))


def schema_dump(bindir: Path, url: str) -> str:
    done = subprocess.run(
        [str(bindir / "pg_dump"), "--schema-only", "--no-owner", f"--exclude-schema={META_SCHEMA}", url],
        capture_output=True, text=True, check=True,
    )
    # \restrict lines carry a random key per dump (pg_dump 15.14+); they are not schema.
    return "\n".join(line for line in done.stdout.splitlines()
                     if not line.startswith(("\\restrict", "\\unrestrict")))


def scratch_db_dir(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    """A copy of db/ with extra migration files, for migrations that must fail or hang."""
    target = tmp_path / "db"
    shutil.copytree(ROOT / "db", target)
    for name, text in (extra or {}).items():
        (target / "migrations" / name).write_text(text)
    return target


def applied_ids(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute(
            f"select migration_id from {META_SCHEMA}._yoyo_migration order by migration_id")]


def test_migrate_rollback_all_migrate_gives_the_same_schema(new_database, bindir):
    url = new_database(empty=True)
    first = run_cli("--database-url", url, "migrate")
    assert first.returncode == 0, first.stderr
    before = schema_dump(bindir, url)
    assert "CREATE SCHEMA scout" in before

    back = run_cli("--database-url", url, "rollback", "--all")
    assert back.returncode == 0, back.stderr
    assert applied_ids(url) == []
    assert "CREATE SCHEMA scout" not in schema_dump(bindir, url)

    again = run_cli("--database-url", url, "migrate")
    assert again.returncode == 0, again.stderr
    assert schema_dump(bindir, url) == before


def test_migrate_twice_applies_nothing_the_second_time(new_database):
    url = new_database(empty=True)
    assert run_cli("--database-url", url, "migrate").returncode == 0
    second = run_cli("--database-url", url, "migrate")
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip().splitlines()[-1].startswith("0 migrations applied")


def test_two_concurrent_migrates_take_turns_and_apply_each_migration_once(new_database):
    url = new_database(empty=True)
    # Hold the lock so both runners are certainly waiting at once, then let go.
    with psycopg.connect(url, autocommit=True) as holder:
        holder.execute("select pg_advisory_lock(%s)", (MIGRATE_LOCK_KEY,))
        procs = [
            subprocess.Popen([sys.executable, "-m", "scout_db.cli", "--database-url", url, "migrate"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        deadline = time.time() + 30
        while time.time() < deadline:
            waiting = holder.execute(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted").fetchone()[0]
            if waiting == 2:
                break
            time.sleep(0.05)
        assert waiting == 2, "both runners should be waiting for the migration lock"
        holder.execute("select pg_advisory_unlock(%s)", (MIGRATE_LOCK_KEY,))
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    # The lock lives one transaction (a pooler cannot carry a session lock), so the
    # runners take turns per migration: between them they apply each exactly once.
    migration_ids = sorted(m.stem for m in MIGRATIONS if not m.name.endswith(".rollback.sql"))
    applied_counts = [int(out.strip().splitlines()[-1].split(" ")[0]) for out, _ in outputs]
    assert sum(applied_counts) == len(migration_ids), outputs
    with psycopg.connect(url) as conn:
        applies = [r[0] for r in conn.execute(
            f"select migration_id from {META_SCHEMA}._yoyo_log where operation = 'apply' order by migration_id")]
    assert applies == migration_ids, "one apply per migration in yoyo's log"
    assert applied_ids(url) == migration_ids


def test_failing_migration_leaves_no_trace_and_names_the_file(new_database, tmp_path):
    url = new_database(empty=True)
    db_dir = scratch_db_dir(tmp_path, {
        "9999_broken.sql": "create table scout.should_vanish (id int);\nselect 1 / 0;\n",
        "9999_broken.rollback.sql": "drop table scout.should_vanish;\n",
    })
    done = run_cli("--database-url", url, "migrate", env={"SCOUT_DB_DIR": str(db_dir)})
    assert done.returncode == 1
    assert "9999_broken.sql" in done.stderr and "division by zero" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    with psycopg.connect(url) as conn:
        assert conn.execute("select to_regclass('scout.should_vanish')").fetchone()[0] is None
        assert conn.execute(
            f"select count(*) from {META_SCHEMA}.migration_checksums where migration_id = '9999_broken'"
        ).fetchone()[0] == 0
    assert "9999_broken" not in applied_ids(url)
    # the migrations before it did apply
    assert "0001_baseline" in applied_ids(url)


def test_edited_applied_migration_is_refused(new_database, tmp_path):
    url = new_database(empty=True)
    db_dir = scratch_db_dir(tmp_path)
    env = {"SCOUT_DB_DIR": str(db_dir)}
    assert run_cli("--database-url", url, "migrate", env=env).returncode == 0
    baseline = db_dir / "migrations" / "0001_baseline.sql"
    baseline.write_text(baseline.read_text() + "\ncreate table scout.sneaky (id int);\n")
    done = run_cli("--database-url", url, "migrate", env=env)
    assert done.returncode == 1
    assert "0001_baseline.sql was edited after it was applied" in done.stderr
    with psycopg.connect(url) as conn:
        assert conn.execute("select to_regclass('scout.sneaky')").fetchone()[0] is None


def test_killed_migrate_does_not_leave_the_database_locked(new_database, tmp_path):
    url = new_database(empty=True)
    db_dir = scratch_db_dir(tmp_path, {
        "9999_slow.sql": "create table scout.slow_marker (id int);\nselect pg_sleep(60);\n",
        "9999_slow.rollback.sql": "drop table scout.slow_marker;\n",
    })
    env = {**os.environ, "SCOUT_DB_DIR": str(db_dir)}
    proc = subprocess.Popen([sys.executable, "-m", "scout_db.cli", "--database-url", url, "migrate"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with psycopg.connect(url, autocommit=True) as watcher:
        deadline = time.time() + 30
        while time.time() < deadline:
            if watcher.execute("select count(*) from pg_stat_activity "
                               "where query like '%pg_sleep(60)%' and pid <> pg_backend_pid()").fetchone()[0]:
                break
            time.sleep(0.05)
        else:
            proc.kill()
            pytest.fail("the slow migration never started")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # The lock and the half-done migration both go with the dead client's sessions.
        deadline = time.time() + 15
        while time.time() < deadline:
            busy = watcher.execute("select count(*) from pg_stat_activity "
                                   "where query like '%pg_sleep(60)%' and pid <> pg_backend_pid()").fetchone()[0]
            if not busy:
                break
            time.sleep(0.1)
        assert busy == 0, "the dead client's migration should be cancelled, not left running"
        assert watcher.execute("select pg_try_advisory_lock(%s)", (MIGRATE_LOCK_KEY,)).fetchone()[0]
        watcher.execute("select pg_advisory_unlock(%s)", (MIGRATE_LOCK_KEY,))
        assert watcher.execute("select to_regclass('scout.slow_marker')").fetchone()[0] is None
    assert "9999_slow" not in applied_ids(url)
    # the next run starts at once and applies everything except the slow one
    (db_dir / "migrations" / "9999_slow.sql").unlink()
    done = run_cli("--database-url", url, "migrate", env={"SCOUT_DB_DIR": str(db_dir)}, timeout=30)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("path", [m for m in MIGRATIONS], ids=[m.name for m in MIGRATIONS])
def test_migration_file_splits_into_whole_statements(path: Path):
    """yoyo splits with sqlparse: no statement may be cut inside a dollar-quoted body."""
    import re

    _, _, statements = read_sql_migration(str(path))
    assert statements, f"{path.name} yields no statements"
    for stmt in statements:
        tags = re.findall(r"\$[A-Za-z_]*\$", stmt)
        for tag in set(tags):
            assert tags.count(tag) % 2 == 0, f"{path.name}: statement cut inside {tag}…{tag}:\n{stmt}"
        code = "\n".join(line for line in stmt.splitlines() if not line.strip().startswith("--")).strip()
        assert code.endswith(";") or code.endswith("$"), f"{path.name}: fragment {code[-40:]!r}"


def test_every_migration_has_a_rollback():
    for path in MIGRATIONS:
        if path.name.endswith(".rollback.sql"):
            assert path.with_name(path.name.replace(".rollback.sql", ".sql")).exists(), path.name
        else:
            assert path.with_suffix(".rollback.sql").exists(), f"{path.name} has no rollback file"


PINNED = ROOT / "db" / "migrations" / "SHA256SUMS"


def changed_since_landing(folder: Path) -> list[str]:
    """What differs between the migration files in folder and the checksums pinned in
    its SHA256SUMS (sha256sum's format: `sha256sum -c SHA256SUMS` checks it too)."""
    import hashlib

    pinned = {}
    for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        pinned[name.lstrip("*")] = digest
    on_disk = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.glob("*.sql")}
    problems = []
    for name in sorted(set(pinned) | set(on_disk)):
        if name not in on_disk:
            problems.append(f"{name} landed and is gone: a landed migration stays; undo it in a new one")
        elif name not in pinned:
            problems.append(f"{name} is new: pin it by adding the line `{on_disk[name]}  {name}` "
                            "to db/migrations/SHA256SUMS in the commit that adds it")
        elif pinned[name] != on_disk[name]:
            problems.append(f"{name} was edited after it landed: restore it and write the change as a new "
                            "migration (comments and registry rows go in db/functions/catalog/, re-applied "
                            "on every migrate)")
    return problems


def test_landed_migrations_stay_as_written():
    assert changed_since_landing(ROOT / "db" / "migrations") == []


def test_an_edited_a_new_and_a_deleted_migration_are_each_named(tmp_path):
    folder = scratch_db_dir(tmp_path) / "migrations"
    edited = folder / "0005_gold.sql"
    edited.write_text(edited.read_text() + "\n-- one more comment\n")
    (folder / "0014_next.sql").write_text("select 1;\n")
    (folder / "0003_bronze.rollback.sql").unlink()
    problems = changed_since_landing(folder)
    assert len(problems) == 3, problems
    assert problems[0].startswith("0003_bronze.rollback.sql landed and is gone")
    assert problems[1].startswith("0005_gold.sql was edited after it landed: restore it and write the change as a new migration")
    assert problems[2].startswith("0014_next.sql is new: pin it by adding the line `")


def add_function_file(db_dir: Path, relative: str, sql: str, *, listed: bool = True, before: str | None = None) -> None:
    (db_dir / "functions" / relative).write_text(sql)
    if not listed:
        return
    manifest = db_dir / "functions" / "manifest.txt"
    lines = manifest.read_text().splitlines()
    index = lines.index(before) if before else len(lines)
    manifest.write_text("\n".join([*lines[:index], relative, *lines[index:]]) + "\n")


def test_a_function_whose_file_is_removed_is_dropped_by_the_next_migrate(new_database, tmp_path):
    url = new_database(empty=True)
    db_dir = scratch_db_dir(tmp_path)
    env = {"SCOUT_DB_DIR": str(db_dir)}
    add_function_file(db_dir, "gold/scout_internal.short_lived.sql",
                      "create function scout_internal.short_lived() returns int language sql begin atomic select 1; end;\n"
                      "comment on function scout_internal.short_lived() is 'test';\n")
    assert run_cli("--database-url", url, "migrate", env=env).returncode == 0
    with psycopg.connect(url) as conn:
        assert conn.execute("select to_regprocedure('scout_internal.short_lived()') is not null").fetchone()[0]
    (db_dir / "functions" / "gold" / "scout_internal.short_lived.sql").unlink()
    manifest = db_dir / "functions" / "manifest.txt"
    manifest.write_text(manifest.read_text().replace("gold/scout_internal.short_lived.sql\n", ""))
    done = run_cli("--database-url", url, "migrate", env=env)
    assert done.returncode == 0, done.stderr
    assert "dropped function scout_internal.short_lived(): no file in db/functions defines it any more" in done.stdout
    with psycopg.connect(url) as conn:
        assert conn.execute("select to_regprocedure('scout_internal.short_lived()') is null").fetchone()[0]
        # objects the migrations made are not db/functions' to drop
        assert conn.execute("select to_regprocedure('ip_workbench.secure_table(regclass, text[])') is not null"
                            ).fetchone()[0]


def test_a_function_file_missing_from_the_manifest_is_refused(new_database, tmp_path):
    url = new_database(empty=True)
    db_dir = scratch_db_dir(tmp_path)
    add_function_file(db_dir, "silver/scout_internal.forgotten.sql", "select 1;\n", listed=False)
    done = run_cli("--database-url", url, "migrate", env={"SCOUT_DB_DIR": str(db_dir)})
    assert done.returncode == 1
    assert "scout_internal.forgotten.sql is not listed in" in done.stderr and "manifest.txt" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_missing_dependency_fails_the_migrate_and_names_the_object(new_database, tmp_path):
    url = new_database(empty=True)
    db_dir = scratch_db_dir(tmp_path)
    # listed before the file that defines what it needs
    add_function_file(db_dir, "meta/scout_internal.needs_parse_money.sql",
                      "create function scout_internal.needs_parse_money(p text) returns numeric language sql\n"
                      "begin atomic select scout_internal.parse_money(p); end;\n",
                      before="meta/scout_internal.setting.sql")
    done = run_cli("--database-url", url, "migrate", env={"SCOUT_DB_DIR": str(db_dir)})
    assert done.returncode == 1
    assert "scout_internal.needs_parse_money.sql" in done.stderr
    assert "function scout_internal.parse_money(text) does not exist" in done.stderr
    assert "listed before it in db/functions/manifest.txt" in done.stderr
    with psycopg.connect(url) as conn:  # the functions are applied all or nothing
        assert conn.execute("select to_regprocedure('scout_internal.setting(text)') is null").fetchone()[0]


def test_migrations_replace_an_index_without_blocking_readers_through_the_build():
    """A DROP INDEX holds ACCESS EXCLUSIVE until commit, so in a migration it comes after
    the CREATE INDEX that replaces it (built under another name), never before: readers
    then wait only between the drop and the commit. 0012 did it the other way round
    before the rule; 0013 says so, and this test keeps it the only one."""
    offenders = []
    for path in MIGRATIONS:
        if path.name.endswith(".rollback.sql"):
            continue
        # split as the migrator splits (yoyo), then one lowercase line without comments
        statements = [" ".join(" ".join(line for line in statement.splitlines()
                                        if not line.lstrip().startswith("--")).split()).lower().rstrip(";")
                      for statement in read_sql_migration(str(path))[2]]
        dropped_at = {s.split("drop index ")[1].split()[0].split(".")[-1]: i
                      for i, s in enumerate(statements) if s.startswith("drop index ")}
        for i, s in enumerate(statements):
            if s.startswith(("create index ", "create unique index ")):
                name = s.split(" index ")[1].split()[0]
                if dropped_at.get(name, i) < i:
                    offenders.append(f"{path.name}: {name}")
    assert offenders == ["0012_incremental_gold_and_platinum.sql: silver_validated_transactions_category_transaction_date_idx"]


def test_a_description_changes_by_editing_the_catalog_on_the_next_migrate(new_database, tmp_path):
    """Descriptions live in db/functions/catalog/, re-applied on every migrate: editing a
    line there is the whole change, with no migration."""
    from scout_db.config import Target
    from scout_db.migrations import Migrator

    url = new_database()
    db = scratch_db_dir(tmp_path)
    catalog = db / "functions" / "catalog" / "bronze.sql"
    text = catalog.read_text()
    old = "('column', 'scout.bronze_transactions.source',\n     '"
    assert old in text
    catalog.write_text(text.replace(old, old + "Edited in the catalog. "))
    Migrator(Target(url, "test"), directory=db).migrate()
    with psycopg.connect(url) as conn:
        described = conn.execute("select col_description('scout.bronze_transactions'::regclass, "
                                 "(select attnum from pg_attribute where attrelid = 'scout.bronze_transactions'::regclass "
                                 "and attname = 'source'))").fetchone()[0]
    assert described.startswith("Edited in the catalog. ")


def test_an_unchanged_catalog_takes_no_lock_on_a_table(new_database):
    """A migrate with nothing to change runs no COMMENT: it does not wait behind a session
    holding a SHARE lock (as refresh_gold takes on its queue), which a COMMENT would."""
    url = new_database()
    with psycopg.connect(url) as holder:
        holder.execute("lock table scout_internal.gold_differences_to_add, scout.silver_validated_transactions in share mode")
        done = run_cli("migrate", "--database-url", url, env={"SCOUT_LOCK_TIMEOUT": "5s"}, timeout=120)
        holder.rollback()
    assert done.returncode == 0, done.stderr
    with psycopg.connect(url) as conn:
        conn.execute("comment on table scout_internal.gold_differences_to_add is 'changed by hand'")
        conn.commit()
    assert run_cli("migrate", "--database-url", url).returncode == 0
    with psycopg.connect(url) as conn:
        assert conn.execute("select obj_description('scout_internal.gold_differences_to_add'::regclass, 'pg_class')"
                            ).fetchone()[0] != "changed by hand", "the catalog puts a hand-edited description back"


def test_every_function_file_fits_on_a_screen():
    """A job reads as its named steps and each step fits on a screen: no file in
    db/functions is longer than 150 lines."""
    long = {str(path.relative_to(ROOT)): n for path in sorted((ROOT / "db" / "functions").rglob("*.sql"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 150}
    assert long == {}, "split into named steps the job calls in order: " + ", ".join(f"{p} ({n})" for p, n in long.items())


def test_the_registrys_words_change_by_editing_its_file_and_an_unchanged_one_writes_nothing(new_database, tmp_path):
    from scout_db.config import Target
    from scout_db.migrations import Migrator

    url = new_database()
    versions = ("select (select string_agg(xmin::text, ',' order by name) from ip_workbench.settings), "
                "(select string_agg(xmin::text, ',' order by table_name) from ip_workbench.tables), "
                "(select string_agg(xmin::text, ',' order by name) from ip_workbench.jobs)")
    with psycopg.connect(url) as conn:
        before = conn.execute(versions).fetchone()
    assert run_cli("migrate", "--database-url", url).returncode == 0
    with psycopg.connect(url) as conn:
        assert conn.execute(versions).fetchone() == before, "a migrate with nothing new rewrote registry rows"

    db = scratch_db_dir(tmp_path)
    registry = db / "functions" / "catalog" / "registry.sql"
    text = registry.read_text()
    old = "('scout', 'gold_monthly_summary', 'gold',\n     '"
    assert old in text and "('dq_alert_threshold',\n     '" in text
    registry.write_text(text.replace(old, old + "Edited: ").replace("('dq_alert_threshold',\n     '",
                                                                     "('dq_alert_threshold',\n     'Edited: "))
    Migrator(Target(url, "test"), directory=db).migrate()
    with psycopg.connect(url) as conn:
        assert conn.execute("select description from ip_workbench.tables where table_name = 'gold_monthly_summary'"
                            ).fetchone()[0].startswith("Edited: ")
        assert conn.execute("select description, value from ip_workbench.settings where name = 'dq_alert_threshold'"
                            ).fetchone()[0].startswith("Edited: ")


def test_a_migrate_whose_reader_goes_away_still_applies_its_function_files(new_database):
    """`scout-db migrate | head -1`: the broken pipe stopped it after the migrations and
    before the function files, and status then said all was applied."""
    url = new_database(empty=True)
    done = subprocess.run(f"{sys.executable} -m scout_db.cli migrate --database-url {url} | head -1",
                          shell=True, capture_output=True, text=True, timeout=300, check=False)
    assert len(done.stdout.splitlines()) == 1, done.stdout + done.stderr  # head read one line and left
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    with psycopg.connect(url) as conn:
        assert conn.execute("select to_regprocedure('scout.refresh_gold(boolean)') is not null").fetchone()[0], \
            "the function files were applied"
        assert conn.execute(f"select count(*) from {META_SCHEMA}._yoyo_migration").fetchone()[0] == len(
            [p for p in MIGRATIONS if not p.name.endswith(".rollback.sql")])


def test_status_says_whether_the_server_runs_this_packages_function_files(new_database, tmp_path):
    url = new_database()
    assert run_cli("migrate", "--database-url", url).returncode == 0
    same = run_cli("status", "--database-url", url)
    assert "function files: the same as this package's" in same.stdout, same.stdout + same.stderr
    db = scratch_db_dir(tmp_path)
    gold = db / "functions" / "gold" / "scout.refresh_gold.sql"
    gold.write_text(gold.read_text() + "\n-- a newer package\n")
    other = run_cli("status", "--database-url", url, env={"SCOUT_DB_DIR": str(db)})
    assert "the server runs other versions than this package's" in other.stdout, other.stdout + other.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"delete from {META_SCHEMA}.function_files")
    never = run_cli("status", "--database-url", url)
    assert "function files: never applied here: run scout-db migrate" in never.stdout, never.stdout
