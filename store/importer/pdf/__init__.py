"""PDF → :class:`Document`, from the layout (pdfminer.six), not from extracted text.

``extract`` (characters, boxes, fonts; refusals) → ``lines`` (lines, ruby, raised markers) →
``furniture`` (running heads and page numbers, across pages) → ``regions`` (each page's
reading order: columns, boxes, its notes) → ``blocks`` (paragraphs, headings, lists, tables,
notes) → :func:`store.importer.structured.build` (ids, links, pages).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from store.counts import CONTROL, CONTROLS, count, were
from store.importer.errors import ImportFailed
from store.importer.meta import JUNK_AUTHOR, JUNK_TITLE
from store.importer.pdf.blocks import Builder, measure_lines
from store.importer.pdf.extract import PdfFile, Rect
from store.importer.pdf.furniture import find_furniture
from store.importer.pdf.lines import Line, group_lines
from store.importer.pdf.regions import order_page, page_frames
from store.importer.structured import build, endnotes
from store.model import Document
from store.patterns import compiled

_PDF_DATE = compiled(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def import_pdf(path: Path, *, progress: Callable[[int, int], None] | None = None) -> Document:
    pdf = PdfFile(path)
    pages: list[list[Line]] = []
    rects: list[list[Rect]] = []
    heights: list[float] = []
    widths: list[float] = []
    labels: list[str | None] = []
    vertical = unmapped = removed = glyphs = 0
    encrypted = pdf.encrypted
    try:
        total = pdf.page_count()
        metadata = _metadata(pdf.info())
        for raw in pdf.pages():
            glyphs += len(raw.glyphs)
            unmapped += raw.unmapped
            removed += raw.removed
            vertical += raw.vertical
            lines = group_lines(raw.glyphs)
            for line in lines:  # only the measurements are needed from here on
                line.glyphs, line.at = [], []
            pages.append(lines)
            rects.append(raw.rects)
            heights.append(raw.height)
            widths.append(raw.height if raw.vertical else raw.width)
            labels.append(raw.label)
            if progress is not None:
                progress(len(pages), max(total, len(pages)))
    finally:
        pdf.close()
    if not pages:
        raise ImportFailed(f"{path}: cannot import: the PDF has no pages")
    if unmapped and unmapped >= glyphs and encrypted:
        raise ImportFailed(
            f"{path}: cannot import: the PDF is encrypted and its text cannot be read"
        )
    if unmapped and unmapped >= glyphs:
        raise ImportFailed(
            f"{path}: cannot import: the PDF's fonts map to no Unicode text ((cid:…) characters)"
        )
    if not glyphs:
        raise ImportFailed(
            f"{path}: cannot import: the PDF has no text layer (scanned pages? run OCR first)"
        )
    notices: list[str] = []
    if unmapped:
        notices.append(f"{count(unmapped, 'character')} whose font maps to no Unicode {were(unmapped)} left out")
    if removed:
        notices.append(f"removed {count(removed, CONTROL, CONTROLS)}")
    if encrypted:
        notices.append(
            "the PDF is encrypted to set its permissions (copying, printing): opened for reading"
            " as a PDF viewer opens it"
        )
    if vertical:
        notices.append(
            f"vertical writing on {count(vertical, 'page')}: read column by column, right to left"
        )
    furniture = find_furniture(pages, heights, labels)
    body = _body_size(pages)
    left, right = _main_column(pages, body, widths[0] if widths else 0.0)
    flows = []
    frames = page_frames(rects) if len(pages) >= 3 else None
    for index, lines in enumerate(pages):
        dropped = furniture.drop[index]
        kept = [ln for ln in lines if id(ln) not in dropped]
        flows.append(order_page(kept, rects[index], body, frames))
    builder = Builder(body, left, right, measure=measure_lines(flows, body))
    for index, page_flows in enumerate(flows):
        builder.add_page(index, furniture.labels[index], page_flows)
    pieces, notes = endnotes(*builder.finish())
    # the date the text states (a dateline under the title) before the file's creation date
    created = metadata.pop("date", "")
    # a document that states no title and shows none is named by its running head
    name = furniture.running_head or path.stem
    doc = build(pieces, notes, name=name, metadata=metadata, notices=notices)
    if created:
        doc.metadata.setdefault("date", created)
    doc.encoding = "pdf"
    return doc


def _body_size(pages: list[list[Line]]) -> float:
    """The type size the body is set in: the largest size that carries a quarter of the
    text or more (a report with long footnotes can have more text in its notes' size)."""
    weight: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            weight[round(ln.size, 1)] += len(ln.text)
    if not weight:
        return 10.0
    total = sum(weight.values())
    return max(size for size, n in weight.items() if n >= 0.25 * total or n == max(weight.values()))


def _main_column(pages: list[list[Line]], body: float, width: float) -> tuple[float, float]:
    """Where body lines most often start, and how far the full ones reach. With too few full
    lines to tell (a short note), the margins are taken to be even."""
    starts: Counter[int] = Counter()
    ends: list[float] = []
    for lines in pages:
        for ln in lines:
            if abs(ln.size - body) < 0.1 * body:
                starts[round(ln.x0)] += 1
                ends.append(ln.x1)
    if not ends:
        return 0.0, 0.0
    ends.sort()
    left, right = float(starts.most_common(1)[0][0]), ends[int(0.9 * (len(ends) - 1))]
    if sum(1 for x in ends if x >= right - 1.2 * body) < 5:
        right = max(right, width - left)
    return left, right


def _metadata(info: dict[str, str]) -> dict[str, str]:
    """Title, author and date from the document information, without the placeholders that
    word processors write (``Microsoft Word - 文書1.docx``, ``untitled``, ``anonymous``)."""
    meta: dict[str, str] = {}
    title = info.get("Title", "")
    if title and not JUNK_TITLE.match(title):
        meta["title"] = title
    author = info.get("Author", "")
    if author and not JUNK_AUTHOR.match(author):
        meta["author"] = author
    m = _PDF_DATE.match(info.get("CreationDate", ""))
    if m:
        meta["date"] = "-".join(p for p in m.groups() if p)
    return meta
