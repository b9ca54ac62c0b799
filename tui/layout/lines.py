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
* compact ruby (after JIS X 4051): readings of adjacent bases (a compound, or a name read
  kanji by kanji) form one *group*, drawn back to back as one unit centred over the group
  (each over its own base when every one fits there); a group's reading may overhang the
  neighbouring characters that carry no reading, and always lies across the middle of its
  group; two groups keep one blank cell between their readings. Groups are placed together
  (least displacement from centred, :func:`place_groups`), and only when that cannot keep a
  group across its middle is one blank cell put before it on the base line — never more than
  one per group, so the base line never opens holes inside words. A compound is judged whole
  (its first word's reading alone need not fit), a word's reading form by what fits on this
  row, and the words before it take the fallback form (nearest first) before its reading is
  let off its middle; what still does not fit goes to the next row;
* ``reading_form`` turns a reading into what is drawn (e.g. half-width katakana);
* inline mode draws ``漢字(かんじ)`` instead of a ruby row;
* a footnote marker is a decoration drawn right after ``text[offset - 1]`` and is not text;
* a ``"\n"`` inside a block ends the row (it is not drawn).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from tui.layout.cells import char_width, text_width
from tui.layout.kinsoku import (
    BREAK_SPACES,
    NO_LINE_END,
    NO_LINE_START,
    counts_with,
    is_word_char,
    is_zero_width,
)

#: The ideographic space: an indent at a paragraph's or a line's start, a separator mid-line.
WIDE_SPACE = "\u3000"
#: An unbreakable unit ``(start, end, reading or None)``; a cluster: units kinsoku glues.
Unit = tuple[int, int, "RubySpan | None"]
Cluster = list[Unit]


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


@dataclass(frozen=True, slots=True)
class _Member:
    """One reading of a group: its span, the string drawn, and its base's cells."""

    span: RubySpan
    reading: str
    width: int
    left: int
    right: int


@dataclass(frozen=True, slots=True)
class _Group:
    """The readings of adjacent ruby bases on one row, placed as one unit.

    ``relaxed``: the reading need only overlap its words (it could not lie across their
    middle); ``fallback``: drawn in the layout's fallback form (half-width katakana)."""

    members: tuple[_Member, ...]
    relaxed: bool = False
    fallback: bool = False

    @property
    def left(self) -> int:
        return self.members[0].left

    @property
    def right(self) -> int:
        return self.members[-1].right

    def shape(self) -> tuple[float, int, list[int]]:
        """``(ideal start column, width, each member's offset from the start)``.

        Every reading fits over its own base: each is centred there (mono ruby). Otherwise the
        readings run back to back, centred over the whole group (group ruby)."""
        ms = self.members
        if all(m.width <= m.right - m.left for m in ms):
            cols = [m.left + (m.right - m.left - m.width) // 2 for m in ms]
            start = cols[0]
            return float(start), cols[-1] + ms[-1].width - start, [c - start for c in cols]
        offsets, total = [], 0
        for m in ms:
            offsets.append(total)
            total += m.width
        return self.left + (self.right - self.left - total) / 2, total, offsets

    def bounds(self, width: int | None) -> tuple[float, int, int, int]:
        """``(ideal, width, lowest start, highest start)``: the reading lies across the middle
        of its group (when ``relaxed``, overlaps it by a cell) and, given a row ``width``,
        stays on the row."""
        ideal, w, _ = self.shape()
        if self.relaxed:
            lo, hi = max(0, self.left + 1 - w), self.right - 1
        else:
            mid = (self.left + self.right) / 2
            lo, hi = max(0, math.ceil(mid - w)), math.floor(mid)
        if width is not None:
            hi = min(hi, width - w)
        return ideal, w, lo, hi


def _packed_end(group: _Group, after: int, width: int | None) -> int | None:
    """End column of ``group``'s reading packed as far left as it may go after column
    ``after`` (the previous group's packed end), or None when it cannot lie across its
    middle (or stay on the row)."""
    _, w, lo, hi = group.bounds(width)
    start = max(lo, after + 1)
    return start + w if start <= hi else None


def place_groups(bounds: Sequence[tuple[float, int, int, int]]) -> list[int]:
    """Start columns for readings in row order, each ``(ideal, width, lowest, highest)``:
    one blank cell between neighbours, as close to centred as they can be together.

    The least-squares placement under the ordering constraint is an isotonic regression (pool
    adjacent violators), then kept within what packing everything left or right allows."""
    gaps: list[int] = []
    acc = 0
    for _, w, _, _ in bounds:
        gaps.append(acc)
        acc += w + 1
    pools: list[list[float]] = []  # [sum, count]
    for (ideal, _, _, _), off in zip(bounds, gaps, strict=True):
        pools.append([ideal - off, 1])
        while len(pools) > 1 and pools[-2][0] * pools[-1][1] > pools[-1][0] * pools[-2][1]:
            total, count = pools.pop()
            pools[-1][0] += total
            pools[-1][1] += count
    fitted = [total / count for total, count in pools for _ in range(int(count))]
    n = len(bounds)
    latest = [0] * n
    nxt: int | None = None
    for i in range(n - 1, -1, -1):
        _, w, _, hi = bounds[i]
        latest[i] = hi if nxt is None else min(hi, nxt - w - 1)
        nxt = latest[i]
    out: list[int] = []
    end = -1
    for i, (_, w, lo, _) in enumerate(bounds):
        col = max(math.floor(fitted[i] + gaps[i] + 0.5), lo, end + 1)
        col = min(col, max(latest[i], lo, end + 1))
        out.append(col)
        end = col + w
    return out


@dataclass(slots=True)
class _RowBuilder:
    width: int
    left: int
    start: int
    cols: list[int] = field(default_factory=list)
    groups: list[_Group] = field(default_factory=list)
    #: packed end column of each group's reading (see ``_packed_end``)
    ends: list[int] = field(default_factory=list)
    decorations: list[Decoration] = field(default_factory=list)
    col: int = 0
    drawn: bool = False  # holds at least one drawn character or decoration

    def __post_init__(self) -> None:
        self.col = self.left

    def build(self) -> Row:
        end = self.start + len(self.cols)
        used = self.col
        placements: list[RubyPlacement] = []
        if self.groups:
            starts = place_groups([g.bounds(self.width) for g in self.groups])
            for group, col in zip(self.groups, starts, strict=True):
                _, _, offsets = group.shape()
                for m, off in zip(group.members, offsets, strict=True):
                    s = m.span
                    placements.append(RubyPlacement(col + off, m.reading, s.start, s.end, s.source))
                    used = max(used, col + off + m.width)
        return Row(
            self.start, end, array("h", self.cols), tuple(placements), tuple(self.decorations), used
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
    line-end-forbidden one, none before a zero-width character, and none between a number and
    its counter or unit."""
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
            and (
                glue_next
                or first in NO_LINE_START
                or is_zero_width(first)
                or counts_with(text[u[0] - 1], first)
            )
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
        ruby_at: dict[int, RubySpan],
        reading_form: Callable[[str], str] | None,
        fallback_form: Callable[[str], str] | None = None,
    ) -> None:
        self.text = text
        self.width = max(1, width)
        self.markers = markers
        self.inline = inline
        self.ruby_at = ruby_at
        self.reading_form = reading_form
        self.fallback_form = fallback_form
        self._drawn: dict[tuple[int, bool], tuple[str, int]] = {}
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
        self.place_markers_at(0)

    def place_markers_at(self, offset: int) -> None:
        """The markers of ``offset`` at the end of the open row, each on the next row when it
        does not fit (a marker never reaches past the row's width)."""
        for label, fid in self.markers.get(offset, ()):
            if self.row.drawn and self.row.col + text_width(label) > self.width:
                self.new_row()
            self.row.decorations.append(Decoration(self.row.col, label, "marker", fid, offset))
            self.row.col += text_width(label)
            self.row.drawn = True

    def place_before_its_markers(self, unit: tuple[int, int, RubySpan | None]) -> bool:
        """Place ``unit`` on the open row without the markers after it, which then go where they
        fit: the text stays on its row (00000000、 with its 、) and only a marker wraps. False,
        with nothing placed, when the unit does not fit even so or has no marker after it."""
        end = unit[1]
        markers = self.markers.pop(end, None)
        if markers is None:
            return False
        try:
            placed = self.try_place([unit], False)
        finally:
            self.markers[end] = markers
        if placed:
            self.place_markers_at(end)
        return placed

    # -- placing ------------------------------------------------------------------------
    def drawn_reading(self, span: RubySpan, fallback: bool = False) -> tuple[str, int]:
        """The reading as drawn (``reading_form``, or ``fallback_form`` for a word whose
        reading does not fit over it otherwise) and its width in cells."""
        key = (span.start, fallback)
        found = self._drawn.get(key)
        if found is None:
            form = self.fallback_form if fallback else self.reading_form
            reading = form(span.reading) if form else span.reading
            found = (reading, text_width(reading))
            self._drawn[key] = found
        return found

    def base_width(self, start: int, end: int) -> int:
        return sum(char_width(self.text[i]) for i in range(start, end))

    def member(self, span: RubySpan, col: int, fallback: bool) -> _Member:
        reading, w = self.drawn_reading(span, fallback)
        return _Member(span, reading, w, col, col + self.base_width(span.start, span.end))

    def run_ahead(self, span: RubySpan, col: int, fallback: bool) -> tuple[_Member, ...]:
        """The whole group that starts with ``span`` at ``col``: it and the ruby bases right
        after it (no marker between), as if all on this row."""
        members = []
        while True:
            m = self.member(span, col, fallback)
            members.append(m)
            nxt = self.ruby_at.get(span.end)
            if nxt is None or span.end in self.markers:
                return tuple(members)
            span, col = nxt, m.right

    def open_group(
        self, span: RubySpan, col: int, groups: list[_Group], ends: list[int], may_pad: bool
    ) -> tuple[_Group, int, list[_Group], list[int]]:
        """A new group for ``span`` at ``col`` (or one cell further) after ``groups`` (their
        packed ``ends``): the first way its whole word's reading fits on this row, in order of
        preference — across the middle (as given, after one blank cell, in the fallback form),
        then the same with the words before it in the fallback form, nearest first; then only
        overlapping the word, likewise. Returns the group, its column and the groups before it
        (some maybe loosened). When nothing fits on the row, the first choice that fits on a
        row of any width: the row then breaks, or the word's compound goes on on the next row."""
        for relaxed in (False, True):
            for before, before_ends in self.loosened(groups, ends):
                after = before_ends[-1] if before_ends else -1
                found = self.first_fit(span, col, after, may_pad, relaxed, self.width)
                if found is not None:
                    fallback, pad = found
                    return self.single(span, col + pad, relaxed, fallback), col + pad, before, before_ends
        after = ends[-1] if ends else -1
        for relaxed in (False, True):
            found = self.first_fit(span, col, after, may_pad, relaxed, None)
            if found is not None:
                fallback, pad = found
                return self.single(span, col + pad, relaxed, fallback), col + pad, groups, ends
        fallback = self.fallback_form is not None
        return self.single(span, col, True, fallback), col, groups, ends

    def single(self, span: RubySpan, col: int, relaxed: bool, fallback: bool) -> _Group:
        """A group of ``span`` alone (the next bases of its compound join it as placed)."""
        return _Group((self.member(span, col, fallback),), relaxed, fallback)

    def first_fit(
        self, span: RubySpan, col: int, after: int, may_pad: bool, relaxed: bool, width: int | None
    ) -> tuple[bool, int] | None:
        """``(fallback, pad)``: the first form and blank cells before the word with which the
        reading of the whole compound starting at ``span`` lies after column ``after`` (and, given
        a ``width``, on the row); None when none does."""
        forms = (False, True) if self.fallback_form else (False,)
        pads = (0, 1) if may_pad else (0,)
        for fallback in forms:
            for pad in pads:
                ahead = _Group(self.run_ahead(span, col + pad, fallback), relaxed, fallback)
                if _packed_end(ahead, after, width) is not None:
                    return fallback, pad
        return None

    def loosened(
        self, groups: list[_Group], ends: list[int]
    ) -> Iterable[tuple[list[_Group], list[int]]]:
        """``groups`` with their packed ``ends`` as they are, then with the nearest one, two…
        drawn in the fallback form (which takes less room): what makes room for the next
        word's reading on the row rather than ending the row early."""
        yield groups, ends
        if not self.fallback_form:
            return
        loose = groups[:]
        for k in range(len(groups) - 1, -1, -1):
            if loose[k].fallback:
                continue
            loose[k] = self.in_fallback(loose[k])
            packed = self.packed_chain(loose, ends[:k])
            if packed is not None:
                yield loose[:], packed

    def packed_chain(self, groups: list[_Group], ends: list[int]) -> list[int] | None:
        """``ends`` extended with the packed end of each group after them, or None when one
        of them no longer fits on the row."""
        out = ends[:]
        for group in groups[len(ends) :]:
            end = _packed_end(group, out[-1] if out else -1, self.width)
            if end is None:
                return None
            out.append(end)
        return out

    def in_fallback(self, group: _Group) -> _Group:
        """``group`` drawn in the fallback form (which takes less room)."""
        members = tuple(self.member(m.span, m.left, True) for m in group.members)
        return _Group(members, group.relaxed, True)

    def join_group(
        self, group: _Group, span: RubySpan, col: int, after: int, final: bool
    ) -> _Group:
        """``group`` with the reading of the next base of its compound, loosened (fallback
        form, then overlap only) when that is what lets it fit on the row. Not ``final``
        (more bases follow on the row), it is judged only once complete."""
        joined = _Group((*group.members, self.member(span, col, group.fallback)), group.relaxed, group.fallback)
        if not final or _packed_end(joined, after, self.width) is not None:
            return joined
        candidates = []
        if self.fallback_form and not group.fallback:
            candidates.append(self.in_fallback(joined))
        if not group.relaxed:
            candidates += [_Group(g.members, True, g.fallback) for g in [joined, *candidates]]
        for candidate in candidates:
            if _packed_end(candidate, after, self.width) is not None:
                return candidate
        return joined

    def joins_next(self, units: Sequence[tuple[int, int, RubySpan | None]], k: int) -> bool:
        """Whether ``units[k + 1]`` is the next base of the compound of ``units[k]`` (a ruby
        base right after it, no marker between), so its reading joins the same group."""
        if k + 1 >= len(units):
            return False
        start, end, span = units[k]
        nxt = units[k + 1]
        return (
            span is not None
            and nxt[2] is not None
            and nxt[0] == end
            and not any(i in self.markers for i in range(start + 1, end + 1))
        )

    def try_place(self, units: Sequence[tuple[int, int, RubySpan | None]], force: bool) -> bool:
        """Place units on the open row; on failure leave the row exactly as it was."""
        row = self.row
        text = self.text
        width = self.width
        col = row.col
        cols: list[int] = []
        decos: list[Decoration] = []
        groups = row.groups[:]
        ends = row.ends[:]

        for k, (start, end, span) in enumerate(units):
            if span is not None and not self.inline:
                # a group is judged once complete: the next bases of its compound, placed in
                # the same call, may still bring its reading across its middle
                final = not self.joins_next(units, k)
                last = groups[-1].members[-1] if groups else None
                if last is not None and last.span.end == start and last.right == col:
                    # the next base of a compound: its reading joins the group
                    after = ends[-2] if len(ends) > 1 else -1
                    group = groups[-1] = self.join_group(groups[-1], span, col, after, final)
                    ends.pop()
                else:
                    may_pad = start > 0 and bool(row.drawn or cols) and not is_word_char(text[start - 1])
                    group, col, groups, ends = self.open_group(span, col, groups, ends, may_pad)
                    after = ends[-1] if ends else -1
                    groups = [*groups, group]
                packed = _packed_end(group, after, width)
                if packed is None:
                    if final and not force:
                        return False
                    _, gw, lo, _ = group.bounds(None)
                    packed = max(lo, after + 1) + gw
                ends.append(packed)
            for i in range(start, end):
                cols.append(col)
                col += char_width(text[i])
                if i + 1 < end and span is None:
                    for label, fid in self.markers.get(i + 1, ()):
                        decos.append(Decoration(col, label, "marker", fid, i + 1))
                        col += text_width(label)
            if span is not None and self.inline:
                label = f"({self.drawn_reading(span)[0]})"
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
                return False
        row.cols.extend(cols)
        row.groups = groups
        row.ends = ends
        row.decorations.extend(decos)
        row.col = col
        row.drawn = row.drawn or bool(cols) or bool(decos)
        return True

    def wide_space_at_wrap(self, i: int) -> bool:
        """Whether the full-width space at ``i`` falls where the text wraps: first on a row the
        wrap opened (not after a line break of the text, where it indents), or too wide for
        what is left of its row. A byline's ``山田太郎　東京大学教授`` broken there starts the
        next line with ``東京``, not with a blank that reads as a new paragraph."""
        row = self.row
        if self.rows and not row.drawn and i > 0 and self.text[i - 1] != "\n":
            return True
        return row.drawn and row.col + 2 > self.width

    def place_space(self, i: int) -> None:
        row = self.row
        if (self.rows and not row.drawn) or row.col + 1 > self.width:
            row.cols.append(-1)  # swallowed by the wrap
            self.place_markers_at(i + 1)
            return
        row.cols.append(row.col)
        row.col += 1
        row.drawn = True
        self.place_markers_at(i + 1)

    def place_cluster(self, cluster: Cluster, compound: Sequence[Cluster]) -> int:
        """Place ``cluster``; returns how many of the clusters after it went on with it.

        ``compound`` holds the clusters that continue the compound ``cluster`` ends inside (the
        next ruby bases of its group). Tried whole first, its reading is judged as one group,
        so a word whose reading fits with the rest of its compound never ends the row early;
        else the cluster goes alone (the compound may then go on on the next row)."""
        for _ in range(2):
            for k in range(len(compound), 0, -1):
                if self.try_place([*cluster, *(u for c in compound[:k] for u in c)], False):
                    return k
            if self.try_place(cluster, False):
                return 0
            if not self.row.drawn:
                break
            self.new_row()
        self.place_alone(cluster)
        return 0

    def compound_after(self, clusters: Sequence[Cluster], i: int) -> list[Cluster]:
        """The clusters after ``clusters[i]`` that continue the compound it ends inside."""
        out: list[Cluster] = []
        last = clusters[i]
        while i + 1 < len(clusters) and self.joins_next([last[-1], clusters[i + 1][0]], 0):
            i += 1
            last = clusters[i]
            out.append(last)
        return out

    def place_alone(self, cluster: Cluster) -> None:
        """A cluster wider than a whole row: a unit at a time, then a character at a time."""
        for unit in cluster:
            if self.try_place([unit], False) or self.place_before_its_markers(unit):
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
                if self.try_place(piece, False) or self.place_before_its_markers(piece[0]):
                    continue
                if self.row.drawn:
                    self.new_row()
                self.try_place(piece, True)

    def run(self, clusters: list[list[tuple[int, int, RubySpan | None]]]) -> list[Row]:
        self.place_markers_before_text()
        i = 0
        while i < len(clusters):
            cluster = clusters[i]
            i += 1
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
            elif ch == WIDE_SPACE and self.wide_space_at_wrap(first[0]):
                self.row.cols.append(-1)  # not drawn: it would look like an indent
                self.place_markers_at(first[0] + 1)
            else:
                i += self.place_cluster(cluster, self.compound_after(clusters, i - 1))
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
    reading_form: Callable[[str], str] | None = None,
    fallback_form: Callable[[str], str] | None = None,
) -> list[Row]:
    """Break ``text`` into rows at most ``width`` cells wide (ruby rows included).

    ``readings`` go over their base (or inline when ``inline``), drawn as
    ``reading_form(reading)`` when given, or as ``fallback_form(reading)`` for a word whose
    reading would not fit over it otherwise; ``refs`` are
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
    layout = _Layout(
        text,
        width,
        markers,
        inline,
        indent,
        indent if hanging is None else hanging,
        ruby_at,
        reading_form,
        fallback_form,
    )
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
