"""Every `scout-db` line of the README's ```bash blocks runs, in order, against a fresh
database, as a user would type it (```console blocks show output and are not run)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import psycopg
from pytest_httpserver import HTTPServer

from conftest import ROOT

BLOCK = re.compile(r"^```bash\n(.*?)^```", re.S | re.M)


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [line.split("  #")[0].strip() for block in BLOCK.findall(text) for line in block.splitlines()
            if line.strip().startswith("scout-db ")]


def test_the_readme_shows_every_command():
    shown = {shlex.split(c)[1] for c in readme_commands()}
    assert shown >= {"migrate", "status", "seed", "ingest", "run", "jobs", "backfill", "purge", "dq", "check", "docs",
                     "schema"}


def test_every_readme_example_runs(new_database, httpserver: HTTPServer, tmp_path: Path):
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    bin_dir = Path(sys.executable).parent
    url = new_database(empty=True)
    with psycopg.connect(url, autocommit=True) as conn:  # the quality suites are pgTAP (README: Troubleshooting)
        conn.execute("create extension pgtap")
    env = {**os.environ, "DATABASE_URL": url, "PATH": f"{bin_dir}:{os.environ['PATH']}",
           "SCOUT_ALERT_WEBHOOK": httpserver.url_for("/hook"), "SCOUT_HOME": str(tmp_path / ".scout")}
    env.pop("SCOUT_DB_DIR", None)
    commands = readme_commands()
    for command in commands:
        if "--email" in command:
            continue  # needs an SMTP server: tests/test_real_time.py sends one to a real local one
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=300, check=False)
        assert done.returncode == 0, f"README example failed: {command}\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}"
