"""Where the reader was in each document, so that reopening a document returns there.

One small JSON file under the data dir, keyed by the library's document key
(``store.library.doc_key``), read and written through ``store.preferences``: atomically, so a
crash mid-write leaves the previous version intact, and a damaged file is moved aside, never
silently overwritten. Positions are block/offset pairs (``str`` indices, as everywhere in the
model) plus the content hash they were taken against, so a changed document can be clamped
rather than trusted blindly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store import paths, preferences

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


def _load(path: Path) -> tuple[dict[str, Any], str | None]:
    """The stored table (an empty one while there is none) and a notice if it was damaged
    (then kept aside as ``*.damaged``, by ``store.preferences``)."""
    return preferences.read_documents(
        path, {"schema_version": SCHEMA_VERSION, "last": None, "documents": {}}
    )


def check() -> str | None:
    """A one-line notice if the positions file was damaged (the app asks once at start-up)."""
    return _load(positions_file())[1]


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
    return _entry_to_position(_load(positions_file())[0]["documents"].get(doc_key))


def save_position(doc_key: str, position: Position) -> None:
    """Remember ``position`` for ``doc_key`` and mark it as the last document read."""
    path = positions_file()
    data, _notice = _load(path)
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
    preferences.write_object(path, data)


def read_times() -> dict[str, float]:
    """When each document was last read (seconds since the epoch), by key."""
    out: dict[str, float] = {}
    for key, entry in _load(positions_file())[0]["documents"].items():
        at = entry.get("at") if isinstance(entry, dict) else None
        if isinstance(key, str) and isinstance(at, int | float) and not isinstance(at, bool):
            out[key] = float(at)
    return out


def last_read() -> str | None:
    """The key of the document read most recently, if any."""
    last = _load(positions_file())[0].get("last")
    return last if isinstance(last, str) else None


def clamp(position: Position, block_lengths: list[int]) -> Position:
    """``position`` moved inside a document whose blocks have these text lengths."""
    if not block_lengths:
        return Position(0, 0, position.content_hash)
    block = min(position.block, len(block_lengths) - 1)
    return Position(block, min(position.offset, block_lengths[block]), position.content_hash)
