"""The ``/`` prompt: a one-line input at the bottom with a live match count; Enter searches,
Escape cancels."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class SearchBar(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", id="search.cancel")
    ]

    def __init__(self, query: str = "", counter: Callable[[str], int] | None = None) -> None:
        super().__init__()
        self._query = query
        self._counter = counter

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-box"):
            yield Label("/", id="search-label")
            yield Input(
                self._query,
                placeholder="search (one word also finds its other forms)",
                id="search-input",
            )
            yield Label("", id="search-count")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._count(self._query)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._count(event.value)

    def _count(self, query: str) -> None:
        label = self.query_one("#search-count", Label)
        if self._counter is None or not query.strip():
            label.update("")
            return
        n = self._counter(query.strip())
        label.update(f"{n} match{'es' if n != 1 else ''}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
