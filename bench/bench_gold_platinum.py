"""Gold and Platinum refreshes and the dashboard queries, against lower bounds
measured in the same run.

    .venv/bin/python bench/bench_bronze_silver.py --rows 1000000   # first: fills scout_bench
    .venv/bin/python bench/bench_gold_platinum.py

Works on the `scout_bench` database the Bronze/Silver benchmark leaves behind
(1,000,000 Bronze rows, ~975,000 in Silver). Results go to bench/out/gold_platinum.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

# The single hand-written statements computing the same marts from Silver, as one
# would write them without this project (each PostgreSQL statement on one core).
BASELINE_GOLD = [
    """create temp table baseline_monthly as
       with m as (
           select date_trunc('month', transaction_date::timestamp)::date as month, category,
                  sum(amount) as total_amount, count(*) as transaction_count, sum(quantity) as total_quantity,
                  count(distinct customer_id) as unique_customers
             from scout.silver_validated_transactions group by 1, 2)
       select m.*, m.total_amount / m.transaction_count as avg_amount,
              round(100 * (m.total_amount - p.total_amount) / p.total_amount, 2) as mom_growth_pct,
              round(100 * (m.total_amount - y.total_amount) / y.total_amount, 2) as yoy_growth_pct,
              (m.total_amount + coalesce(p.total_amount, 0) + coalesce(p2.total_amount, 0))
                / least(3, 1 + (extract(year from m.month) - extract(year from min(m.month) over (partition by m.category))) * 12
                          + extract(month from m.month) - extract(month from min(m.month) over (partition by m.category))) as moving_avg_3m
         from m
         left join m p on p.category = m.category and p.month = (m.month - interval '1 month')::date
         left join m p2 on p2.category = m.category and p2.month = (m.month - interval '2 months')::date
         left join m y on y.category = m.category and y.month = (m.month - interval '1 year')::date""",
    """create temp table baseline_weekly as
       with w as (
           select date_trunc('week', transaction_date::timestamp)::date as week_start, category,
                  sum(amount) as total_amount, count(*) as transaction_count
             from scout.silver_validated_transactions group by 1, 2),
       dense as (
           select g.week_start::date as week_start, b.category, coalesce(w.total_amount, 0) as total_amount,
                  coalesce(w.transaction_count, 0) as transaction_count
             from (select category, min(week_start) as first_week, max(week_start) as last_week from w group by category) b
            cross join lateral generate_series(b.first_week, b.last_week, interval '1 week') g(week_start)
             left join w on w.category = b.category and w.week_start = g.week_start::date),
       s as (
           select d.*, avg(total_amount) over f as moving_avg_4w, avg(total_amount) over b as baseline_mean,
                  stddev_samp(total_amount) over b as baseline_stddev, count(*) over b as n
             from dense d
           window f as (partition by category order by week_start rows between 3 preceding and current row),
                  b as (partition by category order by week_start rows between 8 preceding and 1 preceding))
       select s.*, case when n >= 4 and baseline_stddev > 0 then (total_amount - baseline_mean) / baseline_stddev end as z_score
         from s""",
]
BASELINE_PLATINUM = [
    """create temp table baseline_embeddings as
       select transaction_id,
              'On ' || transaction_date || ', a ' || category || coalesce(' / ' || subcategory, '') || ' purchase of '
              || amount || ' ' || currency || coalesce(' at store ' || store_id, '') || coalesce(' from ' || vendor_name, '')
              || coalesce(', paid by ' || payment_method, '') || coalesce(': ' || description, '') || '.' as text,
              jsonb_strip_nulls(jsonb_build_object('transaction_id', transaction_id, 'transaction_date', transaction_date,
                  'amount', amount, 'currency', currency, 'category', category, 'subcategory', subcategory,
                  'store_id', store_id, 'vendor_name', vendor_name, 'vendor_id', vendor_id, 'customer_id', customer_id,
                  'sku', sku, 'quantity', quantity, 'tax_amount', tax_amount, 'payment_method', payment_method)) as metadata
         from scout.silver_validated_transactions where transaction_date >= current_date - 89""",
    """create temp table baseline_recommendations as
       with items as (select distinct customer_id, sku from scout.silver_validated_transactions
                       where transaction_date >= current_date - 89 and customer_id is not null and sku is not null),
            n as (select count(distinct customer_id)::numeric as baskets from items),
            per_sku as (select sku, count(*)::numeric as baskets from items group by sku),
            pairs as (select a.sku, b.sku as recommended_sku, count(*) as co from items a
                        join items b on a.customer_id = b.customer_id and a.sku <> b.sku group by 1, 2),
            ranked as (select p.*, p.co / n.baskets as support, p.co / sa.baskets as confidence,
                              (p.co / sa.baskets) / (sb.baskets / n.baskets) as lift,
                              row_number() over (partition by p.sku order by (p.co / sa.baskets) / (sb.baskets / n.baskets) desc,
                                                 p.co desc, p.recommended_sku) as rank
                         from pairs p cross join n join per_sku sa on sa.sku = p.sku join per_sku sb on sb.sku = p.recommended_sku)
       select * from ranked where rank <= 10""",
]
DASHBOARD_QUERIES = {
    "superset_last_12_months": """SELECT month, category, total_amount, mom_growth_pct FROM scout.gold_monthly_summary
        WHERE month >= DATE_TRUNC('month', CURRENT_DATE - INTERVAL '12 months') ORDER BY month DESC, total_amount DESC""",
    "postgrest_month_eq": "select * from scout.gold_monthly_summary where month = '2025-12-01'",
}


@contextmanager
def timed(results: dict, name: str):
    started = time.perf_counter()
    yield
    results[name] = round(time.perf_counter() - started, 3)
    print(f"  {name:<34} {results[name]:>9.3f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="the scout_bench database (default: the private cluster's)")
    parser.add_argument("--new-rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=500, help="runs of each dashboard query")
    args = parser.parse_args()
    if args.database_url:
        url = args.database_url
    else:
        from scout_db.cluster import Cluster, project_home

        server = Cluster(project_home(ROOT)).up()
        url = urlsplit(server)._replace(path="/scout_bench").geturl()
    subprocess.run([sys.executable, "-m", "scout_db.cli", "--database-url", url, "migrate"], check=True,
                   capture_output=True)
    results: dict = {}
    with psycopg.connect(url, autocommit=True) as conn:
        silver = conn.execute("select count(*) from scout.silver_validated_transactions").fetchone()[0]
        if silver < 100_000:
            raise SystemExit(f"scout_bench has {silver} Silver rows: run bench/bench_bronze_silver.py first")
        results["silver_rows"] = silver
        print(f"{silver:,} Silver rows", flush=True)

        # Gold from scratch: every Silver day queued, as after a first load.
        conn.execute("truncate scout.gold_pending_days, scout.gold_monthly_category_totals, "
                     "scout.gold_weekly_category_totals, scout.gold_monthly_summary, scout.gold_category_trends")
        conn.execute("insert into scout.gold_pending_days (category, day) select distinct category, transaction_date "
                     "from scout.silver_validated_transactions")
        conn.execute("vacuum analyze scout.gold_pending_days")
        with timed(results, "baseline_gold_single_statements"), conn.transaction():
            for statement in BASELINE_GOLD:
                conn.execute(statement)
            conn.execute("drop table baseline_monthly, baseline_weekly")
        with timed(results, "refresh_gold_full"):
            full = conn.execute("select scout.refresh_gold()").fetchone()[0]
        results["refresh_gold_full_counts"] = full

        # 10,000 new sales as they arrive in production: dated this week (the hourly case) …
        seed = int(time.time()) % 100000 + 1000
        conn.execute("""insert into scout.bronze_transactions (raw_data, source, ingestion_batch_id)
                        select g.payload || jsonb_build_object('date', (current_date - (g.seq %% 7)::int)::text),
                               'bench', 'bench-gold-recent'
                          from scout_dev.generate_transactions(%s, %s, %s) g where g.kind = 'normal'""",
                     (args.new_rows, seed, date.today()))
        silver_step = conn.execute("select scout.refresh_silver()").fetchone()[0]
        results["new_silver_rows_recent"] = silver_step["transactions"]["inserted"]
        with timed(results, "refresh_gold_incremental_recent"):
            results["refresh_gold_incremental_recent_counts"] = conn.execute("select scout.refresh_gold()").fetchone()[0]
        # … and the worst case: 10,000 sales spread over all three years (every month touched)
        conn.execute("""insert into scout.bronze_transactions (raw_data, source, ingestion_batch_id)
                        select g.payload, 'bench', 'bench-gold-spread' from scout_dev.generate_transactions(%s, %s, %s) g""",
                     (args.new_rows, seed + 1, date.today()))
        silver_step = conn.execute("select scout.refresh_silver()").fetchone()[0]
        results["new_silver_rows_spread"] = silver_step["transactions"]["inserted"]
        with timed(results, "refresh_gold_incremental_spread"):
            results["refresh_gold_incremental_spread_counts"] = conn.execute("select scout.refresh_gold()").fetchone()[0]

        with timed(results, "baseline_platinum_single_statements"), conn.transaction():
            for statement in BASELINE_PLATINUM:
                conn.execute(statement)
            conn.execute("drop table baseline_embeddings, baseline_recommendations")
        with timed(results, "refresh_platinum"):
            platinum = conn.execute("select scout.refresh_platinum()").fetchone()[0]
        results["refresh_platinum_counts"] = platinum

        conn.execute("vacuum analyze scout.gold_monthly_summary")
        conn.execute("set role authenticated")
        for name, query in DASHBOARD_QUERIES.items():
            client, server = [], []
            for _ in range(args.repeat):
                started = time.perf_counter()
                conn.execute(query, prepare=True).fetchall()
                client.append((time.perf_counter() - started) * 1000)
            for _ in range(50):
                plan = conn.execute("explain (analyze, format json) " + query).fetchone()[0][0]
                server.append(plan["Execution Time"])
            results[f"{name}_client_median_ms"] = round(statistics.median(client), 3)
            results[f"{name}_server_median_ms"] = round(statistics.median(server), 3)
            print(f"  {name:<34} median {results[f'{name}_client_median_ms']:.3f} ms round trip, "
                  f"{results[f'{name}_server_median_ms']:.3f} ms in the server", flush=True)
        conn.execute("reset role")

    results["ratios"] = {
        "refresh_gold_full_vs_baseline": round(results["refresh_gold_full"] / results["baseline_gold_single_statements"], 3),
        "refresh_platinum_vs_baseline": round(results["refresh_platinum"] / results["baseline_platinum_single_statements"], 3),
    }
    print("ratios:")
    for name, value in results["ratios"].items():
        print(f"  {name:<40} {value:>7.3f}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "gold_platinum.json").write_text(json.dumps(results, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
