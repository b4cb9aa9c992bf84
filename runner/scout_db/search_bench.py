"""`scout-db bench --search`: what semantic search costs, on the server given (pgvector's
HNSW index where it has pgvector, the real[] scan where not), side by side with full
text over the same sentences:

* embedding: sentences per second on this machine's cores, model loaded beforehand;
* a top-10 match at --rows sentences: p50 and p95 of the labelled questions, through
  scout.match_transactions as authenticated (every store), against full text with a GIN
  index on the same sentences.

Embedding --rows real sentences would take minutes per 10,000 on 2 cores, so a sample
is embedded for the rate, and every other sentence gets the vector of a sampled one of
the same product, moved slightly at random and made unit length again: the index and the
scan see as many distinct vectors, clustered as real ones are.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import psycopg

from .config import Target, connect
from .embedding import MODEL_NAME, embed_pending, encode, make_current
from .migrations import Migrator
from .search_quality import QUESTIONS

# the share of the generator's transactions that fall in Platinum's 90 days (120,120 of 1M)
PLATINUM_SHARE = 0.12
SPREAD = """
with sampled as (
    select e.metadata ->> 'product_name' as product, e.embedding::real[] as vector,
           pg_catalog.row_number() over (partition by e.metadata ->> 'product_name' order by e.transaction_id) as n,
           pg_catalog.count(*) over (partition by e.metadata ->> 'product_name') as k
      from scout.platinum_transaction_embeddings e
     where e.embedding_model = %(model)s
),
moved as (
    select e.transaction_id,
           (select pg_catalog.array_agg(v.x + (pg_catalog.random()::real - 0.5) * 0.02 order by v.i)
              from pg_catalog.unnest(s.vector) with ordinality v(x, i)) as vector
      from scout.platinum_transaction_embeddings e
      join sampled s on s.product = e.metadata ->> 'product_name'
                    and s.n = 1 + (pg_catalog.hashtext(e.transaction_id) & 2147483647) %% s.k
     where e.embedding is null
)
select pg_catalog.count(*) from moved
"""


@dataclass
class SearchBench:
    server: Target
    database: str
    rows: int
    sample: int
    seed: int = 42
    progress: callable = lambda _m: None
    result: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return urlsplit(self.server.url)._replace(path="/" + self.database).geturl()

    def run(self) -> dict:
        with connect(self.server, autocommit=True) as admin:
            admin.execute(f'drop database if exists "{self.database}" with (force)')
            admin.execute(f'create database "{self.database}"')
        Migrator(Target(self.url, "search bench")).migrate()
        transactions = math.ceil(self.rows / PLATINUM_SHARE)
        with psycopg.connect(self.url, autocommit=True) as conn:
            self.progress(f"{transactions:,} transactions into Silver and Platinum")
            conn.execute("select scout_dev.seed_bronze(%s, %s, current_date - 1)", (transactions, self.seed))
            conn.execute("select scout.run_transformations(true)")
            conn.execute("select scout.refresh_platinum(true)")
            sentences = conn.execute("select count(*) from scout.platinum_transaction_embeddings").fetchone()[0]
            vector_path = conn.execute("select format_type(atttypid, atttypmod) like '%%vector%%' from pg_attribute "
                                       "where attrelid = 'scout.platinum_transaction_embeddings'::regclass "
                                       "and attname = 'embedding'").fetchone()[0]
            make_current(conn)
            encode(["warm the model up"])
            self.progress(f"embedding {self.sample:,} sentences with {MODEL_NAME}")
            done = embed_pending(conn, 256, limit=self.sample)
            self.progress(f"giving the other {sentences - done.embedded:,} sentences a vector near a sampled one")
            self.spread(conn, vector_path)
            conn.execute("create index bench_platinum_text_idx on scout.platinum_transaction_embeddings "
                         "using gin (to_tsvector('english', text))")
            conn.execute("vacuum analyze scout.platinum_transaction_embeddings")
            questions = [q["question"] for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]]
            vectors = encode(questions)
            semantic = self.latencies(conn, "select count(*) from scout.match_transactions(%s::real[], 10)", vectors)
            full_text = self.latencies(
                conn, "select count(*) from (select transaction_id from scout.platinum_transaction_embeddings "
                      "where to_tsvector('english', text) @@ websearch_to_tsquery('english', %s) "
                      "order by ts_rank(to_tsvector('english', text), websearch_to_tsquery('english', %s)) desc "
                      "limit 10) t", [(q, q) for q in questions])
            version = conn.execute("show server_version").fetchone()[0]
            pgvector = conn.execute("select extversion from pg_extension where extname = 'vector'").fetchone()
        self.result = {
            "benchmark": "scout-db bench --search", "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "server": self.server.display, "postgres": version, "pgvector": pgvector[0] if pgvector else None,
            "path": "pgvector HNSW (vector_cosine_ops)" if vector_path else "real[] scan",
            "sentences": sentences, "model": MODEL_NAME,
            "embedding": {"sentences": done.embedded, "seconds": round(done.seconds, 2),
                          "sentences_per_second": round(done.rows_per_second, 1)},
            "top10_semantic_ms": semantic, "top10_full_text_ms": full_text,
        }
        return self.result

    def spread(self, conn: psycopg.Connection, vector_path: bool) -> None:
        cast = "::" + conn.execute("select format_type(atttypid, atttypmod) from pg_attribute where attrelid = "
                                   "'scout.platinum_transaction_embeddings'::regclass and attname = 'embedding'"
                                   ).fetchone()[0] if vector_path else ""
        statement = SPREAD.replace("select pg_catalog.count(*) from moved", f"""
            update scout.platinum_transaction_embeddings e
               set embedding = (select pg_catalog.array_agg(x / n.norm order by i)
                                  from pg_catalog.unnest(m.vector) with ordinality u(x, i),
                                       (select pg_catalog.sqrt(pg_catalog.sum(y * y)) as norm
                                          from pg_catalog.unnest(m.vector) y) n){cast},
                   embedding_model = %(model)s, embedded_at = pg_catalog.now()
              from moved m where m.transaction_id = e.transaction_id""")
        conn.execute(statement, {"model": MODEL_NAME})

    @staticmethod
    def latencies(conn: psycopg.Connection, statement: str, params: list, rounds: int = 3) -> dict:
        """Milliseconds per call as authenticated, every store, each question `rounds` times
        (the first round warms the cache and is not counted)."""
        conn.execute("set role authenticated")
        conn.execute("""select set_config('request.jwt.claims', '{"role": "authenticated", "app_metadata": {"store_ids": ["*"]}}', false)""")
        timings = []
        try:
            for round_number in range(rounds + 1):
                began = time.perf_counter()
                for p in params:
                    started = time.perf_counter()
                    conn.execute(statement, p if isinstance(p, tuple) else (p,)).fetchone()
                    if round_number:
                        timings.append((time.perf_counter() - started) * 1000)
                if round_number and time.perf_counter() - began > 30:
                    break  # a scan of seconds a call: one round says it
                if not round_number and time.perf_counter() - began > 30:
                    rounds = 1
        finally:
            conn.execute("reset role")
        timings.sort()
        return {"calls": len(timings), "p50": round(statistics.median(timings), 2),
                "p95": round(timings[int(0.95 * (len(timings) - 1))], 2)}
