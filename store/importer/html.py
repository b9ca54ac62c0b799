"""Web pages (``.html``, a page saved from a browser with its ``_files/`` folder, or a single
file) → :class:`Document`, with lxml's HTML parser and no network access ever.

The page's chrome goes first, by structure (``nav``, the page's ``header``/``footer``,
``aside``, ARIA landmarks other than ``main``, class or id words such as ``breadcrumb``,
``share``, ``related``, ``pagetop``) and by the text importer's web-debris rules; then the main
content is taken from ``<main>``, ``role=main``, the ``<article>`` with most text, or else the
element holding most of the page's paragraph text. Title, author, date, publisher and URL come
from the page's own metadata (``og:``, ``article:``, ``citation_``, Dublin Core, JSON-LD,
``<title>``, the browser's ``saved from url`` comment).

Why not an extractor library: trafilatura flattens ``<ruby>`` into ``収斂 しゅうれん`` and merges
headings into paragraphs, and readability-lxml rewrites the tree (measured in ``docs/import.md``);
structure is what Shiori reads, so the rules here work on the tree itself.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from pathlib import Path

import lxml.html
from lxml import etree

from store.counts import CONTROL, CONTROLS, count
from store.files import FileProblem, describe, open_regular, shown
from store.importer.archive import read_bounded
from store.importer.chars import has_sentence
from store.importer.decode import UndecodableError, decode_bytes
from store.importer.errors import ImportFailed
from store.importer.htmltree import (
    HEADINGS,
    Walker,
    attr,
    class_words,
    is_box,
    is_marker_text,
    local,
    read_note,
    semantic,
    text_of,
)
from store.importer.meta import is_caption, is_meta
from store.importer.structured import NoteSource, Piece, build, endnotes
from store.importer.web_debris import is_debris, starts_debris_section
from store.model import Document
from store.patterns import compiled

#: Bytes read at most (a web page is rarely past a few MB; this bounds memory).
MAX_BYTES = 200 * 1024 * 1024

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = compiled(r"^\s*<\?xml[^>]*\?>")
_SAVED_FROM = compiled(r"saved from url=\(\d+\)(\S+)")
#: Class or id words that mark page chrome (split at - _ and spaces, compared whole).
_CHROME_WORDS = frozenset(
    [
        "breadcrumb",
        "breadcrumbs",
        "topicpath",
        "pankuzu",
        "share",
        "sharing",
        "sns",
        "social",
        "related",
        "relation",
        "ranking",
        "recommend",
        "recommended",
        "pagetop",
        "totop",
        "gotop",
        "backtotop",
        "pagenavi",
        "skip",
        "gnav",
        "globalnav",
        "localnav",
        "lnav",
        "snav",
        "sitenav",
        "menu",
        "sidebar",
        "widget",
        "banner",
        "ad",
        "ads",
        "advert",
        "advertisement",
        "sponsor",
        "sponsored",
        "cookie",
        "cookies",
        "comments",
        "comment",
        "pager",
        "pagination",
        "tagcloud",
        "newsletter",
        "subscribe",
        "footer-nav",
        "header-nav",
        "toolbar",
        "print-button",
        # edit links beside headings, navigation boxes and category links (wikis), and what
        # a page itself marks as not worth printing
        "editsection",
        "editlink",
        "navbox",
        "catlinks",
        "noprint",
        # a page's own table of contents (the outline shows the headings already)
        "toc",
        "mokuji",
        "tableofcontents",
    ]
)
_CHROME_JOINED = frozenset({"backtotop", "pagetop", "gotop", "totop", "snsshare", "sharebuttons"})
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"}
)
_CONTENT_WORDS = frozenset(
    [
        "content",
        "contents",
        "main",
        "article",
        "entry",
        "post",
        "body",
        "honbun",
        "text",
        "story",
        "maincontent",
    ]
)


# -- reading the bytes ------------------------------------------------------------------------


def _codec(name: bytes) -> str | None:
    label = name.decode("ascii", "ignore").strip().lower()
    label = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932"}.get(
        label, label
    )
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, declared: str = "") -> tuple[str, str]:
    """The page as text and its encoding: a BOM, then the charset a transport ``declared`` (a
    saved page's MIME header), then the page's own ``<meta charset>`` or XML declaration (the
    HTML pre-scan of the first bytes), else the text importer's detection."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    said = _codec(declared.encode("ascii", "ignore")) if declared else None
    if said and said not in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        try:
            return data.decode(said), said
        except UnicodeDecodeError:
            pass  # the header lies: the page's own declaration, else detection
    head = data[:4096]
    m = _CHARSET.search(head) or _XML_ENCODING.match(head)
    codec = _codec(m.group(1)) if m else None
    if codec and codec not in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass  # the declaration lies: detect instead
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError:
        text, encoding = data.decode(codec or "utf-8", "replace"), codec or "utf-8"
    return text, encoding


def parse_html(text: str) -> etree._Element:
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return lxml.html.document_fromstring("<html><body></body></html>")
    try:
        return lxml.html.document_fromstring(text)
    except etree.ParserError:
        return lxml.html.document_fromstring("<html><body></body></html>")


# -- metadata ----------------------------------------------------------------------------------


def _clean(value: object) -> str:
    """One line; a headline's full-width space (``拡充へ　中小企業``) stays one, as printed."""
    return _SPACES.sub(_one_space, str(value or "")).strip()


_SPACES = compiled(r"\s+")


def _one_space(run: re.Match[str]) -> str:
    return "\u3000" if run.group() == "\u3000" else " "


def iso_date(value: str) -> str:
    """``2025-02-07T10:00:00+09:00`` → ``2025-02-07``; ``2025/2/7`` → ``2025-02-07``;
    anything else as it is."""
    m = re.match(r"^\s*(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?", value)
    if not m:
        m2 = re.match(r"^\s*(\d{4})\b", value)
        return m2.group(1) if m2 and len(value.strip()) <= 10 else _clean(value)
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return f"{y}-{int(mo):02d}" + (f"-{int(d):02d}" if d else "")


def _json_ld(root: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            kind = item.get("@type", "")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(
                "Article" in str(k) or k in ("WebPage", "BlogPosting", "Report") for k in kinds
            ):
                continue
            found.setdefault("title", _clean(item.get("headline") or item.get("name")))
            found.setdefault("author", _names(item.get("author")))
            found.setdefault("publisher", _names(item.get("publisher")))
            found.setdefault("date", _clean(item.get("datePublished") or item.get("dateCreated")))
            found.setdefault(
                "url", _clean(item.get("url") if isinstance(item.get("url"), str) else "")
            )
    return found


def _names(value: object) -> str:
    if isinstance(value, list):
        return "、".join(n for n in (_names(v) for v in value) if n)
    if isinstance(value, dict):
        return _clean(value.get("name"))
    return _clean(value) if isinstance(value, str) else ""


_SITE_SUFFIX = compiled(r"^(?P<title>.+?)\s*[|｜]\s*(?P<site>[^|｜]{1,40})$")


def _without_site(title: str, site: str) -> str:
    """``日米首脳会談 | 外務省`` → ``日米首脳会談``: a page's title carries the site's name after a
    bar (any name when the page names no site, else that one, also after a dash); never
    down to nothing."""
    m = _SITE_SUFFIX.match(title)
    if m and (not site or m.group("site").strip() == site):
        return m.group("title").strip() or title
    if site:
        for sep in (" - ", " – ", " — ", "：", ": "):
            if title.endswith(sep + site):
                return title[: -len(sep + site)].strip() or title
    return title


_SITE_SEPARATOR = compiled(r"^\s*(?:[-–—|｜:：/／]|\s)\s*\S")


def _heading_before_site(title: str, heading: str) -> str:
    """``栞 - Wikipedia`` → ``栞`` when the page's own heading is ``栞``: a title that is the
    heading, a separator and more names the site after the heading, whatever the site."""
    if heading and title.startswith(heading) and _SITE_SEPARATOR.match(title[len(heading) :]):
        return heading
    return title


def _page_title(title: str, site: str, heading: str) -> str:
    """A title the page states (``og:title``, ``twitter:title``, JSON-LD, ``<title>``) without
    the site's name after it: sites put it in every one of them, not only in ``<title>``."""
    return _heading_before_site(_without_site(title, site), heading)


def page_metadata(root: etree._Element) -> dict[str, str]:
    """What the page states about itself (empty fields left out)."""
    meta: dict[str, str] = {}
    named: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = _clean(el.get("content"))
        if key and content:
            named.setdefault(key, content)
    ld = _json_ld(root)

    def first(*keys: str) -> str:
        return next((named[k] for k in keys if named.get(k)), "")

    title_el = root.find(".//title")
    h1 = root.find(".//h1")
    # a paper's citation_title is its title as indexed (a subtitle after a colon is its own)
    meta["title"] = first("citation_title") or _page_title(
        first("og:title", "dc.title", "twitter:title")
        or ld.get("title", "")
        or (_clean(title_el.text_content()) if title_el is not None else ""),
        first("og:site_name", "dc.publisher"),
        _clean(h1.text_content()) if h1 is not None else "",
    )
    meta["author"] = first("citation_author", "author", "article:author", "dc.creator") or ld.get(
        "author", ""
    )
    meta["publisher"] = first(
        "citation_publisher", "citation_journal_title", "og:site_name", "dc.publisher"
    ) or ld.get("publisher", "")
    date = first(
        "citation_publication_date",
        "citation_date",
        "article:published_time",
        "dc.date.issued",
        "dc.date",
        "date",
        "pubdate",
        "publishdate",
    ) or ld.get("date", "")
    if not date:
        time_el = root.find(".//time[@datetime]")
        date = time_el.get("datetime", "") if time_el is not None else ""
    meta["date"] = iso_date(date) if date else ""
    canonical = next(
        (
            el.get("href", "")
            for el in root.iter("link")
            if (el.get("rel") or "").lower() == "canonical"
        ),
        "",
    )
    meta["url"] = first("og:url", "citation_public_url") or canonical or ld.get("url", "")
    if not meta["url"]:
        for node in root.itersiblings(preceding=True):
            m = (
                _SAVED_FROM.search(str(node.text or ""))
                if isinstance(node, etree._Comment)
                else None
            )
            if m:
                meta["url"] = m.group(1)
    if meta["url"] and not meta["url"].startswith(("http://", "https://")):
        meta["url"] = ""
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        meta["language"] = lang.strip()
    return {k: v for k, v in meta.items() if v}


# -- chrome and the main region ----------------------------------------------------------------


def _words(el: etree._Element) -> set[str]:
    return class_words(el, with_id=True)


def is_chrome(el: etree._Element, *, in_content: bool = False) -> bool:
    """Page furniture by structure: navigation, banners, share rows, related lists."""
    name = local(el)
    if name == "nav":
        return "toc" not in semantic(el)
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    roles = set((el.get("role") or "").lower().split())
    if roles & _CHROME_ROLES:
        return True
    if name in ("header", "footer") and not in_content:
        return True
    if name == "aside" and not semantic(el) & {
        "footnote",
        "endnote",
        "note",
        "rearnote",
        "sidebar",
    }:
        return not in_content or bool(_words(el) & _CHROME_WORDS)
    words = _words(el)
    return bool(words & _CHROME_WORDS or words & _CHROME_JOINED) or _is_contents_list(el)


def _is_contents_list(el: etree._Element) -> bool:
    """A list of links to the page's own headings (``#s1``…): the page's table of contents,
    whatever its class (its title, ``目次``, goes in :func:`refine`). Note markers and their
    back links are too little of their text."""
    if local(el) not in ("ol", "ul"):
        return False
    linked = count = 0
    for a in el.iter("a", "{http://www.w3.org/1999/xhtml}a"):
        if not (a.get("href") or "").startswith("#"):
            return False
        count += 1
        linked += sum(len("".join(t.split())) for t in a.itertext())
    if count < 2:
        return False
    return 5 * linked >= 3 * sum(len("".join(t.split())) for t in el.itertext())


def _text_length(el: etree._Element) -> int:
    return sum(len(t.strip()) for t in el.itertext())


def main_region(body: etree._Element) -> etree._Element:
    """The element holding the page's content (the whole body when nothing says so)."""
    total = max(1, _paragraph_text(body))
    for el in body.iter():
        is_main = local(el) == "main" or "main" in (el.get("role") or "").lower().split()
        if is_main and _paragraph_text(el) >= 0.3 * total:
            return el
    articles = [el for el in body.iter() if local(el) == "article"]
    if articles:
        best = max(articles, key=_paragraph_text)
        if _paragraph_text(best) >= 0.3 * total:
            return _widen_for_title(best)
    best_el, best_score = body, 0
    for el in body.iter():
        if local(el) not in ("div", "section", "td") or not (_words(el) & _CONTENT_WORDS):
            continue
        score = _paragraph_text(el)
        if score >= 0.5 * total and (
            best_el is body or score > best_score * 1.2 or _inside(el, best_el)
        ):
            best_el, best_score = el, score
    return best_el


def _inside(el: etree._Element, outer: etree._Element) -> bool:
    return any(a is outer for a in el.iterancestors())


def _paragraph_text(el: etree._Element) -> int:
    """Characters in paragraph-like elements (what a reader reads) under ``el``."""
    return sum(
        _text_length(p)
        for p in el.iter()
        if local(p) in ("p", "li", "blockquote", "dd", "td", "pre")
    ) or _text_length(el)


def _widen_for_title(article: etree._Element) -> etree._Element:
    """An article whose title heading sits just outside it: take the parent too."""
    if any(local(el) in HEADINGS for el in article.iter()):
        return article
    parent = article.getparent()
    if parent is not None and any(local(el) in ("h1", "h2") for el in parent.iter()):
        return parent
    return article


# -- notes -------------------------------------------------------------------------------------

_NOTE_TYPES = frozenset({"footnote", "endnote", "note", "rearnote"})
_NOTE_CLASS = frozenset(
    {"footnote", "footnotes", "endnote", "endnotes", "fn", "notes", "annotation"}
)
_NOTE_BLOCKS = frozenset({"li", "p", "aside", "div", "dd", "section", "td", "blockquote", "dt"})


#: ``(document, relative href path) -> document`` the path names, or None.
Resolver = Callable[[str, str], str | None]


class Notes:
    """Which anchors are note references and which elements are their notes, across one or
    several documents (an EPUB's chapters); keys are ``doc#id``."""

    def __init__(self) -> None:
        self.by_id: dict[str, dict[str, etree._Element]] = {}
        #: Keyed by the elements themselves (which keeps lxml's proxies, and so their identity, alive).
        self.note_key: dict[etree._Element, str] = {}
        self.elements: dict[str, etree._Element] = {}
        self.labels: dict[str, str] = {}
        self.ref_key: dict[etree._Element, str] = {}  # anchor (or its sup) -> key
        self.order: list[str] = []

    def add_document(self, doc: str, root: etree._Element) -> None:
        ids: dict[str, etree._Element] = {}
        for el in root.iter():
            if not local(el):
                continue
            for name in ("id", "name", "{http://www.w3.org/XML/1998/namespace}id"):
                value = el.get(name)
                if value and (name != "name" or local(el) == "a"):
                    ids.setdefault(value, el)
        self.by_id[doc] = ids

    def target(
        self, doc: str, href: str, resolve: Resolver | None = None
    ) -> tuple[str, str] | None:
        if "#" not in href:
            return None
        path, frag = href.split("#", 1)
        target_doc = doc if not path else (resolve(doc, path) if resolve else None)
        if target_doc is None or target_doc not in self.by_id or not frag:
            return None
        return target_doc, frag

    def find(self, docs: list[tuple[str, etree._Element]], resolve: Resolver | None = None) -> None:
        """Find references and notes in every document (call after :meth:`add_document`)."""
        for doc, root in docs:
            for el in root.iter():
                if local(el) != "a" or not el.get("href"):
                    continue
                tgt = self.target(doc, el.get("href", ""), resolve)
                if tgt is None:
                    continue
                tokens = semantic(el) | _words(el)
                marker = text_of(el)
                looks_ref = "noteref" in tokens or bool(
                    tokens & {"footnote-ref", "fnref", "noteref"}
                )
                parent = el.getparent()
                in_sup = parent is not None and local(parent) == "sup"
                if not looks_ref and not (
                    is_marker_text(marker) and (in_sup or _bracketed(marker))
                ):
                    continue
                note_el = self._note_element(tgt, el)
                if note_el is None:
                    continue
                key = self.note_key.get(note_el)
                if key is None:
                    key = f"{tgt[0]}#{tgt[1]}"
                    self.note_key[note_el] = key
                    self.elements[key] = note_el
                self.labels.setdefault(key, marker)
                holder = (
                    parent if in_sup and parent is not None and _only_child_text(parent, el) else el
                )
                self.ref_key[holder] = key
        for doc, root in docs:  # notes the semantics name, referenced or not
            for el in root.iter():
                if not local(el) or el in self.note_key:
                    continue
                if semantic(el) & _NOTE_TYPES and local(el) in _NOTE_BLOCKS:
                    if any(a in self.note_key for a in el.iterancestors()):
                        continue
                    key = f"{doc}#{el.get('id') or len(self.elements)}"
                    self.note_key[el] = key
                    self.elements[key] = el
        position = {}
        for n, (_doc, root) in enumerate(docs):
            for m, el in enumerate(root.iter()):
                if el in self.note_key:
                    position[self.note_key[el]] = (n, m)
        self.order = sorted(self.elements, key=lambda k: position.get(k, (0, 0)))

    def _note_element(self, tgt: tuple[str, str], ref: etree._Element) -> etree._Element | None:
        el = self.by_id.get(tgt[0], {}).get(tgt[1])
        if el is None:
            return None
        if local(el) == "a" and el.get("href"):
            return None  # it points at a link: a note's way back to its marker
        if any(semantic(a) & _NOTE_TYPES for a in ref.iterancestors()):
            return None  # a link inside a note leads back to the text
        node: etree._Element | None = el
        while node is not None and local(node) not in _NOTE_BLOCKS:
            node = node.getparent()
        if node is None or local(node) in HEADINGS:
            return None
        if any(a is node for a in ref.iterancestors()):
            return None  # the link points into the paragraph it sits in: not a note
        if local(node) in ("div", "section") and len(text_of(node)) > 3000:
            return None  # a whole section, not a note
        return node

    def is_note(self, el: etree._Element) -> str | None:
        return self.note_key.get(el)

    def ref(self, el: etree._Element) -> str | None:
        return self.ref_key.get(el)

    def sources(self, skip: Callable[[etree._Element], bool]) -> list[NoteSource]:
        out = []
        for key in self.order:
            el = self.elements[key]
            label = self.labels.get(key, "")
            text, ruby = read_note(el, label, skip=skip)
            if not label:
                label = _label_from(text_of(el)) or "*"
            out.append(NoteSource(key, label.strip(), text, ruby))
        return out


def _bracketed(marker: str) -> bool:
    m = marker.strip()
    return m[:1] in "[(（［〔*＊※†注" or m[-1:] in "])）］〕"


def _only_child_text(parent: etree._Element, child: etree._Element) -> bool:
    """The ``sup`` holds nothing but the link (and brackets around it)."""
    rest = (parent.text or "") + "".join((c.tail or "") for c in parent)
    return len(parent) == 1 and not rest.strip(" []()（）［］")


def _label_from(text: str) -> str:
    m = re.match(r"^\s*([\[(（［〔]?\s*(?:注|※|\*)?\s*[0-9０-９]{1,3}\s*[\])）］〕]?)", text)
    return m.group(1) if m else ""


# -- blocks after the walk -----------------------------------------------------------------------


#: A table of contents' title alone: ``目次``, ``この記事の目次``, ``目次 [非表示]``, ``Contents``.
_CONTENTS_TITLE = compiled(
    r"^(?:この(?:記事|ページ)の)?(?:目次|もくじ)[ 　]*(?:[\[［(（]?(?:非表示|表示|閉じる|開く|hide|show)[\]］)）]?)?$"
    r"|^(?:Table of )?Contents$",
    re.I,
)


def refine(pieces: list[Piece]) -> list[Piece]:
    """The text importer's rules for what the markup leaves open: captions, dates and short
    labels are ``meta``; a short paragraph set wholly in bold is a subheading; web debris
    (``ページの先頭へ``, share rows, ``関連記事`` lists) goes."""
    out: list[Piece] = []
    dropping_level = 0
    last_level = 1
    for piece in pieces:
        text = piece.text.strip()
        if piece.kind == "heading":
            if dropping_level and piece.level > dropping_level:
                continue
            dropping_level = 0
            if starts_debris_section(text):
                dropping_level = piece.level
                continue
            last_level = piece.level
        elif dropping_level:
            continue
        if piece.kind in ("paragraph", "list_item", "meta") and is_debris(text):
            continue
        if _CONTENTS_TITLE.match(text):
            continue  # the title of a table of contents the outline replaces
        if piece.kind == "paragraph":
            whole_bold = any(
                e.kind == "bold" and e.start == 0 and e.end >= len(piece.text)
                for e in piece.emphasis
            )
            if whole_bold and len(text) <= 40 and not has_sentence(text) and not piece.marks:
                piece = Piece(
                    "heading",
                    piece.text,
                    last_level + 1,
                    ruby=piece.ruby,
                    pages=piece.pages,
                    box=piece.box,
                )
            elif (
                is_meta(text)
                or is_caption(text)
                or (
                    len(text) <= 15 and not has_sentence(text) and not text.startswith(("「", "（"))
                )
            ):
                piece.kind = "meta"
        out.append(piece)
    return out


# -- the importer --------------------------------------------------------------------------------


def read_page_file(path: Path, what: str = "web page") -> bytes:
    """A page file's bytes, through the file check (a FIFO or a device is refused, not read)
    and within :data:`MAX_BYTES`; any failure is one :class:`ImportFailed` line."""
    try:
        with open_regular(path) as fh:
            data = read_bounded(fh, MAX_BYTES)
    except FileProblem as exc:
        raise ImportFailed(str(exc)) from exc
    except OSError as exc:
        raise ImportFailed(f"{shown(path)}: cannot read ({describe(exc)})") from exc
    if len(data) > MAX_BYTES:
        raise ImportFailed(f"{path}: {what} larger than {MAX_BYTES >> 20} MB")
    return data


def import_html(path: Path) -> Document:
    """Import one web page file."""
    data = read_page_file(path)
    text, encoding = decode_html(data)
    del data
    doc = import_html_text(text, name=path.stem)
    doc.encoding = encoding
    return doc


def import_html_text(text: str, *, name: str = "") -> Document:
    root = parse_html(text)
    metadata = page_metadata(root)
    body = root.find("body")
    if body is None:
        body = root
    notes = Notes()
    notes.add_document("", root)
    notes.find([("", root)])
    region = main_region(body)
    pieces = []
    title_piece = _title_outside(body, region)
    if title_piece is not None:
        pieces.append(title_piece)
    in_content = region is not body

    def skip(el: etree._Element) -> bool:
        return el is not region and is_chrome(el, in_content=in_content or _under_article(el))

    region_text = _text_length(region)

    def box(el: etree._Element) -> bool:
        # a box, not a layout column round the article: it holds less than half of the text
        return el is not region and is_box(el) and 2 * _text_length(el) < region_text

    walker = Walker(
        ref_of=notes.ref,
        note_of=notes.is_note,
        skip=skip,
        page_at=_pagebreak_label,
        box_at=box,
    )
    walker.walk(region)
    pieces += refine(walker.pieces)
    pieces, sources = endnotes(pieces, notes.sources(skip))
    notices = []
    if walker.removed:
        notices.append(f"removed {count(walker.removed, CONTROL, CONTROLS)}")
    if not any(p.text.strip() for p in pieces):
        notices.append("empty file: nothing to read")
    return build(pieces, sources, name=name, metadata=metadata, notices=notices)


def _under_article(el: etree._Element) -> bool:
    return any(local(a) in ("article", "main") for a in el.iterancestors())


def _title_outside(body: etree._Element, region: etree._Element) -> Piece | None:
    """The page's ``h1`` when the content region has no heading of its own but the title
    stands just before it (a CMS puts it in a header band)."""
    if region is body or any(local(el) in HEADINGS for el in region.iter()):
        return None
    for el in body.iter():
        if el is region:
            return None
        if local(el) == "h1" and not any(
            is_chrome(a) and local(a) != "header" for a in el.iterancestors()
        ):
            text = text_of(el)
            return Piece("heading", text, 1) if text else None
    return None


def _pagebreak_label(el: etree._Element) -> str | None:
    if "pagebreak" not in semantic(el):
        return None
    return attr(el, "aria-label") or el.get("title") or text_of(el) or None
