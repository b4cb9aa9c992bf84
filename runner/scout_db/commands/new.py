"""new mart|check NAME --into DIR: a commented, working starting point in an extension folder."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..errors import ScoutError, expected_errors

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


def _folder(into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    name = into.resolve().name.replace("-", "_")
    if not NAME.match(name) or name == "core":
        raise ScoutError(f"{into}: an extension folder's name is its name in the database: lower case letters, "
                         "digits and _ (not core)")
    return into


def _checked(name: str, what: str) -> str:
    if not NAME.match(name):
        raise ScoutError(f"{what} name {name!r}: lower case letters, digits and _, starting with a letter")
    return name


def _write(path: Path, text: str) -> None:
    if path.exists():
        raise ScoutError(f"{path} exists: choose another name, or delete it first")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    click.echo(f"wrote {path}")


@click.group()
def new() -> None:
    """Start a mart or a check in an extension folder (migrated with scout-db migrate --extension DIR)."""


@new.command()
@click.argument("name")
@click.option("--into", "into", required=True, type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="The extension folder (made when missing).")
@expected_errors
def mart(name: str, into: Path) -> None:
    """A mart: DIR/marts/NAME.sql, one ip_workbench.define_mart call (gold_ is put in front
    of a NAME that starts with neither gold_ nor platinum_)."""
    name = _checked(name, "mart")
    if not name.startswith(("gold_", "platinum_")):
        name = "gold_" + name
    folder = _folder(into)
    text = (TEMPLATES / "mart.sql").read_text(encoding="utf-8").format(name=name, mart=f"scout.{name}", folder=into)
    _write(folder / "marts" / f"{name}.sql", text)
    click.echo(f"next: scout-db migrate --extension {into} && scout-db run && scout-db check")


@new.command()
@click.argument("name")
@click.option("--into", "into", required=True, type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="The extension folder (made when missing).")
@expected_errors
def check(name: str, into: Path) -> None:
    """A data-quality check: DIR/checks/NNNN_NAME.sql, a view in scout_checks, numbered after
    the folder's last check."""
    name = _checked(name, "check")
    folder = _folder(into)
    numbers = [int(p.name[:4]) for p in (folder / "checks").glob("[0-9][0-9][0-9][0-9]_*.sql")]
    if any(p.stem[5:] == name for p in (folder / "checks").glob("*.sql")):
        raise ScoutError(f"{folder / 'checks'} has a check named {name} already")
    number = (max(numbers) // 10 + 1) * 10 if numbers else 10
    text = (TEMPLATES / "check.sql").read_text(encoding="utf-8").format(name=name, folder=into)
    _write(folder / "checks" / f"{number:04d}_{name}.sql", text)
    click.echo(f"next: scout-db migrate --extension {into} && scout-db check")
