"""run, backfill, purge and demo: the pipeline, which is SQL; this only calls and renders it."""

from __future__ import annotations

import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import click

from .. import config
from ..errors import ScoutError, expected_errors
from ..migrations import Migrator
from ..report import render_run
from ..text import shown
from .common import connect_migrated, database_option, target
from .jobs import render_result, run_job


def _outcome(job: str, result: dict) -> None:
    if result.get("status") != "ok":
        detail = result.get("message") or result.get("reason") or ""
        step = f" in step {result['step']}" if result.get("step") else ""
        raise ScoutError(f"{job}: {result.get('status')}{step}: {detail} (run {result.get('run_id')})")


@click.command()
@click.option("--wait/--no-wait", default=True, show_default=True,
              help="Queue behind a run already under way instead of returning 'skipped'.")
@click.option("--platinum", is_flag=True, help="Rebuild Platinum too (its own job runs every 6 hours).")
@click.option("--follow", is_flag=True,
              help="Stay and bring rows to Silver as they arrive (LISTEN scout_bronze_arrived), in debounced micro-batches.")
@click.option("--debounce", type=click.FloatRange(0, 60), default=2.0, show_default=True,
              help="With --follow: wait this long for a burst of webhooks to end before one micro-batch.")
@click.option("--max-batches", type=click.IntRange(min=1), default=None, help="With --follow: stop after this many.")
@database_option
@expected_errors
def run(wait: bool, platinum: bool, follow: bool, debounce: float, max_batches: int | None) -> None:
    """Run the hourly pipeline now: scout.run_transformations().

    Prints each step with what it did and how long it took; exits 1 when the run
    failed or was skipped. The run is recorded in ip_workbench.job_runs even if
    this process is killed mid-way (it is then marked abandoned by the next run).
    With --follow it stays, and runs scout.run_micro_batch() as rows arrive.
    """
    if follow:
        _follow(debounce, max_batches)
        return
    with connect_migrated(autocommit=True) as conn:
        result = run_job(conn, "scout.run_transformations", wait, p_platinum=platinum)
    render_run(result)
    _outcome("run_transformations", result)


def _follow(debounce: float, max_batches: int | None) -> None:
    """LISTEN needs a session of its own; the micro-batches run on a second connection."""
    where = target()
    with config.connect(where, autocommit=True) as listener, config.connect(where, autocommit=True) as conn:
        listener.execute("listen scout_bronze_arrived")
        click.echo("following scout_bronze_arrived (Ctrl-C to stop)", err=True)
        batches = 0
        pending = conn.execute("select scout_internal.has_unprocessed_bronze()").fetchone()[0]
        while max_batches is None or batches < max_batches:
            if not pending:
                pending = bool(list(listener.notifies(timeout=60, stop_after=1)))
                continue
            # a burst of webhooks costs one micro-batch: wait until it has been quiet for `debounce`
            started = time.monotonic()
            while time.monotonic() - started < 10 and list(listener.notifies(timeout=debounce, stop_after=1)):
                pass
            result = conn.execute("select scout.run_micro_batch(true)").fetchone()[0]
            pending = False
            if result.get("status") == "ok":
                batches += 1
                click.echo(f"micro-batch: {result['processed']} rows to Silver in {result['seconds']:.2f} s "
                           f"(run {result['run_id']})")
            elif result.get("status") == "failed":
                click.echo(f"scout-db: micro-batch failed: {result.get('message')}", err=True)


@click.command()
@click.option("--from", "from_date", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="First payload date to re-judge (YYYY-MM-DD).")
@click.option("--to", "to_date", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="Last payload date to re-judge (YYYY-MM-DD).")
@database_option
@expected_errors
def backfill(from_date: datetime, to_date: datetime) -> None:
    """Re-judge the Bronze transactions dated in a range with today's rules
    (e.g. after adding a category to scout.ref_categories) and refresh the marts
    they touch: scout.backfill(from, to). Safe to run twice."""
    if from_date > to_date:
        raise click.UsageError("--from must not be after --to")
    with connect_migrated(autocommit=True) as conn:
        result = run_job(conn, "scout.backfill", True, from_date=from_date.date(), to_date=to_date.date())
    if result.get("status") == "ok":
        click.echo(f"backfill {from_date:%Y-%m-%d}..{to_date:%Y-%m-%d}: {result['keys']} keys, {result['versions']} "
                   f"versions re-judged; Silver {result['inserted']} inserted, {result['updated']} updated, "
                   f"{result['deleted']} removed; {result['rejected']} newly rejected, {result['unrejected']} "
                   f"no longer rejected; Gold {result['gold']['changed_days']} days recomputed "
                   f"({result['seconds']:.2f} s)")
    _outcome("backfill", result)


@click.command()
@database_option
@expected_errors
def purge() -> None:
    """Apply each layer's retention now: scout.purge_expired()."""
    with connect_migrated(autocommit=True) as conn:
        result = run_job(conn, "scout.purge_expired", True)
    if result.get("status") == "ok":
        deleted = ", ".join(f"{table} {n}" for table, n in result["deleted"].items() if n) or "nothing"
        click.echo(f"purge_expired: deleted {deleted} (Bronze before {result['bronze_before'][:10]}, Silver before "
                   f"{result['silver_before']}, Gold before {result['gold_before']})")
    else:
        click.echo(render_result("purge_expired", result))
    _outcome("purge_expired", result)


def _write_generated(conn, query: str, params: tuple, path: Path) -> None:
    """A generator's payloads as NDJSON (binary COPY: text would double JSON's backslashes)."""
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8") as fh, conn.cursor().copy(query, params) as copy:
            copy.set_types(["text"])
            for (line,) in copy.rows():
                fh.write(line + "\n")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)



@contextmanager
def _step(title: str):
    """One demo step: its title, a spinner while it works (on a terminal), and how long it took."""
    from rich.console import Console

    click.echo(title)
    console = Console(stderr=True)
    started = time.monotonic()
    if console.is_terminal:
        with console.status(title.split(" ", 1)[1] + " …"):
            yield
    else:
        yield
    click.echo(f"    done in {time.monotonic() - started:.1f} s")

@click.command()
@click.option("--rows", type=click.IntRange(min=100), default=200_000, show_default=True,
              help="Transactions to generate (with their products, bad rows, re-sends and corrections).")
@database_option
@expected_errors
def demo(rows: int) -> None:
    """The whole layer on realistic data, from an empty machine to what it is for.

    Migrates (starting the private cluster unless a database is configured),
    generates transactions and products as files, loads them with scout-db ingest
    (the path users take), runs the hourly pipeline with Platinum and the
    data-quality checks, then shows the marts, anomalies, recommendations and
    scores. Running it again reuses the files and the loaded data.
    """
    from ..cluster import project_home
    from ..html_report import render_html
    from ..ingest import load_file
    from ..report import render_rows
    from .dq import report_data

    where = target()
    started = time.monotonic()
    with _step(f"1/6 migrating {where.display}"):
        Migrator(where).migrate()
    folder = project_home() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    transactions = folder / f"transactions-{rows}.ndjson"
    products = folder / "products.ndjson"
    with config.connect(where, autocommit=True) as conn:
        if transactions.exists() and products.exists():
            click.echo(f"2/6 reusing the generated files in {folder}")
        else:
            with _step(f"2/6 generating {rows:,} transactions and their products in {folder}"):
                end = conn.execute("select current_date - 1").fetchone()[0]
                _write_generated(conn, "copy (select g.payload::text from scout_dev.generate_transactions(%s, 42, %s) "
                                       "g order by g.seq) to stdout (format binary)", (rows, end), transactions)
                _write_generated(conn, "copy (select g.payload::text from scout_dev.generate_products(42) g "
                                       "order by g.seq) to stdout (format binary)", (), products)
        with _step("3/6 loading them with scout-db ingest"):
            # the chain the generator sells in: its 50 stores, for the store mart and store scope
            conn.execute("select scout_dev.seed_stores()")
            for path, kind in ((products, "products"), (transactions, "transactions")):
                loaded = load_file(conn, path, kind, "demo", False)
                click.echo(f"    {path.name}: " + ("already loaded, reused" if loaded.status == "skipped" else
                                                    f"{loaded.rows_loaded:,} rows, {loaded.lines_rejected} unparseable"
                                                    if loaded.status == "loaded" else f"failed: {loaded.error}"))
        with _step("4/6 running the pipeline (scout.run_transformations with Platinum)"):
            result = run_job(conn, "scout.run_transformations", True, p_platinum=True)
        render_run(result)
        _outcome("run_transformations", result)
        with _step("5/6 checking data quality (scout.run_dq_checks)"):
            dq = run_job(conn, "scout.run_dq_checks", True)
        _outcome("run_dq_checks", dq)
        with _step("6/6 embedding Platinum's sentences for semantic search (scout-db embed)"):
            from ..embedding import MODEL_NAME, embed_pending, make_current
            from ..embedding import search as nearest

            make_current(conn)
            embedded = embed_pending(conn)
            click.echo(f"    {embedded.embedded:,} sentences embedded with {MODEL_NAME} "
                       f"({embedded.rows_per_second:.0f}/s); unchanged ones keep their vectors on a second run")

        # the headline: what these numbers are about
        sold = conn.execute("""
            select count(*), min(transaction_date), max(transaction_date), count(distinct store_id),
                   count(distinct customer_id), sum(amount)
              from scout.silver_validated_transactions""").fetchone()
        if sold[0]:
            click.echo(f"\n{sold[0]:,} valid sales from {sold[1]} to {sold[2]} in {sold[3]} stores, "
                       f"{sold[4]:,} customers, {sold[5]:,.2f} in total")
        render_rows(["layer", "table", "rows"], conn.execute(
            "select layer, table_name, row_count from ip_workbench.layer_status "
            "where layer in ('bronze', 'silver', 'gold', 'platinum')").fetchall(), title="rows per layer")
        render_rows(["reason", "rejected rows"], conn.execute(
            "select r, count(*) from scout.silver_rejected_transactions, unnest(reasons) r group by r order by 2 desc"
        ).fetchall(), title="why Silver rejected what it rejected")
        render_rows(["month", "category", "total", "transactions", "MoM %", "YoY %", "month to date %"],
                    conn.execute("""
            select case when m.is_complete then m.month::text else m.month || ' (running)' end, m.category,
                   m.total_amount, m.transaction_count, m.mom_growth_pct, m.yoy_growth_pct, m.mtd_growth_pct
              from scout.gold_monthly_summary m
             where m.category in (select category from scout.gold_monthly_summary group by 1
                                   order by sum(total_amount) desc limit 3)
               and m.month >= (select max(month) from scout.gold_monthly_summary) - interval '2 months'
             order by m.month desc, m.total_amount desc""").fetchall(),
            title="gold_monthly_summary: the last 3 months of the top 3 categories (a running month is "
                  "compared month to date, against the same first days of the month before)")
        render_rows(["week", "category", "direction", "total", "expected"], conn.execute("""
            select week_start, category, direction, total_amount, round(expected_amount, 2)
              from scout.gold_sales_anomalies order by week_start desc, category limit 5""").fetchall(),
            title="gold_sales_anomalies: the latest weeks that page (not the 2-sigma highlights)")
        render_rows(["product", "recommended with it", "baskets with both", "lift"], conn.execute("""
            select coalesce(p.name || ' (' || r.sku || ')', r.sku), coalesce(q.name || ' (' || r.recommended_sku || ')',
                   r.recommended_sku), r.co_occurrence, round(r.lift, 2)
              from scout.platinum_product_recommendations r
              left join scout.silver_products p on p.sku = r.sku
              left join scout.silver_products q on q.sku = r.recommended_sku
             where r.rank = 1 order by r.co_occurrence desc, r.sku limit 3""").fetchall(),
            title="platinum_product_recommendations: three recommendations (pairs at least two baskets share)")
        render_rows(["similarity", "sentence"], [(f"{r['similarity']:.3f}", r["text"]) for r in
                                                 nearest(conn, "soft drinks paid with an e-wallet", 3)],
                    title='scout-db search "soft drinks paid with an e-wallet": no word of it in the sentences')
        report = folder / "dq-report.html"
        report.write_text(render_html(report_data(conn)), encoding="utf-8")
        render_rows(["table", "dq_score", "completeness", "uniqueness", "timeliness"], conn.execute(
            "select schema_name || '.' || table_name, dq_score, completeness, uniqueness, timeliness "
            "from ip_workbench.tables where dq_score is not null order by dq_score, 1").fetchall(),
            title=f"data quality ({dq['checks']} checks, {dq['failed_checks']} with failing rows, "
                  f"{dq['open_alerts']} open alerts)")
        failing = conn.execute("""
            select check_name, schema_name || '.' || table_name, failed from ip_workbench.dq_results
             where run_id = %s and failed > 0 order by failed desc, check_name""", (dq["run_id"],)).fetchall()
        for check, table, failed in failing:
            click.echo(shown(f"  failing: {check} on {table}, {failed:,} rows"))
    click.echo(f"\nThe data-quality report: {report}")
    click.echo(f"Done in {time.monotonic() - started:.0f} s. Next, try:")
    for line in ('psql "$(.venv/bin/scout-db db url)"    # then: select * from scout.gold_monthly_summary limit 5;',
                 ".venv/bin/scout-db jobs list            # the schedules and their last runs",
                 ".venv/bin/scout-db dq report            # scores, alerts, failing checks",
                 ".venv/bin/scout-db check                # the validation cycle",
                 '.venv/bin/scout-db search "cola"        # semantic search over Platinum',
                 ".venv/bin/scout-db docs                 # the data catalog, from the database"):
        click.echo(f"  {line}")
