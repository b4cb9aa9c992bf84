"""Store scope the way Supabase apps reach the data: PostgREST requests (a transaction
each, `set local role authenticated`, the JWT's claims in `request.jwt.claims`) through
a transaction-mode PgBouncer, where consecutive requests of different users share one
server connection. Nothing one request's user may see leaks into the next one's, a
membership removed between two requests of one session counts at once, and what each
user sees is counted independently of the policies (from the seeded Silver rows)."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from pooler import pooled


def request(conn: psycopg.Connection, claims: dict, sql: str, params: tuple = ()) -> list[tuple]:
    """One PostgREST GET: its own read-only transaction, role and claims set locally."""
    with conn.transaction():
        conn.execute("set transaction read only")
        conn.execute("select set_config('role', 'authenticated', true), "
                     "set_config('request.jwt.claims', %s, true), set_config('search_path', 'scout, public', true)",
                     (json.dumps({"role": "authenticated", **claims}),))
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def seeded(new_database) -> str:
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(4000)")
        conn.execute("select scout.run_transformations()")
        conn.execute("select scout.refresh_platinum()")
    return url


def silver_days(conn: psycopg.Connection, stores: list[str] | None) -> int:
    """(store, day, category) cells of Silver for these stores (None: every store), by hand."""
    return conn.execute("""select count(*) from (select distinct store_id, transaction_date, category
                                                    from scout.silver_validated_transactions
                                                   where %(all)s or store_id = any(%(stores)s)) c""",
                        {"all": stores is None, "stores": stores or []}).fetchone()[0]


def test_each_request_sees_its_own_users_stores_through_the_pooler(seeded, pooler):
    with psycopg.connect(seeded) as owner, pooled(pooler.url_for(seeded)) as conn:
        conn.autocommit = True
        expected = {"ST-001": silver_days(owner, ["ST-001"]), "ST-001+ST-002": silver_days(owner, ["ST-001", "ST-002"]),
                    "*": silver_days(owner, None)}
        assert 0 < expected["ST-001"] < expected["ST-001+ST-002"] < expected["*"]
        count = "select count(*) from scout.gold_store_daily_sales"
        pids = set()
        for _ in range(3):  # interleaved users on the pool's few server connections
            assert request(conn, {"app_metadata": {"store_ids": ["ST-001"]}}, count) == [(expected["ST-001"],)]
            assert request(conn, {"app_metadata": {"store_ids": ["*"]}}, count) == [(expected["*"],)]
            assert request(conn, {}, count) == [(0,)], "no store, no rows, right after a reader of every store"
            assert request(conn, {"app_metadata": {"store_ids": ["ST-001", "ST-002"]}}, count) == [
                (expected["ST-001+ST-002"],)]
            assert request(conn, {"user_metadata": {"store_ids": ["*"]}}, count) == [(0,)], "user_metadata is ignored"
            pids.add(request(conn, {}, "select pg_backend_pid()")[0][0])
        # a store manager's dashboard query, as PostgREST sends it: their store, by day
        rows = request(conn, {"app_metadata": {"store_ids": ["ST-001"]}},
                       "select store_id, sum(total_amount) from scout.gold_store_daily_sales group by store_id")
        assert [r[0] for r in rows] == ["ST-001"]
        assert rows[0][1] == owner.execute("select sum(amount) from scout.silver_validated_transactions "
                                           "where store_id = 'ST-001'").fetchone()[0], "to the cent"
        # Platinum: only their store's sentences
        stores = request(conn, {"app_metadata": {"store_ids": ["ST-002"]}},
                         "select distinct metadata ->> 'store_id' from scout.platinum_transaction_embeddings")
        assert stores == [("ST-002",)]


def test_a_membership_removed_between_two_requests_counts_at_once(seeded, pooler):
    user = str(uuid.uuid4())
    with psycopg.connect(seeded, autocommit=True) as owner, pooled(pooler.url_for(seeded)) as conn:
        conn.autocommit = True
        owner.execute("insert into scout.store_members (user_id, store_id) values (%s, 'ST-003')", (user,))
        claims = {"sub": user}
        first = request(conn, claims, "select distinct store_id from scout.gold_store_daily_sales")
        assert first == [("ST-003",)]
        owner.execute("delete from scout.store_members where user_id = %s", (user,))
        assert request(conn, claims, "select count(*) from scout.gold_store_daily_sales") == [(0,)]
        assert request(conn, claims, "select count(*) from scout.platinum_transaction_embeddings") == [(0,)]
        # and the pooled server connection keeps no role or claims between requests
        with conn.transaction():
            assert conn.execute("select current_user, current_setting('request.jwt.claims', true)").fetchone()[1] in (None, "")


def test_authenticated_cannot_grant_itself_a_store(seeded):
    with psycopg.connect(seeded) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
        conn.execute("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', %s, true)",
                     (json.dumps({"role": "authenticated", "sub": str(uuid.uuid4())}),))
        conn.execute("insert into scout.store_members (user_id, store_id) "
                     "values ((current_setting('request.jwt.claims')::jsonb ->> 'sub')::uuid, '*')")
