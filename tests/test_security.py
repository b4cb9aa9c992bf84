"""The migrations as Supabase runs them: the database owner is not a superuser and
has no BYPASSRLS, the API roles already exist, pg_cron is not in this database."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import psycopg
import pytest
from psycopg.types.json import Jsonb

from conftest import admin, run_cli
from postgrest import postgrest_request


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


def test_postgrest_style_reads_and_writes_per_role(db_url):
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("select scout.ingest_transactions(%s)",
                     (Jsonb({"transaction_id": "R1", "date": "2025-12-05", "amount": 9, "category": "Snacks"}),))
        conn.execute("select scout.refresh_silver(), scout.refresh_gold()")
        # GET /gold_monthly_summary?month=eq.2025-12-01 as a signed-in user
        rows = postgrest_request(conn, "authenticated",
                                 "select category, total_amount from gold_monthly_summary where month = '2025-12-01'",
                                 read_only=True)
        assert rows == [("Snacks", 9)]
        # GET /silver_validated_transactions as the same user: not theirs to read
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            postgrest_request(conn, "authenticated", "select * from silver_validated_transactions", read_only=True)
        # GET as anon: nothing at all; the schema itself is closed to it
        with pytest.raises(psycopg.errors.UndefinedTable):
            postgrest_request(conn, "anon", "select * from gold_monthly_summary", read_only=True)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            postgrest_request(conn, "anon", "select * from scout.gold_monthly_summary", read_only=True)
        # POST /rpc/ingest_transactions: refused for a user, accepted for the service role
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            postgrest_request(conn, "authenticated", "select ingest_transactions('{\"transaction_id\": \"R2\"}')",
                              read_only=False)
        [(result,)] = postgrest_request(conn, "service_role",
                                        "select ingest_transactions('{\"transaction_id\": \"R2\"}')", read_only=False)
        assert result["inserted"] == 1
        # a read-only request cannot write even as the service role
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            postgrest_request(conn, "service_role", "select ingest_transactions('{\"transaction_id\": \"R3\"}')",
                              read_only=True)
