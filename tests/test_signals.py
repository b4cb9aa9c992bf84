"""Signals people act on (CONTRACT v3): the paging rule for sales anomalies meets its
goals on drawn series with known events, and a new anomaly is announced once."""

from __future__ import annotations

from datetime import timedelta

import psycopg
from psycopg.types.json import Jsonb


def test_the_paging_rule_catches_planted_events_and_stays_quiet_on_noise(db_url):
    """On 600 drawn category series of three years (seasons, trends, holiday weeks) with
    planted spikes (3-6x) and stops (1-3 weeks at 0): at least 95 % of the planted weeks
    page, and at most 1 normal week in 100 does, where the 2-sigma highlight fires on
    about one in ten."""
    with psycopg.connect(db_url) as conn:
        for seed in (1, 2):
            trial = conn.execute("select scout_dev.sales_anomaly_trial(600, 156, %s)", (seed,)).fetchone()[0]
            assert trial["planted_spikes"] > 300 and trial["planted_drops"] > 300, trial
            assert trial["recall_pct"] >= 95, trial
            assert trial["false_alerts_per_100_weeks"] <= 1, trial
            assert trial["two_sigma_highlights_on_normal_weeks_per_100"] > 5, trial


def test_a_new_anomaly_is_announced_once_and_old_ones_page_nobody(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn, psycopg.connect(url, autocommit=True) as listener:
        listener.execute("listen scout_sales_anomaly")
        today = conn.execute("select scout_internal.business_today()").fetchone()[0]
        this_week = today - timedelta(days=today.weekday())
        conn.execute("insert into scout.ref_categories (name) values ('Tea'), ('Coffee')")

        def week(n: int):  # the Monday n weeks before this one
            return this_week - timedelta(weeks=n)

        rows = [{"transaction_id": f"T{n}", "date": str(week(n) + timedelta(days=1)),
                 "amount": 60 if n == 1 else 10, "category": "Tea"} for n in range(1, 20)]
        # Coffee's spike is two years back: recorded, never announced
        rows += [{"transaction_id": f"C{n}", "date": str(week(n) + timedelta(days=1)),
                  "amount": 60 if n == 100 else 10, "category": "Coffee"} for n in range(90, 120)]
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb(rows),))
        conn.execute("select scout.refresh_silver()")
        conn.execute("select scout.refresh_gold()")
        first = [n.payload for n in listener.notifies(timeout=2, stop_after=10)]
        conn.execute("select scout.refresh_gold()")
        again = [n.payload for n in listener.notifies(timeout=2, stop_after=10)]
        flagged = conn.execute("select category, week_start, direction from scout.gold_sales_anomalies "
                               "where direction = 'spike' order by category").fetchall()
    assert flagged == [("Coffee", week(100), "spike"), ("Tea", week(1), "spike")]
    assert len(first) == 1 and '"category": "Tea"' in first[0] and '"direction": "spike"' in first[0], first
    assert again == [], "announced once per category-week"


def test_the_report_shows_the_running_month_to_date_the_anomalies_that_page_and_named_recommendations(new_database,
                                                                                                       tmp_path):
    import json

    from conftest import run_cli

    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        today = conn.execute("select scout_internal.business_today()").fetchone()[0]
        this_week = today - timedelta(days=today.weekday())
        conn.execute("insert into scout.ref_categories (name) values ('Tea')")
        rows = [{"transaction_id": f"T{n}", "date": str(this_week - timedelta(weeks=n, days=-1)),
                 "amount": 60 if n == 1 else 10, "category": "Tea"} for n in range(1, 20)]
        rows += [{"transaction_id": f"B{c}{s}", "date": str(today), "amount": 5, "category": "Tea",
                  "customer_id": c, "sku": s} for c in ("C1", "C2") for s in ("SKU-G", "SKU-L")]
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb(rows),))
        conn.execute("select scout.ingest_products(%s)", (Jsonb([
            {"sku": "SKU-G", "name": "Green Tea 500 ml", "brand": "Zesto"},
            {"sku": "SKU-L", "name": "Lemon Tea 500 ml", "brand": "Zesto"}]),))
        conn.execute("select scout.run_transformations(p_platinum => true)")
        conn.execute("select scout.run_dq_checks()")
    page = tmp_path / "report.html"
    done = run_cli("dq", "report", "--format", "json", "--html", str(page), "--database-url", url)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(r["category"], r["month"]) for r in data["running_month"]] == [("Tea", str(today.replace(day=1)))]
    assert ("Tea", "spike") in {(a["category"], a["direction"]) for a in data["sales_anomalies"]}
    assert {(r["product"], r["recommended"]) for r in data["recommendations"]} == {
        ("Green Tea 500 ml", "Lemon Tea 500 ml"), ("Lemon Tea 500 ml", "Green Tea 500 ml")}
    text = page.read_text()
    assert "The running month, to date" in text and "Green Tea 500 ml" in text and ">spike<" in text


def test_recommendations_find_the_pairs_the_generator_planted(new_database):
    """200,000 generated rows: customers favour one of 50 planted pairs of SKUs. The
    planted partner is among a planted SKU's top 3 for at least 85 of 100 (90 measured),
    and no recommendation rests on a single shared basket."""
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(200000)")
        assert conn.execute("select scout.run_transformations(p_platinum => true) ->> 'status'").fetchone()[0] == "ok"
        found = conn.execute("select scout_dev.recommendation_precision()").fetchone()[0]
        single = conn.execute("select count(*) from scout.platinum_product_recommendations "
                              "where co_occurrence < 2").fetchone()[0]
    assert found["with_recommendations"] == 100 and found["partner_in_top_3"] >= 85, found
    assert single == 0
