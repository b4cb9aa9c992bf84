"""check: the validation cycle of the old stack against a live database, one line per
step. The steps are SQL (scout_internal.validation_cycle) but the migration lint,
which reads files: squawk, configured by db/squawk.toml."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import click

from ..errors import Exit, expected_errors
from ..paths import db_dir
from ..text import shown
from .common import connect_migrated, database_option, target


def lint_step(extensions: list[Path] | None = None) -> dict:
    """squawk over the core's migrations and those of the extension folders given."""
    folders = [db_dir() / "migrations", *(Path(e) / "migrations" for e in extensions or [])]
    squawk = shutil.which("squawk") or str(Path(sys.executable).with_name("squawk"))
    if not Path(squawk).exists():
        return {"step": "lint", "passed": False, "figure": "squawk not found: pip install squawk-cli"}
    config_file = db_dir() / "squawk.toml"
    args = [squawk, *(["--config", str(config_file)] if config_file.exists() else []),
            *(str(p) for folder in folders
              for p in sorted(folder.glob("*.sql")) if not p.name.endswith(".rollback.sql"))]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    others = len(folders) - 1
    where = (f" (the core's and {others} extension's)" if others == 1
             else f" (the core's and {others} extensions')" if others else "")
    findings = sum(line.lstrip().startswith(("warning[", "error[")) or "warning[" in line[:40]
                   for line in done.stdout.splitlines())
    return {"step": "lint", "passed": done.returncode == 0,
            "figure": (f"squawk: no findings in the migrations{where}" if done.returncode == 0
                       else f"squawk: {findings or 'some'} findings{where} (run: squawk --config db/squawk.toml "
                            f"{' '.join(str(f) + '/*.sql' for f in folders)})")}


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@database_option
@expected_errors
def check(fmt: str) -> None:
    """The validation cycle: syntax/type, lint, security, test, performance,
    documentation and integration, each with its figure; exit 1 if any fails."""
    from ..cron import scheduling_warning
    from ..extensions import remembered

    with connect_migrated(autocommit=True) as conn:
        steps = [dict(zip(("step", "passed", "figure"), row, strict=True))
                 for row in conn.execute("select * from scout_internal.validation_cycle()")]
        # a warning, not a failure: a server without pg_cron can run the jobs another way
        warning = scheduling_warning(target(), conn)
    # the extensions this database runs are linted with the core (those whose folder is here)
    steps.insert(1, lint_step([Path(d) for _, d in remembered(target()) if Path(d).is_dir()]))
    if fmt == "json":
        click.echo(json.dumps({"passed": all(s["passed"] for s in steps), "steps": steps, "warning": warning},
                              indent=2))
    else:
        for number, s in enumerate(steps, start=1):
            click.echo(shown(f"{number}. {'pass' if s['passed'] else 'FAIL'}  {s['step']:<14} {s['figure']}"))
        if warning:
            click.echo(shown(f"warning: {warning}"))
    if not all(s["passed"] for s in steps):
        sys.exit(int(Exit.FAILED))
