"""Every pgTAP file in db/tests/ runs through pg_prove as its own pytest test,
each in a fresh clone of the migrated template, so a failure names the file
and pg_prove's output names the assertion."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

TESTS = sorted((Path(__file__).resolve().parents[1] / "db" / "tests").glob("[0-9]*.sql"))


@pytest.mark.parametrize("path", TESTS, ids=[p.name for p in TESTS])
def test_pgtap_file(path: Path, new_database) -> None:
    pg_prove = shutil.which("pg_prove")
    assert pg_prove, "pg_prove missing: install libtap-parser-sourcehandler-pgtap-perl (make setup)"
    url = urlsplit(new_database())
    done = subprocess.run(
        [pg_prove, "--verbose", "--failures", "-h", url.hostname, "-p", str(url.port),
         "-U", url.username, "-d", url.path.lstrip("/"), str(path)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"{path.name} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)

