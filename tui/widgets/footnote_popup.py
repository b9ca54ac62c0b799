"""A footnote's full text in a popup, beside its marker.

The popup hosts whatever draws the text (the screen gives it a ``tui.widgets.reader``
``FootnoteView``, so the note has furigana and wraps like the page); it imports no reader
itself. It is as tall as the note needs and the screen allows, below the marker's line (or
above it), never over it; a note longer than that scrolls with the keys the hint names.

``?`` opens the app's help (its "Footnote popup" section lists these keys). ``a`` says in one
line why a note's passage cannot be highlighted (annotations anchor to the base text), rather
than doing nothing.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label

from store.model import Footnote
from store.terminal_safe import safe_line
from tui.widgets.popup_fit import HINT, fit_across, fit_with_hint, popup_width

#: The box's cells besides the text (its padding).
CHROME_CELLS = 2


class TextBody(Protocol):
    """What the popup needs of its body: how many rows the text takes at a width."""

    def text_height(self, width: int) -> int: ...


#: What ``a`` says over a note.
NOT_HIGHLIGHTED = "Highlights are on the text: notes can be copied (y) but not highlighted"


class FootnotePopup(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close footnote", id="footnote.close"),
        # the citation keys of the page work on a note's passage too (the app's actions)
        Binding("ctrl+y", "app.show_citation", "Show the last citation", id="footnote.show_citation"),
        Binding("C", "app.cycle_citation_style", "Citation style", id="footnote.style"),
        Binding("R", "app.toggle_citation_readings", "Citation readings", id="footnote.readings"),
        # The app's help, under the app's own id, so a keymap moving help moves it here too
        # (a modal screen does not pass keys on to the app's bindings).
        Binding("question_mark", "app.help", "Help", tooltip="Show every key", id="app.help"),
        Binding(
            "a",
            "highlight",
            "Highlight",
            tooltip="Say that highlights are on the text, not in notes",
            # the page's id: a keymap that moves highlighting moves this key too
            id="annotations.create",
        ),
    ]

    def __init__(
        self,
        note: Footnote,
        body: Widget,
        *,
        near_row: int | None = None,
        near_span: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.note = note
        self.body = body
        #: The screen row of the marker: the box goes below it (or above), never over it.
        self.near_row = near_row
        #: The reader's screen columns ``(x, width)``: the box goes over them.
        self.near_span = near_span

    def compose(self) -> ComposeResult:
        with Vertical(id="footnote-box"):
            yield Label(f"Footnote {safe_line(self.note.id)}", id="footnote-title", markup=False)
            yield self.body
            yield Label(HINT, id="footnote-hint", markup=False)

    def on_mount(self) -> None:
        self._fit()
        self.body.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def place_near(self, row: int | None) -> None:
        """The marker moved (its page got furigana): go beside it again, sized anew."""
        self.near_row = row
        if self.is_mounted:
            self._fit()

    def _fit(self) -> None:
        """Size the box to the note (within the screen) and put it beside the marker."""
        screen_width, screen_height = self.app.size
        left, width = fit_across(self.near_span, popup_width(screen_width), screen_width)
        inner = max(1, width - CHROME_CELLS)
        body: TextBody | None = self.body if hasattr(self.body, "text_height") else None
        rows = body.text_height(inner) if body is not None else screen_height
        top, height, hint = fit_with_hint(self.near_row, rows, inner, screen_height)
        box = self.query_one("#footnote-box")
        box.styles.width = width
        box.styles.height = height
        box.styles.margin = (top, 0, 0, left)
        self.query_one("#footnote-hint", Label).update(hint)

    def action_highlight(self) -> None:
        """``a`` over a note: annotations anchor to the base text, never to a note's — say so
        (it did nothing at all); the selection stays, to be copied."""
        self.app.notify(NOT_HIGHLIGHTED, timeout=5)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
