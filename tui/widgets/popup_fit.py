"""Where a popup goes: beside the line it is about, never over it, and never taller than the
screen (what does not fit scrolls inside it)."""

from __future__ import annotations

from tui.layout.wrap import wrap_lines

HINT = "Esc closes"
SCROLL_HINT = "Esc closes; j/k, PgDn/PgUp, Home/End scroll"


def fit_beside(row: int | None, wanted: int, screen_height: int) -> tuple[int, int]:
    """``(top, height)`` for a box that would like ``wanted`` rows on a screen
    ``screen_height`` rows tall, covering neither screen row ``row`` (the line the popup is
    about) nor the row above it (where that line's readings are).

    Below the line when the box fits there, else above it, else on the roomier side at the
    height there is; with no ``row`` (not on screen), centred.
    """
    wanted = max(1, wanted)
    if row is None or not 0 <= row < screen_height:
        height = min(wanted, screen_height)
        return (screen_height - height) // 2, height
    below = screen_height - row - 1
    above = max(0, row - 1)
    if wanted <= below:
        return row + 1, wanted
    if wanted <= above:
        return row - 1 - wanted, wanted
    if below >= above:
        return row + 1, max(1, below)
    return 0, max(1, above)


def popup_width(screen_width: int, share: float = 0.8, most: int = 90) -> int:
    """A popup's width: ``share`` of the screen, at most ``most`` cells (and never wider
    than the screen)."""
    return max(1, min(int(screen_width * share), most, screen_width))


def fit_with_hint(
    row: int | None, rows: int, inner: int, screen_height: int, *, keys: str = ""
) -> tuple[int, int, str]:
    """``(top, height, hint)`` for a popup of ``rows`` rows of text ``inner`` cells wide, with
    its title and hint: the hint names the scrolling keys when the text does not fit, after
    the popup's own ``keys`` (``"e corrects the reading"``) if any."""
    lead = f"{keys}; " if keys else ""
    hint = lead + HINT
    chrome = 1 + len(wrap_lines(hint, inner))  # the title, the hint
    top, height = fit_beside(row, rows + chrome, screen_height)
    if rows + chrome > height:
        hint = lead + SCROLL_HINT
        chrome = 1 + len(wrap_lines(hint, inner))
        top, height = fit_beside(row, rows + chrome, screen_height)
    return top, height, hint


#: A pane narrower than this does not narrow a popup: the popup spills over its neighbours
#: rather than wrap a note into a column too thin to read.
LEAST_PANE = 40


def fit_across(span: tuple[int, int] | None, width: int, screen_width: int) -> tuple[int, int]:
    """``(left, width)`` for a box ``width`` cells wide about a pane at screen columns
    ``span`` (``(x, width)``): over that pane, narrowed to it when the pane is at least
    :data:`LEAST_PANE` wide, else centred on it as far as the screen allows (so a reader's
    popup covers the reader, not the library beside it); with no ``span``, centred."""
    width = max(1, min(width, screen_width))
    if span is None:
        return (screen_width - width) // 2, width
    x, pane = span
    if pane >= LEAST_PANE:
        width = min(width, pane)
    left = x + (pane - width) // 2
    return max(0, min(left, screen_width - width)), width
