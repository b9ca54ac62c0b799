"""A footnote's full text in a popup, drawn by a reader (so it has furigana and wraps right)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from store.model import Block, Document, Footnote, Ruby
from store.terminal_safe import safe_line


class _Readings:
    """The shape ``ReaderView.show`` takes (``store.japanese.DocumentReadings``) for one block."""

    def __init__(self, text: str, readings: Sequence[Any]) -> None:
        self.blocks = [list(readings)]
        self.footnotes: dict[str, list[Any]] = {}
        self.texts = [text]
        self.headings = [False]
        self.footnote_texts: dict[str, str] = {}

    def block(self, index: int) -> list[Any]:
        return self.blocks[index] if index == 0 else []

    def footnote(self, footnote_id: str) -> list[Any]:
        return []


class FootnotePopup(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close footnote", id="footnote.close")
    ]

    def __init__(
        self,
        note: Footnote,
        readings: Sequence[Any] = (),
        *,
        mode: str = "all",
        near_row: int | None = None,
    ) -> None:
        super().__init__()
        self.note = note
        self.readings = readings
        self.mode = mode
        #: The screen row of the marker: the box goes below it (or above), never over it.
        self.near_row = near_row

    def compose(self) -> ComposeResult:
        from tui.widgets.reader import ReaderView

        with Vertical(id="footnote-box"):
            yield Label(f"Footnote {safe_line(self.note.id)}", id="footnote-title", markup=False)
            yield ReaderView(id="footnote-text")
            yield Label("Escape closes · j/k scroll", id="footnote-hint")

    def on_mount(self) -> None:
        from tui.widgets.reader import ReaderView

        reader = self.query_one(ReaderView)
        ruby = [Ruby(r.start, r.end, r.reading) for r in self.note.ruby]
        doc = Document(title=self.note.id, blocks=[Block("paragraph", self.note.text, ruby=ruby)])
        # readings arrive already filtered for the main reader's mode
        reader.furigana_mode = "inline" if self.mode == "inline" else "all"
        reader.show(doc, readings=_Readings(self.note.text, self.readings))
        reader.focus()
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
