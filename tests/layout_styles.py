"""A layout generator and scorer for the importer: a document's true structure, rendered as
the text a PDF extractor or a web page scraper produces, then imported and compared.

A :class:`Doc` is the truth: headings (level, text), paragraphs (with footnote markers at
offsets), boxes (a titled column with its own paragraphs and notes). ``render(doc, style)``
sets it in one of :data:`STYLES` — the five seed styles and others — adding what such a
layout adds (page numbers, running headers, footnote blocks at page feet, captions, boxes
set wider, ruby lines, double spacing, a first line one character short; web chrome:
breadcrumbs, dates, "back to top", contact blocks, related lists, profile boxes, social
links) and recording that furniture as debris. :func:`score` imports the rendering and
measures headings (F1 and levels), footnote links, whole paragraphs (all, and the hard ones:
cut by a page break, a footnote block, a caption or a box, or after 、) and debris left in
the text.

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


def _width(text: str) -> float:
    """Printed width in ems; a footnote marker is set small above the line and takes none."""
    return sum(0.55 if ord(ch) < 0x2000 else 1.0 for ch in _MARKERS.sub("", text))


_MARKERS = re.compile(r"\(\d+\)|\[\^\d+\]|(?<=[^\x00-\x7f])[0-9]{1,2}(?=[^\x00-\x7f年月日])")


_TOKENS = re.compile(r"\(\d+\)|\[\^\d+\]|[0-9]+|.", re.S)


def wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """Cut ``text`` into lines of ``width`` ems (the first ``first``), anywhere, as a PDF does."""
    lines: list[str] = []
    line = ""
    limit = first if first is not None else width
    for ch in _TOKENS.findall(text):  # a footnote marker or a number is never cut
        if _width(line + ch) > limit and not (ch in "。、）」』" and line):
            lines.append(line)  # a closing mark hangs at the line's end (ぶら下げ)
            line = ""
            limit = width
        line += ch
    if line:
        lines.append(line)
    return lines


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
    page_lines: int  # body lines per page
    heading_styles: list[str]
    marker: Callable[[int], str]  # footnote marker in the text
    note_def: Callable[[int, str], list[str]]  # definition lines of note n
    notes_at: str = "foot"  # "foot": after the page's body; "head": before it
    double: bool = False  # a blank line after every line
    page_start_space: bool = False  # the extractor's single space on a page's first line
    first_short: bool = True  # a paragraph's first line one character short (lost indent)
    header: Callable[[int], str] | None = None  # running header/footer of page n
    page_number: Callable[[int], str] | None = None
    box_width: int = 0  # boxes set this wide (0: no boxes in this style)
    captions: bool = False
    trailing_space: bool = False  # a space after a paragraph's last line
    indent: str = ""  # what a paragraph's first line starts with (the extracted indent)


def _pdf(doc: Doc, style: PdfStyle, rng: random.Random) -> Rendered:
    truth = _Truth()
    heads = numbered(doc, style.heading_styles)
    # the body as (line, owner paragraph or -1, notes defined on this line's page)
    body: list[tuple[str, int, list[str]]] = []
    inserts: list[tuple[int, list[str], str]] = []  # (body line, lines to set there, kind)
    next_note = 1
    for i, item in enumerate(doc.items):
        if isinstance(item, Heading):
            text = heads[i]
            truth.headings.append((item.level, text))
            line = text
            if style.name == "white_paper" and item.level == 1:
                num, _, rest = text.partition(" ")
                line = f" \t{num}\t\t{num}\t {rest}"  # the tabbed form of the sections
            if rng.random() < 0.5:
                body.append(("", -1, []))
            for part in wrap(line, style.width + 2) if "〈" in line else [line]:
                body.append((part, -1, []))
        elif isinstance(item, Para):
            text, nxt = with_markers(item, style.marker, next_note)
            index = truth.para(item)
            first = style.width - 1 if style.first_short else style.width
            lines = wrap(text, style.width, first)
            lines[0] = style.indent + lines[0]
            defs = {
                n: style.note_def(n, note)
                for n, (_, note) in zip(range(next_note, nxt), sorted(item.notes), strict=True)
            }
            next_note = nxt
            for k, line in enumerate(lines):
                here = [d for n, ls in defs.items() if style.marker(n) in line for d in ls]
                if k + 1 == len(lines) and style.trailing_space:
                    line += " "
                body.append((line, index, here))
            if style.captions and rng.random() < 0.3:
                cap = f"会談に臨む代表団（{rng.randint(1, 12)}月{rng.randint(1, 28)}日、東京）"
                inserts.append((len(body) + rng.randint(2, 6), [cap], "caption"))
        else:
            inserts.append((len(body) + rng.randint(3, 8), _pdf_box(item, style, truth), "box"))
    # set captions and boxes inside whatever paragraph runs there
    at = {k: (lines, kind) for k, lines, kind in inserts}
    laid: list[tuple[str, int, list[str], bool]] = []  # (line, owner, notes, furniture)
    for k, (line, owner, notes) in enumerate(body):
        if k in at:
            lines, kind = at.pop(k)
            if owner >= 0 and k > 0 and body[k - 1][1] == owner:
                truth.hard.add(owner)
            if kind == "caption":
                truth.captions.append(lines[0])
            laid += [(x, -1, [], True) for x in lines]
        laid.append((line, owner, notes, False))
    for lines, _kind in at.values():
        laid += [(x, -1, [], True) for x in lines]
    # pages: body lines fill a page; a box or a caption sits whole on the page it lands on
    pages: list[list[tuple[str, int, list[str], bool]]] = [[]]
    count = 0
    for entry in laid:
        if not entry[3]:
            if count == style.page_lines:
                pages.append([])
                count = 0
            count += 1
        pages[-1].append(entry)
    out: list[str] = []
    for p, chunk in enumerate(pages, start=1):
        notes = [n for _, _, ns, _ in chunk for n in ns]
        page_lines: list[str] = []
        if style.notes_at == "head" and notes:
            page_lines += notes + [""]
        for k, (line, _owner, _, _) in enumerate(chunk):
            page_lines.append(" " + line if k == 0 and style.page_start_space and line else line)
        if style.notes_at == "foot" and notes:
            page_lines += [" "] + notes
        if style.header is not None and style.header(p):
            page_lines.append(style.header(p))
            truth.debris.append(style.header(p))
        if style.page_number is not None:
            page_lines.append(style.page_number(p))
        for line in page_lines:
            out.append(line)
            if style.double:
                out.append("")
        out.append("")
        # a paragraph running over this page break is a hard one
        if p < len(pages):
            last = [e for e in chunk if not e[3]]
            first = [e for e in pages[p] if not e[3]]
            if last and first and last[-1][1] >= 0 and last[-1][1] == first[0][1]:
                truth.hard.add(last[-1][1])
    return truth.done("\n".join(out) + "\n")


def _pdf_box(box: Box, style: PdfStyle, truth: _Truth) -> list[str]:
    """A column: its text set wider, its title and byline after it (as extractors give them),
    its own notes numbered from 1 after it."""
    truth.headings.append((0, box.title))  # level 0: a box's heading, nested where it sits
    lines: list[str] = []
    first_note = 1
    defs: list[str] = []
    for para in box.paras:
        text, nxt = with_markers(para, lambda n: str(n), first_note)
        index = truth.para(para)
        truth.hard.add(index)
        for n, (_, note) in zip(range(first_note, nxt), sorted(para.notes), strict=True):
            defs.append(f"{n}  {note}")
        first_note = nxt
        truth.box_quotes.append((box.title, para.text))
        lines.extend(wrap(text, style.box_width, style.box_width - 1))
        lines.append("")
    lines += [box.title, box.byline, "", "コラム", "－", "", "C O L U M N", ""]
    truth.debris += ["C O L U M N"]
    lines += defs
    return lines


def _white_paper_note(n: int, text: str) -> list[str]:
    return [f"({n})\t {text}"]


def _report_note(width: int) -> Callable[[int, str], list[str]]:
    def note(n: int, text: str) -> list[str]:
        return wrap(f"{n} {text}", width)

    return note


PDF_STYLES: dict[str, PdfStyle] = {
    # 外交青書-like: a narrow column, tabbed section numbers, 〈〉 headings, (n) notes at the
    # page's head, photo captions, columns set wide with their title after their text
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
    ),
    # 立法と調査-like: wide lines, double-spaced, the page's first line one space in, notes at
    # the page foot after a whitespace line and cut by page breaks, running footer + page no.
    "report": PdfStyle(
        "report",
        43,
        30,
        ["fullnum", "fullparen"],
        marker=lambda n: str(n),
        note_def=_report_note(50),
        double=True,
        page_start_space=True,
        first_short=False,
        header=lambda p: "国際問題調査　2024.9　No.518" if p % 2 == 0 else "",
        page_number=lambda p: str(40 + p),
        trailing_space=True,
        indent=" ",
        box_width=50,
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
        header=lambda p: "経済調査月報　2024.9　No.518",
        page_number=lambda p: f"- {p} -",
        box_width=38,
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
            "お問い合わせ",
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
