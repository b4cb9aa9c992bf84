"""`scout-db db up/url/down`: a private cluster with pg_cron, idempotent, in the project folder."""

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
        down = run_cli("db", "down", env=env)
        assert down.returncode == 0 and down.stdout.strip() == "stopped"
        gone = run_cli("db", "url", env=env)
        assert gone.returncode != 0 and "not running" in gone.stderr
    finally:
        run_cli("db", "down", env=env)
