"""The ``/`` prompt: a one-line input at the bottom with a live match count; Enter searches,
Escape cancels.

The count is the reader's own match list for the query (word forms included), worked out in
a thread as you type, so it is the number Enter then shows (``1/9``), never a smaller one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from store.counts import count

#: Seconds of no typing before a query is counted.
COUNT_DELAY = 0.15


def match_count(n: int) -> str:
    return count(n, "match", "matches")


class SearchBar(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", id="search.cancel")
    ]

    def __init__(
        self,
        query: str = "",
        counter: Callable[[str, Callable[[], bool]], int | None] | None = None,
    ) -> None:
        """``counter(query, cancelled)`` gives the number of matches (None if cancelled)."""
        super().__init__()
        self._query = query
        self._counter = counter
        self._timer: Timer | None = None
        #: The query the count shown is for ("" while none is shown).
        self.counted = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-box"):
            yield Label("/", id="search-label")
            yield Input(
                self._query,
                placeholder='search: words (a word finds its other forms), "a phrase", -word',
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
        query = query.strip()
        self.counted = ""
        if self._counter is None or not query:
            label.update("")
            return
        label.update("counting...")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(COUNT_DELAY, lambda: self._count_in_thread(query))

    @work(thread=True, exclusive=True, group="search-count")
    def _count_in_thread(self, query: str) -> None:
        worker = get_current_worker()
        if self._counter is None:
            return
        n = self._counter(query, lambda: worker.is_cancelled)
        if n is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._show_count, query, n)

    def _show_count(self, query: str, n: int) -> None:
        try:
            typed = self.query_one(Input).value.strip()
            label = self.query_one("#search-count", Label)
        except NoMatches:  # the bar closed (Escape) while its count was running
            return
        if query != typed:
            return  # typed on meanwhile: that query's count follows
        self.counted = query
        label.update(match_count(n))

    def on_unmount(self) -> None:
        """Closed: a count still waiting for its delay never starts."""
        if self._timer is not None:
            self._timer.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
