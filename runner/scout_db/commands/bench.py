"""bench: time every step of the layer against its lower bound, in one run (scout_db.bench)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..bench import Bench
from ..cluster import project_home
from ..errors import expected_errors
from .common import database_option, target


@click.command()
@click.option("--rows", type=click.IntRange(min=1000), default=1_000_000, show_default=True,
              help="Transactions to generate and load.")
@click.option("--delta", type=click.IntRange(min=1), default=None,
              help="New rows for the hourly run.  [default: 1% of --rows]")
@click.option("--corrections", type=click.IntRange(min=1), default=None,
              help="Corrections spread over all three years, for Gold.  [default: 1% of --rows]")
@click.option("--rpc-seconds", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="How long the 4 RPC clients send, per batch size.")
@click.option("--seed", type=int, default=42, show_default=True, help="The generator's seed.")
@click.option("--database", "database_name", default="scout_bench", show_default=True,
              help="The database the bench creates (dropping it first) on the server.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the figures as JSON here.  [default: .scout/bench/bench-<rows>.json]")
@click.option("--search", is_flag=True,
              help="Only semantic search: embedding rate and top-10 latency at --rows sentences (pgvector HNSW where "
                   "the server has it, else real[]), against full text. Database scout_search_bench.")
@click.option("--sample", type=click.IntRange(min=100), default=2000, show_default=True,
              help="With --search: sentences embedded by the model (the rest get vectors near them).")
@database_option
@expected_errors
def bench(rows: int, delta: int | None, corrections: int | None, rpc_seconds: float, seed: int,
          database_name: str, out: Path | None, search: bool, sample: int) -> None:
    """Measure the layer against lower bounds measured in the same run.

    Creates a fresh database (--database, on the server of --database-url or the
    private cluster), generates --rows transactions as NDJSON (cached in
    .scout/bench), and times: the bulk load against a plain COPY, the full Silver
    and Gold refreshes and Platinum against hand-written statements (bench/reference,
    checked to give the same rows), the hourly run after --delta new rows and with
    nothing new, Gold after --corrections spread over three years, the ingest RPC from
    4 clients, and the dashboard queries. Prints the figures and the targets; writes
    them, with the machine and the server's settings, as JSON.
    """
    console = Console(stderr=True)
    where = target()
    files = project_home() / "bench"
    if search:
        from ..search_bench import SearchBench

        runner = SearchBench(server=where, database="scout_search_bench" if database_name == "scout_bench"
                             else database_name, rows=rows, sample=sample, seed=seed,
                             progress=lambda m: console.print(f"{time.strftime('%H:%M:%S')} {m}", highlight=False))
        result = runner.run()
        out = out or files / f"bench-search-{rows}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2, default=str) + "\n")
        click.echo(f"{result['path']}, {result['sentences']:,} sentences, PostgreSQL {result['postgres']}"
                   + (f", pgvector {result['pgvector']}" if result["pgvector"] else ""))
        click.echo(f"embedding: {result['embedding']['sentences_per_second']:,} sentences/s "
                   f"({result['embedding']['sentences']:,} in {result['embedding']['seconds']} s, {MODEL_NOTE})")
        for name, key in (("semantic top 10", "top10_semantic_ms"), ("full text top 10", "top10_full_text_ms")):
            click.echo(f"{name}: p50 {result[key]['p50']} ms, p95 {result[key]['p95']} ms ({result[key]['calls']} calls)")
        click.echo(f"figures written to {out}")
        return
    runner = Bench(server=where, database=database_name, rows=rows, delta=delta or max(1, rows // 100),
                   corrections=corrections or max(1, rows // 100), rpc_seconds=rpc_seconds, seed=seed, files=files)
    if console.is_terminal:
        with console.status("starting") as status:
            runner.progress = lambda message: status.update(message)
            result = runner.run()
    else:  # a log: one line per step, with the time it started
        runner.progress = lambda message: console.print(f"{time.strftime('%H:%M:%S')} {message}", highlight=False)
        result = runner.run()
    out = out or files / f"bench-{rows}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    render(result, Console())
    click.echo(f"figures written to {out}")
    if not all(c["ok"] for c in result["checks"].values()):
        raise click.ClickException("a bound did not produce the same rows as the layer: the figures compare "
                                   "different work (see checks in the JSON)")


MODEL_NOTE = "all-MiniLM-L6-v2 on the CPU"


def render(result: dict, console: Console) -> None:
    steps = Table(title=f"scout-db bench: {result['rows']:,} rows on {result['server']} "
                        f"(PostgreSQL {result['postgres']['settings'].get('server_version')}, "
                        f"{result['machine']['cores']} cores)")
    steps.add_column("step")
    steps.add_column("seconds", justify="right")
    steps.add_column("what")
    for name, step in result["steps"].items():
        extra = ""
        if "rows_per_second" in step:
            extra = f" — {step['rows_per_second']:,} rows/s, p95 {step['p95_ms']} ms"
        elif "median_without_policies_ms" in step:
            extra = (f" — median {step['median_in_server_ms']} ms in the server with the policies, "
                     f"{step['median_without_policies_ms']} ms without")
        elif "median_in_server_ms" in step:
            extra = f" — median {step['median_in_server_ms']} ms in the server, {step['median_round_trip_ms']} ms round trip"
        elif "peak_rss_mb" in step:
            extra = f" — peak RSS {step['peak_rss_mb']} MB"
        steps.add_row(name, f"{step['seconds']:.3f}", step["what"] + extra)
    console.print(steps)
    ratios = Table(title="ratios")
    ratios.add_column("measure")
    ratios.add_column("ratio", justify="right")
    for name, value in result["ratios"].items():
        ratios.add_row(name, f"{value:.2f}")
    console.print(ratios)
    targets = Table(title="targets")
    for column in ("target", "value", "limit", "met"):
        targets.add_column(column, justify="right" if column != "target" else "left")
    for name, t in result["targets"].items():
        targets.add_row(name, f"{t['value']}", f"{t['limit']} {t['unit']}", "yes" if t["met"] else "[bold]no[/bold]")
    console.print(targets)
    failed = [name for name, c in result["checks"].items() if not c["ok"]]
    console.print(f"checks: {len(result['checks']) - len(failed)} of {len(result['checks'])} hold"
                  + (f"; failing: {', '.join(failed)}" if failed else ""))
