"""Running headers, footers and page numbers: found by position AND repetition across pages.

A line is a candidate when it sits in the page's top or bottom margin band. Candidates whose
text (digits aside) recurs on several pages are running heads or feet, as is one repeating a
heading set larger elsewhere (the title as a running head, even on one page); a candidate that is a
page number (``12``, ``- 12 -``, ``p. 12``, ``12頁``, ``xii``), or a running head that starts
or ends with one, gives the page its printed label, and those labels must step with the pages
(one wrong number, e.g. a year in a footer, does not count). Pages that print no number get
the number their neighbours imply; before any printed number, the PDF's own page label or the
physical page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from store.importer.pdf.lines import Line
from store.patterns import compiled

#: The outer part of the page height where running heads and page numbers live; the page's
#: first or last line also counts within :data:`OUTER` when a gap sets it apart.
MARGIN = 0.07
OUTER = 0.12

_ARABIC = compiled(
    r"^[-－–—‐‒―~〜\s(（]*(?:p\.|P\.|page|Page|PAGE|ページ|頁)?\s*([0-9０-９]{1,4})\s*(?:頁|ページ)?"
    r"(?:\s*(?:/|／|of)\s*[0-9０-９]{1,4})?[-－–—‐‒―~〜\s)）]*$"
)
_ROMAN = compiled(r"^[-－–—\s]*([ivxlcdm]{1,7}|[IVXLCDM]{1,7})[-－–—\s]*$")
_EDGE_NUMBER = compiled(r"^([0-9０-９]{1,4})[ \u3000]+\S|\S[ \u3000]+([0-9０-９]{1,4})$")
_DIGITS = compiled(r"[0-9０-９]+")
#: A year in a title (``2025年の国際情勢``, ``令和6年版``): the one number a running head
#: naming the document may hold (not a chapter's, an issue's or a month's).
_TITLE_YEAR = compiled(r"(?:[0-9０-９]{4}|(?:令和|平成|昭和)(?:[0-9０-９]{1,2}|元))年(?:度|版)?")


@dataclass
class Furniture:
    """What to drop on each page and each page's label."""

    drop: list[set[int]]  # per page: id() of the lines that are furniture
    labels: list[str]
    #: The running head most pages carry at their top, when it holds no number but a year (a
    #: title, not a chapter's head or a journal's issue line): what the document calls itself
    #: on every page.
    running_head: str = ""


def _margin_lines(lines: list[Line], height: float) -> tuple[list[Line], list[Line]]:
    """The lines in the page's top and bottom margins, and the page's first or last line
    set apart a little further in (where only a page number is taken for furniture: a
    heading opening the page is set apart too)."""
    band = [ln for ln in lines if ln.ny0 >= (1 - MARGIN) * height or ln.ny1 <= MARGIN * height]
    rest = sorted((ln for ln in lines if ln not in band), key=lambda ln: -ln.ny1)
    outer = []
    if len(rest) >= 2:
        top, below = rest[0], rest[1]
        if top.ny0 >= (1 - OUTER) * height and top.ny0 - below.ny1 >= 2 * top.size:
            outer.append(top)
        bottom, above = rest[-1], rest[-2]
        if bottom.ny1 <= OUTER * height and above.ny0 - bottom.ny1 >= 2 * bottom.size:
            outer.append(bottom)
    return band, outer


def _key(text: str) -> str:
    return _DIGITS.sub("#", "".join(text.split()))


def _number(text: str) -> tuple[str, int | None] | None:
    """``(label, value)`` for a page-number text; value None for roman numerals."""
    t = text.strip()
    m = _ARABIC.match(t)
    if m:
        digits = m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        return digits.lstrip("0") or "0", int(digits)
    m = _ROMAN.match(t)
    if m and len(t) <= 9:
        return m.group(1), None
    return None


def _edge_number(text: str) -> tuple[str, int] | None:
    m = _EDGE_NUMBER.search(text.strip())
    if not m:
        return None
    digits = (m.group(1) or m.group(2)).translate(
        str.maketrans("０１２３４５６７８９", "0123456789")
    )
    return digits.lstrip("0") or "0", int(digits)


def find_furniture(
    pages: list[list[Line]], heights: list[float], pdf_labels: list[str | None]
) -> Furniture:
    count = len(pages)
    found_lines = [_margin_lines(lines, h) for lines, h in zip(pages, heights, strict=True)]
    margin_lines = [band for band, _ in found_lines]
    seen: Counter[str] = Counter()
    for lines in margin_lines:
        for key in {_key(ln.text) for ln in lines}:
            seen[key] += 1
    # a running head shows the title or a chapter's heading, set small: on one page too
    headed: dict[str, float] = {}
    for lines, band in zip(pages, margin_lines, strict=True):
        inside = {id(ln) for ln in band}
        for ln in lines:
            if id(ln) not in inside and len(ln.text.strip()) >= 2:
                key = _key(ln.text)
                headed[key] = max(headed.get(key, 0.0), ln.size)
    repeat_at = 2 if count <= 4 else 3
    drop: list[set[int]] = [set() for _ in pages]
    numbers: list[tuple[int, str, int | None]] = []  # (page, label, value): page-number lines
    edges: list[tuple[int, str, int | None]] = []  # numbers at a running head's edge
    for p, (lines, outer) in enumerate(found_lines):
        found = edge = None
        for ln in outer:
            number = _number(ln.text)
            if number is not None:
                drop[p].add(id(ln))
                found = found or number
        for ln in lines:
            number = _number(ln.text)
            repeated = (count > 1 and seen[_key(ln.text)] >= repeat_at) or headed.get(
                _key(ln.text), 0.0
            ) >= 1.2 * ln.size
            if number is not None:
                drop[p].add(id(ln))
                found = found or number
            elif repeated:
                drop[p].add(id(ln))
                edge = edge or _edge_number(ln.text)
        if found is not None:
            numbers.append((p, found[0], found[1]))
        elif edge is not None:
            edges.append((p, edge[0], edge[1]))
    if not numbers:
        numbers = _stepping(edges)
    labels = _labels(count, numbers, pdf_labels)
    return Furniture(drop, labels, _running_head(pages, heights, drop))


def _running_head(pages: list[list[Line]], heights: list[float], drop: list[set[int]]) -> str:
    heads: Counter[str] = Counter()
    for lines, height, dropped in zip(pages, heights, drop, strict=True):
        tops = {
            " ".join(ln.text.split())
            for ln in lines
            if id(ln) in dropped and ln.ny0 >= (1 - MARGIN) * height
        }
        heads.update(t for t in tops if len(t) >= 2 and not _DIGITS.search(_TITLE_YEAR.sub("", t)))
    if not heads:
        return ""
    text, n = heads.most_common(1)[0]
    return text if n >= max(2, len(pages) // 2) else ""


def _stepping(edges: list[tuple[int, str, int | None]]) -> list[tuple[int, str, int | None]]:
    """Numbers at a running head's edge count only where they step with the pages (a chapter
    number ``1 概観`` repeated on every page does not)."""
    offsets = Counter(value - p for p, _, value in edges if value is not None)
    if not offsets or offsets.most_common(1)[0][1] < 2:
        return []
    offset = offsets.most_common(1)[0][0]
    return [e for e in edges if e[2] is not None and e[2] - e[0] == offset]


def _labels(
    count: int, numbers: list[tuple[int, str, int | None]], pdf_labels: list[str | None]
) -> list[str]:
    """Each page's label: its printed number where the numbers step with the pages."""
    offsets = Counter(value - p for p, _, value in numbers if value is not None)
    offset = offsets.most_common(1)[0][0] if offsets else None
    printed: dict[int, str] = {}
    for p, label, value in numbers:
        if value is None or (offset is not None and value - p == offset) or offsets[value - p] >= 2:
            printed[p] = label
    first_arabic = min(
        (p for p, _, v in numbers if v is not None and v - p == offset), default=None
    )
    labels = []
    for p in range(count):
        if p in printed:
            labels.append(printed[p])
        elif (
            offset is not None and first_arabic is not None and p > first_arabic and p + offset > 0
        ):
            labels.append(str(p + offset))
        elif p < len(pdf_labels) and pdf_labels[p]:
            labels.append(str(pdf_labels[p]))
        else:
            labels.append(str(p + 1))
    return labels
