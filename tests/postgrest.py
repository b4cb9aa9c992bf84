"""A request the way PostgREST runs it, for the Python tests: the same role switch
as the pgTAP files (db/tests/support/postgrest.sql), loaded into the session once."""

from __future__ import annotations

import psycopg

from conftest import ROOT

HELPER = (ROOT / "db" / "tests" / "support" / "postgrest.sql").read_text(encoding="utf-8")


def postgrest_request(conn: psycopg.Connection, role: str, sql: str, *, read_only: bool) -> list[tuple]:
    """One request: its own transaction (READ ONLY for a GET), the role and JWT claims
    set locally, search_path = the exposed schema."""
    if conn.execute("select to_regprocedure('pg_temp.as_role(text)') is null").fetchone()[0]:
        with conn.transaction():
            conn.execute(HELPER)
    with conn.transaction():
        if read_only:
            conn.execute("set transaction read only")
        conn.execute("select pg_temp.as_role(%s)", (role,))
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []
