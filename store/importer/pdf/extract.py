"""pdfminer.six → the characters of each page with their boxes, sizes and fonts, and the
rectangles drawn (box frames, table rules).

pdfminer carries the CMaps of the Japanese CID fonts, so text set in them maps to Unicode.
Refused with a one-line message: a file pdfminer cannot parse, one that needs a password,
one without a text layer (scanned pages), one whose fonts map to no Unicode (``(cid:…)``).
An encrypted PDF that opens without a password (permissions only) reads like any other, as
in every PDF viewer.

Vertical writing (tategaki) is recognised by the way the characters advance (down the page,
not across); such a page's characters are turned into the reading frame of a horizontal page
(a column becomes a line, right-to-left columns become top-to-bottom lines, ruby to the right
of a column becomes ruby above a line), so the rest of the import reads both alike.
"""

from __future__ import annotations

import contextlib
import logging
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from store.files import open_regular
from store.importer.errors import ImportFailed
from store.importer.sanitize import sanitize

if TYPE_CHECKING:  # pdfminer is imported where a PDF is read
    from pdfminer.layout import LTChar
    from pdfminer.pdffont import PDFFont
    from pdfminer.pdfinterp import PDFResourceManager

#: Characters of a page; past this a page is a drawing (a map, a chart), not text to read.
MAX_CHARS_PER_PAGE = 60000
#: What pdfminer's Adobe-Japan1 tables give back for characters a Japanese text never means:
#: the small tilde is JIS-Roman's ``~`` (``~新たな黄金時代~``), the combining long stroke
#: overlay is the em dash (``25%—50%``).
_CID_FIXES = str.maketrans({"\u02dc": "~", "\u0336": "\u2014"})


@dataclass(slots=True)
class Glyph:
    """One character in the reading frame: x runs along the line, y up the page; ``base`` is
    the baseline (the column's centre on a vertical page)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    font: str
    base: float
    #: Where it is on the printed page (PDF coordinates), for the margins.
    nx: float = 0.0
    ny: float = 0.0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(slots=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class RawPage:
    index: int
    label: str | None  # the PDF's own page label (/PageLabels), if any
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    vertical: bool = False
    unmapped: int = 0  # characters whose font maps to no Unicode
    removed: int = 0  # control characters dropped


class PdfFile:
    """An open PDF: its metadata and its pages, one at a time."""

    def __init__(self, path: Path) -> None:
        from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFParser
        from pdfminer.psparser import PSException

        logging.getLogger("pdfminer").setLevel(logging.ERROR)
        self.path = path
        try:  # through the file check: a FIFO or a device named .pdf is refused, not read
            self._fh: BinaryIO = open_regular(path)
        except OSError as exc:
            raise ImportFailed(str(exc)) from exc
        try:
            self.doc = PDFDocument(PDFParser(self._fh))
        except PDFPasswordIncorrect as exc:
            self.close()
            raise ImportFailed(
                f"{path}: cannot import: the PDF is encrypted (it needs a password)"
            ) from exc
        except (
            PSException,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
            OSError,
        ) as exc:
            self.close()
            name = type(exc).__name__
            if "Encrypt" in name or "encrypt" in str(exc).lower():
                raise ImportFailed(
                    f"{path}: cannot import: the PDF is encrypted in a way Shiori cannot read"
                ) from exc
            raise _damaged(path, exc) from exc
        except Exception as exc:  # pdfminer raises assorted errors on broken files
            self.close()
            raise _damaged(path, exc) from exc

    @property
    def encrypted(self) -> bool:
        return bool(getattr(self.doc, "encryption", None))

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._fh.close()

    def page_count(self) -> int:
        from pdfminer.pdftypes import resolve1

        try:
            return int(resolve1(resolve1(self.doc.catalog["Pages"])["Count"]))
        except Exception:
            return 0

    def info(self) -> dict[str, str]:
        """The document information dictionary and XMP title/author, decoded."""
        from pdfminer.pdftypes import resolve1

        out: dict[str, str] = {}
        for info in self.doc.info or []:
            for key, value in info.items():
                text = _pdf_string(resolve1(value))
                if text:
                    out.setdefault(key, text)
        return out

    def pages(self) -> Iterator[RawPage]:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LTChar, LTCurve, LTFigure
        from pdfminer.pdfinterp import PDFPageInterpreter
        from pdfminer.pdfpage import PDFPage

        manager = _resource_manager()
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        try:
            for index, page in enumerate(PDFPage.create_pages(self.doc)):
                x0, y0, x1, y1 = (float(v) for v in page.mediabox)
                raw = RawPage(index, page.label, x1 - x0, y1 - y0)
                try:
                    interpreter.process_page(page)
                    layout = device.get_result()
                except Exception:  # one broken page does not lose the others
                    yield raw
                    continue
                chars: list[LTChar] = []
                stack = list(layout)
                while stack:
                    obj = stack.pop()
                    if isinstance(obj, LTChar):
                        chars.append(obj)
                    elif isinstance(obj, LTFigure):
                        stack.extend(obj)
                    elif isinstance(obj, LTCurve):
                        raw.rects.append(Rect(obj.x0 - x0, obj.y0 - y0, obj.x1 - x0, obj.y1 - y0))
                chars.reverse()  # back to the content stream's order
                if len(chars) > MAX_CHARS_PER_PAGE:
                    chars = []
                _fill(raw, chars, x0, y0)
                yield raw
        except ImportFailed:
            raise
        except Exception as exc:
            raise _damaged(self.path, exc) from exc


#: The character collection each family of predefined CMaps encodes (PDF 32000 9.7.5.2).
_CMAP_ORDERING = (
    (("UniJIS", "90ms", "90pv", "83pv", "Add-", "EUC-", "Ext-", "RKSJ"), "Japan1"),
    (("UniGB", "GBK", "GBpc", "GBT", "GB-"), "GB1"),
    (("UniCNS", "B5", "ETen", "HKscs", "CNS"), "CNS1"),
    (("UniKS", "KSC"), "Korea1"),
)


def _resource_manager() -> PDFResourceManager:
    """pdfminer's resource manager, mending one writer's fault: a CID font whose
    ``CIDSystemInfo`` strings were left unencrypted in an encrypted file (reportlab writes
    them so) comes out of decryption as noise, and its text as ``(cid:…)``; a predefined
    CMap's name says the same collection, so the font is read by that."""

    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.psparser import literal_name

    class Manager(PDFResourceManager):
        def get_font(self, objid: object, spec: Mapping[str, object]) -> PDFFont:
            info = spec.get("CIDSystemInfo") if isinstance(spec, dict) else None
            encoding = spec.get("Encoding") if isinstance(spec, dict) else None
            if isinstance(info, dict) and encoding is not None and not _readable(info):
                name = literal_name(encoding) if not isinstance(encoding, dict) else ""
                ordering = "Japan1" if name in ("H", "V") else ""
                ordering = ordering or next(
                    (o for prefixes, o in _CMAP_ORDERING if str(name).startswith(prefixes)), ""
                )
                if ordering:
                    spec = dict(spec)
                    spec["CIDSystemInfo"] = {
                        **info,
                        "Registry": b"Adobe",
                        "Ordering": ordering.encode(),
                    }
            return super().get_font(objid, spec)

    return Manager(caching=True)


def _readable(info: dict[str, object]) -> bool:
    values = [info.get("Registry"), info.get("Ordering")]
    return all(
        isinstance(v, bytes) and v.isascii() and v.decode().isprintable() for v in values
    ) or any(not isinstance(v, bytes) for v in values)


def _pdf_string(value: object) -> str:
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff") or value.startswith(b"\xff\xfe"):
            text = value.decode("utf-16", "replace")
        else:
            try:
                text = value.decode("utf-8")
            except UnicodeDecodeError:
                from pdfminer.utils import decode_text

                text = decode_text(value)
    elif isinstance(value, str):
        text = value
    else:
        return ""
    return " ".join(sanitize(text)[0].split())


def _descents(chars: list[LTChar]) -> dict[str, float]:
    """Each font's descent as a share of the type size: how far its glyph boxes reach below
    the text matrix's baseline, the most common value (raised glyphs are the exceptions)."""
    seen: dict[str, Counter[float]] = {}
    for ch in chars:
        matrix = ch.matrix
        if matrix[1] == 0 and matrix[2] == 0 and ch.size:
            ratio = round((ch.y0 - matrix[5]) / ch.size, 2)
            seen.setdefault(ch.fontname, Counter())[ratio] += 1
    return {font: counts.most_common(1)[0][0] for font, counts in seen.items()}


def _fill(raw: RawPage, chars: list[LTChar], ox: float, oy: float) -> None:
    """Glyphs of the page, turned into the reading frame when the page is set vertically."""
    down = across = 0
    in_column = [False] * len(chars)
    in_row = [False] * len(chars)
    for i, (a, b) in enumerate(zip(chars, chars[1:], strict=False)):
        size = max(a.size, 1.0)
        if abs(a.x0 - b.x0) < 0.3 * size and 0 < a.y0 - b.y0 < 2.5 * size:
            down += 1
            in_column[i] = in_column[i + 1] = True
        elif abs(a.y0 - b.y0) < 0.3 * size and 0 < b.x0 - a.x0 < 2.5 * size:
            across += 1
            in_row[i] = in_row[i + 1] = True
    raw.vertical = down > across and down >= 4
    height = raw.height
    if raw.vertical:
        # a lone character (one-kana ruby) belongs to the columns when it stands among them;
        # the margins' horizontal lines (page numbers, running heads) stay as they are
        column = [c for c, turned in zip(chars, in_column, strict=True) if turned]
        top, bottom = max(c.y1 for c in column), min(c.y0 for c in column)
        for i, ch in enumerate(chars):
            if not in_column[i] and not in_row[i] and bottom - ch.size <= ch.y0 <= top + ch.size:
                in_column[i] = True
    if raw.vertical:
        raw.rects = [Rect(height - r.y1, r.x0, height - r.y0, r.x1) for r in raw.rects]
    descent = _descents(chars)
    for ch, turned in zip(chars, in_column, strict=True):
        text = ch.get_text()
        if text.startswith("(cid:"):
            raw.unmapped += 1
            continue
        text = text.translate(_CID_FIXES)
        if not text.isprintable():
            text, n = sanitize(text)
            raw.removed += n
            if not text:
                continue
        if len(text) == 1 and unicodedata.category(text) == "Co":
            raw.unmapped += 1  # a private-use code point: the font's own, not Unicode
            continue
        size = float(ch.size) or float(ch.y1 - ch.y0) or 1.0
        x0, x1, y0, y1 = ch.x0 - ox, ch.x1 - ox, ch.y0 - oy, ch.y1 - oy
        if raw.vertical and turned:
            glyph = Glyph(text, height - y1, height - y0, x0, x1, size, ch.fontname, (x0 + x1) / 2)
        else:
            # the baseline under the glyph as drawn: its box's foot less the font's descent
            # (text rise, as a superscript is set, moves the box and so the baseline)
            base = y0 - descent.get(ch.fontname, 0.0) * size
            glyph = Glyph(text, x0, x1, y0, y1, size, ch.fontname, base)
        glyph.nx, glyph.ny = (x0 + x1) / 2, (y0 + y1) / 2
        raw.glyphs.append(glyph)


def _damaged(path: Path | str, exc: Exception) -> ImportFailed:
    """The one line for a PDF the parser gave up on, in the user's words, not pdfminer's
    (``PSEOF`` was all it said of a file cut short)."""
    from pdfminer.psparser import PSEOF

    if isinstance(exc, PSEOF):
        return ImportFailed(
            f"{path}: cannot import: the PDF ends too soon (cut short, e.g. an unfinished download)"
        )
    return ImportFailed(f"{path}: cannot import: damaged or unreadable PDF")
