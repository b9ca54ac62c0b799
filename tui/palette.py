"""The command palette's Shiori commands: every bound action by name, furigana modes and
styles, reading measures, themes, and every document of the library by its title (``こころ``
opens こころ).

Built from the same binding registry as the help screen (``tui.keymap.gather_bindings``), so
any action that has a key is also reachable by typing its name after ``ctrl+p``. Documents are
offered only once something is typed (a thousand of them would bury the commands).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import ShioriApp

#: Reading measures offered (full-width characters a line; 0: the pane's width).
MEASURES = (30, 35, 40, 45, 50, 0)
#: Actions the palette itself would only reopen.
SKIP_ACTIONS = frozenset({"command_palette", "app.command_palette"})


@dataclass(frozen=True)
class PaletteCommand:
    title: str
    help: str
    callback: Callable[[], Any]


def palette_commands(app: ShioriApp) -> Iterator[PaletteCommand]:
    """What the palette offers, in a stable order."""
    seen: set[str] = set()
    for info in app.binding_infos():
        if info.action in SKIP_ACTIONS:
            continue
        title = info.description
        if title in seen:
            title = f"{info.group}: {info.description}"
        seen.add(title)
        yield PaletteCommand(
            title,
            f"{info.group}, key {info.keys_display}",
            partial(app.run_action, info.action, info.namespace),
        )
    for mode, label in app.furigana_modes():
        title = label if label.lower().startswith("furigana") else f"Furigana: {label}"
        yield PaletteCommand(title, "Reader display mode", partial(app.set_furigana_mode, mode))
    for register, label in app.reading_registers():
        yield PaletteCommand(
            f"Readings {label}",
            "This document's register: 私 わたくし or わたし, 行く ゆく or いく (remembered)",
            partial(app.set_register, register),
        )
    for style, label in app.reading_styles():
        yield PaletteCommand(
            label, "How readings are drawn (remembered)", partial(app.set_furigana_style, style)
        )
    for measure in MEASURES:
        title = f"Measure: {measure} characters a line" if measure else "Measure: full width"
        yield PaletteCommand(
            title, "Longest line of text, centred (remembered)", partial(app.set_measure, measure)
        )
    for name in sorted(app.available_themes):
        yield PaletteCommand(
            f"Theme: {name}", "Colour theme (remembered)", partial(app.set_theme, name)
        )


def document_commands(app: ShioriApp) -> Iterator[PaletteCommand]:
    """``Open: <title>`` for every document of the library, titled as the tree shows it."""
    from store.library import display_titles
    from store.terminal_safe import safe_line

    entries = app.every_document()
    titles = display_titles(entries)
    for entry in entries:
        details = [entry.meta.author, entry.source]
        yield PaletteCommand(
            f"Open: {safe_line(titles.get(entry.key, entry.title))}",
            " · ".join(safe_line(d) for d in details if d),
            partial(app.open_document, entry.key, entry.path),
        )


class ShioriCommands(Provider):
    """Offered only by ``ShioriApp.COMMANDS``: its app is always a ``ShioriApp``."""

    async def discover(self) -> Hits:
        for command in palette_commands(cast("ShioriApp", self.app)):
            if not command.title.startswith("Theme: "):
                yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = cast("ShioriApp", self.app)
        for command in itertools.chain(palette_commands(app), document_commands(app)):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.title), command.callback, help=command.help
                )
