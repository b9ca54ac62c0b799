"""One page's lines in reading order, as flows: the body, boxes, and the page's footnotes.

- **Footnotes**: the run of lines in smaller type at the foot of the page, below every line of
  body type, holding at least one line that opens with a note label (``1``, ``(1)``, ``注1``,
  ``※``, ``*``, a raised number); captions above the notes in larger type than theirs are not
  part of it.
- **Boxes** (columns, コラム): a drawn frame or shaded rectangle holding lines; its lines are a
  flow of their own, read where the box stands. A frame around nearly the whole page, or
  rectangles that abut in a grid (table cells), are not boxes.
- **Columns**: a vertical gutter no line crosses, with full lines on both sides, splits the page;
  lines spanning the gutter (titles, a full-width paragraph) cut it into bands, and each band is
  read column by column, top to bottom.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from store.importer.pdf.extract import Rect
from store.importer.pdf.lines import Line
from store.patterns import compiled

NOTE_LABEL = compiled(
    r"^\s*(?P<label>[(（]\s*[0-9０-９]{1,3}\s*[)）]|[\[［]\s*[0-9０-９]{1,3}\s*[\]］]"
    r"|注\s*[0-9０-９]{1,3}|※\s*[0-9０-９]*|[*＊]\s*[0-9０-９]*|[†‡]"
    r"|[0-9０-９]{1,3}(?:[.．)）]|(?=[ \u3000])))[ \u3000:：]*"
)
#: Type this much smaller than the body's, or less, is small type (notes, captions).
SMALL = 0.92


@dataclass
class Flow:
    """Lines read together: ``kind`` is ``body``, ``box`` or ``notes``."""

    kind: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class _Unit:
    """What the column analysis places: a line, or a whole box."""

    x0: float
    x1: float
    y0: float
    y1: float
    line: Line | None = None
    box: list[Line] | None = None


def note_label(line: Line) -> str | None:
    """The label a footnote line opens with, or None."""
    if line.marks and line.marks[0][0] == 0:
        return line.marks[0][1]
    m = NOTE_LABEL.match(line.text)
    return m.group("label").strip() if m else None


def split_notes(lines: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """``(rest, notes)``: the page's footnote lines taken from the foot."""
    ordered = sorted(lines, key=lambda ln: -ln.base)
    i = len(ordered)
    while i > 0:
        ln = ordered[i - 1]
        if ln.size > SMALL * body_size:
            break
        if i < len(ordered):
            below = ordered[i]
            if ln.y0 - below.y1 > 2.2 * ln.size:
                break  # a gap: what is above is not part of the notes
        i -= 1
    zone = ordered[i:]
    labelled = [ln.size for ln in zone if note_label(ln)]
    if not labelled:
        return lines, []
    # captions set above the notes, in type larger than the notes' own, are not notes
    while zone and not note_label(zone[0]) and zone[0].size > 1.05 * min(labelled):
        zone = zone[1:]
    ids = {id(ln) for ln in zone}
    return [ln for ln in lines if id(ln) not in ids], zone


def page_frames(rects: list[list[Rect]]) -> set[tuple[int, int, int, int]]:
    """Frames drawn at the same place on three pages or more (or on every page of a short
    document): a border round the text, not boxes."""
    seen: Counter[tuple[int, int, int, int]] = Counter()
    for page in rects:
        seen.update({_key(r) for r in page})
    need = 3 if len(rects) >= 3 else len(rects) + 1
    return {key for key, n in seen.items() if n >= need}


def _key(r: Rect) -> tuple[int, int, int, int]:
    return round(r.x0 / 2), round(r.y0 / 2), round(r.x1 / 2), round(r.y1 / 2)


def find_boxes(
    lines: list[Line],
    rects: list[Rect],
    body_size: float,
    frames: set[tuple[int, int, int, int]] | None = None,
) -> list[tuple[Rect, list[Line]]]:
    """Frames holding lines (outermost first); each line belongs to at most one box. With
    ``frames`` (the document's page borders, :func:`page_frames`) known, a box may fill a
    whole page (a column set on a page of its own); without, a frame round nearly all of a
    page's lines is taken for its border."""
    candidates = [
        r for r in rects if r.x1 - r.x0 >= 4 * body_size and r.y1 - r.y0 >= 1.2 * body_size
    ]
    candidates = [r for r in candidates if not any(_abuts(r, o) for o in candidates if o is not r)]
    candidates.sort(key=lambda r: -(r.x1 - r.x0) * (r.y1 - r.y0))
    boxes: list[tuple[Rect, list[Line]]] = []
    taken: set[int] = set()
    for rect in candidates:
        if frames is not None and _key(rect) in frames:
            continue
        inside = [ln for ln in lines if id(ln) not in taken and _inside(ln, rect)]
        whole = len(inside) >= 0.85 * len(lines) and len(lines) > 3
        if not inside or (whole and frames is None):
            continue
        if any(_contains(outer, rect) for outer, _ in boxes):
            continue
        boxes.append((rect, inside))
        taken.update(id(ln) for ln in inside)
    return boxes


def _inside(line: Line, r: Rect) -> bool:
    pad = 1.0
    return r.x0 - pad <= line.x0 and line.x1 <= r.x1 + pad and r.y0 - pad <= line.cy <= r.y1 + pad


def _contains(outer: Rect, inner: Rect) -> bool:
    return (
        outer.x0 <= inner.x0 + 1
        and inner.x1 <= outer.x1 + 1
        and outer.y0 <= inner.y0 + 1
        and inner.y1 <= outer.y1 + 1
    )


def _abuts(a: Rect, b: Rect) -> bool:
    """Two rectangles sharing an edge: cells of a grid, not boxes."""
    tol = 2.0
    overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0) > tol
    overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0) > tol
    side = overlap_y and (abs(a.x1 - b.x0) < tol or abs(b.x1 - a.x0) < tol)
    stacked = overlap_x and (abs(a.y1 - b.y0) < tol or abs(b.y1 - a.y0) < tol)
    return (side or stacked) and not _contains(a, b) and not _contains(b, a)


def order_page(
    lines: list[Line],
    rects: list[Rect],
    body_size: float,
    frames: set[tuple[int, int, int, int]] | None = None,
) -> list[Flow]:
    """The page's flows in reading order (the notes last). Every line learns the left and
    right edges of the column it stands in (``left``, ``right``). ``frames``: the document's
    page borders (:func:`page_frames`), when it has pages enough to tell them."""
    rest, notes = split_notes(lines, body_size)
    boxes = find_boxes(rest, rects, body_size, frames)
    boxed = {id(ln) for _, inside in boxes for ln in inside}
    units = [_Unit(ln.x0, ln.x1, ln.y0, ln.y1, line=ln) for ln in rest if id(ln) not in boxed]
    units += [_Unit(r.x0, r.x1, r.y0, r.y1, box=inside) for r, inside in boxes]
    flows: list[Flow] = []
    for unit in _ordered(units, body_size):
        if unit.box is not None:
            flows.append(Flow("box", _ordered_lines(unit.box, body_size)))
        elif flows and flows[-1].kind == "body":
            flows[-1].lines.append(unit.line)  # type: ignore[arg-type]  # a unit without a box has a line
        else:
            flows.append(Flow("body", [unit.line]))  # type: ignore[list-item]  # as above
    if notes:
        flows.append(Flow("notes", _ordered_lines(notes, body_size)))
    return flows


def _ordered_lines(lines: list[Line], body_size: float) -> list[Line]:
    units = [_Unit(ln.x0, ln.x1, ln.y0, ln.y1, line=ln) for ln in lines]
    return [u.line for u in _ordered(units, body_size) if u.line is not None]


def _ordered(units: list[_Unit], body_size: float) -> list[_Unit]:
    if not units:
        return []
    return _reading_order(units, body_size, _bounds(units), False)


def _bounds(units: list[_Unit], default: tuple[float, float] | None = None) -> tuple[float, float]:
    """A column's left edge and its measure's right edge: where most full lines end (a URL
    or a wide figure running past the margin does not move it), else the furthest right."""
    if not units:
        assert default is not None
        return default
    left = min(u.x0 for u in units)
    ends = Counter(round(u.x1) for u in units if u.line is not None)
    furthest = max(u.x1 for u in units)
    if ends:
        edge, count = max(ends.items(), key=lambda kv: (kv[1], kv[0]))
        if count >= 3 and edge >= left + 0.5 * (furthest - left):
            return left, max(float(edge), max(x for x in ends if abs(x - edge) <= 2))
    return left, furthest


def _mark(units: list[_Unit], bounds: tuple[float, float], columned: bool) -> None:
    for u in units:
        if u.line is not None:
            u.line.left, u.line.right = bounds
            u.line.columned = u.line.columned or columned


def _reading_order(
    units: list[_Unit], body_size: float, bounds: tuple[float, float], columned: bool
) -> list[_Unit]:
    """Top to bottom; column by column where a gutter splits the units."""
    gutter = _gutter(units, body_size) if len(units) > 1 else None
    if gutter is None:
        _mark(units, bounds, columned)
        return sorted(units, key=lambda u: (-round(u.y1, 1), u.x0))
    spanning = sorted((u for u in units if u.x0 < gutter < u.x1), key=lambda u: -u.y1)
    _mark(spanning, bounds, columned)
    others = [u for u in units if not (u.x0 < gutter < u.x1)]
    left_all = [u for u in others if u.x1 <= gutter]
    right_all = [u for u in others if u.x0 >= gutter]
    left_bounds = _bounds(left_all, (bounds[0], gutter))
    right_bounds = _bounds(right_all, (gutter, bounds[1]))
    out: list[_Unit] = []
    top = float("inf")
    for cut in [*spanning, None]:
        bottom = cut.y1 if cut is not None else float("-inf")
        band = [u for u in others if bottom <= (u.y0 + u.y1) / 2 < top]
        out += _reading_order([u for u in band if u.x1 <= gutter], body_size, left_bounds, True)
        out += _reading_order([u for u in band if u.x0 >= gutter], body_size, right_bounds, True)
        if cut is not None:
            out.append(cut)
            top = bottom
    return out


def _gutter(units: list[_Unit], body_size: float) -> float | None:
    """An x no narrow unit crosses, with at least three full lines of a column each side."""
    lo = min(u.x0 for u in units)
    hi = max(u.x1 for u in units)
    width = hi - lo
    if width < 10 * body_size:
        return None
    narrow = [u for u in units if u.x1 - u.x0 < 0.62 * width]
    if len(narrow) < 6:
        return None
    spans = sorted((u.x0, u.x1) for u in narrow)
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > reach:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    for g0, g1 in sorted(gaps, key=lambda g: -(g[1] - g[0])):
        mid = (g0 + g1) / 2
        if g1 - g0 < 0.5 * body_size or not lo + 0.2 * width < mid < hi - 0.2 * width:
            continue
        left = [u for u in narrow if u.x1 <= mid]
        right = [u for u in narrow if u.x0 >= mid]
        if _column(left) and _column(right):
            return mid
    return None


def _column(units: list[_Unit]) -> bool:
    """Three or more lines set to one full measure: a column of text, not cells of a table."""
    lines = [u.line for u in units if u.line is not None]
    if len(lines) < 3:
        return False
    full = max(ln.x1 for ln in lines)
    left = min(ln.x0 for ln in lines)
    return (
        sum(1 for ln in lines if ln.x1 >= full - 1.5 * ln.size and ln.x0 <= left + 2 * ln.size) >= 3
    )
