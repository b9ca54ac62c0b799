"""Render a known document structure (an ``inspect --json`` model) into PDF, HTML and EPUB.

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
        self.finish_page()
        self.y = TOP
        self.page = _Page()

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
            rows = len(_wrap(_block_tokens(block, MINCHO, META, self.notes), RIGHT - LEFT))
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
            rows = _wrap(tokens, RIGHT - LEFT - indent, RIGHT - LEFT - hang)
        for k, row in enumerate(rows):
            notes = [(t.marker, self.notes[t.note]) for t in row if t.note]
            if not self.room(leading, notes):
                self.new_page()
            self.y -= leading
            x0 = LEFT + (indent if first else hang)
            justify = RIGHT if k < len(rows) - 1 and not self.ragged else None
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
        scale = min(1.0, (RIGHT - LEFT - gap * (cols - 1)) / max(1.0, sum(widths)))
        if scale < 1.0:
            size *= scale
            widths = [w * scale for w in widths]
            gap = 3 * size
        for row in rows:
            if not self.room(size * 1.8, []):
                self.new_page()
            self.y -= size * 1.8
            x = LEFT
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
    for m in re.finditer(r"[A-Za-z0-9.,:;'\"()\-/%&@#+=?!_]+ ?| |.", text):
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
            m = re.match(r"[A-Za-z0-9.,:;'\"()\-/%&@#+=?!_]+ ?| |.", text[i:])
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
) -> None:
    """Set ``model`` (an ``inspect --json`` structure) as a printed report (``ragged``: as a
    word processor's export, lines cut at that many characters)."""
    notes = {n["id"]: n["text"] for n in model["footnotes"]}
    writer = PdfWriter(
        path, notes, first_page=first_page, header=model["title"] if header else "", ragged=ragged
    )
    for block in model["blocks"]:
        writer.block(block)
    writer.save()


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


def _blocks_html(model: dict[str, Any], note_href: str = "#fn-{id}") -> str:
    parts: list[str] = []
    open_list = False
    for block in model["blocks"]:
        kind = block["kind"]
        if kind != "list_item" and open_list:
            parts.append("</ul>")
            open_list = False
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
    if open_list:
        parts.append("</ul>")
    return "\n".join(parts)


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
    return (
        '<!DOCTYPE html>\n<html lang="ja" xmlns:epub="http://www.idpf.org/2007/ops"><head><meta charset="utf-8">'
        f"<title>{title} | 外務省</title>"
        f'<meta property="og:title" content="{title}">'
        '<meta property="og:site_name" content="外務省"><meta name="author" content="外務省">'
        '<meta property="article:published_time" content="2025-02-07T10:00:00+09:00">'
        "<script>window.dataLayer=[];</script><style>body{font-family:serif}</style></head>"
        f"<body>{chrome_top}<main><article>{_blocks_html(model)}"
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
    for n, chapter in enumerate(chapters, 1):
        name = f"chap{n:02d}.xhtml"
        parts = []
        for k, block in enumerate(chapter):
            sub = {"title": model["title"], "blocks": [block], "footnotes": []}
            body = _blocks_html(sub, note_href="notes.xhtml#fn-{id}")
            index = next(i for i, b in enumerate(blocks) if b is block)
            if page_every and index % page_every == 0:
                number = index // page_every + 1
                body = f'<span epub:type="pagebreak" id="page{number}" title="{number}"/>' + body
            if block["kind"] == "heading":
                anchor = f"h{n}-{k}"
                body = body.replace(f"<h{block['level']}>", f'<h{block["level"]} id="{anchor}">', 1)
                toc.append((block["level"] - top + 1, f"{name}#{anchor}", block["text"]))
            parts.append(body)
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
        f"<dc:title>{html.escape(model['title'])}</dc:title><dc:creator>外務省</dc:creator>"
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
    story = []
    for block in model["blocks"]:
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
    if model["footnotes"]:
        story.append(Paragraph("注", heads[2]))
        for n in model["footnotes"]:
            story.append(Paragraph(escape(f"{note_label(n['id']).strip('()')} {n['text']}"), note))

    def number(c: canvas.Canvas, doc: Any) -> None:
        c.setFont(MINCHO, 9)
        c.drawCentredString(A4[0] / 2, 30, str(doc.page))

    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=number, onLaterPages=number)
