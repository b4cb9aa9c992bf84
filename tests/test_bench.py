"""`scout-db bench` in its smoke size: every step runs, the JSON has its shape, and the
bounds are checked to do the layer's work. Never a timing: CI machines are shared."""

from __future__ import annotations

import json
import math
from pathlib import Path

import psycopg
import pytest

from conftest import run_cli
from scout_db.bench import Bench, reference
from scout_db.config import Target

STEPS = {
    "bronze_copy_unlogged", "bronze_copy_logged", "bronze_ingest", "silver_bound", "silver_full", "gold_bound",
    "gold_full", "platinum_bound", "platinum_full", "platinum_unchanged", "hourly_bound", "hourly",
    "hourly_nothing_new", "platinum_after_hourly", "silver_corrections", "gold_corrections", "rpc_batch_1",
    "rpc_batch_500", "dashboard_superset_last_12_months", "dashboard_postgrest_one_month", "end_to_end",
    "end_to_end_bound", "dq_bound", "dq_full", "dq_nothing_new", "dq_after_hourly",
    "store_scope_store_dashboard", "store_scope_store_last_30_days", "store_scope_platinum_latest",
    "store_scope_platinum_own_rows", "mart_bound", "mart_full", "mart_hourly", "bronze_purge_rows",
    "bronze_purge_months",
}
TARGETS = {"bulk_ingest", "full_silver_gold", "platinum", "platinum_unchanged", "hourly", "hourly_nothing_new",
           "gold_after_spread_corrections", "ingest_peak_rss", "rpc_batch_500_rows_per_second", "dq_after_hourly",
           "dq_nothing_new", "store_scope_store_dashboard", "store_scope_store_last_30_days",
           "store_scope_platinum_latest", "store_scope_platinum_own_rows"}


@pytest.fixture(scope="module")
def smoke(cluster, tmp_path_factory) -> tuple[dict, str]:
    home = tmp_path_factory.mktemp("bench-home")
    out = home / "smoke.json"
    done = run_cli("--database-url", cluster.url("postgres"), "bench", "--rows", "10000", "--rpc-seconds", "0.3",
                   "--database", "bench_smoke", "--out", str(out), env={"SCOUT_HOME": str(home)}, timeout=600)
    assert done.returncode == 0, done.stderr + done.stdout
    return json.loads(out.read_text()), cluster.url("bench_smoke")


def test_every_step_ran_and_is_recorded(smoke):
    result, url = smoke
    assert set(result["steps"]) == STEPS | {"generate"}
    for name, step in result["steps"].items():
        assert isinstance(step["seconds"], float) and step["seconds"] > 0 and math.isfinite(step["seconds"]), name
        assert step["what"], name
    assert result["steps"]["bronze_ingest"]["rows"] == 10000
    assert result["steps"]["bronze_ingest"]["peak_rss_mb"] > 0
    for size in (1, 500):
        rpc = result["steps"][f"rpc_batch_{size}"]
        assert rpc["calls"] > 0 and rpc["rows"] == rpc["calls"] * size
        assert 0 < rpc["p50_ms"] <= rpc["p95_ms"]
    for layer in ("hourly", "hourly_nothing_new"):
        assert result["steps"][layer]["result"]["status"] == "ok"
    # where each check run's time went: every check view with a result timed, the slowest
    # first (the team's mart, made after the check runs, brought a view of its own, and a
    # view of rules no one defined, silver_validation_rules_hold here, has no result)
    with psycopg.connect(url) as conn:
        names = [n for (n,) in conn.execute("select viewname from pg_views where schemaname = 'scout_checks' "
                                            "and viewname not like '%\\_matches\\_its\\_query'")]
        views = sum(conn.execute(f'select exists (select 1 from scout_checks."{n}")').fetchone()[0] for n in names)
    for run in ("dq_full", "dq_after_hourly"):
        seconds = list(result["steps"][run]["check_seconds"].values())
        assert len(seconds) == views, run
        assert seconds == sorted(seconds, reverse=True) and all(s >= 0 for s in seconds), run
    # the hour's rows reached Silver, and the run after them found nothing to do
    hourly_silver = next(s for s in result["steps"]["hourly"]["result"]["steps"] if s["step"] == "silver")
    assert hourly_silver["result"]["processed"] == 100
    idle_silver = next(s for s in result["steps"]["hourly_nothing_new"]["result"]["steps"] if s["step"] == "silver")
    assert idle_silver["result"]["processed"] == 0
    assert result["steps"]["silver_corrections"]["result"]["transactions"]["updated"] == 100
    # the check run with nothing changed kept every check's judgement; after the hour's rows it judged again
    checks = result["steps"]["dq_full"]["result"]
    assert checks["status"] == "ok" and checks["kept_checks"] == 0
    # every check view that gives a result (the rules' check gives none while there is no rule: nothing to keep,
    # and nothing to read)
    views = psycopg.connect(url).execute(
        "select count(*) from pg_class c where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v' "
        "and exists (select 1 from ip_workbench.dq_results d where d.inputs_seen ->> 'view' = c.oid::regclass::text "
        "or d.check_name = c.relname)").fetchone()[0]
    assert views >= 19
    assert result["steps"]["dq_nothing_new"]["result"]["kept_checks"] == views
    after = result["steps"]["dq_after_hourly"]["result"]
    assert after["status"] == "ok" and after["kept_checks"] < views
    # the millisecond steps are medians of several calls; Platinum skipped every one of them
    unchanged = result["steps"]["platinum_unchanged"]
    assert len(unchanged["runs"]) == 5 and unchanged["seconds"] == sorted(unchanged["runs"])[2]
    assert unchanged["result"]["rebuilt"] is False
    assert result["steps"]["platinum_full"]["result"]["rebuilt"] is True


def test_json_records_machine_server_ratios_and_targets(smoke):
    result, _ = smoke
    assert result["rows"] == 10000 and result["delta"] == 100 and result["corrections"] == 100
    assert result["machine"]["cores"] >= 1 and result["machine"]["memory_gb"] > 0
    settings = result["postgres"]["settings"]
    assert settings["server_version"].startswith("15") and "max_wal_size" in settings and "shared_buffers" in settings
    assert set(result["targets"]) == TARGETS
    for name, target in result["targets"].items():
        assert set(target) == {"value", "limit", "unit", "met"}, name
        assert isinstance(target["met"], bool)
    steps = result["steps"]
    ingest_ratio = result["ratios"]["bronze_ingest / bronze_copy_unlogged"]
    assert ingest_ratio == pytest.approx(steps["bronze_ingest"]["seconds"] / steps["bronze_copy_unlogged"]["seconds"],
                                         rel=0.01)
    assert steps["end_to_end"]["seconds"] == pytest.approx(sum(
        steps[s]["seconds"] for s in ("bronze_ingest", "silver_full", "gold_full", "platinum_full")), abs=0.001)


def test_every_bound_does_the_layers_work(smoke):
    result, _ = smoke
    assert set(result["checks"]) == {"ingest_loaded_every_line", "silver_same_rows_as_bound", "gold_same_rows_as_bound",
                                     "platinum_same_rows_as_bound", "hourly_runs_ok", "dq_runs_ok",
                                     "store_scope_store_dashboard_same_rows", "store_scope_store_last_30_days_same_rows",
                                     "store_scope_platinum_latest_same_rows", "store_scope_platinum_own_rows_same_rows",
                                     "gold_after_corrections_same_rows_as_bound", "mart_matches_its_query",
                                     "bronze_purge_removes_the_same_rows"}
    assert all(check["ok"] for check in result["checks"].values()), result["checks"]


def test_the_purge_drops_the_month_that_the_delete_empties_row_by_row(smoke):
    """The two purges are compared on the same rows: the delete (rolled back) and the
    month's partition dropped whole, which writes next to no WAL."""
    result, _ = smoke
    by_rows, by_months = result["steps"]["bronze_purge_rows"], result["steps"]["bronze_purge_months"]
    assert by_rows["result"]["months_dropped"] == [] and by_rows["result"]["rows"] > 10000
    assert len(by_months["result"]["months_dropped"]) >= 1
    assert by_months["result"]["rows_in_months_dropped"] == by_rows["result"]["rows"]
    assert by_months["wal_mb"] < by_rows["wal_mb"]


def test_the_gold_comparison_sees_one_changed_cent(smoke, cluster):
    """The equality checks are not vacuous: one cent off in one Gold row fails them."""
    result, url = smoke
    bench = Bench(server=Target(cluster.url("postgres"), "test"), database="bench_smoke", rows=10000, delta=1,
                  corrections=1, rpc_seconds=1, seed=42, files=Path("."))
    with psycopg.connect(url) as conn, conn.transaction(force_rollback=True):
        conn.execute(reference("gold_monthly_summary"))
        conn.execute(reference("gold_category_trends"))
        conn.execute(reference("gold_store_daily_sales"))
        bench.compare_gold(conn, "untouched")
        assert bench.checks["untouched"]["ok"], bench.checks
        with conn.transaction():
            conn.execute("update scout.gold_monthly_summary set total_amount = total_amount + 0.01 "
                         "where (month, category) = (select month, category from scout.gold_monthly_summary limit 1)")
            bench.compare_gold(conn, "one_cent_off")
        with conn.transaction(force_rollback=True):
            conn.execute("update scout.gold_store_daily_sales set total_amount = total_amount - 0.01 "
                         "where (store_id, sales_date, category) = (select store_id, sales_date, category "
                         "from scout.gold_store_daily_sales where store_id is not null limit 1)")
            bench.compare_gold(conn, "one_store_cent_off")
    assert not bench.checks["one_cent_off"]["ok"]
    assert "; 2, 0 and 0 differ" in bench.checks["one_cent_off"]["detail"]  # the row as it is, and as it should be
    assert not bench.checks["one_store_cent_off"]["ok"]
    assert "; 2, 0 and 2 differ" in bench.checks["one_store_cent_off"]["detail"]  # the monthly cent is still off
