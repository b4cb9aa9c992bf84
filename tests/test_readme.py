"""Every `scout-db` line of the ```bash blocks of the README and the docs it sends readers
to runs, in order, against a fresh database, as a user would type it (```console blocks
show output and are not run); every link in them leads somewhere."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from conftest import ROOT

BLOCK = re.compile(r"^```bash\n(.*?)^```", re.S | re.M)


# in the order a newcomer meets them: the README, then the runner's page, then operating it
PAGES = [ROOT / "README.md", ROOT / "docs" / "runner.md", ROOT / "docs" / "operating.md"]
# docs/original-README.md is the replaced stack's README as it was (its links pointed
# into that stack's repository), kept verbatim beside the contract that cites it
LINKED = [ROOT / "README.md", *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "original-README.md"),
          ROOT / "db" / "CONVENTIONS.md", ROOT / "bench" / "README.md"]


def readme_commands() -> list[str]:
    return [line.split("  #")[0].strip() for page in PAGES
            for block in BLOCK.findall(page.read_text(encoding="utf-8")) for line in block.splitlines()
            if line.strip().startswith("scout-db ")]


def _anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown file."""
    anchors, fenced = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        fenced ^= line.startswith("```")
        if not fenced and line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", title)))
    return anchors


def test_every_link_of_the_readme_and_the_docs_leads_somewhere():
    broken = []
    for page in LINKED:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):
                continue  # a URL: not ours to check offline
            file, _, anchor = target.partition("#")
            path = (page.parent / file).resolve() if file else page
            if not path.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
            elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
            elif not path.is_relative_to(ROOT):
                broken.append(f"{page.relative_to(ROOT)}: {target} (outside the repository)")
    assert broken == []


def test_the_readme_is_for_a_newcomer_and_sends_every_reader_on_in_one_link():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 200
    for page in ["docs/runner.md", "docs/layers.md", "docs/supabase.md", "docs/operating.md",
                 "docs/development.md", "docs/reliability.md", "docs/contract.md", "bench/README.md"]:
        assert f"]({page})" in readme, f"the README links {page}"
    assert "../shared" not in "".join(p.read_text(encoding="utf-8") for p in LINKED), "nothing points outside"


def test_the_readme_shows_every_command():
    shown = {shlex.split(c)[1] for c in readme_commands()}
    assert shown >= {"migrate", "status", "seed", "ingest", "run", "jobs", "backfill", "purge", "dq", "check", "docs",
                     "schema"}


def test_every_readme_example_runs(new_database, httpserver: HTTPServer, tmp_path: Path):
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    bin_dir = Path(sys.executable).parent
    url = new_database(empty=True)
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
