"""Where the reader was in each document, so that reopening a document returns there.

One small JSON file under the data dir, keyed by the library's document key
(``store.library.doc_key``), rewritten atomically (temp file, fsync, ``os.replace``) so a crash
mid-write leaves the previous version intact. A damaged file is moved aside, never silently
overwritten. Positions are block/offset pairs (``str`` indices, as everywhere in the model) plus
the content hash they were taken against, so a changed document can be clamped rather than
trusted blindly.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store import paths
from store.files import FileProblem, read_regular
from store.jsonio import dumps_bytes, loads

FILE_NAME = "positions.json"
SCHEMA_VERSION = 1
#: Documents remembered; the least recently read are forgotten beyond this.
MAX_DOCUMENTS = 1000


@dataclass(frozen=True, slots=True)
class Position:
    """A reading position: block index and ``str`` offset within that block's text."""

    block: int
    offset: int = 0
    content_hash: str = ""


def positions_file() -> Path:
    return paths.data_dir() / FILE_NAME


def atomic_write_json(path: Path, data: Any) -> None:
    """Write ``data`` as UTF-8 JSON so readers only ever see the old or the new file (0600; a
    key holding a file name that is not UTF-8 is written as ``\\udcxx`` escapes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(dumps_bytes(data, indent=1))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


#: One-line notices about damaged files moved aside (the app shows and clears them).
notices: list[str] = []
#: A temp file older than this was left by a writer that died (a write takes milliseconds).
STALE_TEMP_SECONDS = 600


def _remove_stale_temps(path: Path) -> None:
    """Temp files of writes that were killed are removed (never one a live writer may own)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for tmp in path.parent.glob(f".{path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                    tmp.unlink()


def set_aside(path: Path, why: str, note: list[str]) -> None:
    """Move a damaged preference file aside as ``<name>.damaged`` and say so in one line."""
    aside = path.with_name(path.name + ".damaged")
    try:
        os.replace(path, aside)
    except OSError:
        note.append(f"{path.name} is damaged ({why}); it is ignored")
        return
    note.append(f"{path.name} was damaged ({why}); moved to {aside.name}, starting afresh")


def _load(path: Path) -> dict[str, Any]:
    """The stored table, or an empty one; a damaged file is kept aside as ``*.damaged``."""
    empty: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "last": None, "documents": {}}
    try:
        raw = read_regular(path, limit=64 << 20)
    except FileProblem as exc:
        if exc.why != "no such file":
            notices.append(f"{path.name}: cannot read ({exc.why}); positions are not restored")
        return empty
    except OSError:
        return empty
    try:
        data = loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
            raise ValueError("not a positions table")
    except ValueError as exc:
        set_aside(path, str(exc), notices)
        return empty
    return data


def _entry_to_position(entry: object) -> Position | None:
    if not isinstance(entry, dict):
        return None
    block, offset = entry.get("block"), entry.get("offset", 0)
    if not isinstance(block, int) or not isinstance(offset, int) or block < 0 or offset < 0:
        return None
    content_hash = entry.get("hash", "")
    return Position(block, offset, content_hash if isinstance(content_hash, str) else "")


def load_position(doc_key: str) -> Position | None:
    """The last saved position in the document known as ``doc_key``, if any."""
    return _entry_to_position(_load(positions_file())["documents"].get(doc_key))


def save_position(doc_key: str, position: Position) -> None:
    """Remember ``position`` for ``doc_key`` and mark it as the last document read."""
    path = positions_file()
    data = _load(path)
    documents: dict[str, Any] = data["documents"]
    documents.pop(doc_key, None)  # re-insert so the dict stays in least-recent-first order
    documents[doc_key] = {
        "block": position.block,
        "offset": position.offset,
        "hash": position.content_hash,
        "at": int(time.time()),
    }
    while len(documents) > MAX_DOCUMENTS:
        documents.pop(next(iter(documents)))
    data["last"] = doc_key
    data["schema_version"] = SCHEMA_VERSION
    atomic_write_json(path, data)


def last_read() -> str | None:
    """The key of the document read most recently, if any."""
    last = _load(positions_file()).get("last")
    return last if isinstance(last, str) else None


def clamp(position: Position, block_lengths: list[int]) -> Position:
    """``position`` moved inside a document whose blocks have these text lengths."""
    if not block_lengths:
        return Position(0, 0, position.content_hash)
    block = min(position.block, len(block_lengths) - 1)
    return Position(block, min(position.offset, block_lengths[block]), position.content_hash)
