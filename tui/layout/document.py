"""A whole document laid out at one width: blocks → rows → screen lines, built lazily.

The reader paints only the lines on screen, so a block is laid out the first time one of its
lines is needed (or by a background worker that calls :meth:`DocumentLayout.compute` and hands
the result to :meth:`install`). Until then a block has an *estimated* height; the reading
position is kept as ``(block, offset)`` and mapped to a line index afresh whenever heights
change, which is also how a reflow on resize keeps the reader's place.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from store.model import Block, Document
from tui.layout.cells import text_width
from tui.layout.lines import Decoration, ReadingLike, Row, RubySpan, layout_text
from tui.layout.table import layout_table

#: Line kinds: a furigana row, a base row, or the blank line after a block.
RUBY, BASE, BLANK = "ruby", "base", "blank"

#: A list item whose text already starts with its own marker gets no bullet of ours.
_OWN_BULLET = re.compile(
    r"^\s*(?:[・•\-*＊◦○●■□◆◇▪※→]|[(（]?[0-9０-９a-zA-Zａ-ｚ一二三四五六七八九十]{1,3}[.)．）、]|[①-⑳])"
)

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


def layout_block(
    block: Block,
    index: int,
    width: int,
    *,
    readings: Sequence[ReadingLike] = (),
    inline: bool = False,
    blank_after: bool = True,
) -> BlockLayout:
    """Lay out one block of the model; ``readings`` are the analyser's (source ruby is added)."""
    spans = block_readings(block, readings)
    refs = [(r.offset, r.footnote_id) for r in block.refs]
    kind = block.kind
    if kind == "table" and block.rows:
        rows = layout_table(block.text, block.rows, width)
    elif kind == "list_item":
        rows = layout_text(
            block.text, width, readings=spans, refs=refs, inline=inline, indent=2, hanging=2
        )
        if not _OWN_BULLET.match(block.text) and rows:
            first = rows[0]
            first.decorations = (Decoration(0, BULLET, "bullet"), *first.decorations)
    elif kind in ("quote", "meta"):
        rows = layout_text(
            block.text, width, readings=spans, refs=refs, inline=inline, indent=2, hanging=2
        )
        if kind == "quote":
            for row in rows:
                row.decorations = (Decoration(0, " ", "bar"), *row.decorations)
    else:
        rows = layout_text(block.text, width, readings=spans, refs=refs, inline=inline)
    lines: list[Line] = []
    for row in rows:
        if row.ruby:
            lines.append(Line(index, RUBY, row))
        lines.append(Line(index, BASE, row))
    if blank_after:
        lines.append(Line(index, BLANK, None))
    return BlockLayout(rows, lines)


class DocumentLayout:
    """Lazy layout of ``doc`` at ``width``; ``readings(i)`` gives block ``i``'s analyser readings."""

    def __init__(
        self,
        doc: Document,
        width: int,
        *,
        readings: Callable[[int], Sequence[ReadingLike]] | None = None,
        inline: bool = False,
    ) -> None:
        self.doc = doc
        self.width = max(1, width)
        self.inline = inline
        self._readings = readings or (lambda i: ())
        n = len(doc.blocks)
        self.blocks: list[BlockLayout | None] = [None] * n
        self.heights: list[int] = [self._estimate(i) for i in range(n)]
        self._starts: list[int] | None = None
        self.pending = n

    # -- building -----------------------------------------------------------------------
    def _blank_after(self, i: int) -> bool:
        blocks = self.doc.blocks
        return not (i + 1 < len(blocks) and blocks[i].kind == "list_item" == blocks[i + 1].kind)

    def _estimate(self, i: int) -> int:
        text = self.doc.blocks[i].text
        cells = len(text) if text.isascii() else 2 * len(text)
        rows = max(1, math.ceil(cells / self.width))
        return rows + (1 if self._blank_after(i) else 0)

    def compute(self, i: int) -> BlockLayout:
        """Lay out block ``i`` without touching shared state (safe from a worker thread)."""
        return layout_block(
            self.doc.blocks[i],
            i,
            self.width,
            readings=self._readings(i),
            inline=self.inline,
            blank_after=self._blank_after(i),
        )

    def install(self, i: int, layout: BlockLayout) -> bool:
        """Store a computed block; True when the document's line count changed."""
        if self.blocks[i] is None:
            self.pending -= 1
        self.blocks[i] = layout
        changed = self.heights[i] != len(layout.lines)
        if changed:
            self.heights[i] = len(layout.lines)
            self._starts = None
        return changed

    def ensure(self, i: int) -> BlockLayout:
        layout = self.blocks[i]
        if layout is None:
            layout = self.compute(i)
            self.install(i, layout)
        return layout

    @property
    def complete(self) -> bool:
        return self.pending == 0

    # -- line index ---------------------------------------------------------------------
    @property
    def starts(self) -> list[int]:
        """First line index of each block."""
        if self._starts is None:
            self._starts = [0, *accumulate(self.heights)][:-1] if self.heights else []
        return self._starts

    @property
    def line_count(self) -> int:
        return (self.starts[-1] + self.heights[-1]) if self.heights else 0

    def block_at_line(self, y: int) -> int:
        if not self.heights:
            return 0
        return max(0, min(len(self.heights) - 1, bisect_right(self.starts, y) - 1))

    def line(self, y: int) -> Line | None:
        """The screen line ``y`` (lays out its block if needed; may change later lines' index)."""
        if not self.heights or y < 0 or y >= self.line_count:
            return None
        i = self.block_at_line(y)
        layout = self.ensure(i)
        k = y - self.starts[i]
        if k >= len(layout.lines):
            return None
        return layout.lines[k]

    def row_index(self, block: int, offset: int) -> int:
        """Index of the row of ``block`` holding ``offset``."""
        rows = self.ensure(block).rows
        lo, hi = 0, len(rows) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if rows[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def y_of(self, block: int, offset: int = 0, *, base: bool = False) -> int:
        """Line index where ``offset`` of ``block`` is drawn (its ruby line unless ``base``)."""
        if not self.heights:
            return 0
        block = max(0, min(block, len(self.heights) - 1))
        layout = self.ensure(block)
        target = layout.rows[self.row_index(block, offset)]
        for k, line in enumerate(layout.lines):
            if line.row is target and (base is False or line.kind == BASE):
                return self.starts[block] + k
        return self.starts[block]

    def position_at(self, y: int) -> tuple[int, int]:
        """``(block, offset)`` shown on line ``y``: what the reader keeps across reflows."""
        if not self.heights:
            return (0, 0)
        y = max(0, min(y, self.line_count - 1))
        i = self.block_at_line(y)
        layout = self.ensure(i)
        k = min(y - self.starts[i], len(layout.lines) - 1)
        line = layout.lines[k]
        if line.row is not None:
            return (i, line.row.start)
        return (i, len(self.doc.blocks[i].text))

    def cell_width(self, text: str) -> int:
        return text_width(text)
