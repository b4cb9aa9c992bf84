"""The migrations as Supabase runs them: the database owner is not a superuser and
has no BYPASSRLS, the API roles already exist, pg_cron is not in this database."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import psycopg
from psycopg.types.json import Jsonb

from conftest import admin, run_cli


def test_a_non_superuser_owner_migrates_and_runs_the_pipeline(cluster):
    owner, database = f"scout_owner_{os.getpid()}", f"owned_{os.getpid()}"
    with admin(cluster) as conn:
        conn.execute(f"create role {owner} login nosuperuser nobypassrls createrole")
        conn.execute(f"create database {database} owner {owner}")
    url = urlsplit(cluster.url(database))._replace(netloc=f"{owner}@127.0.0.1:{cluster.port}").geturl()

    done = run_cli("--database-url", url, "migrate")
    assert done.returncode == 0, done.stderr

    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("select rolsuper or rolbypassrls from pg_roles where rolname = current_user").fetchone()[0] \
            is False
        conn.execute("select scout.ingest_transactions(%s)",
                     (Jsonb({"transaction_id": "O1", "date": "2025-01-01", "amount": 3, "category": "Dairy"}),))
        result = conn.execute("select scout.refresh_silver()").fetchone()[0]
        assert result["inserted"] == 1
        # RLS is forced, so the owner sees rows only through its own policy
        assert conn.execute("select count(*) from scout.silver_validated_transactions").fetchone()[0] == 1
        assert conn.execute("select count(*) from ip_workbench.security_lint").fetchone()[0] == 0
        assert conn.execute("select count(*) from pg_extension where extname = 'pg_cron'").fetchone()[0] == 0
