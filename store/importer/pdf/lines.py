"""Characters → text lines, with the small type around them put where it belongs.

Characters on one baseline, without a wide gap between them, make a line (a gap of two
characters or more separates table cells and columns). Then the small runs that are not lines
of their own:

- **ruby**: small kana set just above a run of kanji becomes that run's reading;
- **note markers**: small digits (``1``, ``(1)``, ``*``, ``※2``) raised against a line are
  footnote markers, recorded at their place and left out of the text;
- other raised or lowered small type (``m²``) is read as part of the line;
- superscript digit characters (``¹ ² ³``, ``U+2070``–``U+2079``) after Japanese text or
  punctuation are note markers too, as small raised digits are; after a Latin letter or a
  digit they are an exponent (``m²``, ``10⁶``) and stay in the text.

Spaces: a space character in the PDF is kept; a gap without one becomes a space between Latin
words (or a wide gap between Japanese characters), never inside Japanese.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from store.importer.pdf.extract import Glyph
from store.japanese.chars import KANA, KANJI
from store.patterns import compiled

_KANA_RUN = compiled(f"^[{KANA}ー・]+$")
_KANJI = compiled(f"[{KANJI}]")
_MARKER = compiled(
    r"^[\[(（［〔]?(?:注|※|\*|＊|†|‡)?[0-9０-９]{1,3}[\])）］〕]?$|^[*＊†‡※]{1,3}$"
)
#: A gap this many times the type size, or more, separates cells or columns (not the gap
#: after a note's label or a bullet, which belongs to its line).
SPLIT_GAP = 1.2
_LABEL_ONLY = compiled(
    r"^(?:[(（\[［]?[0-9０-９]{1,3}[)）\]］.．]?|注[0-9０-９]{1,3}|[・•●◦※*＊†‡])$"
)


@dataclass
class Line:
    """One line of text in the reading frame."""

    glyphs: list[Glyph]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    y0: float = 0.0
    y1: float = 0.0
    base: float = 0.0
    size: float = 0.0
    font: str = ""
    #: ``(offset, label)``: a note marker after ``text[offset - 1]``.
    marks: list[tuple[int, str]] = field(default_factory=list)
    #: ``(start, end, reading)`` into ``text``.
    ruby: list[tuple[int, int, str]] = field(default_factory=list)
    #: The glyph under each character of ``text`` (None for an inserted space).
    at: list[Glyph | None] = field(default_factory=list)
    #: Where it sits on the printed page (PDF coordinates): for margins and repetition.
    nx0: float = 0.0
    ny0: float = 0.0
    nx1: float = 0.0
    ny1: float = 0.0
    #: The left and right edges of the column the line stands in (set by the page's reading).
    left: float = 0.0
    right: float = 0.0
    #: The line stands in one of several columns (its edges are that column's).
    columned: bool = False
    #: Where its first character that is not a space starts: a paragraph's indent drawn as a
    #: full-width space (``\u3000``) starts the line at the margin but its text one em in.
    ink0: float = 0.0

    def finish(self) -> None:
        gl = self.glyphs
        self.x0 = min(g.x0 for g in gl)
        self.x1 = max(g.x1 for g in gl)
        self.y0 = min(g.y0 for g in gl)
        self.y1 = max(g.y1 for g in gl)
        self.nx0 = min(g.nx for g in gl)
        self.nx1 = max(g.nx for g in gl)
        self.ny0 = min(g.ny for g in gl)
        self.ny1 = max(g.ny for g in gl)
        self.ink0 = min((g.x0 for g in gl if g.text.strip()), default=self.x0)
        weights: dict[float, int] = {}
        fonts: dict[str, int] = {}
        for g in gl:
            if g.text.strip():
                weights[round(g.size, 1)] = weights.get(round(g.size, 1), 0) + 1
                fonts[g.font] = fonts.get(g.font, 0) + 1
        self.size = max(weights, key=lambda s: (weights[s], s)) if weights else gl[0].size
        self.font = max(fonts, key=lambda f: fonts[f]) if fonts else gl[0].font
        big = [g.base for g in gl if abs(g.size - self.size) < 0.05 * self.size] or [gl[0].base]
        self.base = sorted(big)[len(big) // 2]
        self.text, self.at = _spell(gl)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def bold(self) -> bool:
        return is_bold(self.font)


def is_bold(font: str) -> bool:
    """A bold or heavy face (``Bold``, ``Heavy``, ``Black``, a Japanese ``W6``–``W9`` or a
    gothic ``W5`` and up, which Japanese documents set their headings in)."""
    name = font.split("+", 1)[-1].lower()
    if any(w in name for w in ("bold", "heavy", "black", "semibold", "demi")):
        return True
    m = re.search(r"w([0-9])", name)
    if m:
        weight = int(m.group(1))
        gothic = any(w in name for w in ("goth", "kakugo", "gothic", "sans", "maru"))
        return weight >= 6 or (gothic and weight >= 5)
    return False


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _spell(glyphs: list[Glyph]) -> tuple[str, list[Glyph | None]]:
    """The line's text. A gap with no space glyph becomes a space between Latin words (a
    quarter em), between Japanese and Latin only when wider than the spacing typesetters put
    there anyway (0.4 em), between Japanese characters only when a whole character wide (and
    then it is an ideographic space)."""
    parts: list[str] = []
    at: list[Glyph | None] = []
    prev: Glyph | None = None
    for g in glyphs:
        if prev is not None and not g.text.isspace() and not prev.text.isspace():
            gap = g.x0 - prev.x1
            size = max(min(g.size, prev.size), 1.0)
            wide = _wide(prev.text[-1]) + _wide(g.text[0])
            if gap > (0.25, 0.4, 0.8)[wide] * size:
                parts.append("\u3000" if wide == 2 else " ")
                at.append(None)
        parts.append(g.text)
        at.extend([g] * len(g.text))
        prev = g
    return "".join(parts), at


def group_lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs → lines (top to bottom, left to right), small type attached (see module doc)."""
    if not glyphs:
        return []
    rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (-g.base, g.x0)):
        if rows:
            row = rows[-1]
            ref = row[0]
            if abs(ref.base - g.base) <= 0.2 * min(ref.size, g.size) and _similar(ref.size, g.size):
                row.append(g)
                continue
        rows.append([g])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda g: g.x0)
        current = [row[0]]
        for g in row[1:]:
            prev = current[-1]
            gap = g.x0 - prev.x1
            wide = gap > SPLIT_GAP * max(min(g.size, prev.size), 1.0)
            label = (
                wide
                and gap < 4 * g.size
                and len(current) <= 4
                and _LABEL_ONLY.match("".join(x.text for x in current))
            )
            if wide and not label and _raised_in_gap(glyphs, prev, g):
                wide = False  # a note marker sits in the gap: the line goes on after it
            if (wide and not label) or g.x0 < prev.x0 - 0.5:
                lines.append(_line(current))
                current = [g]
            else:
                current.append(g)
        lines.append(_line(current))
    lines = [line for line in lines if line.text.strip()]
    lines = _attach_small(lines)
    for line in lines:
        _superscript_marks(line)
    return lines


def _raised_in_gap(glyphs: list[Glyph], left: Glyph, right: Glyph) -> bool:
    """Small type raised against the line fills the gap between ``left`` and ``right``
    (a marker set between two characters). Only asked about gaps wide enough to split at,
    which are few."""
    size = min(left.size, right.size)
    filled = 0.0
    for g in glyphs:
        if (
            g.size < 0.8 * size
            and left.base < g.base < left.base + size
            and g.x1 > left.x1 - 0.5
            and g.x0 < right.x0 + 0.5
        ):
            filled += min(g.x1, right.x0) - max(g.x0, left.x1)
    return filled >= 0.5 * (right.x0 - left.x1)


def _similar(a: float, b: float) -> bool:
    return min(a, b) >= 0.8 * max(a, b)


def _line(glyphs: list[Glyph]) -> Line:
    line = Line(glyphs)
    line.finish()
    return line


def _attach_small(lines: list[Line]) -> list[Line]:
    """Small runs next to a bigger line: ruby above kanji, raised note markers, and raised or
    lowered type read into the line."""
    bigs = sorted(lines, key=lambda line: -line.size)
    out: list[Line] = []
    absorbed: set[int] = set()
    for small in lines:
        if id(small) in absorbed:
            continue
        host = _host(small, bigs)
        if host is None:
            continue
        text = small.text.strip()
        above = small.y0 >= host.y1 - 0.15 * host.size
        if above:
            whole = _KANA_RUN.match(text) and _ruby(small, host)
            if whole or (_KANA_RUN.match("".join(text.split())) and _ruby_runs(small, host)):
                absorbed.add(id(small))
            continue
        absorbed.add(id(small))
        raised = small.base > host.base + 0.2 * host.size
        if raised and _MARKER.match(text):
            _marker(small, host, text)
        else:
            _merge(small, host)
    for line in lines:
        if id(line) not in absorbed:
            out.append(line)
    return out


def _host(small: Line, bigs: list[Line]) -> Line | None:
    """The line a small run belongs to: bigger type, overlapping it across, its run sitting
    within the line's height or just above it."""
    best = None
    for big in bigs:
        if big.size < 1.15 * small.size:
            break  # sorted by size: no bigger line left
        if small.x1 < big.x0 - 0.6 * big.size or small.x0 > big.x1 + 0.6 * big.size:
            continue
        if not (big.y0 - 0.1 * big.size <= small.cy <= big.y1 + 0.9 * big.size):
            continue
        if best is None or abs(big.y1 - small.cy) < abs(best.y1 - small.cy):
            best = big
    return best


def _ruby(small: Line, host: Line) -> bool:
    """Small kana above a run of kanji: the run's reading. Readings centred each over its own
    kanji are one ruby per kanji (mono-ruby, 祇園囃子 ぎ・おん・ばや・し); a reading spread over
    the whole run is one group (収斂 しゅうれん)."""
    if small.y0 - host.y1 > 0.7 * host.size:
        return False
    lo, hi = small.x0 - 0.35 * host.size, small.x1 + 0.35 * host.size
    under = [i for i, g in enumerate(host.at) if g is not None and lo <= g.cx <= hi]
    # a long reading overhangs the kana beside its kanji (貴い日本魂: やまとだましい)
    while under and not _KANJI.match(host.text[under[0]]):
        under.pop(0)
    while under and not _KANJI.match(host.text[under[-1]]):
        under.pop()
    if not under:
        return False
    start, end = under[0], under[-1] + 1
    if any(not _KANJI.match(ch) for ch in host.text[start:end]):
        return False
    if any(s < end and start < e for s, e, _ in host.ruby):
        return False
    host.ruby.extend(
        _per_kanji(small, host, start, end) or [(start, end, "".join(small.text.split()))]
    )
    host.ruby.sort()
    return True


def _ruby_runs(small: Line, host: Line) -> bool:
    """Readings of two kanji runs set close enough to read as one small line (信州や甲州:
    しんしゅう　こうしゅう): each run apart, all or none."""
    runs: list[list[Glyph]] = [[]]
    for g in sorted(small.glyphs, key=lambda g: g.x0):
        if not g.text.strip():
            runs.append([])
        elif runs[-1] and g.x0 - runs[-1][-1].x1 > 0.5 * g.size:
            runs.append([g])
        else:
            runs[-1].append(g)
    runs = [r for r in runs if r]
    if len(runs) < 2:
        return False
    kept = list(host.ruby)
    if all(_ruby(_line(run), host) for run in runs):
        return True
    host.ruby = kept
    return False


def _per_kanji(small: Line, host: Line, start: int, end: int) -> list[tuple[int, int, str]]:
    """Mono-ruby readings, when each kanji's share of the kana is centred on it; else []."""
    if end - start < 2:
        return []
    shares: dict[int, list[Glyph]] = {i: [] for i in range(start, end)}
    for g in small.glyphs:
        if not g.text.strip():
            continue
        i = min(shares, key=lambda k: abs(host.at[k].cx - g.cx))  # type: ignore[union-attr]  # shares holds only glyph positions
        shares[i].append(g)
    out = []
    for i, glyphs in shares.items():
        base = host.at[i]
        if not glyphs or base is None:
            return []
        centre = (min(g.x0 for g in glyphs) + max(g.x1 for g in glyphs)) / 2
        if abs(centre - base.cx) > 0.2 * (base.x1 - base.x0):
            return []
        reading = "".join(g.text for g in glyphs)
        if reading[0] in _NEVER_FIRST:
            return []  # no reading starts so (じゃ・ちぼ・うぎ・ゃく): one reading spread evenly
        out.append((i, i + 1, reading))
    return out


#: Kana no reading of a kanji starts with.
_NEVER_FIRST = frozenset("ゃゅょぁぃぅぇぉっゎんーャュョァィゥェォッヮンヽヾゝゞ")


def _marker(small: Line, host: Line, text: str) -> None:
    """A raised note marker at its place in the host line."""
    offset = _offset_at(host, small.x0)
    if offset < len(host.text) and host.at[offset] is None:
        _delete(host, offset)  # the space the marker's width made: not in the text
    host.marks.append((offset, text))
    host.marks.sort()
    # a marker at either end of the line is part of its measure (a typesetter may carry it
    # over to the next line's start)
    host.x0 = min(host.x0, small.x0)
    host.ink0 = min(host.ink0, small.x0)
    host.x1 = max(host.x1, small.x1)


#: Superscript digits as characters of their own (a font's ``¹``, a converter's ``²``).
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_RUN = compiled(f"[{_SUPERSCRIPT}]{{1,3}}")
#: What an exponent follows (``m²``, ``10⁶``, ``(a+b)²``); a note marker follows anything else.
_EXPONENT_BASE = compiled(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９)\]]")


def _superscript_marks(line: Line) -> None:
    """Superscript digit characters that mark a note (after Japanese text or punctuation, or
    opening the line) are taken out of the text as markers, as small raised digits are."""
    if not any(ch in _SUPERSCRIPT for ch in line.text):
        return
    found = [
        m
        for m in _SUPERSCRIPT_RUN.finditer(line.text)
        if m.start() == 0 or not _EXPONENT_BASE.match(line.text[m.start() - 1])
    ]
    if sum(m.end() - m.start() for m in found) >= len(line.text.strip()):
        return  # nothing but the digits: no line to mark
    for m in reversed(found):
        for _ in range(m.end() - m.start()):
            _delete(line, m.start())
        line.marks.append((m.start(), unicodedata.normalize("NFKC", m.group(0))))
    line.marks.sort()


def _delete(host: Line, offset: int) -> None:
    host.text = host.text[:offset] + host.text[offset + 1 :]
    del host.at[offset]
    host.ruby = [(s - (s > offset), e - (e > offset), r) for s, e, r in host.ruby]
    host.marks = [(o - (o > offset), lab) for o, lab in host.marks]


def _merge(small: Line, host: Line) -> None:
    """Raised or lowered small type that is part of the text (``m²``, ``CO₂``)."""
    offset = _offset_at(host, small.x0)
    text = small.text.strip()
    host.text = host.text[:offset] + text + host.text[offset:]
    host.at[offset:offset] = [small.glyphs[0]] * len(text)
    host.ruby = [
        (s + len(text) if s >= offset else s, e + len(text) if e > offset else e, r)
        for s, e, r in host.ruby
    ]
    host.marks = [(o + len(text) if o > offset else o, lab) for o, lab in host.marks]


def _offset_at(host: Line, x: float) -> int:
    """The text offset in ``host`` for something drawn at ``x`` (after the glyphs left of it)."""
    offset = 0
    for i, g in enumerate(host.at):
        if g is not None and g.cx < x:
            offset = i + 1
    return offset
