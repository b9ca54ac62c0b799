"""Where a query matches inside one document: the reader's ``/`` with the library's rules.

A query of several words finds the paragraphs that hold every word and none of the excluded
ones (as the library search does), and shows each word's matches there; one word finds all
its matches. How a single term is found (literally, with its other forms) is the caller's:
the reader keeps the analyses that finding word forms needs. Footnotes are searched too, each
as a paragraph of its own after the text (:class:`SearchText`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from store.japanese.matching import merge_spans
from store.search.query import Query, Term

if TYPE_CHECKING:
    from store.model import Document

Span = tuple[int, int]


def matches_within(
    block_starts: Sequence[int], query: Query, spans_of: Callable[[Term], list[Span] | None]
) -> list[Span] | None:
    """The spans of ``query``'s words in the blocks (paragraphs) starting at ``block_starts``
    that hold all of them and none of its exclusions; None when ``spans_of`` (a term's spans in
    the whole text, or None when cancelled) gave up."""
    included: list[list[Span]] = []
    for term in query.include:
        spans = spans_of(term)
        if spans is None:
            return None
        included.append(spans)
    if not included:
        return []
    if len(included) == 1 and not query.exclude:
        return merge_spans(included[0])

    def block(span: Span) -> int:
        return bisect_right(block_starts, span[0]) - 1

    shared = set.intersection(*({block(s) for s in spans} for spans in included))
    for term in query.exclude:
        spans = spans_of(term)
        if spans is None:
            return None
        shared -= {block(s) for s in spans}
    return merge_spans(*([s for s in spans if block(s) in shared] for spans in included))


class SearchText:
    """A document's base text, then each footnote's text as a paragraph of its own (``\\n``
    between): what the reader's ``/`` searches, so a note's words are found and counted like
    the page's. Offsets up to ``base_length`` are base text; past it, in a note.

    :meth:`reading_key` orders matches as they are read: a note's right after its marker
    (before text that follows the marker at once), the text's by their start."""

    def __init__(self, doc: Document) -> None:
        base = doc.base_text
        self.base_length = len(base)
        self.starts: list[int] = list(doc.block_starts)
        #: Per note, in the document's order: (start here, id, where its marker is in base).
        self.notes: list[tuple[int, str, int]] = []
        parts = [base]
        pos = len(base) + 1
        anchors = doc.note_anchors()
        for note in doc.footnotes:
            block, at = anchors[note.id]
            marker = (doc.block_starts[block] if doc.blocks else 0) + at
            self.starts.append(pos)
            self.notes.append((pos, note.id, marker))
            parts.append(note.text)
            pos += len(note.text) + 1
        self.text = "\n".join(parts)
        self._note_starts = [n[0] for n in self.notes]

    def note_at(self, offset: int) -> tuple[str, int, int] | None:
        """``(footnote id, offset in the note's text, its marker's base offset)`` for an
        offset past the base text; None for one in it."""
        if offset <= self.base_length or not self.notes:
            return None
        start, note_id, marker = self.notes[bisect_right(self._note_starts, offset) - 1]
        return note_id, offset - start, marker

    def note_start(self, footnote_id: str) -> int | None:
        for start, note_id, _marker in self.notes:
            if note_id == footnote_id:
                return start
        return None

    def reading_key(self, span: Span) -> tuple[int, int, int]:
        found = self.note_at(span[0])
        if found is None:
            return (span[0], 1, span[0])
        return (found[2], 0, span[0])
