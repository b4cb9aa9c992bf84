"""Semantic search over Platinum (issue "Semantic search", CONTRACT v3): real vectors of
the packaged all-MiniLM-L6-v2, embedded incrementally, searched through
scout.match_transactions as PostgREST calls it — on the real[] path of this test
cluster's PostgreSQL 15 (no pgvector) and on the pgvector path of a real pgvector
server (the PyPI package pgserver: PostgreSQL 16.2 with pgvector 0.6.2)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from conftest import run_cli
from scout_db.config import Target
from scout_db.embedding import MODEL_NAME, embed_pending, encode
from scout_db.migrations import Migrator


def prepared(url: str, rows: int = 2500) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(%s, 11, current_date - 1)", (rows,))
        conn.execute("select scout.run_transformations(true)")
        assert conn.execute("select scout.refresh_platinum(true)").fetchone()[0]["rebuilt"] is True


def as_authenticated(conn: psycopg.Connection, claims: dict, sql: str, params: tuple = ()) -> list[tuple]:
    """One PostgREST call: its own transaction, the role and the JWT's claims set locally."""
    with conn.transaction():
        conn.execute("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', %s, true), "
                     "set_config('search_path', 'scout, public', true)",
                     (json.dumps({"role": "authenticated", **claims}),))
        return conn.execute(sql, params).fetchall()


def match(conn: psycopg.Connection, question: str, count: int = 10, filter_: dict | None = None) -> list[tuple]:
    return conn.execute("select transaction_id, similarity, metadata from scout.match_transactions(%s::real[], %s, %s)",
                        (encode([question])[0], count, json.dumps(filter_ or {}))).fetchall()


@pytest.fixture(scope="module")
def embedded(new_database) -> str:
    url = new_database()
    prepared(url)
    done = run_cli("embed", "--database-url", url, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("0 waiting"), done.stdout
    return url


def test_every_sentence_gets_a_vector_of_the_packaged_model(embedded):
    with psycopg.connect(embedded) as conn:
        assert conn.execute("select format_type(atttypid, atttypmod) from pg_attribute where attname = 'embedding' "
                            "and attrelid = 'scout.platinum_transaction_embeddings'::regclass").fetchone() == ("real[]",)
        rows, models, widths, norms = conn.execute("""
            select count(*), array_agg(distinct embedding_model), array_agg(distinct cardinality(embedding)),
                   max(abs(1 - (select sqrt(sum(x * x)) from unnest(embedding) x)))
              from scout.platinum_transaction_embeddings""").fetchone()
        assert rows > 200 and models == [MODEL_NAME] and widths == [384] and norms < 1e-4
    status = run_cli("status", "--database-url", embedded)
    assert f"semantic search: {rows} sentences embedded with {MODEL_NAME}, 0 waiting" in status.stdout, status.stdout


def test_search_finds_the_product_asked_for_and_its_paraphrase(embedded):
    with psycopg.connect(embedded) as conn:
        def count(field: str, value: str) -> int:
            return conn.execute("select count(*) from scout.platinum_transaction_embeddings where metadata ->> %s = %s",
                                (field, value)).fetchone()[0]
        colas = min(5, count("product_name", "Coca-Cola 1.5L"))
        cola = match(conn, "cola", colas)
        assert colas >= 2 and [m["product_name"] for _, _, m in cola] == ["Coca-Cola 1.5L"] * colas
        assert [s for _, s, _ in cola] == sorted((s for _, s, _ in cola), reverse=True), "best first"
        smokes = match(conn, "smokes", min(10, count("category", "Tobacco")))
        assert smokes and all(m["category"] == "Tobacco" for _, _, m in smokes), "no shared word, the meaning found"
        # the filter holds for every row; the meaning ranks the noodles paid by GCash first
        gcash_noodles = conn.execute("select count(*) from scout.platinum_transaction_embeddings where "
                                     "metadata @> '{\"payment_method\": \"gcash\", \"category\": \"Instant Noodles\"}'"
                                     ).fetchone()[0]
        noodles = match(conn, "instant noodles", 10, {"payment_method": "gcash"})
        assert gcash_noodles > 0 and len(noodles) == 10 and all(m["payment_method"] == "gcash" for _, _, m in noodles)
        assert [m["category"] for _, _, m in noodles[:min(10, gcash_noodles)]] == ["Instant Noodles"] * min(10, gcash_noodles)
    # no network: every proxy points at a closed port, so a download attempt would fail the command
    offline = {"HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "ALL_PROXY": "http://127.0.0.1:9",
               "HF_HUB_OFFLINE": "0", "HF_ENDPOINT": "http://127.0.0.1:9"}
    printed = run_cli("search", "cola", "--limit", "3", "--format", "json", "--database-url", embedded, env=offline)
    assert printed.returncode == 0, printed.stderr
    answers = json.loads(printed.stdout)
    assert len(answers) == 3 and set(answers[0]) == {"transaction_id", "similarity", "text"}
    assert "Coca-Cola" in answers[0]["text"]


def test_the_rpc_answers_as_authenticated_within_the_store_scope(embedded):
    vector = encode(["beer"])[0]
    call = "select transaction_id, metadata ->> 'store_id' from scout.match_transactions(%s::real[], 20)"
    with psycopg.connect(embedded) as conn:
        own = as_authenticated(conn, {"app_metadata": {"store_ids": ["ST-001"]}}, call, (vector,))
        expected = conn.execute("select count(*) from scout.platinum_transaction_embeddings where store_id = 'ST-001'"
                                ).fetchone()[0]
        assert expected > 0 and len(own) == min(20, expected) and {s for _, s in own} == {"ST-001"}
        assert as_authenticated(conn, {"sub": "00000000-0000-0000-0000-000000000099"}, call, (vector,)) == [], \
            "no store, no rows"
        everything = as_authenticated(conn, {"app_metadata": {"store_ids": ["*"]}}, call, (vector,))
        assert len(everything) == 20 and len({s for _, s in everything}) > 1


@pytest.mark.parametrize("vector, sqlstate, words", [
    ([0.1] * 383, "22023", "has 383 numbers; the embeddings have 384"),
    ([0.1] * 383 + [None], "22004", "a null at position 384"),
    ([0.1] * 383 + [float("nan")], "22023", "NaN"),
    ([0.0] * 384, "22023", "all zeros"),
])
def test_a_wrong_query_vector_is_a_clear_error(embedded, vector, sqlstate, words):
    with psycopg.connect(embedded) as conn:
        with pytest.raises(psycopg.Error) as caught:
            as_authenticated(conn, {"app_metadata": {"store_ids": ["*"]}},
                             "select * from scout.match_transactions(%s::real[])", (vector,))
        assert caught.value.sqlstate == sqlstate and words in str(caught.value)
        conn.rollback()
        with pytest.raises(psycopg.Error) as caught:
            conn.execute("select * from scout.match_transactions('{a,b}'::text::real[])")
        assert caught.value.sqlstate == "22P02"


def test_match_count_is_capped_and_the_filter_must_be_an_object(embedded):
    with psycopg.connect(embedded) as conn:
        assert len(match(conn, "rice", 5000)) == 100
        with pytest.raises(psycopg.Error) as caught:
            conn.execute("select * from scout.match_transactions(%s::real[], 5, '[1]')", (encode(["x"])[0],))
        assert caught.value.sqlstate == "22023" and "filter must be a JSON object" in str(caught.value)


def test_embedding_is_incremental_and_never_mixes_models(embedded):
    with psycopg.connect(embedded, autocommit=True) as conn:
        assert embed_pending(conn).embedded == 0, "nothing new, nothing embedded"
        before = dict(conn.execute("select transaction_id, embedded_at from scout.platinum_transaction_embeddings"))
        changed = conn.execute("select transaction_id, metadata from scout.platinum_transaction_embeddings "
                               "order by transaction_id limit 1").fetchone()
        source = conn.execute("select raw_data from scout.bronze_transactions where raw_data ->> 'transaction_id' = %s "
                              "order by ingest_seq desc limit 1", (changed[0],)).fetchone()[0]
        conn.execute("select scout.ingest_transactions(%s::jsonb)",
                     (json.dumps([{**source, "amount": 777.77},
                                  {**source, "transaction_id": "SEM-NEW-1", "amount": 12.5}]),))
        conn.execute("select scout.run_transformations(true)")
        rebuilt = conn.execute("select scout.refresh_platinum(true)").fetchone()[0]
        assert rebuilt["rebuilt"] is True and rebuilt["sentences_written"] == 2
        assert embed_pending(conn).embedded == 2, "the changed sentence and the new one, nothing else"
        after = dict(conn.execute("select transaction_id, embedded_at from scout.platinum_transaction_embeddings"))
        assert {t for t in before if after.get(t) != before[t]} == {changed[0]}, "unchanged sentences kept their vectors"
        # a vector of another model is never searched, and is re-embedded
        conn.execute("update scout.platinum_transaction_embeddings set embedding_model = 'an-older-model' "
                     "where transaction_id in (select transaction_id from scout.platinum_transaction_embeddings "
                     "where metadata ->> 'category' = 'Beverages' order by transaction_id limit 3)")
        found = {t for t, _, _ in match(conn, "a drink", 100, {"category": "Beverages"})}
        stale = {r[0] for r in conn.execute("select transaction_id from scout.platinum_transaction_embeddings "
                                            "where embedding_model = 'an-older-model'")}
        assert len(stale) == 3 and not found & stale
        assert embed_pending(conn).embedded == 3


def test_embed_follow_embeds_what_a_platinum_rebuild_writes(embedded):
    follower = subprocess.Popen([sys.executable, "-m", "scout_db.cli", "embed", "--follow", "--timeout", "120",
                                 "--interval", "60", "--database-url", embedded],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with psycopg.connect(embedded, autocommit=True) as conn:
            deadline = time.monotonic() + 60
            while "embedding Platinum as it changes" not in (follower.stderr.readline() or "") and \
                    time.monotonic() < deadline:
                pass
            conn.execute("select scout.ingest_transactions(%s::jsonb)", (json.dumps(
                {"transaction_id": "SEM-FOLLOW-1", "date": time.strftime("%Y-%m-%d", time.gmtime(time.time() - 86400)),
                 "amount": 99, "category": "Snacks", "store_id": "ST-002"}),))
            conn.execute("select scout.run_transformations(true)")
            conn.execute("select scout.refresh_platinum(true)")
            while time.monotonic() < deadline:
                if conn.execute("select embedding is not null from scout.platinum_transaction_embeddings "
                                "where transaction_id = 'SEM-FOLLOW-1'").fetchone() == (True,):
                    break
                time.sleep(0.5)
            else:
                pytest.fail("the follower did not embed the new sentence within 60 s")
    finally:
        follower.terminate()
        follower.wait(timeout=30)


# -- the pgvector path, on a real pgvector server ---------------------------------------------


@pytest.fixture(scope="module")
def pgvector_url() -> str:
    pgserver = pytest.importorskip("pgserver")
    home = Path(tempfile.mkdtemp(prefix="scout-pgvector-", dir="/tmp"))
    # 'delete': stopped and its folder removed when the handle is cleaned up
    server = pgserver.get_server(str(home), cleanup_mode="delete")
    try:
        server.psql("create database scout_vectors;")
        url = f"postgresql://postgres@/scout_vectors?host={home}"
        Migrator(Target(url, "pgvector server")).migrate()
        prepared(url, 2000)
        yield url
    finally:
        server.cleanup()
        shutil.rmtree(home, ignore_errors=True)


def test_the_pgvector_path_uses_hnsw_and_ranks_like_exact_cosine(pgvector_url):
    with psycopg.connect(pgvector_url, autocommit=True) as conn:
        assert conn.execute("select format_type(atttypid, atttypmod) from pg_attribute where attname = 'embedding' "
                            "and attrelid = 'scout.platinum_transaction_embeddings'::regclass").fetchone()[0] \
            .endswith("vector(384)")
        assert embed_pending(conn).embedded > 100
        vector = encode(["beer"])[0]
        plan = "\n".join(r[0] for r in conn.execute(
            "explain select transaction_id from scout.platinum_transaction_embeddings "
            "order by embedding <=> %s::real[]::vector(384) limit 10", (vector,)))
        assert "platinum_transaction_embeddings_embedding_idx" in plan, plan
        found = [t for t, _, _ in match(conn, "beer", 10)]
        # the oracle: every stored vector read back, cosine computed here, by hand
        stored = conn.execute("select transaction_id, embedding::text from scout.platinum_transaction_embeddings").fetchall()
        def cosine(text: str) -> float:
            values = json.loads(text)
            return sum(a * b for a, b in zip(values, vector, strict=True))
        exact = [t for t, _ in sorted(((t, cosine(v)) for t, v in stored), key=lambda p: (-p[1], p[0]))[:10]]
        assert len(set(found) & set(exact)) >= 9, (found, exact)
        own = as_authenticated(conn, {"app_metadata": {"store_ids": ["ST-003"]}},
                               "select metadata ->> 'store_id' from scout.match_transactions(%s::real[], 5)", (vector,))
        assert own and {s for (s,) in own} == {"ST-003"}


def test_the_search_bench_in_its_smoke_size(cluster, tmp_path):
    """`scout-db bench --search` runs end to end (the figures in bench/README.md come from
    its full size); never a timing."""
    out = tmp_path / "search.json"
    done = run_cli("--database-url", cluster.url("postgres"), "bench", "--search", "--rows", "1500", "--sample", "200",
                   "--database", "search_bench_smoke", "--out", str(out), timeout=600)
    assert done.returncode == 0, done.stderr + done.stdout
    result = json.loads(out.read_text())
    assert result["path"] == "real[] scan" and result["sentences"] > 1000
    assert result["embedding"]["sentences"] == 200 and result["embedding"]["sentences_per_second"] > 0
    for key in ("top10_semantic_ms", "top10_full_text_ms"):
        assert result[key]["calls"] >= 23 and 0 < result[key]["p50"] <= result[key]["p95"]
    with psycopg.connect(cluster.url("search_bench_smoke")) as conn:
        # every sentence of a product the sample reached has a vector (a rarer product's wait for none)
        assert conn.execute("""select count(*) from scout.platinum_transaction_embeddings e
                                where e.embedding is null and exists (
                                      select 1 from scout.platinum_transaction_embeddings f
                                       where f.embedding is not null
                                         and f.metadata ->> 'product_name' = e.metadata ->> 'product_name')""").fetchone() == (0,)
        assert conn.execute("select count(*) from scout.platinum_transaction_embeddings where embedding is not null"
                            ).fetchone()[0] > 0.5 * result["sentences"]
