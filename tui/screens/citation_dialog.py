"""The citation shown to copy by hand, when no clipboard route is sure to have worked.

Shown when neither the system clipboard nor OSC 52 could be used, and the first time in a
session that only OSC 52 was (a terminal may ignore it and nobody can tell). The status line
above the text says honestly what happened; the text sits in a read-only ``TextArea`` so it can
be selected with the keyboard, or with the mouse (hold Shift in most terminals to let the
terminal select instead of the app).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from store.clipboard import CopyResult, Route
from store.terminal_safe import safe_text

HINT = (
    "Select the text and copy it with your terminal (most terminals: hold Shift while "
    "dragging the mouse). Esc or Enter closes."
)


class CitationDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="citation_dialog.close"),
    ]

    def __init__(self, result: CopyResult) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        title = {
            Route.CLIPBOARD: "Copied",
            Route.TERMINAL: "Sent to the terminal",
            Route.NONE: "Copy by hand",
        }[self.result.route]
        with Vertical(id="citation-box"):
            yield Static(Text(title, style="bold"), id="citation-title")
            yield Static(Text(safe_text(self.result.message)), id="citation-message")
            yield TextArea(
                safe_text(self.result.text),
                id="citation-text",
                read_only=True,
                soft_wrap=True,
                show_line_numbers=False,
            )
            yield Static(Text(HINT, style="dim"), id="citation-hint")

    def on_mount(self) -> None:
        area = self.query_one("#citation-text", TextArea)
        area.focus()
        area.select_all()

    def action_close(self) -> None:
        self.dismiss(None)
