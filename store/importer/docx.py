"""Word documents (``.docx``, Office Open XML) → :class:`Document`, in memory and with the
archive limits of :mod:`archive`.

The body of ``word/document.xml`` is translated into the few HTML elements it means
(``p``, ``h1``–``h6``, ``li``, ``table``, ``b``/``i``, ``ruby``, a note marker, an ``aside``
for a text box) and read by the web page importer's walker
(:class:`store.importer.htmltree.Walker`), so a Word file follows the same rules as every
other format: one whitespace rule, tables as rows, boxes nested, ruby as :class:`Ruby`.

- Headings by paragraph style: ``Title``, ``Heading 1``–``6`` (``見出し 1``…), by the style's id
  or its name in ``styles.xml`` (followed through ``basedOn``), or an outline level
  (``w:outlineLvl``) on the paragraph or its style. ``Subtitle``, ``Caption`` and a short
  flush-right line (a date, a signature) are ``meta`` lines, ``Quote`` a quote.
- List items: a paragraph with numbering (``w:numPr``, its own or its style's).
- Footnotes and endnotes (``footnotes.xml``, ``endnotes.xml``): a ``w:footnoteReference``
  is a marker, the note its footnote; the separator notes Word keeps there are not notes.
  Notes are numbered in the order their markers come, in the format ``settings.xml`` gives,
  else Word's defaults (footnotes 1, 2…, endnotes i, ii…); a note with a mark of its own
  (``w:customMarkFollows``) is labelled by it.
- Revisions as accepted: deleted text (``w:del``, ``w:moveFrom``) out, inserted text in.
  Fields show their result, never their code (``w:instrText``). Headers, footers, comments,
  drawings and a table of contents (its lines carry page numbers) are not read.
- A text box (``w:txbxContent``) is read after the paragraph that anchors it: as a box
  (コラム) when it holds less than half of the text, else as plain paragraphs.
- Metadata from ``docProps/core.xml``, without the titles and authors word processors fill
  in on their own (``Microsoft Word - 文書1.docx``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from store.counts import CONTROL, CONTROLS, count
from store.importer.archive import Archive, resolve
from store.importer.errors import ImportFailed
from store.importer.html import iso_date, refine
from store.importer.htmltree import Walker
from store.importer.meta import JUNK_AUTHOR, JUNK_TITLE
from store.importer.sanitize import sanitize
from store.importer.structured import NoteSource, build, endnotes
from store.model import Document, Ruby

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Strict Office Open XML (ISO/IEC 29500 strict) names the same elements in another namespace.
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = W[1:-1].encode()
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_PARSER = etree.XMLParser(
    recover=False, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
#: Control characters XML 1.0 does not allow: a file holding them is no well-formed XML, but
#: they are the text's (an escape sequence), so they go by the shared rule and the rest is read.
_XML_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Style names (lower case, spaces out) that are headings: Word's built-in names, in English
#: and as a Japanese Word shows them.
_HEADING_NAME = re.compile(r"^(?:heading|見出し)([1-9])$")
#: A flush-right paragraph this short is a meta line (longer, it is text set that way).
_SHORT = 40
_TITLE_NAMES = frozenset(["title", "表題", "タイトル"])
#: Paragraph styles that say what a block is besides a heading: Word's built-in names (as
#: ``styles.xml`` keeps them whatever the interface language) and their Japanese labels.
_STYLE_ROLES = {
    **dict.fromkeys(["subtitle", "副題", "サブタイトル"], "subtitle"),
    **dict.fromkeys(["quote", "intensequote", "引用文", "引用文2", "blocktext"], "quote"),
    **dict.fromkeys(["caption", "図表番号", "キャプション"], "caption"),
    **dict.fromkeys(["tocheading", "目次の見出し"], "toc"),
    **{f"toc{n}": "toc" for n in range(1, 10)},
    **{f"目次{n}": "toc" for n in range(1, 10)},
}
#: The element each role is read as (a ``meta`` line, a quote).
_ROLE_TAGS = {"subtitle": "address", "caption": "figcaption", "quote": "blockquote"}
#: Inline wrappers whose content is read as it stands (a link, a content control, a smart tag,
#: an inserted revision, a field's result). Only the elements named here and in
#: :meth:`_Converter.run_content` are read: a deleted revision (``w:del``, ``w:moveFrom``), a
#: field's code (``w:instrText``), properties, bookmarks and comment anchors are not text.
_TRANSPARENT = frozenset(
    [
        "hyperlink",
        "smartTag",
        "customXml",
        "sdt",
        "sdtContent",
        "ins",
        "moveTo",
        "fldSimple",
        "dir",
        "bdo",
    ]
)


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _val(el: etree._Element | None, name: str) -> str | None:
    """The ``w:val`` of ``el``'s child ``name`` (``""`` when it has none), ``None`` without it."""
    if el is None:
        return None
    child = el.find(W + name)
    return None if child is None else child.get(W + "val", "")


def _on(el: etree._Element | None, name: str) -> bool:
    """A toggle property (``w:b``, ``w:i``) set: present and not ``0``/``false``/``off``."""
    value = _val(el, name)
    return value is not None and value.lower() not in ("0", "false", "off", "none")


class _Parts:
    """The package's XML parts, parsed strictly; control characters counted as removed."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.removed = 0

    def get(self, name: str, *, required: bool = False) -> etree._Element | None:
        if name not in self.archive.infos:
            if required:
                raise ImportFailed(
                    f"{self.archive.path}: cannot import: the Word file has no {name}"
                )
            return None
        data = self.archive.read(name).replace(_STRICT_W, _TRANSITIONAL_W)
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]
        if not utf16 and _XML_CONTROLS.search(data):
            try:
                text, n = sanitize(data.decode("utf-8"))
            except UnicodeDecodeError:
                pass
            else:
                self.removed += n
                data = text.encode("utf-8")
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise ImportFailed(
                f"{self.archive.path}: cannot import: damaged Word file ({name}: {exc})"
            ) from exc


class _Styles:
    """What a paragraph style makes of a paragraph: a heading level, a list, a title."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.characters: dict[str, etree._Element] = {}
        if root is not None:
            for style in root.iter(W + "style"):
                kind = style.get(W + "type", "paragraph")
                if kind in ("paragraph", "character"):
                    table = self.styles if kind == "paragraph" else self.characters
                    table[style.get(W + "styleId", "")] = style

    def _chain(self, style_id: str) -> list[tuple[str, etree._Element | None]]:
        """The style and those it is based on: ``(id, element)``, nearest first."""
        chain: list[tuple[str, etree._Element | None]] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(chain) < 20:
            seen.add(style_id)
            style = self.styles.get(style_id)
            chain.append((style_id, style))
            style_id = (_val(style, "basedOn") or "") if style is not None else ""
        return chain

    def role(self, style_id: str) -> tuple[str, int]:
        """``("heading", n)``, ``("title", 1)``, a role of :data:`_STYLE_ROLES` with 0, or
        ``("", 0)``."""
        for sid, style in self._chain(style_id):
            for name in (_val(style, "name") or "", sid):
                key = "".join(name.split()).lower()
                m = _HEADING_NAME.match(key)
                if m:
                    return "heading", min(6, int(m.group(1)))
                if key in _TITLE_NAMES:
                    return "title", 1
                if key in _STYLE_ROLES:
                    return _STYLE_ROLES[key], 0
            level = _val(style.find(W + "pPr") if style is not None else None, "outlineLvl")
            if level is not None and level.isdigit() and int(level) < 9:
                return "heading", min(6, int(level) + 1)
        return "", 0

    def run_emphasis(self, style_id: str) -> tuple[bool | None, bool | None]:
        """Bold and italic a character style sets (``Strong``, ``Emphasis``, a style of the
        user's), following ``basedOn``; ``None`` where it says nothing."""
        bold: bool | None = None
        italic: bool | None = None
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            style = self.characters.get(style_id)
            if style is None:
                break
            key = "".join((_val(style, "name") or style_id).split()).lower()
            rpr = style.find(W + "rPr")
            if bold is None and (_val(rpr, "b") is not None or _val(rpr, "em") is not None):
                bold = _on(rpr, "b") or _mark(rpr)
            if italic is None and _val(rpr, "i") is not None:
                italic = _on(rpr, "i")
            if bold is None and key in ("strong", "強調太字"):
                bold = True
            if italic is None and key in ("emphasis", "強調斜体"):
                italic = True
            style_id = _val(style, "basedOn") or ""
        return bold, italic

    def numbered(self, style_id: str) -> bool:
        for _, style in self._chain(style_id):
            ppr = style.find(W + "pPr") if style is not None else None
            num = ppr.find(W + "numPr") if ppr is not None else None
            if num is not None:
                return _val(num, "numId") not in ("0", None)
        return False


class _Converter:
    """``document.xml``'s body → an HTML-like tree the walker reads."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.note_order: list[str] = []  # note keys (``footnote:3``) as their markers come
        self.boxes: list[etree._Element] = []
        self.custom_mark = ""  # a note whose own marker (``*``) the next text is
        self.custom_labels: dict[str, str] = {}

    # -- blocks ---------------------------------------------------------------------------

    def blocks(self, container: etree._Element, out: etree._Element) -> None:
        for child in container:
            name = _local(child)
            if name == "p":
                self.paragraph(child, out)
            elif name == "tbl":
                self.table(child, out)
            elif name in _TRANSPARENT and not _is_contents(child):
                self.blocks(child, out)  # a content control, custom XML, a moved block

    def paragraph(self, p: etree._Element, out: etree._Element) -> None:
        ppr = p.find(W + "pPr")
        style = _val(ppr, "pStyle") or ""
        role, level = self.styles.role(style)
        if role == "toc":
            return  # a table of contents' line: the headings are the outline already
        own = _val(ppr, "outlineLvl")
        if not role and own is not None and own.isdigit() and int(own) < 9:
            role, level = "heading", min(6, int(own) + 1)
        if role == "title":
            tag = "h1"
        elif role == "heading":
            tag = f"h{min(6, level + 1)}"  # under the Title: Heading 1 is the second rank
        elif role in _ROLE_TAGS:
            tag = _ROLE_TAGS[role]
        elif self.numbered(ppr, style):
            tag = "li"
        elif _val(ppr, "jc") in ("right", "end") and _short_line(p):
            tag = "address"  # a date, a sender, a signature set flush right: a meta line
        else:
            tag = "p"
        el = etree.SubElement(out, tag)
        boxes: list[etree._Element] = []
        self.inline(p, el, emphasis=tag not in ("h1", "h2", "h3", "h4", "h5", "h6"), boxes=boxes)
        for box in boxes:
            aside = etree.SubElement(out, "aside")
            self.blocks(box, aside)
            self.boxes.append(aside)

    def numbered(self, ppr: etree._Element | None, style: str) -> bool:
        """A list item: numbering of its own (``numId`` 0 switches it off), else its style's."""
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is not None:
            return _val(num, "numId") != "0"
        return self.styles.numbered(style)

    def table(self, tbl: etree._Element, out: etree._Element) -> None:
        table = etree.SubElement(out, "table")
        for tr in tbl.iter(W + "tr"):
            if _owner(tr, "tbl") is not tbl:
                continue
            row = etree.SubElement(table, "tr")
            for tc in tr.iter(W + "tc"):
                if _owner(tc, "tbl") is not tbl:
                    continue
                td = etree.SubElement(row, "td")
                if _val(tc.find(W + "tcPr"), "vMerge") in ("", "continue"):
                    continue  # a cell merged downwards goes on: its text is above, once
                self.blocks(tc, td)

    # -- runs -----------------------------------------------------------------------------

    def inline(
        self,
        node: etree._Element,
        out: etree._Element,
        *,
        emphasis: bool,
        boxes: list[etree._Element],
    ) -> None:
        for child in node:
            name = _local(child)
            if name == "r":
                self.run(child, out, emphasis=emphasis, boxes=boxes)
            elif name == "ruby":
                self.ruby(child, out, emphasis=emphasis, boxes=boxes)
            elif name in _TRANSPARENT or name == "oMath" or name == "oMathPara":
                self.inline(child, out, emphasis=emphasis, boxes=boxes)
            elif name == "AlternateContent" and (chosen := self.alternate(child)) is not None:
                self.inline(chosen, out, emphasis=emphasis, boxes=boxes)

    def alternate(self, node: etree._Element) -> etree._Element | None:
        """``mc:AlternateContent``: one rendering only (the first choice, else the fallback)."""
        chosen = node.find(_MC + "Choice")
        return chosen if chosen is not None else node.find(_MC + "Fallback")

    def run(
        self, r: etree._Element, out: etree._Element, *, emphasis: bool, boxes: list[etree._Element]
    ) -> None:
        rpr = r.find(W + "rPr")
        if _on(rpr, "vanish") or _on(rpr, "specVanish"):
            return  # hidden text
        styled_bold, styled_italic = self.styles.run_emphasis(_val(rpr, "rStyle") or "")
        # the run's own setting first, else its character style's; emphasis marks (傍点,
        # ``w:em``) are bold, as the Aozora notation's 傍点 is
        own_bold = _on(rpr, "b") if _val(rpr, "b") is not None else None
        if _mark(rpr):
            own_bold = True
        own_italic = _on(rpr, "i") if _val(rpr, "i") is not None else None
        bold = emphasis and bool(own_bold if own_bold is not None else styled_bold)
        italic = emphasis and bool(own_italic if own_italic is not None else styled_italic)
        self.run_content(r, out, bold, italic, emphasis=emphasis, boxes=boxes)

    def run_content(
        self,
        r: etree._Element,
        out: etree._Element,
        bold: bool,
        italic: bool,
        *,
        emphasis: bool,
        boxes: list[etree._Element],
    ) -> None:
        for child in r:
            name = _local(child)
            if name == "t" and self.custom_mark:
                self.custom_labels[self.custom_mark] = " ".join((child.text or "").split())
                self.custom_mark = ""
            elif name == "t":
                self.text(out, child.text or "", bold, italic)
            elif name == "tab" or name == "ptab":
                self.text(out, "\t", bold, italic)
            elif name in ("br", "cr"):
                if child.get(W + "type") not in ("page", "column"):
                    etree.SubElement(out, "br")
            elif name == "noBreakHyphen":
                self.text(out, "-", bold, italic)  # as it shows, and as a search types it
            elif name in ("footnoteReference", "endnoteReference"):
                key = f"{name[:-9]}:{child.get(W + 'id', '')}"
                self.note_order.append(key)
                etree.SubElement(out, "a", {"data-note": key})
                if child.get(W + "customMarkFollows", "").lower() in ("1", "true", "on"):
                    self.custom_mark = key  # the run's next text is the marker, not text
            elif name == "ruby":
                self.ruby(child, out, emphasis=emphasis, boxes=boxes)
            elif name == "AlternateContent" and (chosen := self.alternate(child)) is not None:
                self.run_content(chosen, out, bold, italic, emphasis=emphasis, boxes=boxes)
            elif name in ("drawing", "pict", "object"):
                boxes.extend(_text_boxes(child))

    def ruby(
        self,
        node: etree._Element,
        out: etree._Element,
        *,
        emphasis: bool,
        boxes: list[etree._Element],
    ) -> None:
        ruby = etree.SubElement(out, "ruby")
        base = node.find(W + "rubyBase")
        if base is not None:
            self.inline(base, ruby, emphasis=emphasis, boxes=boxes)
        rt = node.find(W + "rt")
        if rt is not None:
            reading = etree.SubElement(ruby, "rt")
            self.inline(rt, reading, emphasis=False, boxes=boxes)

    def text(self, out: etree._Element, text: str, bold: bool, italic: bool) -> None:
        """Append ``text``, inside ``b``/``i`` when emphasised; a run continuing the previous
        one's emphasis joins its span (Word splits runs at every edit)."""
        if not text:
            return
        target = out
        for tag, on in (("b", bold), ("i", italic)):
            if not on:
                continue
            last = target[-1] if len(target) else None
            if last is not None and last.tag == tag and not last.tail:
                target = last
            else:
                target = etree.SubElement(target, tag)
        if len(target):
            last = target[-1]
            last.tail = (last.tail or "") + text
        else:
            target.text = (target.text or "") + text


def _is_contents(el: etree._Element) -> bool:
    """A content control holding Word's table of contents (its heading and lines, with page
    numbers): not text, as an EPUB's contents page is not."""
    if _local(el) != "sdt":
        return False
    gallery = el.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and gallery.get(W + "val", "").lower() == "table of contents"


def _mark(rpr: etree._Element | None) -> bool:
    """An emphasis mark (傍点: ``w:em`` dot, comma, circle, under-dot) on the run."""
    value = _val(rpr, "em")
    return value is not None and value not in ("none", "")


def _short_line(p: etree._Element) -> bool:
    """At most :data:`_SHORT` characters and no sentence (a date, a name, 以上)."""
    text = "".join(t.text or "" for t in p.iter(W + "t")).strip()
    return 0 < len(text) <= _SHORT and not text.rstrip("」』）)").endswith(("。", "."))


def _owner(el: etree._Element, name: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and _local(parent) != name:
        parent = parent.getparent()
    return parent


def _text_boxes(node: etree._Element) -> list[etree._Element]:
    """The outermost text boxes in a drawing (one per rendering: the first is taken)."""
    found = [el for el in node.iter(W + "txbxContent") if _owner(el, "txbxContent") is None]
    return found


def _walk_notes(
    parts: _Parts, converter: _Converter, folder: str, kind: str
) -> dict[str, etree._Element]:
    """The notes of ``footnotes.xml``/``endnotes.xml`` as list items (their paragraphs one
    block), by key; the separators Word keeps there are left out."""
    root = parts.get(posixpath.join(folder, f"{kind}s.xml"))
    notes: dict[str, etree._Element] = {}
    if root is None:
        return notes
    for note in root.iter(W + kind):
        if note.get(W + "type", "normal") != "normal":
            continue
        li = etree.Element("li")
        converter.blocks(note, li)
        notes[f"{kind}:{note.get(W + 'id', '')}"] = li
    return notes


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    """Word's letter numbering: a…z, then aa…zz, aaa…"""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


#: Word's note number formats (``w:numFmt``) → the label of note ``n``; a format not here is
#: decimal.
_NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "decimalFullWidth": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "chicago": lambda n: "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1),
}


def _numbering(settings: etree._Element | None) -> dict[str, tuple[Callable[[int], str], int]]:
    """How footnotes and endnotes are numbered (``settings.xml``: ``w:footnotePr``,
    ``w:endnotePr``): Word's defaults are 1, 2… and i, ii…, from 1."""
    found = {"footnote": (_NUMBER_FORMATS["decimal"], 1), "endnote": (_roman, 1)}
    if settings is None:
        return found
    for kind in found:
        props = settings.find(f"{W}{kind}Pr")
        fmt = _val(props, "numFmt")
        start = _val(props, "numStart") or ""
        number = _NUMBER_FORMATS.get(fmt, str) if fmt else found[kind][0]
        found[kind] = (number, int(start) if start.isdigit() and int(start) < 10000 else 1)
    return found


def _note_sources(
    order: list[str],
    notes: dict[str, etree._Element],
    numbering: dict[str, tuple[Callable[[int], str], int]],
    custom: dict[str, str],
    walker_removed: list[int],
) -> list[NoteSource]:
    sources: list[NoteSource] = []
    numbers = {"footnote": 0, "endnote": 0}
    for key in dict.fromkeys(order):
        el = notes.get(key)
        if el is None:
            continue
        kind = key.split(":", 1)[0]
        label = custom.get(key, "")
        if not label:  # a note with a mark of its own takes no number (as in Word)
            numbers[kind] += 1
            number, start = numbering[kind]
            label = number(numbers[kind] + start - 1)
        walker = Walker()
        walker.kinds = [("list_item", 0)]  # the note's paragraphs are one text
        walker.children(el)
        walker.flush()
        walker_removed[0] += walker.removed
        piece = next((p for p in walker.pieces if p.text.strip()), None)
        if piece is None:
            continue
        text, ruby = piece.text, piece.ruby
        if key in custom and text.startswith(label):  # the mark typed again before the note
            cut = len(text) - len(text[len(label) :].lstrip())
            text = text[cut:]
            ruby = [Ruby(r.start - cut, r.end - cut, r.reading) for r in ruby if r.start >= cut]
        sources.append(NoteSource(key, label, text, ruby=ruby))
    return sources


def _main_part(parts: _Parts) -> str:
    """The document part the package's relationships name (``word/document.xml`` as Word
    writes it)."""
    rels = parts.get("_rels/.rels")
    if rels is not None:
        for rel in rels:
            if rel.get("Type", "").endswith("/officeDocument"):
                target = resolve("", rel.get("Target", "").lstrip("/"))
                if target and target in parts.archive.infos:
                    return target
    return "word/document.xml"


def _metadata(root: etree._Element | None) -> dict[str, str]:
    if root is None:
        return {}

    def first(tag: str) -> str:
        el = root.find(tag)
        return " ".join((el.text or "").split()) if el is not None else ""

    meta: dict[str, str] = {}
    title = first(_DC + "title")
    if title and not JUNK_TITLE.match(title):
        meta["title"] = title
    author = first(_DC + "creator")
    if author and not JUNK_AUTHOR.match(author):
        meta["author"] = author
    date = first(_DCTERMS + "created") or first(_DCTERMS + "modified")
    if date and not date.startswith("1601"):  # Word's "no date" (the FILETIME epoch)
        meta["date"] = iso_date(date)
    language = first(_DC + "language")
    if language:
        meta["language"] = language
    return meta


def import_docx(path: Path) -> Document:
    with Archive(path) as archive:
        parts = _Parts(archive)
        main = _main_part(parts)
        folder = posixpath.dirname(main)
        document = parts.get(main, required=True)
        assert document is not None  # required
        styles = _Styles(parts.get(posixpath.join(folder, "styles.xml")))
        converter = _Converter(styles)
        body = document.find(W + "body")
        if body is None:
            raise ImportFailed(f"{path}: cannot import: the Word file's document has no body")
        tree = etree.Element("body")
        converter.blocks(body, tree)
        notes = _walk_notes(parts, converter, folder, "footnote")
        notes.update(_walk_notes(parts, converter, folder, "endnote"))
        metadata = _metadata(parts.get("docProps/core.xml"))
        numbering = _numbering(parts.get(posixpath.join(folder, "settings.xml")))
    removed = [parts.removed]
    sources = _note_sources(
        converter.note_order, notes, numbering, converter.custom_labels, removed
    )
    total = sum(len(t) for t in tree.itertext())
    # A box holds less than half of the text; one holding more is the text, read in place.
    simple = {box for box in converter.boxes if 2 * sum(len(t) for t in box.itertext()) < total}
    known = {s.key for s in sources}
    walker = Walker(
        ref_of=lambda el: key if (key := el.get("data-note")) in known else None,
        box_at=lambda el: el in simple,
    )
    walker.children(tree)
    walker.flush()
    removed[0] += walker.removed
    pieces, sources = endnotes(refine(walker.pieces), sources)
    notices = []
    if removed[0]:
        notices.append(f"removed {count(removed[0], CONTROL, CONTROLS)}")
    if not any(p.text.strip() for p in pieces):
        notices.append("empty file: nothing to read")
    # the date the text states (a dateline under the title) before the file's own date
    created = metadata.pop("date", "")
    doc = build(pieces, sources, name=path.stem, metadata=metadata, notices=notices)
    if created:
        doc.metadata.setdefault("date", created)
    return doc
