"""Where to break a line of plain text: the reader's own line breaking, for any text.

:func:`break_offsets` lays the text out with :func:`tui.layout.lines.layout_text` (kinsoku,
wide characters in two cells, Latin words and numbers whole) and returns where each row
starts, in the form Rich and Textual use to divide a line; :mod:`tui.line_breaking` makes it
the line breaking of every widget, so the sidebar, dialogs, toasts and help wrap Japanese
exactly as the reader does.
"""

from __future__ import annotations

from tui.layout.cells import text_width
from tui.layout.lines import layout_text


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets at which to cut ``text`` (one line, no ``\\n``) into pieces of at most ``width``
    cells. A space at a break ends the line before it (Rich strips it), so no piece starts
    with one; no piece starts with a closing mark or ends with an opening one."""
    if width < 1 or text_width(text) <= width:
        return []
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


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells (``\\n`` kept as a break)."""
    out: list[str] = []
    for line in text.split("\n"):
        cuts = [0, *break_offsets(line, width), len(line)]
        out.extend(line[a:b].rstrip(" ") for a, b in zip(cuts, cuts[1:], strict=False))
    return out
