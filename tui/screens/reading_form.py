"""``e`` in the word popup: the user's own reading of a word, for the whole document.

One field, filled with the reading the text shows. Enter keeps what is typed (kana; katakana
is kept as hiragana) for every occurrence of the word in the document; an empty field gives
the word back to the analyser; Escape changes nothing. A reading that cannot be kept is
said under the field and the dialog stays open.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from store.japanese.own_readings import OwnReadingError, normalised
from store.terminal_safe import safe_line


class ReadingForm(ModalScreen[str | None]):
    """Dismissed with the reading typed ("" to drop the user's own), None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="reading_form.cancel"),
    ]

    def __init__(self, word: str, reading: str, *, own: bool = False) -> None:
        super().__init__()
        self.word, self.reading, self.own = word, reading, own

    def compose(self) -> ComposeResult:
        word = safe_line(self.word)
        back = " (empty: the analyser's again)" if self.own else ""
        with Vertical(id="reading-box"):
            yield Label(f"Your reading of {word}", id="reading-title", markup=False)
            yield Input(self.reading, placeholder="kana", id="reading-input")
            yield Label("", id="reading-error", markup=False)
            yield Label(
                f"Enter: every {word} in this document{back}; Esc cancels",
                id="reading-hint",
                markup=False,
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        if not typed and self.own:
            self.dismiss("")
            return
        if not typed:
            self.query_one("#reading-error", Label).update("Type a reading in kana, or Esc.")
            return
        try:
            normalised(self.word, typed)
        except OwnReadingError as exc:
            self.query_one("#reading-error", Label).update(str(exc))
            return
        self.dismiss(typed)

    def action_cancel(self) -> None:
        self.dismiss(None)
