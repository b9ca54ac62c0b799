"""Readings for a whole document, cached by content so reopening a document is instant.

``document_readings(doc)`` analyses the blocks in order, then the footnotes (so a gloss in the
body also serves the notes), with each block's source ruby winning. The result is cached as JSON
under ``store.paths.cache_dir() / "readings"``, keyed by a hash of everything that decides it
(texts, source ruby, the analysis code, the dictionary version). A cache file that is
missing, damaged, or of another version is ignored and rebuilt; failing to write one is
not an error either.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store import atomic
from store.japanese.readings import Annotator, Reading
from store.japanese.rules import detect_style
from store.model import Document

#: Bump when the cache format changes. (Changes to the analysis code invalidate caches by
#: themselves: the key includes a hash of this package's sources.)
ANALYSIS_VERSION = 1
_SOURCES = ("source", "gloss", "dict", "guess")


@dataclass
class DocumentReadings:
    """Readings per block (``blocks[i]``, offsets into ``doc.blocks[i].text``) and per
    footnote (``footnotes[id]``, offsets into that footnote's text)."""

    blocks: list[list[Reading]]
    footnotes: dict[str, list[Reading]] = field(default_factory=dict)
    #: Block texts and which blocks are headings (display levels need them; not cached).
    texts: list[str] = field(default_factory=list, repr=False)
    headings: list[bool] = field(default_factory=list, repr=False)
    footnote_texts: dict[str, str] = field(default_factory=dict, repr=False)

    def block(self, index: int) -> list[Reading]:
        return self.blocks[index] if 0 <= index < len(self.blocks) else []

    def footnote(self, footnote_id: str) -> list[Reading]:
        return self.footnotes.get(footnote_id, [])


def analysis_key(doc: Document) -> str:
    """Hash of everything that decides the readings of ``doc``."""
    h = hashlib.sha256()
    h.update(f"v{ANALYSIS_VERSION}|{_dictionary_version()}|{_code_version()}|".encode())
    for block in doc.blocks:
        h.update(block.text.encode("utf-8", "surrogatepass"))
        h.update(repr([(r.start, r.end, r.reading) for r in block.ruby]).encode())
        h.update(b"\x00")
    for note in doc.footnotes:
        h.update(f"\x01{note.id}\x02".encode("utf-8", "surrogatepass"))
        h.update(note.text.encode("utf-8", "surrogatepass"))
        h.update(repr([(r.start, r.end, r.reading) for r in note.ruby]).encode())
    return h.hexdigest()


_CODE_VERSION: str | None = None


def _code_version() -> str:
    """A hash of the analysis code itself, so a changed rule never serves stale readings."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        for name in sorted(p.name for p in here.glob("*.py")):
            with contextlib.suppress(OSError):
                h.update(name.encode() + (here / name).read_bytes())
        _CODE_VERSION = h.hexdigest()[:16]
    return _CODE_VERSION


def _dictionary_version() -> str:
    try:
        from importlib.metadata import version

        return version("sudachidict_core")
    except Exception:  # metadata missing: the analysis version alone keys the cache
        return "?"


def analyse_document(doc: Document) -> DocumentReadings:
    """Analyse ``doc`` without the cache."""
    annotator = Annotator(detect_style(doc.base_text))
    blocks = [
        []  # a code block is verbatim: never analysed
        if b.kind == "code"
        else annotator.readings(b.text, [(r.start, r.end, r.reading) for r in b.ruby])
        for b in doc.blocks
    ]
    notes = {
        n.id: annotator.readings(n.text, [(r.start, r.end, r.reading) for r in n.ruby])
        for n in doc.footnotes
    }
    return DocumentReadings(blocks, notes)


def _cache_path(key: str) -> Path:
    from store.paths import cache_dir

    return cache_dir() / "readings" / f"{key}.json"


def _encode(readings: list[Reading]) -> list[list[Any]]:
    return [[r.start, r.end, r.reading, r.source] for r in readings]


def _decode(rows: Any, length: int) -> list[Reading]:
    if not isinstance(rows, list):
        raise ValueError("not a list")
    out = []
    for row in rows:
        start, end, reading, source = row
        if not (
            isinstance(start, int)
            and isinstance(end, int)
            and 0 <= start < end <= length
            and isinstance(reading, str)
            and reading
            and source in _SOURCES
        ):
            raise ValueError(f"bad reading {row!r}")
        out.append(Reading(start, end, reading, source))
    return out


def _load(path: Path, key: str, doc: Document) -> DocumentReadings | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key or len(data["blocks"]) != len(doc.blocks):
            return None
        blocks = [
            _decode(rows, len(b.text)) for rows, b in zip(data["blocks"], doc.blocks, strict=True)
        ]
        notes = {n.id: _decode(data["footnotes"][n.id], len(n.text)) for n in doc.footnotes}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return DocumentReadings(blocks, notes)


def _save(path: Path, key: str, result: DocumentReadings) -> None:
    data = {
        "key": key,
        "blocks": [_encode(b) for b in result.blocks],
        "footnotes": {k: _encode(v) for k, v in result.footnotes.items()},
    }
    with contextlib.suppress(OSError):  # only a cache: the next open analyses again
        atomic.write_json(path, data, compact=True)


def document_readings(doc: Document, *, use_cache: bool = True) -> DocumentReadings:
    """Readings for every block and footnote of ``doc`` (from the cache when it is valid)."""
    result = None
    if use_cache:
        key = analysis_key(doc)
        path = _cache_path(key)
        result = _load(path, key, doc)
    if result is None:
        result = analyse_document(doc)
        if use_cache:
            _save(path, key, result)
    result.texts = [b.text for b in doc.blocks]
    result.headings = [b.kind == "heading" for b in doc.blocks]
    result.footnote_texts = {n.id: n.text for n in doc.footnotes}
    return result
