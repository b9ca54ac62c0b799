"""How annotations look outside the reader's text: colour chips and one-line excerpts.

Shared by the sidebar list, the highlight dialog and the tag browser. The chip backgrounds are
the reader's highlight backgrounds (``reader.tcss``), so a colour looks the same everywhere.
"""

from __future__ import annotations

from store.terminal_safe import safe_line

#: Store colour key -> the reader's highlight style name (``reader--highlight-<name>``).
READER_STYLE: dict[str, str] = {
    "yellow": "yellow",
    "blue": "blue",
    "green": "green",
    "purple": "purple",
    "red": "pink",
}
#: Backgrounds of the colour chips in lists, the same as the reader's (``reader.tcss``).
CHIP_BACKGROUND: dict[str, str] = {
    "yellow": "#6b5d00",
    "blue": "#1d3f6e",
    "green": "#1f5a2a",
    "purple": "#4b2a6e",
    "red": "#6e2450",
}


def chip_style(color: str) -> str:
    """A Rich style for a colour's chip (its reader background, light text)."""
    return f"#f0f0f0 on {CHIP_BACKGROUND.get(color, '#444444')}"


def excerpt(text: str, limit: int = 40) -> str:
    """One line of ``text`` cut to ``limit`` cells (ASCII ``...``: no ambiguous-width ``…``)."""
    from tui.layout.cells import char_width

    flat = " ".join(safe_line(text).split())
    out, used = [], 0
    for ch in flat:
        w = char_width(ch)
        if used + w > limit:
            return "".join(out).rstrip() + "..."
        out.append(ch)
        used += w
    return "".join(out)
