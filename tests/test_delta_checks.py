"""Checks judged from what changed (issue 23, item 5): after new rows, a check with a
delta function (scout_internal.dq_delta_<view>) reads only what changed since its
previous run, from the change logs the pipeline keeps, and adjusts that run's counts
and failing keys. The oracle is the check's own view, which reads every row, evaluated
in a snapshot taken just before the run: every figure and every failing key must be the
same, with failing rows in every check, through corrections that move sales between
stores, days, categories and months. A write the logs do not explain (a hand-made
UPDATE, a DELETE) sends the checks that read the table back to judging every row."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from psycopg.types.json import Jsonb

from conftest import run_cli

DELTA_VIEWS = {
    "bronze_transactions_have_required_keys", "silver_accepts_bronze", "every_bronze_transaction_is_accounted_for",
    "silver_transaction_rules_hold", "silver_store_ids_are_known", "silver_one_row_per_transaction_id",
    "silver_lineage_reaches_bronze", "gold_store_sales_match_silver", "gold_totals_match_silver",
    "platinum_sentences_cover_silver", "silver_rejections_reach_bronze",
}
# the views that read Silver's sales
SILVER_VIEWS = DELTA_VIEWS - {"bronze_transactions_have_required_keys", "silver_accepts_bronze",
                              "silver_rejections_reach_bronze"}
TODAY = dt.date.today()


def day(back: int) -> str:
    return (TODAY - dt.timedelta(days=back)).isoformat()


def sale(tid: str, back: int = 3, amount: float = 12.5, category: str = "Dairy", store: str | None = "ST-001",
         **extra) -> dict:
    row = {"transaction_id": tid, "date": day(back), "amount": amount, "category": category, "currency": "PHP",
           "customer_id": f"C-{tid}", "sku": "SKU-0001", "quantity": 1, **extra}
    if store is not None:
        row["store_id"] = store
    return row


def pipeline(conn: psycopg.Connection, rows: list[dict]) -> None:
    if rows:
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb(rows),))
    for job in ("scout.run_transformations()", "scout.refresh_platinum()"):
        assert conn.execute(f"select {job}").fetchone()[0]["status"] == "ok", job


def views(conn: psycopg.Connection) -> list[tuple[str, bool]]:
    """Every check view, and whether it counts recent rows apart."""
    return conn.execute("""
        select c.relname, exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'recent_failed')
          from pg_class c where c.relnamespace = 'scout_checks'::regnamespace and c.relkind = 'v'
         order by 1""").fetchall()


def judge_every_row(oracle: psycopg.Connection) -> dict:
    """What each check view says when it reads every row: counts and failing keys."""
    judged = {}
    for view, knows_recent in views(oracle):
        recent = "recent_passed, recent_failed" if knows_recent else "passed, failed"
        for name, schema, table, passed, failed, keys, r_passed, r_failed in oracle.execute(
                f"select check_name, schema_name, table_name, passed, failed, failing_keys, {recent} "
                f"from scout_checks.{view}").fetchall():
            judged[(name, schema, table)] = {"view": view, "counts": (passed, failed), "recent": (r_passed, r_failed),
                                             "keys": frozenset(k for k in keys or [] if k is not None)}
    return judged


def stored(conn: psycopg.Connection, run_id: int) -> dict:
    """What the run stored: counts, recent counts, how it judged, and test_failures' keys."""
    out = {}
    for name, schema, table, passed, failed, r_passed, r_failed, carried, delta_of, reused in conn.execute("""
            select check_name, schema_name, table_name, passed, failed, recent_passed, recent_failed, recent_carried,
                   inputs_seen ->> 'delta_of_run', reused_from_run_id
              from ip_workbench.dq_results where run_id = %s and check_name <> 'timeliness'""", (run_id,)).fetchall():
        keys = frozenset()
        if schema == "scout" and conn.execute("select to_regclass(%s) is not null",
                                              (f"test_failures.{table}",)).fetchone()[0]:
            keys = frozenset(k for (k,) in conn.execute(
                f"select business_key from test_failures.{table} where check_name = %s", (name,)).fetchall())
        out[(name, schema, table)] = {"counts": (passed, failed), "recent": (r_passed, r_failed), "carried": carried,
                                      "delta": delta_of is not None, "kept": reused is not None, "keys": keys}
    return out


@pytest.fixture(scope="module")
def seeded(new_database) -> str:
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(2000, 7, %s::date)", (TODAY,))
        pipeline(conn, [sale(f"BAD-{i}", amount=-1) for i in range(3)]            # rejected
                 + [{"transaction_id": f"NOKEY-{i}", "date": day(2)} for i in range(2)]  # keys missing
                 + [sale(f"UNKNOWN-{i}", store="ST-999") for i in range(3)]        # a store nobody knows
                 + [sale(f"KEEP-{i}", back=i % 40) for i in range(60)])
        # failing rows every other check can find, each made by a write no log explains
        conn.execute("update scout.ref_categories set is_active = false where name = 'Tobacco'")
        conn.execute("insert into scout.silver_validated_transactions (transaction_id, transaction_date, amount, "
                     "category, store_id, bronze_id, bronze_seq, source, ingested_at) "
                     "values ('ORPHAN-1', %s, 5, 'Tobacco', 'ST-002', gen_random_uuid(), 0, 'hand', now())", (day(4),))
        conn.execute("delete from scout.silver_validated_transactions where transaction_id = 'KEEP-1'")
        conn.execute("update scout.gold_store_daily_sales set total_amount = total_amount + 1 "
                     "where (store_id, sales_date, category) = (select store_id, sales_date, category "
                     "from scout.gold_store_daily_sales where sales_date >= current_date - 30 order by 1, 2, 3 limit 1)")
        conn.execute("update scout.gold_monthly_summary set transaction_count = transaction_count + 1 "
                     "where (month, category) = (select month, category from scout.gold_monthly_summary "
                     "order by month desc, category limit 1)")
        conn.execute("delete from scout.platinum_transaction_embeddings where transaction_id = 'KEEP-2'")
    return url


def run_against_every_row(url: str) -> tuple[dict, dict]:
    """One check run, and what every view says of the same data (a snapshot taken just
    before the run, so its recent window starts where the run's does)."""
    with psycopg.connect(url) as oracle, psycopg.connect(url, autocommit=True) as conn:
        oracle.execute("set transaction isolation level repeatable read")
        oracle.execute("select 1 from scout.bronze_transactions limit 1")  # the snapshot
        run = conn.execute("select scout.run_dq_checks()").fetchone()[0]
        assert run["status"] == "ok", run
        return stored(conn, run["run_id"]), judge_every_row(oracle)


def assert_same(got: dict, want: dict) -> None:
    assert set(got) == set(want)
    for check, result in want.items():
        assert got[check]["counts"] == result["counts"], (check, got[check], result)
        if not got[check]["carried"]:
            assert got[check]["recent"] == result["recent"], (check, got[check], result)
        if check[1] == "scout":
            assert got[check]["keys"] == result["keys"], (check, got[check]["keys"] ^ result["keys"])


def delta_judged(got: dict, want: dict) -> set[str]:
    return {want[c]["view"] for c in got if got[c]["delta"]}


def test_delta_judgements_equal_reading_every_row(seeded):
    first, oracle = run_against_every_row(seeded)
    assert_same(first, oracle)
    assert not delta_judged(first, oracle), "every table was written by hand: judged whole"
    failing = {oracle[c]["view"] for c in oracle if oracle[c]["counts"][1] > 0}
    # each delta starts with failing rows, but where none can fail (Silver's key) or where
    # failing keys are kept nowhere, so only a clean result is carried forward
    assert DELTA_VIEWS - {"silver_one_row_per_transaction_id", "silver_rejections_reach_bronze"} <= failing

    with psycopg.connect(seeded, autocommit=True) as conn:
        pipeline(conn, [sale(f"NEW-{i}", back=i % 9, store=f"ST-00{1 + i % 5}") for i in range(40)]
                 + [sale(f"NEWBAD-{i}", amount=-2) for i in range(4)]
                 + [{"transaction_id": "NEWNOKEY", "amount": 3}]
                 + [sale("NEWUNKNOWN", store="ST-998")]
                 # corrections: another store, day, category and month; a sale that had no store
                 + [sale("KEEP-3", back=3, store="ST-004"), sale("KEEP-4", back=35, category="Snacks"),
                    sale("KEEP-5", back=4, store=None), sale("UNKNOWN-0", store="ST-003"),
                    # the sale deleted by hand comes back: accounted for again, in Platinum again
                    sale("KEEP-1", back=1), sale("TOBACCO-1", category="Tobacco")])
    second, oracle = run_against_every_row(seeded)
    assert_same(second, oracle)
    assert delta_judged(second, oracle) == DELTA_VIEWS
    # what it fixed left test_failures, what it broke arrived
    assert "UNKNOWN-0" not in second[("silver_store_ids_are_known", "scout", "silver_validated_transactions")]["keys"]
    assert "NEWUNKNOWN" in second[("silver_store_ids_are_known", "scout", "silver_validated_transactions")]["keys"]

    with psycopg.connect(seeded, autocommit=True) as conn:
        pipeline(conn, [sale("KEEP-3", back=5, store="ST-005", amount=99), sale("NEW-1", back=2, category="Bakery"),
                        sale("NEWUNKNOWN", store="ST-001"), sale("LATE-1", back=60)])
    third, oracle = run_against_every_row(seeded)
    assert_same(third, oracle)
    assert delta_judged(third, oracle) == DELTA_VIEWS


def test_a_write_no_log_explains_sends_its_readers_back_to_every_row(seeded):
    with psycopg.connect(seeded, autocommit=True) as conn:
        pipeline(conn, [sale("HAND-1")])
        conn.execute("select scout.run_dq_checks()")
        conn.execute("update scout.silver_validated_transactions set category = 'Tobacco' where transaction_id = 'HAND-1'")
        pipeline(conn, [sale("HAND-2")])
    got, oracle = run_against_every_row(seeded)
    assert_same(got, oracle)
    judged = delta_judged(got, oracle)
    assert not judged & (SILVER_VIEWS - {"every_bronze_transaction_is_accounted_for"}), judged
    # an update in place keeps every key in Silver: the accounting needs only no removal
    assert {"bronze_transactions_have_required_keys", "silver_accepts_bronze",
            "every_bronze_transaction_is_accounted_for"} <= judged
    assert "HAND-1" in got[("silver_transaction_rules_hold", "scout", "silver_validated_transactions")]["keys"]

    with psycopg.connect(seeded, autocommit=True) as conn:
        conn.execute("select scout.run_dq_checks()")
        conn.execute("delete from scout.bronze_transactions where raw_data ->> 'transaction_id' = 'HAND-2'")
        pipeline(conn, [sale("HAND-3")])
    got, oracle = run_against_every_row(seeded)
    assert_same(got, oracle)
    judged = delta_judged(got, oracle)
    assert not judged & {"bronze_transactions_have_required_keys", "silver_accepts_bronze",
                         "every_bronze_transaction_is_accounted_for", "silver_lineage_reaches_bronze",
                         "silver_rejections_reach_bronze"}, judged
    assert "HAND-2" in got[("silver_lineage_reaches_bronze", "scout", "silver_validated_transactions")]["keys"]

    # failing keys gone from test_failures: the counts would drift, so that check judges whole
    with psycopg.connect(seeded, autocommit=True) as conn:
        conn.execute("select scout.run_dq_checks()")
        conn.execute("delete from test_failures.silver_validated_transactions where check_name = 'silver_store_ids_are_known'")
        pipeline(conn, [sale("HAND-4", store="ST-997")])
    got, oracle = run_against_every_row(seeded)
    assert_same(got, oracle)
    judged = delta_judged(got, oracle)
    assert "silver_store_ids_are_known" not in judged and "silver_transaction_rules_hold" in judged, judged


def test_counts_move_by_the_new_rows_alone(seeded):
    """Hand-counted: three new payloads, one without an amount, one a negative amount."""
    with psycopg.connect(seeded, autocommit=True) as conn:
        pipeline(conn, [])
        first = conn.execute("select scout.run_dq_checks()").fetchone()[0]
        before = {name: (p, f) for name, p, f in conn.execute(
            "select check_name, passed, failed from ip_workbench.dq_results where run_id = %s",
            (first["run_id"],)).fetchall()}
        pipeline(conn, [sale("COUNT-1"), {"transaction_id": "COUNT-2", "date": day(1), "category": "Dairy"},
                        sale("COUNT-3", amount=-4)])
        run = conn.execute("select scout.run_dq_checks()").fetchone()[0]
        after = {name: (p, f, d) for name, p, f, d in conn.execute(
            "select check_name, passed, failed, inputs_seen ? 'delta_of_run' from ip_workbench.dq_results "
            "where run_id = %s", (run["run_id"],)).fetchall()}
    keys = before["bronze_transactions_have_required_keys"]
    assert after["bronze_transactions_have_required_keys"] == (keys[0] + 2, keys[1] + 1, True)
    accepts = before["silver_accepts_bronze"]
    assert after["silver_accepts_bronze"] == (accepts[0] + 1, accepts[1] + 2, True)
    rules = before["silver_transaction_rules_hold"]
    assert after["silver_transaction_rules_hold"] == (rules[0] + 1, rules[1], True)
    assert run["delta_checks"] >= len(DELTA_VIEWS)


def test_the_change_logs_keep_only_what_the_next_run_needs(seeded):
    with psycopg.connect(seeded, autocommit=True) as conn:
        pipeline(conn, [sale("PRUNE-1")])
        conn.execute("select scout.run_dq_checks()")

        def left(table: str) -> int:
            return conn.execute(f"select count(*) from scout_internal.{table}").fetchone()[0]

        # written before the run began: read, then pruned
        assert all(left(t) == 0 for t in ("silver_changed_keys", "gold_store_rebuilt_cells", "platinum_changed_keys",
                                          "gold_monthly_changed_totals", "logged_writes"))
        pipeline(conn, [sale("PRUNE-2")])
        assert conn.execute("select count(*) from scout_internal.silver_changed_keys "
                            "where transaction_id = 'PRUNE-2'").fetchone()[0] == 1


def test_scout_db_dq_run_says_how_many_checks_it_judged_from_what_changed(seeded):
    with psycopg.connect(seeded, autocommit=True) as conn:
        pipeline(conn, [sale("CLI-1")])
        conn.execute("select scout.run_dq_checks()")
        pipeline(conn, [sale("CLI-2")])
    done = run_cli("--database-url", seeded, "dq", "run")
    assert done.returncode == 0, done.stderr
    assert f"{len(DELTA_VIEWS)} judged from what changed" in done.stdout, done.stdout


def test_removals_count_the_statements_that_removed_rows(seeded):
    """ip_workbench.layer_versions.removals: what sends a delta check back to every row."""
    with psycopg.connect(seeded, autocommit=True) as conn:
        def counters() -> tuple[int, int]:
            return conn.execute("select version, removals from ip_workbench.layer_versions "
                                "where table_name = 'scout.ref_stores'::regclass").fetchone()

        start = counters()
        conn.execute("insert into scout.ref_stores (store_id, name) values ('ST-REMOVE', 'gone soon')")
        conn.execute("update scout.ref_stores set name = 'still here' where store_id = 'ST-REMOVE'")
        conn.execute("delete from scout.ref_stores where store_id = 'NO-SUCH-STORE'")  # removes nothing
        assert counters() == (start[0] + 2, start[1]), "writes in place and a DELETE of nothing remove nothing"
        conn.execute("delete from scout.ref_stores where store_id = 'ST-REMOVE'")
        assert counters() == (start[0] + 3, start[1] + 1)
        # Silver's statement-counted table: a merge with nothing to delete issues no DELETE
        silver = "select removals from ip_workbench.layer_versions where table_name = 'scout.silver_validated_transactions'::regclass"
        before = conn.execute(silver).fetchone()[0]
        pipeline(conn, [sale("REMOVALS-1"), sale("REMOVALS-1", amount=13)])
        assert conn.execute(silver).fetchone()[0] == before
