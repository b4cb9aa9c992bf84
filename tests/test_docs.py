"""docs/schemas is the catalog the database generates (`scout-db docs`): the suite
fails when a change to db/ left it stale."""

from __future__ import annotations

import difflib

from conftest import ROOT, run_cli


def test_the_committed_catalog_is_current(db_url, tmp_path):
    fresh = tmp_path / "schemas"
    done = run_cli("docs", "--out", str(fresh), "--database-url", db_url)
    assert done.returncode == 0, done.stderr
    committed = ROOT / "docs" / "schemas"
    names = sorted(p.name for p in fresh.iterdir())
    assert names == sorted(p.name for p in committed.iterdir()), "the same pages"
    stale = [n for n in names if (fresh / n).read_text() != (committed / n).read_text()]
    diff = "".join(difflib.unified_diff((committed / stale[0]).read_text().splitlines(True),
                                        (fresh / stale[0]).read_text().splitlines(True), n=0)) if stale else ""
    assert not stale, f"docs/schemas is stale ({', '.join(stale)}): run make docs and commit it\n{diff[:3000]}"


def test_the_catalog_shows_every_column_its_meaning_and_who_reads_it(tmp_path, db_url):
    run_cli("docs", "--out", str(tmp_path), "--database-url", db_url)
    gold = (tmp_path / "gold.md").read_text()
    assert "## `scout.gold_monthly_summary` (table)" in gold
    assert "| `mom_growth_pct` | `numeric` | yes | round(100 * (total - prev) / prev, 2)" in gold
    assert "`authenticated`: select" in gold and '"authenticated users read all rows"' in gold
    assert "| `scout.ingest_transactions(payload jsonb, source text, source_filename text)` | `jsonb` | `service_role` |" \
        in (tmp_path / "functions.md").read_text()
    assert "```mermaid\nerDiagram" in (tmp_path / "relationships.md").read_text()
    stale = run_cli("docs", "--check", "--out", str(tmp_path / "nowhere"), "--database-url", db_url)
    assert stale.returncode == 1 and "is stale" in stale.stderr


def test_scout_holds_only_what_the_contract_and_the_docs_call_public(db_url):
    """scout is what PostgREST exposes: every table, view and function in it is named in
    the contract or in the docs a reader of the data is sent to; the layer's own
    bookkeeping lives in scout_internal."""
    import psycopg

    public = "".join((ROOT / "docs" / page).read_text(encoding="utf-8")
                     for page in ["contract.md", "layers.md", "runner.md", "operating.md", "supabase.md"])
    with psycopg.connect(db_url) as conn:
        names = [r[0] for r in conn.execute(
            "select c.relname from pg_class c where c.relnamespace = 'scout'::regnamespace "
            "and c.relkind in ('r', 'p', 'v', 'm') "
            "union select p.proname from pg_proc p where p.pronamespace = 'scout'::regnamespace")]
    assert len(names) > 20, "the query found scout's objects"
    assert [n for n in names if f"scout.{n}" not in public] == []
