"""The library search (``F``): one query over every document, results as keyword in context.

Results come as you type (a short pause after the last key): first the literal matches, then,
a moment later, a word's other forms too (the analyser confirms them), so the first results
never wait for it. Each result is two lines: the document's title and section, then the
sentence with the match highlighted (with readings after each kanji word when ``ctrl+r`` asks
for them); the query's other matches in that sentence are underlined, so a sentence with three
matches is three results told apart by which match is theirs. ``ctrl+o`` keeps only passages
you have annotated; annotations whose quote, note or ``#tag`` match are results too. Up / Down
in the query choose a result (the query keeps the keys: what is typed ahead never depends on
focus), Enter opens the document at the match; in the reader ``n`` / ``N`` then go on to the
document's next and previous match (of the word and its forms; for several words, a phrase,
words left out or annotated passages only, through the query's own results there). Escape closes; ``F`` opens the screen again with the last
query and its results.

The search itself runs in a thread worker (``store.search.run_query``) over the index the App
keeps up to date; while it is being built, the status line says how far it has got.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.model import note_label
from store.search import Hit, Results
from store.terminal_safe import safe_line
from tui.layout.cells import display_char

if TYPE_CHECKING:
    from tui.app import ShioriApp

#: Seconds after the last key before the query runs.
DEBOUNCE = 0.15
#: Results added to the list at a time (more as the cursor nears the end).
PAGE = 100

HINT = (
    "Up/Down: choose   Enter: open at the match (then n / N in the document)   Tab: results   "
    "ctrl+o: annotated only   ctrl+r: readings   Esc: close"
)


@dataclass
class SearchState:
    """What the screen shows, kept by the App so ``F`` brings it back."""

    query: str = ""
    annotated: bool = False
    readings: bool = False


class ResultList(OptionList):
    """The results; its component class styles the matched words."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "result-list--title",
        "result-list--match",
        "result-list--also",
        "result-list--where",
        "result-list--reading",
        "result-list--note",
    }


def snippet_text(
    snippet: str,
    marks: list[tuple[int, int]],
    match: Style,
    readings: list[tuple[str, str | None]] | None = None,
    reading_style: Style | None = None,
    *,
    focus: tuple[int, int] | None = None,
    also: Style | None = None,
) -> Text:
    """The snippet with ``marks`` in ``match`` style and, when given, each kanji word's
    reading after it in brackets; no character reaches the terminal raw. With ``focus``, only
    that span (the result's own match) is in ``match``; the other marks are in ``also``."""
    styles: list[Style | None] = [None] * len(snippet)
    other = match if focus is None else also
    for s, e in marks:
        for i in range(max(0, s), min(len(snippet), e)):
            styles[i] = other
    if focus is not None:
        for i in range(max(0, focus[0]), min(len(snippet), focus[1])):
            styles[i] = match
    text = Text()
    at = 0
    segments = readings if readings is not None else [(snippet, None)]
    for surface, reading in segments:
        for ch in surface:
            shown = display_char(ch)
            if shown:
                text.append(shown, styles[at] if at < len(styles) else None)
            at += 1
        if reading:
            text.append(f"({safe_line(reading)})", reading_style)
    return text


class LibrarySearchScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close the search", id="library_search.close"),
        Binding(
            "ctrl+o", "toggle_annotated", "Annotated passages only", id="library_search.annotated"
        ),
        Binding("ctrl+r", "toggle_readings", "Readings in results", id="library_search.readings"),
        # Reached only from the query box (the results list moves itself): the query keeps
        # the keys, so what is typed ahead never depends on where focus has got to.
        Binding("down", "move(1)", "Next result", show=False, id="library_search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="library_search.up"),
    ]

    class ResultsReady(Message):
        def __init__(self, query: str, results: Results, seconds: float, final: bool) -> None:
            super().__init__()
            self.query, self.results, self.seconds, self.final = query, results, seconds, final

    class ReadingsReady(Message):
        def __init__(self, generation: int, readings: dict[int, list[Any]]) -> None:
            super().__init__()
            self.generation, self.readings = generation, readings

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None
        self._results: Results | None = None
        self._shown = 0
        self._generation = 0
        self._readings: dict[int, list[Any]] = {}
        self._status = ""

    @property
    def shiori(self) -> ShioriApp:
        return cast("ShioriApp", self.app)

    @property
    def state(self) -> SearchState:
        return self.shiori.library_search_state

    @property
    def results(self) -> Results | None:
        return self._results

    def compose(self) -> ComposeResult:
        with Vertical(id="library-search-box"):
            yield Static("Search the library", id="library-search-title", markup=False)
            yield Input(
                self.state.query,
                placeholder='words (all in one paragraph), "a phrase", -leave-out',
                id="library-search-input",
            )
            yield Static("", id="library-search-status")
            yield ResultList(id="library-search-results")
            yield Static(HINT, id="library-search-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._say("")
        if self.state.query.strip():
            self._run(self.state.query)
        self.shiori.sync_index()  # a document added meanwhile (shiori add) is found too

    # Running the query ------------------------------------------------------------------------

    @on(Input.Changed, "#library-search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.state.query = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, lambda: self._run(event.value))

    @on(Input.Submitted, "#library-search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in the query opens the highlighted result (the first until Down/Up move)."""
        event.stop()
        results = self.query_one(ResultList)
        if results.option_count:
            self._open(results.highlighted or 0)

    def action_move(self, delta: int) -> None:
        results = self.query_one(ResultList)
        if results.option_count:
            at = results.highlighted
            results.highlighted = max(0, min(results.option_count - 1, (at or 0) + delta))

    def rerun(self) -> None:
        """Ask again (the index changed, or the scope did)."""
        self._run(self.state.query)

    def index_changed(self, *, rerun: bool) -> None:
        """The App's index got further (status line) or is complete (ask again)."""
        if rerun and self.state.query.strip():
            self.rerun()
        else:
            self._say(self._status)

    def _run(self, query: str) -> None:
        self._timer = None
        self._generation += 1
        if not query.strip():
            self._results = None
            self.query_one(ResultList).clear_options()
            self._say("")
            return
        self._say("searching...")
        self._search(query, self.state.annotated, self._generation)

    @work(thread=True, exclusive=True, group="library-search", exit_on_error=False)
    def _search(self, query: str, annotated: bool, generation: int) -> None:
        """(Thread) the literal matches first, then with the words' other forms."""
        from store.search import Scope, annotated_passages, run_query, search_docs
        from store.search.index import LibraryIndex

        worker = get_current_worker()
        app = self.shiori
        started = time.perf_counter()
        with LibraryIndex() as index:
            records = index.records()
            entries = app.library.entries(records)
            docs = search_docs(entries, records)
            passages = annotated_passages(app.annotations.all_annotations(), set(docs))
            scope = Scope(annotated=annotated)
            for words in (False, True):
                if worker.is_cancelled or generation != self._generation:
                    return
                results = run_query(
                    index,
                    query,
                    docs,
                    scope=scope,
                    annotations=passages,
                    words=words,
                    cancelled=lambda: worker.is_cancelled,
                )
                if worker.is_cancelled:
                    return
                seconds = time.perf_counter() - started
                # phrases only: nothing more to find, these results are the last
                last = words or results.query is None or all(t.phrase for t in results.query.include)
                self.post_message(self.ResultsReady(query, results, seconds, final=last))
                if last:
                    return

    def on_library_search_screen_results_ready(self, message: ResultsReady) -> None:
        if message.query != self.state.query:
            return  # typed on since
        previous = self._results
        self._results = message.results
        hits = message.results.hits
        keep = previous is not None and len(previous.hits) == len(hits) and self._shown
        if not keep:
            self._fill()
        n, docs = len(hits), message.results.documents
        status = (
            f"{n} result{'s' if n != 1 else ''} in {docs} document{'s' if docs != 1 else ''}"
            if n
            else "no match"
        )
        if message.results.empty_query:
            status = "nothing to find: add a word (-word only leaves out)"
        status += f"  ({message.seconds:.2f} s)" if message.final else "  (looking for other forms...)"
        self._say(status)

    def _fill(self) -> None:
        results = self.query_one(ResultList)
        highlighted = results.highlighted
        results.clear_options()
        self._shown = 0
        self._readings = {}
        self._more()
        if results.option_count:  # the first result is the one Enter opens
            results.highlighted = min(highlighted or 0, results.option_count - 1)

    def _more(self) -> None:
        """Add the next page of results to the list."""
        if self._results is None:
            return
        hits = self._results.hits[self._shown : self._shown + PAGE]
        if not hits:
            return
        start = self._shown
        results = self.query_one(ResultList)
        results.add_options(
            [Option(self._prompt(h, start + i), id=str(start + i)) for i, h in enumerate(hits)]
        )
        self._shown += len(hits)
        if self.state.readings:
            self._load_readings(start, self._shown, self._generation)

    def _prompt(self, hit: Hit, index: int) -> Text:
        results = self.query_one(ResultList)
        style = partial(results.get_component_rich_style, partial=True)
        match, where = style("result-list--match"), style("result-list--where")
        text = Text(safe_line(hit.doc.title), style=style("result-list--title"))
        if hit.section:
            text.append(" · " + safe_line(hit.section), where)
        text.append("\n  ")
        snippet, marks = hit.context
        body = snippet_text(
            snippet,
            marks,
            match,
            self._readings.get(index),
            style("result-list--reading"),
            focus=hit.focus,
            also=style("result-list--also"),
        )
        if hit.annotation is not None:
            a = hit.annotation
            text.append("[annotation" + (", orphaned" if a.orphan else "") + "] ", where)
            text.append("「")
            text.append(body)
            text.append("」")
            if a.note:
                text.append(" " + safe_line(" ".join(a.note.split())), style("result-list--note"))
            for tag in a.tags:
                text.append(f" #{safe_line(tag)}", where)
        else:
            if hit.footnote:  # a match in a note: which one
                text.append(f"[{safe_line(note_label(hit.footnote))}] ", where)
            text.append(body)
        return text

    @on(OptionList.OptionHighlighted, "#library-search-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= self._shown - 5:
            self._more()

    # Readings ---------------------------------------------------------------------------------

    @work(thread=True, group="library-search-readings", exit_on_error=False)
    def _load_readings(self, start: int, end: int, generation: int) -> None:
        from store.japanese import furigana_segments

        results = self._results
        if results is None:
            return
        found: dict[int, list[Any]] = {}
        for i, hit in enumerate(results.hits[start:end], start):
            try:
                found[i] = furigana_segments(hit.context[0])
            except Exception:  # no analyser: the results stay without readings
                return
        self.post_message(self.ReadingsReady(generation, found))

    def on_library_search_screen_readings_ready(self, message: ReadingsReady) -> None:
        if message.generation != self._generation or not self.state.readings:
            return
        self._readings.update(message.readings)
        self._redraw()

    def _redraw(self) -> None:
        results = self.query_one(ResultList)
        if self._results is None:
            return
        for i in range(min(self._shown, results.option_count)):
            results.replace_option_prompt_at_index(i, self._prompt(self._results.hits[i], i))

    # Actions ----------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#library-search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._open(int(event.option.id))

    def _open(self, index: int) -> None:
        """Close and open the document of result ``index`` at its match."""
        if self._results is None or not 0 <= index < len(self._results.hits):
            return
        hit = self._results.hits[index]
        if not hit.doc.present:
            self.notify("That document is no longer in the library.", timeout=4)
            return
        from tui.app import MatchTarget

        results = self._results
        term = "" if hit.annotation is not None else results.term
        query = results.query
        one_word = (
            query is not None
            and len(query.include) == 1
            and not query.include[0].phrase
            and not query.exclude
            and not self.state.annotated
        )
        own: tuple[tuple[int, int, int, str], ...] = ()
        if term and not one_word and query is not None:
            own = tuple(
                (h.block, h.offset, h.length, h.footnote)
                for h in results.hits
                if h.doc.key == hit.doc.key and h.annotation is None
            )
        label = query.describe() if query is not None else term
        target = MatchTarget(hit.block, hit.offset, hit.length, term, own, label, hit.footnote)
        self.dismiss(None)
        self.shiori.open_match(hit.doc.key, hit.doc.path, target)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_annotated(self) -> None:
        self.state.annotated = not self.state.annotated
        self._say(self._status)
        self.rerun()

    def action_toggle_readings(self) -> None:
        self.state.readings = not self.state.readings
        if self.state.readings:
            self._load_readings(0, self._shown, self._generation)
        else:
            self._readings = {}
            self._redraw()
        self._say(self._status)

    def _say(self, status: str) -> None:
        self._status = status
        parts = [status] if status else []
        if self.state.annotated:
            parts.append("annotated passages only")
        if self.state.readings:
            parts.append("readings on")
        indexing = self.shiori.indexing
        if indexing is not None:
            parts.append(f"indexing the library: {indexing:.0%} (what is not indexed yet is not found)")
        self.query_one("#library-search-status", Static).update(Text("  ·  ".join(parts)))
