"""The reader's popups, opened by the screen that shows the reader when the reader asks.

The reader only posts :class:`~tui.widgets.reader.ReaderView.FootnoteRequested`,
:class:`~tui.widgets.reader.ReaderView.WordInfoRequested` and
:class:`~tui.widgets.reader.ReaderView.SearchRequested`; a screen (or app) that mixes in
:class:`OpensReaderPopups` pushes the popup or the search bar. So the reader pushes no
screens, and the popups import no reader.

:func:`footnote_popup_bindings` gives help its "Footnote popup" section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.model import Footnote
from tui.keymap import BindingInfo, gather_bindings
from tui.widgets.footnote_popup import FootnotePopup
from tui.widgets.reader import FootnoteView, ReaderView
from tui.widgets.search_bar import SearchBar
from tui.widgets.word_popup import WordPopup

if TYPE_CHECKING:
    from textual.app import App

#: Help's section for the footnote popup.
POPUP_GROUP = "Footnote popup"

#: Actions of the popup and its text that help's section leaves out: a note has no footnote
#: markers of its own (``]``, ``[``, Enter); search is opened by the page's screen, not over
#: a note (``/``); ``r`` turns the note's furigana alone, out of step with the page; ``a``
#: only says that notes are not highlighted.
NOT_OVER_A_NOTE = frozenset(
    {
        "next_marker",
        "prev_marker",
        "open_footnote",
        "search",
        "cycle_furigana",
        "highlight",
    }
)


def footnote_popup_bindings(app: App[Any]) -> list[BindingInfo]:
    """The keys that work in a footnote's popup, as help lists them (after the user's keymap):
    the popup's own and its text's, read from the bindings of a popup made for the purpose
    (never shown), so none need be open. Textual's own (tab between widgets: there is one)
    are left out."""
    note = Footnote("1", "")
    body = FootnoteView(note, [])
    popup = FootnotePopup(note, body)
    infos = gather_bindings(app, [(POPUP_GROUP, popup), (POPUP_GROUP, body)])
    return [i for i in infos if i.binding_id and i.action not in NOT_OVER_A_NOTE]


class OpensReaderPopups:
    """Mix into the Screen (or App) that shows a reader."""

    if TYPE_CHECKING:
        app: App[Any]

    #: The note popup last opened, its text and the reader it was opened from.
    _note_popup: tuple[FootnotePopup, FootnoteView, ReaderView | None] | None = None

    def on_reader_view_footnote_requested(self, message: ReaderView.FootnoteRequested) -> None:
        message.stop()
        reader = message.reader

        def step(delta: int) -> None:
            """``n``/``N`` in the note: close it, go on with the reader's search."""
            if popup.is_current:
                popup.dismiss(None)
            if reader is not None:
                reader.step_match(delta)

        body = FootnoteView(
            message.note,
            message.readings,
            mode=message.mode,
            style=message.style,
            matches=message.matches,
            current=message.current,
            step=step,
            id="footnote-text",
        )
        popup = FootnotePopup(
            message.note, body, near_row=message.near_row, near_span=message.near_span
        )
        self._note_popup = (popup, body, reader)
        self.app.push_screen(popup)

    def on_reader_view_lines_moved(self, message: ReaderView.LinesMoved) -> None:
        """A note opened before its page had furigana (a search landing at once on a new
        document): it follows its marker, which the readings pushed down, and gets them."""
        message.stop()
        if self._note_popup is None:
            return
        popup, body, reader = self._note_popup
        if reader is not message.reader or not popup.is_current:
            return
        body.take_readings(reader.footnote_readings(body.note.id))
        popup.place_near(reader.cursor_screen_row)

    def on_reader_view_search_requested(self, message: ReaderView.SearchRequested) -> None:
        message.stop()
        reader = message.reader

        def done(query: str | None) -> None:
            if query:
                reader.search(query)

        self.app.push_screen(SearchBar(message.query, reader.count_matches), done)

    def on_reader_view_word_info_requested(self, message: ReaderView.WordInfoRequested) -> None:
        message.stop()
        self.show_word_info(message)

    def show_word_info(self, message: ReaderView.WordInfoRequested) -> None:
        """The word's popup (``K``, on the page or in a note); ``e`` there corrects it."""
        word, shown = message.word, message.shown

        def done(correct: bool | None) -> None:
            if correct:
                reading = shown[0] if shown else getattr(word, "reading", "") or ""
                self.correct_reading(word.surface, reading, own=bool(shown and shown[1] == "own"))

        self.app.push_screen(
            WordPopup(word, near_row=message.near_row, near_span=message.near_span, shown=shown),
            done,
        )

    def correct_reading(self, word: str, reading: str, *, own: bool) -> None:
        """``e`` in the word popup: the screen that keeps the user's readings overrides this."""
        self.app.notify("Your own readings are kept for documents in the library.", timeout=4)
