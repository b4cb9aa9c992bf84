"""scout-db search --evaluate: the labelled questions (data/search_questions.json),
embedded here, judged in SQL (scout_dev.search_evaluation) against full text."""

from __future__ import annotations

import json
from pathlib import Path

import click
import psycopg

from .embedding import encode
from .text import shown

QUESTIONS = Path(__file__).resolve().parent / "data" / "search_questions.json"
SUMMARY = """
with judged as (select * from scout_dev.search_evaluation(%s::jsonb))
select kind, method, count(*), round(avg(recall_at_10), 3), round(avg(reciprocal_rank), 3)
  from judged
 where relevant > 0  -- a question nothing answers in this database has no recall to measure
 group by kind, method order by kind, method
"""
DETAIL = "select question, kind, method, relevant, recall_at_10, reciprocal_rank from scout_dev.search_evaluation(%s::jsonb)"


def evaluate(conn: psycopg.Connection) -> dict:
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    vectors = encode([q["question"] for q in questions])
    payload = json.dumps([{**q, "embedding": v} for q, v in zip(questions, vectors, strict=True)])
    summary = [dict(zip(("kind", "method", "questions", "recall_at_10", "mrr"), row, strict=True))
               for row in conn.execute(SUMMARY, (payload,))]
    detail = [dict(zip(("question", "kind", "method", "relevant", "recall_at_10", "reciprocal_rank"), row, strict=True))
              for row in conn.execute(DETAIL, (payload,))]
    sentences = conn.execute("select count(*) from scout.platinum_transaction_embeddings "
                             "where embedding_model is not null").fetchone()[0]
    return {"sentences": sentences, "summary": summary, "questions": detail}


def render(result: dict, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, default=float))
        return
    click.echo(f"{len(result['questions']) // 2} labelled questions over {result['sentences']} embedded sentences")
    click.echo(f"{'kind':<11} {'method':<10} {'questions':>9} {'recall@10':>10} {'MRR':>6}")
    for row in result["summary"]:
        click.echo(f"{row['kind']:<11} {row['method']:<10} {row['questions']:>9} {float(row['recall_at_10']):>10.3f} "
                   f"{float(row['mrr']):>6.3f}")
    click.echo("")
    by_question: dict[str, dict] = {}
    for row in result["questions"]:
        by_question.setdefault(row["question"], {})[row["method"]] = row
    for question, methods in by_question.items():
        s, f = methods["semantic"], methods["full_text"]
        click.echo(shown(f"{question!r:<36} {s['kind']:<10} relevant {s['relevant']:>5}  semantic "
                         f"{float(s['recall_at_10']):.1f}/{float(s['reciprocal_rank']):.2f}  full text "
                         f"{float(f['recall_at_10']):.1f}/{float(f['reciprocal_rank']):.2f}"))
