"""A wide character drawn over a widget boundary keeps both its cells.

Textual's compositor cuts every screen line at each visible widget's left and right edge and
fills each piece from the front-most widget covering it. A toast, a popup or the palette over
the reader and the sidebar is therefore cut at *their* edges too, and a double-width character
(a kanji, 」) across such a cut is split by Rich into two blank cells — the toast read
``Highlighted 「岡本か    」`` where it crossed into the sidebar (Textual issue 6357, open).

A cut is only needed where the widget in front changes. :func:`install` drops, line by line,
every cut with the same front-most widget on both sides, so the widget on top is drawn in
one piece and its characters are never split; what is drawn is otherwise cell for cell the
same (the pieces it joins came from that one widget anyway). Computed with the cuts, once per
layout change. Textual 8; ``tests/test_compositor_cuts.py`` checks it on a real app.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual._compositor import Compositor
    from textual.widget import Widget

_installed = False


def merge_cuts(compositor: Compositor, cuts: list[list[int]]) -> list[list[int]]:
    """``cuts`` without those whose two sides show the same front-most widget.

    Owners are assigned as the compositor paints: front to back, the first widget covering a
    piece wins it (``visible_widgets`` is in that order)."""
    owners: list[list[Widget | None]] = [[None] * (len(line) - 1) for line in cuts]
    height = len(cuts)
    for widget, (region, clip) in compositor.visible_widgets.items():
        x, y, width, rows = region.intersection(clip)
        if not (width and rows):
            continue
        for row in range(max(y, 0), min(y + rows, height)):
            line, line_owners = cuts[row], owners[row]
            for piece in range(bisect_left(line, x), bisect_left(line, x + width)):
                if piece < len(line_owners) and line_owners[piece] is None:
                    line_owners[piece] = widget
    merged: list[list[int]] = []
    for line, line_owners in zip(cuts, owners, strict=True):
        kept = [line[0]]
        for piece in range(1, len(line) - 1):
            left, right = line_owners[piece - 1], line_owners[piece]
            if left is None or left is not right:
                kept.append(line[piece])
        kept.append(line[-1])
        merged.append(kept)
    return merged


def install() -> None:
    """Make the compositor cut lines only where the front-most widget changes (idempotent;
    the app calls it once at start-up)."""
    global _installed
    if _installed:
        return
    from textual._compositor import Compositor

    textual_cuts: property = vars(Compositor)["cuts"]
    all_cuts = textual_cuts.fget
    assert all_cuts is not None

    def cuts(self: Any) -> list[list[int]]:
        if self._cuts is None:
            self._cuts = merge_cuts(self, all_cuts(self))
        merged: list[list[int]] = self._cuts
        return merged

    Compositor.cuts = property(cuts)  # type: ignore[assignment]  # Textual has no hook
    _installed = True
