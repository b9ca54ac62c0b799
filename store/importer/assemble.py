"""Source lines → raw blocks and footnote definitions: the line-by-line reading of a document.

Two layouts are told apart by line widths. *Wrapped* text (extracted from a PDF) has most
lines at one printed width; its lines are joined into paragraphs, a paragraph ending where a
line ends a sentence short of the full width (or before a meaningful blank line). Material a
page puts inside a paragraph — footnote definitions, photo captions, page numbers, a column
of another width — is set aside and the paragraph continues after it (see :mod:`layout` for
the measurements). *Unwrapped* text (web pages, Aozora) has one paragraph per line, with
broken lines mended; in Markdown, consecutive lines make one paragraph.

The raw block text may still hold inline notation (``｜漢字《かな》``, ``**bold**``); PDF ruby
lines are rewritten into that notation here so :mod:`store.importer.inline` handles all ruby.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from store.importer import markdown as md
from store.importer import page_facts
from store.importer.chars import (
    continues_after_sentence,
    ends_sentence,
    has_sentence,
    join_lines,
    separator,
    width,
)
from store.importer.columns import unfold_columns
from store.importer.footnotes import NoteDef, match_definition
from store.importer.headings import HeadingLine, Outline, match_heading
from store.importer.layout import (
    double_spaced,
    ends_marked,
    full_width_cells,
    has_room,
    indented_firsts,
    is_wrapped,
    measure_cells,
    page_width,
    set_width,
    starts_pushed,
    stray_blanks,
    tolerance,
)
from store.importer.meta import is_caption, is_meta
from store.importer.page_notes import place_markers
from store.importer.sections import box_title, nest_box, own_title
from store.importer.web_debris import (
    is_debris,
    running_headers,
    starts_debris_section,
    with_page_number,
)
from store.japanese.chars import HIRAGANA, KANA, KANA_ONLY_RE, KANJI, is_kanji
from store.patterns import compiled

_LIST = compiled(
    r"^[ \t\u3000]*(?:(?P<bullet>[-*+・•●◦])[ \t\u3000]*|(?P<num>[①-⑳]|\d{1,2}\.[ \t]|[（(]?[a-z][)）][ \t]))"
)
_ASCII_NUMBERED = compiled(r"^[ \t]*\d{1,2}\.[ \t]")
#: The number in a line's label (``第1号議案``, ``その２``, ``第三号``).
_LABEL_NUMBER = compiled(r"[0-9０-９〇一二三四五六七八九十]+")


def _run_label(line: str) -> tuple[str, str] | None:
    """A line's label — its first word, before a space, when text follows — as (its shape with
    the number left out, the number): ``第1号議案　令和六年度事業報告`` → (``第#号議案``, ``1``).
    None when the label holds no number, or only a number."""
    label, space, rest = line.partition("\u3000") if "\u3000" in line[:10] else line.partition(" ")
    if not space or not rest.strip() or not 2 <= len(label) <= 8:
        return None
    numbers = _LABEL_NUMBER.findall(label)
    if len(numbers) != 1 or numbers[0] == label:
        return None
    return _LABEL_NUMBER.sub("#", label), numbers[0]
_NOTES_HEADING = compiled(r"^[【＜<(（\[■]?(?:注|脚注|注釈|註|Notes?)[】＞>)）\]]?$")
_RULE_CELL = compiled(r"^:?-{3,}:?$")
_QUOTE = compiled(r"^[ \t]*>[ \t]?")
_RUBY_MAX = 8
_HALF_WIDTH = compiled("[0-9A-Za-z]")
_HIRAGANA_START = compiled(f"^[{HIRAGANA}、。）」]")
#: A line that carries on the one before: it starts with a particle or a lower-case word.
_CONTINUES = compiled(f"^[{HIRAGANA}、。）」a-z]")
#: A line cut inside a word: it ends in a kanji, a kana or a long-vowel mark.
_WORD_END = compiled(f"[{KANJI}{KANA}ー]$")


@dataclass
class RawBlock:
    """A block being built. Its text is ``raw`` plus the appended ``pieces`` (kept apart so a
    long paragraph is not copied on every line); :meth:`full` joins them."""

    kind: str
    raw: str
    pieces: list[str] = field(default_factory=list)
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    maxw: float = 0.0
    nlines: int = 1
    last: str = ""
    #: The last printed row: the last line, or, where a ruby line cut it, the line before the
    #: reading and the rest after it (its width is the row's).
    row: str = ""
    row_cells: int | None = None  # the row's full-width count, as counted in cell_counts
    closed: bool = False
    after_ruby: bool = False
    trail_space: bool = False  # the last source line ended with a space (kept between words)
    #: Its last line ends a sentence without the end mark the file puts after a paragraph's
    #: last line (see :func:`ends_marked`): the text goes on.
    runs_on: bool = False
    fragment: bool = False  # the last line was the rest of a row a ruby line cut
    narrow: bool = False  # a column set narrower than the body (an indented box)
    heading_style: str = ""
    #: How many of its lines (the first left out: it may be indented) hold how many
    #: full-width characters (see :func:`full_width_cells`).
    cell_counts: dict[int, int] = field(default_factory=dict)
    #: Where each source line's text starts: (offset in the text, line index) — a note's
    #: marker is looked for on its page's lines (:mod:`store.importer.page_notes`).
    spans: list[tuple[int, int]] = field(default_factory=list)
    length: int = -1  # the text's length as built (-1: not tracked)

    def unfinished(self) -> bool:
        return not self.closed and (self.runs_on or not ends_sentence(self.last))

    def tail(self) -> str:
        """The text's end: the last appended line (or the first)."""
        return self.pieces[-1] if self.pieces else self.raw

    def end(self, n: int = 300) -> str:
        """The last ``n`` characters of the text (a word may span several lines)."""
        return (self.raw[-n:] + "".join(self.pieces[-4:]))[-n:]

    def replace_text(self, text: str) -> None:
        self.raw, self.pieces, self.spans, self.length = text, [], [], -1

    def set_tail(self, text: str) -> None:
        if self.length >= 0:
            self.length += len(text) - len(self.tail())
        if self.pieces:
            self.pieces[-1] = text
        else:
            self.raw = text

    def full(self) -> str:
        if self.pieces:
            self.raw += "".join(self.pieces)
            self.pieces = []
        return self.raw


@dataclass
class Assembled:
    title: str
    blocks: list[RawBlock]
    notes: list[NoteDef]
    #: What the file states about itself (Markdown front matter).
    metadata: dict[str, str] = field(default_factory=dict)
    #: Link labels a Markdown file defines (``[label]: url``).
    labels: set[str] = field(default_factory=set)


class _Reader:
    """State while reading lines: the open paragraph, interrupted ones, footnotes, outline."""

    def __init__(
        self, lines: list[str], *, wrapped: bool, flow: float, markdown: bool = False
    ) -> None:
        self.lines = lines
        self.markdown = markdown
        self.wrapped = wrapped
        self.flow = flow
        self.double = double_spaced(lines) if wrapped else False
        #: Blank lines inside paragraphs (the extractor's): a blank line ends nothing.
        self.stray = wrapped and not self.double and stray_blanks(lines, flow)
        self.blocks: list[RawBlock] = []
        self.notes: list[NoteDef] = []
        self.current: RawBlock | None = None
        self.pending: list[RawBlock] = []
        self.note: NoteDef | None = None
        self.note_last = ""
        #: Per numbering (a box's notes are set wider than the body's): the widest first line
        #: and the widths of lines that ran on.
        self.note_run: tuple[str, int] = ("", 0)
        self.note_widths: dict[tuple[str, int], float] = {}
        self.full_note_widths: dict[tuple[str, int], list[float]] = {}
        #: The widest line of the last note once it ran on: its own measure (a box's notes are
        #: set wider than the body's).
        self.note_wrap = 0.0
        self._full_cache: tuple[tuple[str, int], int, float] = (("", 0), 0, 0.0)
        self.page_width = page_width(lines) if wrapped else 0.0
        self.blank_after_note = False
        self.bare_last = 0
        #: The last number of every bare numbering seen (a box's notes restart at 1; the body's
        #: go on after the box from where they were).
        self.bare_runs: list[int] = []
        self._expected_bare: set[int] | None = None
        self.outline = Outline()
        self.title = ""
        self.interrupted = False
        self.headers = (
            {h for h in running_headers(lines) if width(h) < 0.8 * flow} if wrapped else set()
        )
        self.in_debris = False
        self.separator = False
        self.caption_prefix = ""
        self.notes_section = False
        self.headers_seen: set[str] = set()
        self.furniture_at = -1  # the last line of page furniture dropped (a page break)
        self.measure_cells = measure_cells(lines) if wrapped else 0
        self.end_marked = wrapped and ends_marked(lines)
        self.indented_firsts = wrapped and indented_firsts(lines, flow)
        self.note_trailing = False
        self.cut: tuple[NoteDef, str, float] | None = None  # a note a page break cut
        self.metadata: dict[str, str] = {}
        self.stated: set[str] = set()  # byline lines taken into metadata
        self.at = 0  # the source line being read
        self.body_mark = 0  # body lines read so far (see NoteDef.body_mark)

    # -- blocks -------------------------------------------------------------------------------

    def emit(self, kind: str, raw: str, **kw: Any) -> RawBlock:
        kw.setdefault("row", raw)
        block = RawBlock(kind, raw, **kw)
        self.blocks.append(block)
        if kind in ("paragraph", "list_item", "quote", "table"):
            self.outline.content()
            if self.wrapped:
                self.body_mark += 1
        if self.wrapped and kind in ("paragraph", "list_item", "quote", "heading"):
            block.spans, block.length = [(0, self.at)], len(raw)
        return block

    def close_current(self) -> None:
        if self.current is not None:
            if self.current.unfinished() and self.current.kind == "paragraph":
                self.pending = [p for p in self.pending if p is not self.current][-3:]
                self.pending.append(self.current)
            else:
                self.current.closed = True
            self.current = None

    def heading(self, head: HeadingLine, level: int | None = None) -> None:
        self.end_note()
        self.close_current()
        # a section's heading never stands between the rows of a body paragraph (a box's
        # paragraph, set narrower or wider, may go on past it: it sits beside the flow)
        self.pending = [p for p in self.pending if self.other_column(p)]
        self.separator = False
        self.interrupted = False
        lvl = level if level is not None else self.outline.level_for(head)
        self.emit("heading", head.text, level=lvl, heading_style=head.style)
        if not self.title and head.style == "md" and head.level == 1 and len(self.blocks) == 1:
            self.title = head.text  # a Markdown file opening with its "# Title"; a numbered
            # section heading (1 概観) names a section, never the document

    def new_paragraph(self, kind: str, text: str, w: float) -> RawBlock:
        self.close_current()
        block = self.emit(kind, text, maxw=w, last=text, row=text)
        self.current = block
        self.interrupted = False
        return block

    def append(self, block: RawBlock, line: str, w: float, trailing: bool = False) -> None:
        block.fragment = block.after_ruby
        text = line.strip()
        if block.after_ruby:
            piece = text
        else:
            piece = separator(block.end(), text, block.last, block.trail_space) + text
        block.pieces.append(piece)
        if block.length >= 0:
            block.spans.append((block.length + len(piece) - len(text), self.at))
            block.length += len(piece)
            self.body_mark += 1
        block.trail_space = trailing
        block.runs_on = self.end_marked and not trailing
        if block.after_ruby and set_width(block.row + text) > self.ref(block) + 1.5:
            block.after_ruby = False  # the reading's kanji ended its row: this is the next
        if block.after_ruby:  # the rest of the row a ruby line cut: one row with the last
            if block.row_cells is not None:
                block.cell_counts[block.row_cells] -= 1
            block.row += text
            w = set_width(block.row)
        else:
            block.row = text
            block.nlines += 1
        cells = full_width_cells(block.row)
        block.row_cells = None
        if cells is not None and not text.endswith(("。", "、")):  # it may hang past the measure
            block.cell_counts[cells] = block.cell_counts.get(cells, 0) + 1
            block.row_cells = cells
        block.last = line.strip()
        block.maxw = max(block.maxw, self.row_measure(block.row, w))
        block.after_ruby = False
        if block is not self.current:
            self.close_current()
            self.pending = [p for p in self.pending if p is not block]
            self.current = block
        self.interrupted = False

    # -- footnote definitions -------------------------------------------------------------------

    def start_note(self, style: str, number: str, text: str, index: int, w: float) -> None:
        self.end_note()
        cut = self.open_note()
        if (
            cut is not None
            and number.isdigit()
            and (cut[0].style, cut[0].number) == (style, str(int(number) - 1))
        ):
            self.cut = None  # the next note of its numbering: the cut one ended
        elif cut is not None:
            self.cut = cut  # kept while a box's own notes come between
        if self.current is not None and self.current.unfinished():
            self.interrupted = True
        note = NoteDef(
            style, number, text, line=index, block=len(self.blocks), body_mark=self.body_mark
        )
        self.notes.append(note)
        self.note = note
        self.note_last = self.lines[index].strip()
        self.note_trailing = self.lines[index].endswith(" ")
        self.note_wrap = 0.0
        self.blank_after_note = False
        if style == "bare":
            n = int(number)
            if n == 1 or not self.bare_runs:
                self.bare_runs.append(n)
            else:
                k = next(
                    (
                        k
                        for k in range(len(self.bare_runs) - 1, -1, -1)
                        if self.bare_runs[k] + 1 == n
                    ),
                    len(self.bare_runs) - 1,
                )
                self.bare_runs[k] = n
            self.bare_last = n
            self._expected_bare = None
        run = (
            next((k for k in range(len(self.bare_runs) - 1, -1, -1) if self.bare_runs[k] == n), 0)
            if style == "bare"
            else 0
        )
        self.note_run = (style, run)
        self.note_widths[self.note_run] = max(self.note_widths.get(self.note_run, 0.0), w)

    def expected_bare(self) -> set[int]:
        """The numbers a bare ``1 …`` definition may carry next: 1, or the next of any
        numbering running (kept between notes: a long text restarts its numbering often)."""
        if self._expected_bare is None:
            self._expected_bare = {1, self.bare_last + 1, *(n + 1 for n in self.bare_runs)}
        return self._expected_bare

    def end_note(self) -> None:
        self.note = None

    def rest_of_note(self, d: tuple[str, str, str]) -> bool:
        """A bare number opening the line after a note's row the width cut mid-sentence is
        the note's rest (``…「会談の概要」（2025年`` / ``2月7日）による。``), unless it is the
        next note's number."""
        return (
            d[0] == "bare"
            and self.note is not None
            and int(d[1]) != self.bare_last + 1
            and self.wrapped
            and not ends_sentence(self.note_last)
            and self.note_line_full()
        )

    def note_continues(self, line: str, w: float) -> bool:
        """A definition runs on while its last line filled the width of the notes."""
        if self.note is None or self.note.style == "md":
            return False
        if not self.wrapped:
            return False
        if line.startswith(" ") and not line.startswith("  "):
            return False  # a page's body text starts here
        if ends_sentence(self.note_last) and self.blank_after_note and not self.double:
            # a sentence's end, then a blank line: the notes block is over — unless that line
            # ran to the note's full measure and this one is wider than the body's (its rest)
            return self.note_line_full() and (w > self.flow + 1.5 or self.notes_go_on(self.at))
        if self.end_marked and ends_sentence(self.note_last):
            return not self.note_trailing  # the file marks where a note ends
        measure = self.note_wrap or self.full_note_width()
        if (
            ends_sentence(self.note_last)
            and measure > self.flow + 3
            and abs(w - self.flow) <= 1.5
            and not ends_sentence(line)
        ):
            return False  # a line of the body's measure running on: the body, not the note
        if ends_sentence(self.note_last) and self.body_waits(w):
            return False  # a paragraph cut mid-sentence waits for its rest: this is it
        if self.note_line_full():
            return True  # the note's line ran to the notes' full width: it goes on
        if ends_sentence(self.note_last):
            return False
        last = self.note_last
        if last.count("（") > last.count("）") or last.count("『") > last.count("』"):
            return True  # a bracket left open: （『読売新聞』 / （2025.2.1））。
        return not self.blank_after_note or self.double

    def body_waits(self, w: float) -> bool:
        """A body paragraph the width cut mid-sentence waits for its rest, and a line this
        wide fits it."""
        for cand in [*self.pending, *([self.current] if self.current is not None else [])]:
            if (
                cand.kind == "paragraph"
                and not ends_sentence(cand.row)
                and not cand.closed
                and set_width(cand.row) >= self.ref(cand) - 1.5
                and w <= self.ref(cand) + 1
            ):
                return True
        return False

    def notes_go_on(self, i: int) -> bool:
        """After line ``i`` the notes block goes on: another definition comes next, or the
        page's body starts (its first line one space in), so line ``i`` is still a note's."""
        for j in range(i + 1, min(i + 4, len(self.lines))):
            nxt = self.lines[j]
            if nxt.strip():
                expect = self.expected_bare()
                return (nxt.startswith(" ") and not nxt.startswith("  ")) or match_definition(
                    nxt, expect_bare=expect, next_bare=self.bare_last + 1
                ) is not None
        return False

    def open_note(self) -> tuple[NoteDef, str, float] | None:
        """The note a page break cut: the last one, if its last line ran to the full width
        without ending; else an earlier one left so (a box's own notes may stand between)."""
        if not self.wrapped or not self.notes:
            return None
        if self.note_last and self.note_line_full():  # (a sentence may end at the edge)
            return self.notes[-1], self.note_last, self.note_wrap
        return self.cut

    def note_line_full(self, last: str | None = None, wrap: float | None = None) -> bool:
        """The last note line ran to the note's measure: its own once it has run on, else
        the usual width of the notes' full lines."""
        last = self.note_last if last is None else last
        wrap = self.note_wrap if wrap is None else wrap
        if not wrap:
            return width(last) >= self.full_note_width() - 2.5
        narrow = len(last.encode("ascii", "ignore"))  # widths only estimated
        return width(last) >= wrap - 2.5 - 0.12 * narrow

    def full_note_width(self) -> float:
        """The usual width of a note line that ran on (the note column's full width)."""
        widths = self.full_note_widths.get(self.note_run)
        if not widths:
            return max(self.note_widths.get(self.note_run, 0.0), self.page_width)
        if self._full_cache[:2] != (self.note_run, len(widths)):
            ordered = sorted(widths[-101:])  # the recent pages' notes
            self._full_cache = (self.note_run, len(widths), ordered[len(ordered) // 2])
        return self._full_cache[2]

    def note_overflow(self, line: str, stripped: str, w: float) -> bool:
        """A note cut by a page break continues at the next page's foot, after the
        whitespace-only line that separates a page's notes from its body."""
        cut = self.open_note() if self.separator else None
        if cut is None or match_heading(stripped) is not None:
            return False
        if line.startswith(" ") and not line.startswith("  "):
            return False  # a page's body starts here
        note, _, wrap = cut
        note.extend(stripped)
        if note is self.notes[-1]:
            self.note_last = stripped
        else:  # an earlier note resumed: it goes on while its lines run to the full width
            self.cut = (note, stripped, wrap) if self.note_line_full(stripped, wrap) else None
        return True

    def note_resumed(self, stripped: str) -> bool:
        """The last note left a bracket open and this line closes it (``（2025.2.1））。``):
        the note goes on here, wherever a page break put the rest of it."""
        if not self.wrapped or not self.notes or self.note is not None:
            return False
        note = self.notes[-1]
        text = note.text + "".join(note.more[-3:])
        if text.count("（") <= text.count("）") and text.count("『") <= text.count("』"):
            return False
        if stripped.count("）") + stripped.count("』") <= stripped.count("（") + stripped.count(
            "『"
        ):
            return False
        if len(stripped) > 40 or match_heading(stripped) is not None:
            return False
        note.extend(stripped)
        self.note_last = stripped
        return True

    # -- the main loop --------------------------------------------------------------------------

    def run(self) -> None:
        lines = self.lines
        i = 0
        n = len(lines)
        while i < n:
            line = lines[i].rstrip()
            stripped = line.strip()
            if not stripped:
                if lines[i]:
                    self.separator = True  # a whitespace-only line: a page's notes may follow
                self.blank(i)
                i += 1
                continue
            self.at = i
            nxt = self.line(i, line, stripped)
            for k in range(max(0, i - 3), max(0, nxt - 3)):
                lines[k] = ""  # read and no longer looked back at: let it go
            i = nxt

    def blank(self, i: int) -> None:
        self.blank_after_note = True
        if self.markdown and self.note is not None and self.note.style == "md":
            self.close_current()
            return  # an indented paragraph may follow: the note's next paragraph
        cur = self.current
        if (
            self.wrapped
            and not self.double
            and cur is not None
            and (ends_sentence(cur.last) or cur.kind != "paragraph")
            and not (
                # stray blank lines are the body's: a box set wider separates its paragraphs so
                self.stray
                and cur.kind == "paragraph"
                and self.ref(cur) <= self.flow + 1.5
                and not self.short_last(cur)
                and not self.room_after(cur, self.next_text(i))
            )
        ):
            self.close_current()
        if not self.wrapped:
            self.close_current()
            self.end_note()

    def line(self, i: int, line: str, stripped: str) -> int:
        """Read the non-blank line ``i``; return the index of the next line to read."""
        w = set_width(stripped) if self.wrapped else width(stripped)
        if self.markdown:
            nxt = self.markdown_block(i, line)
            if nxt is not None:
                return nxt
        if self.in_debris:
            if len(stripped) >= 60 and ends_sentence(stripped):
                self.in_debris = False
            else:
                return i + 1
        if starts_debris_section(stripped):
            self.in_debris = True
            self.close_current()
            return i + 1
        if stripped in self.headers and stripped not in self.headers_seen:
            self.headers_seen.add(stripped)
            if match_heading(stripped) is not None and not with_page_number(stripped):
                # a chapter title repeated as the running header: its first time is the title
                return self.line_after_debris(i, line, stripped, w)
        if is_debris(stripped) or stripped in self.headers or self.lone_running_head(i, stripped):
            if self.current is not None and self.current.unfinished():
                self.interrupted = True
            self.furniture_at = i
            if self.wrapped:
                self.end_note()  # the page ends: its notes go on only at the next page's foot,
                self.separator = False  # after the whitespace line that opens that foot
            return i + 1
        return self.line_after_debris(i, line, stripped, w)

    def lone_running_head(self, i: int, stripped: str) -> bool:
        """Words beside a number (``2　日本と北米の関係``) between the rows of a paragraph a
        page break cut mid-sentence, which runs on right after it: a running head, seen only
        once, never a section (a section does not open inside a sentence)."""
        cur = self.current
        if not (self.wrapped and with_page_number(stripped)) or cur is None:
            return False
        if any(mark in stripped for mark in "、。「（"):
            return False  # prose or a note, not a running head
        if cur.kind != "paragraph" or ends_sentence(cur.row) or not cur.unfinished():
            return False
        ref = self.ref(cur)
        if set_width(cur.row) < ref - 1.5:
            return False  # the row was not cut by the width
        nxt = self.next_text(i)
        return bool(nxt) and (
            abs(set_width(nxt) - ref) <= 1.5 or (ends_sentence(nxt) and set_width(nxt) <= ref + 1)
        )

    def markdown_block(self, i: int, line: str) -> int | None:
        """Markdown's own lines: a fenced code block, a setext underline, a thematic break, a
        footnote's indented or lazy continuation. The index after them, or None."""
        fenced = md.fence_end(self.lines, i)
        if fenced is not None:
            self.end_note()
            self.close_current()
            self.emit("code", fenced[1], closed=True)
            return fenced[0]
        note = self.note
        if (
            note is not None
            and note.style == "md"
            and match_definition(line, expect_bare=set()) is None
        ):
            if line.startswith(("    ", "\t")):
                note.extend(line.strip(), paragraph=self.blank_after_note)
                self.blank_after_note = False
                return i + 1
            if not self.blank_after_note and match_heading(line) is None and not _LIST.match(line):
                note.extend(line.strip())  # a lazy continuation line
                return i + 1
            self.end_note()
        level = md.setext_level(line)
        cur = self.current
        if level and cur is not None and cur.kind == "paragraph" and not cur.closed:
            text = cur.full()
            cur.kind = "heading"
            cur.level = self.outline.level_for(HeadingLine("md", None, text, level))
            cur.heading_style = "md"
            cur.closed = True
            self.current = None
            if not self.title and level == 1 and len(self.blocks) == 1:
                self.title = text
            return i + 1
        if md.is_break(line):
            self.close_current()
            return i + 1
        return None

    def numbered_run(self, i: int, stripped: str) -> bool:
        """Whether the line is one of adjacent lines labelled alike but for their number
        (``第1号議案　…`` / ``第2号議案　…``, ``その1　…`` / ``その2　…``): items of a list, however
        long each is (a short one was meta, a longer one a paragraph)."""
        own = _run_label(stripped)
        if own is None or has_sentence(stripped):
            return False
        for j in (i - 1, i + 1):
            if 0 <= j < len(self.lines):
                other = _run_label(self.lines[j].strip())
                if other is not None and other[0] == own[0] and other[1] != own[1]:
                    return True
        return False

    def line_after_debris(self, i: int, line: str, stripped: str, w: float) -> int:  # noqa: C901
        """The rules for a line that is not page furniture, in order of precedence."""
        if _NOTES_HEADING.match(stripped):
            self.notes_section = True  # endnotes follow: "1 …" lines are definitions
            self.heading(HeadingLine("plain", None, stripped))
            return i + 1
        expect = (
            self.expected_bare() if self.wrapped or self.notes_section else set()
        )
        d = match_definition(line, expect_bare=expect, next_bare=self.bare_last + 1)
        if d is not None and not self.rest_of_note(d):
            self.start_note(d[0], d[1], d[2], i, w)
            return i + 1
        if self.note is not None:
            if self.note_continues(line, w) and match_heading(line) is None:
                self.full_note_widths.setdefault(self.note_run, []).append(width(self.note_last))
                self.note_wrap = max(self.note_wrap, width(self.note_last))
                self.note.extend(stripped)
                self.note_last = stripped
                self.note_trailing = line.endswith(" ") or self.lines[i].endswith(" ")
                self.blank_after_note = False
                self.note_widths[self.note_run] = max(self.note_widths[self.note_run], w)
                return i + 1
            if self.note.style == "md" and line.startswith(("    ", "\t")):
                self.note.extend(stripped)
                return i + 1
            self.end_note()
        if line.startswith(" ") and not line.startswith("  "):
            self.separator = False
        if self.note_overflow(line, stripped, w) or self.note_resumed(stripped):
            return i + 1
        cur = self.current
        # PDF ruby: a kanji, then a line holding only its kana reading.
        if (
            cur is not None
            and cur.kind == "paragraph"
            and len(stripped) <= _RUBY_MAX
            and KANA_ONLY_RE.match(stripped)
            and any("\u3041" <= c <= "\u309f" for c in stripped)
            and is_kanji(cur.tail()[-1:])
        ):
            self.ruby(cur, stripped)
            return i + 1
        head_end = self.heading_span(i)
        if head_end is not None:
            end, head = head_end
            if head.style in ("double_angle", "angle") and KANA_ONLY_RE.match(
                head.text[1:-1].replace("・", "")
            ):
                self.close_current()  # 《やまもと・さこん》: a name's reading, not a section
                self.emit("meta", head.text, closed=True)
                return end
            self.heading(head)
            return end
        cap_end = self.caption_span(i)
        if cap_end is not None:
            text, self.caption_prefix = self.caption_prefix, ""
            for j in range(i, cap_end):
                text = join_lines(text, self.lines[j].strip())
            if self.current is not None and self.current.unfinished():
                self.interrupted = True
            self.emit("meta", text)
            return cap_end
        if is_meta(stripped):
            if self.current is not None and self.current.unfinished() and self.wrapped:
                self.interrupted = True
            else:
                self.close_current()
            self.emit("meta", stripped)
            return i + 1
        if ("\t" in stripped or stripped.startswith("|")) and self.table_row(i):
            return self.table(i)
        m = _QUOTE.match(line)
        if m and stripped.startswith(">"):
            body = line[m.end() :].strip()
            if self.current is not None and self.current.kind == "quote" and body:
                self.append(self.current, body, w)
            elif body:
                self.new_paragraph("quote", body, w)
            return i + 1
        if self.numbered_run(i, stripped):
            self.new_paragraph("list_item", stripped, w)
            return i + 1
        m = _LIST.match(line)
        if m and len(stripped) > 1 and not self.inside_open_paragraph(stripped):
            body = line[m.end() :].strip() if m.group("bullet") else line[m.start("num") :].strip()
            if m.group("bullet") and body.startswith(("・", "•")):
                body = body[1:].strip()
            self.new_paragraph("list_item", body, w)
            return i + 1
        split = self.glued_caption(i, stripped, w)
        if split is not None:
            stripped, self.caption_prefix = split
            w = width(stripped)
        return self.body(i, line, stripped, w)

    def glued_caption(self, i: int, stripped: str, w: float) -> tuple[str, str] | None:
        """A PDF row holding a body line and a photo caption's title (``…含む北日米首脳会談``)
        whose credit line ``（9月21日、…）`` follows: cut the row at the body's width."""
        if not self.wrapped or w <= self.flow + 3:
            return None
        for j in range(i + 1, min(i + 3, len(self.lines))):
            nxt = self.lines[j].strip()
            if nxt:
                if not (nxt.startswith(("（", "(")) and is_caption(nxt)):
                    return None
                break
        else:
            return None
        acc = 0.0
        for k, ch in enumerate(stripped):
            acc += width(ch)
            if acc > self.flow + 0.5:
                return stripped[:k], stripped[k:].strip()
        return None

    def ruby(self, cur: RawBlock, reading: str) -> None:
        run = 0
        tail = cur.tail()
        for ch in reversed(tail):
            if is_kanji(ch):
                run += 1
            else:
                break
        k = min(run, max(1, round(len(reading) / 2.5)))
        cur.set_tail(f"{tail[:-k]}｜{tail[-k:]}《{reading}》")
        cur.after_ruby = True

    def inside_open_paragraph(self, stripped: str, *, after_cut: bool = True) -> bool:
        """In a PDF, a full-width line while a paragraph is open is that paragraph's text,
        whatever it starts with (``①…``, ``（1）…``); so is a bullet line after one the page
        cut mid-sentence at the full width (``…宿では、秋`` / ``・冬の宿泊プラン…``). A
        heading there is not (``after_cut=False``): a column running on to the next page
        leaves its last line cut above the page's next heading."""
        cur = self.current
        return bool(
            self.wrapped
            and cur is not None
            and cur.kind == "paragraph"
            and cur.unfinished()
            and (
                cur.after_ruby
                or width(stripped) >= self.ref(cur) - 1.5
                or (after_cut and set_width(cur.row) >= self.ref(cur) - 1.5)
            )
        )

    def heading_span(self, i: int) -> tuple[int, HeadingLine] | None:
        line = self.lines[i].rstrip()
        if self.inside_open_paragraph(line.strip(), after_cut=False):
            return None  # a full line inside an open paragraph is text, not a heading
        if _ASCII_NUMBERED.match(line):
            return None  # "1. …" is a Markdown list item
        head = match_heading(line)
        if head is not None:
            return i + 1, head
        stripped = line.strip()
        # a bracketed heading wrapped onto a second line: 〈…連 / 携の重要性〉
        for open_, close in ("〈〉", "《》", "【】"):
            if stripped.startswith(open_) and close not in stripped and i + 1 < len(self.lines):
                joined = stripped + self.lines[i + 1].strip()
                head = match_heading(joined)
                if head is not None:
                    return i + 2, head
        return None

    def caption_span(self, i: int) -> int | None:
        """Lines i..j-1 form a photo caption (its last line carries the date/credit)."""
        first = self.lines[i].strip()
        if ends_sentence(first) or is_meta(first) or _LIST.match(self.lines[i]):
            return None
        if is_caption(first):
            return self.caption_tail(i)
        at_chunk_start = i == 0 or not self.lines[i - 1].strip()
        if not at_chunk_start:
            return None
        for j in range(i, min(i + 3, len(self.lines))):
            line = self.lines[j].strip()
            if line and is_caption(line):
                return self.caption_tail(j)
            # a caption's first lines are labels: never prose, never a line of the body's measure
            if (
                not line
                or ends_sentence(line)
                or has_sentence(line)
                or (self.wrapped and abs(set_width(line) - self.flow) <= 1.5)
            ):
                return None
        return None

    def caption_tail(self, j: int) -> int:
        """End of a caption whose line ``j`` opens a parenthesis closed on the next line."""
        text = self.lines[j]
        end = j + 1
        while text.count("（") > text.count("）") and end < min(j + 3, len(self.lines)):
            text += self.lines[end]
            end += 1
        return end

    def _cells(self, k: int) -> list[str] | None:
        """The cells of line ``k`` if it is a table row: tab-separated, or a ``| a | b |`` row."""
        if k < 0 or k >= len(self.lines):
            return None
        line = self.lines[k].strip()
        if line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
            return [c.strip() for c in line[1:-1].split("|")]
        parts = [c.strip() for c in line.split("\t")]
        return parts if len([c for c in parts if c]) >= 2 else None

    def table_row(self, i: int) -> bool:
        return self._cells(i) is not None and (
            self._cells(i + 1) is not None or self._cells(i - 1) is not None
        )

    def table(self, i: int) -> int:
        self.close_current()
        rows: list[list[str]] = []
        while i < len(self.lines):
            cells = self._cells(i)
            if cells is None:
                break
            if not all(_RULE_CELL.match(c) for c in cells):  # skip a Markdown |---|---| rule
                rows.append(cells)
            i += 1
        text = "\n".join("\t".join(r) for r in rows)
        self.emit("table", text, rows=rows, closed=True)
        return i

    def ref(self, block: RawBlock) -> float:
        if block.narrow:
            return block.maxw
        return block.maxw if block.nlines >= 2 else max(block.maxw, self.flow)

    def other_column(self, block: RawBlock) -> bool:
        """The paragraph is a box's: set narrower or wider than the body."""
        return block.narrow or (block.nlines >= 2 and block.maxw > _wide(self.flow))

    def label_in_flow(self, i: int, cur: RawBlock, stripped: str) -> bool:
        """A short label (no punctuation) after a row the width cut mid-sentence: a box's
        title or byline set where the paragraph runs on, never its next line."""
        return (
            cur.kind == "paragraph"
            and cur.unfinished()
            and not cur.after_ruby
            and width(stripped) < 0.6 * self.ref(cur)
            and not any(ch in stripped for ch in "、。，．「」（）()！？")
            and not KANA_ONLY_RE.match(stripped)
            and not self.room_after(cur, stripped)
            and not self.reading_after(i, stripped)
        )

    def narrow_column(self, i: int, stripped: str, w: float) -> float:
        """Lines well short of the measure that run on at one width: the text of a column set
        narrower than the body (an indented box). Its measure, or 0 (not a paragraph's last
        line, nor the body's)."""
        if not 12 <= w < self.flow - 3:
            return 0.0
        following = [x.strip() for x in self.lines[i + 1 : i + 6] if x.strip()][:3]
        if not following or self.furniture_like(following[0]):
            return 0.0
        if ends_sentence(following[0]):
            # the column's second row ends a sentence: where this row runs on into it, one
            # short (its indent), and the rows after it run on at its width, that is the
            # column's measure (its first sentence ended at the edge)
            if (
                len(following) < 3
                or ends_sentence(stripped)
                or not set_width(following[0]) - 2 <= w <= set_width(following[0])
                or ends_sentence(following[1])
                or self.furniture_like(following[1])
            ):
                return 0.0
            if abs(set_width(following[0]) - set_width(following[1])) > 1.5:
                return 0.0
            following = following[1:]
        measure = set_width(following[0])
        if not 12 <= measure < self.flow - 3:
            return 0.0
        if (
            len(following) > 1
            and not ends_sentence(following[1])
            and abs(set_width(following[1]) - measure) > 1.5
            # a closing 、 set inside the measure (not hanging past it) counts
            and abs(set_width(following[1], hanging=False) - measure) > 1.5
        ):
            return 0.0  # not one measure
        # this one is as wide, or shorter where it ends a sentence (a first line with
        # half-width figures, set loose)
        # a first line set loose: it ends a sentence, or holds half-width figures (only where
        # the column is clearly narrower, not a body line short of its estimate)
        loose = ends_sentence(stripped) or (
            measure < self.flow - 5 and bool(_HALF_WIDTH.search(stripped))
        )
        fits = abs(measure - w) <= 1.5 or (loose and measure - 4 <= w <= measure + 1.5)
        return measure if fits and match_heading(stripped) is None else 0.0

    def body(self, i: int, line: str, stripped: str, w: float) -> int:
        cur = self.current
        trailing = self.lines[i][-1:] in (" ", "\t")
        if not self.wrapped:
            return self.body_unwrapped(i, line, stripped, w)
        page_start = line.startswith(" ") and not line.startswith("  ")
        indented = line.startswith("\u3000")
        if cur is None and not (page_start or indented) and self.full_after_page_break(i, stripped):
            self.append(self.blocks[-1], stripped, w, trailing)
            return i + 1
        if (
            cur is not None
            and cur.kind == "list_item"
            and not indented
            and not self.interrupted
            and not cur.closed
            and (cur.unfinished() or w <= cur.maxw)
        ):
            self.append(cur, stripped, w, trailing)
            return i + 1
        if (
            cur is not None
            and cur.kind == "paragraph"
            and not cur.after_ruby
            and not cur.fragment
            and not has_sentence(cur.last)
            and cur.nlines == 1
            and width(cur.last) < self.ref(cur) - max(1.5, 0.1 * self.ref(cur))
            and not any(ch.isascii() for ch in cur.last)
        ):
            # text that flows never leaves its first line short: that was a title or a byline
            cur.kind = "meta"
            cur.closed = True
            self.current = cur = None
        if cur is not None and self.label_in_flow(i, cur, stripped):
            self.emit("meta", stripped, closed=True)  # the paragraph stays open past it
            return i + 1
        # the column's rows, or its next paragraph after the blank line that closed the last
        column = self.closed_column() if cur is None else cur if cur.narrow else None
        in_column = column is not None and abs(w - self.ref(column) + 0.75) <= 2.25
        # the column's next paragraph: its first row is one short of the column's measure (a
        # wider one, ending a sentence, is the body's last row)
        column_row = in_column and column is not None and w <= self.ref(column) - 0.5
        in_column = in_column and (cur is not None or column_row)
        measure = 0.0 if in_column else self.narrow_column(i, stripped, w)
        if in_column and cur is None and column is not None:
            measure = self.ref(column)  # the column's next paragraph, never the body's rest
        if measure:
            block = self.body_paragraph(stripped, w, trailing)  # the body's waits for it
            block.narrow, block.maxw = True, max(w, measure)
            return i + 1
        if cur is not None and cur.kind in ("paragraph", "quote") and not indented:
            short_end = ends_sentence(cur.last) and (
                self.short_last(cur) or self.room_after(cur, stripped)
            )
            if short_end and self.pushed_over(cur, i, stripped):
                short_end = False
            if self.end_marked and ends_sentence(cur.last):
                short_end = not cur.runs_on  # the file marks where a paragraph ends
            fits = w <= self.ref(cur) + tolerance(stripped, cur.maxw, cur.nlines, cur.last)
            if (
                not fits
                and cur.nlines == 1
                and self.flow + 1.5 < cur.maxw < w < self.page_width + 2
            ):
                fits = True  # a wide column's first line (set loose): its next line sets the width
            if self.interrupted and not (w >= self.ref(cur) - 3 or ends_sentence(stripped)):
                fits = False  # after a page's notes, a short line is a running footer
            if fits and self.too_long_for(cur, stripped):
                fits = False
            if fits and cur.unfinished() and not cur.after_ruby and self.labels_ahead(i, cur):
                # short lines ending nothing, set apart by a blank line: a box's title and
                # byline where its text runs on to a later page, not the text's next line
                self.close_current()
                j = i
                while j < len(self.lines) and self.lines[j].strip():
                    self.emit("meta", self.lines[j].strip(), closed=True)
                    j += 1
                return j
            # after a sentence's end, a line set one space in (the extractor kept the indent)
            # or one character short (it dropped it) is a new paragraph's first line
            new_start = (
                ends_sentence(cur.last)
                and not cur.runs_on
                and (page_start or self.indented_start(cur, stripped, i))
            )
            if cur.after_ruby or (not short_end and fits and not new_start):
                self.append(cur, stripped, w, trailing)
                return i + 1
        if not indented and (
            page_start
            or self.interrupted
            or (cur is not None and cur.unfinished())
            # after a box, a caption or a page's notes, a pending paragraph goes on
            or (
                self.pending
                and (
                    cur is None
                    or cur.closed
                    or cur.kind != "paragraph"
                    or (not cur.unfinished() and self.other_column(cur))
                )
            )
        ):
            fitting = [
                cand
                for cand in reversed(self.pending + ([cur] if cur is not None else []))
                if cand is not cur
                and cand.kind == "paragraph"
                and cand.unfinished()
                and (
                    self.ref(cand) - 3 <= w <= self.ref(cand) + 1.5
                    # a short last row; not a row at the column's width after the column's
                    # paragraph ended (the column's next paragraph)
                    or (ends_sentence(stripped) and w <= self.ref(cand) + 1.5 and not column_row)
                )
            ]
            if fitting:  # the one whose measure the line fills best, else the latest
                best = min(
                    fitting, key=lambda c: abs(self.ref(c) - w) if w >= self.ref(c) - 3 else 9
                )
                self.append(best, stripped, w, trailing)
                return i + 1
        if not in_column and self.standalone_short(i, w):
            self.close_current()
            self.emit("meta", stripped)
            return i + 1
        block = self.body_paragraph(stripped, w, trailing)
        if in_column and column is not None:  # the column's next paragraph
            block.narrow, block.maxw = True, max(w, self.ref(column))
        return i + 1

    def body_paragraph(self, stripped: str, w: float, trailing: bool) -> RawBlock:
        block = self.new_paragraph("paragraph", stripped, w)
        block.trail_space = trailing
        block.runs_on = self.end_marked and not trailing
        return block

    def closed_column(self) -> RawBlock | None:
        """The last block, where it is a narrow column's paragraph a blank line closed."""
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last.kind == "paragraph" and last.narrow and last.closed:
            return last
        return None

    def row_measure(self, row: str, w: float) -> float:
        """The measure a row shows: where lines are set exactly, a row one character over it
        that holds punctuation (which may be set half-width: ``…ここにいる！」``) is full, not
        a wider measure."""
        full = self.measure_cells
        if (
            full >= 12
            and full_width_cells(row) == full + 1
            and any(ch in "、。，．「」『』（）！？・" for ch in row)
        ):
            return min(w, float(full))
        return w

    def full_after_page_break(self, i: int, stripped: str) -> bool:
        """Where lines are set exactly, the last paragraph's last row filled the measure with a
        sentence's end and a page break came (its furniture, its notes): a line filling the
        measure is that paragraph's next row, never a first line (one short, by its indent)."""
        full = self.measure_cells
        last = self.blocks[-1] if self.blocks else None
        if full < 12 or self.end_marked or not self.indented_firsts:
            return False  # only where first rows are told by their indent
        if last is None or last.kind != "paragraph":
            return False
        if not (last.closed and last.spans and last.spans[-1][1] < self.furniture_at < i):
            return False
        if not ends_sentence(last.last) or abs(self.ref(last) - self.flow) > 1.5:
            return False

        def fills(row: str) -> bool:
            cells = full_width_cells(row)
            return cells == full or (cells == full + 1 and row.endswith(("。", "、")))

        return fills(last.row) and fills(stripped)

    def pushed_over(self, cur: RawBlock, i: int, stripped: str) -> bool:
        """The last row ends a sentence only one character short, and the next line is full:
        where first lines are set one short, that row lost a character to the next one (a
        character that may not start a line takes the one before it along: 追い出し), and
        the paragraph goes on."""
        ref = self.ref(cur)
        if set_width(cur.row, hanging=False) < ref - 2.05:
            return False  # short by more than one character
        if not self.indented_firsts or cur.nlines < 2 or ends_sentence(stripped):
            return False
        cells = full_width_cells(stripped)
        if cells is not None and self.measure_cells >= 12:
            return cells == self.measure_cells
        nxt = self.next_text(i)
        return set_width(stripped) >= ref - 1.5 and not (nxt and has_room(stripped, nxt, ref))

    def short_last(self, cur: RawBlock) -> bool:
        """The paragraph's last line stops short of its measure."""
        measure = self.ref(cur) - (1 if cur.nlines == 1 else 0)  # a first line's is one less
        return set_width(cur.row, hanging=False) < measure - 1.5 or self.exactly_short(cur, cur.row)

    def next_text(self, i: int) -> str:
        """The next non-blank line after line ``i`` (within a few), or ""."""
        return next((x.strip() for x in self.lines[i + 1 : i + 4] if x.strip()), "")

    def room_after(self, cur: RawBlock, nxt: str) -> bool:
        """The next line's first character would have fitted on the paragraph's last line: the
        width did not cut it (a first line's measure is taken one short, for its indent)."""
        measure = self.ref(cur) - (1 if cur.nlines == 1 else 0)
        return has_room(cur.row, nxt, measure)

    def exactly_short(self, cur: RawBlock, line: str) -> bool:
        """Where body lines are set exactly to the page's measure, a line even one character
        short of it (a sentence's end) is a paragraph's last."""
        cells = full_width_cells(line)
        indent = 1 if cur.nlines == 1 else 0  # a first line is one short by its lost indent
        return (
            cells is not None
            and self.measure_cells >= 12
            and cells < self.measure_cells - indent
            and abs(self.ref(cur) - self.flow) <= 1.5
            and not any(n > self.measure_cells for n in cur.cell_counts)
        )

    def labels_ahead(self, i: int, cur: RawBlock) -> bool:
        """After a full line, lines ``i``… are one to three short labels (no punctuation, not
        a ruby line), then a blank line and page furniture (the box's own markers)."""
        limit = self.ref(cur) - 3
        if abs(set_width(cur.row) - self.ref(cur)) > 1.5:
            return False
        for j in range(i, min(i + 4, len(self.lines))):
            s = self.lines[j].strip()
            if not s:
                if j == i:
                    return False
                after = next((x.strip() for x in self.lines[j : j + 4] if x.strip()), "")
                return bool(after) and (is_debris(after) or after in self.headers)
            if (
                width(s) >= limit
                or any(ch in s for ch in "、。，．「」（）()！？")
                or KANA_ONLY_RE.match(s)
            ):
                return False
        return False

    def too_long_for(self, cur: RawBlock, stripped: str) -> bool:
        """Where a paragraph's lines are set exactly, a line longer than its measure belongs to
        something else (one character more is allowed where punctuation may be set half-width
        or hang past the measure: ``…となった。特に…``)."""
        cells = full_width_cells(stripped)
        if cells is None or not cur.cell_counts:
            return False
        full = self.measure_cells  # only a body paragraph, set to the page's measure
        if full < 12 or max(cur.cell_counts) > full or abs(self.ref(cur) - self.flow) > 1.5:
            return False
        return cells > full + (1 if any(ch in "。、，．「」『』（）・" for ch in stripped) else 0)

    def indented_start(self, cur: RawBlock, stripped: str, i: int | None = None) -> bool:
        """After a full line that ends a sentence, a line exactly one character short of the
        paragraph's full lines starts a new paragraph (its indent was lost in extraction).

        Only in a paragraph whose lines are set exactly (two or more at the full count, none
        one short), and not inside an open quotation.
        """
        if not ends_sentence(cur.last):
            return False
        if i is not None and not ends_sentence(stripped) and self.room_before(i, cur, stripped):
            return self.quotes_closed(cur)
        full = max(cur.cell_counts) if cur.cell_counts else 0
        if full < 12 or cur.cell_counts[full] < 2:
            full = self.measure_cells  # too few lines of its own: the page's measure
        if full < 12 or cur.cell_counts.get(full - 1) or any(n > full for n in cur.cell_counts):
            return False
        last = full_width_cells(cur.row)
        hanging = last is not None and last == full + 1 and cur.row.endswith(("。", "、"))
        if full_width_cells(stripped) != full - 1 or (last != full and not hanging):
            return False
        if ends_sentence(stripped) and i is not None and self.first_line_at(i + 1, cur, full):
            return False  # the next line opens a paragraph: this one was the last of its own
        return self.quotes_closed(cur)

    def first_line_at(self, j: int, cur: RawBlock, full: int) -> bool:
        """The next body line from ``j`` is a paragraph's first (one character short of the
        measure without ending a sentence)."""
        nxt = self.next_text(j - 1)
        if not nxt or ends_sentence(nxt) or full_width_cells(nxt) != full - 1:
            return False
        after = self.next_text(next(k for k in range(j, len(self.lines)) if self.lines[k].strip()))
        return not starts_pushed(after)  # one short because it gave a character to the next

    def quotes_closed(self, cur: RawBlock) -> bool:
        text = cur.full()  # rarely reached: only on a line one character short
        return text.count("「") <= text.count("」")

    def room_before(self, i: int, cur: RawBlock, stripped: str) -> bool:
        """Line ``i`` left room for the first character of the body line after it: it was set
        short of the measure without ending — a first line, one short by its lost indent."""
        stripped, after = self.ruby_row(i, stripped)
        for j in range(after, min(after + 3, len(self.lines))):
            nxt = self.lines[j].strip()
            if not nxt:
                continue
            ref = self.ref(cur)
            if (
                abs(set_width(nxt) - ref) > 1.5
                and not (ends_sentence(nxt) and set_width(nxt) < ref)
            ) or self.furniture_like(nxt):
                return False
            return has_room(stripped, nxt, ref)
        return False

    def reading_after(self, i: int, line: str) -> bool:
        """A ruby line (a kanji's reading) follows line ``i``, after at most a blank one."""
        if not is_kanji(line[-1:]):
            return False
        k = i + 1 + (1 if i + 1 < len(self.lines) and not self.lines[i + 1].strip() else 0)
        reading = self.lines[k].strip() if k < len(self.lines) else ""
        return bool(reading) and len(reading) <= _RUBY_MAX and bool(KANA_ONLY_RE.match(reading))

    def ruby_row(self, i: int, row: str) -> tuple[str, int]:
        """Line ``i`` and, where ruby lines cut its row (``…以`` / ``かず`` / `` `` / ``下の…``),
        the rest of the row after each reading; and the index of the line after the row."""
        j = i + 1
        while is_kanji(row[-1:]):
            k = j + (1 if j < len(self.lines) and not self.lines[j].strip() else 0)
            reading = self.lines[k].strip() if k < len(self.lines) else ""
            if not (reading and len(reading) <= _RUBY_MAX and KANA_ONLY_RE.match(reading)):
                break
            k += 1
            if k < len(self.lines) and not self.lines[k].strip():
                k += 1
            if k >= len(self.lines) or not self.lines[k].strip():
                break
            rest = self.lines[k].strip()
            if set_width(row + rest) > self.flow + 1.5:
                break  # the kanji ended its row: the next line is the next row
            row, j = row + rest, k + 1
        return row, j

    def furniture_like(self, s: str) -> bool:
        """A line that is not body text: page furniture, a caption, a heading, a note."""
        return bool(
            is_debris(s)
            or s in self.headers
            or is_caption(s)
            or is_meta(s)
            or match_heading(s) is not None
            or match_definition(s, expect_bare={1, self.bare_last + 1}) is not None
        )

    def standalone_short(self, i: int, w: float) -> bool:
        """A short line that is not the end of a paragraph: a column title, a byline."""
        stripped = self.lines[i].strip()
        if has_sentence(stripped) or w >= self.flow - 3:
            return False
        prev_blank = i == 0 or not self.lines[i - 1].strip()
        nxt = self.lines[i + 1].strip() if i + 1 < len(self.lines) else ""
        nxt_short = bool(nxt) and width(nxt) < self.flow - 3 and not KANA_ONLY_RE.match(nxt)
        return (prev_blank and not nxt) or (prev_blank and nxt_short and not ends_sentence(nxt))

    def subheading(self, i: int, stripped: str) -> bool:
        """An unnumbered web subheading: a short phrase between paragraphs, followed by one."""
        if self.markdown or not 2 <= len(stripped) <= 25 or has_sentence(stripped):
            return False
        if any(ch in stripped for ch in "、，,「」") or stripped.startswith(("（", "(")):
            return False
        if not self.blocks or self.blocks[-1].kind not in ("paragraph", "list_item", "table"):
            return False
        for j in range(i + 1, min(i + 6, len(self.lines))):
            nxt = self.lines[j].strip()
            if not nxt or is_debris(nxt):
                continue
            return len(nxt) >= 40 and ends_sentence(nxt) and match_heading(nxt) is None
        return False

    def body_unwrapped(self, i: int, line: str, stripped: str, w: float) -> int:
        cur = self.current
        prev = None
        for block in reversed(self.blocks[-6:]):  # past a table or caption inside the paragraph
            inset = block.kind == "table" or (
                block.kind == "meta" and (is_meta(block.full()) or is_caption(block.full()))
            )
            if not inset:
                prev = block
                break
        # a paragraph a web page broke in two (…しばし / る。例えば…, …2024年大統領 / 選挙での…)
        if (
            prev is not None
            and prev.kind == "paragraph"
            and not ends_sentence(prev.last)
            and (prev.nlines > 1 or len(prev.raw) >= 20 or continues_after_sentence(prev.last))
            and (
                _HIRAGANA_START.match(stripped)
                or (
                    (len(prev.last) >= 40 or continues_after_sentence(prev.last))
                    and _WORD_END.search(prev.last)
                    and len(stripped) >= 20
                )
            )
        ):
            self.append(prev, stripped, w)
            return i + 1
        if (
            cur is not None
            and cur.kind == "list_item"
            and not cur.closed
            and (
                self.markdown
                or stripped.startswith(("http://", "https://", "<http", "www."))
                or (not ends_sentence(cur.last) and _CONTINUES.match(stripped))
            )
        ):
            self.append(cur, stripped, w)  # the item's URL or the rest of its sentence
            return i + 1
        if self.markdown and cur is not None and cur.kind in ("paragraph", "quote"):
            self.append(cur, stripped, w, self.lines[i].endswith(" "))
            return i + 1
        if self.subheading(i, stripped):
            self.heading(HeadingLine("plain", None, stripped))
            return i + 1
        if (
            not self.markdown
            and len(stripped) <= 15
            and not has_sentence(stripped)
            and not stripped.startswith(("「", "（"))
        ):
            self.close_current()
            self.emit("meta", stripped)
            return i + 1
        self.new_paragraph("paragraph", stripped, w)
        if not self.markdown:
            self.close_current()
        return i + 1


def assemble(lines: list[str], *, markdown: bool = False) -> Assembled:
    """Read ``lines`` (sanitised, without newlines) into raw blocks and footnote definitions.

    In Markdown, consecutive lines form one paragraph (a blank line ends it).
    """
    prepared = md.prepare(lines) if markdown else md.Prepared()
    metadata = dict(prepared.metadata)
    page_facts.page_dates(lines, metadata)  # a page's statements about itself: metadata
    page_facts.profile_box(lines, metadata)
    if not markdown:
        lines = unfold_columns(lines)
    wrapped, flow = (False, 0.0) if markdown else is_wrapped(lines)
    reader = _Reader(lines, wrapped=wrapped, flow=flow, markdown=markdown)
    reader.metadata = metadata
    if not markdown and (not wrapped or _starts_with_title(lines, flow)):
        _title_and_byline(reader)
    reader.run()
    for note in reader.notes:
        note.finish()
    blocks = _boxes(_regroup_columns(reader.blocks, flow), flow) if wrapped else reader.blocks
    if wrapped:
        place_markers(blocks, reader.notes)
    if reader.stated:  # the page's header repeated further down (a scraper's duplicate)
        blocks = [b for b in blocks if not (b.kind == "meta" and b.full() in reader.stated)]
    title = reader.title or own_title((b.kind, b.heading_style, b.full()) for b in blocks)
    return Assembled(title, blocks, reader.notes, reader.metadata, prepared.labels)


def _wide(flow: float) -> float:
    """Lines wider than this belong to a column set wider than the body (a box): three
    characters past the measure, more than its half-width letters and a hanging mark reach."""
    return max(flow + 3, 1.08 * flow)


def _regroup_columns(blocks: list[RawBlock], flow: float) -> list[RawBlock]:
    """A column (a box set wider than the body) that a page break left among the body's
    paragraphs is put back after the rest of its column."""
    wide = _wide(flow)
    out: list[RawBlock] = []
    last_wide = -1
    for block in blocks:
        is_wide = block.kind == "paragraph" and block.nlines >= 2 and block.maxw > wide
        prev = out[-1] if out else None
        stray = (
            is_wide
            and prev is not None
            and not (prev.kind == "paragraph" and prev.maxw > wide)
            and prev.kind in ("paragraph", "heading")
            and last_wide >= 0
            and len(out) - last_wide <= 30
        )
        if stray:
            out.insert(last_wide + 1, block)
            last_wide += 1
            continue
        out.append(block)
        if is_wide:
            last_wide = len(out) - 1
    return out


def _is_label(block: RawBlock, flow: float) -> bool:
    """A short line set apart that names something: not prose, not a caption or a date."""
    text = block.full()
    return (
        block.kind == "meta"
        and block.heading_style != "box"  # a box's own byline, already placed
        and width(text) <= 30
        and not has_sentence(text)
        and "、" not in text
        and not is_caption(text)
        and not is_meta(text)
    )


def _boxes(blocks: list[RawBlock], flow: float) -> list[RawBlock]:
    """A box (a column set wider or narrower than the body) with its title and byline — put
    after its text by the extractor, or before it (a framed box's title bar): the title
    becomes the box's heading, before its text, with the byline under it; the box moves to
    the end of the section it sits in, so the section's body is not cut by it and the box
    nests in the outline under that section."""
    wide = _wide(flow)

    def is_column(b: RawBlock) -> bool:
        return b.kind == "paragraph" and (b.narrow or (b.nlines >= 2 and b.maxw > wide))

    out = list(blocks)
    k = 0
    while k < len(out):
        if not _is_label(out[k], flow):
            k += 1
            continue
        labels = [k]
        while (
            len(labels) < 3 and labels[-1] + 1 < len(out) and _is_label(out[labels[-1] + 1], flow)
        ):
            labels.append(labels[-1] + 1)
        after = labels[-1] + 1
        if k > 0 and is_column(out[k - 1]):  # the text, then its title
            start = k - 1
            while start > 0 and (is_column(out[start - 1]) or out[start - 1].kind == "meta"):
                start -= 1
            while out[start].kind == "meta":  # captions before the box's text stay there
                start += 1
            text, rest = out[start:k], out[:start] + out[after:]
        elif after < len(out) and is_column(out[after]):  # a title bar, then the text
            start, end = k, after
            while end < len(out) and is_column(out[end]):
                end += 1
            text, rest = out[after:end], out[:start] + out[end:]
        else:
            k = after
            continue
        title, byline = box_title([out[j].full() for j in labels])
        head = RawBlock("heading", title, closed=True)
        bylines = [RawBlock("meta", b, closed=True, heading_style="box") for b in byline]
        out = nest_box(rest, start, [head, *bylines, *text])
        k = start + 1  # what followed the box now follows its place; the box is done
    return out


def _starts_with_title(lines: list[str], flow: float) -> bool:
    """A PDF whose first line is a short title (not a heading, note or sentence) set apart."""
    idx = [i for i, line in enumerate(lines[:40]) if line.strip()]
    if len(idx) < 2:
        return False
    first = lines[idx[0]].strip()
    return (
        width(first) < 0.8 * flow
        and not ends_sentence(first)
        and not continues_after_sentence(first)
        and match_heading(first) is None
        and match_definition(first, expect_bare={1}) is None
        and not is_debris(first)
        and (idx[1] > idx[0] + 1 or width(lines[idx[1]].strip()) < 0.8 * flow)
    )


def _flows_on(first: str, lines: list[str], idx: list[int]) -> bool:
    """A long first line with a clause break (、) that runs straight on into another long line
    is the start of the prose, not a title (a title is set apart or followed by short lines)."""
    if len(first) < 30 or "、" not in first or len(idx) < 2 or idx[1] != idx[0] + 1:
        return False
    nxt = lines[idx[1]].strip()
    return len(nxt) >= 30 and not _LIST.match(nxt) and match_heading(nxt) is None


def _title_and_byline(reader: _Reader) -> None:
    """A web page or plain note: its first short line is the title, short lines after a byline."""
    lines = reader.lines
    idx = [i for i, line in enumerate(lines[:4000]) if line.strip()]
    while len(idx) > 1 and is_debris(lines[idx[0]]) and not reader.wrapped:
        idx.pop(0)  # breadcrumbs and the like above a web page's title
    if not idx:
        return
    first = lines[idx[0]].strip()
    if len(first) > 60 or ends_sentence(first) or continues_after_sentence(first):
        return
    if match_heading(first) is not None or _flows_on(first, lines, idx):
        return
    if is_debris(first) or is_meta(first) or _LIST.match(first) or "\t" in first or "|" in first:
        return
    reader.emit("heading", first, level=1, heading_style="title", closed=True)
    reader.title = first
    reader.outline = Outline(base_level=2)
    consumed = idx[0] + 1
    for i in idx[1:6]:  # a byline: short lines right under the title
        line = lines[i].strip()
        if not page_facts.byline_candidate(line):
            break
        if is_debris(line):
            consumed = i + 1
            continue
        if page_facts.byline(line, reader.metadata):
            reader.stated.add(line)  # into metadata; a repeat of it later goes too
        else:
            reader.emit("meta", line, closed=True)
        consumed = i + 1
    reader.lines = [""] * consumed + lines[consumed:]
