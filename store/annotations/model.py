"""What an annotation is: our own id, a W3C-style anchor into the base text, and the user's data.

The anchor follows the W3C Web Annotation selectors: a ``TextPositionSelector`` (code-point
offsets into ``Document.base_text``) and a ``TextQuoteSelector`` (the exact text with about
32 characters of context each side), plus the block index as a hint and the content hash of
the document it was made on, so a changed document can be re-anchored (see ``anchor.py``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any, Literal

State = Literal["anchored", "moved", "orphan"]
STATES: tuple[State, ...] = ("anchored", "moved", "orphan")

#: Characters of context kept on each side of the quote.
CONTEXT = 32

#: The five highlight colours and the meaning each has until the user renames it.
DEFAULT_COLORS: tuple[tuple[str, str], ...] = (
    ("yellow", "重要"),
    ("blue", "疑問"),
    ("green", "引用"),
    ("purple", "定義"),
    ("red", "反論"),
)
#: The colour keys, the one vocabulary of colour names: the store, ``--color``, the reader's
#: ``reader--highlight-<key>`` styles and the app's ``$highlight-<key>`` theme variables.
COLOR_KEYS: tuple[str, ...] = tuple(key for key, _ in DEFAULT_COLORS)


def now_iso() -> str:
    """UTC, ISO 8601 with milliseconds (so edits within one second still order)."""
    now = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + f".{int(now % 1 * 1000):03d}Z"


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Anchor:
    position: TextPositionSelector
    quote: TextQuoteSelector
    #: Index of the block the passage starts in, and the start's offset inside it (hints).
    block: int
    block_offset: int
    #: ``Document.content_hash`` of the text the positions refer to.
    content_hash: str
    #: How many non-whitespace characters precede the start: unchanged when only line breaks
    #: moved (a re-wrapped source), which re-anchoring counts as the same place. -1: unknown.
    nonspace_start: int = -1

    def to_record(self) -> dict[str, Any]:
        return {
            "start": self.position.start,
            "end": self.position.end,
            "exact": self.quote.exact,
            "prefix": self.quote.prefix,
            "suffix": self.quote.suffix,
            "block": self.block,
            "block_offset": self.block_offset,
            "content_hash": self.content_hash,
            "nonspace_start": self.nonspace_start,
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Anchor:
        return cls(
            TextPositionSelector(int(rec["start"]), int(rec["end"])),
            TextQuoteSelector(str(rec["exact"]), str(rec["prefix"]), str(rec["suffix"])),
            int(rec["block"]),
            int(rec["block_offset"]),
            str(rec["content_hash"]),
            int(rec.get("nonspace_start", -1)),
        )


@dataclass(frozen=True, slots=True)
class ColorSlot:
    key: str
    label: str


@dataclass(frozen=True)
class Annotation:
    id: str
    doc: str
    anchor: Anchor
    color: str = DEFAULT_COLORS[0][0]
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    state: State = "anchored"
    #: The heading chain the passage sits under (outermost first), for export and citation.
    section: tuple[str, ...] = ()
    #: The quote as it was when the user made the annotation (the anchor's may be updated).
    original: str = ""
    #: The printed page(s) the passage is on (``135``, ``135–136``; "" for a source without
    #: pages), kept so that a citation of an orphan still names its page.
    page: str = ""

    @property
    def quote(self) -> str:
        return self.anchor.quote.exact

    @property
    def start(self) -> int:
        return self.anchor.position.start

    @property
    def end(self) -> int:
        return self.anchor.position.end

    def with_changes(self, **changes: Any) -> Annotation:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc": self.doc,
            "anchor": self.anchor.to_record(),
            "color": self.color,
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
            "state": self.state,
            "section": list(self.section),
            "original": self.original,
            "page": self.page,
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Annotation:
        state = rec.get("state", "anchored")
        return cls(
            id=str(rec["id"]),
            doc=str(rec["doc"]),
            anchor=Anchor.from_record(rec["anchor"]),
            color=str(rec.get("color", DEFAULT_COLORS[0][0])),
            note=str(rec.get("note", "")),
            tags=tuple(str(t) for t in rec.get("tags", ())),
            created=str(rec.get("created", "")),
            updated=str(rec.get("updated", "")),
            state=state if state in STATES else "anchored",
            section=tuple(str(s) for s in rec.get("section", ())),
            original=str(rec.get("original", "")),
            page=str(rec.get("page", "")),
        )

    def to_summary(self) -> dict[str, Any]:
        """The flat shape ``shiori annotations list --json`` prints."""
        return {
            "id": self.id,
            "doc": self.doc,
            "quote": self.quote,
            "note": self.note,
            "tags": list(self.tags),
            "color": self.color,
            "state": self.state,
            "created": self.created,
            "updated": self.updated,
            "start": self.start,
            "end": self.end,
            "section": list(self.section),
            "page": self.page,
        }
