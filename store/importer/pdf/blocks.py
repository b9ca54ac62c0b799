"""Ordered lines → blocks and footnotes, by what the layout shows.

- A **paragraph** goes on while each line ran to its column's right edge and the next one is
  not indented (left blank or drawn as a full-width space) and follows at the usual spacing; it
  goes on across a column or page break the same way (the page's first line is where the page
  starts in it).
- A **heading** is a line set larger than the body, or in a bold face, or a short numbered
  line (``（1）…``, ``第2章…``) standing alone at body size (or in a bold face a little smaller
  than the body's); a heading that ran to the right edge continues on the next line. Levels:
  the numbering styles of the text importer (:class:`~store.importer.headings.Outline`), a
  large unnumbered first heading being the title; without numbering, the type sizes.
- **List items** open with a bullet or a number (``・``, ``①``, ``1.``) and continue on lines
  after a full line (or one left open mid-sentence) or set in under the item's text (a
  hanging indent); a bullet where the open item's bullet stands starts the next.
- **Tables**: two or more consecutive rows of cells (lines on one baseline, apart) whose cells
  start at the same places.
- **Meta**: captions and credits in smaller type, and the text importer's caption, date and
  source lines, and short single lines without a sentence.
- **Footnotes**: each line of the page's notes that opens with a label starts a note; the others
  continue it (also at the next page's foot, when a note ran over). Raised markers in the text
  link to the note of that label on the same page (else the next).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from store.importer.chars import (
    continues_after_sentence,
    ends_sentence,
    has_sentence,
    separator,
)
from store.importer.headings import HeadingLine, Outline, match_heading
from store.importer.meta import is_caption, is_meta
from store.importer.pdf.lines import Line
from store.importer.pdf.regions import NOTE_LABEL, SMALL, Flow, note_label
from store.importer.structured import NoteSource, Piece
from store.model import Ruby
from store.patterns import compiled

_BULLET = compiled(r"^[ \u3000]*(?P<bullet>[・•●◦○◆◇■□▪▫\-*+])[ \u3000]*")
_NUMBERED_ITEM = compiled(r"^[ \u3000]*(?:[①-⑳]|[0-9]{1,2}[.．][ \u3000]|[(（][a-zａ-ｚ][)）])")
#: A line opening with a label or bullet starts an item of its own (a note, a list entry).
_LABELLED = compiled(r"^(?:[(（]?[0-9０-９]{1,3}[)）.．]?[ \u3000]|[①-⑳]|※|[*＊]|[・•●])")
_LATIN_WORD = compiled(r"[!-~]+")
#: A heading is at most this long.
_HEADING_MAX = 60
#: A bold numbered line this much of the body's size, or more, may be a heading.
_SUB_HEADING = 0.8


@dataclass
class _Open:
    """The block being built in one flow (body or box)."""

    piece: Piece
    index: int  # of the piece
    parts: list[str]
    length: int
    last: Line
    first_x0: float
    size: float
    bold: bool
    lines: int = 1
    page: int = 0  # the page of its last line

    def tail(self, n: int = 300) -> str:
        return "".join(self.parts[-4:])[-n:]


@dataclass
class _Note:
    key: str
    label: str
    page: int
    parts: list[str]
    ruby: list[Ruby] = field(default_factory=list)
    length: int = 0
    last: Line | None = None
    near: int = 0


@dataclass
class Measure:
    """How the document's body lines are set: the usual gap between two lines of a paragraph,
    and the character count its lines are cut at when that is how they were cut (0: not)."""

    gap: float
    chars: int


def measure_lines(pages: list[list[Flow]], body: float) -> Measure:
    """The median gap between consecutive body lines of a column; and, when most body lines
    hold one same number of characters (15 or more), that number."""
    gaps: list[float] = []
    counts: Counter[int] = Counter()
    lines = 0
    for flows in pages:
        for flow in flows:
            if flow.kind == "notes":
                continue
            prev = None
            for ln in flow.lines:
                if abs(ln.size - body) > 0.1 * body:
                    prev = None
                    continue
                lines += 1
                counts[len(ln.text.strip())] += 1
                if prev is not None and prev.right == ln.right:
                    gap = prev.y0 - ln.y1
                    if 0 <= gap < 2 * body:
                        gaps.append(gap)
                prev = ln
    gaps.sort()
    gap = gaps[len(gaps) // 2] if gaps else 0.6 * body
    chars = 0
    if counts:
        count, n = counts.most_common(1)[0]
        if count >= 15 and n >= 3 and n >= 0.3 * lines:
            chars = count
    return Measure(gap, chars)


@dataclass
class HeadingInfo:
    index: int  # into pieces
    size: float
    page: int


class Builder:
    """Reads the pages' flows in order into pieces and notes."""

    def __init__(
        self, body_size: float, left: float, right: float, measure: Measure | None = None
    ) -> None:
        self.body = body_size
        self.left, self.right = left, right
        self.measure = measure or Measure(0.6 * body_size, 0)
        self.pieces: list[Piece] = []
        self.headings: list[HeadingInfo] = []
        self.notes: list[_Note] = []
        self.open: dict[str, _Open | None] = {"body": None, "box": None}
        self.page_index = 0
        self.page_label = ""
        self.page_pending = False
        self.page_first_piece = 0
        self.markers: list[tuple[int, int, int, str]] = []  # (piece, offset, page, label)
        #: Pieces that are one line ending short of the column (a label, a byline).
        self.single_lines: set[int] = set()
        self.note_open_from_last_page = False
        self.box_id = 0  # the number of the box being read (pieces of one box share it)
        self.box_page = -1  # the page the last box flow was on
        self.box_last = False  # the last flow read was a box
        self.flows_on_page = 0  # body and box flows read on this page so far
        self.box_title: Line | None = None  # the first line of the last box that had a title

    # -- pages ------------------------------------------------------------------------------

    def add_page(self, index: int, label: str, flows: list[Flow]) -> None:
        self.page_index, self.page_label = index, label
        self.page_pending = True
        self.page_first_piece = len(self.pieces)
        self.flows_on_page = 0
        self.note_open_from_last_page = bool(self.notes) and self.notes[-1].page == index - 1
        for flow in flows:
            if flow.kind == "notes":
                self.read_notes(flow.lines)
            else:
                self.read_flow(flow)
        if self.page_pending:
            self.page_pending = False
            self.pieces.append(Piece("paragraph", "", pages=[(0, label)]))  # carried on

    def _page_mark(self, piece: Piece, offset: int) -> None:
        if self.page_pending:
            piece.pages.append((offset, self.page_label))
            self.page_pending = False

    # -- text flows -------------------------------------------------------------------------

    def _right(self, ln: Line) -> float:
        """The column's right edge (a page's few lines do not make it narrower than the
        document's main column)."""
        if not ln.columned and abs(ln.left - self.left) < 2 * ln.size and ln.right < self.right:
            return self.right
        return ln.right

    def _full(self, ln: Line) -> bool:
        """The line ran to the column's edge, or holds as many characters as the document's
        lines are cut at (a word processor's export, ragged at the right)."""
        if ln.x1 >= self._right(ln) - 1.2 * ln.size:
            return True
        count = self.measure.chars
        return bool(count) and count - 1 <= len(ln.text.strip()) <= count + 1

    def _unfinished(self, ln: Line) -> bool:
        """A long line that stops mid-sentence: its paragraph goes on, whatever its width."""
        if ln.text.endswith(" ") and len(ln.text.strip()) >= 8:
            return True  # the space a line was wrapped at, drawn at its end
        right = self._right(ln)
        return not ends_sentence(ln.text) and ln.x1 - ln.left >= 0.5 * (right - ln.left)

    def _pushed(self, prev: Line, text: str) -> bool:
        """``text`` opens with a word too wide for the room left at the end of ``prev`` (a
        Latin word or URL is not cut; Japanese text breaks anywhere, so it always fits)."""
        m = _LATIN_WORD.match(text)
        if m is None:
            return False
        count = self.measure.chars
        if count and len(prev.text.strip()) + 1 + len(m.group(0)) >= count:
            return True  # lines cut at a character count: the word would have run past it
        return 0.5 * prev.size * len(m.group(0)) > self._right(prev) - prev.x1

    def _indented(self, ln: Line) -> bool:
        """The line's text starts in from the column's edge: a Japanese paragraph's first-line
        indent, left blank or drawn as a full-width space (which starts at the edge)."""
        return max(ln.x0, ln.ink0) - ln.left >= 0.5 * ln.size

    def read_flow(self, flow: Flow) -> None:
        kind = "box" if flow.kind == "box" else "body"
        lines = flow.lines
        if kind == "box":
            # a box runs on from the last page's when its paragraph was left open there, or
            # when it opens this page right after a box that closed the last one
            # a box runs on only into the first flow of the next page; any other box flow is
            # a box of its own
            running_on = (
                self.box_last
                and self.box_page == self.page_index - 1
                and self.flows_on_page == 0
                and not self._opens_box(lines[0])
            )
            if not running_on:
                self.close("box")
                self.box_id += 1
        i = 0
        while i < len(lines):
            table_end = self.table(lines, i, kind)
            if table_end:
                i = table_end
                continue
            self.line(lines[i], kind, lines[i + 1] if i + 1 < len(lines) else None)
            i += 1
        if kind == "box":
            self.box_page = self.page_index
            cur = self.open["box"]
            if cur is None or not (self._full(cur.last) or self._unfinished(cur.last)):
                self.close("box")  # else its paragraph may go on in the box on the next page
        self.box_last = kind == "box"
        self.flows_on_page += 1

    def _opens_box(self, ln: Line) -> bool:
        """A line set as the last box's title was: the title of the next box, not a line of
        that box running on."""
        title = self.box_title
        return (
            title is not None
            and self.open["box"] is None
            and abs(ln.size - title.size) < 0.05 * title.size
            and ln.bold == title.bold
            and self.is_heading(ln, ln.text.strip(), None, False, None)
        )

    def close(self, flow: str) -> None:
        cur = self.open.get(flow)
        if cur is not None:
            cur.piece.text = "".join(cur.parts)
            if cur.lines == 1 and not self._full(cur.last):
                self.single_lines.add(cur.index)
            self.open[flow] = None

    def _start(self, flow: str, kind: str, ln: Line, text: str, level: int = 0) -> None:
        self.close(flow)
        offset_drop = len(ln.text) - len(text)
        piece = Piece(kind, "", level, box=self.box_id if flow == "box" else 0)
        self.pieces.append(piece)
        self._page_mark(piece, 0)
        cur = _Open(
            piece, len(self.pieces) - 1, [], 0, ln, ln.x0, ln.size, ln.bold, page=self.page_index
        )
        self.open[flow] = cur
        self._add(cur, ln, text, offset_drop, sep="")
        if kind == "heading":
            self.headings.append(HeadingInfo(len(self.pieces) - 1, ln.size, self.page_index))
            if flow == "box" and not any(p.box == piece.box for p in self.pieces[:-1]):
                self.box_title = ln

    def _add(self, cur: _Open, ln: Line, text: str, drop: int, sep: str | None = None) -> None:
        """Append a line's text (its first ``drop`` characters left out) to the open block."""
        if sep is None:
            sep = joiner(cur.last.text, cur.tail(), text)
        if cur.length == 0:
            sep = ""
        else:
            cur.lines += 1
        base = cur.length + len(sep)
        self._page_mark(cur.piece, base)
        cur.parts.append(sep + text)
        cur.length += len(sep) + len(text)
        for s, e, reading in ln.ruby:
            if s >= drop:
                cur.piece.ruby.append(Ruby(base + s - drop, base + e - drop, reading))
        for offset, label in ln.marks:
            if offset >= drop:
                self.markers.append((cur.index, base + offset - drop, self.page_index, label))
        cur.last = ln
        cur.page = self.page_index

    def line(self, ln: Line, flow: str, nxt: Line | None) -> None:  # noqa: C901 - the rules in order
        text = ln.text.strip()
        lead = len(ln.text) - len(ln.text.lstrip())
        cur = self.open.get(flow)
        small = ln.size <= SMALL * self.body
        same_page_col = (
            cur is not None and cur.last.right == ln.right and cur.page == self.page_index
        )
        gap_ok = (
            not same_page_col
            or cur is None
            or cur.last.y0 - ln.y1 <= self.measure.gap + 0.35 * ln.size
        )
        continues = (
            cur is not None
            and (
                self._full(cur.last)
                or self._unfinished(cur.last)
                or self._pushed(cur.last, text)  # nearly full: the next word did not fit
            )
            and gap_ok
            and abs(cur.size - ln.size) < 0.12 * ln.size
            and cur.bold == ln.bold
        )
        if cur is not None and cur.piece.kind == "heading":
            if continues and not self._indented(ln):
                self._add(cur, ln, text, lead)
                return
            self.close(flow)
            cur = None
            continues = False
        if self.is_heading(ln, text, cur, continues, nxt):
            self._start(flow, "heading", ln, text)
            return
        if small:
            # a caption runs on as a paragraph does; a line opening with a label is its own
            # (a caption ends without a sentence end: only a full or wrapped line runs on)
            wrapped = cur is not None and (
                self._full(cur.last)
                or cur.last.text.endswith(" ")
                or self._pushed(cur.last, text)
            )
            joins = (
                cur is not None
                and cur.piece.kind == "meta"
                and same_page_col
                and continues
                and wrapped
                and not (_LABELLED.match(text) and not self._full(cur.last))
            )
            if joins and cur is not None and abs(cur.size - ln.size) < 0.12 * ln.size and not self._indented(ln):
                self._add(cur, ln, text, lead)
            else:
                self._start(flow, "meta", ln, text)
            return
        m = _BULLET.match(ln.text)
        item = bool(m and len(text) > 1) or bool(_NUMBERED_ITEM.match(ln.text))
        inside = (
            cur is not None
            and continues
            and self._full(cur.last)
            and not ends_sentence(cur.last.text)
            # a bullet where the open item's own bullet stands starts the next item
            and not (
                m and cur.piece.kind == "list_item" and abs(ln.x0 - cur.first_x0) < 0.3 * ln.size
            )
        )
        if item and not inside:
            drop = m.end() if m else lead
            self._start(flow, "list_item", ln, ln.text[drop:].strip(), 0)
            return
        if cur is not None and cur.piece.kind == "list_item":
            # after a line that stopped short of the edge, the item's next line only when
            # its first word would not have fitted there (a long URL); else a paragraph
            # after the item (its first-line indent may stand where the item's lines do)
            hanging = (
                ln.x0 > cur.first_x0 + 0.3 * ln.size
                and (same_page_col or cur.page != self.page_index)
                and self._pushed(cur.last, text)
            )
            wrapped = self._full(cur.last) or self._pushed(cur.last, text)
            if ((continues and wrapped) or hanging) and gap_ok:
                self._add(cur, ln, text, lead)
                return
        paragraph = cur is not None and cur.piece.kind in ("paragraph", "quote")
        if paragraph and cur is not None and continues and not self._indented(ln):
            self._add(cur, ln, text, lead)
            return
        self._start(flow, "paragraph", ln, text.lstrip("\u3000 "), 0)

    def is_heading(
        self, ln: Line, text: str, cur: _Open | None, continues: bool, nxt: Line | None
    ) -> bool:
        if not text or len(text) > _HEADING_MAX or continues_after_sentence(text):
            return False
        if text.endswith(("、", "，", ",")):
            return False
        if (
            continues
            and cur is not None
            and cur.piece.kind != "heading"
            and not ends_sentence(cur.last.text)
        ):
            return False  # the rest of an open sentence, whatever its type
        if ln.size >= 1.12 * self.body:
            return True
        if ln.bold and ln.size >= 0.95 * self.body and not has_sentence(text):
            return True
        # (a numbered heading may open with a full-width space: only a blank indent counts)
        set_in = ln.x0 - ln.left >= 0.5 * ln.size
        alone = not self._full(ln) and not set_in and self._numbered(text)
        if alone and (ln.size > SMALL * self.body or self._small_bold(ln, text)):
            return cur is None or not continues
        return False

    def _small_bold(self, ln: Line, text: str) -> bool:
        """A bold line a little smaller than the body, without a sentence: a numbered one is a
        sub-heading (``（1）…`` set a point or two under the body in a bold gothic)."""
        return ln.bold and ln.size >= _SUB_HEADING * self.body and not has_sentence(text)

    @staticmethod
    def _numbered(text: str) -> bool:
        head = match_heading(text)
        return head is not None and head.style != "plain" and not _NUMBERED_ITEM.match(text)

    # -- tables -----------------------------------------------------------------------------

    def table(self, lines: list[Line], i: int, flow: str) -> int:
        """If a table starts at line ``i``, emit it and return the index after it."""
        rows: list[list[Line]] = []
        j = i
        while j < len(lines):
            row = [lines[j]]
            k = j + 1
            while k < len(lines) and abs(lines[k].base - lines[j].base) <= 0.3 * lines[j].size:
                row.append(lines[k])
                k += 1
            if len(row) < 2:
                break
            rows.append(sorted(row, key=lambda ln: ln.x0))
            j = k
        if len(rows) < 2:
            return 0
        anchors = [ln.x0 for ln in rows[0]]
        size = rows[0][0].size
        cells: list[list[str]] = []
        for row in rows:
            out = [""] * len(anchors)
            for ln in row:
                col = min(range(len(anchors)), key=lambda c: abs(anchors[c] - ln.x0))
                if abs(anchors[col] - ln.x0) > 3 * size and ln.x0 < anchors[col]:
                    return 0
                out[col] = (out[col] + " " + ln.text.strip()).strip()
            cells.append(out)
        self.close(flow)
        text = "\n".join("\t".join(r) for r in cells)
        piece = Piece("table", text, rows=cells, box=self.box_id if flow == "box" else 0)
        self.pieces.append(piece)
        self._page_mark(piece, 0)
        return j

    # -- notes ------------------------------------------------------------------------------

    def read_notes(self, lines: list[Line]) -> None:
        current: _Note | None = self.notes[-1] if self.note_open_from_last_page else None
        for ln in lines:
            label = note_label(ln)
            if label is not None and current is not None and label.isdigit():
                # a bare number opening a line inside a note that ran on (``…第`` / ``26 号）``)
                # is its text, unless it is the next note's number
                expected = (
                    _label_key(current.label).isdigit()
                    and int(_label_key(label)) == int(_label_key(current.label)) + 1
                )
                # (ran to the full width: a note's lines are not cut at the body's count)
                ran_full = current.last is not None and (
                    current.last.x1 >= self._right(current.last) - 1.2 * current.last.size
                )
                if ran_full and not expected:
                    label = None
            if label is not None:
                if ln.marks and ln.marks[0][0] == 0:
                    text, drop = ln.text, 0
                    ln.marks = ln.marks[1:]
                else:
                    m = NOTE_LABEL.match(ln.text)
                    drop = m.end() if m else 0
                    text = ln.text[drop:]
                current = _Note(
                    f"pdfnote{len(self.notes)}",
                    label,
                    self.page_index,
                    [],
                    near=self.page_first_piece,
                )
                self.notes.append(current)
                self._note_add(current, ln, text.strip(), drop + len(text) - len(text.lstrip()))
            elif current is not None:
                self._note_add(current, ln, ln.text.strip(), len(ln.text) - len(ln.text.lstrip()))
            else:
                piece = Piece("meta", ln.text.strip())
                self.pieces.append(piece)

    def _note_add(self, note: _Note, ln: Line, text: str, drop: int) -> None:
        sep = ""
        if note.parts and note.last is not None:
            sep = joiner(note.last.text, "".join(note.parts[-3:])[-300:], text)
        base = note.length + len(sep)
        note.parts.append(sep + text)
        note.length += len(sep) + len(text)
        note.ruby += [Ruby(base + s - drop, base + e - drop, r) for s, e, r in ln.ruby if s >= drop]
        note.last = ln

    # -- the end ----------------------------------------------------------------------------

    def finish(self) -> tuple[list[Piece], list[NoteSource]]:
        self.close("body")
        self.close("box")
        marks_of = self._resolve_markers()
        for piece_index, offset, key in marks_of:
            self.pieces[piece_index].marks.append((offset, key))
        self._levels()
        self._meta()
        linked = {key for _, _, key in marks_of}
        sources = [
            NoteSource(
                n.key,
                n.label,
                "".join(n.parts).strip(),
                n.ruby,
                near=-1 if n.key in linked else n.near,
            )
            for n in self.notes
        ]
        return self.pieces, sources

    def _resolve_markers(self) -> list[tuple[int, int, str]]:
        """Each raised marker to the note of its label on its page, else the next page's."""
        free: dict[str, list[_Note]] = {}
        for note in self.notes:
            free.setdefault(_label_key(note.label), []).append(note)
        out = []
        for piece_index, offset, page, label in self.markers:
            candidates = free.get(_label_key(label), [])
            pick = next((n for n in candidates if n.page == page), None)
            pick = pick or next((n for n in candidates if n.page == page + 1), None)
            pick = pick or next((n for n in candidates if n.page >= page), None)
            if pick is None:
                continue
            candidates.remove(pick)
            out.append((piece_index, offset, pick.key))
        return out

    def _levels(self) -> None:
        """Heading levels: numbering styles first (the text importer's outline, told where
        text comes between headings); a large first heading is the title. A box's headings
        are left to :func:`store.importer.sections.nest_box`."""
        heads = [
            h
            for h in self.headings
            if self.pieces[h.index].text.strip() and not self.pieces[h.index].box
        ]
        if not heads:
            return
        matches = [match_heading(self.pieces[h.index].text.strip()) for h in heads]
        numbered = [m for m in matches if m is not None and m.style != "plain"]
        first = heads[0]
        before = [p for p in self.pieces[: first.index] if p.text.strip() and p.kind != "meta"]
        biggest = max(h.size for h in heads)
        title = (
            first.page == 0
            and not before
            and (matches[0] is None or matches[0].style == "plain")
            and first.size >= biggest - 0.1
            and all(h.size < first.size - 0.1 for h in heads[1:])
        )
        base = 1
        if title:
            self.pieces[first.index].level = 1
            self.pieces[first.index].heading_style = "title"
            heads, matches = heads[1:], matches[1:]
            base = 2
        if not numbered:
            sizes = sorted({round(h.size, 1) for h in heads}, reverse=True)
            for h in heads:
                self.pieces[h.index].level = min(6, base + sizes.index(round(h.size, 1)))
            return
        top_numbered = max(
            (
                h.size
                for h, m in zip(heads, matches, strict=True)
                if m is not None and m.style != "plain"
            ),
            default=0,
        )
        big_sizes = sorted(
            {
                round(h.size, 1)
                for h, m in zip(heads, matches, strict=True)
                if (m is None or m.style == "plain") and h.size > top_numbered + 0.5
            },
            reverse=True,
        )
        outline = Outline(base_level=base)
        styled: dict[int, HeadingLine] = {}
        for h, m in zip(heads, matches, strict=True):
            text = self.pieces[h.index].text.strip()
            if m is None or m.style == "plain":
                size = round(h.size, 1)
                if size in big_sizes:
                    m = HeadingLine(
                        f"size{size}", -1 - big_sizes.index(size) - len(big_sizes), text
                    )
                elif m is None:
                    m = HeadingLine("plain", None, text)
            styled[h.index] = m
        start = heads[0].index
        for index in range(start, len(self.pieces)):
            piece = self.pieces[index]
            if index in styled:
                piece.level = outline.level_for(styled[index])
            elif piece.text.strip() and piece.kind != "heading" and not piece.box:
                outline.content()

    def _meta(self) -> None:
        """The text importer's rules for lines that describe rather than tell: captions,
        dates, sources, and a short single line without a sentence (a byline, a label)."""
        for i, piece in enumerate(self.pieces):
            if piece.kind != "paragraph":
                continue
            text = piece.text.strip()
            short = i in self.single_lines and len(text) <= 15 and not has_sentence(text)
            if is_meta(text) or is_caption(text) or (short and not piece.marks):
                piece.kind = "meta"


def joiner(last_line: str, tail: str, text: str) -> str:
    """What goes between a line and the next: a space the PDF draws at the line's end is
    kept; after an opening bracket nothing; else the text importer's rule (none inside
    Japanese, one between Latin words)."""
    if last_line.endswith((" ", "\u3000")):
        # a space the PDF draws at the line's end, unless it only pads Japanese to Japanese
        before = last_line.rstrip()[-1:]
        if not (_wide(before) and _wide(text[:1])) or last_line.endswith("\u3000"):
            return last_line[-1]
        return ""
    if tail.rstrip()[-1:] in "<(（「『[［〈《“‘":
        return ""
    if _AFTER_PUNCT.search(tail) and _WORD_START.match(text):
        return " "  # a Latin line wrapped after punctuation: no word is cut there
    return separator(tail, text, last_line[-60:])


_AFTER_PUNCT = compiled(r"[A-Za-z0-9][,.;:!?)\]][”’\"']?$|[A-Za-z0-9.][”’]$")
_WORD_START = compiled(r"[A-Za-z0-9(<“\"]")


def _wide(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in "WF"


def _label_key(label: str) -> str:
    norm = unicodedata.normalize("NFKC", label)
    digits = "".join(ch for ch in norm if ch.isdigit())
    return str(int(digits)) if digits else norm.strip()
