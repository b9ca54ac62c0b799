"""EPUB 2/3 books → :class:`Document`: the spine's chapters in order, read as XHTML by
:mod:`store.importer.htmltree`, in memory and with the archive limits of :mod:`archive`.

- The book's table of contents (``nav.xhtml``, else ``toc.ncx``) is the outline: a heading it
  points at takes the TOC's depth as its level; where it points at no heading (a chapter
  file's start, a ``div``), its label is inserted as the heading. Headings the TOC does not
  list nest below the last one it does.
- Notes: ``epub:type="noteref"`` links (or marker-like links to notes in any chapter) become
  footnote markers, ``epub:type="footnote"``/``endnote`` asides and the notes they point at
  are read out of the flow into footnotes.
- ``epub:type="pagebreak"`` markers and the ``page-list`` give the printed pages.
- Metadata: ``dc:title``, ``dc:creator``, ``dc:publisher``, ``dc:date``, ``dc:language``.
- Vertical writing (``writing-mode: vertical-rl``, ``page-progression-direction="rtl"``) is a
  matter of display only: the text is read in its logical (document) order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from store.counts import CONTROL, CONTROLS, count
from store.importer.archive import Archive, resolve
from store.importer.errors import ImportFailed
from store.importer.formats import Progress
from store.importer.html import Notes, iso_date, parse_html, refine
from store.importer.htmltree import (
    HEADINGS,
    INVISIBLE,
    Walker,
    attr,
    is_box,
    local,
    semantic,
    text_of,
)
from store.importer.structured import Piece, build, endnotes
from store.model import Document

_XML = etree.XMLParser(
    recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
_DC = "{http://purl.org/dc/elements/1.1/}"
_XHTML_TYPES = ("application/xhtml+xml", "text/html", "application/xml")


@dataclass
class TocEntry:
    doc: str
    fragment: str
    label: str
    depth: int


def _xml(data: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(data, _XML)
    except etree.XMLSyntaxError:
        return None


def _content(data: bytes) -> etree._Element:
    """A chapter: XHTML as XML (self-closing tags, entities kept as nodes); a chapter that is
    not well-formed is read by the HTML parser instead."""
    root = _xml(data)
    if root is None or local(root) != "html":
        text = data.decode("utf-8", "replace")
        root = parse_html(text)
    return root


def _find_all(root: etree._Element, name: str) -> list[etree._Element]:
    return [el for el in root.iter() if local(el) == name]


def _rootfile(archive: Archive) -> str:
    container = _xml(archive.read("META-INF/container.xml", limit=1 << 20))
    if container is not None:
        for el in _find_all(container, "rootfile"):
            full = el.get("full-path", "")
            if full in archive.infos:
                return full
    opfs = [n for n in archive.names() if n.lower().endswith(".opf")]
    if not opfs:
        raise ImportFailed(f"{archive.path}: cannot import: EPUB without a package (.opf) file")
    return opfs[0]


def _metadata(opf: etree._Element) -> dict[str, str]:
    def values(name: str) -> list[str]:
        found = (" ".join("".join(el.itertext()).split()) for el in opf.iter(f"{_DC}{name}"))
        return [v for v in found if v]

    meta = {
        "title": next(iter(values("title")), ""),
        "author": "、".join(values("creator")),
        "publisher": next(iter(values("publisher")), ""),
        "date": iso_date(next(iter(values("date")), "")),
        "language": next(iter(values("language")), ""),
        # an EPUB is a book: cited 『書名』, not as an article (the user's `m` can say otherwise)
        "kind": "book",
    }
    return {k: v for k, v in meta.items() if v}


def _toc_from_nav(
    nav_name: str, root: etree._Element
) -> tuple[list[TocEntry], dict[tuple[str, str], str]]:
    entries: list[TocEntry] = []
    pages: dict[tuple[str, str], str] = {}
    for nav in _find_all(root, "nav"):
        kinds = semantic(nav)
        if "toc" in kinds:
            for ol in (c for c in nav if local(c) in ("ol", "ul")):
                _nav_list(nav_name, ol, 1, entries)
        elif "page-list" in kinds:
            for a in _find_all(nav, "a"):
                href = a.get("href", "")
                doc = resolve(nav_name, href)
                if doc and "#" in href:
                    pages[(doc, href.split("#", 1)[1])] = text_of(a)
    return entries, pages


def _nav_list(base: str, ol: etree._Element, depth: int, out: list[TocEntry]) -> None:
    for li in (c for c in ol if local(c) == "li"):
        link = next((c for c in li if local(c) in ("a", "span")), None)
        if link is not None and link.get("href"):
            href = link.get("href", "")
            doc = resolve(base, href)
            if doc:
                frag = href.split("#", 1)[1] if "#" in href else ""
                out.append(TocEntry(doc, frag, text_of(link), depth))
        for sub in (c for c in li if local(c) in ("ol", "ul")):
            _nav_list(base, sub, depth + 1, out)


def _toc_from_ncx(ncx_name: str, root: etree._Element) -> list[TocEntry]:
    entries: list[TocEntry] = []

    def visit(point: etree._Element, depth: int) -> None:
        label = next((text_of(el) for el in point.iter() if local(el) == "text"), "")
        content = next((c for c in point if local(c) == "content"), None)
        if content is not None:
            src = content.get("src", "")
            doc = resolve(ncx_name, src)
            if doc:
                frag = src.split("#", 1)[1] if "#" in src else ""
                entries.append(TocEntry(doc, frag, label, depth))
        for child in point:
            if local(child) == "navPoint".lower():
                visit(child, depth + 1)

    for navmap in _find_all(root, "navmap"):
        for point in navmap:
            if local(point) == "navpoint":
                visit(point, 1)
    return entries


class _Outline:
    """Levels for headings: the TOC's depth where it names them, below it otherwise."""

    def __init__(self, entries: list[TocEntry]) -> None:
        self.by_place: dict[tuple[str, str], TocEntry] = {}
        for entry in entries:
            self.by_place.setdefault((entry.doc, entry.fragment), entry)
        self.imposed: dict[etree._Element, tuple[int, str]] = {}
        self.doc = ""
        self.depth = 0  # the last TOC heading's depth and its h level
        self.h_level = 0

    def start(self, doc: str, body: etree._Element, walker: Walker) -> None:
        """Entering a chapter: a TOC entry for the file itself goes to its first heading when
        nothing precedes it, else its label becomes the chapter's heading."""
        self.doc = doc
        entry = self.by_place.get((doc, ""))
        if entry is None:
            return
        seen = 0
        for el in body.iter():
            name = local(el)
            if name in INVISIBLE:
                continue
            if name in HEADINGS:
                self.imposed[el] = (entry.depth, "")
                return
            if name and el is not body and el.text and el.text.strip():
                seen += len(el.text.strip())
                if seen > 20:
                    break
        walker.flush()
        walker.pieces.append(Piece("heading", entry.label, entry.depth))
        self.depth, self.h_level = entry.depth, 0

    def heading_at(self, el: etree._Element) -> tuple[int, str] | None:
        name = local(el)
        imposed = self.imposed.pop(el, None)
        entry = None
        if imposed is None and el.get("id"):
            entry = self.by_place.get((self.doc, el.get("id", "")))
        if imposed is not None or entry is not None:
            depth = imposed[0] if imposed is not None else entry.depth  # type: ignore[union-attr]  # one of the two is set (the if above)
            label = "" if name in HEADINGS else entry.label if entry is not None else ""
            if name not in HEADINGS:
                inner = next((d for d in el.iter() if local(d) in HEADINGS), None)
                if inner is not None:
                    self.imposed[inner] = (depth, "")
                    return None
            self.depth, self.h_level = depth, HEADINGS.get(name, 0)
            return depth, label
        if name in HEADINGS and self.by_place:
            h = HEADINGS[name]
            step = h - self.h_level if self.h_level else 1
            return min(6, self.depth + max(1, step)), ""
        return None


def _is_contents_page(name: str, body: etree._Element, chapters: set[str]) -> bool:
    """A page that is mostly links to the book's other chapters: a printed book's 目次 page in
    the spine. The table of contents is the outline already; as text it would be a heading 目次
    and a list of titles before the first chapter."""
    links = [
        el
        for el in body.iter()
        if local(el) == "a" and resolve(name, el.get("href", "")) in chapters - {name}
    ]
    if len(links) < 2:
        return False
    linked = sum(len("".join(text_of(a).split())) for a in links)
    return 5 * linked >= 3 * len("".join(text_of(body).split()))


def import_epub(path: Path, *, progress: Progress | None = None) -> Document:
    with Archive(path) as archive:
        opf_name = _rootfile(archive)
        opf = _xml(archive.read(opf_name, limit=16 << 20))
        if opf is None:
            raise ImportFailed(f"{path}: cannot import: unreadable EPUB package file")
        metadata = _metadata(opf)
        manifest: dict[str, tuple[str, str, str]] = {}
        for item in _find_all(opf, "item"):
            name = resolve(opf_name, item.get("href", ""))
            if name:
                manifest[item.get("id", "")] = (
                    name,
                    item.get("media-type", ""),
                    item.get("properties", ""),
                )
        spine_el = next(iter(_find_all(opf, "spine")), None)
        spine = [
            manifest[ref.get("idref", "")][0]
            for ref in (_find_all(spine_el, "itemref") if spine_el is not None else [])
            if ref.get("idref", "") in manifest
            and manifest[ref.get("idref", "")][1] in _XHTML_TYPES
        ]
        if not spine:
            raise ImportFailed(f"{path}: cannot import: the EPUB's spine lists no chapters")
        toc: list[TocEntry] = []
        pages: dict[tuple[str, str], str] = {}
        nav = next((v[0] for v in manifest.values() if "nav" in v[2].split()), None)
        if nav and nav in archive.infos:
            nav_root = _content(archive.read(nav))
            toc, pages = _toc_from_nav(nav, nav_root)
        if not toc and spine_el is not None:
            ncx_id = spine_el.get("toc", "")
            ncx = manifest.get(ncx_id, ("", "", ""))[0] or next(
                (v[0] for v in manifest.values() if v[1] == "application/x-dtbncx+xml"), ""
            )
            if ncx and ncx in archive.infos:
                ncx_root = _xml(archive.read(ncx))
                if ncx_root is not None:
                    toc = _toc_from_ncx(ncx, ncx_root)
        docs: list[tuple[str, etree._Element]] = []
        for i, name in enumerate(dict.fromkeys(spine)):
            if name in archive.infos:
                docs.append((name, _content(archive.read(name))))
            if progress is not None:
                progress(i + 1, len(spine) * 2)
    return _read_book(path, docs, toc, pages, metadata, progress)


def _read_book(
    path: Path,
    docs: list[tuple[str, etree._Element]],
    toc: list[TocEntry],
    pages: dict[tuple[str, str], str],
    metadata: dict[str, str],
    progress: Progress | None,
) -> Document:
    names = {name for name, _ in docs}
    notes = Notes()
    for name, root in docs:
        notes.add_document(name, root)
    notes.find(
        docs, resolve=lambda doc, href: (lambda r: r if r in names else None)(resolve(doc, href))
    )
    outline = _Outline(toc)
    current = [""]

    def skip(el: etree._Element) -> bool:
        return local(el) == "nav" or el.get("hidden") is not None

    def page_at(el: etree._Element) -> str | None:
        if "pagebreak" in semantic(el):
            return attr(el, "aria-label") or el.get("title") or text_of(el) or None
        el_id = el.get("id")
        return pages.get((current[0], el_id)) if el_id else None

    chapter_text = [0]

    def box(el: etree._Element) -> bool:
        # a box, not a block round the chapter: it holds less than half of the chapter's text
        return is_box(el) and 2 * len(text_of(el)) < chapter_text[0]

    walker = Walker(
        ref_of=notes.ref,
        note_of=notes.is_note,
        skip=skip,
        heading_at=outline.heading_at,
        page_at=page_at,
        box_at=box,
    )
    for i, (name, root) in enumerate(docs):
        current[0] = name
        body = next((el for el in root.iter() if local(el) == "body"), root)
        if _is_contents_page(name, body, names):
            continue
        chapter_text[0] = len(text_of(body))
        outline.start(name, body, walker)
        walker.children(body)
        walker.flush()
        if progress is not None:
            progress(len(docs) + i + 1, len(docs) * 2)
    pieces, sources = endnotes(refine(walker.pieces), notes.sources(skip))
    notices = []
    if walker.removed:
        notices.append(f"removed {count(walker.removed, CONTROL, CONTROLS)}")
    if not any(p.text.strip() for p in pieces):
        notices.append("empty file: nothing to read")
    return build(pieces, sources, name=path.stem, metadata=metadata, notices=notices)
