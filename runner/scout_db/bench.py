"""`scout-db bench`: every step of the layer against a lower bound measured in the same run.

Python only drives and times; what is measured is SQL (the layer's functions, and the
hand-written reference statements in bench/reference, which the bench checks produce
the same rows). Absolute seconds move with the machine; the ratios to bounds measured
minutes apart on the same data far less, so those are what the targets are about.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

from .config import Target
from .migrations import Migrator
from .report import check_seconds

REFERENCE = Path(__file__).resolve().parent / "bench_reference"

# The server settings a figure depends on, recorded with it.
SETTINGS = ("server_version", "shared_buffers", "work_mem", "maintenance_work_mem", "effective_cache_size",
            "max_wal_size", "checkpoint_timeout", "wal_level", "wal_compression", "synchronous_commit",
            "max_worker_processes", "max_parallel_workers", "max_parallel_workers_per_gather",
            "max_parallel_maintenance_workers", "random_page_cost", "jit")

# Each ratio: the steps summed on top, by the steps summed below (its name says so).
RATIOS = (
    (("bronze_ingest",), ("bronze_copy_unlogged",)),
    (("bronze_ingest",), ("bronze_copy_logged",)),
    (("silver_full",), ("silver_bound",)),
    (("gold_full",), ("gold_bound",)),
    (("silver_full", "gold_full"), ("silver_bound", "gold_bound")),
    (("platinum_full",), ("platinum_bound",)),
    (("hourly",), ("hourly_bound",)),
    (("dq_full",), ("dq_bound",)),
    (("dq_after_hourly",), ("dq_bound",)),
    (("end_to_end",), ("end_to_end_bound",)),
    (("mart_full",), ("mart_bound",)),
    (("bronze_purge_months",), ("bronze_purge_rows",)),
)
RATIO_TARGETS = (  # (target name, the ratio, its limit)
    ("bulk_ingest", "bronze_ingest / bronze_copy_unlogged", 1.5),
    ("full_silver_gold", "(silver_full + gold_full) / (silver_bound + gold_bound)", 1.1),
    ("platinum", "platinum_full / platinum_bound", 1.0),
    ("dq_after_hourly", "dq_after_hourly / dq_bound", 0.5),
)
ABSOLUTE_TARGETS = (  # (target name, step, limit in seconds)
    ("platinum_unchanged", "platinum_unchanged", 0.05),
    ("hourly", "hourly", 0.5),
    ("hourly_nothing_new", "hourly_nothing_new", 0.05),
    ("gold_after_spread_corrections", "gold_corrections", 1.0),
    ("dq_nothing_new", "dq_nothing_new", 1.0),
)

# A store manager's reads (a member of ST-001 only): each is timed as that user, with the
# store-scoped policies on, and as the owner without them, the owner's query naming the
# store where the user's relies on the policy alone (the same rows either way).
STORE_SCOPE_QUERIES = {  # name: (the user's query, the same rows without the policies)
    # the store's dashboard: a year by month and category, and the last 30 days
    "store_dashboard": (
        "select date_trunc('month', sales_date) as month, category, sum(total_amount), sum(transaction_count) "
        "from scout.gold_store_daily_sales where store_id = 'ST-001' and sales_date >= current_date - 365 "
        "group by 1, 2 order by 1, 2",) * 2,
    "store_last_30_days": (
        "select sales_date, category, total_amount, transaction_count from scout.gold_store_daily_sales "
        "where store_id = 'ST-001' and sales_date >= current_date - 30 order by sales_date, category",) * 2,
    # Platinum: the store's latest sentences, and all of its rows with no store named (the policy alone)
    "platinum_latest": (
        "select transaction_id, text from scout.platinum_transaction_embeddings "
        "where store_id = 'ST-001' order by transaction_date desc, transaction_id limit 50",) * 2,
    "platinum_own_rows": (
        "select count(*), sum(length(text)) from scout.platinum_transaction_embeddings",
        "select count(*), sum(length(text)) from scout.platinum_transaction_embeddings where store_id = 'ST-001'"),
}
STORE_MEMBER_CLAIMS = '{"role": "authenticated", "sub": "00000000-0000-0000-0000-000000000001", ' \
                      '"app_metadata": {"store_ids": ["ST-001"]}}'

DASHBOARD_QUERIES = {
    # the Superset query of the README this layer replaces
    "superset_last_12_months": """SELECT month, category, total_amount, mom_growth_pct FROM scout.gold_monthly_summary
        WHERE month >= DATE_TRUNC('month', CURRENT_DATE - INTERVAL '12 months') ORDER BY month DESC, total_amount DESC""",
    # what PostgREST sends for GET /gold_monthly_summary?month=eq.…
    "postgrest_one_month": "select * from scout.gold_monthly_summary where month = date_trunc('month', current_date - 31)",
}


def reference(name: str) -> str:
    return (REFERENCE / f"{name}.sql").read_text()


@dataclass
class Bench:
    server: Target
    database: str
    rows: int
    delta: int
    corrections: int
    rpc_seconds: float
    seed: int
    files: Path
    progress: Callable[[str], None] = lambda _msg: None
    steps: dict = field(default_factory=dict)
    checks: dict = field(default_factory=dict)
    info: dict = field(default_factory=dict)

    # -- plumbing -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return urlsplit(self.server.url)._replace(path="/" + self.database).geturl()

    def connect(self, **kwargs) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True, **kwargs)

    @contextmanager
    def step(self, name: str, what: str, **extra) -> Iterator[dict]:
        self.progress(f"{name}: {what}")
        record = {"what": what, **extra}
        started = time.perf_counter()
        yield record
        record["seconds"] = round(time.perf_counter() - started, 4)
        self.steps[name] = record

    def repeated(self, conn: psycopg.Connection, name: str, what: str, statement: str, times: int = 5) -> None:
        """A step that should cost milliseconds, run several times: one slow call (a
        checkpoint, autovacuum next door) says little. seconds is the median."""
        self.progress(f"{name}: {what}")
        runs = []
        for _ in range(times):
            started = time.perf_counter()
            result = conn.execute(statement).fetchone()[0]
            runs.append(round(time.perf_counter() - started, 4))
        self.steps[name] = {"what": f"{what} (median of {times} calls)", "seconds": statistics.median(runs),
                            "runs": runs, "result": result}

    def check(self, name: str, ok: bool, detail: str) -> None:
        self.checks[name] = {"ok": bool(ok), "detail": detail}

    def differences(self, conn: psycopg.Connection, left: str, right: str, columns: str) -> int:
        """Rows in one relation and not the other, both ways (the same rows means 0)."""
        return conn.execute(f"""
            select (select count(*) from (select {columns} from {left} except all select {columns} from {right}) a)
                 + (select count(*) from (select {columns} from {right} except all select {columns} from {left}) b)
        """).fetchone()[0]

    # -- the run --------------------------------------------------------------------------

    def run(self) -> dict:
        self.prepare()
        self.bronze()
        self.silver()
        self.gold()
        self.platinum()
        self.quality()
        self.hourly()
        self.corrections_spread()
        self.rpc()
        self.dashboard()
        self.store_scope()
        self.marts()
        self.purge()
        return self.report()

    def prepare(self) -> None:
        self.progress(f"creating database {self.database} and migrating it")
        with psycopg.connect(self.server.url, autocommit=True) as conn:
            conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(self.database)))
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(self.database)))
        Migrator(Target(self.url, "scout-db bench")).migrate()
        with self.connect() as conn:
            conn.execute("select scout_dev.seed_stores()")  # the generator's 50 stores, as the demo has them
            settings = dict(conn.execute("select name, setting || coalesce(unit, '') from pg_settings "
                                         "where name = any(%s)", (list(SETTINGS),)).fetchall())
            self.info["postgres"] = {"version": conn.execute("select version()").fetchone()[0], "settings": settings}
            self.today = conn.execute(
                "select (now() at time zone (scout_internal.setting('business_time_zone') #>> '{}'))::date").fetchone()[0]
        self.info["machine"] = machine()
        self.files.mkdir(parents=True, exist_ok=True)
        self.data = self.files / f"transactions-{self.rows}-{self.seed}-{self.today}.ndjson"
        if not self.data.exists():
            with self.connect() as conn, self.step("generate", f"{self.rows:,} transactions to {self.data.name}"):
                partial = self.data.with_name(self.data.name + ".part")
                with partial.open("w", encoding="utf-8") as fh, conn.cursor().copy(
                        "copy (select g.payload::text from scout_dev.generate_transactions(%s, %s, %s) g "
                        "order by g.seq) to stdout (format binary)", (self.rows, self.seed, self.today)) as copy:
                    copy.set_types(["text"])
                    for (line,) in copy.rows():
                        fh.write(line + "\n")
                partial.replace(self.data)
        self.info["file"] = {"path": str(self.data), "rows": self.rows, "bytes": self.data.stat().st_size}

    def copy_file(self, conn: psycopg.Connection, table: str, column: str) -> None:
        with conn.cursor().copy(f"copy {table} ({column}) from stdin") as copy, self.data.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                copy.write(chunk)

    def bronze(self) -> None:
        with self.connect() as conn:
            conn.execute("create unlogged table bench_copy_unlogged (doc jsonb)")
            with self.step("bronze_copy_unlogged", "bound: client COPY of the file into an UNLOGGED one-jsonb table"):
                self.copy_file(conn, "bench_copy_unlogged", "doc")
            conn.execute("drop table bench_copy_unlogged")
            conn.execute("create table bench_copy_logged (doc jsonb)")
            with self.step("bronze_copy_logged", "reference: the same COPY into a logged one-jsonb table (the WAL's share)"):
                self.copy_file(conn, "bench_copy_logged", "doc")
            conn.execute("drop table bench_copy_logged")
            conn.execute("checkpoint")
        with self.step("bronze_ingest", "scout-db ingest of the file (a child process; its peak RSS)") as record, \
                tempfile.TemporaryFile() as output:
            proc = subprocess.Popen([sys.executable, "-m", "scout_db.cli", "--database-url", self.url, "ingest",
                                     "--kind", "transactions", "--source", "bench", str(self.data)],
                                    stdout=output, stderr=output)
            _, status, usage = os.wait4(proc.pid, 0)  # wait4, not wait: it returns the child's peak RSS
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                output.seek(0)
                raise RuntimeError(f"scout-db ingest failed ({proc.returncode}): {output.read().decode().strip()}")
            record["peak_rss_mb"] = usage.ru_maxrss // 1024
        with self.connect() as conn:
            loaded = conn.execute("select count(*) from scout.bronze_transactions").fetchone()[0]
            self.steps["bronze_ingest"]["rows"] = loaded
            self.check("ingest_loaded_every_line", loaded == self.rows, f"{loaded:,} Bronze rows from {self.rows:,} lines")
            conn.execute("insert into scout.bronze_products (raw_data, source) "
                         "select g.payload, 'bench' from scout_dev.generate_products(%s) g", (self.seed,))
            conn.execute("vacuum analyze scout.bronze_transactions, scout.bronze_products")

    def silver(self) -> None:
        with self.connect() as conn:
            conn.execute("create table bench_silver (like scout.silver_validated_transactions including all)")
            conn.execute("checkpoint")
        statement = reference("silver_transactions")
        errors: list[BaseException] = []

        def part(k: int, start: threading.Barrier) -> None:
            try:
                with self.connect() as conn:
                    start.wait()
                    conn.execute(statement, {"part": k, "parts": 2, "today": self.today})
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                start.abort()

        start = threading.Barrier(3)
        workers = [threading.Thread(target=part, args=(k, start)) for k in range(2)]
        for worker in workers:
            worker.start()
        with self.step("silver_bound", "bound: the hand-written INSERT … SELECT DISTINCT ON, two sessions on half the keys each"):
            start.wait()
            for worker in workers:
                worker.join()
        if errors:
            raise errors[0]
        with self.connect() as conn:
            conn.execute("checkpoint")
            with self.step("silver_full", "scout.refresh_silver() over the whole of Bronze") as record:
                record["result"] = conn.execute("select scout.refresh_silver()").fetchone()[0]
            different = self.differences(conn, "bench_silver", "scout.silver_validated_transactions",
                                         "transaction_id, bronze_id, transaction_date, amount, category, customer_id")
            silver = conn.execute("select count(*) from scout.silver_validated_transactions").fetchone()[0]
            self.steps["silver_full"]["rows"] = silver
            self.check("silver_same_rows_as_bound", different == 0,
                       f"{silver:,} Silver rows; {different} differ from the hand-written statement's")
            conn.execute("vacuum analyze scout.silver_validated_transactions, bench_silver")

    def gold(self) -> None:
        with self.connect() as conn:
            with self.step("gold_bound", "bound: one hand-written statement per Gold mart from Silver"):
                conn.execute(reference("gold_monthly_summary"))
                conn.execute(reference("gold_category_trends"))
                conn.execute(reference("gold_store_daily_sales"))
            with self.step("gold_full", "scout.refresh_gold() after the first load (every day queued)") as record:
                record["result"] = conn.execute("select scout.refresh_gold()").fetchone()[0]
            self.compare_gold(conn, "gold_same_rows_as_bound")
            conn.execute("drop table bench_gold_monthly, bench_gold_weekly, bench_gold_store_daily")

    def compare_gold(self, conn: psycopg.Connection, name: str) -> None:
        monthly = self.differences(conn, "bench_gold_monthly", "scout.gold_monthly_summary",
                                   "month, category, total_amount, transaction_count, avg_amount, total_quantity, "
                                   "unique_customers, mom_growth_pct, yoy_growth_pct, moving_avg_3m, is_complete, "
                                   "mtd_growth_pct")
        weekly = self.differences(conn, "bench_gold_weekly", "scout.gold_category_trends",
                                  "week_start, category, total_amount, transaction_count, moving_avg_4w, "
                                  "baseline_mean, baseline_stddev, z_score, is_anomaly, is_complete")
        stores = self.differences(conn, "bench_gold_store_daily", "scout.gold_store_daily_sales",
                                  "store_id, sales_date, category, total_amount, transaction_count, customer_count, "
                                  "total_quantity, is_complete")
        rows = conn.execute("select (select count(*) from scout.gold_monthly_summary), "
                            "(select count(*) from scout.gold_category_trends), "
                            "(select count(*) from scout.gold_store_daily_sales)").fetchone()
        self.check(name, monthly == 0 and weekly == 0 and stores == 0,
                   f"{rows[0]} monthly, {rows[1]} weekly and {rows[2]} store-day rows; {monthly}, {weekly} and "
                   f"{stores} differ from the bound's")

    def platinum(self) -> None:
        with self.connect() as conn:
            basket_max, min_co_occurrence = conn.execute(
                "select scout_internal.setting('recommendation_basket_max_skus')::int, "
                "scout_internal.setting('min_co_occurrence')::int").fetchone()
            with self.step("platinum_bound", "bound: one CREATE TABLE AS per Platinum table"):
                conn.execute(reference("platinum_transaction_embeddings"))
                conn.execute(reference("platinum_product_recommendations"),
                             {"basket_max": basket_max, "min_co_occurrence": min_co_occurrence})
            with self.step("platinum_full", "scout.refresh_platinum() after the first load") as record:
                record["result"] = conn.execute("select scout.refresh_platinum()").fetchone()[0]
            embeddings = self.differences(conn, "bench_platinum_embeddings", "scout.platinum_transaction_embeddings",
                                          "transaction_id, text, metadata, transaction_date")
            recommendations = self.differences(conn, "bench_platinum_recommendations",
                                               "scout.platinum_product_recommendations",
                                               "sku, recommended_sku, co_occurrence, support, confidence, lift, rank")
            conn.execute("drop table bench_platinum_embeddings, bench_platinum_recommendations")
            self.check("platinum_same_rows_as_bound", embeddings == 0 and recommendations == 0,
                       f"{record['result'].get('embeddings')} embeddings, {record['result'].get('recommendations')} "
                       f"recommendations; {embeddings} and {recommendations} differ from the bound's")
            self.repeated(conn, "platinum_unchanged", "scout.refresh_platinum() again, nothing changed",
                          "select scout.refresh_platinum()")

    def quality(self) -> None:
        """The data-quality run against what `dbt test` runs for the same rules."""
        with self.connect() as conn:
            with self.step("dq_bound", "bound: the dbt tests of the same rules, as dbt compiles them") as record:
                record["failures"] = conn.execute(reference("dq_dbt_tests")).fetchone()[0]
            with self.step("dq_full", "scout.run_dq_checks() after the first load") as record:
                record["result"] = conn.execute("select scout.run_dq_checks()").fetchone()[0]
            self.steps["dq_full"]["check_seconds"] = check_seconds(conn, self.steps["dq_full"]["result"]["run_id"])
            self.repeated(conn, "dq_nothing_new", "scout.run_dq_checks() again, nothing changed",
                          "select scout.run_dq_checks()")
            self.check("dq_runs_ok", all(r.get("status") == "ok" for r in
                                         (self.steps["dq_full"]["result"], self.steps["dq_nothing_new"]["result"])),
                       f"dq_full: {self.steps['dq_full']['result'].get('status')}, "
                       f"dq_nothing_new kept {self.steps['dq_nothing_new']['result'].get('kept_checks')} checks")

    def hourly(self) -> None:
        with self.connect() as conn:
            after_seq = conn.execute("select coalesce(max(ingest_seq), 0) from scout.bronze_transactions").fetchone()[0]
            # the hour's arrivals: new sales of the last week, with the generator's share of bad rows and re-sends
            conn.execute("""
                insert into scout.bronze_transactions (raw_data, source, ingestion_batch_id)
                select case when g.payload ? 'date'
                            then g.payload || jsonb_build_object('date', (%(today)s::date - 1 - (g.seq %% 7)::int)::text)
                            else g.payload end, 'bench', 'bench-hourly'
                  from scout_dev.generate_transactions(%(rows)s, %(seed)s, %(today)s::date - 1) g""",
                         {"rows": self.delta, "seed": self.seed + 1, "today": self.today})
            conn.execute("analyze scout.bronze_transactions")
            with self.step("hourly_bound", "bound: the hand-written upsert of the new rows (the Gold bound is added)"):
                conn.execute(reference("hourly_upsert"), {"after_seq": after_seq, "today": self.today})
            self.steps["hourly_bound"]["seconds"] = round(
                self.steps["hourly_bound"]["seconds"] + self.steps["gold_bound"]["seconds"], 4)
            with self.step("hourly", f"scout.run_transformations() after {self.delta:,} new rows") as record:
                record["result"] = conn.execute("select scout.run_transformations()").fetchone()[0]
            self.repeated(conn, "hourly_nothing_new", "scout.run_transformations() again, nothing new",
                          "select scout.run_transformations()")
            self.check("hourly_runs_ok", all(self.steps[s]["result"].get("status") == "ok"
                                             for s in ("hourly", "hourly_nothing_new")),
                       "; ".join(f"{s}: {self.steps[s]['result'].get('status')}" for s in ("hourly", "hourly_nothing_new")))
            with self.step("platinum_after_hourly", "scout.refresh_platinum() after the hour's rows") as record:
                record["result"] = conn.execute("select scout.refresh_platinum()").fetchone()[0]
            with self.step("dq_after_hourly", "scout.run_dq_checks() after the hour's rows") as record:
                record["result"] = conn.execute("select scout.run_dq_checks()").fetchone()[0]
            self.steps["dq_after_hourly"]["check_seconds"] = check_seconds(
                conn, self.steps["dq_after_hourly"]["result"]["run_id"])

    def corrections_spread(self) -> None:
        with self.connect() as conn:
            # corrections of sales spread evenly over all three years: every month and week changes
            conn.execute("""
                insert into scout.bronze_transactions (raw_data, source, ingestion_batch_id)
                select b.raw_data || jsonb_build_object('amount', round(s.amount * 1.1 + 1, 2)), 'bench', 'bench-corrections'
                  from (select transaction_id, amount, bronze_id from scout.silver_validated_transactions
                         order by hashtext(transaction_id) limit %s) s
                  join scout.bronze_transactions b on b.id = s.bronze_id""", (self.corrections,))
            with self.step("silver_corrections", f"scout.refresh_silver() after {self.corrections:,} corrections "
                                                 "spread over three years") as record:
                record["result"] = conn.execute("select scout.refresh_silver()").fetchone()[0]
            with self.step("gold_corrections", "scout.refresh_gold() after them") as record:
                record["result"] = conn.execute("select scout.refresh_gold()").fetchone()[0]
            conn.execute(reference("gold_monthly_summary"))
            conn.execute(reference("gold_category_trends"))
            conn.execute(reference("gold_store_daily_sales"))
            self.compare_gold(conn, "gold_after_corrections_same_rows_as_bound")
            conn.execute("drop table bench_gold_monthly, bench_gold_weekly, bench_gold_store_daily")

    def rpc(self) -> None:
        """The ingest RPC as PostgREST calls it: a transaction per request, as service_role."""
        with self.data.open(encoding="utf-8") as fh:
            sample = [json.loads(next(fh)) for _ in range(min(500, self.rows))]
        for size in (1, 500):
            self.rpc_clients(size, json.dumps(sample[:size] if size > 1 else sample[0]))

    def rpc_clients(self, size: int, batch: str, clients: int = 4) -> None:
        latencies: list[list[float]] = [[] for _ in range(clients)]
        errors: list[BaseException] = []
        start = threading.Barrier(clients + 1)
        deadline = time.perf_counter() + 3600.0  # set for real when every client is connected

        def client(i: int) -> None:
            try:
                with psycopg.connect(self.url) as conn:
                    start.wait()
                    while time.perf_counter() < deadline:
                        began = time.perf_counter()
                        with conn.transaction():
                            conn.execute("set local role service_role")
                            conn.execute("select scout.ingest_transactions(%s::jsonb, 'bench-rpc')", (batch,))
                        latencies[i].append(time.perf_counter() - began)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                start.abort()

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        with self.step(f"rpc_batch_{size}", f"scout.ingest_transactions from {clients} clients, batches of {size}, "
                                            f"{self.rpc_seconds:g} s") as record:
            deadline = time.perf_counter() + self.rpc_seconds
            start.wait()
            for thread in threads:
                thread.join()
        if errors:
            raise errors[0]
        flat = sorted(x for per_client in latencies for x in per_client)
        seconds = record["seconds"]
        record.update(calls=len(flat), rows=len(flat) * size, rows_per_second=round(len(flat) * size / seconds),
                      p50_ms=round(percentile(flat, 0.50) * 1000, 3), p95_ms=round(percentile(flat, 0.95) * 1000, 3))

    def dashboard(self, repeat: int = 200) -> None:
        with self.connect() as conn:
            conn.execute("vacuum analyze scout.gold_monthly_summary")
            conn.execute("set role authenticated")
            for name, query in DASHBOARD_QUERIES.items():
                with self.step(f"dashboard_{name}", f"{query.split()[0]} … as authenticated (RLS on), {repeat} runs") as record:
                    round_trips = []
                    for _ in range(repeat):
                        began = time.perf_counter()
                        conn.execute(query, prepare=True).fetchall()
                        round_trips.append((time.perf_counter() - began) * 1000)
                    in_server = [conn.execute("explain (analyze, format json) " + query).fetchone()[0][0]["Execution Time"]
                                 for _ in range(min(repeat, 50))]
                    record.update(median_round_trip_ms=round(statistics.median(round_trips), 3),
                                  median_in_server_ms=round(statistics.median(in_server), 3))
            conn.execute("reset role")

    def store_scope(self, repeat: int = 50) -> None:
        """What the store-scoped policies cost a store manager's reads: the median time in
        the server with them (as a member of one store) and without (as the owner)."""
        with self.connect() as conn:
            conn.execute("vacuum analyze scout.gold_store_daily_sales, scout.platinum_transaction_embeddings")
            for name, (as_member, as_owner) in STORE_SCOPE_QUERIES.items():
                with self.step(f"store_scope_{name}", f"{as_member.split(' from ')[1].split()[0]}: a member of one "
                                                      f"store with the policies, against the owner without") as record:
                    def median_ms(query: str) -> float:
                        return statistics.median(
                            conn.execute("explain (analyze, format json) " + query).fetchone()[0][0]["Execution Time"]
                            for _ in range(repeat))
                    without = median_ms(as_owner)
                    rows = conn.execute(as_owner).fetchall()
                    conn.execute("set role authenticated")
                    conn.execute("select set_config('request.jwt.claims', %s, false)", (STORE_MEMBER_CLAIMS,))
                    with_policies = median_ms(as_member)
                    same = conn.execute(as_member).fetchall() == rows
                    conn.execute("reset role")
                    record.update(median_in_server_ms=round(with_policies, 3),
                                  median_without_policies_ms=round(without, 3),
                                  ratio=round(with_policies / without, 3) if without else None)
                self.check(f"store_scope_{name}_same_rows", same and bool(rows),
                           f"the member and the owner read the same {len(rows)} rows" if same
                           else "the member's rows differ from the owner's")

    def marts(self) -> None:
        """A team's mart in one file (ip_workbench.define_mart, the example extension's
        vendor mart): its first build against a CREATE TABLE AS of its query, then an hour of
        new sales on one day, which it follows by that day alone."""
        query = reference("gold_vendor_daily_sales")
        columns = "vendor_name, sales_date, total_amount, transaction_count, total_quantity, customer_count, avg_amount"
        with self.connect() as conn:
            # Silver up to date first (the RPC steps' rows), so the bound and the build read the same Silver
            conn.execute("select scout.run_transformations()")
            with self.step("mart_bound", "bound: CREATE TABLE AS of the mart's query"):
                conn.execute(f"create table public.bench_mart_bound as {query}")
            conn.execute("""select ip_workbench.define_mart(mart => 'scout.gold_vendor_daily_sales', description => 'bench',
                grain => array['vendor_name', 'sales_date'], refresh => 'incremental', date_column => 'sales_date',
                readers => array['authenticated'], columns => %s, query => %s)""",
                         (json.dumps({c.strip(): c.strip() for c in columns.split(",")}), query))
            with self.step("mart_full", "scout.run_transformations() building the mart (nothing else new)") as record:
                record["result"] = conn.execute("select scout.run_transformations()").fetchone()[0]
            differ = self.differences(conn, "scout.gold_vendor_daily_sales", "public.bench_mart_bound", columns)
            conn.execute("""
                insert into scout.bronze_transactions (raw_data, source, ingestion_batch_id)
                select g.payload || jsonb_build_object('date', (%(today)s::date - 1)::text,
                                                       'transaction_id', 'MART-' || g.seq), 'bench', 'bench-mart-hour'
                  from scout_dev.generate_transactions(%(rows)s, %(seed)s, %(today)s::date - 1) g
                 where g.payload ? 'date'""", {"rows": self.delta, "seed": self.seed + 2, "today": self.today})
            with self.step("mart_hourly", f"scout.run_transformations() after {self.delta:,} new sales of one day, "
                                          "the mart following that day") as record:
                record["result"] = conn.execute("select scout.run_transformations()").fetchone()[0]
            marts = next(s for s in record["result"]["steps"] if s["step"] == "marts")
            record["marts_step_seconds"] = marts["seconds"]
            after = self.differences(conn, "scout.gold_vendor_daily_sales", f"({query}) q", columns)
            self.check("mart_matches_its_query", differ == 0 and after == 0,
                       f"{differ} rows differ from the bound after the build, {after} from the query after the hour")
            conn.execute("drop table public.bench_mart_bound")

    def purge(self) -> None:
        """Bronze's retention at this size: every row here arrived this month and Silver has
        judged it, so with the boundary at the month's end the month may go whole. The
        delete row by row is timed first and rolled back; then the purge as the daily job
        runs it, which drops the month's partition, is timed and kept. Last: Bronze is empty after it.
        (The RPC steps re-send a version and its correction in one batch, over and over: the
        Silver merge records the last re-send's lineage, so those rows go too.)"""
        before = "(date_trunc('month', now() at time zone 'UTC') + interval '1 month') at time zone 'UTC'"
        wal = "select pg_current_wal_insert_lsn()"
        with self.connect() as conn:
            conn.execute("select scout.run_transformations()")
            rows = conn.execute("select count(*) from scout.bronze_transactions").fetchone()[0]
            with self.step("bronze_purge_rows", f"the Bronze purge row by row: {rows:,} rows (rolled back)") as record, \
                    conn.transaction(force_rollback=True):
                start = conn.execute(wal).fetchone()[0]
                record["result"] = conn.execute(
                    f"select scout_internal.purge_processed_bronze_transactions({before}, false)").fetchone()[0]
                record["wal_mb"] = round(float(conn.execute("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), %s)",
                                                            (start,)).fetchone()[0]) / 2**20, 1)
            start = conn.execute(wal).fetchone()[0]
            with self.step("bronze_purge_months", "the Bronze purge as the job runs it: whole months dropped") as record:
                record["result"] = conn.execute(
                    f"select scout_internal.purge_processed_bronze_transactions({before})").fetchone()[0]
            record["wal_mb"] = round(float(conn.execute("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), %s)",
                                                        (start,)).fetchone()[0]) / 2**20, 1)
            left = conn.execute("select count(*) from scout.bronze_transactions").fetchone()[0]
        by_rows = int(self.steps["bronze_purge_rows"]["result"]["rows"])
        by_months = self.steps["bronze_purge_months"]["result"]
        self.check("bronze_purge_removes_the_same_rows",
                   by_rows == rows and int(by_months["rows"]) == rows and int(by_months["rows_in_months_dropped"]) == rows
                   and left == 0,
                   f"{rows:,} rows in Bronze; row by row removed {by_rows:,}, by months {by_months['rows']:,} "
                   f"({by_months['rows_in_months_dropped']:,} in {len(by_months['months_dropped'])} dropped months); "
                   f"{left:,} left")

    # -- the report -----------------------------------------------------------------------

    def seconds(self, names: str | tuple[str, ...]) -> float:
        return sum(self.steps[n]["seconds"] for n in ((names,) if isinstance(names, str) else names))

    def report(self) -> dict:
        end_to_end = ("bronze_ingest", "silver_full", "gold_full", "platinum_full")
        end_to_end_bound = ("bronze_copy_unlogged", "silver_bound", "gold_bound", "platinum_bound")
        self.steps["end_to_end"] = {"what": "file → Gold + Platinum: the sum of the four steps",
                                    "seconds": round(self.seconds(end_to_end), 4)}
        self.steps["end_to_end_bound"] = {"what": "the sum of their four bounds",
                                          "seconds": round(self.seconds(end_to_end_bound), 4)}
        ratios = {ratio_name(top, below): self.seconds(top) / self.seconds(below) for top, below in RATIOS}
        targets = {}
        for name, ratio, limit in RATIO_TARGETS:
            value = ratios[ratio]
            targets[name] = {"value": round(value, 3), "limit": limit, "unit": "ratio", "met": value <= limit}
        for name, step, limit in ABSOLUTE_TARGETS:
            value = self.seconds(step)
            targets[name] = {"value": round(value, 4), "limit": limit, "unit": "s", "met": value <= limit}
        targets["ingest_peak_rss"] = {"value": self.steps["bronze_ingest"]["peak_rss_mb"], "limit": 200, "unit": "MB",
                                      "met": self.steps["bronze_ingest"]["peak_rss_mb"] < 200}
        for name in STORE_SCOPE_QUERIES:
            ratio = self.steps[f"store_scope_{name}"]["ratio"]
            targets[f"store_scope_{name}"] = {"value": ratio, "limit": 1.2, "unit": "ratio with/without policies",
                                              "met": ratio is not None and ratio <= 1.2}
        rps = self.steps["rpc_batch_500"]["rows_per_second"]
        targets["rpc_batch_500_rows_per_second"] = {"value": rps, "limit": 50000, "unit": "rows/s, at least",
                                                    "met": rps >= 50000}
        return {"benchmark": "scout-db bench", "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "rows": self.rows, "delta": self.delta, "corrections": self.corrections, "seed": self.seed,
                "server": self.server.display, "database": self.database, **self.info,
                "steps": self.steps, "ratios": {k: round(v, 3) for k, v in ratios.items()},
                "targets": targets, "checks": self.checks}


def ratio_name(top: tuple[str, ...], below: tuple[str, ...]) -> str:
    def side(names: tuple[str, ...]) -> str:
        return names[0] if len(names) == 1 else "(" + " + ".join(names) + ")"

    return f"{side(top)} / {side(below)}"


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def machine() -> dict:
    memory_kb = 0
    model = platform.processor()
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "memory_gb": round(memory_kb / 1024 / 1024, 1), "cpu": model,
            "os": platform.platform(), "python": platform.python_version(), "today": str(date.today())}
