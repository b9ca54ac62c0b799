"""A footnote's full text in a popup, beside its marker.

The popup hosts whatever draws the text (the screen gives it a ``tui.widgets.reader``
``FootnoteView``, so the note has furigana and wraps like the page); it imports no reader
itself.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label

from store.model import Footnote
from store.terminal_safe import safe_line


class FootnotePopup(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close footnote", id="footnote.close")
    ]

    def __init__(self, note: Footnote, body: Widget, *, near_row: int | None = None) -> None:
        super().__init__()
        self.note = note
        self.body = body
        #: The screen row of the marker: the box goes below it (or above), never over it.
        self.near_row = near_row

    def compose(self) -> ComposeResult:
        with Vertical(id="footnote-box"):
            yield Label(f"Footnote {safe_line(self.note.id)}", id="footnote-title", markup=False)
            yield self.body
            yield Label("Escape closes · j/k scroll", id="footnote-hint")

    def on_mount(self) -> None:
        self.body.focus()
        if self.near_row is not None:
            self.call_after_refresh(self._place_near_marker)

    def _place_near_marker(self) -> None:
        """Below the marker's line if the box fits there, else above it, else centred."""
        box = self.query_one("#footnote-box")
        row, height, room = self.near_row, box.outer_size.height, self.size.height
        if row is None or not height:
            return
        if row + 1 + height <= room:
            top = row + 1
        elif row - height >= 0:
            top = row - height
        else:
            return  # taller than either side: stays centred
        self.styles.align_vertical = "top"
        box.styles.margin = (top, 0, 0, 0)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
