"""Bronze by month under load: a month is made while ingest goes on, and retention
never queues ingest behind a long reader for more than a moment. The single-session
behaviour (where rows land, what a purge drops) is db/tests/043."""

from __future__ import annotations

import threading

import psycopg

from conftest import run_cli

# July 2025, written by hand: 48 bits of Unix milliseconds (2025-07-15 12:00 UTC), version 7
JULY_ID = "01980df4-be00-7abc-8def-0123456789ab"


def test_a_month_is_made_while_an_ingest_is_open(new_database):
    url = new_database()
    with psycopg.connect(url) as ingest, psycopg.connect(url, autocommit=True) as owner:
        ingest.execute("""select scout.ingest_transactions('{"transaction_id": "OPEN-1", "date": "2025-01-01",
                                                              "amount": 1, "category": "Dairy"}')""")
        # the ingest's transaction is still open; the partition is attached beside it
        owner.execute("set lock_timeout = '2s'")
        made = owner.execute("select scout_internal.bronze_partition_month('2031-01-01')::text").fetchone()[0]
        assert made == "scout_partitions.bronze_transactions_2031_01"
        ingest.commit()
        assert owner.execute("select count(*) from scout.bronze_transactions").fetchone()[0] == 1


def test_retention_falls_back_to_rows_when_a_reader_holds_bronze(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as owner:
        owner.execute("""insert into scout.bronze_transactions (id, raw_data, source, ingested_at) values
            (%s, '{"transaction_id": "JUL-1", "date": "2025-07-01", "amount": 10, "category": "Dairy"}',
             'test', '2025-07-15 12:00+00')""", (JULY_ID,))
        owner.execute("select scout_internal.bronze_prepare_partitions()")
        owner.execute("select scout.refresh_silver()")
        with psycopg.connect(url) as reader:
            # a long report: its transaction holds a share lock on Bronze until it ends
            reader.execute("select count(*) from scout.bronze_transactions").fetchone()
            # it returns while the reader still holds its lock: the drop gave up after its lock timeout
            first = owner.execute("select scout.purge_expired()").fetchone()[0]
            # meanwhile an ingest gets through once the purge has given up its place in the queue
            ingested = threading.Event()

            def ingest() -> None:
                with psycopg.connect(url, autocommit=True) as other:
                    other.execute("""select scout.ingest_transactions('{"transaction_id": "LATER-1",
                                     "date": "2025-01-01", "amount": 1, "category": "Dairy"}')""")
                ingested.set()

            worker = threading.Thread(target=ingest)
            worker.start()
            worker.join(10)
            assert ingested.is_set(), "an ingest after the purge does not wait for the reader"
            reader.rollback()
        assert first["status"] == "ok", first
        assert first["bronze_months_dropped"] == [], "the month could not be dropped under the reader's lock"
        assert first["deleted"]["bronze_transactions"] == 1, "so its row went by a delete"
        assert owner.execute("select to_regclass('scout_partitions.bronze_transactions_2025_07') is not null"
                             ).fetchone()[0]
        # the reader gone, the next run drops the emptied month
        second = owner.execute("select scout.purge_expired()").fetchone()[0]
        assert second["bronze_months_dropped"] == ["2025-07"], second
        assert owner.execute("select to_regclass('scout_partitions.bronze_transactions_2025_07')").fetchone()[0] is None
        left = [r[0] for r in owner.execute("select raw_data ->> 'transaction_id' from scout.bronze_transactions")]
        assert left == ["LATER-1"]


def test_status_says_what_waits_in_the_default_partition(new_database):
    url = new_database()
    with psycopg.connect(url, autocommit=True) as owner:
        owner.execute("""insert into scout.bronze_transactions (id, raw_data, source) values
            (%s, '{"transaction_id": "JUL-1"}', 'test')""", (JULY_ID,))
    status = run_cli("status", "--database-url", url)
    assert "rows waiting in the default partition: 1 (scout-db purge moves the dated ones into their months)" in status.stdout, status.stdout
    with psycopg.connect(url, autocommit=True) as owner:
        owner.execute("select scout_internal.bronze_prepare_partitions()")
    status = run_cli("status", "--database-url", url)
    assert "rows waiting in the default partition: 0\n" in status.stdout, status.stdout
    assert "2025-07 to " in status.stdout, "the month it made is listed"
