"""Citing from the app: the remembered style, and the OSC 52 route through the terminal.

``CitationPrefs`` is what ``C`` (style) and ``R`` (readings) change, kept in
``<config dir>/citation.json`` (``store.preferences``). ``terminal_writer`` is the OSC 52 callable handed to
``store.clipboard.copy_text``: Textual's own ``copy_to_clipboard`` and, inside tmux, the same
sequence wrapped for passthrough too (so it works with ``set-clipboard on`` or with
``allow-passthrough``); None where no terminal can take it (headless, a Linux console).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from store import paths, preferences
from store.citation import STYLES
from store.clipboard import in_tmux, osc52_sequence

STYLE_NAMES: dict[str, str] = {"ja": "Japanese", "sist02": "SIST 02", "en": "English"}
PREFS_FILE = "citation.json"
#: Terminals that do not take OSC 52 at all.
NO_OSC52_TERMS = ("dumb", "linux")


@dataclass
class CitationPrefs:
    """How ``y`` cites: the style and whether readings go into the quote (remembered)."""

    style: str = "ja"
    readings: bool = False

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            self.style = "ja"

    @classmethod
    def load(cls) -> tuple[CitationPrefs, str | None]:
        """The saved preferences and a one-line notice when the file could not be used."""
        return preferences.load(cls, paths.config_dir() / PREFS_FILE)

    def save(self) -> None:
        preferences.save(self, paths.config_dir() / PREFS_FILE)


def terminal_writer(app: Any, env: Mapping[str, str]) -> Callable[[str], None] | None:
    """The OSC 52 writer for ``app``'s terminal, or None when there is no terminal to take it."""
    if app.is_headless or env.get("TERM", "") in NO_OSC52_TERMS:
        return None
    tmux = in_tmux(env)

    def write(text: str) -> None:
        # Textual's own OSC 52 (tmux takes it itself when set-clipboard is on) ...
        app.copy_to_clipboard(text)
        if tmux and app._driver is not None:
            # ... and, inside tmux, the same wrapped for passthrough (allow-passthrough on).
            app._driver.write(osc52_sequence(text, tmux=True))

    return write
