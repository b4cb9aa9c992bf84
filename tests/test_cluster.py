"""`scout-db db up/url/down` and `db replica up/url/down`: a private cluster with pg_cron,
idempotent, in the project folder, and its streaming read replica."""

from __future__ import annotations

import psycopg

from conftest import run_cli


def test_db_up_url_down_lifecycle(tmp_path):
    env = {"SCOUT_HOME": str(tmp_path / ".scout")}
    try:
        up = run_cli("db", "up", env=env)
        assert up.returncode == 0, up.stderr
        url = up.stdout.strip()
        assert url.startswith("postgresql://postgres@127.0.0.1:") and url.endswith("/scout")
        again = run_cli("db", "up", env=env)
        assert again.stdout.strip() == url, "a second db up reuses the running cluster"
        assert run_cli("db", "url", env=env).stdout.strip() == url
        with psycopg.connect(url) as conn:
            assert conn.execute("show shared_preload_libraries").fetchone()[0] == "pg_cron"
            assert conn.execute("show cron.database_name").fetchone()[0] == "scout"
        # with no connection configured, migrate uses the private cluster
        migrated = run_cli("migrate", env={**env, "DATABASE_URL": ""})
        assert migrated.returncode == 0, migrated.stderr
        with psycopg.connect(url) as conn:
            assert conn.execute(
                "select count(*) from pg_extension where extname = 'pg_cron'").fetchone()[0] == 1
        # its read replica: a hot standby that has the migrated database and refuses writes
        replica = run_cli("db", "replica", "up", env=env)
        assert replica.returncode == 0, replica.stderr
        replica_url = replica.stdout.strip()
        assert replica_url != url and run_cli("db", "replica", "url", env=env).stdout.strip() == replica_url
        with psycopg.connect(replica_url) as conn:
            assert conn.execute("select pg_is_in_recovery()").fetchone()[0]
            assert conn.execute("select count(*) from pg_extension where extname = 'pg_cron'").fetchone()[0] == 1
        stopped = run_cli("db", "replica", "down", "--destroy", env=env)
        assert stopped.returncode == 0 and stopped.stdout.strip() == "destroyed"
        assert "not running" in run_cli("db", "replica", "url", env=env).stderr
        down = run_cli("db", "down", env=env)
        assert down.returncode == 0 and down.stdout.strip() == "stopped"
        gone = run_cli("db", "url", env=env)
        assert gone.returncode != 0 and "not running" in gone.stderr
    finally:
        run_cli("db", "replica", "down", env=env)
        run_cli("db", "down", env=env)


def test_the_private_cluster_is_found_from_any_folder_never_made_anew(tmp_path, monkeypatch):
    """Run from another folder, scout-db started a second, empty cluster there. It finds
    the project's: above the current folder, else the checkout it runs from, else one
    remembered place for an installed scout-db."""
    from conftest import ROOT
    from scout_db import cluster

    monkeypatch.delenv("SCOUT_HOME", raising=False)
    assert cluster.project_home(ROOT / "docs" / "schemas") == ROOT / ".scout", "the project above"
    assert cluster.project_home(tmp_path) == ROOT / ".scout", "the checkout this scout-db runs from"
    installed = tmp_path / "site-packages" / "scout_db" / "db"
    (installed / "migrations").mkdir(parents=True)
    monkeypatch.setattr(cluster, "db_dir", lambda: installed)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cluster.project_home(tmp_path / "elsewhere") == tmp_path / "data" / "scout-db", "one remembered place"
    assert not (tmp_path / ".scout").exists() and not (tmp_path / "elsewhere" / ".scout").exists()
