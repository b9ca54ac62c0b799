"""Tables: columns aligned in cells when they fit, one stacked row per cell when they don't.

A table block carries ``rows`` (cells) and a ``text`` holding the same cells in order; each cell
is found in the text so its characters keep their offsets (cursor, selection and search work in
tables too). A cell that cannot be found is drawn as a decoration (visible, not selectable).
"""

from __future__ import annotations

from array import array

from tui.layout.cells import char_width, text_width
from tui.layout.lines import Decoration, Row, layout_text

#: Blank cells between two columns.
GAP = 3


def _find_cells(text: str, rows: list[list[str]]) -> list[list[int]]:
    """Offset of each cell in ``text`` (-1 when absent), searching forward in order."""
    pos = 0
    found: list[list[int]] = []
    for row in rows:
        offsets = []
        for cell in row:
            at = text.find(cell, pos) if cell else -1
            offsets.append(at)
            if at >= 0:
                pos = at + len(cell)
        found.append(offsets)
    return found


def layout_table(text: str, rows: list[list[str]], width: int) -> list[Row]:
    offsets = _find_cells(text, rows)
    ncols = max((len(r) for r in rows), default=0)
    col_w = [0] * ncols
    for row in rows:
        for j, cell in enumerate(row):
            col_w[j] = max(col_w[j], text_width(cell))
    total = sum(col_w) + GAP * max(0, ncols - 1)
    if total <= width:
        return _aligned(text, rows, offsets, col_w)
    return _stacked(text, rows, offsets, width)


def _aligned(
    text: str, rows: list[list[str]], offsets: list[list[int]], col_w: list[int]
) -> list[Row]:
    out: list[Row] = []
    starts = [0]
    for w in col_w[:-1]:
        starts.append(starts[-1] + w + GAP)
    prev_end = 0
    for r, row in enumerate(rows):
        present = [o for o in offsets[r] if o >= 0]
        start = min(present) if present else prev_end
        end = max(
            (o + len(c) for o, c in zip(offsets[r], row, strict=False) if o >= 0), default=start
        )
        start = min(start, prev_end) if r == 0 else prev_end
        cols = [-1] * (end - start)
        decos: list[Decoration] = []
        for j, cell in enumerate(row):
            col = starts[j]
            at = offsets[r][j]
            if at < 0:
                if cell:
                    decos.append(Decoration(col, cell, "cell"))
                continue
            for i in range(at, at + len(cell)):
                cols[i - start] = col
                col += char_width(text[i])
        out.append(Row(start, end, array("h", cols), (), tuple(decos), sum(col_w)))
        prev_end = end
    if out and out[-1].end < len(text):
        last = out[-1]
        last.cols.extend([-1] * (len(text) - last.end))
        last.end = len(text)
    return out


def _stacked(text: str, rows: list[list[str]], offsets: list[list[int]], width: int) -> list[Row]:
    """Too wide to align: each cell gets its own rows, later cells indented under the first."""
    out: list[Row] = []
    pos = 0
    for r, row in enumerate(rows):
        for j, cell in enumerate(row):
            at = offsets[r][j]
            indent = 0 if j == 0 else 2
            if at < 0:
                if cell:
                    out.append(
                        Row(pos, pos, array("h"), (), (Decoration(indent, cell, "cell"),), width)
                    )
                continue
            sub = layout_text(cell, width, indent=indent)
            for k, piece in enumerate(sub):
                lead = at - pos if k == 0 else 0
                cols = array("h", [-1] * lead)
                cols.extend(piece.cols)
                out.append(Row(piece.start + at - lead, piece.end + at, cols, (), (), piece.used))
            pos = at + len(cell)
    if not out:
        return [Row(0, len(text), array("h", [-1] * len(text)))]
    last = out[-1]
    if last.end < len(text):
        last.cols.extend([-1] * (len(text) - last.end))
        last.end = len(text)
    return out
