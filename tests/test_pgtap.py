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



def test_job_succeeds_fails_on_a_job_that_returns_failed(new_database, tmp_path: Path) -> None:
    """pg_temp.job_succeeds (db/tests/support/jobs.sql) is not lives_ok: a job that returns
    {"status": "failed"} without raising, as every job does, fails it, and so does one
    that raises; an ok run passes it."""
    support = Path(__file__).resolve().parents[1] / "db" / "tests" / "support"
    (tmp_path / "support").symlink_to(support)
    probe = tmp_path / "probe.sql"
    probe.write_text("""begin;
select plan(3);
\\ir support/jobs.sql
""" + """select pg_temp.job_succeeds($$select '{"status": "ok"}'::jsonb$$, 'an ok result');
select pg_temp.job_succeeds($$select scout.backfill('2025-02-01', '2025-01-01')$$, 'a run that returns failed');
select pg_temp.job_succeeds($$select 1 / 0$$, 'a call that raises');
select * from finish();
rollback;
""")
    url = urlsplit(new_database())
    done = subprocess.run(
        [shutil.which("pg_prove"), "--verbose", "-h", url.hostname, "-p", str(url.port),
         "-U", url.username, "-d", url.path.lstrip("/"), str(probe)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    out = done.stdout
    assert "ok 1 - an ok result" in out and "not ok 1" not in out, out
    assert "not ok 2 - a run that returns failed" in out and '"status": "failed"' in out, out
    assert "not ok 3 - a call that raises" in out and "raised 22012" in out, out
    assert done.returncode != 0
