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

Fields the metadata leaves empty are omitted with their punctuation: nothing is invented. The
quote is base text; readings are added only when the caller passes them, as ``｜漢字《かんじ》``.
Every piece is stripped of control characters (``store.terminal_safe``), so a citation can go to
a terminal or a clipboard safely.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from store.model import Document
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

    title: str
    author: str
    publisher: str
    container: str
    date: str
    kind: str
    url: str


@dataclass(frozen=True)
class Locator:
    """Where in the work: the heading chain (outermost first) and pages where the source has them."""

    section: tuple[str, ...] = ()
    page: str = ""

    @classmethod
    def from_section(cls, section: Sequence[str], *, title: str = "", page: str = "") -> Locator:
        """From a stored heading chain (e.g. ``Annotation.section``), minus a leading title."""
        chain = [clean(h) for h in section]
        while chain and title and chain[0] == clean(title):
            chain.pop(0)
        return cls(tuple(h for h in chain if h), page)


def locator_for(document: Document, start: int, *, title: str = "", page: str = "") -> Locator:
    """The headings ``start`` sits under, without a top heading that merely repeats the title.

    ``title`` is the work's bibliographic title; the imported ``document.title`` is used only
    without one, since import often takes a chapter's first section heading (``1 概観``) as
    its title, and that heading is a real part of the locator. Same chain as
    :meth:`Locator.from_section` gives for a stored annotation.
    """
    block, _ = document.locate(start)
    return Locator.from_section(
        [h.text for h in document.section_of(block)], title=title or document.title, page=page
    )


def readings_in(document: Document, start: int, end: int) -> list[tuple[int, int, str]]:
    """The source's own readings (block ruby) inside ``base_text[start:end]``, quote-relative."""
    out = []
    for i, block in enumerate(document.blocks):
        b0 = document.block_starts[i]
        if b0 > end or b0 + len(block.text) < start:
            continue
        for ruby in block.ruby:
            s, e = b0 + ruby.start, b0 + ruby.end
            if start <= s and e <= end:
                out.append((s - start, e - start, ruby.reading))
    return out


def with_readings(text: str, readings: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with ``｜漢字《かんじ》`` for each ``(start, end, reading)`` (offsets into text)."""
    parts = []
    pos = 0
    for s, e, reading in sorted(readings):
        if s < pos or not 0 <= s < e <= len(text) or not reading:
            continue
        parts.append(text[pos:s])
        parts.append(f"｜{text[s:e]}《{reading}》")
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _date_parts(date: str) -> tuple[str, str, str]:
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", date or "")
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
    kind = (getattr(meta, "kind", "") or "").casefold()
    if getattr(meta, "container", ""):
        return "part"
    if any(k in kind for k in _WEB_KINDS) or (getattr(meta, "url", "") and not kind):
        return "web"
    if any(k in kind for k in _BOOK_KINDS):
        return "book"
    return "article"


def _fields(meta: SourceMeta) -> tuple[str, str, str, str, str, str]:
    author = clean(getattr(meta, "author", ""))
    publisher = clean(getattr(meta, "publisher", ""))
    if publisher == author:
        publisher = ""
    return (
        author,
        clean(getattr(meta, "title", "")),
        clean(getattr(meta, "container", "")),
        publisher,
        getattr(meta, "date", "") or "",
        clean(getattr(meta, "url", "")),
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
        tail.append(f"{loc.page}頁")
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
        pub = ", ".join(p for p in (pub, f"p. {loc.page}") if p)
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
        bits.append(f"p. {loc.page}")
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
