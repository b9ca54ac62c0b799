"""Where to break a line of plain text: the reader's own line breaking, for any text.

:func:`break_offsets` lays the text out with :func:`tui.layout.lines.layout_text` (kinsoku,
wide characters in two cells, Latin words and numbers whole) and returns where each row
starts, in the form Rich and Textual use to divide a line; :mod:`tui.line_breaking` makes it
the line breaking of every widget, so the sidebar, dialogs, toasts and help wrap Japanese
exactly as the reader does.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.layout.cells import text_width
from tui.layout.lines import layout_text

#: What a line loses at its end: the spaces a break swallowed (a full-width one too, which the
#: layout does not draw where the text wraps).
SWALLOWED = " \u3000"


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets at which to cut ``text`` (one line, no ``\\n``) into pieces of at most ``width``
    cells. A space at a break ends the line before it (Rich strips it), so no piece starts
    with one; no piece starts with a closing mark or ends with an opening one. A text of
    phrases set apart by two spaces or more (a hint: ``Enter: save   Esc: back``) breaks
    between its phrases, never inside one that fits on a line (``Esc:`` / ``back``)."""
    if width < 1 or text_width(text) <= width:
        return []
    if "  " in text.strip(" "):
        by_phrase = _between_phrases(text, width)
        if by_phrase is not None:
            return by_phrase
    rows = layout_text(text, width)
    cuts: list[int] = []
    for row in rows[1:]:
        start = row.start
        for col in row.cols:  # spaces the wrap swallowed go to the end of the line above
            if col >= 0:
                break
            start += 1
        if 0 < start < len(text) and (not cuts or start > cuts[-1]):
            cuts.append(start)
    return cuts


def _between_phrases(text: str, width: int) -> list[int] | None:
    """Cuts at the starts of the phrases of ``text`` (runs of two spaces or more between them),
    as many phrases on a line as fit; None when a phrase alone is wider than ``width``."""
    phrases: list[tuple[int, int]] = []
    at = 0
    while True:
        gap = text.find("  ", at)
        end = len(text) if gap < 0 else gap
        if end > at:
            phrases.append((at, end))
        if gap < 0:
            break
        at = gap
        while at < len(text) and text[at] == " ":
            at += 1
    cuts: list[int] = []
    line = phrases[0][0] if phrases else 0
    for start, end in phrases:
        if text_width(text[start:end]) > width:
            return None
        if start > line and text_width(text[line:end]) > width:
            cuts.append(start)
            line = start
    return cuts


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells (``\\n`` kept as a break)."""
    out: list[str] = []
    for line in text.split("\n"):
        cuts = [0, *break_offsets(line, width), len(line)]
        out.extend(line[a:b].rstrip(SWALLOWED) for a, b in zip(cuts, cuts[1:], strict=False))
    return out


def wrap_pieces(
    pieces: Sequence[tuple[str, bool]], width: int, indent: str = ""
) -> list[list[tuple[str, bool]]]:
    """One line made of ``(text, marked)`` pieces, broken into lines of at most ``width``
    cells as :func:`break_offsets` breaks text (kinsoku: no line starts with 。、」…), each
    piece keeping its mark across a break; the lines after the first start with ``indent``
    (and are that much narrower). What ``shiori search`` prints on a terminal."""
    text = "".join(t for t, _ in pieces)
    narrow = max(1, width - text_width(indent))
    bounds: list[tuple[int, int]] = []
    start, room = 0, width
    while True:
        cuts = break_offsets(text[start:], room)
        if not cuts:
            bounds.append((start, len(text)))
            break
        bounds.append((start, start + cuts[0]))
        start, room = start + cuts[0], narrow
    lines: list[list[tuple[str, bool]]] = []
    for n, (lo, hi) in enumerate(bounds):
        line = [(indent, False)] if n and indent else []
        at = 0
        for piece, marked in pieces:
            s, e = max(lo, at), min(hi, at + len(piece))
            if s < e:
                line.append((piece[s - at : e - at], marked))
            at += len(piece)
        lines.append(_without_trailing_spaces(line))
    return lines


def _without_trailing_spaces(line: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A space a break swallowed (or one ending the text) is not drawn: it would not fit."""
    while line and not line[-1][0].rstrip(SWALLOWED):
        line.pop()
    if line:
        line[-1] = (line[-1][0].rstrip(SWALLOWED), line[-1][1])
    return line
