"""The imported document model: what the reader shows and what annotations anchor to.

Every position in Shiori is a ``str`` index into a block's ``text`` (code points, not cells
or bytes). The document's *base text* is the blocks' texts joined by ``\\n``: no furigana, no
footnote bodies, no marker digits. Annotations anchor to offsets in that base text.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

#: ``code`` is verbatim text (a Markdown fence): shown as it is, never analysed for readings.
BlockKind = Literal["heading", "paragraph", "list_item", "quote", "table", "meta", "code"]
EmphasisKind = Literal["bold", "italic"]


#: The fields of ``Document.metadata`` a citation takes where the library's metadata is silent
#: (``store.citation.source_meta``), kept with a document's annotations for exports.
CITED_METADATA = ("author", "publisher", "date", "url", "kind")


@dataclass(frozen=True, slots=True)
class Ruby:
    """A reading the *source* gives for ``text[start:end]`` (PDF ruby lines, Aozora 《》)."""

    start: int
    end: int
    reading: str


@dataclass(frozen=True, slots=True)
class Ref:
    """A footnote marker drawn right after ``text[offset - 1]``; the marker is not in ``text``."""

    offset: int
    footnote_id: str


@dataclass(frozen=True, slots=True)
class Emphasis:
    start: int
    end: int
    kind: EmphasisKind


@dataclass(slots=True)
class Block:
    kind: BlockKind
    text: str
    level: int = 0  # 1..6 for headings, 0 otherwise
    ruby: list[Ruby] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    emphasis: list[Emphasis] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # tables only
    #: The source's own indent, in full-width characters, of the first line and of the lines
    #: it wraps to (an Aozora ``２字下げ``, or a hanging ``改行天付き、折り返して２字下げ``): the
    #: reader sets them so; both 0 (the source says none) leaves it to the kind.
    indent: int = 0
    hanging: int = 0

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.kind == "heading":
            out["level"] = self.level
        out["text"] = self.text
        out["ruby"] = [[r.start, r.end, r.reading] for r in self.ruby]
        out["refs"] = [[r.offset, r.footnote_id] for r in self.refs]
        out["emphasis"] = [[e.start, e.end, e.kind] for e in self.emphasis]
        if self.kind == "table":
            out["rows"] = [list(row) for row in self.rows]
        if self.indent or self.hanging:
            out["indent"] = [self.indent, self.hanging]
        return out


@dataclass(slots=True)
class Footnote:
    id: str
    text: str
    ruby: list[Ruby] = field(default_factory=list)


def note_label(footnote_id: str) -> str:
    """How a note is named in results and Japanese citations: ``注2`` (an id that is already
    a mark of its own, ``※1``, ``*``, stays as it is)."""
    return footnote_id if footnote_id[:1] in ("※", "*", "＊", "注") else f"注{footnote_id}"


@dataclass(frozen=True, slots=True)
class PageStart:
    """Page ``label`` starts at ``blocks[block].text[offset]``.

    ``label`` is the page number the source prints (``"135"``, ``"iv"``), else the physical
    page counted from 1.
    """

    block: int
    offset: int
    label: str


@dataclass
class Document:
    title: str
    blocks: list[Block]
    footnotes: list[Footnote] = field(default_factory=list)
    #: What the file itself states about the work (PDF/EPUB/HTML metadata, an Aozora header,
    #: front matter): ``title``, ``author``, ``publisher``, ``date``, ``url``... Empty when the
    #: file says nothing; never invented.
    metadata: dict[str, str] = field(default_factory=dict)
    #: Where each page starts, in reading order (sources that have pages: PDF, page-numbered
    #: text); empty otherwise.
    pages: list[PageStart] = field(default_factory=list)
    #: Human-readable notices from import (e.g. "empty file", "decoded as Shift_JIS").
    notices: list[str] = field(default_factory=list)
    #: The encoding the file was decoded from, when it came from a file.
    encoding: str = "utf-8"

    @cached_property
    def base_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @cached_property
    def block_starts(self) -> list[int]:
        """Offset in ``base_text`` at which each block starts."""
        starts: list[int] = []
        pos = 0
        for block in self.blocks:
            starts.append(pos)
            pos += len(block.text) + 1
        return starts

    @cached_property
    def content_hash(self) -> str:
        return hashlib.sha256(self.base_text.encode("utf-8")).hexdigest()

    def locate(self, offset: int) -> tuple[int, int]:
        """Map a base-text offset to ``(block_index, offset_in_block)``."""
        if not self.blocks:
            return (0, 0)
        i = max(0, bisect_right(self.block_starts, offset) - 1)
        return (i, min(offset - self.block_starts[i], len(self.blocks[i].text)))

    def page_at(self, block_index: int, offset: int = 0) -> str | None:
        """The label of the page ``blocks[block_index].text[offset]`` is on (None: no pages)."""
        label = None
        for page in self.pages:
            if (page.block, page.offset) > (block_index, offset):
                break
            label = page.label
        return label

    def footnote(self, footnote_id: str) -> Footnote | None:
        for note in self.footnotes:
            if note.id == footnote_id:
                return note
        return None

    def note_anchor(self, footnote_id: str) -> tuple[int, int]:
        """``(block, offset)`` of the note's first marker (``Ref.offset``): where the note is
        read, so its search matches follow the text before it and its citation takes that
        paragraph's section and page. A note no marker points to is read at the end."""
        return self.note_anchors().get(footnote_id, self._end_anchor())

    def note_anchors(self) -> dict[str, tuple[int, int]]:
        """:meth:`note_anchor` of every note, in one pass over the blocks (for callers that
        place every note: one lookup per note scanned them all)."""
        found: dict[str, tuple[int, int]] = {}
        for i, block in enumerate(self.blocks):
            for ref in block.refs:
                found.setdefault(ref.footnote_id, (i, ref.offset))
        end = self._end_anchor()
        for note in self.footnotes:
            found.setdefault(note.id, end)
        return found

    def _end_anchor(self) -> tuple[int, int]:
        if not self.blocks:
            return (0, 0)
        return (len(self.blocks) - 1, len(self.blocks[-1].text))

    def section_of(self, block_index: int) -> list[Block]:
        """The chain of headings (outermost first) that contains ``block_index``."""
        chain: list[Block] = []
        for block in self.blocks[: block_index + 1]:
            if block.kind == "heading":
                while chain and chain[-1].level >= block.level:
                    chain.pop()
                chain.append(block)
        return chain

    def to_json(self) -> dict[str, Any]:
        """The ``shiori inspect --json`` contract (docs/design/contracts.md)."""
        return {
            "title": self.title,
            "blocks": [b.to_json() for b in self.blocks],
            "footnotes": [{"id": f.id, "text": f.text} for f in self.footnotes],
            "pages": [[p.block, p.offset, p.label] for p in self.pages],
            "metadata": dict(self.metadata),
        }
