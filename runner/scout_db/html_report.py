"""`scout-db dq report --html`: one self-contained page (no network: inline SVG and
CSS, works from a file:// URL) of what SQL computed — no metric is computed here."""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import UTC, datetime

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2733;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde3ea;padding-bottom:.3rem}
.muted{color:#66727f}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #eef1f4}
th{background:#f6f8fa;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.bad{color:#b3261e;font-weight:600}.ok{color:#1e7d32}.warn{color:#a15c00}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:1rem}
.chart{border:1px solid #e3e8ee;border-radius:6px;padding:.6rem}.chart h3{margin:0 0 .3rem;font-size:.95rem;overflow-wrap:anywhere}
code{background:#f3f5f7;padding:0 .25rem;border-radius:3px}
.wide{overflow-x:auto;max-width:100%}td{overflow-wrap:break-word}
td.keys{font:12px ui-monospace,Menlo,Consolas,monospace;color:#44505c;min-width:16rem;max-width:260px;overflow-wrap:anywhere}
td.id{overflow-wrap:anywhere;min-width:9rem}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if isinstance(moment, datetime) else str(moment)


def _score_class(score, bar) -> str:
    if score is None:
        return "muted"
    if score < 80:
        return "bad"
    return "ok" if bar is None or score >= bar else "warn"


def _axis(values: list[float]) -> tuple[float, float]:
    """The y range fitted to the data, so 97.98 and 100 are apart: the lowest and highest
    score with a margin, widened to at least 2 points, kept within 0..100."""
    lo, hi = min(values), max(values)
    margin = max((hi - lo) * 0.15, 1.0)
    lo, hi = max(0.0, lo - margin), min(100.0, hi + margin)
    if hi - lo < 2:
        lo, hi = (max(0.0, hi - 2), hi) if hi >= 2 else (0.0, 2.0)
    return lo, hi


def _chart(table: str, points: list[tuple[datetime, float]]) -> str:
    width, height, left, pad = 320, 130, 40, 22
    points = [p for p in points if p[1] is not None]
    if not points:
        return ""
    times = [p[0].timestamp() for p in points]
    t_lo, t_hi = min(times), max(times)
    span = (t_hi - t_lo) or 1.0
    y_lo, y_hi = _axis([float(p[1]) for p in points])

    def xy(t: float, score: float) -> tuple[float, float]:
        x = left + (width - left - pad) * ((t - t_lo) / span if len(points) > 1 else 0.5)
        return x, height - pad - (height - 2 * pad) * (float(score) - y_lo) / (y_hi - y_lo)

    coords = [xy(t, p[1]) for t, p in zip(times, points, strict=True)]
    ticks = "".join(
        f'<line x1="{left}" y1="{xy(t_lo, v)[1]:.1f}" x2="{width - pad}" y2="{xy(t_lo, v)[1]:.1f}" stroke="#eef1f4"/>'
        f'<text x="{left - 4}" y="{xy(t_lo, v)[1] + 3:.1f}" font-size="10" fill="#66727f" text-anchor="end">{v:.1f}</text>'
        for v in (y_lo, (y_lo + y_hi) / 2, y_hi))
    threshold = (f'<line x1="{left}" y1="{xy(t_lo, 80)[1]:.1f}" x2="{width - pad}" y2="{xy(t_lo, 80)[1]:.1f}" '
                 f'stroke="#d9534f" stroke-dasharray="4 3"><title>alert threshold 80</title></line>'
                 if y_lo <= 80 <= y_hi else "")
    bars = "".join(f'<rect x="{x - 2:.1f}" y="{y:.1f}" width="4" height="{height - pad - y:.1f}" fill="#2f6fb0" '
                   f'opacity="0.35"><title>{_e(_when(p[0]))}: {_e(p[1])}</title></rect>'
                   for (x, y), p in zip(coords, points, strict=True))
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    return (f'<div class="chart"><h3>{_e(table)}</h3><svg viewBox="0 0 {width} {height}" width="100%" role="img" '
            f'aria-label="dq_score of {_e(table)} over time, from {y_lo:.1f} to {y_hi:.1f}">{ticks}{threshold}'
            f'<line x1="{left}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#c8d0d8"/>{bars}'
            f'<polyline fill="none" stroke="#2f6fb0" stroke-width="2" points="{path}"/>'
            f'<text x="{left}" y="{height - 6}" font-size="10" fill="#66727f">{_e(_when(points[0][0]))}</text>'
            f'<text x="{width - pad}" y="{height - 6}" font-size="10" fill="#66727f" text-anchor="end">'
            f'{_e(_when(points[-1][0]))}</text></svg></div>')


def render_html(data: dict) -> str:
    history: dict[str, list] = defaultdict(list)
    for point in data["history"]:
        history[point["table"]].append((point["checked_at"], point["dq_score"]))
    scores = "".join(
        f"<tr><td class='id'>{_e(s['table'])}</td><td>{_e(s['layer'])}</td>"
        + "".join(f'<td class="num">{_e(s[k])}</td>' for k in ("completeness", "uniqueness", "timeliness"))
        + f'<td class="num {_score_class(s["dq_score"], s["overall_threshold"])}">{_e(s["dq_score"])}</td>'
        f'<td class="num muted">{_e(s["cumulative_score"])}</td><td class="num muted">{_e(s["overall_threshold"])}</td>'
        f'<td class="{"bad" if s["failing_bars"] else "ok"}">{_e(s["failing_bars"] or "none")}</td></tr>'
        for s in data["scores"])
    alerts = "".join(
        f"<tr><td>{_e(a['id'])}</td><td>{_e(a['kind'])}</td><td>{_e(a['subject'])}</td>"
        f"<td class='num bad'>{_e(a['dq_score'])}</td><td class='num'>{_e(a['threshold'])}</td>"
        f"<td>{_e(_when(a['opened_at']))}</td>"
        f"<td>{_e(', '.join(c['check'] for c in a['failing_checks']) or (a['details'] or {}).get('message', ''))}</td>"
        f"</tr>" for a in data["open_alerts"]) or \
        '<tr><td colspan="7" class="ok">No open alert.</td></tr>'
    failing = [c for c in data["checks"] if c["failed"] or c.get("recent_failed")]
    checks = "".join(
        f"<tr><td class='id'><code>{_e(c['check'])}</code></td><td class='id'>{_e(c['table'])}</td><td>{_e(c['dimension'])}</td>"
        f"<td class='num bad'>{_e(c.get('recent_failed'))}</td><td class='num bad'>{_e(c['failed'])}</td>"
        f"<td class='num'>{_e(c['passed'])}</td><td>{_e(c['detail'])}</td>"
        f"<td class='keys'>{_e(', '.join(c['sample_keys'][:3]))}</td></tr>" for c in failing) or \
        '<tr><td colspan="8" class="ok">Every check passes.</td></tr>'
    charts = "".join(_chart(table, points) for table, points in sorted(history.items()))
    running = "".join(
        f"<tr><td>{_e(r['month'])}</td><td>{_e(r['category'])}</td><td class='num'>{_e(r['total_amount'])}</td>"
        f"<td class='num'>{_e(r['mtd_growth_pct'])}</td></tr>" for r in data.get("running_month", [])) or \
        '<tr><td colspan="4" class="muted">No sales yet this month.</td></tr>'
    anomalies = "".join(
        f"<tr><td>{_e(a['week_start'])}</td><td>{_e(a['category'])}</td><td class='bad'>{_e(a['direction'])}</td>"
        f"<td class='num'>{_e(a['total_amount'])}</td><td class='num'>{_e(a['expected_amount'])}</td></tr>"
        for a in data.get("sales_anomalies", [])) or '<tr><td colspan="5" class="ok">No week pages.</td></tr>'
    recommendations = "".join(
        f"<tr><td>{_e(r['product'])} <span class='muted'>{_e(r['sku'])}</span></td>"
        f"<td>{_e(r['recommended'])} <span class='muted'>{_e(r['recommended_sku'])}</span></td>"
        f"<td class='num'>{_e(r['co_occurrence'])}</td><td class='num'>{_e(r['lift'])}</td></tr>"
        for r in data.get("recommendations", [])) or \
        '<tr><td colspan="4" class="muted">No pair is shared by enough baskets yet.</td></tr>'

    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scout data quality</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>
<body>
<h1>Scout data quality</h1>
<p class="muted">Run {_e(data['run_id'])} of <code>scout.run_dq_checks()</code>; generated {generated}.
Scores describe the rows that arrived since the previous check run (the cumulative score covers every
retained row); a dimension scores its worst check, a table its weakest dimension; alerts open below 80.</p>
<h2>Scores</h2>
<div class="wide"><table><thead><tr><th>table</th><th>layer</th><th>completeness</th><th>uniqueness</th><th>timeliness</th><th>dq_score</th><th>cumulative</th><th>layer bar</th><th>failing bars</th></tr></thead>
<tbody>{scores}</tbody></table></div>
<h2>Open alerts</h2>
<div class="wide"><table><thead><tr><th>id</th><th>kind</th><th>about</th><th>score</th><th>threshold</th><th>since</th><th>failing checks or error</th></tr></thead>
<tbody>{alerts}</tbody></table></div>
<h2>Failing checks ({len(failing)} of {len(data['checks'])})</h2>
<div class="wide"><table><thead><tr><th>check</th><th>table</th><th>dimension</th><th>recent failed</th><th>failed</th><th>passed</th><th>what</th><th>sample keys: business keys, or the Bronze id where none could be read (test_failures)</th></tr></thead>
<tbody>{checks}</tbody></table></div>
<h2>Score history</h2>
<p class="muted">Each chart's scale is fitted to its scores (labelled on the left); the dashed line is the alert threshold where it falls in range.</p>
<div class="charts">{charts or '<p class="muted">No history yet.</p>'}</div>
<h2>The running month, to date</h2>
<p class="muted">A month that is not over is compared like for like: its complete days against as many first days
of the month before (<code>mtd_growth_pct</code>), never against whole months.</p>
<table><thead><tr><th>month</th><th>category</th><th>so far</th><th>month to date %</th></tr></thead>
<tbody>{running}</tbody></table>
<h2>Sales anomalies that page</h2>
<p class="muted">Complete weeks <code>scout.gold_sales_anomalies</code> flags (not the 2-sigma highlights).</p>
<table><thead><tr><th>week</th><th>category</th><th>direction</th><th>total</th><th>expected</th></tr></thead>
<tbody>{anomalies}</tbody></table>
<h2>Recommendations</h2>
<table><thead><tr><th>product</th><th>recommended with it</th><th>baskets with both</th><th>lift</th></tr></thead>
<tbody>{recommendations}</tbody></table>
</body></html>
"""
