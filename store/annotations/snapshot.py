"""The snapshot file ``annotations.json``: TinyDB's JSON layout, written to be read in part.

It is a plain TinyDB file (any JSON reader takes it whole), laid out one record per line::

    {
    "_meta": {
     "schema": {"schema_version":1,"seq":41,...,"tail":{"table":"annotations",...}}
    },
    "documents": {
     "seed:a.txt": {...}
    },
    "annotations": {
     "3f2c...": {...},
     ...
    }
    }

The big table (the *tail*: annotations) comes last, its records sorted in reading order, and
the header says where it starts, how long it is and its CRC-32. So a command that only adds an
annotation reads the few small tables at the top and never parses 50,000 records; ``list`` and
``export`` stream the tail in order with bounded memory; and damage anywhere in the tail is
caught (by the checksum) before a single record of it is trusted. A file without that header
(an older Shiori's, or one edited by hand) is read whole, as before.
"""

from __future__ import annotations

import io
import json
import os
import re
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from store.jsonio import encode, loads
from store.patterns import compiled

SCHEMA_VERSION = 1
LAYOUT = 2
META_TABLE = "_meta"
META_ID = "schema"

Tables = dict[str, dict[str, dict[str, Any]]]
_CHUNK = 1 << 20
_DECODER = json.JSONDecoder()


class Damaged(Exception):
    """The snapshot cannot be read as a database (the message says why)."""


@dataclass(frozen=True)
class Tail:
    """Where the last table's records are, and how to check them."""

    table: str
    order: str
    offset: int
    length: int
    crc: int
    count: int


@dataclass
class Snapshot:
    version: int
    seq: int
    #: Every table read (all of them, or all but the tail's).
    tables: Tables
    tail: Tail | None = None
    #: ``(table, key, value)`` of records that were not JSON objects (never loaded).
    set_aside: list[tuple[str, str, Any]] = field(default_factory=list)


def _line(key: str, doc: Any) -> bytes:
    return encode(
        f" {json.dumps(key, ensure_ascii=False)}: "
        + json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    )


def _tail_field(tail: Tail) -> bytes:
    """The header's tail description, fixed-width so it can be filled in after the tail."""
    return encode(
        f'{{"table":{json.dumps(tail.table, ensure_ascii=False)},'
        f'"order":{json.dumps(tail.order, ensure_ascii=False)},'
        f'"offset":"{tail.offset:012d}","length":"{tail.length:012d}",'
        f'"crc":"{tail.crc:08x}","count":"{tail.count:012d}"}}'
    )


def write(
    fd: int,
    *,
    seq: int,
    tables: Mapping[str, Mapping[str, Any]],
    tail_table: str,
    tail_order: str,
    tail_records: Iterable[tuple[str, Any]],
) -> int:
    """Write a whole snapshot to ``fd`` (at its start); returns its size in bytes.

    ``tail_records`` is consumed once, in the order given (the caller sorts it), so a table
    larger than memory can be copied from the previous snapshot record by record.
    """
    out = io.BufferedWriter(io.FileIO(fd, "wb", closefd=False), buffer_size=_CHUNK)
    written = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    placeholder = Tail(tail_table, tail_order, 0, 0, 0, 0)
    meta_head = encode(
        f'{{\n"{META_TABLE}": {{\n "{META_ID}": '
        f'{{"schema_version":{SCHEMA_VERSION},"seq":{seq},"written":"{written}",'
        f'"layout":{LAYOUT},"tail":'
    )
    tail_at = len(meta_head)
    pos = out.write(meta_head + _tail_field(placeholder) + b"}\n}")
    for name, table in tables.items():
        if name in (META_TABLE, tail_table):
            continue
        pos += out.write(b",\n" + encode(json.dumps(name, ensure_ascii=False)) + b": {")
        for r, (key, doc) in enumerate(table.items()):
            pos += out.write((b",\n" if r else b"\n") + _line(key, doc))
        pos += out.write(b"\n}")
    pos += out.write(b",\n" + encode(json.dumps(tail_table, ensure_ascii=False)) + b": {\n")
    offset = pos
    crc = 0
    count = 0
    for key, doc in tail_records:
        chunk = (b",\n" if count else b"") + _line(key, doc)
        crc = zlib.crc32(chunk, crc)
        pos += out.write(chunk)
        count += 1
    end = (b"\n" if count else b"") + b"}\n}\n"
    crc = zlib.crc32(end, crc)
    pos += out.write(end)
    out.flush()
    out.detach()
    os.pwrite(
        fd, _tail_field(Tail(tail_table, tail_order, offset, pos - offset, crc, count)), tail_at
    )
    return pos


_META_LINE = re.compile(rb'^ "schema": (\{.*\})$')


def read_head(fd: int, size: int) -> Snapshot | None:
    """The small tables and the tail's description, or None when the file lacks a header that
    agrees with it (an older layout, a hand edit, damage): then it must be read whole, which
    tells a good file from a damaged one."""
    first = os.pread(fd, 4096, 0)
    lines = first.split(b"\n", 3)
    if len(lines) < 4 or lines[0] != b"{" or lines[1] != f'"{META_TABLE}": {{'.encode():
        return None
    match = _META_LINE.match(lines[2])
    if not match:
        return None
    try:
        meta = loads(match.group(1))
        tail_desc = meta["tail"]
        if meta.get("layout") != LAYOUT or not isinstance(tail_desc, dict):
            return None
        tail = Tail(
            str(tail_desc["table"]),
            str(tail_desc["order"]),
            int(tail_desc["offset"]),
            int(tail_desc["length"]),
            int(tail_desc["crc"], 16),
            int(tail_desc["count"]),
        )
    except (ValueError, KeyError, TypeError):
        return None
    if not 0 < tail.offset <= size or tail.offset + tail.length != size:
        return None
    head = os.pread(fd, tail.offset, 0)
    if not head.endswith(b": {\n"):
        return None
    try:
        parsed = parse_all(head + b"}\n}")
    except Damaged:
        return None
    parsed.tables.pop(tail.table, None)
    parsed.tail = tail
    return parsed


def _tail_bytes(fd: int, tail: Tail) -> Iterator[bytes]:
    pos, end = tail.offset, tail.offset + tail.length
    while pos < end:
        chunk = os.pread(fd, min(_CHUNK, end - pos), pos)
        if not chunk:
            raise Damaged("it is shorter than its header says")
        pos += len(chunk)
        yield chunk


def verify_tail(fd: int, tail: Tail) -> None:
    """Raise :class:`Damaged` unless the tail's bytes match its checksum."""
    crc = 0
    for chunk in _tail_bytes(fd, tail):
        crc = zlib.crc32(chunk, crc)
    if crc != tail.crc:
        raise Damaged(f"the {tail.table} table does not match its checksum")


def parse_record_line(line: bytes) -> tuple[str, Any]:
    """`` "key": {...},`` → ``(key, value)``; raises ``ValueError``."""
    try:
        text = line.decode("utf-8")
        if text.endswith(","):
            text = text[:-1]
        if not text.startswith(' "'):
            raise ValueError("not a record line")
        key, i = _DECODER.raw_decode(text, 1)
        if text[i : i + 2] != ": ":
            raise ValueError("not a record line")
        value, j = _DECODER.raw_decode(text, i + 2)
    except (UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from None
    if j != len(text):
        raise ValueError("not a record line")
    return key, value


def iter_tail(fd: int, tail: Tail) -> Iterator[tuple[str, Any]]:
    """The tail's records in file order (verify the checksum first: this trusts the bytes)."""
    rest = b""
    for chunk in _tail_bytes(fd, tail):
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            if line == b"}":
                return
            yield parse_record_line(line)
    if rest and rest != b"}":
        raise Damaged(f"the {tail.table} table is cut short")


def parse_all(raw: bytes) -> Snapshot:
    """Read a whole snapshot (any TinyDB JSON file). Records that are not JSON objects are set
    aside, not fatal; a file that is not a database at all raises :class:`Damaged`."""
    try:
        data = loads(raw)
    except ValueError as exc:
        raise Damaged(str(exc)) from exc
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise Damaged("not a TinyDB database")
    meta = data.pop(META_TABLE, {}).get(META_ID, {})
    if not isinstance(meta, dict):
        meta = {}
    version = meta.get("schema_version", 0)
    seq = meta.get("seq", 0)
    if type(version) is not int or type(seq) is not int or version < 0 or seq < 0:
        raise Damaged("bad schema_version or seq")
    tables: Tables = {}
    set_aside: list[tuple[str, str, Any]] = []
    for name, table in data.items():
        good: dict[str, dict[str, Any]] = {}
        for key, doc in table.items():
            if isinstance(doc, dict):
                good[key] = doc
            else:
                set_aside.append((name, key, doc))
        tables[name] = good
    return Snapshot(version, seq, tables, None, set_aside)


_TABLE_LINE = compiled(r'^("(?:[^"\\]|\\.)*"): \{$')


def salvage(raw: bytes) -> tuple[Tables, int]:
    """Every whole record line of a damaged snapshot (it is written one record per line)."""
    tables: Tables = {}
    seq = 0
    table: str | None = None
    for line in raw.split(b"\n"):
        try:
            text = line.decode("utf-8", "replace")
            if m := _TABLE_LINE.match(text):
                table = json.loads(m.group(1))
                continue
            if table is None:
                continue
            key, doc = parse_record_line(line)
        except (ValueError, RecursionError):
            continue
        if not isinstance(doc, dict):
            continue
        if table == META_TABLE:
            if key == META_ID and type(doc.get("seq")) is int:
                seq = doc["seq"]
        else:
            tables.setdefault(table, {})[key] = doc
    return tables, seq


_SEQ = re.compile(rb'"seq":\s*(\d+)')


def header_seq(path: os.PathLike[str] | str) -> int | None:
    """The sequence number a snapshot (or backup) says it holds, from its first lines only."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    lines = head.split(b"\n", 3)
    if len(lines) < 3 or lines[1] != f'"{META_TABLE}": {{'.encode():
        return None
    match = _SEQ.search(lines[2])
    return int(match.group(1)) if match else None
