"""A yes/no question before something that cannot be undone from the app (removing a
document): ``y`` or Enter does it, ``n`` or Escape does not."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store.terminal_safe import safe_line


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape,q", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str, verb: str) -> None:
        super().__init__()
        self.question, self.detail, self.verb = question, detail, verb

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Text(safe_line(self.question)), id="confirm-question")
            yield Static(Text(safe_line(self.detail)), id="confirm-detail")
            yield Static(Text(f"y / Enter: {self.verb}    n / Esc: keep it"), id="confirm-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
