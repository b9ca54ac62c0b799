"""Render a known document structure (an ``inspect --json`` model) into PDF, HTML, EPUB and
Word (``.docx``).

The tests import what these write and compare the result with the structure they started
from. The PDF is set the way printed Japanese reports are: Mincho body type with a one-em
first-line indent, justified lines; headings in a bold Gothic, larger by level; footnote
markers raised in small type and the notes at the foot of their page; a running head and a
printed page number (starting at ``first_page``) in the margins; captions and credits in
smaller type; list items with a bullet and a hanging indent; tables as rows of cells.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

MINCHO = "HeiseiMin-W3"
GOTHIC = "HeiseiKakuGo-W5"
for _face in (MINCHO, GOTHIC):
    if _face not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_face))

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 60.0, 535.0, 772.0, 70.0
BODY, LEADING = 10.5, 17.0
NOTE, NOTE_LEADING = 8.0, 11.5
META = 9.0
HEADING_SIZE = {1: 16.0, 2: 13.5, 3: 12.0, 4: 11.5, 5: 11.5, 6: 11.5}
BOX_PAD = 10.0
_NUMBERED = re.compile(r"^(?:[①-⑳]|[0-9]{1,2}[.．]\s|[(（][a-z][)）])")


def note_label(note_id: str) -> str:
    """What a note's marker prints: ``(3)`` for the text's own notes, ``1`` for ``2-1`` (a
    box's notes, numbered apart in the style white papers use)."""
    number = note_id.split("-")[-1].rstrip("'")
    return number if "-" in note_id else f"({number})"


@dataclass
class _Token:
    text: str
    font: str
    size: float
    ruby: str = ""  # reading over the whole token
    marker: str = ""  # a note label raised after the token
    note: str = ""  # that note's id

    def width(self) -> float:
        return pdfmetrics.stringWidth(self.text, self.font, self.size)


@dataclass
class _Page:
    notes: list[tuple[str, str]] = field(default_factory=list)  # (label, text)


class PdfWriter:
    """Lays out blocks page by page, keeping each page's notes at its foot."""

    def __init__(
        self,
        path: Path,
        notes: dict[str, str],
        *,
        first_page: int = 1,
        header: str = "",
        ragged: int = 0,
    ) -> None:
        #: ``ragged``: lines cut at that many characters, neither justified nor indented, and
        #: paragraphs set apart by a blank half line (as a word processor's export looks).
        self.ragged = ragged
        self.c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
        self.notes = notes
        self.number = first_page
        self.header = header
        self.y = TOP
        self.page = _Page()
        #: The measure lines are set to: the page's, or a box's inside its frame.
        self.left, self.right = LEFT, RIGHT
        #: Where the open box's frame starts on this page (None: no box open).
        self.box_top: float | None = None
        #: The printed number of the page the last block set started on.
        self.started = str(first_page)

    # -- pages --------------------------------------------------------------------------------

    def notes_height(self, notes: list[tuple[str, str]]) -> float:
        if not notes:
            return 0.0
        lines = sum(len(self._wrap_plain(text, NOTE, RIGHT - LEFT - 2 * NOTE)) for _, text in notes)
        return 10 + lines * NOTE_LEADING

    def room(self, height: float, extra_notes: list[tuple[str, str]]) -> bool:
        bottom = BOTTOM + self.notes_height(self.page.notes + extra_notes)
        return self.y - height >= bottom

    def new_page(self) -> None:
        boxed = self.box_top is not None
        if boxed:
            self.end_box()  # a box running on is framed on each page it takes
        self.finish_page()
        self.y = TOP
        self.page = _Page()
        if boxed:
            self.begin_box()

    def finish_page(self) -> None:
        c = self.c
        y = BOTTOM + self.notes_height(self.page.notes) - 10
        if self.page.notes:
            c.line(LEFT, y + 6, LEFT + 120, y + 6)
        for label, text in self.page.notes:
            rows = _wrap(_tokens(text, MINCHO, NOTE), RIGHT - LEFT - 2 * NOTE)
            for k, row in enumerate(rows):
                y -= NOTE_LEADING
                c.setFont(MINCHO, NOTE)
                if k == 0:
                    c.drawString(LEFT, y + 2, label)
                self._draw_tokens(row, LEFT + 2 * NOTE, y + 2, RIGHT if k < len(rows) - 1 else None)
        if self.header:
            c.setFont(MINCHO, 8)
            c.drawString(LEFT, PAGE_H - 40, self.header)
        c.setFont(MINCHO, 9)
        c.drawCentredString(PAGE_W / 2, 36, str(self.number))
        c.showPage()
        self.number += 1

    def save(self) -> None:
        self.finish_page()
        self.c.save()

    # -- boxes and bylines ----------------------------------------------------------------------

    def begin_box(self) -> None:
        """A box (コラム) is set inside a drawn frame, its lines a little in from the margins."""
        self.gap(4)
        self.box_top = self.y
        self.left, self.right = LEFT + BOX_PAD, RIGHT - BOX_PAD

    def end_box(self) -> None:
        assert self.box_top is not None
        bottom = self.y - BOX_PAD
        self.c.rect(LEFT, bottom, RIGHT - LEFT, self.box_top - bottom, stroke=1, fill=0)
        self.box_top = None
        self.left, self.right = LEFT, RIGHT
        self.y = bottom - 6

    def byline(self, text: str) -> None:
        """A line set small at the right margin under the title (an author, a date)."""
        if not self.room(META * 1.6, []):
            self.new_page()
        self.y -= META * 1.6
        self.c.setFont(MINCHO, META)
        self.c.drawRightString(self.right, self.y, text)

    # -- drawing ------------------------------------------------------------------------------

    def _wrap_plain(self, text: str, size: float, width: float) -> list[str]:
        return ["".join(t.text for t in row) for row in _wrap(_tokens(text, MINCHO, size), width)]

    def block(self, block: dict[str, Any]) -> None:
        kind = block["kind"]
        if kind == "heading":
            size = HEADING_SIZE.get(block["level"], 11.5)
            self.gap(10)
            self.flow(block, GOTHIC, size, size * 1.5, indent=0.0, hang=0.0)
            self.gap(4)
        elif kind == "meta":
            self.gap(6)
            tokens = _block_tokens(block, MINCHO, META, self.notes)
            rows = len(
                _wrap_count(tokens, self.ragged)
                if self.ragged
                else _wrap(tokens, self.right - self.left)
            )
            if not self.room(rows * META * 1.55, []):
                self.new_page()  # a caption is never split across pages
            self.flow(block, MINCHO, META, META * 1.55, indent=0.0, hang=0.0)
            self.gap(6)
        elif kind == "list_item":
            text = block["text"]
            bullet = "" if _NUMBERED.match(text) else "・"
            self.gap(6)
            self.flow(
                block,
                MINCHO,
                BODY,
                LEADING,
                indent=0.0,
                hang=BODY if bullet else 0.0,
                prefix=bullet,
            )
            self.gap(6)
        elif kind == "table":
            self.gap(6)
            self.table(block["rows"])
            self.gap(6)
        else:
            self.flow(block, MINCHO, BODY, LEADING, indent=BODY, hang=0.0)

    def gap(self, points: float) -> None:
        self.y -= points

    def flow(
        self,
        block: dict[str, Any],
        font: str,
        size: float,
        leading: float,
        *,
        indent: float,
        hang: float,
        prefix: str = "",
    ) -> None:
        tokens = _block_tokens(block, font, size, self.notes)
        if prefix:
            tokens.insert(0, _Token(prefix, font, size))
        first = True
        if self.ragged:
            indent = 0.0
            rows = _wrap_count(tokens, self.ragged)
            if block["kind"] == "paragraph":
                self.gap(leading / 2)
        else:
            width = self.right - self.left
            rows = _wrap(tokens, width - indent, width - hang)
        for k, row in enumerate(rows):
            notes = [(t.marker, self.notes[t.note]) for t in row if t.note]
            if not self.room(leading, notes):
                self.new_page()
            if first:
                self.started = str(self.number)
            self.y -= leading
            x0 = self.left + (indent if first else hang)
            justify = self.right if k < len(rows) - 1 and not self.ragged else None
            self._draw_tokens(row, x0, self.y, justify)
            self.page.notes += notes
            first = False

    def _draw_tokens(self, row: list[_Token], x: float, y: float, justify_to: float | None) -> None:
        """Justified as Japanese type is: the slack goes after the full-width characters,
        never inside a Latin word."""
        c = self.c
        natural = sum(t.width() for t in row) + sum(_marker_width(t) for t in row)
        wide = (
            sum(1 for t in row[:-1] for ch in t.text if _is_wide(ch))
            + sum(1 for ch in row[-1].text[:-1] if _is_wide(ch))
            if row
            else 0
        )
        spacing = 0.0
        if justify_to is not None and wide:
            spacing = max(0.0, min(3.0, (justify_to - x - natural) / wide))
        runs: list[tuple[float, str, float, str, float]] = []  # x, font, size, text, spacing
        for t in row:
            start = x
            for ch in t.text:
                gap = spacing if _is_wide(ch) else 0.0
                same = runs and runs[-1][1:3] == (t.font, t.size) and runs[-1][4] == gap
                if same:
                    rx, font, size, text, sp = runs[-1]
                    runs[-1] = (rx, font, size, text + ch, sp)
                else:
                    runs.append((x, t.font, t.size, ch, gap))
                x += pdfmetrics.stringWidth(ch, t.font, t.size) + gap
            if t.ruby:
                rsize = t.size / 2
                rwidth = pdfmetrics.stringWidth(t.ruby, t.font, rsize)
                mid = (start + x - (spacing if _is_wide(t.text[-1]) else 0)) / 2
                c.setFont(t.font, rsize)
                c.drawString(mid - rwidth / 2, y + t.size * 0.95, t.ruby)
            if t.marker:
                gap = spacing if t.text and _is_wide(t.text[-1]) else 0
                c.setFont(MINCHO, 6)
                c.drawString(x - gap + 0.5, y + 4.5, t.marker)
                x += _marker_width(t)
                runs.append((x, "", 0.0, "", 0.0))  # the text after a marker starts anew
        for rx, font, size, text, sp in runs:
            if text:  # one text object a run, as a typesetter writes a line
                obj = c.beginText(rx, y)
                obj.setFont(font, size)
                obj.setCharSpace(sp)
                obj.textOut(text)
                c.drawText(obj)

    def table(self, rows: list[list[str]]) -> None:
        size = 9.0
        cols = max(len(r) for r in rows)
        widths = [
            max(pdfmetrics.stringWidth(r[i] if i < len(r) else "", MINCHO, size) for r in rows)
            for i in range(cols)
        ]
        gap = 3 * size
        scale = min(1.0, (self.right - self.left - gap * (cols - 1)) / max(1.0, sum(widths)))
        if scale < 1.0:
            size *= scale
            widths = [w * scale for w in widths]
            gap = 3 * size
        for k, row in enumerate(rows):
            if not self.room(size * 1.8, []):
                self.new_page()
            if k == 0:
                self.started = str(self.number)
            self.y -= size * 1.8
            x = self.left
            self.c.setFont(MINCHO, size)
            for i, cell in enumerate(row):
                self.c.drawString(x, self.y, cell)
                x += widths[i] + gap


def _is_wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in "WF"


def _marker_width(t: _Token) -> float:
    return pdfmetrics.stringWidth(t.marker, MINCHO, 6) + 1 if t.marker else 0.0


def _tokens(text: str, font: str, size: float) -> list[_Token]:
    """Breakable units: one CJK character, or a Latin word with its trailing space."""
    out: list[_Token] = []
    for m in re.finditer(r"[A-Za-z0-9.,:;'\"()\-/%&@#+=?!_]+ ?| |.", text, re.S):
        out.append(_Token(m.group(0), font, size))
    return out


def _block_tokens(
    block: dict[str, Any], font: str, size: float, notes: dict[str, str]
) -> list[_Token]:
    text = block["text"]
    ruby = {start: (end, reading) for start, end, reading in block.get("ruby", [])}
    refs: dict[int, list[str]] = {}
    for offset, note_id in block.get("refs", []):
        refs.setdefault(offset, []).append(note_id)
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        if i in ruby:
            end, reading = ruby[i]
            tokens.append(_Token(text[i:end], font, size, ruby=reading))
            i = end
        else:
            m = re.match(r"[A-Za-z0-9.,:;'\"()\-/%&@#+=?!_]+ ?| |.", text[i:], re.S)
            assert m is not None
            piece = m.group(0)
            cut = next((o for o in sorted(refs) if i < o < i + len(piece)), None)
            if cut is not None:
                piece = text[i:cut]
            tokens.append(_Token(piece, font, size))
            i += len(piece)
        for note_id in refs.get(i, []):
            last = tokens[-1]
            if last.marker:
                tokens.append(_Token("", font, size))
                last = tokens[-1]
            last.marker, last.note = note_label(note_id), note_id
    for note_id in refs.get(0, []):
        if tokens:
            tokens[0].marker, tokens[0].note = note_label(note_id), note_id
    return tokens


def _wrap_count(tokens: list[_Token], count: int) -> list[list[_Token]]:
    """Rows of at most ``count`` characters, whatever their printed width."""
    rows: list[list[_Token]] = [[]]
    used = 0
    for t in tokens:
        if t.text == "\n":  # a line break the text holds (a colophon's lines)
            rows.append([])
            used = 0
            continue
        if rows[-1] and used + len(t.text) > count and t.text != " ":
            rows.append([])
            used = 0
        rows[-1].append(t)
        used += len(t.text)
    return [r for r in rows if r]


def _wrap(
    tokens: list[_Token], width: float, rest_width: float | None = None
) -> list[list[_Token]]:
    rows: list[list[_Token]] = [[]]
    used = 0.0
    limit = width
    for t in tokens:
        if t.text == "\n":  # a line break the text holds (a colophon's lines)
            rows.append([])
            used = 0.0
            limit = rest_width if rest_width is not None else width
            continue
        w = t.width() + _marker_width(t)
        if rows[-1] and used + w > limit and not (t.text == " " and not t.marker):
            rows.append([])
            used = 0.0
            limit = rest_width if rest_width is not None else width
        rows[-1].append(t)  # a space hangs at the line's end, as in print
        used += w
    return [r for r in rows if r]


def golden_to_pdf(
    model: dict[str, Any],
    path: Path,
    *,
    first_page: int = 1,
    header: bool = True,
    ragged: int = 0,
    info: bool = True,
) -> list[str]:
    """Set ``model`` (an ``inspect --json`` structure) as a printed report (``ragged``: as a
    word processor's export, lines cut at that many characters): its title and author in the
    document information, bylines under the title, boxes framed, a profile box at the end.
    Returns the printed number of the page each block starts on (``info=False``: no title
    or author in the document information, as many exports leave them)."""
    notes = {n["id"]: n["text"] for n in model["footnotes"]}
    writer = PdfWriter(
        path, notes, first_page=first_page, header=model["title"] if header else "", ragged=ragged
    )
    plan = page_plan(model)
    if info:
        writer.c.setTitle(model["title"])
        if plan.author:
            writer.c.setAuthor(plan.author)
    started: list[str] = []
    for i, block in enumerate(model["blocks"]):
        if i in plan.box_starts:
            writer.begin_box()
        writer.block(block)
        started.append(writer.started)
        if i == 0:
            for line in plan.bylines:
                writer.byline(line)
        if i + 1 in plan.box_ends:
            writer.end_box()
    if plan.profile:
        writer.begin_box()
        for text in plan.profile:
            writer.flow(
                {"text": text, "kind": "meta"}, MINCHO, META, META * 1.55, indent=0.0, hang=0.0
            )
        writer.end_box()
    writer.save()
    return started


_NUMBERED_HEADING = re.compile(
    r"^(?:[0-9０-９]|[（(][0-9０-９ア-ン一-十]{1,2}[）)]|[ア-ン][ 　]|第|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]"
    r"|[一二三四五六七八九十]+、|[〈《<【\[■□◆●])"
)


@dataclass
class PagePlan:
    """What a page or a printed report shows besides the blocks, from the model's metadata
    and structure: bylines under the title, an author profile box at the end, and where
    boxes (コラム) start and end (block indexes; a box ends before ``end``)."""

    author: str = ""
    bylines: list[str] = field(default_factory=list)
    profile: list[str] = field(default_factory=list)
    box_starts: set[int] = field(default_factory=set)
    box_ends: set[int] = field(default_factory=set)


def page_plan(model: dict[str, Any]) -> PagePlan:
    """A box is a block run the model marks (``"box": true`` on its title heading, or the
    number of blocks it holds, title included, for a box set mid-section), or an
    unnumbered heading with a byline right under it (a short meta line naming who wrote it);
    it runs to the next heading of its level or above. The metadata's author and date are
    shown under the title heading (when the model opens with it), or, with a reading and a
    profile, as a profile box: the name, ``《reading》`` and the biography."""
    meta = model.get("metadata", {})
    blocks = model["blocks"]
    plan = PagePlan(author=meta.get("author", ""))
    if meta.get("author_reading") or meta.get("author_profile"):
        plan.profile = [meta.get("author", "")] if meta.get("author") else []
        if meta.get("author_reading"):
            plan.profile.append(f"《{meta['author_reading']}》")
        if meta.get("author_profile"):
            plan.profile.append(meta["author_profile"])
    titled = bool(blocks) and blocks[0]["kind"] == "heading" and blocks[0]["text"] == model["title"]
    if titled:
        if meta.get("author") and not plan.profile:
            plan.bylines.append(meta["author"])
            if meta.get("author_latin"):
                plan.bylines.append(meta["author_latin"])
        if meta.get("date"):
            plan.bylines.append(meta["date"])
    for i, block in enumerate(blocks):
        if block["kind"] != "heading" or not _is_box_title(blocks, i):
            continue
        end = next(
            (
                j
                for j in range(i + 1, len(blocks))
                if blocks[j]["kind"] == "heading" and blocks[j]["level"] <= block["level"]
            ),
            len(blocks),
        )
        if not isinstance(block.get("box"), bool) and isinstance(block.get("box"), int):
            end = i + block["box"]  # the box's own count of blocks (one set mid-section)
        plan.box_starts.add(i)
        plan.box_ends.add(end)
    return plan


def _is_box_title(blocks: list[dict[str, Any]], i: int) -> bool:
    block = blocks[i]
    if block.get("box"):
        return True
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return (
        i > 0
        and block["level"] >= 2
        and not _NUMBERED_HEADING.match(block["text"])
        and nxt is not None
        and nxt["kind"] == "meta"
        and len(nxt["text"]) <= 20
        and not re.search(r"[（(0-9０-９：:、。]", nxt["text"])
    )


# -- HTML and EPUB ----------------------------------------------------------------------------


def _inline_html(block: dict[str, Any], note_href: str = "#fn-{id}") -> str:
    text = block["text"]
    events: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for start, end, reading in block.get("ruby", []):
        events.setdefault(start, []).append("<ruby>")
        closes.setdefault(end, []).insert(
            0, f"<rp>(</rp><rt>{html.escape(reading)}</rt><rp>)</rp></ruby>"
        )
    for start, end, kind in block.get("emphasis", []):
        tag = "strong" if kind == "bold" else "em"
        events.setdefault(start, []).append(f"<{tag}>")
        closes.setdefault(end, []).insert(0, f"</{tag}>")
    refs: dict[int, list[str]] = {}
    for offset, note_id in block.get("refs", []):
        href = note_href.format(id=note_id)
        refs.setdefault(offset, []).append(
            f'<sup><a href="{href}" id="ref-{note_id}" epub:type="noteref">{note_label(note_id)}</a></sup>'
        )
    out = []
    for i in range(len(text) + 1):
        out += closes.get(i, [])
        out += refs.get(i, [])
        out += events.get(i, [])
        if i < len(text):
            out.append(html.escape(text[i]))
    return "".join(out)


def _around(plan: PagePlan, index: int, body: str) -> str:
    """Block ``index``'s markup with what the page shows around it: a box's frame opening or
    closing, the bylines under the title."""
    if index in plan.box_starts:
        body = '<div class="column">' + body
    if index + 1 in plan.box_ends:
        body += "</div>"
    if index == 0:
        body += "".join(
            f'<p class="{"date" if any(c.isdigit() for c in line) else "byline"}">'
            f"{html.escape(line)}</p>"
            for line in plan.bylines
        )
    return body


def _profile_html(plan: PagePlan) -> str:
    if not plan.profile:
        return ""
    return (
        '<div class="profile">'
        + "".join(f"<p>{html.escape(line)}</p>" for line in plan.profile)
        + "</div>"
    )


def _blocks_html(
    model: dict[str, Any], note_href: str = "#fn-{id}", plan: PagePlan | None = None
) -> str:
    parts: list[str] = []
    open_list = False
    for i, block in enumerate(model["blocks"]):
        kind = block["kind"]
        if kind != "list_item" and open_list:
            parts.append("</ul>")
            open_list = False
        if plan is not None and i in plan.box_starts:
            parts.append('<div class="column">')
        inner = _inline_html(block, note_href)
        if kind == "heading":
            parts.append(f"<h{block['level']}>{inner}</h{block['level']}>")
        elif kind == "list_item":
            if not open_list:
                parts.append("<ul>")
                open_list = True
            parts.append(f"<li>{inner}</li>")
        elif kind == "meta":
            parts.append(f'<p class="meta">{inner}</p>')
        elif kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block["rows"]
            )
            parts.append(f"<table>{rows}</table>")
        elif kind == "quote":
            parts.append(f"<blockquote><p>{inner}</p></blockquote>")
        else:
            parts.append(f"<p>{inner}</p>")
        if plan is not None:
            tail = _around(PagePlan(bylines=plan.bylines, box_ends=plan.box_ends), i, "")
            if tail and open_list:
                parts.append("</ul>")
                open_list = False
            parts.append(tail)
    if open_list:
        parts.append("</ul>")
    if plan is not None:
        parts.append(_profile_html(plan))
    return "\n".join(p for p in parts if p)


def _notes_html(model: dict[str, Any], tag: str = "li") -> str:
    items = []
    for note in model["footnotes"]:
        nid = note["id"]
        items.append(
            f'<{tag} id="fn-{nid}" epub:type="footnote">{note_label(nid)} {html.escape(note["text"])} '
            f'<a href="#ref-{nid}">↩</a></{tag}>'
        )
    return "\n".join(items)


def golden_to_html(model: dict[str, Any], *, site_chrome: bool = True) -> str:
    """A web page of ``model``: site navigation, a breadcrumb, share buttons and a footer
    around an ``<article>``, notes in a footnotes section at its end."""
    notes = _notes_html(model)
    chrome_top = (
        '<header class="site-header"><div class="logo">外務省</div><nav><ul><li><a href="/">ホーム</a></li>'
        '<li><a href="/press">会見・発表・広報</a></li><li><a href="/policy">外交政策</a></li></ul></nav></header>'
        '<div class="breadcrumb"><a href="/">ホーム</a> &gt; <a href="/policy">外交政策</a></div>'
        if site_chrome
        else ""
    )
    chrome_bottom = (
        '<div class="share-buttons"><a href="#">ツイート</a> <a href="#">シェア</a></div>'
        '<p class="pagetop"><a href="#top">ページの先頭へ戻る</a></p>'
        '<aside class="related"><h2>関連リンク</h2><ul><li><a href="/x">日米関係</a></li></ul></aside>'
        "<footer><p>Copyright © Ministry of Foreign Affairs of Japan</p></footer>"
        if site_chrome
        else ""
    )
    title = html.escape(model["title"])
    head_title = (
        f'<title>{title} | 外務省</title><meta property="og:title" content="{title}">'
        if title
        else ""
    )
    plan = page_plan(model)
    # the page's head names its author (the site when the text names none) and, when the
    # text shows no date of its own, the date the site published it
    published = (
        ""
        if model.get("metadata", {}).get("date")
        else '<meta property="article:published_time" content="2025-02-07T10:00:00+09:00">'
    )
    return (
        '<!DOCTYPE html>\n<html lang="ja" xmlns:epub="http://www.idpf.org/2007/ops"><head><meta charset="utf-8">'
        f"{head_title}"
        '<meta property="og:site_name" content="外務省">'
        f'<meta name="author" content="{html.escape(plan.author or "外務省")}">'
        f"{published}"
        "<script>window.dataLayer=[];</script><style>body{font-family:serif}</style></head>"
        f"<body>{chrome_top}<main><article>{_blocks_html(model, plan=plan)}"
        + (
            f'<section class="footnotes"><h2>脚注</h2><hr><ol>{notes}</ol></section>'
            if notes
            else ""
        )
        + f"</article></main>{chrome_bottom}</body></html>"
    )


_XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="ja">'
    "<head><title>{title}</title>{style}</head><body>{body}</body></html>"
)


def golden_to_epub(
    model: dict[str, Any],
    path: Path,
    *,
    vertical: bool = False,
    ncx_only: bool = False,
    page_every: int = 0,
) -> None:
    """An EPUB 3 of ``model``: one chapter file per top-level heading, the TOC listing every
    heading, the notes in a notes chapter linked by ``epub:type="noteref"``; with
    ``page_every``, a print page break (``epub:type="pagebreak"``, pages from 1) before every
    that many blocks."""
    blocks = model["blocks"]
    top = min((b["level"] for b in blocks if b["kind"] == "heading"), default=1)
    chapters: list[list[dict[str, Any]]] = []
    for block in blocks:
        if not chapters or (block["kind"] == "heading" and block["level"] == top):
            chapters.append([])
        chapters[-1].append(block)
    style = (
        "<style>html{writing-mode:vertical-rl;-epub-writing-mode:vertical-rl}</style>"
        if vertical
        else ""
    )
    files: dict[str, str] = {}
    toc: list[tuple[int, str, str]] = []
    plan = page_plan(model)
    for n, chapter in enumerate(chapters, 1):
        name = f"chap{n:02d}.xhtml"
        parts = []
        for k, block in enumerate(chapter):
            sub = {"title": model["title"], "blocks": [block], "footnotes": []}
            index = next(i for i, b in enumerate(blocks) if b is block)
            body = _around(plan, index, _blocks_html(sub, note_href="notes.xhtml#fn-{id}"))
            if page_every and index % page_every == 0:
                number = index // page_every + 1
                body = f'<span epub:type="pagebreak" id="page{number}" title="{number}"/>' + body
            if block["kind"] == "heading":
                anchor = f"h{n}-{k}"
                body = body.replace(f"<h{block['level']}>", f'<h{block["level"]} id="{anchor}">', 1)
                toc.append((block["level"] - top + 1, f"{name}#{anchor}", block["text"]))
            parts.append(body)
        if n == len(chapters):
            parts.append(_profile_html(plan))
        body = "\n".join(parts).replace("</ul>\n<ul>", "\n")
        files[name] = _XHTML.format(title=html.escape(model["title"]), style=style, body=body)
    if model["footnotes"]:
        notes = _notes_html(model, tag="aside").replace('href="#ref-', 'href="{chap}#ref-')
        for note in model["footnotes"]:
            nid = note["id"]
            chap = next(name for name, text in files.items() if f'id="ref-{nid}"' in text)
            notes = notes.replace(f'href="{{chap}}#ref-{nid}"', f'href="{chap}#ref-{nid}"')
        files["notes.xhtml"] = _XHTML.format(title="注", style=style, body=notes)
    nav_items = _nav_list(toc)
    nav = _XHTML.format(
        title="目次",
        style="",
        body=f'<nav epub:type="toc" id="toc"><h1>目次</h1>{nav_items}</nav>',
    )
    names = list(files)
    manifest = "".join(
        f'<item id="c{i}" href="{name}" media-type="application/xhtml+xml"/>'
        for i, name in enumerate(names)
    )
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(names)))
    ncx_points = _ncx_points(toc)
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:test:{html.escape(model["title"])}</dc:identifier>'
        f"<dc:title>{html.escape(model['title'])}</dc:title>"
        f"<dc:creator>{html.escape(plan.author or '外務省')}</dc:creator>"
        "<dc:publisher>外務省</dc:publisher><dc:date>2025-04-01</dc:date><dc:language>ja</dc:language>"
        "</metadata><manifest>"
        + (
            ""
            if ncx_only
            else '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
        + '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        + manifest
        + '</manifest><spine toc="ncx"'
        + (' page-progression-direction="rtl"' if vertical else "")
        + f">{spine}</spine></package>"
    )
    ncx = (
        '<?xml version="1.0" encoding="utf-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
        f"<head/><docTitle><text>{html.escape(model['title'])}</text></docTitle><navMap>{ncx_points}</navMap></ncx>"
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", container)
        zf.writestr("OEBPS/content.opf", opf)
        zf.writestr("OEBPS/toc.ncx", ncx)
        if not ncx_only:
            zf.writestr("OEBPS/nav.xhtml", nav)
        for name, text in files.items():
            zf.writestr(f"OEBPS/{name}", text)


def _nav_list(toc: list[tuple[int, str, str]]) -> str:
    out = ["<ol>"]
    depth = 1
    first = True
    for level, href, label in toc:
        level = max(1, min(level, depth + 1))
        if level > depth:
            out.append("<ol>")
        else:
            if not first:
                out.append("</li>")
            while depth > level:
                out.append("</ol></li>")
                depth -= 1
        depth = level
        out.append(f'<li><a href="{href}">{html.escape(label)}</a>')
        first = False
    if not first:
        out.append("</li>")
    while depth > 1:
        out.append("</ol></li>")
        depth -= 1
    out.append("</ol>")
    return "".join(out)


# -- hand-set pages for layout tests ------------------------------------------------------------


def set_text(
    c: canvas.Canvas,
    text: str,
    x: float,
    y: float,
    width: float,
    *,
    size: float = BODY,
    leading: float = LEADING,
    indent: float | None = None,
    font: str = MINCHO,
) -> float:
    """Set ``text`` as a justified paragraph whose first baseline is ``y`` (a one-em indent
    unless ``indent`` says otherwise); return the baseline after its last line."""
    tokens = _tokens(text, font, size)
    first = size if indent is None else indent
    rows = _wrap(tokens, width - first, width)
    writer = PdfWriter.__new__(PdfWriter)
    writer.c = c
    for k, row in enumerate(rows):
        start = x + (first if k == 0 else 0.0)
        writer._draw_tokens(row, start, y, x + width if k < len(rows) - 1 else None)
        y -= leading
    return y


@dataclass
class Frame:
    """A column on a page: its left edge, width, top baseline and lowest baseline."""

    x: float
    width: float
    top: float
    bottom: float


class Columns:
    """Set paragraphs into frames in order, page after page, as a column layout does; a
    paragraph that reaches a frame's foot goes on at the top of the next frame."""

    def __init__(
        self, c: canvas.Canvas, frames: list[Frame], *, size: float = BODY, leading: float = LEADING
    ) -> None:
        self.c, self.frames, self.size, self.leading = c, frames, size, leading
        self.frame = 0
        self.y = frames[0].top
        self.writer = PdfWriter.__new__(PdfWriter)
        self.writer.c = c

    def paragraph(
        self, text: str, *, indent: bool = True, font: str = MINCHO, size: float | None = None
    ) -> None:
        size = size or self.size
        width = self.frames[self.frame].width
        first = size if indent else 0.0
        rows = _wrap(_tokens(text, font, size), width - first, width)
        for k, row in enumerate(rows):
            if self.y < self.frames[self.frame].bottom:
                self.next_frame()
            f = self.frames[self.frame]
            x = f.x + (first if k == 0 else 0.0)
            self.writer._draw_tokens(row, x, self.y, f.x + f.width if k < len(rows) - 1 else None)
            self.y -= self.leading

    def next_frame(self) -> None:
        self.frame += 1
        if self.frame == len(self.frames):
            self.c.showPage()
            self.frame = 0
        self.y = self.frames[self.frame].top


def combine(models: list[dict[str, Any]], copies: int = 1) -> dict[str, Any]:
    """One document of the models one after another, ``copies`` times, its notes numbered
    anew in order (each copy's markers open their own notes)."""
    blocks: list[dict[str, Any]] = []
    texts: list[str] = []
    for _ in range(copies):
        for model in models:
            notes = {n["id"]: n["text"] for n in model["footnotes"]}
            for block in model["blocks"]:
                block = dict(block)
                refs = []
                for offset, note_id in block["refs"]:
                    texts.append(notes[note_id])
                    refs.append([offset, str(len(texts))])
                block["refs"] = refs
                blocks.append(block)
    footnotes = [{"id": str(i + 1), "text": t} for i, t in enumerate(texts)]
    return {"title": models[0]["title"] if models else "", "blocks": blocks, "footnotes": footnotes}


def _ncx_points(toc: list[tuple[int, str, str]]) -> str:
    """EPUB 2 navPoints, nested by depth."""
    out: list[str] = []
    depth = 0
    for i, (level, href, label) in enumerate(toc):
        level = max(1, min(level, depth + 1))
        while depth >= level:
            out.append("</navPoint>")
            depth -= 1
        out.append(
            f'<navPoint id="p{i}"><navLabel><text>{html.escape(label)}</text></navLabel>'
            f'<content src="{href}"/>'
        )
        depth = level
    out.append("</navPoint>" * depth)
    return "".join(out)


def golden_to_platypus_pdf(model: dict[str, Any], path: Path) -> None:
    """``model`` set by reportlab's own layout engine (Platypus), as a generated report is:
    justified paragraphs with a first-line indent, headings in Gothic by level, markers as
    ``<super>``, the notes as endnotes under a ``注`` heading, page numbers at the foot."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    def style(name: str, font: str, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.6, wordWrap="CJK", **kw
        )

    body = style("body", MINCHO, BODY, firstLineIndent=BODY, alignment=4)
    heads = {
        lv: style(f"h{lv}", GOTHIC, HEADING_SIZE.get(lv, 11.5), spaceBefore=8, spaceAfter=4)
        for lv in range(1, 7)
    }
    small = style("meta", MINCHO, META, spaceBefore=4, spaceAfter=4)
    item = style("item", MINCHO, BODY, leftIndent=BODY, firstLineIndent=-BODY, spaceBefore=3)
    note = style("note", MINCHO, NOTE)
    byline = style("byline", MINCHO, META, alignment=2)
    plan = page_plan(model)  # bylines and the profile box; boxes flow unframed here
    story = []
    for i, block in enumerate(model["blocks"]):
        if i == 1:
            story += [Paragraph(escape(line), byline) for line in plan.bylines]
        text = block["text"]
        refs: dict[int, list[str]] = {}
        for offset, note_id in block.get("refs", []):
            refs.setdefault(offset, []).append(note_id)
        out = []
        for k in range(len(text) + 1):
            out += [f"<super>{note_label(n).strip('()')}</super>" for n in refs.get(k, [])]
            if k < len(text):
                out.append(escape(text[k]))
        markup = "".join(out)
        kind = block["kind"]
        if kind == "heading":
            story.append(Paragraph(markup, heads[block["level"]]))
        elif kind == "meta":
            story.append(Paragraph(markup, small))
        elif kind == "list_item":
            bullet = "" if _NUMBERED.match(text) else "・"
            story.append(Paragraph(bullet + markup, item))
        elif kind == "table":
            cells = [[Paragraph(escape(c), small) for c in row] for row in block["rows"]]
            story.append(Table(cells))
        else:
            story.append(Paragraph(markup, body))
    story += [Paragraph(escape(line), small) for line in plan.profile]
    if model["footnotes"]:
        story.append(Paragraph("注", heads[2]))
        for n in model["footnotes"]:
            story.append(Paragraph(escape(f"{note_label(n['id']).strip('()')} {n['text']}"), note))

    def number(c: canvas.Canvas, doc: Any) -> None:
        c.setFont(MINCHO, 9)
        c.drawCentredString(A4[0] / 2, 30, str(doc.page))

    SimpleDocTemplate(str(path), pagesize=A4, title=model["title"], author=plan.author).build(
        story, onFirstPage=number, onLaterPages=number
    )


# -- Word (.docx) ---------------------------------------------------------------------------

_W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
# As a Japanese Word writes them: heading styles with number ids, English names.
_W_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_W_NS}>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    + "".join(
        f'<w:style w:type="paragraph" w:styleId="{n}"><w:name w:val="heading {n}"/>'
        f'<w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr></w:style>'
        for n in range(1, 7)
    )
    + '<w:style w:type="paragraph" w:styleId="af"><w:name w:val="List Paragraph"/></w:style>'
    + '<w:style w:type="paragraph" w:styleId="q"><w:name w:val="Quote"/></w:style>'
    + "</w:styles>"
)


def _w_text(text: str) -> str:
    return f'<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t>'


def _w_runs(block: dict[str, Any], notes: dict[str, int]) -> str:
    """The block's text as runs: split where emphasis, ruby or a note marker starts or ends."""
    text = block["text"]
    cuts = {0, len(text)}
    for start, end, _ in block.get("ruby", []) + block.get("emphasis", []):
        cuts |= {start, end}
    refs: dict[int, list[str]] = {}
    for offset, note_id in block.get("refs", []):
        cuts.add(offset)
        refs.setdefault(offset, []).append(note_id)
    ruby = {start: (end, reading) for start, end, reading in block.get("ruby", [])}
    out: list[str] = []
    points = sorted(cuts)
    i = 0
    while i < len(points):
        at = points[i]
        for note_id in refs.get(at, []):
            out.append(f'<w:r><w:footnoteReference w:id="{notes[note_id]}"/></w:r>')
        if at >= len(text):
            break
        props = "".join(
            "<w:b/>" if kind == "bold" else "<w:i/>"
            for start, end, kind in block.get("emphasis", [])
            if start <= at < end
        )
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        if at in ruby:
            end, reading = ruby[at]
            out.append(
                f"<w:r>{rpr}<w:ruby><w:rubyPr/><w:rt><w:r>{_w_text(reading)}</w:r></w:rt>"
                f"<w:rubyBase><w:r>{rpr}{_w_text(text[at:end])}</w:r></w:rubyBase></w:ruby></w:r>"
            )
            while i < len(points) and points[i] < end:
                i += 1
            continue
        nxt = points[i + 1]
        out.append(f"<w:r>{rpr}{_w_text(text[at:nxt])}</w:r>")
        i += 1
    return "".join(out)


def _w_paragraph(block: dict[str, Any], notes: dict[str, int]) -> str:
    kind = block["kind"]
    if kind == "table":
        rows = "".join(
            "<w:tr>"
            + "".join(f"<w:tc><w:p><w:r>{_w_text(c)}</w:r></w:p></w:tc>" for c in row)
            + "</w:tr>"
            for row in block["rows"]
        )
        return f"<w:tbl><w:tblPr/>{rows}</w:tbl>"
    ppr = {
        "heading": f'<w:pStyle w:val="{block.get("level", 1)}"/>',
        "list_item": '<w:pStyle w:val="af"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
        "quote": '<w:pStyle w:val="q"/>',
        "meta": '<w:jc w:val="right"/>',  # as a Word user sets a date or a signature
    }.get(kind, "")
    return f"<w:p><w:pPr>{ppr}</w:pPr>{_w_runs(block, notes)}</w:p>"


def golden_to_docx(model: dict[str, Any], path: Path) -> None:
    """A Word document of ``model``: headings by Word's heading styles, notes as Word's
    footnotes, the title, author and date in the core properties; the bylines under the
    title and the profile as paragraphs, boxes (コラム) as text boxes anchored in the block
    before them."""
    blocks = model["blocks"]
    plan = page_plan(model)
    notes = {note["id"]: n for n, note in enumerate(model["footnotes"], 1)}
    body: list[str] = []
    box: list[str] | None = None
    for i, block in enumerate(blocks):
        if i in plan.box_starts:
            box = []
        xml = _w_paragraph(block, notes)
        (box if box is not None else body).append(xml)
        if i == 0:
            body += [f"<w:p>{_w_runs({'text': line}, notes)}</w:p>" for line in plan.bylines]
        if box is not None and i + 1 in plan.box_ends:
            frame = (
                '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                "<wp:anchor><wps:wsp><wps:txbx><w:txbxContent>"
                + "".join(box)
                + "</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>"
                "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
                + "".join(box)
                + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
                "</mc:AlternateContent></w:r></w:p>"
            )
            body.append(frame)
            box = None
    body += [f"<w:p>{_w_runs({'text': line}, notes)}</w:p>" for line in plan.profile]
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W_NS}><w:body>'
        + "".join(body)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        + "".join(
            f'<w:footnote w:id="{notes[note["id"]]}"><w:p><w:r><w:footnoteRef/></w:r>'
            f"<w:r>{_w_text(' ' + note['text'])}</w:r></w:p></w:footnote>"
            for note in model["footnotes"]
        )
        + "</w:footnotes>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{html.escape(model['title'])}</dc:title>"
        f"<dc:creator>{html.escape(plan.author or '外務省')}</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-04-01T09:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/styles.xml", _W_STYLES)
        zf.writestr("word/footnotes.xml", footnotes)
        zf.writestr("docProps/core.xml", core)
