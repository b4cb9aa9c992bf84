"""embed and search: Platinum's sentences as vectors of a packaged model, and questions
asked of them (scout.match_transactions)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import click

from ..errors import ScoutError, expected_errors
from ..text import shown
from .common import connect_migrated, database_option, target


@click.command()
@click.option("--batch-size", default=256, show_default=True, type=click.IntRange(1, 10000),
              help="Sentences per transaction.")
@click.option("--follow", is_flag=True,
              help="Keep running: embed again each time Platinum is rebuilt (LISTEN scout_platinum_changed), and "
                   "every --interval seconds. Needs a direct connection, not a transaction-mode pooler.")
@click.option("--interval", default=300.0, show_default=True, help="With --follow: look anyway this often (s).")
@click.option("--timeout", type=float, default=None, help="With --follow: stop after this many seconds.")
@database_option
@expected_errors
def embed(batch_size: int, follow: bool, interval: float, timeout: float | None) -> None:
    """Embed the Platinum sentences that have no vector of the current model yet.

    Only new or changed sentences are embedded (an unchanged sentence keeps its vector
    through a Platinum rebuild); a vector of another model is replaced, and never searched
    meanwhile. The model ships in the package: nothing is downloaded.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from ..embedding import MODEL_NAME, backlog, embed_pending, make_current
    from ..embedding import follow as follow_changes

    if follow and urlsplit(target().url).port == 6543:
        raise ScoutError("--follow LISTENs, which cannot work through Supabase's transaction-mode pooler (port 6543): "
                         "use the direct connection (port 5432)")
    console = Console(stderr=True)
    with connect_migrated(autocommit=True) as conn:
        if make_current(conn):
            click.echo(f"embedding_model is now {MODEL_NAME}: the other model's vectors are re-embedded")
        if follow:
            click.echo(f"embedding Platinum as it changes ({MODEL_NAME})", err=True)

            def said(done) -> None:
                if done.embedded or done.skipped:
                    click.echo(f"{done.embedded} sentences embedded in {done.seconds:.1f} s "
                               f"({done.rows_per_second:.0f}/s)")

            for _ in follow_changes(conn, said, batch_size, interval, timeout):
                pass
            return
        waiting = backlog(conn)
        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=console, disable=not console.is_terminal,
                      transient=True) as progress:
            task = progress.add_task("embed", total=waiting)
            done = embed_pending(conn, batch_size, advance=lambda n: progress.advance(task, n))
        left = backlog(conn)
    click.echo(f"{done.embedded} sentences embedded in {done.seconds:.1f} s ({done.rows_per_second:.0f}/s) with "
               f"{MODEL_NAME}; {left} waiting")


@click.command()
@click.argument("question", required=False)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100), help="How many sentences.")
@click.option("--filter", "filter_", default=None, metavar="JSON",
              help='Only sentences whose metadata contains this, e.g. \'{"store_id": "ST-001"}\'.')
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--evaluate", is_flag=True,
              help="Instead of one question: recall@10 and MRR of the labelled questions, semantic search against "
                   "full text, over this database's Platinum.")
@database_option
@expected_errors
def search(question: str | None, limit: int, filter_: str | None, fmt: str, evaluate: bool) -> None:
    """The Platinum sentences nearest QUESTION, by meaning (scout.match_transactions).

    `scout-db search "instant noodles paid by GCash"`: the question is embedded with the
    same packaged model as the sentences; the best --limit come back with their similarity.
    """
    from ..embedding import search as nearest

    if evaluate:
        from ..search_quality import evaluate as run_evaluation
        from ..search_quality import render

        with connect_migrated(autocommit=True) as conn:
            render(run_evaluation(conn), fmt)
        return
    if not question or not question.strip():
        raise click.UsageError("give a question, e.g. scout-db search \"cola bought in Cebu\"")
    try:
        where = json.loads(filter_) if filter_ else {}
    except json.JSONDecodeError as exc:
        raise click.UsageError(f"--filter is not JSON: {exc.msg}") from None
    with connect_migrated(autocommit=True) as conn:
        if not conn.execute("select exists (select 1 from scout.platinum_transaction_embeddings "
                            "where embedding is not null)").fetchone()[0]:
            raise ScoutError("no sentence has a vector yet: run scout-db embed first")
        rows = nearest(conn, question, limit, where)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no sentence matches")
    for row in rows:
        click.echo(shown(f"{row['similarity']:.3f}  {row['transaction_id']}  {row['text']}"))
