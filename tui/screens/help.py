"""The ``?`` screen: every binding, grouped by pane, read back from the bindings themselves.

Nothing here is a hand-written list: the rows come from ``tui.keymap.gather_bindings`` (the
bindings as declared, with the user's keymap applied), so a remapped key shows its new key.
The footnote popup's keys come last, in a section of their own (it is opened over the
panes, so the app's list of panes does not hold it); ``?`` in the popup opens this screen too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keymap import BindingInfo
from tui.screens.reader_popups import POPUP_GROUP, footnote_popup_bindings


def bindings_table(infos: Sequence[BindingInfo]) -> Table:
    """A two-column table (keys, description) with one heading row per group."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column()
    group = None
    for info in infos:
        if info.group != group:
            if group is not None:
                table.add_row("", "")
            group = info.group
            table.add_row(Text(group, style="bold underline"), "")
        table.add_row(Text(info.keys_display, style="bold"), Text(info.description))
    return table


class HelpScreen(ModalScreen[None]):
    """Modal list of keys; Escape, ``q`` or ``?`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("down,j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Scroll up", show=False, id="help.up"),
        # the pages as the reader turns them (help lists space as "Next page")
        Binding("space,pagedown", "scroll('page_down')", "Next page", show=False, id="help.page_down"),
        Binding("pageup,ctrl+b", "scroll('page_up')", "Previous page", show=False, id="help.page_up"),
        Binding("g,home", "scroll('home')", "Top", show=False, id="help.top"),
        Binding("G,end", "scroll('end')", "End", show=False, id="help.end"),
    ]

    def __init__(self, infos: Sequence[BindingInfo]) -> None:
        super().__init__()
        self._infos = list(infos)

    def compose(self) -> ComposeResult:
        if not any(info.group == POPUP_GROUP for info in self._infos):
            self._infos += footnote_popup_bindings(self.app)
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(bindings_table(self._infos), id="help-table")
            yield Static(
                Text(
                    "j/k, space/PgUp, g/G scroll this list; Esc closes it. "
                    "Every action is also in the command palette (ctrl+p). "
                    "Keys can be changed in keymap.toml in the config folder.",
                    style="dim",
                ),
                id="help-hint",
            )

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        move = {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[direction]
        move(animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
