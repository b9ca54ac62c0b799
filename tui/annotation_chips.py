"""How annotations look: the highlight palette, colour chips and one-line excerpts.

The palette is defined once, here, as theme variables ``$highlight-<key>`` — one per store
colour key (``store.annotations.model.COLOR_KEYS``) — which :class:`tui.app.ShioriApp` declares
as its theme-variable defaults (a theme may set its own). ``annotations.tcss`` gives the
reader's ``reader--highlight-<key>`` styles those backgrounds, and the chips in lists read the
same variables, so a colour looks the same everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping

from store.terminal_safe import safe_line

#: The highlight backgrounds (dark enough for light text on every dark theme).
HIGHLIGHT_BACKGROUNDS: dict[str, str] = {
    "yellow": "#6b5d00",
    "blue": "#1d3f6e",
    "green": "#1f5a2a",
    "purple": "#4b2a6e",
    "red": "#6e2450",
}


def highlight_variables() -> dict[str, str]:
    """The palette as theme variables (``App.get_theme_variable_defaults``)."""
    return {f"highlight-{key}": value for key, value in HIGHLIGHT_BACKGROUNDS.items()}


def chip_style(color: str, theme: Mapping[str, str]) -> str:
    """A Rich style for a colour's chip: its highlight background from ``theme`` (the app's
    ``theme_variables``), light text."""
    background = theme.get(f"highlight-{color}") or HIGHLIGHT_BACKGROUNDS.get(color, "#444444")
    return f"#f0f0f0 on {background}"


def excerpt(text: str, limit: int = 40) -> str:
    """One line of ``text`` cut to ``limit`` cells (ASCII ``...``: no ambiguous-width ``…``)."""
    from tui.layout.cells import char_width

    flat = " ".join(safe_line(text).split())
    out: list[str] = []
    used = 0
    for ch in flat:
        w = char_width(ch)
        if used + w > limit:
            return "".join(out).rstrip() + "..."
        out.append(ch)
        used += w
    return "".join(out)
