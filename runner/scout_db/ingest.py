"""`scout-db ingest`: stream CSV, JSON-array and NDJSON files into Bronze.

Python only reads files and streams records with COPY; judging them is SQL's
job. Memory stays flat: the file is read in chunks and each record goes straight
into the COPY stream.

A file is first COPYed straight into Bronze, where the jsonb type and the table's
checks judge each record: a clean file (the usual case) is written once. Any bad
record rolls that attempt back to its savepoint, and the file is staged instead
(scout_internal.bronze_file_load), where each bad record lands in
scout.bronze_ingest_errors with its line and reason while the rest loads. Records
Python cannot even decode (bytes that are not UTF-8, a CSV row with the wrong
number of fields, a JSON array that breaks off) are staged with their error set.
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from .errors import ScoutError, describe

SUFFIXES = {".csv": "csv", ".ndjson": "ndjson", ".jsonl": "ndjson", ".json": "json"}
CHUNK = 1 << 20
# The largest record (an NDJSON line, a JSON array element, a CSV row) read into
# memory, unless --max-record-mib says otherwise: Bronze takes values of many megabytes
# (long descriptions), and a larger record is an error row, read past in chunks, so
# that a 1 GB line costs no more memory than this.
MAX_RECORD = 64 << 20
BOM = b"\xef\xbb\xbf"
PREVIEW = 2000  # characters of an unreadable record kept in its error row

# A staged record: (line number, text, error or None).
Record = tuple[int, str, "str | None"]


@dataclass
class FileResult:
    path: Path
    status: str  # loaded | skipped | failed
    batch_id: str | None = None
    lines_read: int = 0
    rows_loaded: int = 0
    lines_rejected: int = 0
    error: str | None = None


def _kind_of(path: Path) -> str | None:
    """Why path cannot be loaded as a file or walked as a folder; None when it can."""
    try:
        mode = path.stat().st_mode  # follows links
    except FileNotFoundError:
        return "no such file or folder" if not path.is_symlink() else "a symbolic link to nothing"
    except OSError as exc:
        return exc.strerror.lower() if exc.strerror else str(exc)
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return "not a regular file or folder (a FIFO, socket or device)"


def expand(paths: list[Path]) -> tuple[list[Path], list[FileResult]]:
    """The files to load (as given, and the loadable files inside folders, sorted,
    following no link inside a folder, to a file or a folder), and the paths that
    cannot be loaded."""
    found: list[Path] = []
    problems: list[FileResult] = []
    for path in paths:
        why = _kind_of(path)
        if why:
            problems.append(FileResult(path, "failed", error=why))
        elif path.is_dir():
            for folder, subfolders, names in os.walk(path, onerror=lambda e: problems.append(
                    FileResult(Path(e.filename), "failed", error=(e.strerror or str(e)).lower()))):
                subfolders.sort()
                for name in sorted(names):
                    candidate = Path(folder, name)
                    if candidate.suffix.lower() not in SUFFIXES:
                        continue
                    # a dropped folder is data from someone else: a link in it could point at
                    # any file this user may read, so links are refused, never followed
                    why = ("a symbolic link, which is not followed inside a folder; "
                           "name its target on the command line to load it") if candidate.is_symlink() \
                        else _kind_of(candidate)
                    if why:
                        problems.append(FileResult(candidate, "failed", error=why))
                    else:
                        found.append(candidate)
        elif path.suffix.lower() not in SUFFIXES:
            problems.append(FileResult(path, "failed", error=f"unknown file type {path.suffix or '(none)'}; "
                                                            "expected .csv, .json, .ndjson or .jsonl"))
        else:
            found.append(path)
    return found, problems


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _CountingReader(io.RawIOBase):
    """Wraps a binary file and reports bytes read (for the progress bar)."""

    def __init__(self, raw, on_read: Callable[[int], None]):
        self.raw = raw
        self.on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        if n:
            self.on_read(n)
        return n


@contextmanager
def _counted(path: Path, on_read: Callable[[int], None]) -> Iterator[io.BufferedReader]:
    """The file, buffered, reporting the bytes read (for the progress bar)."""
    with path.open("rb", buffering=0) as raw:
        yield io.BufferedReader(_CountingReader(raw, on_read), CHUNK)


def _capped_lines(fh: io.BufferedIOBase, limit: int) -> Iterator[tuple[int, bytes, int]]:
    """(line number, line, its length in bytes) for each line; a line over `limit` bytes
    comes back cut to its first few kilobytes, and the rest of it is read past in chunks,
    never held, so memory stays under the limit whatever the file holds."""
    number = 0
    while piece := fh.readline(CHUNK):
        number += 1
        pieces, size = [piece], len(piece)
        while not piece.endswith(b"\n") and (piece := fh.readline(CHUNK)):
            size += len(piece)
            if size <= limit:
                pieces.append(piece)
            elif len(pieces) > 1 or len(pieces[0]) > PREVIEW * 4:
                pieces = [pieces[0][:PREVIEW * 4]]
        yield number, b"".join(pieces), size


def _mib(size: int) -> str:
    return f"{size / (1 << 20):,.1f} MiB"


def read_ndjson(fh: io.BufferedIOBase, limit: int = MAX_RECORD) -> Iterator[Record]:
    for number, line, size in _capped_lines(fh, limit):
        if number == 1 and line.startswith(BOM):
            line = line[len(BOM):]
        if size > limit:
            yield (number, line.decode("utf-8", "backslashreplace")[:PREVIEW],
                   f"a record of {_mib(size)}, over the limit of {_mib(limit)} for one record "
                   "(raise it with --max-record-mib); only its start is kept here")
            continue
        stripped = line.strip()
        if not stripped:
            continue
        try:
            yield number, stripped.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            text = stripped.decode("utf-8", "backslashreplace")
            yield number, text, f"not valid UTF-8 ({exc.reason} at byte {exc.start + 1} of the line)"


def read_csv(fh: io.BufferedIOBase, limit: int = MAX_RECORD) -> Iterator[Record]:
    # Python's CSV reader stops at 128 KiB a field by default; a field over the limit
    # is an error row (csv.Error below) and the reader goes on after it
    csv.field_size_limit(limit)
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        return
    if any("\n" in h or "\r" in h for h in header):
        # a quote opened in the header and never closed swallows the whole file as one
        # column name: no record would come out, and the file would look loaded
        raise ScoutError("the CSV header opens a quote that is never closed (the column names run into the "
                         "lines below it); fix the header and send the file again")
    header = [h.strip() for h in header]
    if any(_has_surrogates(h) for h in header):
        raise ScoutError("the CSV header is not valid UTF-8")
    if not all(header) or len(set(header)) != len(header):
        raise ScoutError(f"the CSV header must name every column once, got {header}")
    line_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a field beyond the limit: the reader goes on after it
            first_line, line_end = line_end + 1, reader.line_num
            yield first_line, "", f"unreadable CSV record: {exc}"
            continue
        first_line, line_end = line_end + 1, reader.line_num
        if not row or row == [""]:
            continue
        raw = ",".join(row)
        if any(_has_surrogates(v) for v in row):
            yield first_line, _escape_surrogates(raw), "not valid UTF-8"
        elif (size := sum(map(len, row))) > limit:
            yield first_line, raw[:PREVIEW], (f"a record of {_mib(size)}, over the limit of {_mib(limit)} "
                                              "for one record (raise it with --max-record-mib)")
        elif len(row) != len(header):
            yield first_line, raw, f"expected {len(header)} fields as in the header, got {len(row)}"
        else:
            yield first_line, json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False), None


def _has_surrogates(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def _escape_surrogates(value: str) -> str:
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_json_array(fh: io.BufferedIOBase, limit: int = MAX_RECORD) -> Iterator[Record]:
    """Elements of a top-level JSON array, one by one, without loading the file.

    A syntax error inside the array cannot be skipped reliably (where does the
    next element start?), so the rest of the file from there is one error record.
    """
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    buf, pos, line, eof = "", 0, 1, False

    def fill() -> bool:
        """Append the next chunk (dropping what was consumed); False at end of file."""
        nonlocal buf, pos, eof
        if eof:
            return False
        chunk = fh.read(CHUNK)
        eof = not chunk
        buf, pos = buf[pos:] + utf8.decode(chunk, final=eof), 0
        return True

    def skip(chars: str) -> str | None:
        """Move past any of `chars`; return the next character, None at end of file."""
        nonlocal pos, line
        while True:
            while pos < len(buf) and buf[pos] in chars:
                line += buf[pos] == "\n"
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if not fill():
                return None

    try:
        if skip(" \t\r\n\ufeff") != "[":
            yield line, buf[pos:pos + 200], "a .json file must hold one JSON array of objects"
            return
        pos += 1
        while True:
            char = skip(" \t\r\n,")
            if char is None:
                yield line, "", "the JSON array is not closed"
                return
            if char == "]":
                pos += 1
                if skip(" \t\r\n") is not None:
                    yield line, buf[pos:pos + 200], "text after the end of the JSON array"
                return
            try:
                _, end = decoder.raw_decode(buf, pos)
            except RecursionError:
                yield line, buf[pos:pos + PREVIEW], ("invalid JSON: nested too deeply to read; "
                                                  "the rest of the file was not read")
                return
            except json.JSONDecodeError as exc:
                # Truncated by the chunk edge? Read on, but never hold more than one
                # element of the limit in memory: a real syntax error ends the file.
                if len(buf) - pos <= limit and fill():
                    continue
                if len(buf) - pos > limit:
                    yield line, buf[pos:pos + PREVIEW], (
                        f"an element over the limit of {_mib(limit)} for one record (raise it with "
                        "--max-record-mib); an array cannot be read past it, so the rest of the file "
                        "was not read")
                    return
                yield line, buf[pos:pos + PREVIEW], f"invalid JSON: {exc.msg}; the rest of the file was not read"
                return
            if end == len(buf) and fill():
                continue  # a number at the end of the chunk may go on in the next one
            yield line, buf[pos:end], None
            line += buf.count("\n", pos, end)
            pos = end
    except UnicodeDecodeError as exc:
        yield line, buf[pos:pos + 200], f"not valid UTF-8 ({exc.reason}); the rest of the file was not read"


def sniff(path: Path) -> str:
    kind = SUFFIXES[path.suffix.lower()]
    if kind != "json":
        return kind
    with path.open("rb") as fh:
        head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    return "json" if head.startswith(b"[") else "ndjson"


READERS = {"ndjson": read_ndjson, "csv": read_csv, "json": read_json_array}


def load_file(conn: psycopg.Connection, path: Path, kind: str, source: str, force: bool,
              on_read: Callable[[int], None] = lambda _n: None, max_record: int = MAX_RECORD) -> FileResult:
    """Load one file in one transaction; a file that cannot be loaded at all comes back
    as status failed, with the reason, and changed nothing."""
    try:
        return _load_file(conn, path, kind, source, force, on_read, max_record)
    except ScoutError as exc:
        return FileResult(path, "failed", error=str(exc))
    except OSError as exc:
        return FileResult(path, "failed", error=(exc.strerror or str(exc)).lower())
    except psycopg.Error as exc:
        if isinstance(exc, psycopg.OperationalError) and exc.sqlstate is None:
            raise  # the connection is gone: no later file can load either
        return FileResult(path, "failed", error=describe(exc))


def _load_file(conn: psycopg.Connection, path: Path, kind: str, source: str, force: bool,
               on_read: Callable[[int], None], max_record: int) -> FileResult:
    digest = sha256_file(path)
    with conn.transaction():
        batch_id = conn.execute(
            "select scout_internal.bronze_file_begin(%s, %s, %s, %s, %s, %s)",
            (kind, digest, path.name, source, path.stat().st_size, force),
        ).fetchone()[0]
        if batch_id is None:
            return FileResult(path, "skipped")
        file_format = sniff(path)
        reader = functools.partial(READERS[file_format], limit=max_record)
        sent = [0]

        def counted(n: int) -> None:
            sent[0] += n
            on_read(n)

        # Straight into Bronze first: a clean file (the usual case) is written once.
        # Any record that is not a JSON object stops that attempt, which is rolled back
        # to its savepoint; the file is then staged and judged record by record.
        try:
            with conn.transaction():
                send = (_send_ndjson_lines(path, counted, max_record) if file_format == "ndjson"
                        else _send_records(path, reader, counted))
                rows = _copy_direct(conn, path, kind, source, batch_id, send)
                result = conn.execute("select scout_internal.bronze_file_loaded_directly(%s, %s)",
                                      (batch_id, rows)).fetchone()[0]
        except (_NotClean, psycopg.errors.DataError, psycopg.errors.IntegrityError,
                psycopg.errors.ProgramLimitExceeded, psycopg.errors.StatementTooComplex):
            on_read(-sent[0])
            result = _load_staged(conn, path, reader, batch_id, on_read)
        if result["lines_read"] == 0:
            # rolled back with the manifest row: a file that yields nothing is never recorded as loaded
            raise ScoutError("the file holds no record (an empty export, or only a header); nothing was recorded, "
                             "so sending it again once it has records loads it")
    return FileResult(path, "loaded", batch_id, result["lines_read"], result["rows_loaded"],
                      result["lines_rejected"])


class _NotClean(Exception):
    """The file has a record the direct COPY cannot take: stage it instead."""


def _csv_field(value: str | None) -> bytes:
    """One quoted field of the direct COPY's CSV stream (quote \x01, delimiter \x02)."""
    if value is None:
        return b""
    return b"\x01" + value.encode("utf-8").replace(b"\x01", b"\x01\x01") + b"\x01"


def _copy_direct(conn: psycopg.Connection, path: Path, kind: str, source: str, batch_id: str,
                 send: Callable[[object, bytes], int]) -> int:
    """COPY every record into Bronze as it is, through send(copy, suffix), which writes
    each record followed by the constant columns and returns how many it sent; raises
    _NotClean (or the COPY's data error) on the first record that is not a JSON object.
    Returns the rows written."""
    suffix = b"\x02" + b"\x02".join(_csv_field(v) for v in (source, path.name, batch_id)) + b"\n"
    statement = (f"copy scout.bronze_{kind} (raw_data, source, source_filename, ingestion_batch_id) from stdin "
                 # CSV with quote and delimiter no JSON text can hold unescaped: each line goes in
                 # byte for byte (text format would read the backslashes of JSON escapes)
                 "(format csv, quote e'\\x01', delimiter e'\\x02')")
    with conn.cursor() as cursor:
        with cursor.copy(statement) as copy:
            expected = send(copy, suffix)
        written = cursor.rowcount
    if written != expected:  # e.g. a line "\." ends a CSV COPY early: never load part of a file
        raise _NotClean(f"COPY took {written} of {expected} records")
    return written


def _send_records(path: Path, reader, on_read: Callable[[int], None]) -> Callable[[object, bytes], int]:
    """A sender for _copy_direct: the records a reader parses, one by one."""
    def send(copy, suffix: bytes) -> int:
        sent = 0
        with _counted(path, on_read) as fh:
            for _line_no, text, error in reader(fh):
                if error or "\x00" in text or "\x01" in text or "\x02" in text:
                    raise _NotClean(error or "a control character")
                copy.write(text.encode("utf-8") + suffix)
                sent += 1
        return sent
    return send


def _send_ndjson_lines(path: Path, on_read: Callable[[int], None], limit: int) -> Callable[[object, bytes], int]:
    """A sender for _copy_direct: the file's lines, each with the constant columns
    appended, in large chunks, without parsing them; blank lines are left out as the
    staged reader does. A line over the limit is not held: the file is staged instead."""
    def send(copy, suffix: bytes) -> int:
        lines = 0
        carry: list[bytes] = []  # the pieces of the line in progress, joined once it ends
        carried = 0
        with path.open("rb") as fh:
            first = True
            while chunk := fh.read(CHUNK * 4):
                on_read(len(chunk))
                if first:
                    first = False
                    if chunk.startswith(BOM):
                        chunk = chunk[len(BOM):]
                cut = chunk.rfind(b"\n") + 1
                if not cut:
                    carry.append(chunk)
                    carried += len(chunk)
                    if carried > limit:
                        raise _NotClean("a record over the limit")
                    continue
                data = b"".join([*carry, chunk[:cut]]) if carry else chunk[:cut]
                carry, carried = [chunk[cut:]], len(chunk) - cut
                if len(data) > limit and any(len(line) > limit for line in data.split(b"\n")):
                    raise _NotClean("a record over the limit")
                if b"\r" in data or b"\n\n" in data or data.startswith(b"\n"):
                    kept = [line.rstrip(b"\r") for line in data.split(b"\n")[:-1]]
                    kept = [line for line in kept if line.strip()]
                    copy.write(b"".join(line + suffix for line in kept))
                    lines += len(kept)
                else:
                    copy.write(data[:-1].replace(b"\n", suffix[:-1] + b"\n") + suffix)
                    lines += data.count(b"\n")
            rest = b"".join(carry)
            if rest.strip():
                copy.write(rest.rstrip(b"\r") + suffix)
                lines += 1
        return lines
    return send


def _load_staged(conn: psycopg.Connection, path: Path, reader, batch_id: str,
                 on_read: Callable[[int], None]) -> dict:
    with _counted(path, on_read) as fh, conn.cursor().copy(
        "copy pg_temp.bronze_file_staging (record_no, line_no, raw_text, error) from stdin"
    ) as copy:
        for record_no, (line_no, text, error) in enumerate(reader(fh), start=1):
            if "\x00" in text:  # PostgreSQL text cannot hold NUL: keep the record, escaped
                text = text.replace("\x00", "\\x00")
                error = error or "contains a NUL byte (a binary or UTF-16 file?)"
            copy.write_row((record_no, line_no, text, error))
    return conn.execute("select scout_internal.bronze_file_load(%s)", (batch_id,)).fetchone()[0]


def total_bytes(paths: list[Path]) -> int:
    return sum(os.path.getsize(p) for p in paths)
