"""The journal's line format: ``<crc32 hex> <json>\\n``, one durable change batch per line.

The JSON is ``{"seq": N, "ops": [[table, key, document-or-null], ...]}``. A line is accepted only
when its checksum matches *and* its shape is exactly that — a line with a good checksum but a
wrong shape (written by a broken tool, or by hand) is damage like any other, never applied
half-way.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

from store.jsonio import dumps_bytes, loads

#: One change: (table, document id, new document or None for a deletion).
Op = tuple[str, str, dict[str, Any] | None]

META_TABLE = "_meta"


def encode_line(seq: int, ops: list[Op]) -> bytes:
    payload = dumps_bytes({"seq": seq, "ops": [list(op) for op in ops]}, separators=(",", ":"))
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def decode_line(line: bytes) -> tuple[int, list[Op]]:
    """Parse one journal line; raises ``ValueError`` (one line saying why) on any damage."""
    if len(line) < 10 or line[8:9] != b" ":
        raise ValueError("malformed journal line")
    payload = line[9:]
    try:
        crc = int(line[:8], 16)
    except ValueError:
        raise ValueError("malformed journal line") from None
    if crc != zlib.crc32(payload):
        raise ValueError("journal line checksum mismatch")
    obj = loads(payload)
    if not isinstance(obj, dict) or set(obj) != {"seq", "ops"}:
        raise ValueError("journal line of the wrong shape")
    seq, raw_ops = obj["seq"], obj["ops"]
    if type(seq) is not int or seq < 1 or not isinstance(raw_ops, list):
        raise ValueError("journal line of the wrong shape")
    ops: list[Op] = []
    for op in raw_ops:
        if not (isinstance(op, list) and len(op) == 3):
            raise ValueError("journal line with a malformed change")
        table, key, doc = op
        if not isinstance(table, str) or not table or table == META_TABLE:
            raise ValueError("journal line naming no table")
        if not isinstance(key, str) or not (doc is None or isinstance(doc, dict)):
            raise ValueError("journal line with a malformed change")
        ops.append((table, key, doc))
    return seq, ops


def read_entries(path: Path) -> list[tuple[int, list[Op]]]:
    """The whole, valid lines of a journal file (none if it is missing)."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    out = []
    for line in data.split(b"\n")[:-1]:
        try:
            out.append(decode_line(line))
        except ValueError:
            continue
    return out


def first_seq(path: Path) -> int | None:
    """The sequence number of the first valid line (None: no valid line, or no file)."""
    try:
        with open(path, "rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    return None
                try:
                    return decode_line(line[:-1])[0]
                except ValueError:
                    continue
    except OSError:
        return None
    return None


def last_seq(path: Path) -> int | None:
    """The sequence number of the last valid line, reading only as much of the end as needed."""
    try:
        with open(path, "rb") as fh:
            size = fh.seek(0, 2)
            want = 1 << 16
            while True:
                start = max(0, size - want)
                fh.seek(start)
                lines = fh.read(size - start).split(b"\n")
                # The first piece may be a partial line (unless we read from the start); the
                # last is whatever follows the final newline (a torn tail, or nothing).
                whole = lines[:-1] if start == 0 else lines[1:-1]
                for line in reversed(whole):
                    try:
                        return decode_line(line)[0]
                    except ValueError:
                        continue
                if start == 0:
                    return None
                want *= 4
    except OSError:
        return None
