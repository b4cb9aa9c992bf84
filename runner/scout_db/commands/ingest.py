"""ingest and seed: data into Bronze."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import Exit, ScoutError, expected_errors
from .common import connect_migrated, database_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(["transactions", "products"]), required=True,
              help="Which Bronze table the records go to.")
@click.option("--source", default="csv", show_default=True,
              help="Source name stored on every row (csv, gdrive, …).")
@click.option("--force", is_flag=True, help="Load files again even if the manifest says they were loaded.")
@click.option("--max-record-mib", type=click.IntRange(1, 255), default=64, show_default=True,
              help="Largest record (line, element, CSV row) loaded; a larger one is an error row, "
                   "read past without being held in memory. PostgreSQL's jsonb stops at 255 MiB.")
@database_option
@expected_errors
def ingest(paths: tuple[Path, ...], kind: str, source: str, force: bool, max_record_mib: int) -> None:
    """Load CSV, JSON-array and NDJSON files (or folders of them) into Bronze.

    Each file is loaded once, in one transaction: a file already in the manifest
    (same SHA-256) is skipped unless --force. Records that cannot be parsed are
    stored in scout.bronze_ingest_errors with file, line and error while the rest
    loads; the command then exits with status 4. So is a record over --max-record-mib:
    memory stays flat whatever a file holds.
    """
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from ..ingest import expand, load_file, total_bytes

    files, results = expand(list(paths))
    if not files and not results:
        raise ScoutError("no .csv, .json, .ndjson or .jsonl files found in " + ", ".join(map(str, paths)))
    console = Console(stderr=True)
    if files:
        with connect_migrated(autocommit=True) as conn, Progress(
            "[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
            console=console, disable=not console.is_terminal, transient=True,
        ) as progress:
            task = progress.add_task("ingest", total=total_bytes(files))
            for path in files:
                progress.update(task, description=path.name)
                results.append(load_file(conn, path, kind, source, force,
                                         on_read=lambda n: progress.advance(task, n),
                                         max_record=max_record_mib << 20))
    for r in results:
        if r.status == "skipped":
            click.echo(f"{r.path}: already loaded (same SHA-256); skipped — use --force to load it again")
        elif r.status == "loaded":
            click.echo(f"{r.path}: {r.rows_loaded} rows loaded, {r.lines_rejected} rejected "
                       f"of {r.lines_read} records (batch {r.batch_id})")
    loaded = [r for r in results if r.status == "loaded"]
    failed = [r for r in results if r.status == "failed"]
    rejected = sum(r.lines_rejected for r in loaded)
    click.echo(f"{len(loaded)} file{'s' if len(loaded) != 1 else ''} loaded, "
               f"{sum(r.status == 'skipped' for r in results)} skipped, {len(failed)} failed, "
               f"{sum(r.rows_loaded for r in loaded)} rows, {rejected} rejected")
    for r in failed:  # one line each, naming the file; nothing of it was stored
        click.echo(f"scout-db: {r.path}: {r.error}; nothing of it was loaded", err=True)
    if failed:
        sys.exit(Exit.FAILED)
    if rejected:
        raise ScoutError(f"{rejected} records could not be parsed; see scout.bronze_ingest_errors "
                         "(batch ids above)", Exit.REJECTED_RECORDS)


@click.command()
@click.option("--rows", type=click.IntRange(min=0), required=True, help="How many transactions to generate.")
@click.option("--seed", "seed_value", type=int, default=42, show_default=True,
              help="Same seed, same data.")
@click.option("--end-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Last day of the 3-year range (default: yesterday).")
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write transactions as NDJSON to this file instead of into Bronze.")
@database_option
@expected_errors
def seed(rows: int, seed_value: int, end_date, output: Path | None) -> None:
    """Generate realistic Scout retail data (with bad rows, duplicates, corrections).

    Without --output the transactions and the product catalogue go straight into
    Bronze (source 'seed'); with --output the transactions are written as NDJSON,
    ready for `scout-db ingest`. The generators are the owner's (scout_dev), so
    this connects as the DBA.
    """
    day = end_date.date() if end_date else None
    with connect_migrated(autocommit=True) as conn:
        if output is None:
            result = conn.execute("select scout_dev.seed_bronze(%s, %s, coalesce(%s, current_date - 1))",
                                  (rows, seed_value, day)).fetchone()[0]
            click.echo(f"{result['transactions']} transactions and {result['products']} products "
                       f"inserted into Bronze (batch {result['batch_id']})")
            return
        partial = output.with_name(output.name + ".part")
        try:
            # binary COPY: text format would double the backslashes of JSON escapes
            with partial.open("w", encoding="utf-8") as fh, conn.cursor().copy(
                "copy (select g.payload::text from scout_dev.generate_transactions(%s, %s, coalesce(%s, current_date - 1)) g"
                " order by g.seq) to stdout (format binary)",
                (rows, seed_value, day),
            ) as copy:
                copy.set_types(["text"])
                for (line,) in copy.rows():
                    fh.write(line + "\n")
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
        click.echo(f"{rows} transactions written to {output}")
