"""The footer: Textual's, redrawn only when the keys it would show actually change.

Textual's Footer rebuilds all its key widgets on every bindings refresh (each focus change,
each ``refresh_bindings``), and at start-up that restyling costs more than painting the text.
This one compares what it would show and skips the rebuild when nothing differs, and shows
only the keys that fit whole (Textual's cuts the last one mid-word under the palette key);
``?`` lists them all.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def shown_keys(screen: Screen[Any]) -> tuple[tuple[str, str, str, bool], ...]:
    """What the footer would draw for ``screen``: (key, action, description, enabled)."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled)
        for _node, binding, enabled, _tooltip in screen.active_bindings.values()
        if binding.show
    )


class ShioriFooter(Footer):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[tuple[str, str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = shown_keys(screen)
            if shown == self._shown and self._bindings_ready:
                return
            self._shown = shown
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        await super().recompose()
        self.fit_keys()

    def on_resize(self, event: events.Resize) -> None:
        self.fit_keys()

    def fit_keys(self) -> None:
        """Show the keys, in order, while they fit beside the palette key; hide the rest."""
        width = self.size.width
        if not width:
            return
        keys = list(self.query(FooterKey))
        palette = [k for k in keys if k.has_class("-command-palette")]
        # the palette key is docked right with a one-cell border on its left
        used = sum(_natural_width(k, width) + 1 for k in palette)
        full = False
        for key in keys:
            if key in palette:
                continue
            needed = _natural_width(key, width)
            full = full or used + needed > width
            key.display = not full
            used += needed


def _natural_width(key: FooterKey, width: int) -> int:
    size = Size(width, 1)
    return key.get_content_width(size, size) + key.styles.gutter.width
