"""`scout-db ingest`: every format, folders, the manifest, and files with bad parts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from conftest import run_cli

EXIT_REJECTED = 4


@pytest.fixture
def url(new_database) -> str:
    return new_database()


def ingest(url: str, *args: str):
    return run_cli("--database-url", url, "ingest", "--kind", "transactions", *args)


def rows(url: str, sql: str, params=()) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


def tx(i: int, **extra) -> dict:
    return {"transaction_id": f"F{i}", "date": "2025-01-01", "amount": i, "category": "Dairy", **extra}


def test_ndjson_loads_every_object_with_its_file_and_batch(url, tmp_path: Path):
    path = tmp_path / "day1.ndjson"
    path.write_text("".join(json.dumps(tx(i)) + "\n" for i in range(1, 6)) + "\n")
    done = ingest(url, str(path), "--source", "gdrive")
    assert done.returncode == 0, done.stderr
    assert "5 rows loaded, 0 rejected of 5 records" in done.stdout
    stored = rows(url, "select raw_data, source, source_filename, ingestion_batch_id from scout.bronze_transactions "
                       "order by ingest_seq")
    assert [r[0] for r in stored] == [tx(i) for i in range(1, 6)]
    assert {(r[1], r[2]) for r in stored} == {("gdrive", "day1.ndjson")}
    batch = rows(url, "select batch_id, lines_read, rows_loaded, lines_rejected from scout_internal.ingest_manifest")
    assert batch == [(stored[0][3], 5, 5, 0)]


def test_csv_header_gives_the_keys(url, tmp_path: Path):
    path = tmp_path / "export.csv"
    path.write_text('transaction_id,date,amount,category,description\n'
                    'C1,2025-01-01,12.50,Dairy,"milk, 1L"\n'
                    'C2,2025-01-02,3,Snacks,"multi\nline"\n', encoding="utf-8")
    done = ingest(url, str(path))
    assert done.returncode == 0, done.stderr
    assert rows(url, "select raw_data from scout.bronze_transactions order by ingest_seq") == [
        ({"transaction_id": "C1", "date": "2025-01-01", "amount": "12.50", "category": "Dairy",
          "description": "milk, 1L"},),
        ({"transaction_id": "C2", "date": "2025-01-02", "amount": "3", "category": "Snacks",
          "description": "multi\nline"},),
    ]


def test_json_array_streams_its_elements(url, tmp_path: Path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([tx(1), tx(2, note="ünïcødé \\ \"quoted\"")], indent=2))
    done = ingest(url, str(path))
    assert done.returncode == 0, done.stderr
    assert [r[0] for r in rows(url, "select raw_data from scout.bronze_transactions order by ingest_seq")] == [
        tx(1), tx(2, note="ünïcødé \\ \"quoted\"")]


def test_a_folder_loads_its_files_and_a_second_run_is_a_no_op(url, tmp_path: Path):
    (tmp_path / "a.ndjson").write_text(json.dumps(tx(1)) + "\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.csv").write_text("transaction_id,amount\nF2,2\n")
    (tmp_path / "notes.txt").write_text("not a data file")
    first = ingest(url, str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert "2 files loaded, 0 skipped" in first.stdout
    again = ingest(url, str(tmp_path))
    assert again.returncode == 0
    assert "already loaded" in again.stdout and "0 files loaded, 2 skipped" in again.stdout
    assert rows(url, "select count(*) from scout.bronze_transactions") == [(2,)]
    forced = ingest(url, str(tmp_path / "a.ndjson"), "--force")
    assert forced.returncode == 0 and "1 file loaded" in forced.stdout
    assert rows(url, "select count(*) from scout.bronze_transactions") == [(3,)]


def test_broken_lines_are_kept_with_their_reason_and_the_rest_loads(url, tmp_path: Path):
    path = tmp_path / "mixed.ndjson"
    lines = [json.dumps(tx(1)), "{not json", "[1, 2]", json.dumps(tx(2)), '{"x": "\\u0000"}', "42", json.dumps(tx(3))]
    path.write_text("\n".join(lines) + "\n")
    done = ingest(url, str(path))
    assert done.returncode == EXIT_REJECTED
    assert "3 rows loaded, 4 rejected of 7 records" in done.stdout
    assert "Traceback" not in done.stderr
    assert [r[0]["transaction_id"] for r in rows(url, "select raw_data from scout.bronze_transactions order by ingest_seq")] \
        == ["F1", "F2", "F3"]
    errors = rows(url, "select line_number, raw_text, error from scout.bronze_ingest_errors order by line_number")
    assert [(e[0], e[1]) for e in errors] == [(2, "{not json"), (3, "[1, 2]"), (5, '{"x": "\\u0000"}'), (6, "42")]
    assert "invalid input syntax for type json" in errors[0][2]
    assert "not an object" in errors[1][2] and "not an object" in errors[3][2]


def test_csv_row_with_wrong_field_count_is_rejected(url, tmp_path: Path):
    path = tmp_path / "short.csv"
    path.write_text("transaction_id,amount\nA,1\nB\nC,3,extra\nD,4\n")
    done = ingest(url, str(path))
    assert done.returncode == EXIT_REJECTED
    assert rows(url, "select line_number, error from scout.bronze_ingest_errors order by line_number") == [
        (3, "expected 2 fields as in the header, got 1"), (4, "expected 2 fields as in the header, got 3")]
    assert rows(url, "select count(*) from scout.bronze_transactions") == [(2,)]


def test_a_file_that_is_not_utf8_keeps_its_good_lines(url, tmp_path: Path):
    path = tmp_path / "latin1.ndjson"
    path.write_bytes(json.dumps(tx(1)).encode() + b"\n" + '{"transaction_id": "Fé"}'.encode("latin-1") + b"\n"
                     + json.dumps(tx(3)).encode() + b"\n")
    done = ingest(url, str(path))
    assert done.returncode == EXIT_REJECTED
    errors = rows(url, "select line_number, raw_text, error from scout.bronze_ingest_errors")
    assert errors == [(2, '{"transaction_id": "F\\xe9"}', "not valid UTF-8 (invalid continuation byte at byte 22 of the line)")]
    assert rows(url, "select count(*) from scout.bronze_transactions") == [(2,)]


def test_a_broken_json_array_keeps_what_came_before(url, tmp_path: Path):
    path = tmp_path / "cut.json"
    path.write_text('[\n' + json.dumps(tx(1)) + ',\n' + json.dumps(tx(2)) + ',\n{"transaction_id": "F3", ')
    done = ingest(url, str(path))
    assert done.returncode == EXIT_REJECTED
    assert rows(url, "select count(*) from scout.bronze_transactions") == [(2,)]
    [(line, error)] = rows(url, "select line_number, error from scout.bronze_ingest_errors")
    assert line == 4 and "the rest of the file was not read" in error


@pytest.mark.parametrize("content", ["", "\n\n", "[]", "transaction_id,amount\n"], ids=["empty", "blank", "[]", "header"])
def test_a_file_without_records_fails_and_is_not_recorded_as_loaded(url, tmp_path: Path, content: str):
    """A file that yields no record is never a success: exit 1 with the reason, and no
    manifest row, so the same name sent again with records loads."""
    suffix = ".csv" if content.startswith("transaction_id") else ".json" if content == "[]" else ".ndjson"
    path = tmp_path / f"empty{suffix}"
    path.write_text(content)
    done = ingest(url, str(path))
    assert done.returncode == 1, done.stdout
    assert "the file holds no record" in done.stderr and "nothing of it was loaded" in done.stderr
    assert rows(url, "select count(*) from scout_internal.ingest_manifest") == [(0,)]


def test_a_csv_header_with_an_unclosed_quote_fails_and_loses_nothing(url, tmp_path: Path):
    """The quote swallowed the whole file into one column name: 0 records looked like a
    clean load and the file was recorded, so sending it again was skipped."""
    path = tmp_path / "export.csv"
    path.write_text('transaction_id,"date,amount,category\nQ1,2025-01-01,5,Dairy\nQ2,2025-01-02,6,Dairy\n')
    done = ingest(url, str(path))
    assert done.returncode == 1, done.stdout
    assert "the CSV header opens a quote that is never closed" in done.stderr
    assert rows(url, "select count(*) from scout_internal.ingest_manifest") == [(0,)]
    path.write_text("transaction_id,date,amount,category\nQ1,2025-01-01,5,Dairy\nQ2,2025-01-02,6,Dairy\n")
    fixed = ingest(url, str(path))
    assert fixed.returncode == 0, fixed.stderr
    assert rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions order by 1") == [("Q1",), ("Q2",)]


def test_missing_and_unknown_files_are_one_line_errors(url, tmp_path: Path):
    missing = ingest(url, str(tmp_path / "nope.ndjson"))
    assert missing.returncode == 1 and "no such file or folder" in missing.stderr
    odd = tmp_path / "data.xlsx"
    odd.write_bytes(b"PK")
    unknown = ingest(url, str(odd))
    assert unknown.returncode == 1 and "unknown file type .xlsx" in unknown.stderr
    for done in (missing, unknown):
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_products_go_to_bronze_products(url, tmp_path: Path):
    path = tmp_path / "catalog.ndjson"
    path.write_text(json.dumps({"sku": "P1", "name": "Cola"}) + "\n")
    done = run_cli("--database-url", url, "ingest", "--kind", "products", str(path))
    assert done.returncode == 0, done.stderr
    assert rows(url, "select raw_data ->> 'sku' from scout.bronze_products") == [("P1",)]


def test_seed_is_deterministic_and_feeds_ingest(url, tmp_path: Path):
    first, second = tmp_path / "a.ndjson", tmp_path / "b.ndjson"
    for path in (first, second):
        done = run_cli("--database-url", url, "seed", "--rows", "500", "--seed", "3", "--end-date", "2026-01-31",
                       "--output", str(path))
        assert done.returncode == 0, done.stderr
    assert first.read_bytes() == second.read_bytes()
    records = [json.loads(line) for line in first.read_text().splitlines()]
    assert len(records) == 500
    assert max(r["date"][:10] for r in records if "-" in r.get("date", "")[:5]) <= "2026-03-02"
    loaded = ingest(url, str(first))
    assert loaded.returncode == 0 and "500 rows loaded" in loaded.stdout


# -- hostile files: each bad record kept with its line, the rest loaded, one line per failed file


def errors_of(url: str) -> list[tuple]:
    return rows(url, "select source_filename, line_number, error from scout.bronze_ingest_errors order by id")


def test_a_csv_field_over_128_kib_loads(url, tmp_path: Path):
    path = tmp_path / "long.csv"
    description = "x" * (300 << 10)
    path.write_text(f"transaction_id,description\nL1,{description}\nL2,short\n")
    done = ingest(url, str(path))
    assert done.returncode == 0, done.stderr
    assert rows(url, "select length(raw_data ->> 'description') from scout.bronze_transactions order by ingest_seq") \
        == [(300 << 10,), (5,)]


def test_a_json_array_nested_too_deep_for_python_keeps_what_came_before(url, tmp_path: Path):
    path = tmp_path / "deep.json"
    path.write_text("[" + json.dumps(tx(1)) + ",\n" + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "]")
    done = ingest(url, str(path))
    assert done.returncode == EXIT_REJECTED, done.stderr
    assert "Traceback" not in done.stderr
    assert rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions") == [("F1",)]
    [(_, line, error)] = errors_of(url)
    assert line == 2 and "nested too deeply" in error and "the rest of the file was not read" in error


def test_an_ndjson_line_nested_too_deep_for_postgresql_is_one_error_row(url, tmp_path: Path):
    path = tmp_path / "deep.ndjson"
    path.write_text(json.dumps(tx(1)) + "\n" + '{"a": ' * 200_000 + "1" + "}" * 200_000 + "\n" + json.dumps(tx(3)) + "\n")
    done = ingest(url, str(path))
    assert done.returncode == EXIT_REJECTED, done.stderr
    assert rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions order by ingest_seq") \
        == [("F1",), ("F3",)]
    [(name, line, error)] = errors_of(url)
    assert (name, line) == ("deep.ndjson", 2) and "stack depth" in error


def test_nul_bytes_and_utf16_become_error_rows_and_the_rest_loads(url, tmp_path: Path):
    nul = tmp_path / "nul.ndjson"
    nul.write_bytes(json.dumps(tx(1)).encode() + b"\n" + b'{"transaction_id": "F\x002"}\n' + json.dumps(tx(3)).encode() + b"\n")
    utf16 = tmp_path / "utf16.ndjson"
    utf16.write_bytes(json.dumps(tx(4)).encode("utf-16-le") + "\n".encode("utf-16-le"))
    done = ingest(url, str(nul), str(utf16))
    assert done.returncode == EXIT_REJECTED, done.stderr
    assert "Traceback" not in done.stderr
    assert rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions order by ingest_seq") \
        == [("F1",), ("F3",)]
    errors = errors_of(url)
    assert [(e[0], e[1]) for e in errors if e[0] == "nul.ndjson"] == [("nul.ndjson", 2)]
    assert [e[1] for e in errors if e[0] == "utf16.ndjson"][:1] == [1], "a UTF-16 file: every line is an error"
    assert all("NUL byte" in e[2] for e in errors)
    assert rows(url, "select raw_text from scout.bronze_ingest_errors where source_filename = 'nul.ndjson'") \
        == [('{"transaction_id": "F\\x002"}',)]


def test_a_utf8_bom_is_stripped_from_ndjson_and_json_too(url, tmp_path: Path):
    (tmp_path / "bom.ndjson").write_bytes(b"\xef\xbb\xbf" + json.dumps(tx(1)).encode() + b"\n")
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + json.dumps([tx(2)]).encode())
    (tmp_path / "bom-lines.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(tx(3)).encode() + b"\n")
    done = ingest(url, str(tmp_path))
    assert done.returncode == 0, done.stderr + done.stdout
    assert sorted(r[0] for r in rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions")) \
        == ["F1", "F2", "F3"]


def test_paths_that_are_not_files_are_named_one_line_each_and_the_rest_loads(url, tmp_path: Path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "good.ndjson").write_text(json.dumps(tx(1)) + "\n")
    os.mkfifo(folder / "pipe.ndjson")
    (folder / "loop.ndjson").symlink_to(folder / "loop.ndjson")
    (folder / "dangling.csv").symlink_to(tmp_path / "gone.csv")
    done = ingest(url, str(folder), str(tmp_path / "missing.ndjson"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 4, lines
    assert any("pipe.ndjson: not a regular file or folder" in line for line in lines)
    assert any("loop.ndjson: a symbolic link, which is not followed inside a folder" in line for line in lines)
    assert any("dangling.csv: a symbolic link, which is not followed inside a folder" in line for line in lines)
    assert any("missing.ndjson: no such file or folder" in line for line in lines)
    assert "1 file loaded, 0 skipped, 4 failed, 1 rows" in done.stdout
    assert rows(url, "select count(*) from scout.bronze_transactions") == [(1,)]


def test_a_link_in_a_dropped_folder_is_not_followed_out_of_it(url, tmp_path: Path):
    """A dropped folder is someone else's data: a link in it to a file elsewhere on this
    machine is refused with its reason, and loads only when named on the command line."""
    secret = tmp_path / "elsewhere" / "secret.ndjson"
    secret.parent.mkdir()
    secret.write_text(json.dumps(tx(7)) + "\n")
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "good.ndjson").write_text(json.dumps(tx(1)) + "\n")
    (folder / "innocent.ndjson").symlink_to(secret)
    done = ingest(url, str(folder))
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.strip().splitlines() == [
        f"scout-db: {folder / 'innocent.ndjson'}: a symbolic link, which is not followed inside a folder; "
        "name its target on the command line to load it; nothing of it was loaded"]
    assert sorted(r[0] for r in rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions")) == ["F1"]
    named = ingest(url, str(folder / "innocent.ndjson"))
    assert named.returncode == 0, named.stderr
    assert sorted(r[0] for r in rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions")) \
        == ["F1", "F7"]


def test_a_file_that_fails_does_not_stop_the_files_after_it(url, tmp_path: Path):
    (tmp_path / "a.csv").write_text("transaction_id,transaction_id\nX,Y\n")  # a header naming a column twice
    (tmp_path / "b.ndjson").write_text(json.dumps(tx(2)) + "\n")
    done = ingest(url, str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"scout-db: {tmp_path / 'a.csv'}: the CSV header must name every column once, got "
        "['transaction_id', 'transaction_id']; nothing of it was loaded"]
    assert "b.ndjson: 1 rows loaded" in done.stdout
    assert rows(url, "select count(*) from scout.bronze_transactions") == [(1,)]
    assert rows(url, "select source_filename from scout_internal.ingest_manifest") == [("b.ndjson",)], \
        "the failed file left no manifest row, so a fixed copy loads next time"


def test_bad_records_cost_no_transaction_id_each(url, tmp_path: Path):
    """A file where every other line is bad: found by write-free probes, not one
    failed write (and transaction id) per bad line."""
    path = tmp_path / "half.ndjson"
    path.write_text("".join((json.dumps(tx(i)) if i % 2 else "{broken") + "\n" for i in range(1, 401)))
    with psycopg.connect(url, autocommit=True) as conn:
        before = conn.execute("select pg_current_xact_id()::text::bigint").fetchone()[0]
        done = ingest(url, str(path))
        after = conn.execute("select pg_current_xact_id()::text::bigint").fetchone()[0]
    assert done.returncode == EXIT_REJECTED
    assert "200 rows loaded, 200 rejected of 400 records" in done.stdout
    assert after - before < 20, f"{after - before} transaction ids for 200 bad lines"


def test_a_clean_file_goes_in_byte_for_byte_whatever_its_line_endings(url, tmp_path: Path):
    """The direct COPY (no staging) takes JSON escapes, Unicode, CRLF, blank lines and a BOM."""
    docs = [tx(1, description='say "hi"\\n\ttab'), tx(2, description="café ☕ \\u00e9"), tx(3, note="a\\\\b")]
    path = tmp_path / "windows.ndjson"
    path.write_bytes(b"\xef\xbb\xbf" + b"\r\n\r\n".join(json.dumps(d, ensure_ascii=False).encode() for d in docs)
                     + b"\r\n\n")
    done = ingest(url, str(path))
    assert done.returncode == 0, done.stderr
    assert [r[0] for r in rows(url, "select raw_data from scout.bronze_transactions order by ingest_seq")] == docs
    assert rows(url, "select lines_read, rows_loaded, lines_rejected from scout_internal.ingest_manifest") == [(3, 3, 0)]


def test_a_line_that_would_end_a_copy_early_loses_nothing(url, tmp_path: Path):
    r"""A line `\.` marks the end of a COPY's data in PostgreSQL. The direct COPY never sees it
    alone (each line carries its source columns) and cannot parse it, so the file is
    staged instead and that line alone is rejected."""
    path = tmp_path / "marker.ndjson"
    path.write_text(json.dumps(tx(1)) + "\n\\.\n" + json.dumps(tx(2)) + "\n" + json.dumps(tx(3)) + "\n")
    done = ingest(url, str(path))
    assert done.returncode == EXIT_REJECTED, done.stderr + done.stdout
    assert [r[0]["transaction_id"] for r in rows(url, "select raw_data from scout.bronze_transactions "
                                                      "order by ingest_seq")] == ["F1", "F2", "F3"]
    assert rows(url, "select line_number, raw_text from scout.bronze_ingest_errors") == [(2, "\\.")]


def _write_line_of(path: Path, size: int, before: str, after: str) -> None:
    """A file: a good line, one JSON line of `size` bytes (written in pieces, never held
    here), a good line."""
    with path.open("w", encoding="ascii") as fh:
        fh.write(before + "\n" + '{"transaction_id": "HUGE", "note": "')
        piece = "y" * (1 << 20)
        left = size - len('{"transaction_id": "HUGE", "note": "') - 2
        while left > 0:
            fh.write(piece[:left])
            left -= len(piece)
        fh.write('"}\n' + after + "\n")


def test_an_ndjson_record_over_the_limit_is_one_error_row_and_the_rest_loads(url, tmp_path: Path):
    path = tmp_path / "big.ndjson"
    _write_line_of(path, 3 << 20, json.dumps(tx(1)), json.dumps(tx(3)))
    done = ingest(url, str(path), "--max-record-mib", "1")
    assert done.returncode == EXIT_REJECTED, done.stderr
    assert rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions order by ingest_seq") \
        == [("F1",), ("F3",)]
    [(name, line, error)] = errors_of(url)
    assert (name, line) == ("big.ndjson", 2)
    assert "a record of 3.0 MiB, over the limit of 1.0 MiB" in error and "--max-record-mib" in error, error
    [(start, kept)] = rows(url, "select left(raw_text, 20), length(raw_text) from scout.bronze_ingest_errors")
    assert start == '{"transaction_id": "' and kept <= 2000


def test_a_csv_row_and_a_json_element_over_the_limit_are_error_rows(url, tmp_path: Path):
    big = "z" * (1 << 20)
    many = tmp_path / "many.csv"  # no field over the limit, the row over it
    many.write_text(f"transaction_id,a,b\nC1,x,y\nC2,{big[:600_000]},{big[:600_000]}\nC3,x,y\n")
    one = tmp_path / "one.csv"  # one field over the limit
    one.write_text(f"transaction_id,a\nD1,x\nD2,{big}{big}\nD3,x\n")
    array = tmp_path / "array.json"  # an element over the limit ends the array's reading
    array.write_text("[" + json.dumps(tx(1)) + ",\n" + json.dumps(tx(2, note=big + big)) + "]")
    done = ingest(url, str(many), str(one), str(array), "--max-record-mib", "1")
    assert done.returncode == EXIT_REJECTED, done.stderr
    assert rows(url, "select raw_data ->> 'transaction_id' from scout.bronze_transactions order by ingest_seq") \
        == [("C1",), ("C3",), ("D1",), ("D3",), ("F1",)]
    found = {name: (line, error) for name, line, error in errors_of(url)}
    assert found["many.csv"][0] == 3 and "a record of 1.1 MiB, over the limit of 1.0 MiB" in found["many.csv"][1]
    assert found["one.csv"][0] == 3 and "field larger than field limit" in found["one.csv"][1]
    assert found["array.json"][0] == 2 and "over the limit of 1.0 MiB" in found["array.json"][1]


def _peak_rss_mib(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    """Peak resident memory of scout-db run with args, in its own process."""
    probe = ("import resource, subprocess, sys; "
             "done = subprocess.run([sys.executable, '-m', 'scout_db.cli', *sys.argv[1:]], capture_output=True, text=True); "
             "sys.stderr.write(done.stderr); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, done.returncode)")
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=300,
                          check=False)
    peak, code = done.stdout.split()
    return float(peak), subprocess.CompletedProcess(args, int(code), "", done.stderr)


def test_memory_stays_flat_whatever_the_size_of_one_line(url, tmp_path: Path):
    """A 640 MiB line costs no more memory than a 96 MiB one: both are over the default
    64 MiB limit, read past in chunks, and never held whole."""
    small, large = tmp_path / "small.ndjson", tmp_path / "large.ndjson"
    _write_line_of(small, 96 << 20, json.dumps(tx(1)), json.dumps(tx(3)))
    _write_line_of(large, 640 << 20, json.dumps(tx(4)), json.dumps(tx(6)))
    peaks = {}
    for path in (small, large):
        peaks[path.name], done = _peak_rss_mib("--database-url", url, "ingest", "--kind", "transactions", str(path))
        assert done.returncode == EXIT_REJECTED, done.stderr
        path.unlink()
    assert [e[2][:40] for e in errors_of(url)] == ["a record of 96.0 MiB, over the limit of ",
                                                   "a record of 640.0 MiB, over the limit of"]
    assert peaks["large.ndjson"] - peaks["small.ndjson"] < 32, peaks
    assert peaks["large.ndjson"] < 256, peaks  # bounded by the limit: about 180 MiB here
