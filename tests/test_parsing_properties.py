"""Silver's value rules against independent Python oracles, on generated inputs:
strict ISO dates (the calendar included) and amounts rounded to the cent."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?"
                 r"(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?", re.ASCII)
DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?", re.ASCII)


def iso_date_oracle(text: str) -> date | None:
    match = ISO.fullmatch(text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:  # month 13, 30 February, year 0, …
        return None


def cents_oracle(text: str) -> Decimal | None:
    if not DECIMAL.fullmatch(text):
        return None
    with localcontext(Context(prec=2000)):  # exact, like numeric, even for 1e999
        cents = Decimal(text).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)  # half away from zero, like round()
        return cents if abs(cents) < Decimal("1e12") else None  # what numeric(14, 2) can hold


date_like = st.builds(
    lambda y, m, d, time, zone: f"{y:04d}-{m:02d}-{d:02d}{time}{zone if time else ''}",
    st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32),
    st.sampled_from(["", "T00:00", "T23:59:59", " 12:30:00.5", "T24:00", "T10:61", "T9:00"]),
    st.sampled_from(["", "Z", "+08:00", "-0530", "+25:00", "+08"]),
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
def test_amounts_are_read_exactly_and_rounded_to_the_cent(conn, text):
    got = conn.execute("select round(scout_internal.parse_money(%s), 2)", (text,)).fetchone()[0]
    assert got == cents_oracle(text), text
