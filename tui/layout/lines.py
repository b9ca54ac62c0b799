"""Breaking one block of text into visual rows of terminal cells, with furigana placed above.

The input is plain data (text, readings, footnote markers, a width), so the same engine serves
the reader, the footnote popup and the benchmark. Each :class:`Row` keeps the column of every
character it holds, so a cell maps to a ``str`` offset and back (cursor, mouse, selection and
search all work in offsets and convert to cells only here).

Rules:

* widths in cells (:mod:`tui.layout.cells`), kinsoku and whole Latin words
  (:mod:`tui.layout.kinsoku`); a cluster too wide for an empty line is split (a unit at a time,
  then a character at a time) rather than overflow;
* a ruby base is never split across rows (unless it alone is wider than the row);
* each reading is centred over its base; a reading wider than its base overhangs its
  neighbours; two readings keep at least one blank cell between them — first by sliding the
  reading (and the previous one) off-centre within its base, and only when that is not enough
  by inserting blank cells before the base;
* inline mode draws ``漢字(かんじ)`` instead of a ruby row;
* a footnote marker is a decoration drawn right after ``text[offset - 1]`` and is not text;
* a ``"\n"`` inside a block ends the row (it is not drawn).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from tui.layout.cells import char_width, text_width
from tui.layout.kinsoku import (
    BREAK_SPACES,
    NO_LINE_END,
    NO_LINE_START,
    is_word_char,
    is_zero_width,
)


class ReadingLike(Protocol):
    """Anything with ``start``, ``end``, ``reading`` (``store.model.Ruby``, the analyser's Reading)."""

    # Read-only (properties): the implementations are frozen dataclasses.
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def reading(self) -> str: ...


@dataclass(frozen=True, slots=True)
class RubySpan:
    """A reading to draw over ``text[start:end]``; ``source`` is source/gloss/dict/guess."""

    start: int
    end: int
    reading: str
    source: str = "source"


@dataclass(frozen=True, slots=True)
class RubyPlacement:
    """A reading placed on the ruby row at ``col`` over the base ``text[start:end]``."""

    col: int
    reading: str
    start: int
    end: int
    source: str

    @property
    def width(self) -> int:
        return text_width(self.reading)


@dataclass(frozen=True, slots=True)
class Decoration:
    """Cells that are drawn but are not text: footnote markers, inline readings, bullets.

    ``kind`` is ``marker`` (``key`` is the footnote id, ``offset`` the ref offset), ``reading``
    (inline furigana; ``offset`` is the base start, ``key`` the source), ``bullet`` or ``cell``
    (table text that could not be found in the block text).
    """

    col: int
    text: str
    kind: str
    key: str = ""
    offset: int = -1

    @property
    def width(self) -> int:
        return text_width(self.text)


@dataclass(slots=True)
class Row:
    """One visual base row: ``text[start:end]`` with the column of each character.

    ``cols[i]`` is the column of ``text[start + i]``, or -1 for a character that is not drawn
    (a space swallowed by the wrap, a table cell separator).
    """

    start: int
    end: int
    cols: array
    ruby: tuple[RubyPlacement, ...] = ()
    decorations: tuple[Decoration, ...] = ()
    used: int = 0  # cells used, rightmost edge

    def col_of(self, offset: int, text: str) -> int:
        """The column where ``offset`` is drawn (the cell after the row for ``offset == end``)."""
        i = offset - self.start
        if 0 <= i < len(self.cols) and self.cols[i] >= 0:
            return self.cols[i]
        # A hidden character or the end: just after the last drawn character before it.
        j = min(i, len(self.cols)) - 1
        while j >= 0:
            c = self.cols[j]
            if c >= 0:
                return c + max(1, char_width(text[self.start + j]))
            j -= 1
        for c in self.cols:
            if c >= 0:
                return c
        return 0

    def offset_at(self, col: int, text: str) -> int:
        """The offset of the character drawn at (or nearest before) ``col``."""
        best = self.start
        for i, c in enumerate(self.cols):
            if c < 0:
                continue
            if c > col:
                break
            best = self.start + i
            if col < c + max(1, char_width(text[best])):
                return best
        return best


@dataclass(slots=True)
class _Ruby:
    """A reading being placed (mutable while its row is open)."""

    col: int
    lo: int  # leftmost start that still covers its base
    width: int
    span: RubySpan


@dataclass(slots=True)
class _RowBuilder:
    width: int
    left: int
    start: int
    cols: list[int] = field(default_factory=list)
    rubies: list[_Ruby] = field(default_factory=list)
    decorations: list[Decoration] = field(default_factory=list)
    col: int = 0
    drawn: bool = False  # holds at least one drawn character or decoration

    def __post_init__(self) -> None:
        self.col = self.left

    def build(self) -> Row:
        end = self.start + len(self.cols)
        used = self.col
        for r in self.rubies:
            used = max(used, r.col + r.width)
        placements = tuple(
            RubyPlacement(r.col, r.span.reading, r.span.start, r.span.end, r.span.source)
            for r in self.rubies
        )
        return Row(
            self.start, end, array("h", self.cols), placements, tuple(self.decorations), used
        )


def clean_readings(readings: Iterable[ReadingLike], text: str) -> list[RubySpan]:
    """Readings sorted, clipped to the text, without empties or overlaps (first one wins).

    Callers put source ruby first so it wins over the analyser's readings.
    """
    n = len(text)
    spans: list[RubySpan] = []
    for r in readings:
        start, end, reading = int(r.start), int(r.end), str(r.reading)
        if not reading or start < 0 or end > n or start >= end:
            continue
        spans.append(RubySpan(start, end, reading, str(getattr(r, "source", "source"))))
    taken = bytearray(n)
    out: list[RubySpan] = []
    for s in spans:
        if any(taken[s.start : s.end]):
            continue
        taken[s.start : s.end] = b"\x01" * (s.end - s.start)
        out.append(s)
    out.sort(key=lambda s: s.start)
    return out


def _units(text: str, ruby_at: dict[int, RubySpan]) -> list[tuple[int, int, RubySpan | None]]:
    """Unbreakable units: a ruby base, a Latin word/number, or one other character."""
    units: list[tuple[int, int, RubySpan | None]] = []
    n = len(text)
    i = 0
    while i < n:
        r = ruby_at.get(i)
        if r is not None:
            units.append((i, r.end, r))
            i = r.end
            continue
        j = i + 1
        if is_word_char(text[i]):
            while j < n and j not in ruby_at and (is_word_char(text[j]) or is_zero_width(text[j])):
                j += 1
        else:
            while j < n and j not in ruby_at and is_zero_width(text[j]):
                j += 1
        units.append((i, j, None))
        i = j
    return units


def _clusters(
    text: str, units: list[tuple[int, int, RubySpan | None]]
) -> list[list[tuple[int, int, RubySpan | None]]]:
    """Units glued by kinsoku: no break before a line-start-forbidden character, none after a
    line-end-forbidden one, and none before a zero-width character."""
    clusters: list[list[tuple[int, int, RubySpan | None]]] = []
    glue_next = False
    prev_space = True
    for u in units:
        first = text[u[0]]
        space = first in BREAK_SPACES or first == "\n"
        if (
            clusters
            and not space
            and not prev_space
            and (glue_next or first in NO_LINE_START or is_zero_width(first))
        ):
            clusters[-1].append(u)
        else:
            clusters.append([u])
        glue_next = not space and text[u[1] - 1] in NO_LINE_END
        prev_space = space
    return clusters


class _Layout:
    def __init__(
        self,
        text: str,
        width: int,
        markers: dict[int, list[tuple[str, str]]],
        inline: bool,
        indent: int,
        hanging: int,
    ) -> None:
        self.text = text
        self.width = max(1, width)
        self.markers = markers
        self.inline = inline
        self.indent = indent if indent < self.width - 1 else 0
        self.hanging = hanging if hanging < self.width - 1 else 0
        self.rows: list[Row] = []
        self.row = _RowBuilder(self.width, self.indent, 0)

    # -- rows ---------------------------------------------------------------------------
    def new_row(self) -> None:
        start = self.row.start + len(self.row.cols)
        self.rows.append(self.row.build())
        self.row = _RowBuilder(self.width, self.hanging, start)

    def place_markers_before_text(self) -> None:
        for label, fid in self.markers.get(0, ()):
            if self.row.drawn and self.row.col + text_width(label) > self.width:
                self.new_row()
            self.row.decorations.append(Decoration(self.row.col, label, "marker", fid, 0))
            self.row.col += text_width(label)
            self.row.drawn = True

    # -- placing ------------------------------------------------------------------------
    def try_place(self, units: Sequence[tuple[int, int, RubySpan | None]], force: bool) -> bool:
        """Place units on the open row; on failure leave the row exactly as it was."""
        row = self.row
        text = self.text
        width = self.width
        col = row.col
        cols: list[int] = []
        rubies: list[_Ruby] = []
        decos: list[Decoration] = []
        undo: list[tuple[_Ruby, int]] = []

        def fail() -> bool:
            for r, old in undo:
                r.col = old
            return False

        for start, end, span in units:
            base_w = sum(char_width(text[i]) for i in range(start, end))
            if span is not None and not self.inline:
                rw = text_width(span.reading)
                over = rw - base_w
                lo, hi = (col - over, col) if over >= 0 else (col, col - over)
                ideal = col - over // 2 if over >= 0 else col + (-over) // 2
                prev = (row.rubies[-2:] + rubies[-2:])[-2:]
                last = prev[-1] if prev else None
                before = prev[0] if len(prev) == 2 else None
                min_start = last.col + last.width + 1 if last is not None else 0
                if min_start > hi and last is not None:
                    # Slide the previous reading left within its base first.
                    floor = max(last.lo, before.col + before.width + 1 if before else 0, 0)
                    take = min(min_start - hi, last.col - floor)
                    if take > 0:
                        undo.append((last, last.col))
                        last.col -= take
                        min_start -= take
                pad = max(0, min_start - hi)
                col += pad
                lo, hi, ideal = lo + pad, hi + pad, ideal + pad
                start_col = max(ideal, min_start, lo, 0)
                start_col = min(start_col, hi)
                if start_col + rw > width:
                    start_col = max(width - rw, min_start, lo, 0)
                    if start_col + rw > width and not force:
                        return fail()
                rubies.append(_Ruby(start_col, lo, rw, span))
            for i in range(start, end):
                cols.append(col)
                col += char_width(text[i])
                if i + 1 < end and span is None:
                    for label, fid in self.markers.get(i + 1, ()):
                        decos.append(Decoration(col, label, "marker", fid, i + 1))
                        col += text_width(label)
            if span is not None and self.inline:
                label = f"({span.reading})"
                decos.append(Decoration(col, label, "reading", span.source, span.start))
                col += text_width(label)
            if span is not None:
                for k in range(start + 1, end + 1):
                    for label, fid in self.markers.get(k, ()):
                        decos.append(Decoration(col, label, "marker", fid, k))
                        col += text_width(label)
            else:
                for label, fid in self.markers.get(end, ()):
                    decos.append(Decoration(col, label, "marker", fid, end))
                    col += text_width(label)
            if col > width and not force:
                return fail()
        row.cols.extend(cols)
        row.rubies.extend(rubies)
        row.decorations.extend(decos)
        row.col = col
        row.drawn = row.drawn or bool(cols) or bool(decos)
        return True

    def place_space(self, i: int) -> None:
        row = self.row
        if (self.rows and not row.drawn) or row.col + 1 > self.width:
            row.cols.append(-1)  # swallowed by the wrap
            return
        row.cols.append(row.col)
        row.col += 1
        row.drawn = True
        for label, fid in self.markers.get(i + 1, ()):
            row.decorations.append(Decoration(row.col, label, "marker", fid, i + 1))
            row.col += text_width(label)

    def place_cluster(self, cluster: list[tuple[int, int, RubySpan | None]]) -> None:
        if self.try_place(cluster, False):
            return
        if self.row.drawn:
            self.new_row()
            if self.try_place(cluster, False):
                return
        # Wider than a whole row: place a unit at a time, then a character at a time.
        for unit in cluster:
            if self.try_place([unit], False):
                continue
            if self.row.drawn:
                self.new_row()
                if self.try_place([unit], False):
                    continue
            start, end, span = unit
            if span is not None and not self.inline:
                # A ruby base wider than the row: its reading goes over the first piece.
                if not self.try_place([(start, start + 1, span)], True):
                    pass
                pieces = range(start + 1, end)
            else:
                pieces = range(start, end)
            for i in pieces:
                piece = [(i, i + 1, None)]
                if self.try_place(piece, False):
                    continue
                if self.row.drawn:
                    self.new_row()
                self.try_place(piece, True)

    def run(self, clusters: list[list[tuple[int, int, RubySpan | None]]]) -> list[Row]:
        self.place_markers_before_text()
        for cluster in clusters:
            first = cluster[0]
            ch = self.text[first[0]] if len(cluster) == 1 and first[2] is None else ""
            if ch == "\n":
                # a hard line break inside a block (verse, addresses): not drawn, ends the row
                self.row.cols.append(-1)
                for label, fid in self.markers.get(first[0] + 1, ()):
                    self.row.decorations.append(
                        Decoration(self.row.col, label, "marker", fid, first[0] + 1)
                    )
                    self.row.col += text_width(label)
                self.new_row()
            elif ch in BREAK_SPACES:
                self.place_space(first[0])
            else:
                self.place_cluster(cluster)
        self.rows.append(self.row.build())
        return self.rows


def layout_text(
    text: str,
    width: int,
    *,
    readings: Iterable[ReadingLike] = (),
    refs: Iterable[tuple[int, str]] = (),
    inline: bool = False,
    indent: int = 0,
    hanging: int | None = None,
    marker_label: str = "[{}]",
) -> list[Row]:
    """Break ``text`` into rows at most ``width`` cells wide (ruby rows included).

    ``readings`` go over their base (or inline when ``inline``); ``refs`` are
    ``(offset, footnote_id)`` markers drawn as ``marker_label.format(id)``. ``indent`` is the
    first row's starting column, ``hanging`` the other rows' (default: ``indent``).
    Always returns at least one row (an empty text gives one empty row).
    """
    spans = clean_readings(readings, text)
    ruby_at = {s.start: s for s in spans}
    markers: dict[int, list[tuple[str, str]]] = {}
    for offset, fid in refs:
        offset = min(max(0, int(offset)), len(text))
        markers.setdefault(offset, []).append((marker_label.format(fid), str(fid)))
    layout = _Layout(text, width, markers, inline, indent, indent if hanging is None else hanging)
    return layout.run(_clusters(text, _units(text, ruby_at)))


def layout_verbatim(text: str, width: int, *, indent: int = 0) -> list[Row]:
    """Rows of verbatim text (a code block): each source line on its own rows, cut only where
    it is wider than ``width`` (no kinsoku, no word wrap, no readings); spaces are kept as
    they are, so indentation and columns line up."""
    width = max(1, width)
    indent = indent if indent < width - 1 else 0
    rows: list[Row] = []
    start = 0
    cols: list[int] = []
    col = indent
    for i, ch in enumerate(text):
        if ch == "\n":
            cols.append(-1)
            rows.append(Row(start, i + 1, array("h", cols), used=col))
            start, cols, col = i + 1, [], indent
            continue
        w = char_width(ch)
        if col + w > width and cols:
            rows.append(Row(start, i, array("h", cols), used=col))
            start, cols, col = i, [], indent
        cols.append(col)
        col += w
    rows.append(Row(start, len(text), array("h", cols), used=col))
    return rows
