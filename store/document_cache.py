"""Imported documents cached by content, so reopening a document skips the import.

Importing runs at about 1 MB/s, which a reader would otherwise wait for on every open of a large
document. The cache lives under ``store.paths.cache_dir() / "documents"``, one JSON file per
document, keyed by a hash of the file's bytes and of the importer's own source (a changed rule
never serves a stale document). It is only a cache: a missing, damaged or unwritable entry means
the file is imported as usual, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store import atomic
from store.files import open_regular
from store.model import Block, Document, Emphasis, Footnote, PageStart, Ref, Ruby

#: Bump when the cache file's layout changes.
FORMAT = 3
#: Entries kept; past this the least recently used go (every edit of a file adds one).
MAX_ENTRIES = 200
_CHUNK = 1 << 20

_CODE_VERSION: str | None = None


def _code_version() -> str:
    """A hash of the code that decides an imported document (importer, model, this codec)."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        h = hashlib.sha256(str(FORMAT).encode())
        here = Path(__file__).resolve().parent
        sources = sorted((here / "importer").rglob("*.py")) + [here / "model.py", Path(__file__)]
        for source in sources:
            with contextlib.suppress(OSError):
                name = source.relative_to(here).as_posix()
                h.update(name.encode() + source.read_bytes())
        _CODE_VERSION = h.hexdigest()[:16]
    return _CODE_VERSION


def cache_key(path: Path) -> str | None:
    """Content hash of ``path`` plus the code version; None when the file cannot be read."""
    h = hashlib.sha256(_code_version().encode())
    try:
        with open_regular(path) as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def _cache_path(key: str) -> Path:
    from store.paths import cache_dir

    return cache_dir() / "documents" / f"{key}.json"


def encode(doc: Document) -> dict[str, Any]:
    """Everything a Document holds (``to_json`` is the inspect contract and leaves some out)."""
    return {
        "format": FORMAT,
        "title": doc.title,
        "encoding": doc.encoding,
        "notices": list(doc.notices),
        "blocks": [
            [
                b.kind,
                b.text,
                b.level,
                [[r.start, r.end, r.reading] for r in b.ruby],
                [[r.offset, r.footnote_id] for r in b.refs],
                [[e.start, e.end, e.kind] for e in b.emphasis],
                b.rows,
                [b.indent, b.hanging],
            ]
            for b in doc.blocks
        ],
        "footnotes": [
            [n.id, n.text, [[r.start, r.end, r.reading] for r in n.ruby]] for n in doc.footnotes
        ],
        "metadata": dict(doc.metadata),
        "pages": [[p.block, p.offset, p.label] for p in doc.pages],
    }


def decode(data: dict[str, Any]) -> Document:
    if data.get("format") != FORMAT:
        raise ValueError("cache format")
    blocks = [
        Block(
            kind,
            text,
            level,
            [Ruby(*r) for r in ruby],
            [Ref(*r) for r in refs],
            [Emphasis(*e) for e in emphasis],
            rows,
            indent,
            hanging,
        )
        for kind, text, level, ruby, refs, emphasis, rows, (indent, hanging) in data["blocks"]
    ]
    notes = [Footnote(fid, text, [Ruby(*r) for r in ruby]) for fid, text, ruby in data["footnotes"]]
    return Document(
        data["title"],
        blocks,
        notes,
        metadata=dict(data["metadata"]),
        pages=[PageStart(*p) for p in data["pages"]],
        notices=list(data["notices"]),
        encoding=data["encoding"],
    )


def _load(path: Path) -> Document | None:
    try:
        return decode(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def _save(path: Path, doc: Document) -> None:
    try:
        atomic.write_json(path, encode(doc), compact=True)
    except OSError:
        return  # only a cache: the next open imports again
    _prune(path.parent)


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[MAX_ENTRIES:]:
            stale.unlink()


def import_file(path: Path, *, progress: Callable[[int, int], None] | None = None) -> Document:
    """The importer, loaded only when a document is not in the cache (a CLI save on a cached
    document then starts without the import rules)."""
    from store.importer.pipeline import import_file as run_import

    return run_import(path, progress=progress)


def load_document(
    path: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    remember: bool = True,
) -> Document:
    """``import_file(path)``, served from the cache when this exact file was imported before
    (``progress`` hears how a long import goes; a cached document needs none).

    ``remember=False`` leaves the cache as it is when the file was not in it (the library
    index reads every document once; caching them all would push out the ones being read).

    Raises what ``import_file`` raises (``ImportFailed`` with its one-line message).
    """
    path = Path(path)
    key = cache_key(path)  # None when it cannot be read: the importer says why, in one line
    if key is None:
        return import_file(path, progress=progress)
    cached = _cache_path(key)
    doc = _load(cached) if cached.is_file() else None
    if doc is not None:
        with contextlib.suppress(OSError):
            os.utime(cached)  # recently used: pruned last
    else:
        doc = import_file(path, progress=progress)
        if remember:
            _save(cached, doc)
    return doc
