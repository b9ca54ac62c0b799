"""Citations in three styles, from a document's metadata and a passage's place in it.

Styles (``STYLES``):

* ``ja`` — Japanese humanities: ``著者「題」『誌名』発行者、年月日、「節」、頁。`` A work that is
  part of a larger one (a white-paper chapter, an article in a journal) has its title in 「」
  and the container in 『』; a standalone book or report has its title in 『』. A government
  body is an author like any other (外務省「北米」『外交青書2025』2025年、「概観」。); the publisher
  is left out when it is the author.
* ``sist02`` — SIST 02: ``著者. "題". 誌名. 発行者, 年, 節, p. 頁.``; web pages end with the URL
  and ``(参照 YYYY-MM-DD)``.
* ``en`` — English, Chicago-like notes: ``Author, "Title," in Container (Publisher, Date),
  sec. "…", p. ….`` with ``n.d.`` when the source gives no date.

A passage in a footnote names its note after the page: ``…、12頁、注2。``, ``p. 12, 注2.``,
``p. 12, n. 2.`` (:meth:`Passage.in_note`).

Fields the metadata leaves empty are omitted with their punctuation: nothing is invented —
except a title: a work is always named, by :func:`source_meta` (the imported document's title,
else the file name). The quote is base text; readings are added only when the caller passes
them, as ``｜漢字《かんじ》``. Every piece is stripped of control characters
(``store.terminal_safe``), so a citation can go to a terminal or a clipboard safely.

:func:`cite` is the one builder: the reader's ``y``/``Y``, ``shiori cite`` and the Markdown
export all call it with a :class:`Passage` (from a document, or from a stored annotation).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from store.library import DocMeta
from store.model import CITED_METADATA, Document, note_label
from store.patterns import compiled
from store.terminal_safe import clean_line as clean
from store.terminal_safe import strip_controls

STYLES = ("ja", "sist02", "en")

#: Kinds whose title is a standalone work (『』 in Japanese style) when there is no container.
_BOOK_KINDS = ("book", "report", "white paper", "monograph", "thesis")
_WEB_KINDS = ("web", "press release", "web article", "web page", "blog")

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class SourceMeta(Protocol):
    """What a citation needs from ``store.library.DocMeta`` (any object with these works)."""

    @property
    def title(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def publisher(self) -> str: ...
    @property
    def container(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def url(self) -> str: ...


def _spaced(text: str) -> str:
    """``text`` with its spaces, full-width or not, as one space each: a headline's 　 is a
    space in a title taken from ``og:title`` or ``<title>``, so the two compare equal."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Locator:
    """Where in the work: the heading chain (outermost first), pages where the source has
    them, and the footnote when the passage is in one (its id)."""

    section: tuple[str, ...] = ()
    page: str = ""
    note: str = ""

    @classmethod
    def from_section(
        cls, section: Sequence[str], *, title: str = "", page: str = "", note: str = ""
    ) -> Locator:
        """From a stored heading chain (e.g. ``Annotation.section``), minus a leading title."""
        chain = [clean(h) for h in section]
        while chain and title and _spaced(chain[0]) == _spaced(clean(title)):
            chain.pop(0)
        return cls(tuple(h for h in chain if h), clean(page), clean(note))




def source_meta(
    meta: DocMeta, key: str, imported_title: str = "", stated: Mapping[str, str] | None = None
) -> DocMeta:
    """``meta`` with a title: the one rule for a work the metadata does not name.

    The imported document's title (``Document.title``), else the file name without its
    suffix; ``title_supplied`` marks the title as ours, not the metadata's. Author,
    publisher, date and URL the metadata leaves empty come from what the file ``stated``
    about itself (``Document.metadata``: a web page's byline and address, a PDF's or Word
    file's properties), so a citation of a user's own file names them.
    """
    if stated:
        found = {f: clean(str(stated.get(f) or "")) for f in CITED_METADATA if not getattr(meta, f)}
        found = {f: v for f, v in found.items() if v}
        if found:
            meta = replace(
                meta,
                author=found.get("author", meta.author),
                publisher=found.get("publisher", meta.publisher),
                date=found.get("date", meta.date),
                url=found.get("url", meta.url),
                kind=found.get("kind", meta.kind),
            )
    if meta.title:
        return meta
    title = clean(imported_title) or Path(key.split(":", 1)[-1]).stem
    return replace(meta, title=title, title_supplied=True)


@dataclass(frozen=True)
class Passage:
    """What is cited: the quote (base text, or a footnote's text: ``note`` is its id) and
    the heading chain it sits under."""

    quote: str
    section: tuple[str, ...] = ()
    page: str = ""
    note: str = ""

    @classmethod
    def in_document(cls, document: Document, start: int, end: int, *, page: str = "") -> Passage:
        """``document.base_text[start:end]`` under the headings ``start`` sits under."""
        block, _ = document.locate(start)
        section = tuple(h.text for h in document.section_of(block))
        return cls(document.base_text[start:end], section, page or pages_of(document, start, end))

    @classmethod
    def in_note(
        cls, document: Document, footnote_id: str, start: int, end: int, *, page: str = ""
    ) -> Passage:
        """``text[start:end]`` of footnote ``footnote_id``: the section and page are those of
        its marker (a printed note sits at the foot of its marker's page)."""
        note = document.footnote(footnote_id)
        quote = note.text[start:end] if note is not None else ""
        block, offset = document.note_anchor(footnote_id)
        section = tuple(h.text for h in document.section_of(block)) if document.blocks else ()
        if not page and document.pages and document.blocks:
            page = document.page_at(block, max(0, offset - 1)) or ""
        return cls(quote, section, page, note=footnote_id)


def cite(
    meta: SourceMeta,
    passage: Passage,
    style: str = "ja",
    *,
    source_only: bool = False,
    readings: Sequence[tuple[int, int, str]] | None = None,
    accessed: dt.date | None = None,
) -> str:
    """The citation of ``passage``: the quote and its source (``y``), or the source alone (``Y``).

    The locator is the passage's heading chain without a leading heading that merely repeats
    the work's title (import often takes a chapter's first heading as the document's title;
    the rest of the chain is a real part of the locator).
    """
    locator = Locator.from_section(
        passage.section, title=meta.title, page=passage.page, note=passage.note
    )
    if source_only:
        return format_source(meta, locator, style, accessed=accessed)
    return format_citation(
        meta, passage.quote, locator, style, readings=readings, accessed=accessed
    )


#: Between the first and last page of a range as a Locator holds it; each style writes its own.
PAGE_RANGE = "–"


def pages_of(document: Document, start: int, end: int | None = None) -> str:
    """The printed page(s) ``base_text[start:end]`` is on: ``135``, or ``135–136`` when it
    runs over a page break; "" when the document has no pages."""
    if not document.pages:
        return ""
    first = document.page_at(*document.locate(start)) or ""
    last = first
    if end is not None and end > start:
        last = document.page_at(*document.locate(end - 1)) or first
    return first if last == first else f"{first}{PAGE_RANGE}{last}"


def _page_ja(page: str) -> str:
    return page.replace(PAGE_RANGE, "-") + "頁"


def _page_sist02(page: str) -> str:
    return "p. " + page.replace(PAGE_RANGE, "-")


def _page_en(page: str) -> str:
    return ("pp. " if PAGE_RANGE in page else "p. ") + page


def _note_ja(note: str) -> str:
    """注2 (SIST 02 too); after the page, as Japanese notes cite 45頁、注3."""
    return note_label(note)


def _note_en(note: str) -> str:
    return f"n. {note}"


def with_readings(text: str, readings: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with ``｜漢字《かんじ》`` for each ``(start, end, reading)`` (offsets into text),
    except over words the quote glosses itself right after them (``加藤鮎子（かとう・あゆこ）``:
    the reading twice)."""
    readings = _unglossed(text, sorted(readings))
    parts = []
    pos = 0
    for s, e, reading in readings:
        if s < pos or not 0 <= s < e <= len(text) or not reading:
            continue
        parts.append(text[pos:s])
        parts.append(f"｜{text[s:e]}《{reading}》")
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


#: A gloss in brackets: kana, with the dots and spaces that part a name (ユン・ソンニョル).
_GLOSS = compiled(r"[（(]([\u3041-\u309f\u30a0-\u30ff・･ 　]+)[）)]")


def _unglossed(
    text: str, readings: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``readings`` less the run of them that ends where a gloss opens and reads as it does."""
    from store.japanese.chars import to_hiragana

    dropped: set[int] = set()
    for gloss in _GLOSS.finditer(text):
        said = to_hiragana(re.sub(r"[・･ 　]", "", gloss.group(1)))
        run: list[int] = []
        end = gloss.start()
        for i in range(len(readings) - 1, -1, -1):  # the words written together before it
            s, e, _r = readings[i]
            if e == end:
                run.insert(0, i)
                end = s
        for k in range(len(run)):
            if "".join(to_hiragana(readings[i][2]) for i in run[k:]) == said:
                dropped.update(run[k:])
                break
    return [r for i, r in enumerate(readings) if i not in dropped]


#: A date as metadata states it: ISO (2025-06-12), or as pages and bylines write it
#: (2025年6月12日, 2025/6/12, 2025.6.12, in full-width digits too).
_DATE = compiled(
    r"^\s*(\d{4})(?:\s*(?:[-/.]|年)\s*(\d{1,2})(?:\s*(?:[-/.]|月)\s*(\d{1,2}))?)?"
)


def _date_parts(date: str) -> tuple[str, str, str]:
    m = _DATE.match(unicodedata.normalize("NFKC", date or ""))
    if not m:
        return ("", "", "")
    return (m.group(1), m.group(2) or "", m.group(3) or "")


def _date_ja(date: str) -> str:
    y, m, d = _date_parts(date)
    if not y:
        return clean(date)
    return f"{y}年" + (f"{int(m)}月" if m else "") + (f"{int(d)}日" if m and d else "")


def _date_en(date: str) -> str:
    y, m, d = _date_parts(date)
    if not y:
        return clean(date) or "n.d."
    if m and d:
        return f"{_MONTHS[int(m) - 1]} {int(d)}, {y}"
    if m:
        return f"{_MONTHS[int(m) - 1]} {y}"
    return y


def _kind(meta: SourceMeta) -> str:
    kind = (meta.kind or "").casefold()
    if meta.container:
        return "part"
    if any(k in kind for k in _WEB_KINDS) or (meta.url and not kind):
        return "web"
    if any(k in kind for k in _BOOK_KINDS):
        return "book"
    return "article"


def _fields(meta: SourceMeta) -> tuple[str, str, str, str, str, str]:
    author = clean(meta.author)
    publisher = clean(meta.publisher)
    if publisher == author:
        publisher = ""
    return (
        author,
        clean(meta.title),
        clean(meta.container),
        publisher,
        meta.date or "",
        clean(meta.url),
    )


def _today(accessed: dt.date | None) -> dt.date:
    return accessed or dt.datetime.now(dt.UTC).date()


def _source_ja(meta: SourceMeta, loc: Locator, accessed: dt.date | None) -> str:
    author, title, container, publisher, date, url = _fields(meta)
    kind = _kind(meta)
    head = author
    if title:
        head += f"『{title}』" if kind == "book" else f"「{title}」"
    if container:
        head += f"『{container}』"
    tail = [p for p in (publisher, _date_ja(date)) if p]
    if loc.section:
        tail.append("「" + " ".join(loc.section) + "」")
    if loc.page:
        tail.append(_page_ja(loc.page))
    if loc.note:
        tail.append(_note_ja(loc.note))
    if url:
        day = _today(accessed)
        tail.append(f"{url}（{day.year}年{day.month}月{day.day}日閲覧）")
    # No 、 right after a closing 」 or 』 (著者「題」『誌名』2025年): the bracket separates.
    between_brackets = tail and tail[0].startswith("「")
    sep = "、" if head and tail and (between_brackets or not head.endswith(("」", "』"))) else ""
    return head + sep + "、".join(tail) + "。"


def _source_sist02(meta: SourceMeta, loc: Locator, accessed: dt.date | None) -> str:
    author, title, container, publisher, date, url = _fields(meta)
    kind = _kind(meta)
    parts = [author] if author else []
    if title:
        parts.append(title if kind == "book" else f'"{title}"')
    if container:
        parts.append(container)
    y, m, d = _date_parts(date)
    when = "-".join(p.zfill(2) if i else p for i, p in enumerate((y, m, d)) if p) if y else ""
    if kind != "web":
        when = y or clean(date)
    pub = ", ".join(p for p in (publisher, when) if p)
    if loc.section:
        pub = ", ".join(p for p in (pub, "「" + " ".join(loc.section) + "」") if p)
    if loc.page:
        pub = ", ".join(p for p in (pub, _page_sist02(loc.page)) if p)
    if loc.note:
        pub = ", ".join(p for p in (pub, _note_ja(loc.note)) if p)
    if pub:
        parts.append(pub)
    text = ". ".join(parts) + "."
    if url:
        text += f" {url}, (参照 {_today(accessed):%Y-%m-%d})."
    return text


def _source_en(meta: SourceMeta, loc: Locator, accessed: dt.date | None) -> str:
    author, title, container, publisher, date, url = _fields(meta)
    kind = _kind(meta)
    when = _date_en(date)
    bits = []
    if kind == "book":
        lead = ", ".join(p for p in (author, title) if p)
        bits.append(f"{lead} ({', '.join(p for p in (publisher, when) if p)})")
    else:
        lead = f'{author}, "{title},"' if author else f'"{title},"'
        if container:
            lead += f" in {container} ({', '.join(p for p in (publisher, when) if p)})"
            bits.append(lead)
        else:
            bits.append(" ".join(p for p in (lead, publisher) if p))
            bits.append(when)
    if loc.section:
        bits.append('sec. "' + " ".join(loc.section) + '"')
    if loc.page:
        bits.append(_page_en(loc.page))
    if loc.note:
        bits.append(_note_en(loc.note))
    if url:
        bits.append(f"{url} (accessed {_date_en(_today(accessed).isoformat())})")
    text = ""
    for bit in (b for b in bits if b):
        # After a closing title quote the comma is already inside it (Chicago).
        text += (" " if text.endswith(',"') else ", " if text else "") + bit
    text = text.rstrip(",")
    return text if text.endswith(".") else text + "."


def format_source(
    meta: SourceMeta, locator: Locator, style: str = "ja", *, accessed: dt.date | None = None
) -> str:
    """The source alone (what ``Y`` copies)."""
    if style == "ja":
        return _source_ja(meta, locator, accessed)
    if style == "sist02":
        return _source_sist02(meta, locator, accessed)
    if style == "en":
        return _source_en(meta, locator, accessed)
    raise ValueError(f"unknown citation style {style!r}; choose one of {', '.join(STYLES)}")


def format_quote(
    quote: str, style: str = "ja", readings: Sequence[tuple[int, int, str]] | None = None
) -> str:
    """The quote as it is cited: 「…」 (inner 「」 become 『』) or "…" for English."""
    text = with_readings(quote, readings) if readings else quote
    text = strip_controls(text)[0].strip()
    if style == "en":
        return f"“{text}”"
    return "「" + text.replace("「", "『").replace("」", "』") + "」"


def format_citation(
    meta: SourceMeta,
    quote: str,
    locator: Locator,
    style: str = "ja",
    *,
    readings: Sequence[tuple[int, int, str]] | None = None,
    accessed: dt.date | None = None,
) -> str:
    """The quote, then its source on the next line (what ``y`` copies)."""
    source = format_source(meta, locator, style, accessed=accessed)
    return f"{format_quote(quote, style, readings)}\n{source}"
