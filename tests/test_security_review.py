"""The security review of 2026-12, each finding tried as the attacker or the operator
who found it: service_role turning job rows into SQL that pg_cron runs as the owner,
the RPCs on a database with pg_cron, retention tricked into deleting unjudged Bronze,
settings judged when written, a FOR ALL TABLES publication, a migrate behind an open
Silver writer, and runs that die outside scout-db."""

from __future__ import annotations

import shutil
import time

import psycopg
import pytest
from psycopg.types.json import Jsonb

from conftest import ROOT, run_cli
from postgrest import postgrest_request
from scout_db.config import Target
from scout_db.errors import MigrationError
from scout_db.migrations import Migrator

SALE = {"date": "2025-03-03", "amount": 10, "category": "Dairy"}


# -- 1. jobs are code -----------------------------------------------------------------


@pytest.mark.parametrize("attack", [
    "update ip_workbench.jobs set command = 'copy (select 1) to program ''id''' where name = 'scout.run_transformations'",
    "insert into ip_workbench.jobs (name, cron_name, schedule, command, description) values "
    "('scout.refresh_gold_2', 'scout_evil', '* * * * *', 'copy (select 1) to program ''id''', 'x')",
    "delete from ip_workbench.jobs where name = 'scout.purge_expired'",
])
def test_service_role_cannot_write_the_jobs_pg_cron_runs(db_url, attack):
    with psycopg.connect(db_url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            postgrest_request(conn, "service_role", attack, read_only=False)
        assert postgrest_request(conn, "service_role", "select count(*) from ip_workbench.jobs", read_only=True)[0][0] \
            == conn.execute("select count(*) from ip_workbench.jobs").fetchone()[0], "it still reads them"


def test_what_pg_cron_runs_is_derived_from_the_job_name_and_checked(cluster, new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("update ip_workbench.jobs set command = 'select 1; copy (select 1) to program ''id''' "
                         "where name = 'scout.run_transformations'")
        # a row the owner's table holds (say, from before this release) naming no project function
        conn.execute("insert into ip_workbench.jobs (name, cron_name, schedule, command, description) values "
                     "('pg_catalog.pg_reload_conf', 'scout_reload', '* * * * *', "
                     "'select pg_catalog.pg_reload_conf()', 'not ours')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not a function of this project"):
            conn.execute("select * from scout_internal.cron_commands()")
        conn.execute("delete from ip_workbench.jobs where name = 'pg_catalog.pg_reload_conf'")
        commands = dict(conn.execute("select cron_name, command from scout_internal.cron_commands()").fetchall())
        registry = dict(conn.execute("select cron_name, name from ip_workbench.jobs where cron_name is not null"))
    assert commands["scout_transformation"] == "select scout.run_transformations()"
    assert commands == {cron_name: f"select {name}()" for cron_name, name in registry.items()}


def test_a_routine_migrate_after_the_attack_schedules_only_the_projects_commands(migrated_cron_url):
    """The attack of the finding, end to end on pg_cron's own database: service_role edits a
    job and adds one, then a routine migrate runs; pg_cron holds only select <job>()."""
    url = migrated_cron_url
    with psycopg.connect(url, autocommit=True) as conn:
        for attack in ("update ip_workbench.jobs set command = 'copy (select 1) to program ''id''' "
                       "where name = 'scout.run_transformations'",
                       "insert into ip_workbench.jobs (name, cron_name, schedule, command, description) values "
                       "('scout.x', 'scout_x', '* * * * *', 'copy (select 1) to program ''id''', 'x')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                postgrest_request(conn, "service_role", attack, read_only=False)
    Migrator(Target(url, "the test cluster's pg_cron database")).migrate()
    with psycopg.connect(url, autocommit=True) as conn:
        scheduled = conn.execute("select j.name, c.command from cron.job c join ip_workbench.jobs j "
                                 "on j.cron_name = c.jobname where c.database = current_database()").fetchall()
        unknown = conn.execute("select jobname from cron.job where database = current_database() and jobname "
                               "not in (select cron_name from ip_workbench.jobs where cron_name is not null)").fetchall()
    assert scheduled and all(command == f"select {name}()" for name, command in scheduled), scheduled
    assert unknown == []


# -- 2. the RPCs as service_role where pg_cron is installed ------------------------------


def test_the_contract_rpcs_work_for_service_role_on_a_database_with_pg_cron(migrated_cron_url):
    url = migrated_cron_url
    with psycopg.connect(url, autocommit=True) as conn:
        assert not conn.execute("select has_schema_privilege('service_role', 'cron', 'usage')").fetchone()[0], \
            "as on Supabase, service_role has no rights on schema cron"
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb({"transaction_id": "CRON-RPC", **SALE}),))
        for call in ("scout.run_transformations()", "scout.refresh_gold()", "scout.refresh_platinum()",
                     "scout.run_dq_checks()", "scout.backfill('2025-03-01', '2025-03-31')", "scout.refresh_silver()",
                     "scout.run_micro_batch()"):
            [(result,)] = postgrest_request(conn, "service_role", f"select {call}", read_only=False)
            assert result["status"] in ("ok", "idle", "failing"), (call, result)
            assert "permission denied" not in str(result), (call, result)


# -- 3. retention deletes only what Silver judged; settings judged when written --------


def test_retention_keeps_never_judged_bronze_whatever_the_watermark_and_period_say(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb([
            {"transaction_id": "JUDGED-1", **SALE},
            {"transaction_id": "JUDGED-BAD", **SALE, "amount": -1}]),))
        assert conn.execute("select scout.refresh_silver()").fetchone()[0]["status"] == "ok"
        # arrivals Silver has not seen: a new key, a correction of a judged one, an invalid row
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb([
            {"transaction_id": "NEVER-JUDGED", **SALE},
            {"transaction_id": "JUDGED-1", **SALE, "amount": 99},
            {"transaction_id": "NEVER-JUDGED-BAD", **SALE, "category": "Nope"}]),))
        # every Bronze row looks 60 days old (only the owner can do this)
        conn.execute("alter table scout.bronze_transactions disable trigger user")
        conn.execute("update scout.bronze_transactions set ingested_at = now() - interval '60 days'")
        conn.execute("alter table scout.bronze_transactions enable trigger user")
        # the attack: service_role moves the watermark past everything and shortens retention
        postgrest_request(conn, "service_role",
                          "update ip_workbench.watermarks set processed_snapshot = pg_current_snapshot(), "
                          "processed_xid = null, processed_seq = null where stream = 'silver_transactions'",
                          read_only=False)
        postgrest_request(conn, "service_role",
                          "update ip_workbench.settings set value = '30' where name = 'bronze_retention_days'",
                          read_only=False)
        [(purged,)] = postgrest_request(conn, "service_role", "select scout.purge_expired()", read_only=False)
        assert purged["status"] == "ok", purged
        left = {r[0] for r in conn.execute("select raw_data ->> 'transaction_id' || ':' || (raw_data ->> 'amount') "
                                           "from scout.bronze_transactions")}
    assert left == {"NEVER-JUDGED:10", "JUDGED-1:99", "NEVER-JUDGED-BAD:10"}, \
        "the judged rows went; the three Silver never saw stay"
    assert purged["deleted"]["bronze_transactions"] == 2


def test_retention_still_purges_judged_resends_and_superseded_versions(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        for payload in ({"transaction_id": "R-1", **SALE}, {"transaction_id": "R-1", **SALE},  # re-sent as is
                        {"transaction_id": "R-2", **SALE}, {"transaction_id": "R-2", **SALE, "amount": 12}):
            conn.execute("select scout.ingest_transactions(%s)", (Jsonb(payload),))
            assert conn.execute("select scout.refresh_silver()").fetchone()[0]["status"] == "ok"
        conn.execute("select scout.ingest_products(%s)", (Jsonb([{"sku": "P-1", "name": "Cola"},
                                                                 {"sku": "P-1", "name": "Cola"}]),))
        assert conn.execute("select scout.refresh_silver()").fetchone()[0]["status"] == "ok"
        for table in ("scout.bronze_transactions", "scout.bronze_products"):
            conn.execute(f"alter table {table} disable trigger user")
            conn.execute(f"update {table} set ingested_at = now() - interval '100 days'")
            conn.execute(f"alter table {table} enable trigger user")
        purged = conn.execute("select scout.purge_expired()").fetchone()[0]
        assert purged["deleted"]["bronze_transactions"] == 4 and purged["deleted"]["bronze_products"] == 2, purged
        assert conn.execute("select count(*) from scout.silver_validated_transactions").fetchone()[0] == 2


@pytest.mark.parametrize("name, value, problem", [
    ("business_time_zone", '"Mars/Olympus"', "is not a time zone name"),
    ("bronze_retention_days", "10", "is outside 30 to 36500"),
    ("bronze_retention_days", '"ninety"', "is not a number"),
    ("silver_retention_days", "30.5", "is not a whole number"),
    ("product_updated_at_tolerance", '"soon"', "is not an interval"),
    ("micro_batch_enabled", '"yes"', "is not true or false"),
    ("dq_alert_threshold", "180", "is outside 0 to 100"),
    ("silver_purged_before", '"2999-01-01"', "written by the owner only"),
])
def test_settings_are_judged_when_service_role_writes_them(db_url, name, value, problem):
    with psycopg.connect(db_url, autocommit=True) as conn:
        before = conn.execute("select value from ip_workbench.settings where name = %s", (name,)).fetchone()
        with pytest.raises(psycopg.errors.InvalidParameterValue, match=problem):
            postgrest_request(conn, "service_role",
                              f"update ip_workbench.settings set value = '{value}' where name = '{name}'",
                              read_only=False)
        assert conn.execute("select value from ip_workbench.settings where name = %s", (name,)).fetchone() == before
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="not a setting of this project"):
            postgrest_request(conn, "service_role", "insert into ip_workbench.settings (name, value, description) "
                              "values ('made_up', '1', 'x')", read_only=False)
        postgrest_request(conn, "service_role", "update ip_workbench.settings set value = '\"Asia/Manila\"' "
                          "where name = 'business_time_zone'", read_only=False)
        conn.execute("update ip_workbench.settings set value = '\"UTC\"' where name = 'business_time_zone'")


# -- 7. a FOR ALL TABLES publication ---------------------------------------------------


def test_the_pipeline_runs_under_a_for_all_tables_publication(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("create publication everything for all tables")
        conn.execute("select scout_dev.seed_bronze(2000, 7)")
        without_key = conn.execute("""
            select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('scout', 'scout_internal', 'ip_workbench', 'test_failures') and c.relkind = 'r'
               and (c.relreplident = 'n'
                    or (c.relreplident = 'd'
                        and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary)))
            """).fetchall()
        assert without_key == [], "every table can publish its updates and deletes"
        results = {}
        for call in ("scout.run_transformations(p_platinum => true)", "scout.refresh_gold()",
                     "scout.run_dq_checks()", "scout.purge_expired()", "scout.backfill('2020-01-01', current_date)",
                     "scout.run_transformations()", "scout.run_dq_checks()"):
            results[call] = conn.execute(f"select {call}").fetchone()[0]
        conn.execute("drop publication everything")
    for call, result in results.items():
        assert result["status"] != "failed", (call, result)


# -- 8. a migrate never waits without bound, and says for whom --------------------------


def test_a_migrate_with_nothing_to_apply_does_not_queue_behind_an_open_silver_writer(db_url):
    with psycopg.connect(db_url) as writer:
        writer.execute("lock table scout.silver_validated_transactions in row exclusive mode")
        started = time.monotonic()
        done = run_cli("migrate", "--database-url", db_url, env={"SCOUT_LOCK_TIMEOUT": "20s"}, timeout=120)
        elapsed = time.monotonic() - started
        writer.rollback()
    assert done.returncode == 0, done.stderr
    assert elapsed < 20, f"migrate waited {elapsed:.0f}s for the open Silver writer"


def test_a_migrate_that_must_wait_gives_up_in_time_and_names_the_session(db_url, tmp_path, monkeypatch):
    db = tmp_path / "db"
    shutil.copytree(ROOT / "db", db)
    (db / "migrations" / "9999_wants_silver.sql").write_text(
        "alter table scout.silver_validated_transactions add column wants_a_lock int;\n")
    with psycopg.connect(db_url) as writer:
        writer.execute("set application_name = 'the open silver writer'")
        writer.execute("lock table scout.silver_validated_transactions in row exclusive mode")
        pid = writer.execute("select pg_backend_pid()").fetchone()[0]
        report: list[str] = []
        started = time.monotonic()
        monkeypatch.setenv("SCOUT_LOCK_TIMEOUT", "3s")
        with pytest.raises(MigrationError) as refused:
            Migrator(Target(db_url, "test"), directory=db, echo=report.append).migrate()
        elapsed = time.monotonic() - started
        writer.rollback()
    message = str(refused.value)
    assert "9999_wants_silver.sql" in message and "gave up after waiting 3s" in message, message
    assert f"pid {pid}" in message and "the open silver writer" in message, message
    assert any(f"pid {pid}" in line and "waiting up to 3s" in line for line in report), report
    assert elapsed < 15
    with psycopg.connect(db_url) as conn:
        assert conn.execute("select count(*) from information_schema.columns "
                            "where column_name = 'wants_a_lock'").fetchone()[0] == 0, "nothing was changed"


# -- 10. a run that dies outside scout-db ----------------------------------------------


def test_a_run_killed_in_psql_is_recorded_as_abandoned_by_the_next_run(new_database):
    url = new_database()
    victim = psycopg.connect(url)
    result = victim.execute("select scout.refresh_gold()").fetchone()[0]
    assert result["status"] == "ok"
    xid, pid = victim.execute("select pg_current_xact_id()::text, pg_backend_pid()").fetchone()
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("select pg_terminate_backend(%s)", (pid,))
    victim.close()
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("select count(*) from ip_workbench.job_runs").fetchone()[0] == 0, \
            "the killed run's row went with its transaction"
        assert conn.execute("select scout.refresh_gold()").fetchone()[0]["status"] == "ok"
        rows = conn.execute("select status, xact_id::text, message from ip_workbench.job_runs "
                            "where job_name = 'scout.refresh_gold' order by id").fetchall()
        assert [r[:2] for r in rows] == [("abandoned", xid), ("ok", rows[1][1])], rows
        assert "never committed" in rows[0][2]
        # and once only: the run after that finds its predecessor committed
        assert conn.execute("select scout.refresh_gold()").fetchone()[0]["status"] == "ok"
        assert conn.execute("select count(*) from ip_workbench.job_runs where status = 'abandoned'").fetchone()[0] == 1


def test_a_call_its_client_rolled_back_is_recorded_too(new_database):
    url = new_database()
    with psycopg.connect(url) as conn:
        conn.execute("select scout.run_dq_checks()")
        conn.rollback()  # the client went away before commit
    with psycopg.connect(url, autocommit=True) as conn:
        postgrest_request(conn, "service_role", "select scout.run_dq_checks()", read_only=False)
        statuses = conn.execute("select status from ip_workbench.job_runs where job_name = 'scout.run_dq_checks' "
                                "order by id").fetchall()
    assert statuses == [("abandoned",), ("ok",)], statuses
