"""Silver's value rules against independent Python oracles, on generated inputs:
strict ISO dates (the calendar included) and amounts rounded to the cent."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from psycopg.types.json import Jsonb

DIGITS = "0123456789"  # ASCII only: str.isdigit would take Arabic-Indic and fullwidth digits too


def _number(text: str, width: int, low: int, high: int) -> int | None:
    """text as exactly `width` ASCII digits between low and high, else None."""
    if len(text) != width or any(c not in DIGITS for c in text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def iso_date_oracle(text: str) -> date | None:
    """The contract's grammar, read piece by piece: YYYY-MM-DD, optionally followed by
    T or a space and a time hh:mm[:ss[.fraction of 1 to 9 digits]], the time optionally
    followed by a zone: Z, or a sign and hh[[:]mm], at most ±15:59 (the most PostgreSQL
    can represent). The date must exist in the calendar (no year 0, no 30 February)."""
    if len(text) < 10 or text[4] != "-" or text[7] != "-":
        return None
    year, month, day = _number(text[0:4], 4, 0, 9999), _number(text[5:7], 2, 0, 99), _number(text[8:10], 2, 0, 99)
    if year is None or month is None or day is None:
        return None
    rest = text[10:]
    if rest:
        if rest[0] not in "T " or len(rest) < 6 or rest[3] != ":":
            return None
        if _number(rest[1:3], 2, 0, 23) is None or _number(rest[4:6], 2, 0, 59) is None:
            return None
        rest = rest[6:]
        if rest[:1] == ":":
            if _number(rest[1:3], 2, 0, 59) is None:
                return None
            rest = rest[3:]
            if rest[:1] == ".":
                fraction = rest[1:]
                width = next((i for i, c in enumerate(fraction) if c not in DIGITS), len(fraction))
                if not 1 <= width <= 9:
                    return None
                rest = fraction[width:]
        if rest not in ("", "Z"):
            zone = rest[1:]
            hours, minutes = {2: (zone, "00"), 4: (zone[:2], zone[2:]),
                              5: (zone[:2], zone[3:] if zone[2:3] == ":" else "")}.get(len(zone), ("", ""))
            if rest[0] not in "+-" or _number(hours, 2, 0, 15) is None or _number(minutes, 2, 0, 59) is None:
                return None
    try:
        return date(year, month, day)
    except ValueError:  # month 13, 30 February, year 0, …
        return None


def cents_oracle(text: str) -> Decimal | None:
    """A plain decimal (an optional sign, digits with at most one point and at least one
    digit, an optional exponent of at most 3 digits), exact, rounded half away from zero
    to the cent, if it then fits numeric(14, 2); texts over 1000 characters are refused."""
    if len(text) > 1000:
        return None
    mantissa, has_exponent, exponent = text.replace("E", "e").partition("e")
    exponent_digits = exponent[1:] if exponent[:1] in "+-" else exponent
    if has_exponent and not (1 <= len(exponent_digits) <= 3 and all(c in DIGITS for c in exponent_digits)):
        return None
    body = mantissa[1:] if mantissa[:1] in "+-" else mantissa
    whole, _, fraction = body.partition(".")
    if any(c not in DIGITS for c in whole + fraction) or not (whole or fraction):
        return None
    with localcontext(Context(prec=2000)):  # exact, like numeric, even for 1e999
        cents = Decimal(text).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)  # half away from zero, like round()
        return cents if abs(cents) < Decimal("1e12") else None  # what numeric(14, 2) can hold


date_like = st.builds(
    lambda y, m, d, time, zone: f"{y:04d}-{m:02d}-{d:02d}{time}{zone if time else ''}",
    st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32),
    st.sampled_from(["", "T00:00", "T23:59:59", " 12:30:00.5", "T24:00", "T10:61", "T9:00"]),
    st.sampled_from(["", "Z", "+08:00", "-0530", "+25:00", "+08", "+15:59", "-16:00", "+20:00", "+14"]),
)
noise = st.text(alphabet="0123456789-T :+Z./aeinoty", max_size=32)
amounts = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e13"), max_value=Decimal("1e13")).map(str),
    st.builds(lambda whole, frac: f"{whole}.{frac}", st.integers(0, 10**6), st.integers(0, 10**6)),
    st.text(alphabet="0123456789.+-eE ,", max_size=20),
)


@pytest.fixture(scope="module")
def conn(db_url):
    with psycopg.connect(db_url, autocommit=True) as connection:
        yield connection


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(date_like, noise))
@example("2024-02-29")
@example("2023-02-29")
@example("1900-02-29")
@example("2000-02-29")
@example("0000-01-01")
@example("2025-04-31")
def test_iso_date_accepts_exactly_iso_8601_calendar_dates(conn, text):
    assert conn.execute("select scout_internal.iso_date(%s)", (text,)).fetchone()[0] == iso_date_oracle(text), text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts)
@example("0.005")
@example("-0.005")
@example("2.675")
@example("999999999999.99")
@example("999999999999.995")
@example("1e12")
@example("1E-3")
@example("1" + "0" * 131072)
@example("1." + "0" * 16384)
@example("0." + "0" * 997 + "5")
@example("1e999")
def test_amounts_are_read_exactly_and_rounded_to_the_cent(conn, text):
    got = conn.execute("select round(scout_internal.parse_money(%s), 2)", (text,)).fetchone()[0]
    assert got == cents_oracle(text), text


# -- a hostile stream: whatever one row holds, refresh_silver keeps working

CONTRACT_KEYS = ["transaction_id", "date", "amount", "currency", "category", "subcategory", "store_id",
                 "vendor_name", "vendor_id", "customer_id", "sku", "quantity", "tax_amount", "payment_method",
                 "description"]
HOSTILE_TEXT = [
    "1" + "0" * 131072, "1." + "0" * 16384, "1e400", "1e-400", "-0", "NaN", "Infinity", "0x1F", "1,000.50",
    "\uff12\uff10\uff12\uff15-01-01", "\u0663", "2025-01-01T10:00:00+20:00", "2025-01-01T24:00", "2025-02-30",
    "today", "epoch", "infinity", "0001-01-01", "9999-12-31", "idr", "\u0130DR", "\u00a0Snacks\u200b", "snacks",
    "'; drop table scout.silver_validated_transactions; --", "x" * 10_000, " ", "\t", "\u200b",
]
# No NUL: jsonb cannot hold \u0000, so such a body never reaches the ingest function (22P05).
# No lone surrogate either: PostgreSQL's JSON parser refuses "\ud800" (22P02) before the call.
no_nul = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=no_nul, max_size=20),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(alphabet=no_nul, max_size=5), children, max_size=3),
    max_leaves=8)
hostile_values = st.one_of(st.sampled_from(HOSTILE_TEXT), json_values,
                           st.integers(2, 60).map(lambda depth: json.loads("[" * depth + "1" + "]" * depth)))
hostile_payloads = st.dictionaries(st.sampled_from(CONTRACT_KEYS + ["extra", "weird key ☃"]), hostile_values,
                                   max_size=8)


# "Trimmed" as CONTRACT.md words it: every character a person cannot see, at either end.
INVISIBLE = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
             "\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(hostile_payloads, min_size=1, max_size=4))
def test_no_payload_stops_refresh_silver(db_url, payloads):
    control = {"transaction_id": "CONTROL", "date": "2025-01-01", "amount": 1, "category": "Dairy"}
    with psycopg.connect(db_url) as tx:
        try:
            tx.execute("select scout.ingest_transactions(%s)", (Jsonb([*payloads, control]),))
            result = tx.execute("select scout.refresh_silver()").fetchone()[0]
            assert result["transactions"]["processed"] == len(payloads) + 1
            assert tx.execute("select count(*) from scout.silver_validated_transactions "
                              "where transaction_id = 'CONTROL'").fetchone()[0] == 1, "the stream went on"
            bronze = tx.execute("select id, raw_data ->> 'transaction_id', jsonb_typeof(raw_data -> 'transaction_id') "
                                "from scout.bronze_transactions").fetchall()
            winners = dict(tx.execute("select bronze_id, transaction_id from scout.silver_validated_transactions"))
            rejected = {r[0] for r in tx.execute("select bronze_id from scout.silver_rejected_transactions")}
            for bronze_id, key_text, key_type in bronze:
                key = key_text.strip(INVISIBLE) if key_type in ("string", "number") else None
                outcomes = [bronze_id in winners, bronze_id in rejected,
                            bronze_id not in winners and bronze_id not in rejected and key in winners.values()]
                assert outcomes.count(True) == 1, (key_text, outcomes)
            assert tx.execute("select count(*) from scout.silver_rejected_transactions "
                              "where cardinality(reasons) = 0").fetchone()[0] == 0
            second = tx.execute("select scout.refresh_silver()").fetchone()[0]
            assert second["processed"] == 0
        finally:
            tx.rollback()


# -- the whole pipeline: arbitrary batches through both paths, runs interleaved

CATEGORIES = ["Beverages", "Snacks", "Dairy", "Canned Goods", "Instant Noodles", "Condiments", "Personal Care",
              "Household Cleaning", "Tobacco", "Alcoholic Beverages", "Bakery", "Frozen Foods"]
KEYS = [f"K-{n}" for n in range(12)]  # a small pool: re-sends and corrections are the rule
TODAY = date.today()


def spelled(category: str) -> st.SearchStrategy[str]:
    """A category as senders spell it: any case, invisible characters around it."""
    return st.builds(lambda case, left, right: left + case(category) + right,
                     st.sampled_from([str, str.upper, str.lower, str.title]),
                     st.sampled_from(["", " ", "\u00a0", "\t", "\u200b"]), st.sampled_from(["", " ", "\u3000", "\ufeff"]))


@st.composite
def known_payload(draw) -> tuple[dict, tuple | None]:
    """A payload and what Silver must make of it: (date, amount, category, customer), or
    None when it breaks a rule. Built from parts whose verdict is known by construction."""
    key = draw(st.sampled_from(KEYS))
    day = draw(st.dates(min_value=date(2022, 1, 1), max_value=date(2026, 11, 1)))
    cents = draw(st.integers(1, 9_999_999))
    amount = Decimal(cents).scaleb(-2)
    category = draw(st.sampled_from(CATEGORIES))
    customer = draw(st.none() | st.sampled_from(["C-1", "C-2", "C-3", "C-4"]))
    payload = {"transaction_id": draw(st.sampled_from([key, f" {key}", f"{key}\u200b"])),
               # a date with a time and a zone keeps its written date, even at a day's edge
               "date": day.isoformat() + draw(st.sampled_from(["", "T00:00:00+14:00", "T23:59:59-12:00", " 12:00Z"])),
               "amount": draw(st.sampled_from([str(amount), float(amount) if cents < 10**6 else str(amount),
                                               f"{amount}0", f"+{amount}"])),
               "category": draw(spelled(category))}
    if customer:
        payload["customer_id"] = customer
    expected = (day, amount, category, customer)
    breakage = draw(st.sampled_from([None] * 4 + ["amount", "date", "category", "future", "missing"]))
    if breakage == "amount":
        payload["amount"] = draw(st.sampled_from(["-0", "1e400", "0.004", "NaN", "12,50", -5, 0]))
    elif breakage == "date":
        payload["date"] = draw(st.sampled_from(["2025-02-30", "31/01/2025", "2025-13-01", "today", "2025-01-01T25:00"]))
    elif breakage == "category":
        payload["category"] = draw(st.sampled_from(["Electronics", "", "Dairy Products"]))
    elif breakage == "future":
        payload["date"] = (TODAY.replace(year=TODAY.year + 1)).isoformat()
    elif breakage == "missing":
        del payload[draw(st.sampled_from(["date", "amount", "category"]))]
    return payload, None if breakage else expected


@st.composite
def batch(draw) -> list[tuple[dict, tuple | None, bool]]:
    """Known payloads, and now and then a hostile one under a key of its own (its verdict
    is not known here, so only the accounting and the Gold sums judge it)."""
    items = [(*draw(known_payload()), True) for _ in range(draw(st.integers(1, 6)))]
    for n in range(draw(st.integers(0, 2))):
        hostile = draw(hostile_payloads)
        hostile["transaction_id"] = f"H-{draw(st.integers(0, 10**9))}-{n}"
        items.insert(draw(st.integers(0, len(items))), (hostile, None, False))
    return items


def check_pipeline(tx: psycopg.Connection, sent: list[tuple[str, tuple | None, bool]]) -> None:
    bronze = tx.execute("select id, raw_data ->> 'transaction_id', jsonb_typeof(raw_data -> 'transaction_id') "
                        "from scout.bronze_transactions order by ingest_seq").fetchall()
    assert len(bronze) == len(sent), "every payload landed in Bronze, through either path"
    silver = {row[0]: row[1:] for row in tx.execute(
        "select transaction_id, bronze_id, transaction_date, amount, category, customer_id "
        "from scout.silver_validated_transactions")}
    rejected = dict(tx.execute("select bronze_id, cardinality(reasons) from scout.silver_rejected_transactions"))
    winners = {row[0]: key for key, row in silver.items()}
    for (bronze_id, key_text, key_type), (_, expected, known) in zip(bronze, sent, strict=True):
        key = key_text.strip(INVISIBLE) if key_type in ("string", "number") else None
        outcomes = [bronze_id in winners, bronze_id in rejected,
                    bronze_id not in winners and bronze_id not in rejected and key in silver]
        assert outcomes.count(True) == 1, (key_text, outcomes)
        assert rejected.get(bronze_id, 1) >= 1, "a rejected row keeps at least one reason"
        if known and expected is None:
            assert bronze_id in rejected, "a payload that breaks a rule is rejected"
    # Silver holds, per key, the latest valid version sent (the oracle: arrival order)
    latest: dict[str, tuple] = {}
    for key, expected, known in sent:
        if known and expected is not None:
            latest[key] = expected
    for key in KEYS:
        if key in latest:
            assert silver[key][1:] == latest[key], (key, silver[key], latest[key])
        else:
            assert key not in silver, key
    # Gold equals Silver summed here, in Python, over the months Gold keeps (5 years)
    kept_from = (TODAY - timedelta(days=1825)).replace(day=1)
    months: dict = {}
    for _, day, amount, category, customer in silver.values():
        if day < kept_from:
            continue
        total = months.setdefault((day.replace(day=1), category), [Decimal(0), 0, set()])
        total[0] += amount
        total[1] += 1
        if customer is not None:
            total[2].add(customer)
    gold = {(m, c): (t, n, u) for m, c, t, n, u in tx.execute(
        "select month, category, total_amount, transaction_count, unique_customers from scout.gold_monthly_summary")}
    assert gold == {k: (v[0], v[1], len(v[2])) for k, v in months.items()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.sampled_from(["rpc", "file"]), batch(), st.booleans()), min_size=1, max_size=5))
def test_any_stream_through_both_paths_keeps_silver_and_gold_exact(db_url, tmp_path_factory, steps):
    from scout_db.ingest import load_file

    folder = tmp_path_factory.mktemp("batches")
    sent: list = []
    with psycopg.connect(db_url) as tx:
        try:
            # open the transaction now, so each file's load is a savepoint within it, all rolled back
            tx.execute("select 1")
            for n, (path, items, run_after) in enumerate(steps):
                payloads = [payload for payload, _, _ in items]
                if path == "rpc":
                    tx.execute("select scout.ingest_transactions(%s)", (Jsonb(payloads),))
                else:
                    file = folder / f"batch-{n}.ndjson"
                    file.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in payloads),
                                    encoding="utf-8")
                    loaded = load_file(tx, file, "transactions", "file", force=True)
                    assert loaded.status == "loaded" and loaded.rows_loaded == len(payloads), loaded
                for payload, expected, known in items:
                    key = payload.get("transaction_id", "").strip(INVISIBLE) if known else None
                    sent.append((key, expected, known))
                if run_after or n == len(steps) - 1:
                    result = tx.execute("select scout.run_transformations()").fetchone()[0]
                    assert result["status"] == "ok", result
                    check_pipeline(tx, sent)
        finally:
            tx.rollback()
