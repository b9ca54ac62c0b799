"""Turning one laid-out line into a Strip of styled segments (the reader's only drawing code).

Colours come from the reader's component classes (``tui/styles/reader.tcss``); this module only
decides which style each cell gets: the block's style, then emphasis, highlights, search
matches, the selection and the cursor, in that order (later ones win).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.layout.cells import char_width, display_char
from tui.layout.lines import Row

NOT_REVERSED = Style(reverse=False, bold=True)


@dataclass(frozen=True, slots=True)
class Palette:
    """The resolved styles one paint uses (rebuilt when the theme or CSS changes)."""

    base: Style
    ruby: Style
    ruby_guess: Style
    ruby_source: Style
    marker: Style
    marker_current: Style
    reading: Style
    bullet: Style
    bar: Style
    cell: Style
    cursor: Style


def _segments(texts: list[str], styles: list[Style]) -> list[Segment]:
    out: list[Segment] = []
    run: list[str] = []
    current = styles[0] if styles else Style()
    for text, style in zip(texts, styles, strict=True):
        if text == "":
            continue  # right half of a wide character
        if style is not current:
            if run:
                out.append(Segment("".join(run), current))
            run = []
            current = style
        run.append(text)
    if run:
        out.append(Segment("".join(run), current))
    return out


def _put(texts: list[str], styles: list[Style], col: int, text: str, style: Style) -> None:
    width = len(texts)
    for ch in text:
        w = char_width(ch)
        if col >= width or col + max(w, 1) > width:
            return
        if w == 0:
            if col > 0:
                texts[col - 1] += display_char(ch)
            continue
        texts[col] = display_char(ch)
        styles[col] = style
        if w == 2:
            texts[col + 1] = ""
            styles[col + 1] = style
        col += w


def paint_blank(width: int, palette: Palette) -> Strip:
    return Strip.blank(width, palette.base)


def paint_ruby(row: Row, width: int, palette: Palette, fill: Style | None = None) -> Strip:
    base = fill or palette.base
    texts = [" "] * width
    styles = [base] * width
    for deco in row.decorations:
        if deco.kind == "bar" and deco.col < width:  # a quote's bar runs past its readings
            styles[deco.col] = base + palette.bar
    for r in row.ruby:
        if r.source == "guess":
            style = base + palette.ruby_guess
        elif r.source in ("source", "gloss", "own"):
            style = base + palette.ruby_source
        else:
            style = base + palette.ruby
        _put(texts, styles, max(0, r.col), r.reading, style)
    return Strip(_segments(texts, styles), width)


def paint_row(
    row: Row,
    text: str,
    width: int,
    palette: Palette,
    *,
    text_style: Style,
    fill: Style | None,
    spans: Sequence[tuple[int, int, Style]] = (),
    cursor: int | None = None,
    current_marker: int | None = None,
) -> Strip:
    """The base line of ``row``; ``spans`` are ``(start, end, style)`` in block offsets.

    ``text_style`` styles the characters, ``fill`` (headings) the whole line; ``cursor`` is a
    block offset to draw reversed; ``current_marker`` the ref offset of the marker under it.
    """
    base = fill or palette.base
    texts = [" "] * width
    styles = [base] * width
    n = row.end - row.start
    char_styles = [text_style] * n
    for s, e, style in spans:
        for i in range(max(s, row.start), min(e, row.end)):
            k = i - row.start
            char_styles[k] = char_styles[k] + style
    for k, col in enumerate(row.cols):
        if col < 0:
            continue
        _put(texts, styles, col, text[row.start + k], base + char_styles[k])
    for deco in row.decorations:
        if deco.kind == "marker":
            style = palette.marker_current if deco.offset == current_marker else palette.marker
        elif deco.kind == "reading":
            style = palette.reading
        elif deco.kind == "bullet":
            style = palette.bullet
        elif deco.kind == "bar":
            style = palette.bar
        else:
            style = palette.cell
        _put(texts, styles, deco.col, deco.text, base + style)
    if cursor is not None and row.start <= cursor <= row.end:
        col = row.col_of(cursor, text)
        if 0 <= col < width:
            # reversed like the selection around it, the cursor would vanish: there it is the
            # one cell drawn the right way round
            flip = NOT_REVERSED if styles[col].reverse else palette.cursor
            styles[col] = styles[col] + flip
            if col + 1 < width and texts[col + 1] == "":
                styles[col + 1] = styles[col]
    return Strip(_segments(texts, styles), width)
