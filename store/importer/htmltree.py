"""An (X)HTML tree → :class:`~store.importer.structured.Piece` s: the reading shared by web
pages and EPUB chapters.

Block elements become blocks (``h1``–``h6`` headings, ``li`` list items, ``blockquote``
quotes, ``table`` rows, ``pre`` code, ``figcaption`` meta); ``<ruby>`` becomes ruby spans
(``rb``/``rt``/``rp`` or bare base text); ``b``/``strong`` and ``i``/``em`` emphasis; note
references (``epub:type="noteref"``, ``role="doc-noteref"``, or a marker-like link such as
``<sup><a href="#fn1">1</a></sup>``) become marks whose notes are read out of the flow;
``epub:type="pagebreak"`` elements mark where printed pages start. Whitespace collapses as a
browser shows it, and a line break between two Japanese characters is no space at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.entities import name2codepoint

from lxml import etree

from store.importer.chars import ends_sentence
from store.importer.sanitize import sanitize
from store.importer.structured import Piece
from store.model import Emphasis, EmphasisKind, Ruby
from store.patterns import compiled

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Elements that start a block of their own (everything else is read inline).
BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "body",
        "header",
        "footer",
        "aside",
        "nav",
        "address",
        "blockquote",
        "figure",
        "figcaption",
        "caption",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "pre",
        "hr",
        "center",
        "details",
        "summary",
        "form",
        "fieldset",
        "legend",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "html",
    ]
)
#: Never text: dropped with everything inside them.
INVISIBLE = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "canvas",
        "iframe",
        "object",
        "embed",
        "video",
        "audio",
        "select",
        "option",
        "textarea",
        "button",
        "input",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "map",
        "area",
    ]
)
_EMPHASIS: dict[str, EmphasisKind] = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic"}
#: Class words of blocks that describe the page rather than tell (a date, a byline, a credit).
_META_WORDS = frozenset(
    [
        "meta",
        "date",
        "time",
        "byline",
        "author",
        "caption",
        "credit",
        "credits",
        "source",
        "photo-caption",
        "posted",
        "published",
        "pubdate",
        "entry-meta",
        "post-meta",
        "update",
        "updated",
        "timestamp",
    ]
)
_WS = compiled(r"([ \t\n\r\f]+)")
_WORD_SPLIT = compiled(r"[\s_-]+")
#: What a note marker's text looks like: 1, [1], (1), （1）, 注1, ※1, *1, *, †.
MARKER_TEXT = compiled(
    r"^\s*[\[(（［〔]?\s*(?:注|註|※|\*|＊|†|‡)?\s*[0-9０-９]{1,3}\s*[\])）］〕]?\s*$"
    r"|^\s*(?:[*＊†‡※]{1,3})\s*$"
)
_BACKLINK_TEXT = compiled(r"^\s*(?:↩|↑|\^|戻る|本文へ|return|back)\W*$", re.I)


def local(el: etree._Element) -> str:
    """The element's tag without namespace, lower case ("" for comments and the like)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def attr(el: etree._Element, name: str) -> str:
    """An attribute by its HTML name, also in its XML namespace form (``epub:type``)."""
    value = el.get(name)
    if value is None and ":" in name:
        value = el.get("{http://www.idpf.org/2007/ops}" + name.split(":", 1)[1])
    return value or ""


def semantic(el: etree._Element) -> set[str]:
    """The element's ``epub:type`` and ``role`` tokens (``doc-noteref`` → ``noteref``)."""
    tokens = set(attr(el, "epub:type").lower().split())
    tokens |= {r.removeprefix("doc-") for r in attr(el, "role").lower().split()}
    return tokens


def text_of(el: etree._Element) -> str:
    """All text inside ``el`` except ``rt``/``rp`` and invisible elements, whitespace collapsed."""
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        name = local(node)
        if name in INVISIBLE or (name in ("rt", "rp") and node is not el):
            return
        if node.text and name:
            parts.append(node.text)
        elif not name and _is_entity(node):
            parts.append(_entity_text(node))
        for child in node:
            visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(el)
    return " ".join("".join(parts).split())


def _is_entity(node: etree._Element) -> bool:
    return node.tag is etree.Entity


def _entity_text(node: etree._Element) -> str:
    name = str(node.text or "").strip("&;")
    if name.startswith("#"):
        try:
            return chr(int(name[2:], 16) if name[1:2] in "xX" else int(name[1:]))
        except ValueError:
            return ""
    code = name2codepoint.get(name)
    return chr(code) if code else ""


def _wide(ch: str) -> bool:
    """A full-width character ("" — nothing read yet — is not)."""
    return bool(ch) and unicodedata.east_asian_width(ch) in "WF"


@dataclass
class _Buffer:
    """The text of the block being read, with its spans."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    last: str = ""
    pending: str = ""  # collapsed whitespace waiting for the next text
    spaces: set[int] = field(default_factory=set)  # where collapsed whitespace was written
    ruby: list[Ruby] = field(default_factory=list)
    emphasis: list[Emphasis] = field(default_factory=list)
    marks: list[tuple[int, str]] = field(default_factory=list)
    pages: list[tuple[int, str]] = field(default_factory=list)

    def add(self, text: str, *, keep_space: bool = True) -> None:
        for token in _WS.split(text):
            if not token:
                continue
            if token[0] in " \t\n\r\f":
                if keep_space:
                    self.pending = "\n" if "\n" in token or self.pending == "\n" else " "
                continue
            cjk_break = self.pending == "\n" and _wide(self.last) and _wide(token[0])
            if self.pending and self.length and not cjk_break:
                self.parts.append(" ")
                self.spaces.add(self.length)
                self.length += 1
            self.pending = ""
            self.parts.append(token)
            self.length += len(token)
            self.last = token[-1]

    def text(self) -> str:
        return "".join(self.parts)

    def start_after_space(self, start: int, pending: str) -> int:
        """``start`` of a span begun while whitespace from before it was pending: after the
        space that whitespace then became (whitespace inside the span is the span's)."""
        return start + 1 if pending and start in self.spaces else start

    def tail(self, n: int) -> str:
        return "".join(self.parts[-n:])[-n:]


class Walker:
    """Reads elements in document order into pieces; notes are read separately.

    ``note_of(el)`` gives the note key an element is (the walk skips it), ``ref_of(a)`` the
    note key an anchor refers to, ``heading_at(el)`` a level (and label) the caller imposes
    (an EPUB's table of contents), ``skip(el)`` what the caller drops (page chrome).
    """

    def __init__(
        self,
        *,
        ref_of: Callable[[etree._Element], str | None] = lambda el: None,
        note_of: Callable[[etree._Element], str | None] = lambda el: None,
        skip: Callable[[etree._Element], bool] = lambda el: False,
        heading_at: Callable[[etree._Element], tuple[int, str] | None] = lambda el: None,
        page_at: Callable[[etree._Element], str | None] = lambda el: None,
        box_at: Callable[[etree._Element], bool] = lambda el: False,
    ) -> None:
        self.ref_of, self.note_of, self.skip = ref_of, note_of, skip
        self.heading_at, self.page_at, self.box_at = heading_at, page_at, box_at
        self.pieces: list[Piece] = []
        self.boxes = 0  # boxes (コラム, a profile box) met so far
        self.box = 0  # the number of the box being read, 0 outside boxes
        self.buf = _Buffer()
        self.kinds: list[tuple[str, int]] = [("paragraph", 0)]
        self.in_ruby = 0
        self.removed = 0  # control characters taken out of the text

    # -- output ---------------------------------------------------------------------------

    def flush(self) -> None:
        buf, self.buf = self.buf, _Buffer()
        raw = buf.text()
        text = raw.lstrip(" \u3000\xa0")
        lead = len(raw) - len(text)
        text = text.rstrip(" \u3000\xa0")
        if not text and not buf.pages:
            return
        kind, level = self.kinds[-1]
        n = len(text)

        def at(x: int) -> int:
            return min(max(0, x - lead), n)

        self.pieces.append(
            Piece(
                kind,
                text,
                level,
                ruby=[
                    Ruby(at(r.start), at(r.end), r.reading)
                    for r in buf.ruby
                    if at(r.end) > at(r.start)
                ],
                emphasis=[
                    Emphasis(at(e.start), at(e.end), e.kind)
                    for e in buf.emphasis
                    if at(e.end) > at(e.start)
                ],
                marks=[(at(o), key) for o, key in buf.marks],
                pages=[(at(o), label) for o, label in buf.pages],
                box=self.box,
            )
        )

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        if not text.isprintable() and not _WS.sub("", text).isprintable():
            text, n = sanitize(text)
            self.removed += n
        self.buf.add(text.replace("\xa0", " "), keep_space=not self.in_ruby)

    def page(self, label: str) -> None:
        label = " ".join(sanitize(label)[0].split())
        if label:
            self.buf.pages.append((self.buf.length, label))

    # -- the walk -------------------------------------------------------------------------

    def walk(self, el: etree._Element) -> None:
        self.element(el)
        self.flush()

    def children(self, el: etree._Element) -> None:
        if local(el):
            self.add_text(el.text)
        for child in el:
            self.element(child)
            self.add_text(child.tail)

    def element(self, el: etree._Element) -> None:  # noqa: C901 - one dispatch over tags
        name = local(el)
        if not name:
            if _is_entity(el):
                self.add_text(_entity_text(el))
            return
        if name in INVISIBLE or self.skip(el) or self.note_of(el) is not None:
            return
        label = self.page_at(el)
        if label is not None:
            self.page(label)
            if "pagebreak" in semantic(el):
                return  # the marker's own text ("12") is not the document's
        if not self.box and self.box_at(el):
            self.flush()
            self.boxes += 1
            self.box = self.boxes
            self.block(el, None)
            self.box = 0
            return
        imposed = self.heading_at(el)
        if imposed is not None:
            level, text = imposed
            if name not in HEADINGS:
                self.flush()
                self.pieces.append(Piece("heading", text, level))
            else:
                self.block(el, ("heading", level))
                return
        if name in HEADINGS:
            self.block(el, ("heading", HEADINGS[name]))
        elif name == "br":
            self.line_break()
        elif name == "ruby":
            self.ruby(el)
        elif name in ("rt", "rp", "rtc") or name == "img":
            return
        elif name == "a" or name == "sup":
            key = self.ref_of(el)
            if key is not None:
                self.buf.marks.append((self.buf.length, key))
            else:
                self.children(el)
        elif name in _EMPHASIS:
            start, pending = self.buf.length, self.buf.pending
            self.children(el)
            start = self.buf.start_after_space(start, pending)
            if self.buf.length > start:
                self.buf.emphasis.append(Emphasis(start, self.buf.length, _EMPHASIS[name]))
        elif name == "table":
            self.table(el)
        elif name == "pre":
            self.pre(el)
        elif name == "hr":
            self.flush()
        elif name in ("ul", "ol", "dl"):
            self.block(el, None)
        elif name == "li":
            self.block(el, ("list_item", 0))
        elif name == "blockquote":
            self.block(el, ("quote", 0))
        elif name in ("figcaption", "caption", "address"):
            self.block(el, ("meta", 0))
        elif name in ("p", "div", "dt", "dd", "summary", "legend") and self.kinds[-1][0] in (
            "list_item",
            "heading",
            "meta",
        ):
            # a paragraph inside a list item (or heading) belongs to it
            if self.buf.length:
                self.buf.pending = "\n"  # a space between words, none inside Japanese
            self.children(el)
        elif name in BLOCKS:
            kind = self.kinds[-1] if self.kinds[-1][0] in ("quote",) else ("paragraph", 0)
            if name in ("p", "div", "span", "small") and class_words(el) & _META_WORDS:
                kind = ("meta", 0)
            self.block(el, kind)
        else:
            self.children(el)

    def block(self, el: etree._Element, kind: tuple[str, int] | None) -> None:
        self.flush()
        if kind is not None:
            self.kinds.append(kind)
        self.children(el)
        self.flush()
        if kind is not None:
            self.kinds.pop()

    def line_break(self) -> None:
        """``<br>``: the end of a paragraph after a sentence, else the line simply goes on."""
        if self.kinds[-1][0] == "paragraph" and ends_sentence(self.buf.tail(3)):
            self.flush()
        elif self.buf.length:
            self.buf.pending = self.buf.pending or "\n"

    def ruby(self, el: etree._Element) -> None:
        """``<ruby>``: each ``rt`` reads the base text before it; several ``rb`` then as many
        ``rt`` pair one to one (``<rb>東</rb><rb>京</rb><rt>とう</rt><rt>きょう</rt>``: the
        HTML ruby model), where the second reading was dropped."""
        self.in_ruby += 1
        base, pending = self.buf.length, self.buf.pending
        names = [local(child) for child in el]
        pairs = names.count("rb") > 1 and names.count("rb") == names.count("rt")
        bases: list[tuple[int, int]] = []  # the rb elements since the last rt
        paired = 0  # how many of them an rt has read
        if el.text:
            self.add_text(el.text)
        for child in el:
            name = local(child)
            if name == "rt":
                reading = "".join(text_of(child).split())
                base = self.buf.start_after_space(base, pending)
                pending = ""
                if pairs and paired < len(bases):
                    start, end = bases[paired]
                    paired += 1
                    if reading and end > start:
                        self.buf.ruby.append(Ruby(start, end, reading))
                elif reading and self.buf.length > base:
                    self.buf.ruby.append(Ruby(base, self.buf.length, reading))
                base = self.buf.length
            elif name not in ("rp", "rtc"):
                if paired:  # base text after the readings: a new pairing begins
                    bases, paired = [], 0
                start = self.buf.length
                self.element(child)
                if name == "rb" and self.buf.length > start:
                    bases.append((self.buf.start_after_space(start, pending), self.buf.length))
            self.add_text(child.tail)
        self.in_ruby -= 1

    def table(self, el: etree._Element) -> None:
        rows = list(table_rows(el))
        if is_layout_table(el, rows):
            self.block(el, None)  # a table that only lays out the page: read its cells as text
            return
        self.flush()
        for child in el:
            if local(child) == "caption":
                self.block(child, ("meta", 0))
        cells = [[" ".join(text_of(c).split()) for c in row] for row in rows]
        cells = [row for row in cells if any(row)]
        if cells:
            text = "\n".join("\t".join(row) for row in cells)
            self.pieces.append(Piece("table", text, rows=cells, box=self.box))

    def pre(self, el: etree._Element) -> None:
        self.flush()
        raw = "".join(_plain_iter(el)).strip("\n")
        text, n = sanitize(raw)
        self.removed += n
        if text.strip():
            self.pieces.append(Piece("code", text, box=self.box))


#: Class or id words of a box set apart from the text (a column, コラム; a profile box).
_BOX_WORDS = frozenset(
    [
        "column",
        "colum",
        "box",
        "boxed",
        "callout",
        "infobox",
        "topic",
        "topics",
        "profile",
        "author-box",
        "authorbox",
    ]
)


def is_box(el: etree._Element) -> bool:
    """A box: an ``aside`` kept in the content, or a block named as one (``class="column"``,
    ``box``, ``callout``, ``profile``…). The caller keeps out what holds most of the text (a
    layout column around the article)."""
    name = local(el)
    if name == "aside":
        return not semantic(el) & {"footnote", "endnote", "note", "rearnote"}
    return name in ("div", "section") and bool(class_words(el, with_id=True) & _BOX_WORDS)


def class_words(el: etree._Element, *, with_id: bool = False) -> set[str]:
    """The words of an element's class (and id): ``share-buttons`` gives ``share``,
    ``buttons`` and ``sharebuttons``."""
    raw = f"{el.get('class') or ''} {el.get('id') or '' if with_id else ''}".lower()
    words = {w for w in _WORD_SPLIT.split(raw) if w}
    return words | {"".join(_WORD_SPLIT.split(part)) for part in raw.split()} | set(raw.split())


def _plain_iter(el: etree._Element) -> Iterator[str]:
    if local(el) in INVISIBLE:
        return
    if el.text:
        yield el.text
    for child in el:
        if local(child) == "br":
            yield "\n"
        else:
            yield from _plain_iter(child)
        if child.tail:
            yield child.tail


def table_rows(table: etree._Element) -> Iterator[list[etree._Element]]:
    """The table's rows (not those of tables nested in its cells), each a list of cells."""
    for tr in table.iter():
        if local(tr) != "tr" or _owner_table(tr) is not table:
            continue
        yield [c for c in tr if local(c) in ("td", "th")]


def _owner_table(el: etree._Element) -> etree._Element | None:
    node = el.getparent()
    while node is not None and local(node) != "table":
        node = node.getparent()
    return node


def is_layout_table(table: etree._Element, rows: list[list[etree._Element]]) -> bool:
    """A table used to place the page's parts (one column, or cells holding paragraphs or
    headings) rather than to tabulate data."""
    if not rows or max(len(r) for r in rows) < 2:
        return True
    for row in rows:
        for cell in row:
            for node in cell.iter():
                name = local(node)
                if name in HEADINGS or name in ("table", "ul", "ol", "blockquote"):
                    return True
                if name == "p" and len(text_of(node)) > 200:
                    return True
    return False


def is_marker_text(text: str) -> bool:
    return bool(MARKER_TEXT.match(text)) and len(text.strip()) <= 8


def is_backlink(el: etree._Element) -> bool:
    return local(el) == "a" and bool(
        {"backlink", "footnote-back", "noteback"} & semantic(el)
        or _BACKLINK_TEXT.match(text_of(el) or "")
    )


def read_note(
    el: etree._Element, marker: str, *, skip: Callable[[etree._Element], bool]
) -> tuple[str, list[Ruby]]:
    """A note's text and ruby, without its back-link and without the leading label that
    repeats the marker (``1.``, ``(1)``, ``注1``, ``*1``)."""
    walker = Walker(skip=lambda node: skip(node) or is_backlink(node))
    walker.kinds = [("paragraph", 0)]
    walker.children(el)
    walker.flush()
    text = ""
    ruby: list[Ruby] = []
    for piece in walker.pieces:
        if not piece.text:
            continue
        if text:
            text += " "
        base = len(text)
        ruby += [Ruby(base + r.start, base + r.end, r.reading) for r in piece.ruby]
        text += piece.text
    strip = _leading_label(text, marker)
    if strip:
        text = text[strip:]
        ruby = [Ruby(r.start - strip, r.end - strip, r.reading) for r in ruby if r.start >= strip]
    return text.strip(), ruby


_LABEL_HEAD = compiled(
    r"^\s*[\[(（［〔]?\s*(?:注|註|※|\*|＊|†|‡)?\s*(?P<num>[0-9０-９]{1,3})?\s*[\])）］〕]?[.．:：、]?[ \u3000]*"
)


def _leading_label(text: str, marker: str) -> int:
    """How many leading characters of a note's text are its label."""
    m = _LABEL_HEAD.match(text)
    if not m or not m.group(0).strip():
        return 0
    wanted = "".join(ch for ch in unicodedata.normalize("NFKC", marker) if ch.isdigit())
    got = unicodedata.normalize("NFKC", m.group("num") or "")
    if wanted and got != wanted:
        return 0
    if not wanted and got:
        return 0
    return m.end()
