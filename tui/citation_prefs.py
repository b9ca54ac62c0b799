"""Citing from the app: the remembered style, and the OSC 52 route through the terminal.

``CitationPrefs`` is what ``C`` (style) and ``R`` (readings) change, kept in
``<config dir>/citation.json``. ``terminal_writer`` is the OSC 52 callable handed to
``store.clipboard.copy_text``: Textual's own ``copy_to_clipboard`` and, inside tmux, the same
sequence wrapped for passthrough too (so it works with ``set-clipboard on`` or with
``allow-passthrough``); None where no terminal can take it (headless, a Linux console).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from store import paths
from store.citation import STYLES
from store.clipboard import in_tmux, osc52_sequence
from store.files import read_regular
from store.jsonio import loads

STYLE_NAMES: dict[str, str] = {"ja": "Japanese", "sist02": "SIST 02", "en": "English"}
PREFS_FILE = "citation.json"
#: Terminals that do not take OSC 52 at all.
NO_OSC52_TERMS = ("dumb", "linux")


@dataclass
class CitationPrefs:
    """How ``y`` cites: the style and whether readings go into the quote (remembered)."""

    style: str = "ja"
    readings: bool = False

    @classmethod
    def load(cls) -> CitationPrefs:
        try:
            data = loads(read_regular(paths.config_dir() / PREFS_FILE, limit=1 << 20))
        except (OSError, ValueError):  # missing, not a file, not JSON, nested too deep
            return cls()
        if not isinstance(data, dict):
            return cls()
        style = data.get("style") if data.get("style") in STYLES else "ja"
        return cls(str(style), bool(data.get("readings", False)))

    def save(self) -> None:
        from store.positions import atomic_write_json

        atomic_write_json(
            paths.config_dir() / PREFS_FILE, {"style": self.style, "readings": self.readings}
        )


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
