"""The footer: Textual's, with the most used keys first, redrawn only when they change.

Keys are shown in the order of :data:`FOOTER_ORDER` (help, select, highlight, cite, search,
quit, the sidebar list's keys, then the rest), so a narrow terminal still shows ``?``, ``v``,
``a`` and ``q`` (and in the sidebar its list's keys); only the keys that fit whole are shown
(Textual's cuts the last one mid-word under the palette key), and ``?`` lists them all.
Textual's Footer rebuilds all its key widgets on every bindings refresh (each focus change,
each ``refresh_bindings``), and at start-up that restyling costs more than painting the text:
this one compares what it would show and skips the rebuild when nothing differs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Binding ids in the order the footer shows them, most used first; others follow in the
#: order Textual lists them.
FOOTER_ORDER = (
    "app.help",
    "reader.visual",
    "annotations.create",
    "annotations.cite",
    "reader.search",
    "app.quit",
    # the sidebar's list, while it has the focus (the reader's keys are not shown then);
    # at 80 columns all but delete fit after quit
    "annotations.list_open",
    "annotations.list_reattach",
    "annotations.list_edit",
    "annotations.list_cite",
    "annotations.list_filter",
    "annotations.list_delete",
    "reader.furigana",
    "reader.next_footnote",
    "app.toggle_tree",
    "app.toggle_sidebar",
)


def footer_bindings(screen: Screen[Any]) -> list[tuple[Binding, bool, str]]:
    """The bindings the footer shows for ``screen`` (one per action), in footer order."""
    seen: dict[str, tuple[Binding, bool, str]] = {}
    for _node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in seen:
            seen[binding.action] = (binding, enabled, tooltip)
    rank = {binding_id: k for k, binding_id in enumerate(FOOTER_ORDER)}
    listed = list(seen.values())
    return sorted(listed, key=lambda b: rank.get(b[0].id or "", len(rank)))


def shown_keys(screen: Screen[Any]) -> tuple[tuple[str, str, str, bool], ...]:
    """What the footer would draw for ``screen``: (key, action, description, enabled)."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled)
        for binding, enabled, _tooltip in footer_bindings(screen)
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

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        yield from self._keys(footer_bindings(self.screen))
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    classes="-command-palette",
                    disabled=not enabled,
                    tooltip=binding.tooltip or binding.description,
                )

    def _keys(self, bindings: Iterable[tuple[Binding, bool, str]]) -> Iterable[FooterKey]:
        for binding, enabled, tooltip in bindings:
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip or binding.tooltip,
            ).data_bind(compact=Footer.compact)

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
