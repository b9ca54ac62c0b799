"""``K``: what the analyser knows about the word under the cursor, beside its line.

As tall as its rows need and the screen allows (beside the word's line, never over it); what
does not fit scrolls with the keys the hint names.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from store.japanese.chars import has_kanji
from store.terminal_safe import safe_line
from tui.widgets.popup_fit import HINT, fit_across, fit_with_hint

#: Cells of the box besides its text (padding), and its narrowest and widest.
CHROME_CELLS = 4
MIN_WIDTH, MAX_WIDTH = 30, 70


#: Where a reading shown in the text came from, when not from the dictionary.
_FROM = {
    "source": "the source's ruby",
    "gloss": "a gloss in the document",
    "dict": "the reading rules",
    "guess": "a guess",
    "own": "your reading",
}


def describe(word: Any, shown: tuple[str, str] | None = None) -> list[tuple[str, str]]:
    """(label, value) rows for a morpheme: the reading the text shows when the dictionary's is
    another (尹 after 尹錫悦（ユン・ソンニョル） shows ゆん, the dictionary says いん), reading,
    dictionary form, normalised form, POS."""
    pos = "・".join(p for p in getattr(word, "pos", ()) if p and p != "*")
    reading = getattr(word, "reading", "") or ""
    rows = []
    if shown is not None and (shown[0] != reading or shown[1] == "own"):
        rows.append(("Read here", f"{shown[0]} ({_FROM.get(shown[1], shown[1])})"))
    return rows + [
        ("Reading", reading or "—"),
        ("Dictionary form", getattr(word, "dictionary_form", "") or "—"),
        ("Normalised form", getattr(word, "normalized_form", "") or "—"),
        ("Part of speech", pos or "—"),
    ]


def word_table(word: Any, shown: tuple[str, str] | None = None) -> Table:
    """Labels and values in two columns; a long value wraps in its own column."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for label, value in describe(word, shown):
        table.add_row(label, Text(safe_line(value)))
    return table


def _rows(table: Table, width: int) -> int:
    console = Console(width=max(1, width), file=io.StringIO(), legacy_windows=False)
    return len(console.render_lines(table, console.options.update(width=max(1, width))))


#: What the hint says of ``e`` (after it, how to close and scroll).
CORRECT_HINT = "e corrects the reading"


class WordPopup(ModalScreen[bool]):
    """Dismissed with True when the user asks to correct the word's reading (``e``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,K,q,enter", "close", "Close", id="word_popup.close"),
        Binding("e", "correct", "Correct the reading", id="word_popup.correct"),
        # The app's help, under the app's own id (a modal screen does not pass keys on).
        Binding("question_mark", "app.help", "Help", tooltip="Show every key", id="app.help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="word_popup.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="word_popup.up"),
        Binding(
            "pagedown,space",
            "scroll('page_down')",
            "Page down",
            show=False,
            id="word_popup.page_down",
        ),
        Binding("pageup", "scroll('page_up')", "Page up", show=False, id="word_popup.page_up"),
        Binding("home,g", "scroll('home')", "Top", show=False, id="word_popup.top"),
        Binding("end,G", "scroll('end')", "Bottom", show=False, id="word_popup.bottom"),
    ]

    def __init__(
        self,
        word: Any,
        *,
        near_row: int | None = None,
        near_span: tuple[int, int] | None = None,
        shown: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.word = word
        #: The screen row of the word's line: the box goes below it (or above), never over it.
        self.near_row = near_row
        #: The reader's screen columns ``(x, width)``: the box goes over them.
        self.near_span = near_span
        self._table = word_table(word, shown)
        #: Only a word with kanji has a reading to correct (``e``).
        self.correctable = has_kanji(getattr(word, "surface", ""))

    def compose(self) -> ComposeResult:
        with Vertical(id="word-box"):
            yield Label(safe_line(self.word.surface), id="word-title", markup=False)
            with VerticalScroll(id="word-scroll", can_focus=False):
                yield Static(self._table, id="word-info")
            yield Label(HINT, id="word-hint", markup=False)

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        screen_width, screen_height = self.app.size
        console = Console(width=MAX_WIDTH, file=io.StringIO(), legacy_windows=False)
        natural = Measurement.get(console, console.options, self._table).maximum
        width = max(MIN_WIDTH, min(natural + CHROME_CELLS, MAX_WIDTH, screen_width))
        left, width = fit_across(self.near_span, width, screen_width)
        inner = max(1, width - CHROME_CELLS)
        rows = _rows(self._table, inner)
        top, height, hint = fit_with_hint(
            self.near_row, rows, inner, screen_height, keys=CORRECT_HINT if self.correctable else ""
        )
        box = self.query_one("#word-box")
        box.styles.width = width
        box.styles.height = height
        box.styles.margin = (top, 0, 0, left)
        self.query_one("#word-hint", Label).update(hint)

    def action_close(self) -> None:
        self.dismiss(False)

    def action_correct(self) -> None:
        if not self.correctable:
            self.app.notify("Only a word with kanji has a reading to correct.", timeout=3)
            return
        self.dismiss(True)

    def action_scroll(self, how: str) -> None:
        scroll = self.query_one("#word-scroll", VerticalScroll)
        {
            "down": scroll.scroll_down,
            "up": scroll.scroll_up,
            "page_down": scroll.scroll_page_down,
            "page_up": scroll.scroll_page_up,
            "home": scroll.scroll_home,
            "end": scroll.scroll_end,
        }[how](animate=False)

    def on_click(self) -> None:
        self.dismiss(False)
