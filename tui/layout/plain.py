"""Rows drawn as plain strings: what the reader shows, minus colours (tests, popups, debugging)."""

from __future__ import annotations

from tui.layout.cells import char_width, display_char
from tui.layout.lines import Row


def row_cells(row: Row, text: str, width: int) -> list[str]:
    """The base row as one string per cell ("" for the right half of a wide character)."""
    cells = [" "] * max(width, row.used)
    for i, col in enumerate(row.cols):
        if col < 0:
            continue
        ch = text[row.start + i]
        w = char_width(ch)
        if w == 0:
            if col > 0:
                cells[col - 1] += display_char(ch)
            continue
        cells[col] = display_char(ch)
        if w == 2:
            cells[col + 1] = ""
    for deco in row.decorations:
        _put(cells, deco.col, deco.text)
    return cells


def ruby_cells(row: Row, width: int) -> list[str]:
    cells = [" "] * max(width, row.used)
    for r in row.ruby:
        _put(cells, r.col, r.reading)
    return cells


def _put(cells: list[str], col: int, text: str) -> None:
    for ch in text:
        w = char_width(ch)
        if col >= len(cells):
            cells.extend([" "] * (col - len(cells) + 2))
        cells[col] = display_char(ch)
        if w == 2:
            if col + 1 >= len(cells):
                cells.append("")
            cells[col + 1] = ""
        col += max(w, 1)


def render_plain(rows: list[Row], text: str, width: int) -> list[str]:
    """Each row as strings: its ruby line (when it has readings) then its base line."""
    out: list[str] = []
    for row in rows:
        if row.ruby:
            out.append("".join(ruby_cells(row, width)).rstrip())
        out.append("".join(row_cells(row, text, width)).rstrip())
    return out
