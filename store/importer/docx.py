"""Word documents (``.docx``, Office Open XML) → :class:`Document`, in memory and with the
archive limits of :mod:`archive`; the package's parts, styles, note numbering and core
properties are :mod:`store.importer.ooxml`'s.

The body of ``word/document.xml`` is translated into the few HTML elements it means
(``p``, ``h1``–``h6``, ``li``, ``table``, ``b``/``i``, ``ruby``, a note marker, an ``aside``
for a text box) and read by the web page importer's walker
(:class:`store.importer.htmltree.Walker`), so a Word file follows the same rules as every
other format: one whitespace rule, tables as rows, boxes nested, ruby as :class:`Ruby`.

- Headings by paragraph style: ``Title``, ``Heading 1``–``6`` (``見出し 1``…), by the style's id
  or its name in ``styles.xml`` (followed through ``basedOn``), or an outline level
  (``w:outlineLvl``) on the paragraph or its style. ``Subtitle``, ``Caption`` and a short
  flush-right line (a date, a signature) are ``meta`` lines, ``Quote`` a quote.
- List items: a paragraph with numbering (``w:numPr``, its own or its style's); a heading's
  number (``第１章``, ``1.2``, counted by :class:`store.importer.ooxml.ListNumbers`) is part
  of its text, a list item's is not (as a web page's ``<ol>``).
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
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from store.counts import CONTROL, CONTROLS, count
from store.importer.archive import Archive
from store.importer.errors import ImportFailed
from store.importer.html import refine
from store.importer.htmltree import Walker
from store.importer.ooxml import (
    MC,
    ListNumbers,
    Parts,
    Styles,
    W,
    core_metadata,
    local,
    main_part,
    mark,
    note_numbering,
    on,
    val,
)
from store.importer.structured import NoteSource, build, endnotes
from store.model import Document, Ruby

#: A flush-right paragraph this short is a meta line (longer, it is text set that way).
_SHORT = 40
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
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


class _Converter:
    """``document.xml``'s body → an HTML-like tree the walker reads."""

    def __init__(self, styles: Styles, numbers: ListNumbers) -> None:
        self.styles = styles
        self.numbers = numbers
        self.note_order: list[str] = []  # note keys (``footnote:3``) as their markers come
        self.boxes: list[etree._Element] = []
        self.custom_mark = ""  # a note whose own marker (``*``) the next text is
        self.custom_labels: dict[str, str] = {}

    # -- blocks ---------------------------------------------------------------------------

    def blocks(self, container: etree._Element, out: etree._Element) -> None:
        for child in container:
            name = local(child)
            if name == "p":
                self.paragraph(child, out)
            elif name == "tbl":
                self.table(child, out)
            elif name in _TRANSPARENT and not _is_contents(child):
                self.blocks(child, out)  # a content control, custom XML, a moved block

    def paragraph(self, p: etree._Element, out: etree._Element) -> None:
        ppr = p.find(W + "pPr")
        style = val(ppr, "pStyle") or ""
        role, level = self.styles.role(style)
        if role == "toc":
            return  # a table of contents' line: the headings are the outline already
        own = val(ppr, "outlineLvl")
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
        elif val(ppr, "jc") in ("right", "end") and _short_line(p):
            tag = "address"  # a date, a sender, a signature set flush right: a meta line
        else:
            tag = "p"
        el = etree.SubElement(out, tag)
        number = self.count(ppr, style)
        if tag in _HEADINGS:
            el.text = number  # 第１章, 1.2: part of how the heading reads and is cited
        boxes: list[etree._Element] = []
        self.inline(p, el, emphasis=tag not in _HEADINGS, boxes=boxes)
        for box in boxes:
            aside = etree.SubElement(out, "aside")
            self.blocks(box, aside)
            self.boxes.append(aside)

    def num_pr(self, ppr: etree._Element | None, style: str) -> tuple[str, int] | None:
        """The paragraph's list and level: its own numbering, else its style's (``numId`` 0
        switches it off)."""
        own = ppr.find(W + "numPr") if ppr is not None else None
        styled = self.styles.num_pr(style)
        num_id = val(own, "numId") or val(styled, "numId")
        if not num_id or num_id == "0":
            return None
        ilvl = val(own, "ilvl") or val(styled, "ilvl") or "0"
        return num_id, int(ilvl) if ilvl.isdigit() and int(ilvl) < 9 else 0

    def numbered(self, ppr: etree._Element | None, style: str) -> bool:
        """A list item: a paragraph with numbering."""
        return self.num_pr(ppr, style) is not None

    def count(self, ppr: etree._Element | None, style: str) -> str:
        """Count the paragraph in its list (every numbered paragraph counts, shown or not);
        the number Word draws before it."""
        found = self.num_pr(ppr, style)
        return self.numbers.next(*found) if found is not None else ""

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
                if val(tc.find(W + "tcPr"), "vMerge") in ("", "continue"):
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
            name = local(child)
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
        chosen = node.find(MC + "Choice")
        return chosen if chosen is not None else node.find(MC + "Fallback")

    def run(
        self, r: etree._Element, out: etree._Element, *, emphasis: bool, boxes: list[etree._Element]
    ) -> None:
        rpr = r.find(W + "rPr")
        if on(rpr, "vanish") or on(rpr, "specVanish"):
            return  # hidden text
        styled_bold, styled_italic = self.styles.run_emphasis(val(rpr, "rStyle") or "")
        # the run's own setting first, else its character style's; emphasis marks (傍点,
        # ``w:em``) are bold, as the Aozora notation's 傍点 is
        own_bold = on(rpr, "b") if val(rpr, "b") is not None else None
        if mark(rpr):
            own_bold = True
        own_italic = on(rpr, "i") if val(rpr, "i") is not None else None
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
            name = local(child)
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
        for tag, wanted in (("b", bold), ("i", italic)):
            if not wanted:
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
    if local(el) != "sdt":
        return False
    gallery = el.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and gallery.get(W + "val", "").lower() == "table of contents"


def _short_line(p: etree._Element) -> bool:
    """At most :data:`_SHORT` characters and no sentence (a date, a name, 以上)."""
    text = "".join(t.text or "" for t in p.iter(W + "t")).strip()
    return 0 < len(text) <= _SHORT and not text.rstrip("」』）)").endswith(("。", "."))


def _owner(el: etree._Element, name: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and local(parent) != name:
        parent = parent.getparent()
    return parent


def _text_boxes(node: etree._Element) -> list[etree._Element]:
    """The outermost text boxes in a drawing (one per rendering: the first is taken)."""
    found = [el for el in node.iter(W + "txbxContent") if _owner(el, "txbxContent") is None]
    return found


def _walk_notes(
    parts: Parts, converter: _Converter, folder: str, kind: str
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


def import_docx(path: Path) -> Document:
    with Archive(path) as archive:
        parts = Parts(archive)
        main = main_part(parts)
        folder = posixpath.dirname(main)
        document = parts.get(main, required=True)
        assert document is not None  # required
        styles = Styles(parts.get(posixpath.join(folder, "styles.xml")))
        numbers = ListNumbers(parts.get(posixpath.join(folder, "numbering.xml")))
        converter = _Converter(styles, numbers)
        body = document.find(W + "body")
        if body is None:
            raise ImportFailed(f"{path}: cannot import: the Word file's document has no body")
        tree = etree.Element("body")
        converter.blocks(body, tree)
        notes = _walk_notes(parts, converter, folder, "footnote")
        notes.update(_walk_notes(parts, converter, folder, "endnote"))
        metadata = core_metadata(parts.get("docProps/core.xml"))
        numbering = note_numbering(parts.get(posixpath.join(folder, "settings.xml")))
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
