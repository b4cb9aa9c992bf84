"""The rules do not follow the database's locale: under a Turkish collation
upper('idr') is 'İDR' and lower('I') is 'ı', which would fail the currency check
and miss the category 'Instant Noodles'."""

from __future__ import annotations

import os

import psycopg
from psycopg.types.json import Jsonb

from conftest import admin
from scout_db.config import Target
from scout_db.migrations import Migrator


def test_a_turkish_database_judges_like_any_other(cluster):
    name = f"turkish_{os.getpid()}"
    with admin(cluster) as conn:
        conn.execute(f"create database {name} template template0 encoding 'UTF8' "
                     "locale_provider icu icu_locale 'tr-TR' locale 'C.UTF-8'")
    url = cluster.url(name)
    Migrator(Target(url, "turkish test database")).migrate()
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("select upper('idr'), lower('I')").fetchone() == ("İDR", "ı"), \
            "control: this database's own case mapping is Turkish"
        conn.execute("select scout.ingest_transactions(%s)", (Jsonb([
            {"transaction_id": "TR1", "date": "2025-03-01", "amount": 5, "category": "INSTANT NOODLES", "currency": "idr"},
            {"transaction_id": "TR2", "date": "2025-03-01", "amount": 6, "category": "instant noodles"},
        ]),))
        conn.execute("select scout.ingest_products(%s)", (Jsonb({"sku": "K", "name": "n", "is_active": "TRUE",
                                                                "category": "INSTANT NOODLES"}),))
        result = conn.execute("select scout.refresh_silver()").fetchone()[0]
        assert result["rejected"] == 0, conn.execute(
            "select transaction_id, reasons from scout.silver_rejected_transactions").fetchall()
        assert conn.execute("select transaction_id, category, currency from scout.silver_validated_transactions "
                            "order by 1").fetchall() == [("TR1", "Instant Noodles", "IDR"),
                                                         ("TR2", "Instant Noodles", "PHP")]
        assert conn.execute("select category, is_active from scout.silver_products").fetchone() \
            == ("Instant Noodles", True)
