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
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from store.clipboard import CopyResult, Route
from store.terminal_safe import safe_text
from tui.layout.wrap import wrap_lines
from tui.widgets.popup_fit import popup_width

HINT = (
    "Select the text and copy it with your terminal (most terminals: hold Shift while "
    "dragging the mouse). Esc or Enter closes."
)
SCROLL_HINT = HINT + " Up/Down and PgUp/PgDn scroll."
#: Rows of the dialog besides its three texts (padding, the title and the margins).
CHROME_ROWS = 2 + 2 + 1 + 1
#: Cells of the dialog besides its texts (padding).
CHROME_CELLS = 4


class CitationDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="citation_dialog.close"),
        # The app's help, under the app's own id (a modal screen does not pass keys on).
        Binding("question_mark", "app.help", "Help", tooltip="Show every key", id="app.help"),
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
        # The dialog says what the notices said (which route the copy took), and notices sit
        # above every screen: left there they cover the citation the user is to copy.
        self.app.clear_notifications()
        area = self.query_one("#citation-text", TextArea)
        area.focus()
        area.select_all()
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Give the citation the rows the screen has left, so the whole dialog shows (the
        citation scrolls inside it when it is longer, and the hint says how)."""
        screen_width, screen_height = self.app.size
        inner = max(1, popup_width(screen_width) - CHROME_CELLS)
        message = len(wrap_lines(safe_text(self.result.message), inner))
        text_rows = len(wrap_lines(safe_text(self.result.text), inner))
        hint = HINT
        room = screen_height - CHROME_ROWS - message - len(wrap_lines(hint, inner))
        if text_rows > room:
            hint = SCROLL_HINT
            room = screen_height - CHROME_ROWS - message - len(wrap_lines(hint, inner))
        self.query_one("#citation-text", TextArea).styles.max_height = max(2, room)
        self.query_one("#citation-hint", Static).update(Text(hint, style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
