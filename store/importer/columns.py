"""Two columns printed side by side (``pdftotext -layout``): read each page's left column,
then its right one.

Such an extraction holds, on one output line, a line of the left column, spaces up to the
gutter, and a line of the right column. The gutter is found where most lines resume after a
run of spaces at one position (counted in terminal cells: a full-width character is two).
A run of side-by-side lines ends at a line that spans the page (a footnote, a running head, a
centred page number): there the page's left column is given whole, then its right one, so a
paragraph the column break cut reads on.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from store.patterns import compiled

_GAP = compiled(r"[ \u3000]{2,}")


def cells(text: str) -> int:
    """Terminal cells (east-asian wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _gutter(lines: list[str]) -> int:
    """The cell where the right column starts, if most long lines have one; else 0."""
    starts: Counter[int] = Counter()
    long = 0
    for line in lines:
        s = line.rstrip()
        if len(s.strip()) < 8:
            continue
        long += 1
        for m in _GAP.finditer(s):
            if m.start() > 0 and m.end() < len(s) and m.end() - m.start() >= 3:
                starts[cells(s[: m.end()])] += 1
    if not starts:
        return 0
    # positions a cell or two apart are one gutter (widths are estimated)
    best, n = max(((p, sum(starts[q] for q in range(p - 2, p + 3))) for p in starts), key=lambda x: x[1])
    return best if n >= 10 and n >= 0.3 * long else 0


def _split(line: str, gutter: int) -> tuple[str, str] | None:
    """(left, right) of a side-by-side line, or None for a line that spans the page."""
    s = line.rstrip()
    if not s.strip():
        return "", ""
    lead = len(s) - len(s.lstrip(" \u3000"))
    if lead:  # text starting at the gutter is the right column's; elsewhere, centred furniture
        at = cells(s[:lead])
        return ("", s.strip()) if abs(at - gutter) <= 3 else None
    for m in _GAP.finditer(s):
        at = cells(s[: m.end()])
        if abs(at - gutter) <= 3 and m.end() < len(s):
            return s[: m.start()], s[m.end() :]
    return (s, "") if cells(s) <= gutter - 2 else None


def unfold_columns(lines: list[str]) -> list[str]:
    """``lines`` with each page's two columns one after the other; unchanged if the text is
    not set in two columns side by side."""
    if sum(1 for line in lines[:2000] if "   " in line) < 10:
        return lines
    gutter = _gutter(lines)
    if not gutter:
        return lines
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []

    def flush() -> None:
        # the column break is no blank line: a paragraph the break cut reads on, and one that
        # ended there is told by its rows, as across a page break (a column's blank rows at
        # its head or foot stand beside the other column's text: typesetters drop the space
        # between paragraphs at a column's head or foot, so they mark no paragraph's end)
        while right and not right[0]:
            right.pop(0)
        while right and left and not left[-1]:
            left.pop()
        out.extend(left)
        out.extend(right)
        left.clear()
        right.clear()

    for line in lines:
        parts = _split(line, gutter)
        if parts is None:
            flush()
            out.append(line.strip())
            continue
        a, b = parts
        if not a and not b:  # a blank row: a blank line in both columns
            left.append("")
            right.append("")
            continue
        left.append(a)
        right.append(b)
    flush()
    return out
