"""Bronze ingestion and Silver refresh against lower bounds measured in the same run.

    .venv/bin/python bench/bench_bronze_silver.py --rows 1000000

Uses the project's private cluster (or --database-url), in a fresh database
`scout_bench` that it drops first. Every figure is a ratio to a lower bound
measured on the same machine, minutes apart: the absolute seconds depend on the
machine, the ratios much less. Results go to bench/out/bronze_silver.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SCOUT_DB = [sys.executable, "-m", "scout_db.cli"]


@contextmanager
def timed(results: dict, name: str):
    started = time.perf_counter()
    yield
    results[name] = round(time.perf_counter() - started, 3)
    print(f"  {name:<28} {results[name]:>9.3f} s", flush=True)


def run_scout(url: str, *args: str) -> tuple[float, int, str]:
    """Run scout-db; return wall seconds, peak RSS in MB, stdout."""
    started = time.perf_counter()
    proc = subprocess.Popen([*SCOUT_DB, "--database-url", url, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 4):
        raise SystemExit(f"scout-db {' '.join(args)} failed: {err}")
    return seconds, usage.ru_maxrss // 1024, out


def fresh_database(server_url: str, name: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"drop database if exists {name} with (force)")
        conn.execute(f"create database {name}")
    return urlsplit(server_url)._replace(path="/" + name).geturl()


def data_file(url: str, rows: int, seed: int, end: date) -> Path:
    path = OUT / f"transactions-{rows}-{seed}-{end}.ndjson"
    if not path.exists():
        print(f"generating {path.name} …", flush=True)
        run_scout(url, "seed", "--rows", str(rows), "--seed", str(seed), "--end-date", str(end), "--output", str(path))
    return path


def copy_file(conn: psycopg.Connection, table: str, column: str, path: Path) -> None:
    with conn.cursor().copy(f"copy {table} ({column}) from stdin") as copy, path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            copy.write(chunk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--new-rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--database-url", help="a server to use instead of the private cluster (its postgres database)")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    if args.database_url:
        server = args.database_url
    else:
        from scout_db.cluster import Cluster, project_home

        server = Cluster(project_home(ROOT)).up()
    url = fresh_database(server, "scout_bench")
    subprocess.run([*SCOUT_DB, "--database-url", url, "migrate"], check=True, capture_output=True)
    end = date(2026, 11, 25) if args.seed == 42 else date.today() - timedelta(days=1)
    path = data_file(url, args.rows, args.seed, end)
    size_mb = path.stat().st_size / 1e6
    results: dict = {"rows": args.rows, "file_mb": round(size_mb, 1), "new_rows": args.new_rows,
                     "postgres": None, "cpus": os.cpu_count()}
    print(f"{args.rows:,} transactions, {size_mb:.0f} MB of NDJSON", flush=True)

    with psycopg.connect(url, autocommit=True) as conn:
        results["postgres"] = conn.execute("show server_version").fetchone()[0]
        # lower bounds for ingest
        conn.execute("create unlogged table bench_copy_unlogged (doc jsonb)")
        with timed(results, "copy_unlogged_jsonb"):
            copy_file(conn, "bench_copy_unlogged", "doc", path)
        conn.execute("create table bench_copy_bronze_like (like scout.bronze_transactions including all)")
        with timed(results, "copy_into_bronze_like_table"):
            copy_file(conn, "bench_copy_bronze_like", "raw_data", path)
        conn.execute("drop table bench_copy_unlogged, bench_copy_bronze_like")
        conn.execute("checkpoint")

    seconds, rss_mb, out = run_scout(url, "ingest", "--kind", "transactions", "--source", "bench", str(path))
    results["scout_db_ingest"] = round(seconds, 3)
    results["scout_db_ingest_peak_rss_mb"] = rss_mb
    print(f"  {'scout_db_ingest':<28} {seconds:>9.3f} s  (peak RSS {rss_mb} MB)", flush=True)

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("vacuum (analyze) scout.bronze_transactions")
        conn.execute("create table bench_baseline (like scout.silver_validated_transactions including all)")
        # The single hand-written statement applying the same rules: what a careful
        # engineer writes without this project (PostgreSQL runs it on one core).
        with timed(results, "baseline_insert_select"):
            conn.execute("""
                insert into bench_baseline (
                    transaction_id, transaction_date, amount, currency, category, subcategory, store_id, vendor_name,
                    vendor_id, customer_id, sku, quantity, tax_amount, payment_method, description, attributes,
                    bronze_id, bronze_seq, source, ingestion_batch_id, ingested_at)
                select distinct on (p.transaction_id)
                       p.transaction_id, p.transaction_date, p.amount, p.currency, p.category, p.subcategory,
                       p.store_id, p.vendor_name, p.vendor_id, p.customer_id, p.sku, p.quantity, p.tax_amount,
                       p.payment_method, p.description, p.attributes,
                       b.id, b.ingest_seq, b.source, b.ingestion_batch_id, b.ingested_at
                  from scout.bronze_transactions b
                 cross join lateral scout_internal.parse_transaction_payload(
                     b.raw_data, current_date, now(), (current_date - interval '20 years')::date) p
                 where pg_catalog.cardinality(p.reasons) = 0
                 order by p.transaction_id, b.ingest_seq desc""")
        baseline_rows = conn.execute("select count(*) from bench_baseline").fetchone()[0]
        conn.execute("drop table bench_baseline")
        conn.execute("checkpoint")

        with timed(results, "refresh_silver_full"):
            full = conn.execute("select scout.refresh_silver()").fetchone()[0]
        silver_rows = conn.execute("select count(*) from scout.silver_validated_transactions").fetchone()[0]
        if silver_rows != baseline_rows:
            raise SystemExit(f"refresh_silver made {silver_rows} rows, the baseline {baseline_rows}: not the same work")
        results["silver_rows"] = silver_rows
        results["refresh_full_counts"] = full["transactions"]

        conn.execute("""insert into scout.bronze_transactions (raw_data, source, ingestion_batch_id)
                        select g.payload, 'bench', 'bench-new' from scout_dev.generate_transactions(%s, %s, %s) g""",
                     (args.new_rows, args.seed + 1, end))
        with timed(results, "refresh_silver_incremental"):
            incremental = conn.execute("select scout.refresh_silver()").fetchone()[0]
        results["refresh_incremental_counts"] = incremental["transactions"]

    ratios = {
        "ingest_vs_copy_unlogged": results["scout_db_ingest"] / results["copy_unlogged_jsonb"],
        "ingest_vs_copy_into_bronze_like_table": results["scout_db_ingest"] / results["copy_into_bronze_like_table"],
        "refresh_full_vs_baseline": results["refresh_silver_full"] / results["baseline_insert_select"],
        "refresh_incremental_vs_full": results["refresh_silver_incremental"] / results["refresh_silver_full"],
    }
    results["ratios"] = {k: round(v, 3) for k, v in ratios.items()}
    print("ratios:")
    for name, value in results["ratios"].items():
        print(f"  {name:<40} {value:>7.3f}")
    (OUT / "bronze_silver.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
