"""`pip install` of the wheel gives a scout-db that works from any folder: the SQL
travels inside the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT


def test_the_wheel_carries_its_sql_and_migrates_from_any_folder(tmp_path, new_database):
    # from a clean copy: a build/ left in the checkout could carry files deleted since
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".scout", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache"))
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(source)],
                           capture_output=True, text=True, timeout=600, check=False)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    [wheel] = dist.glob("scout_db-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    installed = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", str(wheel)],
                               capture_output=True, text=True, timeout=600, check=False)
    assert installed.returncode == 0, installed.stderr[-2000:]
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("SCOUT_DB_DIR", "PYTHONPATH", "DATABASE_URL")}
    scout_db = str(venv / "bin" / "scout-db")
    version = subprocess.run([scout_db, "--version"], cwd=elsewhere, env=env, capture_output=True, text=True, check=False)
    assert version.returncode == 0 and "0.1.0" in version.stdout
    url = new_database(empty=True)
    migrated = subprocess.run([scout_db, "migrate", "--database-url", url], cwd=elsewhere, env=env,
                              capture_output=True, text=True, timeout=300, check=False)
    assert migrated.returncode == 0, migrated.stderr
    migrations = len([p for p in (ROOT / "db" / "migrations").glob("*.sql") if not p.name.endswith(".rollback.sql")])
    assert migrated.stdout.strip().splitlines()[-1].startswith(f"{migrations} migrations applied")
    checked = subprocess.run([scout_db, "check", "--database-url", url], cwd=elsewhere, env=env,
                             capture_output=True, text=True, timeout=300, check=False)
    assert "lint           squawk: no findings" in checked.stdout, "the migrations and squawk's config came along"
