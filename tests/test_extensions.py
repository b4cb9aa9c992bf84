"""A team's own marts, checks and rules without a fork (issue "Your own marts, checks and
rules"): the example extension in examples/vendor_performance migrated next to the core,
its mart followed through every kind of change against a plain GROUP BY, its rules
rejecting and flagging, its check scoring, `scout-db check` passing, and its removal
leaving the core's schema exactly as before."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import psycopg
import pytest

from conftest import ROOT, run_cli
from scout_db.schema import dump

EXAMPLE = ROOT / "examples" / "vendor_performance"

# The oracle: the vendor mart as a plain GROUP BY over Silver, written here, not read
# from the mart's definition.
VENDOR_ORACLE = """
select vendor_name, transaction_date, sum(amount), count(*), sum(quantity), count(distinct customer_id),
       round(sum(amount) / count(*), 2)
  from scout.silver_validated_transactions
 group by vendor_name, transaction_date
 order by 1 nulls first, 2
"""
VENDOR_MART = """
select vendor_name, sales_date, total_amount, transaction_count, total_quantity, customer_count, avg_amount
  from scout.gold_vendor_daily_sales
 order by 1 nulls first, 2
"""


def cli(url: str, *args: str) -> subprocess.CompletedProcess:
    done = run_cli(*args, "--database-url", url, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def run(conn: psycopg.Connection) -> dict:
    result = conn.execute("select scout.run_transformations(true)").fetchone()[0]
    assert result["status"] == "ok", result
    return next(s["result"] for s in result["steps"] if s["step"] == "marts")


def ingest(conn: psycopg.Connection, *payloads: dict) -> None:
    conn.execute("select scout.ingest_transactions(%s::jsonb)", (json.dumps(list(payloads)),))


def sale(transaction_id: str, **overrides) -> dict:
    payload = {"transaction_id": transaction_id, "date": "2026-11-02", "amount": 100.00, "category": "Snacks",
               "currency": "PHP", "quantity": 2, "store_id": "ST-001", "customer_id": "C-1",
               "vendor_name": "Vendor X", "payment_method": "cash"}
    return {**payload, **overrides}


def same_as_group_by(conn: psycopg.Connection) -> None:
    assert conn.execute(VENDOR_MART).fetchall() == conn.execute(VENDOR_ORACLE).fetchall()
    passed, failed = conn.execute("select passed, failed from scout_checks.gold_vendor_daily_sales_matches_its_query"
                                  ).fetchone()
    assert failed == 0 and passed > 0


@pytest.fixture(scope="module")
def example(new_database) -> str:
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(3000, 7, '2026-11-30')")
    cli(url, "migrate", "--extension", str(EXAMPLE))
    return url


def test_the_example_mart_follows_every_kind_of_change_incrementally(example):
    with psycopg.connect(example, autocommit=True) as conn:
        first = run(conn)
        assert first["marts"] == [{"mart": "scout.gold_vendor_daily_sales", "rebuilt": True, "rows_deleted": 0,
                                   "rows_written": first["rows"]}] and first["rows"] > 100
        same_as_group_by(conn)
        assert run(conn)["marts"] == [], "nothing changed: nothing refreshed"

        ingest(conn, sale("EXT-1"), sale("EXT-2", amount=40.5, customer_id="C-2"), sale("EXT-3", vendor_name=None))
        step = run(conn)
        assert step["marts"][0]["days"] == 1 and "rebuilt" not in step["marts"][0], step
        same_as_group_by(conn)
        ingest(conn, sale("EXT-1", amount=250.25))                       # a corrected amount
        same_as_group_by(conn) if run(conn) else None
        ingest(conn, sale("EXT-1", amount=250.25, date="2026-11-05"))    # moved to another day
        step = run(conn)
        assert step["marts"][0]["days"] == 2, "the old day and the new one"
        same_as_group_by(conn)
        ingest(conn, sale("EXT-2", amount=40.5, customer_id="C-2", vendor_name="Vendor Y"))  # another vendor
        run(conn)
        same_as_group_by(conn)
        ingest(conn, sale("EXT-2", amount=-5))  # an invalid correction: the valid version stays
        run(conn)
        same_as_group_by(conn)
        # a deletion: a rule added later rejects old rows through backfill
        conn.execute("insert into scout.ref_validation_rules (rule_name, field, allowed_values, action, reason_code, "
                     "description) values ('no_vendor_y', 'vendor_name', array['Vendor X'], 'reject', 'vendor_not_listed', "
                     "'only listed vendors')")
        backfill = conn.execute("select scout.backfill('2026-11-01', '2026-11-30')").fetchone()[0]
        assert backfill["status"] == "ok", backfill
        assert conn.execute("select count(*) from scout.silver_validated_transactions "
                            "where transaction_date between '2026-11-01' and '2026-11-30' "
                            "and vendor_name <> 'Vendor X'").fetchone()[0] == 0
        run(conn)
        same_as_group_by(conn)
        assert conn.execute("select count(*) from scout.gold_vendor_daily_sales where vendor_name = 'Vendor Y' "
                            "and sales_date between '2026-11-01' and '2026-11-30'").fetchone()[0] == 0
        conn.execute("delete from scout.ref_validation_rules where rule_name = 'no_vendor_y'")


def test_the_example_rules_reject_and_flag(example):
    with psycopg.connect(example, autocommit=True) as conn:
        ingest(conn, sale("RULE-1", payment_method="crypto"), sale("RULE-2", payment_method="crypto", amount=-1),
               sale("RULE-3", amount=150000), sale("RULE-4", amount=99999.99))
        run(conn)
        rejected = dict(conn.execute("select transaction_id, reasons from scout.silver_rejected_transactions "
                                     "where transaction_id like 'RULE-%'").fetchall())
        assert rejected == {"RULE-1": ["payment_method_unknown"],
                            "RULE-2": ["amount_not_positive", "payment_method_unknown"]}, "every rule it broke"
        kept = {r[0] for r in conn.execute("select transaction_id from scout.silver_validated_transactions "
                                           "where transaction_id like 'RULE-%'")}
        assert kept == {"RULE-3", "RULE-4"}, "a flag keeps the row in Silver"
        conn.execute("select scout.run_dq_checks()")
        flag = conn.execute("select level, failed from ip_workbench.dq_results "
                            "where check_name = 'silver_rule_amount_above_100000' order by run_id desc limit 1").fetchone()
        assert flag == ("warning", 1)
        assert conn.execute("select business_key from test_failures.silver_validated_transactions "
                            "where check_name = 'silver_rule_amount_above_100000'").fetchall() == [("RULE-3",)]
        # a rule for one category only
        conn.execute("insert into scout.ref_validation_rules (rule_name, field, category, max_value, action, "
                     "reason_code, description) values ('tobacco_pack_limit', 'quantity', 'Tobacco', 3, 'reject', "
                     "'tobacco_over_limit', 'at most 3 packs a sale')")
        ingest(conn, sale("RULE-5", quantity=4, category="Tobacco"), sale("RULE-6", quantity=4))
        run(conn)
        assert conn.execute("select reasons from scout.silver_rejected_transactions where transaction_id = 'RULE-5'"
                            ).fetchone() == (["tobacco_over_limit"],)
        assert conn.execute("select count(*) from scout.silver_validated_transactions where transaction_id = 'RULE-6'"
                            ).fetchone() == (1,)
        conn.execute("delete from scout.ref_validation_rules where rule_name = 'tobacco_pack_limit'")


@pytest.mark.parametrize("values, sqlstate", [
    ("('bad_regex', 'sku', '(unclosed', null, 'reject', 'bad_sku', 'x')", "2201B"),
    ("('contract_code', 'sku', '^S', null, 'reject', 'invalid_amount', 'x')", "23514"),
    ("('both_kinds', 'sku', '^S', array['a'], 'reject', 'two_kinds', 'x')", "23514"),
    ("('words_on_amount', 'amount', '^1', null, 'reject', 'amount_pattern', 'x')", "23514"),
])
def test_a_malformed_rule_is_refused_when_added(example, values, sqlstate):
    with psycopg.connect(example, autocommit=True) as conn:
        with pytest.raises(psycopg.Error) as caught:
            conn.execute("insert into scout.ref_validation_rules (rule_name, field, pattern, allowed_values, action, "
                         f"reason_code, description) values {values}")
        assert caught.value.sqlstate == sqlstate


def test_the_example_check_scores_its_mart_and_scout_db_check_passes(new_database):
    example = new_database()
    cli(example, "migrate", "--extension", str(EXAMPLE))
    with psycopg.connect(example, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(1000, 3, '2026-11-30')")
        run(conn)
        conn.execute("select scout.run_dq_checks()")
        before = conn.execute("select completeness, dq_score from ip_workbench.tables "
                              "where table_name = 'gold_vendor_daily_sales'").fetchone()
        assert before[1] is not None
    checked = run_cli("check", "--database-url", example, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "extension" in checked.stdout.splitlines()[1], "the extension's migrations are linted too"
    with psycopg.connect(example, autocommit=True) as conn:
        ingest(conn, sale("NOVENDOR-1", vendor_name=None, date="2026-11-20"))
        run(conn)
        conn.execute("select scout.run_dq_checks()")
        failed = conn.execute("select failed from ip_workbench.dq_results "
                              "where check_name = 'vendor_days_name_a_vendor' order by run_id desc limit 1").fetchone()[0]
        assert failed >= 1
        completeness = conn.execute("select completeness from ip_workbench.tables "
                                    "where table_name = 'gold_vendor_daily_sales'").fetchone()[0]
        assert completeness < 100
        assert conn.execute("select count(*) from test_failures.gold_vendor_daily_sales "
                            "where business_key = '(no vendor)/2026-11-20'").fetchone()[0] == 1


def test_status_and_the_catalog_include_the_extension(example):
    status = cli(example, "status").stdout
    assert "extension vendor_performance" in status and "scout.gold_vendor_daily_sales (incremental)" in status
    with psycopg.connect(example) as conn:
        assert conn.execute("select obj_description('scout.gold_vendor_daily_sales'::regclass)").fetchone()[0] \
            .startswith("Sales per vendor and day")
        assert conn.execute("select layer from ip_workbench.tables where table_name = 'gold_vendor_daily_sales'"
                            ).fetchone() == ("gold",)


def test_removing_the_extension_leaves_the_core_exactly_as_before(new_database, tmp_path):
    url = new_database()
    before = dump(url)
    folder = tmp_path / "vendor_performance"
    shutil.copytree(EXAMPLE, folder)
    with psycopg.connect(url, autocommit=True) as conn:
        core_tables = conn.execute("select schema_name, table_name from ip_workbench.tables order by 1, 2").fetchall()
        conn.execute("select scout_dev.seed_bronze(500)")
    cli(url, "migrate", "--extension", str(folder))
    with psycopg.connect(url, autocommit=True) as conn:
        run(conn)
    assert dump(url) != before
    shutil.rmtree(folder)
    gone = run_cli("migrate", "--database-url", url)
    assert gone.returncode != 0 and "rollback --extension vendor_performance --all" in gone.stderr, gone.stderr
    done = cli(url, "rollback", "--extension", "vendor_performance", "--all")
    assert "1 migration of vendor_performance rolled back" in done.stdout
    assert dump(url) == before, "schema dump identical"
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("select schema_name, table_name from ip_workbench.tables order by 1, 2").fetchall() == core_tables
        assert conn.execute("select count(*) from scout.ref_validation_rules").fetchone() == (0,)
        assert conn.execute("select count(*) from ip_workbench.marts").fetchone() == (0,)
        run(conn)
    cli(url, "migrate")  # forgotten: nothing to look for


def test_an_edited_extension_migration_is_refused(new_database, tmp_path):
    url = new_database()
    folder = tmp_path / "vendor_performance"
    shutil.copytree(EXAMPLE, folder)
    cli(url, "migrate", "--extension", str(folder))
    migration = folder / "migrations" / "0001_vendor_rules.sql"
    migration.write_text(migration.read_text() + "\n-- edited\n")
    refused = run_cli("migrate", "--database-url", url)
    assert refused.returncode != 0 and "was edited after it was applied" in refused.stderr, refused.stderr


def test_the_extension_migrates_three_at_once_through_the_pooler(pooler, new_database):
    url = new_database()
    through = pooler.url_for(url)
    procs = [subprocess.Popen([sys.executable, "-m", "scout_db.cli", "migrate", "--database-url", through,
                               "--extension", str(EXAMPLE)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ})
             for _ in range(3)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    with psycopg.connect(url) as direct:
        assert direct.execute("select migration_id from scout_meta.extension_migrations").fetchall() == [
            ("0001_vendor_rules",)], "applied exactly once"
        assert direct.execute("select count(*) from scout.ref_validation_rules").fetchone() == (2,)
        assert direct.execute("select count(*) from pg_locks where locktype = 'advisory'").fetchone()[0] == 0


def test_scaffolded_mart_and_check_migrate_run_and_pass_as_they_are(new_database, tmp_path):
    url = new_database()
    folder = tmp_path / "store_team"
    for kind, name in (("mart", "store_days"), ("check", "tax_within_amount")):
        made = run_cli("new", kind, name, "--into", str(folder))
        assert made.returncode == 0, made.stderr
    again = run_cli("new", "mart", "store_days", "--into", str(folder))
    assert again.returncode != 0 and "exists" in again.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(800)")
    cli(url, "migrate", "--extension", str(folder))
    cli(url, "run")
    checked = run_cli("check", "--database-url", url, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        oracle = conn.execute("select store_id, transaction_date, sum(amount), count(*) from scout.silver_validated_transactions "
                              "group by 1, 2 order by 1 nulls first, 2").fetchall()
        assert conn.execute("select store_id, sales_date, total_amount, transaction_count from scout.gold_store_days "
                            "order by 1 nulls first, 2").fetchall() == oracle
        assert conn.execute("select count(*) from scout_checks.tax_within_amount where failed = 0").fetchone() == (1,)
        # store scope, as the core's store-level marts: a user reads their store's rows only
        with conn.transaction():
            conn.execute("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', %s, true)",
                         (json.dumps({"role": "authenticated", "app_metadata": {"store_ids": ["ST-001"]}}),))
            seen = conn.execute("select distinct store_id from scout.gold_store_days").fetchall()
        assert seen == [("ST-001",)]
    # a removed mart file drops the mart on the next migrate
    (folder / "marts" / "gold_store_days.sql").unlink()
    done = cli(url, "migrate")
    assert "dropped mart scout.gold_store_days" in done.stdout
    with psycopg.connect(url) as conn:
        assert conn.execute("select to_regclass('scout.gold_store_days')").fetchone() == (None,)


@pytest.mark.parametrize("change, message", [
    ({"columns": "'{\"store_id\": \"x\"}'"}, "columns has no description of sales_date"),
    ({"mart": "'public.sales'"}, "the name must be scout.gold_<name>"),
    ({"date_column": "null"}, "an incremental mart names its date_column"),
    ({"grain": "array['store_id']", "date_column": "'sales_date'"}, "must be one of the grain columns"),
    ({"readers": "array['anon']"}, "readers may be {authenticated} or {}"),
    ({"query": "$q$ select store_id, transaction_date as sales_date from scout.no_such_table $q$"},
     "its query does not run"),
])
def test_a_mart_definition_that_cannot_work_says_why(new_database, change, message):
    url = new_database()
    arguments = {"mart": "'scout.gold_try'", "description": "'try'", "grain": "array['store_id', 'sales_date']",
                 "refresh": "'incremental'", "date_column": "'sales_date'", "readers": "'{}'",
                 "columns": """'{"store_id": "s", "sales_date": "d"}'""",
                 "query": "$q$ select store_id, transaction_date as sales_date from scout.silver_validated_transactions "
                          "group by 1, 2 $q$"}
    arguments.update(change)
    call = ", ".join(f"{k} => {v}" for k, v in arguments.items())
    with psycopg.connect(url, autocommit=True) as conn:
        with pytest.raises(psycopg.Error) as caught:
            conn.execute(f"select ip_workbench.define_mart({call})")
        assert message in str(caught.value)
        assert conn.execute("select count(*) from ip_workbench.marts").fetchone() == (0,)


def test_only_the_owner_defines_marts(example):
    with psycopg.connect(example) as conn:
        conn.execute("set role service_role")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("select ip_workbench.define_mart('scout.gold_x', 'x', array['a'], '{}', 'select 1 as a')")
        conn.rollback()
        conn.execute("set role service_role")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("update ip_workbench.marts set query = 'select 1'")


def test_a_full_mart_is_rewritten_only_when_what_it_reads_changed(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(300)")
        conn.execute("""select ip_workbench.define_mart(mart => 'scout.gold_category_totals', description => 'totals',
            grain => array['category'], columns => '{"category": "c", "total_amount": "t"}',
            query => 'select category, sum(amount) as total_amount from scout.silver_validated_transactions group by 1')""")
        assert run(conn)["marts"][0]["rebuilt"] is True
        assert run(conn)["marts"] == []
        ingest(conn, sale("FULL-1"))
        assert run(conn)["marts"][0]["rebuilt"] is True
        assert conn.execute("select category, total_amount from scout.gold_category_totals order by 1").fetchall() == \
            conn.execute("select category, sum(amount) from scout.silver_validated_transactions group by 1 order by 1"
                         ).fetchall()


def test_an_incremental_gold_mart_keeps_what_gold_keeps(new_database):
    url = new_database()
    cli(url, "migrate", "--extension", str(EXAMPLE))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(2000)")
        run(conn)
        oldest = conn.execute("select min(sales_date) from scout.gold_vendor_daily_sales").fetchone()[0]
        conn.execute("update ip_workbench.settings set value = '400' where name = 'gold_retention_days'")
        kept_from = conn.execute("select scout_internal.gold_kept_from()").fetchone()[0]
        assert oldest < kept_from, "the seed reaches further back than Gold keeps"
        purged = conn.execute("select scout.purge_expired()").fetchone()[0]
        assert purged["status"] == "ok" and purged["deleted"]["scout.gold_vendor_daily_sales"] > 0, purged
        assert conn.execute("select count(*) from scout.gold_vendor_daily_sales where sales_date < %s",
                            (kept_from,)).fetchone() == (0,)
        assert conn.execute("select failed from scout_checks.gold_vendor_daily_sales_matches_its_query").fetchone() == (0,)
