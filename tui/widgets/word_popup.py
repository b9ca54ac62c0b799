"""``K``: what the analyser knows about the word under the cursor."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from store.terminal_safe import safe_line


def describe(word: Any) -> list[tuple[str, str]]:
    """(label, value) rows for a morpheme: reading, dictionary form, normalised form, POS."""
    pos = "・".join(p for p in getattr(word, "pos", ()) if p and p != "*")
    return [
        ("Reading", getattr(word, "reading", "") or "—"),
        ("Dictionary form", getattr(word, "dictionary_form", "") or "—"),
        ("Normalised form", getattr(word, "normalized_form", "") or "—"),
        ("Part of speech", pos or "—"),
    ]


class WordPopup(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,K,q,enter", "dismiss", "Close", id="word_popup.close")
    ]

    def __init__(self, word: Any) -> None:
        super().__init__()
        self.word = word

    def compose(self) -> ComposeResult:
        with Vertical(id="word-box"):
            yield Label(safe_line(self.word.surface), id="word-title", markup=False)
            table = Text()
            for label, value in describe(self.word):
                table.append(f"{label:<16}", style="dim")
                table.append(safe_line(value) + "\n")
            yield Static(table, id="word-info")
            yield Label("Escape closes", id="word-hint")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

    def on_click(self) -> None:
        self.dismiss(None)
