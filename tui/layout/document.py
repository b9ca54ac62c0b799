"""A whole document laid out at one width: blocks → rows → screen lines, built lazily.

The reader paints only the lines on screen, so a block is laid out the first time one of its
lines is needed (or by a background worker that calls :meth:`DocumentLayout.compute` and hands
the result to :meth:`install`). Until then a block has an *estimated* height; the reading
position is kept as ``(block, offset)`` and mapped to a line index afresh whenever heights
change, which is also how a reflow on resize keeps the reader's place.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from store.model import Block, Document, Ref, Ruby
from store.patterns import compiled
from tui.layout.lines import (
    Decoration,
    ReadingLike,
    Row,
    RubyPlacement,
    RubySpan,
    layout_text,
    layout_verbatim,
)
from tui.layout.table import layout_table

#: Line kinds: a furigana row, a base row, or the blank line after a block.
RUBY, BASE, BLANK = "ruby", "base", "blank"

#: A list item whose text already starts with its own marker gets no bullet of ours.
_OWN_BULLET = compiled(
    r"^\s*(?:[・•\-*＊◦○●■□◆◇▪※→]|[(（]?[0-9０-９一二三四五六七八九十]{1,3}[.)．）、]"
    r"|[(（][a-zA-Zａ-ｚ]{1,2}[)）]|[a-zA-Zａ-ｚ][.)．）](?=[\s\u3000])|[①-⑳])"
)  # a Latin letter is an enumerator only as (a), a) or "a. ": "U.S. Agency" is not

BULLET = "・"


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: ``row`` is None for a blank line."""

    block: int
    kind: str
    row: Row | None


@dataclass(slots=True)
class BlockLayout:
    rows: list[Row]
    lines: list[Line]


def block_readings(block: Block, extra: Sequence[ReadingLike] = ()) -> list[ReadingLike]:
    """The source's ruby first (so it wins over an overlapping analyser reading), then ``extra``."""
    out: list[ReadingLike] = [RubySpan(r.start, r.end, r.reading, "source") for r in block.ruby]
    out.extend(extra)
    return out


def block_indents(block: Block, width: int, default: int) -> tuple[int, int]:
    """Cells before the first row and before the rows it wraps to: the source's own indent
    (Aozora 字下げ, a hanging 折り返して…字下げ; a full-width character is two cells), else the
    kind's ``default``. Never more than half the row, so a narrow pane still holds text."""
    if not (block.indent or block.hanging):
        return default, default
    most = max(0, width // 2)
    return min(2 * block.indent, most), min(2 * block.hanging, most)


def layout_block(
    block: Block,
    index: int,
    width: int,
    *,
    readings: Sequence[ReadingLike] = (),
    inline: bool = False,
    blank_after: bool = True,
    first_piece: bool = True,
    reading_form: Callable[[str], str] | None = None,
    fallback_form: Callable[[str], str] | None = None,
) -> BlockLayout:
    """Lay out one block of the model; ``readings`` are the analyser's (source ruby is added).

    ``first_piece`` is False for the later pieces of a very long block (no second bullet);
    ``reading_form`` turns each reading into what is drawn (half-width katakana), and
    ``fallback_form`` a reading that would not fit over its word otherwise.
    """
    spans = block_readings(block, readings)
    refs = [(r.offset, r.footnote_id) for r in block.refs]
    kind = block.kind
    if kind == "table" and block.rows:
        rows = layout_table(block.text, block.rows, width)
    elif kind == "code":
        rows = layout_verbatim(block.text, width, indent=2)  # never furigana, never reflowed
    elif kind == "list_item":
        rows = layout_text(
            block.text, width, readings=spans,
            refs=refs,
            inline=inline,
            indent=2,
            hanging=2,
            reading_form=reading_form,
            fallback_form=fallback_form,
        )
        if first_piece and not _OWN_BULLET.match(block.text) and rows:
            first = rows[0]
            first.decorations = (Decoration(0, BULLET, "bullet"), *first.decorations)
    elif kind in ("quote", "meta"):
        top, wrapped = block_indents(block, width, 2)
        rows = layout_text(
            block.text, width, readings=spans,
            refs=refs,
            inline=inline,
            indent=max(2, top),  # the quote's bar takes the first two cells
            hanging=max(2, wrapped),
            reading_form=reading_form,
            fallback_form=fallback_form,
        )
        if kind == "quote":
            for row in rows:
                row.decorations = (Decoration(0, " ", "bar"), *row.decorations)
    else:
        top, wrapped = block_indents(block, width, 0)
        rows = layout_text(
            block.text,
            width,
            readings=spans,
            refs=refs,
            inline=inline,
            indent=top,
            hanging=wrapped,
            reading_form=reading_form,
            fallback_form=fallback_form,
        )
    lines: list[Line] = []
    for row in rows:
        if row.ruby:
            lines.append(Line(index, RUBY, row))
        lines.append(Line(index, BASE, row))
    if blank_after:
        lines.append(Line(index, BLANK, None))
    return BlockLayout(rows, lines)


#: Laid-out pieces kept in memory; the others keep only their height and are laid out again
#: when they come back on screen (a 52 MB document must not hold every row of every line).
KEEP_LAYOUTS = 4000

#: Blocks longer than this many characters are laid out in pieces (cut after a sentence), so
#: one huge paragraph does not hold up the first screen.
PIECE_CHARS = 2000
_PIECE_CUTS = "。．！？!?\n"


def piece_bounds(block: Block, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of a block's text, cut after a sentence end where possible and
    never inside a ruby base or a Latin word. Tables are never cut."""
    text = block.text
    n = len(text)
    if n <= limit or block.kind == "table":
        return [(0, n)]
    inside = bytearray(n + 1)  # 1 where a cut would split a ruby base
    for r in block.ruby:
        for k in range(max(0, r.start + 1), min(n, r.end)):
            inside[k] = 1
    out: list[tuple[int, int]] = []
    start = 0
    while n - start > limit:
        hi = start + limit
        cut = -1
        for k in range(hi, start + limit // 2, -1):
            if text[k - 1] in _PIECE_CUTS and not inside[k]:
                cut = k
                break
        if cut < 0:
            cut = hi
            while cut > start + 1 and (
                inside[cut] or (text[cut - 1].isascii() and text[cut].isascii())
            ):
                cut -= 1
            if cut <= start + 1:
                cut = hi
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _shift_rows(rows: list[Row], by: int) -> None:
    """Move rows laid out for a piece to the offsets of the whole block."""
    for row in rows:
        row.start += by
        row.end += by
        row.ruby = tuple(
            RubyPlacement(r.col, r.reading, r.start + by, r.end + by, r.source) for r in row.ruby
        )
        row.decorations = tuple(
            replace(d, offset=d.offset + by) if d.offset >= 0 else d for d in row.decorations
        )


class DocumentLayout:
    """Lazy layout of ``doc`` at ``width``; ``readings(i)`` gives block ``i``'s analyser readings.

    The unit of layout is a *piece*: a whole block, or a part of a very long one
    (:func:`piece_bounds`). ``pieces[k]`` is ``(block, start, end)``; ``layouts``, ``heights``
    and ``starts`` are indexed by piece.
    """

    def __init__(
        self,
        doc: Document,
        width: int,
        *,
        readings: Callable[[int], Sequence[ReadingLike]] | None = None,
        inline: bool = False,
        reading_form: Callable[[str], str] | None = None,
        fallback_form: Callable[[str], str] | None = None,
    ) -> None:
        self.doc = doc
        self.width = max(1, width)
        self.inline = inline
        self.reading_form = reading_form
        self.fallback_form = fallback_form
        self._readings = readings or (lambda i: ())
        self.pieces: list[tuple[int, int, int]] = []
        self.first_piece: list[int] = []
        for i, block in enumerate(doc.blocks):
            self.first_piece.append(len(self.pieces))
            self.pieces.extend((i, s, e) for s, e in piece_bounds(block))
        n = len(self.pieces)
        self.layouts: list[BlockLayout | None] = [None] * n
        self.heights: list[int] = [self._estimate(k) for k in range(n)]
        #: 1 where a piece's height is exact (laid out once; its layout may be dropped since)
        self.measured = bytearray(n)
        self._kept: OrderedDict[int, None] = OrderedDict()  # laid-out pieces, least recent first
        self._starts: list[int] | None = None
        self.pending = n

    # -- building -----------------------------------------------------------------------
    def _blank_after(self, k: int) -> bool:
        i, _, end = self.pieces[k]
        blocks = self.doc.blocks
        if end < len(blocks[i].text):
            return False  # more of the same block follows
        if i + 1 >= len(blocks):
            return False  # nothing after the last block
        return not blocks[i].kind == "list_item" == blocks[i + 1].kind

    def _estimate(self, k: int) -> int:
        i, start, end = self.pieces[k]
        text = self.doc.blocks[i].text
        if start or end != len(text):
            text = text[start:end]
        cells = len(text) if text.isascii() else 2 * len(text)
        rows = max(1, math.ceil(cells / self.width))
        return rows + (1 if self._blank_after(k) else 0)

    def compute(self, k: int) -> BlockLayout:
        """Lay out piece ``k`` without touching shared state (safe from a worker thread)."""
        i, start, end = self.pieces[k]
        block = self.doc.blocks[i]
        readings = self._readings(i)
        if start == 0 and end == len(block.text):
            return layout_block(
                block,
                i,
                self.width,
                readings=readings,
                inline=self.inline,
                blank_after=self._blank_after(k),
                reading_form=self.reading_form,
                fallback_form=self.fallback_form,
            )
        first = start == 0
        piece = Block(
            block.kind,
            block.text[start:end],
            level=block.level,
            ruby=[
                Ruby(r.start - start, r.end - start, r.reading)
                for r in block.ruby
                if start <= r.start and r.end <= end
            ],
            refs=[
                Ref(r.offset - start, r.footnote_id)
                for r in block.refs
                if start < r.offset <= end or (first and r.offset == 0)
            ],
            # a later piece's first row is a wrapped row of the block
            indent=block.indent if first else block.hanging,
            hanging=block.hanging,
        )
        shifted = [
            RubySpan(r.start - start, r.end - start, r.reading, getattr(r, "source", "dict"))
            for r in readings
            if start <= r.start and r.end <= end
        ]
        layout = layout_block(
            piece,
            i,
            self.width,
            readings=shifted,
            inline=self.inline,
            blank_after=self._blank_after(k),
            first_piece=first,
            reading_form=self.reading_form,
            fallback_form=self.fallback_form,
        )
        _shift_rows(layout.rows, start)
        return layout

    def install(self, k: int, layout: BlockLayout) -> bool:
        """Store a computed piece; True when the document's line count changed. Only the
        ``KEEP_LAYOUTS`` most recently used layouts stay in memory (heights stay for all)."""
        if not self.measured[k]:
            self.measured[k] = 1
            self.pending -= 1
        self.layouts[k] = layout
        self._kept[k] = None
        self._kept.move_to_end(k)
        while len(self._kept) > KEEP_LAYOUTS:
            old, _ = self._kept.popitem(last=False)
            self.layouts[old] = None
        changed = self.heights[k] != len(layout.lines)
        if changed:
            self.heights[k] = len(layout.lines)
            self._starts = None
        return changed

    def ensure(self, k: int) -> BlockLayout:
        """The layout of piece ``k`` (computed now if needed)."""
        layout = self.layouts[k]
        if layout is None:
            layout = self.compute(k)
            self.install(k, layout)
        else:
            self._kept.move_to_end(k)
        return layout

    def invalidate_blocks(self, first: int, end: int) -> bool:
        """Blocks ``first``..``end`` changed (their readings arrived): their pieces will be laid
        out again (keeping their old heights meanwhile). True when any was laid out."""
        if not self.first_piece or first >= end:
            return False
        lo = self.first_piece[max(0, first)]
        hi = self.first_piece[end] if end < len(self.first_piece) else len(self.pieces)
        changed = False
        for k in range(lo, hi):
            if self.measured[k]:
                self.measured[k] = 0
                self.pending += 1
                changed = True
            if self.layouts[k] is not None:
                self.layouts[k] = None
                self._kept.pop(k, None)
        return changed

    def block_rows(self, block: int) -> list[Row]:
        """Every row of ``block`` (all its pieces laid out)."""
        rows: list[Row] = []
        for k in self._pieces_of(block):
            rows.extend(self.ensure(k).rows)
        return rows

    @property
    def complete(self) -> bool:
        return self.pending == 0

    def _pieces_of(self, block: int) -> range:
        first = self.first_piece[block]
        last = (
            self.first_piece[block + 1] if block + 1 < len(self.first_piece) else len(self.pieces)
        )
        return range(first, last)

    def piece_of(self, block: int, offset: int) -> int:
        """The piece of ``block`` holding ``offset``."""
        if not self.pieces:
            return 0
        block = max(0, min(block, len(self.first_piece) - 1))
        found = self.first_piece[block]
        for k in self._pieces_of(block):
            if self.pieces[k][1] <= offset:
                found = k
        return found

    # -- line index ---------------------------------------------------------------------
    @property
    def starts(self) -> list[int]:
        """First line index of each piece."""
        if self._starts is None:
            self._starts = [0, *accumulate(self.heights)][:-1] if self.heights else []
        return self._starts

    @property
    def line_count(self) -> int:
        return (self.starts[-1] + self.heights[-1]) if self.heights else 0

    def piece_at_line(self, y: int) -> int:
        if not self.heights:
            return 0
        return max(0, min(len(self.heights) - 1, bisect_right(self.starts, y) - 1))

    def line(self, y: int) -> Line | None:
        """The screen line ``y`` (lays out its piece if needed; may move later lines)."""
        if not self.heights or y < 0 or y >= self.line_count:
            return None
        k = self.piece_at_line(y)
        layout = self.ensure(k)
        j = y - self.starts[k]
        if j >= len(layout.lines):
            return None
        return layout.lines[j]

    def row_at(self, block: int, offset: int) -> Row:
        """The row of ``block`` holding ``offset``."""
        rows = self.ensure(self.piece_of(block, offset)).rows
        lo, hi = 0, len(rows) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if rows[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return rows[lo]

    def y_of(self, block: int, offset: int = 0, *, base: bool = False) -> int:
        """Line index where ``offset`` of ``block`` is drawn (its ruby line unless ``base``)."""
        if not self.heights:
            return 0
        k = self.piece_of(block, offset)
        layout = self.ensure(k)
        target = self.row_at(block, offset)
        for j, line in enumerate(layout.lines):
            if line.row is target and (base is False or line.kind == BASE):
                return self.starts[k] + j
        return self.starts[k]

    def position_at(self, y: int) -> tuple[int, int]:
        """``(block, offset)`` shown on line ``y``: what the reader keeps across reflows."""
        if not self.heights:
            return (0, 0)
        y = max(0, min(y, self.line_count - 1))
        k = self.piece_at_line(y)
        layout = self.ensure(k)
        j = min(y - self.starts[k], len(layout.lines) - 1)
        line = layout.lines[j]
        i, _, end = self.pieces[k]
        if line.row is not None:
            return (i, line.row.start)
        return (i, end)
