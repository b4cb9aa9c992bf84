"""docs: the data catalog, generated from the database."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ScoutError, expected_errors
from .common import connect_migrated, database_option


@click.command()
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("docs/schemas"),
              show_default=True, help="Folder for the Markdown pages.")
@click.option("--check", is_flag=True, help="Do not write: exit 1 when the pages in --out differ.")
@database_option
@expected_errors
def docs(out: Path, check: bool) -> None:
    """Write the data catalog: a page per layer (every column's type and meaning, who may
    read it, its policies), the functions with their signatures, and the lineage as a
    Mermaid diagram — all from the database's own comments and catalog."""
    from ..catalog import render, write

    with connect_migrated(autocommit=True) as conn:
        pages = render(conn)
    if check:
        stale = [name for name, text in pages.items()
                 if not (out / name).exists() or (out / name).read_text(encoding="utf-8") != text]
        if stale:
            raise ScoutError(f"{out} is stale ({', '.join(sorted(stale))}); run: scout-db docs")
        click.echo(f"{out} is up to date")
        return
    write(pages, out)
    click.echo(f"wrote {len(pages)} pages to {out}")
