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


def test_the_runners_modules_import_each_other_without_a_circle():
    """Every relative import, at module level or inside a function, as an edge: no module
    of scout_db reaches itself again (a circle makes import order matter)."""
    import ast

    package = ROOT / "runner" / "scout_db"
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        here = parts if path.name == "__init__.py" else parts[:-1]  # the package the file is in
        name = ".".join(parts[:-1] if path.name == "__init__.py" else parts)
        graph[name] = {".".join(here[:len(here) - node.level + 1] + ([node.module] if node.module else []))
                       for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                       if isinstance(node, ast.ImportFrom) and node.level}

    def circle_from(start: str, path: list[str]) -> list[str] | None:
        for nxt in sorted(graph.get(path[-1], ())):
            if nxt == start:
                return [*path, nxt]
            if nxt in graph and nxt not in path:
                found = circle_from(start, [*path, nxt])
                if found:
                    return found
        return None

    assert "scout_db.cluster" in graph and graph["scout_db.cluster"], "the graph was read"
    circles = [c for c in (circle_from(m, [m]) for m in sorted(graph)) if c]
    assert circles == [], " ; ".join(" → ".join(c) for c in circles)
