"""The HTML data-quality report as a person sees it: rendered by a real headless
browser (Debian's chromium) in a laptop's window, 1366×768. The page must not run off
the screen sideways, its charts must be drawn with axes fitted to the scores (97.98 and
100 apart, not both at the top of a 0–100 axis), and each chart and table must say what
it shows. The measurements come from the browser's own layout, read by a script added
to a copy of the page; the screenshot is kept beside it for a human to look at. No table
may need sideways scrolling: a sample key half hidden is no sample."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import psycopg
import pytest
from psycopg.types.json import Jsonb

from conftest import run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WIDTH, HEIGHT = 1366, 768
MEASURE = """<script>
window.addEventListener('load', () => {
  const box = e => e.getBoundingClientRect();
  const charts = [...document.querySelectorAll('svg')].map(s => ({
    width: box(s).width, height: box(s).height, label: s.getAttribute('aria-label') || '',
    title: (s.closest('.chart')?.querySelector('h3')?.textContent) || '',
    ticks: [...s.querySelectorAll('text')].map(t => t.textContent),
    marks: s.querySelectorAll('rect, polyline').length}));
  const tables = [...document.querySelectorAll('table')].map(t => {
    const shown = t.closest('.wide') || t;
    return {right: box(shown).right, headers: [...t.querySelectorAll('th')].map(h => h.textContent)};
  });
  const hidden = [...document.querySelectorAll('.wide')].map(w => w.scrollWidth - w.clientWidth);
  const wrapped = [...document.querySelectorAll('td.num')].filter(td => {
    const text = document.createRange(); text.selectNodeContents(td); return text.getClientRects().length > 1;
  }).map(td => td.textContent);
  document.body.setAttribute('data-measured', JSON.stringify({
    hidden, wrapped, scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    title: document.title, headings: [...document.querySelectorAll('h1, h2')].map(h => h.textContent),
    charts, tables}));
});
</script>"""


def chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           f"--window-size={WIDTH},{HEIGHT}", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def report(new_database, tmp_path_factory) -> Path:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: install the Debian package chromium (make setup does)")
    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("select scout_dev.seed_bronze(3000)")
        conn.execute("select scout.run_transformations()")
        conn.execute("select scout.refresh_platinum()")
        conn.execute("select scout.run_dq_checks()")
        # a few bad rows a run: Silver's score moves between about 97 and 100
        for run in range(4):
            conn.execute("select scout.ingest_transactions(%s)", (Jsonb(
                [{"transaction_id": f"R{run}-{i}", "date": "2026-11-30", "amount": 5 if i >= run else -5,
                  "category": "Dairy", "store_id": "ST-001"} for i in range(60)]),))
            conn.execute("select scout.run_transformations()")
            conn.execute("select scout.run_dq_checks()")
    folder = tmp_path_factory.mktemp("report")
    page = folder / "dq.html"
    done = run_cli("dq", "report", "--format", "json", "--html", str(page), "--database-url", url)
    assert done.returncode == 0, done.stderr
    return page


def measured(report: Path) -> dict:
    probe = report.with_name("measured.html")
    probe.write_text(report.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    done = chromium("--virtual-time-budget=5000", "--dump-dom", probe.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'data-measured="([^"]*)"', done.stdout)
    assert found, "the browser ran the page's layout"
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_the_report_fits_a_laptop_screen_and_says_what_it_shows(report):
    page = measured(report)
    assert page["innerWidth"] == WIDTH
    assert page["scrollWidth"] <= WIDTH, f"the page runs {page['scrollWidth'] - WIDTH} px off a laptop screen"
    assert max(page["hidden"]) <= 1, f"a table needs sideways scrolling to be read whole: {page['hidden']} px hidden"
    assert page["wrapped"] == [], "a number split over two lines reads as two numbers"
    for table in page["tables"]:
        assert table["right"] <= WIDTH, f"a table runs off the screen: {table['headers']}"
        assert all(h.strip() for h in table["headers"]), "every column is labelled"
    assert page["title"].strip() and page["headings"], "the page and its sections have titles"


def test_the_charts_are_drawn_on_axes_fitted_to_the_scores(report):
    charts = measured(report)["charts"]
    assert charts, "the report draws score histories"
    silver = next(c for c in charts if "silver_validated_transactions" in c["title"])
    assert silver["width"] > 200 and silver["height"] > 60, "drawn at a readable size"
    assert silver["marks"] >= 2, "a line and a bar per run"
    assert "over time" in silver["label"], "it says what it shows"
    ticks = [float(t) for t in silver["ticks"] if re.fullmatch(r"\d+(\.\d+)?", t)]
    assert ticks, silver["ticks"]
    assert min(ticks) > 50 and max(ticks) - min(ticks) < 20, f"the axis is fitted to the scores, not 0–100: {ticks}"


def test_a_screenshot_of_the_report_is_a_laptop_screen(report):
    shot = report.with_name("dq.png")
    done = chromium(f"--screenshot={shot}", report.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (WIDTH, HEIGHT)
