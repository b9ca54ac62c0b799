"""A layout generator and scorer for the importer: a document's true structure, rendered as
the text a PDF extractor or a web page scraper produces, then imported and compared.

A :class:`Doc` is the truth: headings (level, text), paragraphs (with footnote markers at
offsets), boxes (a titled column with its own paragraphs and notes). ``render(doc, style)``
sets it in one of :data:`STYLES` — the five seed styles and others — the way the two PDF
seeds show an extraction comes out: lines cut anywhere at one measure, a paragraph's first
line one character short (its lost indent), a closing 。 hanging past the measure, a character
that may not start a line taking the one before it along (追い出し), an opening bracket never
ending one; markers set small (taking no width) wherever the line breaks, even at a line's
start; page numbers, running heads (one that changes per chapter, with the page number),
footnote blocks at a page's foot or head, long notes running over lines and across page
breaks (with the extractor's blank lines between them), captions, boxes set wider or
indented with their title after or before their text, ruby readings on lines of their own,
blank lines inside paragraphs, a page's first line one space in, double spacing with a
paragraph's end marked by a space, two columns printed side by side; web chrome:
breadcrumbs, dates, "back to top", contact blocks, related lists, profile boxes, social
links — and records that furniture as debris. :func:`score` imports the rendering and
measures headings (F1 and levels), footnote links, whole paragraphs (all, and the hard ones:
cut by a page break, a column break, a footnote block, a caption, a ruby line, a stray blank
line or a box) and debris left in the text.

Used by the unit tests (with snippets written for them) and by ``python -m benchmarks
import_layouts`` (with sentences from the bench texts); nothing here knows the importer's
rules.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from store.importer import import_text
from store.model import Document

KATA = "アイウエオカキクケコ"
ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
KANJI_NUM = "一二三四五六七八九十"
FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


# -- the truth ---------------------------------------------------------------------------------


@dataclass
class Para:
    """A paragraph; ``notes`` are ``(offset, text)``: a marker after ``text[offset - 1]``."""

    text: str
    notes: list[tuple[int, str]] = field(default_factory=list)
    kind: str = "paragraph"  # or "list_item"


@dataclass
class Heading:
    level: int  # 1 = the outermost section (not the document title)
    text: str  # without numbering; the style numbers it


@dataclass
class Box:
    """A column set apart: its title and byline head it; its notes are numbered apart."""

    title: str
    byline: str
    paras: list[Para]


Item = Heading | Para | Box


@dataclass
class Doc:
    title: str
    author: str
    items: list[Item]
    date: str = "2025年2月7日"


@dataclass
class Rendered:
    """A rendering and what it should import as."""

    text: str
    headings: list[tuple[int, str]]  # (level, text with its numbering), boxes' titles included
    paras: list[str]  # every paragraph's text, markers removed
    hard: set[int]  # indexes into ``paras`` that a layout cut or interrupted
    notes: list[tuple[int, int, str]]  # (paragraph index, offset, note text)
    debris: list[str]
    metadata: dict[str, str] = field(default_factory=dict)
    box_quotes: list[tuple[str, str]] = field(default_factory=list)  # (box title, a sentence)
    captions: list[str] = field(default_factory=list)  # meta lines, never inside a paragraph
    suffix: str = ".txt"


# -- helpers -----------------------------------------------------------------------------------

#: While a paragraph is wrapped, each note marker is one private-use placeholder: set small
#: above the line, it takes no width, and it is never split from itself.
_PLACEHOLDER = 0xE000


def _is_placeholder(ch: str) -> bool:
    return _PLACEHOLDER <= ord(ch) < _PLACEHOLDER + 0x1000


def _width(text: str) -> float:
    """Printed width in ems (a note marker's placeholder takes none; Greek and Cyrillic are
    full width in a Japanese font, other alphabets proportional, about half)."""
    return sum(
        0.0
        if _is_placeholder(ch)
        else 0.55
        if ord(ch) < 0x2000 and not 0x370 <= ord(ch) < 0x530
        else 1.0
        for ch in text
    )


_TOKENS = re.compile(r"[0-9]+|.", re.S)
#: Closing marks (and spaces) hang past the line's end (ぶら下げ); the others that may not
#: start a line take the character before them to the next line (追い出し).
_HANGS = "。、）」』 \u3000"
_NO_LINE_START = "・ー々ゝゞっゃゅょぁぃぅぇぉゎァィゥェォッャュョヮヵヶ！？：；〕】』」）"


def wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """Cut ``text`` into lines of ``width`` ems (the first ``first``), anywhere, as a PDF does."""
    lines: list[str] = []
    line = ""
    used = 0.0
    limit = first if first is not None else width
    for ch in _TOKENS.findall(text):  # a number is never cut
        w = _width(ch)
        if used + w > limit and line and ch not in _HANGS:
            carried = ""
            if ch in _NO_LINE_START and len(line) > 1:  # 行頭禁則: push the last one over
                line, carried = line[:-1], line[-1]
            while len(line) > 1 and line[-1] in "「『（【〈《":  # 行末禁則: an opening bracket
                line, carried = line[:-1], line[-1] + carried  # goes on with what it opens
            lines.append(line)
            line, used = carried, _width(carried)
            limit = width
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines


def display_cells(text: str) -> int:
    """Terminal cells: what ``pdftotext -layout`` pads to (a full-width character is two)."""
    return sum(1 if ord(ch) < 0x1100 or 0xFF61 <= ord(ch) <= 0xFF9F else 2 for ch in text)


def number(style: str, n: int) -> str:
    """The numbering a style gives the ``n``-th (1-based) heading of a level."""
    if style == "num":
        return f"{n} "
    if style == "fullnum":
        return f"{n}．".translate(FULL_DIGITS)
    if style == "paren":
        return f"（{n}）"
    if style == "fullparen":
        return f"（{n}）".translate(FULL_DIGITS)
    if style == "kata":
        return f"{KATA[n - 1]}\u3000"
    if style == "parenkata":
        return f"（{KATA[n - 1]}）"
    if style == "roman":
        return f"{ROMAN[n - 1]}\u3000"
    if style == "kanji":
        return f"{KANJI_NUM[n - 1]}、"
    if style == "part":
        return f"第{n}部\u3000"
    if style == "chapter":
        return f"第{n}章\u3000"
    if style == "angle":
        return ""
    return ""


def numbered(doc: Doc, styles: list[str]) -> dict[int, str]:
    """Each heading's text with its numbering (by position in ``doc.items``)."""
    counters = [0] * 8
    out: dict[int, str] = {}
    for i, item in enumerate(doc.items):
        if isinstance(item, Heading):
            counters[item.level - 1] += 1
            for k in range(item.level, len(counters)):
                counters[k] = 0
            style = styles[min(item.level, len(styles)) - 1]
            text = item.text
            if style == "angle":
                out[i] = f"〈{text}〉"
            elif style == "double_angle":
                out[i] = f"《{text}》"
            elif style == "bracket":
                out[i] = f"【{text}】"
            else:
                out[i] = number(style, counters[item.level - 1]) + text
    return out


class _Truth:
    """Collects the truth while a style renders."""

    def __init__(self) -> None:
        self.headings: list[tuple[int, str]] = []
        self.paras: list[str] = []
        self.hard: set[int] = set()
        self.notes: list[tuple[int, int, str]] = []
        self.debris: list[str] = []
        self.box_quotes: list[tuple[str, str]] = []
        self.captions: list[str] = []

    def para(self, para: Para) -> int:
        self.paras.append(para.text)
        index = len(self.paras) - 1
        for offset, text in para.notes:
            self.notes.append((index, offset, text))
        return index

    def done(self, text: str, **kw: object) -> Rendered:
        return Rendered(
            text,
            self.headings,
            self.paras,
            self.hard,
            self.notes,
            self.debris,
            box_quotes=self.box_quotes,
            captions=self.captions,
            **kw,  # type: ignore[arg-type]
        )


def with_markers(para: Para, marker: Callable[[int], str], first: int) -> tuple[str, int]:
    """The paragraph's text with its note markers (numbered from ``first``)."""
    out = []
    pos = 0
    n = first
    for offset, _ in sorted(para.notes):
        out.append(para.text[pos:offset])
        out.append(marker(n))
        n += 1
        pos = offset
    out.append(para.text[pos:])
    return "".join(out), n


# -- PDF styles --------------------------------------------------------------------------------


@dataclass
class PdfStyle:
    name: str
    width: int  # body line width in ems
    page_lines: int  # body lines per page (per column)
    heading_styles: list[str]
    marker: Callable[[int], str]  # footnote marker in the text
    note_def: Callable[[int, str], list[str]]  # definition lines of note n
    notes_at: str = "foot"  # "foot": after the page's body; "head": before it
    double: bool = False  # a blank line after every line
    page_start_space: bool = False  # the extractor's single space on a page's first line
    first_short: bool = True  # a paragraph's first line one character short (lost indent)
    #: running header of page n (given the chapter heading open there); "" for none
    header: Callable[[int, str], str] | None = None
    header_at: str = "foot"  # "foot": under the page's notes; "head": above its body
    page_number: Callable[[int], str] | None = None
    box_width: int = 0  # boxes set this wide (narrower: indented; 0: in the flow, titled 【】)
    box_title_first: bool = False  # a framed box's title bar comes out before its text
    captions: bool = False
    trailing_space: bool = False  # a space after a paragraph's last line (and a heading)
    indent: str = ""  # what a paragraph's first line starts with (the extracted indent)
    stray_blanks: float = 0.0  # a blank line inside a paragraph (the extractor's block splits)
    ruby: float = 0.0  # a line's kanji with its reading set apart as lines of their own
    notes_cut: float = 0.0  # a page's last note running on at the next page's foot
    columns: int = 1  # 2: two columns side by side, as ``pdftotext -layout`` prints them


@dataclass
class _Row:
    """One body line of the page stream."""

    text: str
    owner: int = -1  # the paragraph it belongs to (-1: a heading or a blank line)
    notes: list[int] = field(default_factory=list)  # notes whose markers are on it
    inset: bool = False  # a caption or a box's line: set where it lands, not a body line
    level: int = 0  # a heading's level
    chapter: str = ""  # the outermost heading open here


_READINGS = ["れん", "けん", "あぶ", "きずな", "ぎ", "おん", "ばや", "し", "かず", "き", "ちょう"]


def _placed(para: Para, first: int) -> tuple[str, list[int]]:
    """The paragraph's text with a placeholder at each note marker (numbered from ``first``)."""
    out, pos, numbers = [], 0, []
    for k, (offset, _) in enumerate(sorted(para.notes)):
        out += [para.text[pos:offset], chr(_PLACEHOLDER + first + k)]
        numbers.append(first + k)
        pos = offset
    out.append(para.text[pos:])
    return "".join(out), numbers


def _shown(line: str, marker: Callable[[int], str]) -> tuple[str, list[int]]:
    """A wrapped line with its placeholders set as markers, and the notes they mark."""
    numbers = [ord(ch) - _PLACEHOLDER for ch in line if _is_placeholder(ch)]
    for n in numbers:
        line = line.replace(chr(_PLACEHOLDER + n), marker(n))
    return line, numbers


def _ruby(text: str, rng: random.Random) -> list[str]:
    """A row whose kanji carries a reading: PDF extractors put the reading on a line of its
    own (with a blank line before or after it) and the rest of the row after it."""
    spots = [k for k in range(1, len(text)) if "\u4e00" <= text[k] <= "\u9fff"]
    if not spots:
        return [text]
    k = rng.choice(spots)
    reading = rng.choice(_READINGS)
    head, rest = text[: k + 1], text[k + 1 :]
    lines = [head, reading, ""] if rng.random() < 0.5 else [head, "", reading]
    return lines + ([rest] if rest else [])


def _pdf(doc: Doc, style: PdfStyle, rng: random.Random) -> Rendered:
    truth = _Truth()
    heads = numbered(doc, style.heading_styles)
    rows: list[_Row] = []
    inserts: list[tuple[int, list[str], str]] = []  # (body row, lines to set there, kind)
    note_text: dict[int, str] = {}
    next_note = 1
    chapter = ""

    def body_para(item: Para) -> None:
        nonlocal next_note
        index = truth.para(item)
        text, numbers = _placed(item, next_note)
        for n, (_, note) in zip(numbers, sorted(item.notes), strict=True):
            note_text[n] = note
        next_note += len(numbers)
        first = style.width - 1 if style.first_short else style.width
        lines = wrap(text, style.width, first)
        for k, line in enumerate(lines):
            shown, marked = _shown(line, style.marker)
            if k == 0:
                shown = style.indent + shown
            if k + 1 == len(lines) and style.trailing_space:
                shown += " "
            rows.append(_Row(shown, index, marked, chapter=chapter))

    for i, item in enumerate(doc.items):
        if isinstance(item, Heading):
            text = heads[i]
            truth.headings.append((item.level, text))
            chapter = text if item.level == 1 else chapter
            line = text
            if style.name == "white_paper" and item.level == 1:
                num, _, rest = text.partition(" ")
                line = f" \t{num}\t\t{num}\t {rest}"  # the tabbed form of the sections
            if rng.random() < 0.5:
                rows.append(_Row("", chapter=chapter))
            tail = " " if style.trailing_space else ""
            for part in wrap(line, style.width + 2) if "〈" in line else [line]:
                rows.append(_Row(part + tail, level=item.level, chapter=chapter))
        elif isinstance(item, Para):
            body_para(item)
            if style.captions and rng.random() < 0.3:
                cap = f"会談に臨む代表団（{rng.randint(1, 12)}月{rng.randint(1, 28)}日、東京）"
                inserts.append((len(rows) + rng.randint(2, 6), [cap], "caption"))
        elif not style.box_width:  # a box in the flow: a bracketed title, then its text
            title = f"【{item.title}】"
            truth.headings.append((0, title))
            rows.append(_Row(title, chapter=chapter))
            for para in item.paras:
                truth.box_quotes.append((title, para.text))
                body_para(para)
        else:
            inserts.append((len(rows) + rng.randint(3, 8), _pdf_box(item, style, truth), "box"))
    # set captions and boxes inside whatever paragraph runs there
    at = {k: (lines, kind) for k, lines, kind in inserts}
    laid: list[_Row] = []
    for k, row in enumerate(rows):
        if k in at:
            lines, kind = at.pop(k)
            if row.owner >= 0 and k > 0 and rows[k - 1].owner == row.owner:
                truth.hard.add(row.owner)
            if kind == "caption":
                truth.captions.append(lines[0])
            laid += [_Row(x, inset=True, chapter=row.chapter) for x in lines]
        laid.append(row)
    for lines, _kind in at.values():
        laid += [_Row(x, inset=True, chapter=chapter) for x in lines]
    # pages: body lines fill a page; a box or a caption sits whole on the page it lands on
    per_page = style.page_lines * style.columns
    pages: list[list[_Row]] = [[]]
    count = 0
    for row in laid:
        if not row.inset:
            if count == per_page:
                pages.append([])
                count = 0
            count += 1
        pages[-1].append(row)
    out: list[str] = []
    carried: list[str] = []  # the end of a note the last page cut
    for p, chunk in enumerate(pages, start=1):
        body = [r for r in chunk if not r.inset]
        numbers = [n for r in chunk for n in r.notes]
        notes = carried + [x for n in numbers for x in style.note_def(n, note_text[n])]
        carried = []
        if numbers and p < len(pages) and rng.random() < style.notes_cut:
            last = style.note_def(numbers[-1], note_text[numbers[-1]])
            if len(last) >= 2:  # the page's last note runs on at the next page's foot
                keep = rng.randint(1, len(last) - 1)
                carried = last[keep:]
                notes = notes[: len(notes) - len(last) + keep]
        chapter = body[0].chapter if body else ""
        opens_chapter = next((r.level == 1 for r in body if r.text.strip()), False)
        header = style.header(p, chapter) if style.header is not None else ""
        if header and style.header_at == "head" and opens_chapter:
            header = ""  # a chapter's first page carries no running head
        if header:
            truth.debris.append(header)
        page_lines: list[str] = []
        if header and style.header_at == "head":
            page_lines += [header, ""]
        if style.notes_at == "head" and notes:
            page_lines += notes + [""]
        if style.columns == 2:
            page_lines += _side_by_side(chunk, style)
        else:
            page_lines += _page_body(chunk, style, rng, truth)
        if style.notes_at == "foot" and notes:
            page_lines += [" "] + notes
        if header and style.header_at == "foot":
            page_lines.append(header)
        if style.page_number is not None:
            page_lines.append(style.page_number(p))
        for line in page_lines:
            out.append(line)
            if style.double:
                out.append("")
        out.append("")
        # a paragraph running over this page break (or column break) is a hard one
        if p < len(pages):
            nxt = [r for r in pages[p] if not r.inset]
            if body and nxt and body[-1].owner >= 0 and body[-1].owner == nxt[0].owner:
                truth.hard.add(body[-1].owner)
        if style.columns == 2 and len(body) > style.page_lines:
            a, b = body[style.page_lines - 1], body[style.page_lines]
            if a.owner >= 0 and a.owner == b.owner:
                truth.hard.add(a.owner)
    return truth.done("\n".join(out) + "\n")


def _page_body(
    chunk: list[_Row], style: PdfStyle, rng: random.Random, truth: _Truth
) -> list[str]:
    """A page's body lines as an extractor gives them: the page's first line one space in,
    readings set apart, blank lines where the extractor split a paragraph's text block."""
    lines: list[str] = []
    first = True
    for k, row in enumerate(chunk):
        text = row.text
        if row.inset:
            lines.append(text)
            continue
        if first and text and style.page_start_space:
            text = " " + text
        first = first and not text
        cut = row.owner >= 0 and k + 1 < len(chunk) and chunk[k + 1].owner == row.owner
        if row.owner >= 0 and style.ruby and rng.random() < style.ruby:
            lines += _ruby(text, rng)
            truth.hard.add(row.owner)
        else:
            lines.append(text)
        if row.owner >= 0 and k + 1 < len(chunk) and rng.random() < style.stray_blanks:
            lines.append("")
            if cut:
                truth.hard.add(row.owner)
    return lines


def _side_by_side(chunk: list[_Row], style: PdfStyle) -> list[str]:
    """Two columns printed side by side (``pdftotext -layout``): each output line holds the
    left column's line, spaces up to the gutter, then the right column's line."""
    left, right = chunk[: style.page_lines], chunk[style.page_lines :]
    gutter = 2 * style.width + 6
    lines = []
    for k in range(max(len(left), len(right))):
        a = left[k].text.rstrip() if k < len(left) else ""
        b = right[k].text.strip() if k < len(right) else ""
        lines.append(a + " " * (gutter - display_cells(a)) + b if b else a)
    return lines


def _pdf_box(box: Box, style: PdfStyle, truth: _Truth) -> list[str]:
    """A column: its text set wider, its title and byline after it (as extractors give them),
    its own notes numbered from 1 after it."""
    truth.headings.append((0, box.title))  # level 0: a box's heading, nested where it sits
    lines: list[str] = []
    first_note = 1
    defs: list[str] = []
    for para in box.paras:
        text, numbers = _placed(para, first_note)
        index = truth.para(para)
        truth.hard.add(index)
        tail = " " if style.trailing_space else ""  # the paragraph's (and note's) end mark
        for n, (_, note) in zip(numbers, sorted(para.notes), strict=True):
            defs += wrap(f"{n}  {note}", style.box_width + 12)
            defs[-1] += tail
        first_note += len(numbers)
        truth.box_quotes.append((box.title, para.text))
        lines += [_shown(x, str)[0] for x in wrap(text, style.box_width, style.box_width - 1)]
        lines[-1] += tail
        lines.append("")
    if style.box_title_first:  # a framed box: its title bar, then its text
        return [box.title, box.byline, ""] + lines + defs
    lines += [box.title, box.byline, "", "コラム", "－", "", "C O L U M N", ""]
    truth.debris += ["C O L U M N"]
    lines += defs
    return lines


def _white_paper_note(n: int, text: str) -> list[str]:
    """``(n)<TAB> text``, a long note wrapped at the page's width with the extractor's blank
    line between its lines."""
    lines = wrap(f"({n})\t {text}", 62)
    return [x for k, line in enumerate(lines) for x in ([line] if k == 0 else ["", line])]


def _spaced(text: str) -> str:
    """Half-width runs set apart by spaces, as a report's notes extract (``2021 年``)."""
    return re.sub(r"(?<=[^\x00-\x7f])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=[^\x00-\x7f])", " ", text)


def _report_note(width: int, *, spaced: bool = False, sep: str = " ") -> Callable[[int, str], list[str]]:
    def note(n: int, text: str) -> list[str]:
        lines = wrap(f"{n}{sep}{_spaced(text) if spaced else text}", width)
        lines[-1] += " " if spaced else ""
        return lines

    return note


PDF_STYLES: dict[str, PdfStyle] = {
    # 外交青書-like: a narrow column, tabbed section numbers, 〈〉 headings, (n) notes at the
    # page's head (long ones wrapped with a blank line between), photo captions, columns set
    # wide with their title after their text, ruby set apart, blank lines where the extractor
    # split a text block, a page's first line one space in
    "white_paper": PdfStyle(
        "white_paper",
        21,
        36,
        ["num", "paren", "kata", "parenkata"],
        marker=lambda n: f"({n})",
        note_def=_white_paper_note,
        notes_at="head",
        box_width=40,
        captions=True,
        page_start_space=True,
        stray_blanks=0.06,
        ruby=0.02,
    ),
    # 立法と調査-like: wide lines, double-spaced, a paragraph's first line one character short
    # and its last followed by a space, the page's first line one space in, notes at
    # the page foot after a whitespace line (half-width runs spaced, a space after each) and
    # cut by page breaks, a running footer beside the page number on some pages, a framed
    # box set indented (narrower than the body) with its title first
    "report": PdfStyle(
        "report",
        43,
        30,
        ["fullnum", "fullparen"],
        marker=lambda n: str(n),
        note_def=_report_note(50, spaced=True),
        double=True,
        page_start_space=True,
        header=lambda p, _c: "国際問題調査　2024.9　No.518" if p % 2 == 0 else "",
        page_number=lambda p: str(40 + p),
        trailing_space=True,
        box_width=36,
        box_title_first=True,
        notes_cut=0.3,
    ),
    # a bulletin with Roman-numeral parts and 一、 sections, "- n -" page numbers and a running
    # header on every page
    "bulletin": PdfStyle(
        "bulletin",
        30,
        28,
        ["roman", "fullnum", "paren"],
        marker=lambda n: str(n),
        note_def=_report_note(36),
        header=lambda p, _c: "経済調査月報　2024.9　No.518",
        page_number=lambda p: f"- {p} -",
        box_width=38,
        stray_blanks=0.03,
        notes_cut=0.2,
    ),
    # a book: 第N章 chapters, a running head that changes with the chapter (the page number
    # beside it; the book's title on even pages), none on a chapter's first page, long notes
    # at the page foot ("1　…") running over several lines and across page breaks, a box set
    # indented with its title after its text
    "book": PdfStyle(
        "book",
        34,
        32,
        ["chapter", "fullnum", "paren"],
        marker=lambda n: str(n),
        note_def=_report_note(40, sep="\u3000"),
        header=lambda p, c: f"{p}\u3000日本と北米の関係" if p % 2 == 0 else f"{c}\u3000{p}",
        header_at="head",
        notes_cut=0.3,
        box_width=28,
    ),
    # two columns that ``pdftotext -layout`` prints side by side, notes across the page's
    # foot, a centred page number, a box in the flow under a bracketed title
    "two_column": PdfStyle(
        "two_column",
        20,
        34,
        ["num", "paren"],
        marker=lambda n: str(n),
        note_def=_report_note(44),
        page_number=lambda p: " " * 40 + str(p),
        columns=2,
    ),
}


# -- web styles --------------------------------------------------------------------------------


def _web(doc: Doc, kind: str, rng: random.Random) -> Rendered:
    truth = _Truth()
    out: list[str] = []
    meta: dict[str, str] = {}
    styles = {
        "web_article": ["double_angle", "bracket"],
        "press_release": ["num", "paren"],
        "journal_web": ["num", "paren"],
        "web_chrome": ["bracket", "num"],
    }[kind]
    heads = numbered(doc, styles)
    if kind == "web_chrome":
        crumbs = "ホーム ＞ 国際情勢 ＞ 解説記事"
        out += [crumbs, ""]
        truth.debris.append(crumbs)
    out += ["", doc.title, ""]
    if kind == "press_release":
        out += ["2.7 (金) 18:30", "", doc.date, ""]
    if kind == "journal_web":
        out += [doc.author, "", "Yamada Taro", ""]
        meta["author"] = doc.author
    if kind == "web_chrome":
        out += [f"公開日：{doc.date}", f"最終更新日：{doc.date}", ""]
        truth.debris += [f"公開日：{doc.date}", f"最終更新日：{doc.date}"]
        meta["date"] = doc.date
    notes: list[str] = []
    next_note = 1
    for i, item in enumerate(doc.items):
        if isinstance(item, Heading):
            truth.headings.append((item.level, heads[i]))
            out += [heads[i], ""]
        elif isinstance(item, Para):
            text, nxt = with_markers(item, lambda n: f"[^{n}]", next_note)
            for n, (_, note) in zip(range(next_note, nxt), sorted(item.notes), strict=True):
                notes.append(f"[^{n}]: {note}")
            next_note = nxt
            truth.para(item)
            prefix = "- " if item.kind == "list_item" else ""
            out += [prefix + text, ""]
            if kind == "press_release" and rng.random() < 0.2:
                cap = "会談に臨む両首脳 (写真提供:内閣広報室)"
                out += [cap, ""]
        else:  # a box on the web: its title as a heading, then its text
            truth.headings.append((0, f"【{item.title}】"))
            out += [f"【{item.title}】", ""]
            for para in item.paras:
                text, nxt = with_markers(para, lambda n: f"[^{n}]", next_note)
                for n, (_, note) in zip(range(next_note, nxt), sorted(para.notes), strict=True):
                    notes.append(f"[^{n}]: {note}")
                next_note = nxt
                truth.para(para)
                out += [text, ""]
    out += notes + [""]
    if kind == "web_article":
        profile = [
            "前衆議院議員",
            "",
            doc.author,
            "",
            f"{doc.author}の活動はこちら",
            "",
            "HP YouTube Twitter Facebook Instagram",
            "",
            "《やまだ・たろう》",
            "",
            "東京都出身。1970年生まれ。大学卒業後、民間企業勤務を経て政界へ。",
        ]
        out += profile
        truth.debris += [
            "活動はこちら",
            "HP YouTube",
            "《やまだ・たろう》",
            "東京都出身。1970年生まれ",
        ]
        meta["author"] = doc.author
    if kind == "web_chrome":
        chrome = [
            "",
            "この記事を書いた人",
            doc.author,
            "国際政治を専門とする研究員。著書に『外交の現在』など。",
            "",
            "関連記事",
            "・日米首脳会談の成果と課題",
            "・インド太平洋の安全保障",
            "",
            "X（旧Twitter）でシェア",
            "Facebookでシェア",
            "",
            "このページに関するお問い合わせ",
            "国際情勢研究所　広報課",
            "電話：03-1234-5678",
            "",
            "ページの先頭へ戻る",
        ]
        out += chrome
        truth.debris += [
            "この記事を書いた人",
            "国際政治を専門とする研究員",
            "日米首脳会談の成果と課題",
            "でシェア",
            "このページに関するお問い合わせ",
            "広報課",
            "03-1234-5678",
            "ページの先頭へ戻る",
        ]
        meta["author"] = doc.author
    return truth.done("\n".join(out) + "\n", metadata=meta, suffix=".txt")


STYLES = [
    "white_paper",
    "report",
    "bulletin",
    "book",
    "two_column",
    "web_article",
    "press_release",
    "journal_web",
    "web_chrome",
]


def render(doc: Doc, style: str, seed: int = 0) -> Rendered:
    rng = random.Random(seed)
    if style in PDF_STYLES:
        return _pdf(doc, PDF_STYLES[style], rng)
    return _web(doc, style, rng)


# -- scoring -----------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u3000]+")


def _norm(text: str) -> str:
    return _SPACES.sub("", text)


@dataclass
class Score:
    heading_f1: float
    levels: float  # matched headings whose level keeps the true nesting
    footnotes: float
    paragraphs: float
    hard: float
    debris: list[str]
    metadata: float
    box_cited: float

    def ok(self, threshold: float = 0.95, hard: float = 0.80) -> bool:
        return (
            self.heading_f1 >= threshold
            and self.footnotes >= threshold
            and self.paragraphs >= threshold
            and self.hard >= hard
            and not self.debris
        )


def score(rendered: Rendered, doc: Document | None = None) -> Score:
    doc = doc or import_text(rendered.text, suffix=rendered.suffix)
    blocks = doc.blocks
    # headings: text F1 (the title heading aside), levels by nesting
    got = [(b.level, _norm(b.text)) for b in blocks if b.kind == "heading"]
    got = [g for g in got if g[1] != _norm(doc.title)]
    want = [(lvl, _norm(t)) for lvl, t in rendered.headings]
    hit = sum((Counter(t for _, t in want) & Counter(t for _, t in got)).values())
    precision = hit / len(got) if got else 1.0
    recall = hit / len(want) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    level_of = dict((t, lvl) for lvl, t in got)
    good = total = 0
    for (l1, t1), (l2, t2) in zip(want, want[1:], strict=False):
        if l1 and l2 and t1 in level_of and t2 in level_of:
            total += 1
            good += (l1 < l2) == (level_of[t1] < level_of[t2]) and (l1 == l2) == (
                level_of[t1] == level_of[t2]
            )
    levels = good / total if total else 1.0
    # paragraphs: whole, as one block
    texts = {_norm(b.text) for b in blocks if b.kind in ("paragraph", "list_item", "quote")}
    whole = [_norm(p) in texts for p in rendered.paras]
    paragraphs = sum(whole) / len(whole) if whole else 1.0
    hard = [whole[i] for i in rendered.hard if i < len(whole)]
    hard_score = sum(hard) / len(hard) if hard else 1.0
    # footnotes: a ref at the marker's place to a note with the true text
    notes = {f.id: _norm(f.text) for f in doc.footnotes}
    by_text = {_norm(b.text): b for b in blocks}
    linked = 0
    for index, offset, text in rendered.notes:
        block = by_text.get(_norm(rendered.paras[index]))
        if block is None:
            continue
        for ref in block.refs:
            if notes.get(ref.footnote_id) == _norm(text) and abs(ref.offset - offset) <= 1:
                linked += 1
                break
    footnotes = linked / len(rendered.notes) if rendered.notes else 1.0
    # debris: furniture left anywhere in the text
    base = _norm(doc.base_text)
    debris = [d for d in rendered.debris if _norm(d) in base]
    prose = "\n".join(_norm(b.text) for b in blocks if b.kind != "meta")
    debris += [c for c in rendered.captions if _norm(c) in prose]
    meta_hits = sum(1 for k, v in rendered.metadata.items() if doc.metadata.get(k) == v)
    metadata = meta_hits / len(rendered.metadata) if rendered.metadata else 1.0
    cited = 0
    for title, sentence in rendered.box_quotes:
        at = doc.base_text.find(sentence)
        if at >= 0:
            chain = [h.text for h in doc.section_of(doc.locate(at)[0])]
            cited += bool(chain) and _norm(chain[-1]) == _norm(title)
    box_cited = cited / len(rendered.box_quotes) if rendered.box_quotes else 1.0
    return Score(f1, levels, footnotes, paragraphs, hard_score, debris, metadata, box_cited)
