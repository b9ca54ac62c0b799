"""The reading pane: a document drawn line by line with furigana, footnote markers and a cursor.

Built on Textual's Line API (after Textualize/toolong's ``log_lines.py``): the document is laid
out by :mod:`tui.layout` into screen lines, ``render_line`` paints only the lines on screen, and
painted lines are kept in an LRU cache keyed by what they show (never by their line index, which
moves when blocks above are laid out). The first screen is laid out on demand; the rest of the
document is laid out by a thread worker that hands finished blocks back to the main thread, so
a 1 MB document paints as fast as a short one and input is never blocked.

Positions are base-text offsets (``Document.base_text``), like annotations; cells exist only
in the layout. The reading position is ``(block, offset)`` of the top line and survives
reflows (resize, furigana mode).
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from store.annotations.model import COLOR_KEYS
from store.japanese.levels import Level, ShownReadings
from store.model import Block, Document, Footnote, Ruby
from store.registers import Register
from store.search.query import Term, parse_query
from store.search.within import SearchText, matches_within
from store.terminal_safe import safe_line
from tui.layout.document import BASE, RUBY, BlockLayout, DocumentLayout, Line
from tui.layout.textnav import (
    find_literal,
    find_word,
    fold,
    is_word_query,
    merge_spans,
    next_in,
    past_sentence_end,
    prev_in,
    script_runs,
    sentence_starts,
    word_starts,
)
from tui.layout.wrap import wrap_lines
from tui.settings import DEFAULT_MEASURE
from tui.widgets.reader_paint import Palette, paint_blank, paint_row, paint_ruby

#: Furigana modes in the order ``r`` cycles through them: the display levels of
#: ``store.japanese.levels``, and inline ``漢字(かんじ)``. Readings the source gives are shown
#: in every mode.
FURIGANA_MODES: list[tuple[str, str]] = [
    ("above-grade", "Furigana above school grade"),
    ("all", "Furigana on every kanji word"),
    ("first", "Furigana on first use per section"),
    ("inline", "Furigana inline 漢字(かんじ)"),
    ("off", "Furigana off (source ruby only)"),
]
#: The level whose readings each mode shows (inline: those above the grade, in brackets).
MODE_LEVEL: dict[str, Level] = {
    "above-grade": "above-grade",
    "all": "all",
    "first": "first",
    "inline": "above-grade",
    "off": "off",
}
#: How readings are drawn over the text (``furigana_style``). Measured on the seeds
#: (``python -m benchmarks layout``): full-width kana readings are twice as wide as their kanji
#: in a terminal, so where every word has one (``all``, ``first``) they cannot all sit over
#: their words without lines ending early (+88% rows in ``all``); half-width katakana take
#: about the width of the kanji (+1%). ``auto`` draws kana where readings are sparse and
#: half-width katakana where they are dense.
READING_STYLES: list[tuple[str, str]] = [
    ("auto", "Readings: kana, half-width katakana where every word has one"),
    ("kana", "Readings: full-width kana"),
    ("half-width", "Readings: half-width katakana"),
]
#: The modes in which ``auto`` draws half-width katakana.
DENSE_MODES = frozenset({"all", "first"})
READER_TCSS = Path(__file__).resolve().parent.parent / "styles" / "reader.tcss"

#: Highlight style names (``reader--highlight-<name>``): the store's colour keys.
HIGHLIGHT_NAMES = COLOR_KEYS

#: Seconds of layout work the worker does before handing a batch to the main thread.
BATCH_SECONDS = 0.05


def reading_fraction(doc: Document, block: int, offset: int) -> float:
    """How far ``(block, offset)`` — the top line — is into ``doc``: the share of its text
    before it, 0..1. A function of the position alone, never of the layout (rows laid out so
    far, furigana, the pane's size), so the same top line always shows the same figure."""
    total = len(doc.base_text)
    if not doc.blocks or not total:
        return 0.0
    block = max(0, min(block, len(doc.blocks) - 1))
    at = doc.block_starts[block] + max(0, min(offset, len(doc.blocks[block].text)))
    return min(1.0, at / total)


def _b(
    key: str, action: str, description: str, name: str, show: bool = False, tooltip: str = ""
) -> Binding:
    """A reader binding: ``description`` is the footer's short label, ``tooltip`` (when
    given) what help and the palette say."""
    return Binding(key, action, description, show=show, id=f"reader.{name}", tooltip=tooltip)


class ReaderView(ScrollView, can_focus=True):
    """Reads a :class:`~store.model.Document`; see the module docstring."""

    FURIGANA_MODES: ClassVar[list[tuple[str, str]]] = FURIGANA_MODES

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("j,down", "line_down", "Scroll down a line", "down"),
        _b("k,up", "line_up", "Scroll up a line", "up"),
        _b("h,left", "cursor_left", "Cursor back a character", "left"),
        _b("l,right", "cursor_right", "Cursor forward a character", "right"),
        _b("space,pagedown", "page_down", "Next page", "page_down"),
        _b("pageup,ctrl+b", "page_up", "Previous page", "page_up"),
        _b("g,home", "top", "Go to the start", "top"),
        _b("G,end", "bottom", "Go to the end", "bottom"),
        _b("slash", "search", "Search", "search", True),
        _b("n", "next_match", "Next match", "next_match"),
        _b("N", "prev_match", "Previous match", "prev_match"),
        _b(
            "right_square_bracket",
            "next_marker",
            "Footnote",
            "next_footnote",
            True,
            "Next footnote marker",
        ),
        _b("left_square_bracket", "prev_marker", "Previous footnote marker", "prev_footnote"),
        _b("enter", "open_footnote", "Open footnote", "open_footnote"),
        _b("escape", "clear", "Clear selection / search", "clear"),
        _b("v", "visual", "Select", "visual", True, "Select a passage (v again ends it)"),
        _b("y", "copy", "Copy selection (base text)", "copy"),
        _b(
            "ctrl+c",
            "copy_text",
            "Copy",
            "copy_text",
            tooltip="Copy the selection as plain text (y copies it as a citation)",
        ),
        _b("w", "word_next", "Next word", "word_next"),
        _b("b", "word_prev", "Previous word", "word_prev"),
        _b("right_parenthesis", "sentence_next", "Next sentence", "sentence_next"),
        _b("left_parenthesis", "sentence_prev", "Previous sentence", "sentence_prev"),
        _b("K", "word_info", "Word info (e there corrects its reading)", "word_info"),
        _b("r", "cycle_furigana", "Furigana", "furigana", True, "Furigana mode"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--h1",
        "reader--h2",
        "reader--h3",
        "reader--heading",
        "reader--quote",
        "reader--meta",
        "reader--list",
        "reader--table",
        "reader--table-header",
        "reader--code",
        "reader--bold",
        "reader--italic",
        "reader--ruby",
        "reader--ruby-source",
        "reader--ruby-guess",
        "reader--marker",
        "reader--marker-current",
        "reader--inline-reading",
        "reader--bullet",
        "reader--bar",
        "reader--cell",
        "reader--cursor",
        "reader--selection",
        "reader--match",
        "reader--match-current",
        "reader--highlight",
        *(f"reader--highlight-{name}" for name in HIGHLIGHT_NAMES),
    }

    #: The reader's styles live in ``tui/styles/reader.tcss``; loading them as the widget's
    #: default CSS (unscoped, so the popups' rules apply too) keeps the widget self-contained
    #: while the app's own CSS can still override any of them.
    DEFAULT_CSS = READER_TCSS.read_text(encoding="utf-8")
    SCOPED_CSS = False

    furigana_mode: reactive[str] = reactive(FURIGANA_MODES[0][0], init=False)
    #: How readings are drawn: one of :data:`READING_STYLES`.
    furigana_style: reactive[str] = reactive("auto", init=False)
    #: At most this many full-width characters per line, the text centred; 0: the pane's width.
    measure: reactive[int] = reactive(DEFAULT_MEASURE, init=False)

    # -- messages -----------------------------------------------------------------------
    class PositionChanged(Message):
        """The top line now shows ``(block, offset)``; ``fraction`` is the progress 0..1
        (:func:`reading_fraction`: the share of the text above the top line; 1 once the
        document's last line is on screen)."""

        def __init__(self, block: int, offset: int, fraction: float, section_title: str) -> None:
            super().__init__()
            self.block, self.offset = block, offset
            self.fraction, self.section_title = fraction, section_title

    class SelectionCopied(Message):
        """The user copied the selection; ``text`` is base text (no readings, no markers),
        to go to the clipboard as a citation (``y``) or as it is (``ctrl+c``)."""

        def __init__(
            self,
            text: str,
            start: int,
            end: int,
            as_citation: bool = True,
            note: str = "",
            source_only: bool = False,
        ) -> None:
            super().__init__()
            self.text, self.start, self.end = text, start, end
            self.as_citation = as_citation
            #: Copied in a footnote's popup: the note's id (``start``/``end`` in its text).
            self.note = note
            #: ``Y`` in a note: its citation alone, without the quote.
            self.source_only = source_only

    class SelectionChanged(Message):
        """The selection is now ``base_text[start:end]`` (``start == end``: no selection)."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start, self.end = start, end

    class LinesMoved(Message):
        """Furigana arrived and lines were laid out again: what is on screen may have moved
        (a popup placed beside a marker follows it, and takes the note's readings)."""

        def __init__(self, reader: ReaderView) -> None:
            super().__init__()
            self.reader = reader

    class ReadingsReady(Message):
        """The reader's own analysis of ``document`` finished and its furigana are shown."""

        def __init__(self, document: Document) -> None:
            super().__init__()
            self.document = document

    class FootnoteRequested(Message):
        """The user asked to read footnote ``note`` (Enter or a click on its marker).

        ``readings`` are those the reader shows for it in its furigana ``mode``, drawn in
        ``style`` (one of :data:`READING_STYLES`); ``near_row`` is the screen row of the marker
        (None when it is not on screen) and ``near_span`` the reader's screen columns
        ``(x, width)``, so a popup can sit over the reader beside the marker, not over either.
        """

        def __init__(
            self,
            note: Footnote,
            readings: Sequence[Any],
            mode: str,
            near_row: int | None,
            style: str = "auto",
            near_span: tuple[int, int] | None = None,
            matches: Sequence[tuple[int, int]] = (),
            current: int = -1,
            reader: ReaderView | None = None,
        ) -> None:
            super().__init__()
            #: The reader asking (its search goes on with ``n``/``N`` in the popup).
            self.reader = reader
            self.note, self.readings, self.mode, self.near_row = note, readings, mode, near_row
            self.style, self.near_span = style, near_span
            #: The reader's search matches in the note (offsets in its text), ``current`` the
            #: one ``n``/``N`` landed on: the popup highlights them.
            self.matches, self.current = tuple(matches), current

    class WordInfoRequested(Message):
        """The user asked what the analyser knows about ``word`` (a morpheme, ``K``);
        ``near_row`` is the screen row of its line (None when it is not on screen),
        ``near_span`` the reader's screen columns ``(x, width)``; ``shown`` the reading the
        text shows over it and where that came from (``readings.reading_over``), if any."""

        def __init__(
            self,
            word: Any,
            near_row: int | None = None,
            near_span: tuple[int, int] | None = None,
            shown: tuple[str, str] | None = None,
        ) -> None:
            super().__init__()
            self.word, self.near_row, self.near_span = word, near_row, near_span
            self.shown = shown

    class SearchRequested(Message):
        """The user asked to search (``/``); ``query`` is the last one, to edit. The screen
        opens the search bar, counting with :meth:`count_matches`, and calls :meth:`search`."""

        def __init__(self, reader: ReaderView, query: str) -> None:
            super().__init__()
            self.reader, self.query = reader, query

        @property
        def control(self) -> ReaderView:
            return self.reader

    class SearchChanged(Message):
        """Search state: ``count`` matches of ``query``, the current one is ``index`` (0-based)."""

        def __init__(self, query: str, index: int, count: int) -> None:
            super().__init__()
            self.query, self.index, self.count = query, index, count

    # -- life ---------------------------------------------------------------------------
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.document: Document | None = None
        self._readings: Any = None  # store.japanese.DocumentReadings of the document
        #: The readings the current mode shows (chosen per block on first use); None: none.
        self._shown: ShownReadings | None = None
        self._layout: DocumentLayout | None = None
        self._gen = 0
        self._cache: LRUCache[tuple[Any, ...], Strip] = LRUCache(1024)
        self._palette: Palette | None = None
        self._styles: dict[str, Style] = {}
        self.cursor = 0
        self._anchor: int | None = None
        self._drag_from: int | None = None
        self._match_spans: list[tuple[int, int]] = []
        #: ``_matches`` indexes in reading order (a note's right after its marker), and back.
        self._order: list[int] = []
        self._rank: list[int] = []
        self._match = -1
        self._query = ""
        self._markers: list[tuple[int, str]] = []  # (global ref offset, footnote id)
        self._morphemes: dict[int, list[Any]] = {}
        self._highlights: list[tuple[int, int, str]] = []
        self._hl_by_block: dict[int, list[tuple[int, int, str]]] = {}
        self._last_position: tuple[int, int] | None = None
        self._last_fraction = 0.0
        #: The position last asked for, kept exact while its row stays on top.
        self._top_anchor: tuple[int, int] | None = None
        self._pending_position: tuple[int, int] | None = None
        #: The cursor was moved while a layout was pending: show it once laid out.
        self._reveal_cursor = False
        self._laid_out_width = 0
        self._preview: str | None = None
        self._reflow_pending = False
        self._resize_pending = False
        self._folded: tuple[Document, SearchText, str] | None = None
        #: Match lists of the shown document by query: the search bar's count and the
        #: search agree.
        self._found: dict[str, list[tuple[int, int]]] = {}
        self._analyser_failed = False
        #: The block the reader is at, for the analysis to start near it (read by the worker).
        self._focus_block = 0
        #: (document, its DocumentReadings) while the worker fills them piece by piece.
        self._analysis_readings: tuple[Document, Any] | None = None
        #: What the pane says in place of a document with no text (see :meth:`show`).
        self._note: list[str] = []
        #: The user's own readings for the document (word -> reading; see ``set_own_readings``).
        self._own: dict[str, str] = {}
        #: The register the user chose for the document's readings (None: the analyser's).
        self.register: Register | None = None

    # -- public API ---------------------------------------------------------------------
    def show(
        self,
        doc: Document,
        *,
        readings: Any = None,
        position: tuple[int, int] | None = None,
        analyse: bool = True,
        note: Sequence[str] = (),
        register: Register | None = None,
    ) -> None:
        """Show ``doc`` at ``position`` (block, offset); a ``doc`` with no text shows the lines
        of ``note`` instead (the import's notices), never a blank pane. ``register``: the one
        the user chose for the document's readings (``store.registers``), None to detect it.

        ``readings`` is a ``store.japanese.DocumentReadings``. Without it the source's ruby
        shows at once and, when ``analyse``, the reader analyses the document in a worker and
        adds the furigana when done (posting :class:`ReadingsReady`); pass ``analyse=False``
        when the caller will call :meth:`set_readings` itself.
        """
        self.document = doc
        self._note = [] if doc.base_text.strip() else list(note)
        self._readings = readings
        self._own = {}
        self.register = register
        self._morphemes = {}
        self._found = {}
        if self._query:
            self.post_message(self.SearchChanged("", -1, 0))  # the old search ends with it
        self._matches, self._match, self._query = [], -1, ""
        self._anchor = None
        self._markers = [
            (start + ref.offset, ref.footnote_id)
            for start, block in zip(doc.block_starts, doc.blocks, strict=True)
            for ref in block.refs
        ]
        self._markers.sort()
        self._set_highlight_index()
        block, offset = position or (0, 0)
        block = max(0, min(block, len(doc.blocks) - 1)) if doc.blocks else 0
        offset = max(0, min(offset, len(doc.blocks[block].text))) if doc.blocks else 0
        self.cursor = (doc.block_starts[block] + offset) if doc.blocks else 0
        self._focus_block = block
        self._analysis_readings = None
        self._last_position = None
        self._top_anchor = None
        self._reveal_cursor = False
        analysis = self._cached_analysis(doc, block) if readings is None and analyse else None
        self._select_readings()
        self._relayout((block, offset))
        if readings is None and analyse and doc.blocks:
            self._analyse(doc, analysis)

    def _cached_analysis(self, doc: Document, block: int) -> Any:
        """The analysis of ``doc`` with the piece at ``block`` filled from the cache when it
        is there (a returning reader's first screen then paints with its furigana, laid out
        once); its readings become the reader's. None when ``doc`` cannot be analysed."""
        if not doc.blocks:
            return None
        try:
            from store.japanese.document import DocumentAnalysis

            analysis = DocumentAnalysis(doc, style=self.register)
            if analysis.load_cached(analysis.piece_of_block(block)):
                self._readings = analysis.readings
                self._analysis_readings = (doc, analysis.readings)
            return analysis
        except Exception:  # no cache, or a broken one: the worker analyses as before
            return None

    class PieceAnalysed(Message):
        """Blocks ``first``..``end`` of ``document`` have their readings now (worker → widget)."""

        def __init__(self, document: Document, first: int, end: int, complete: bool) -> None:
            super().__init__()
            self.document, self.first, self.end, self.complete = document, first, end, complete

    @work(thread=True, exclusive=True, group="reader-analyse", exit_on_error=False)
    def _analyse(self, doc: Document, analysis: Any = None) -> None:
        """Readings for ``doc`` off the main thread, in pieces, nearest the reader first.

        Each piece is cached as soon as it is done (``store.japanese.document``) and handed to
        the widget; cancellation (quit, another document) is checked between paragraphs, so
        quitting never waits for the analysis."""
        from store.japanese.document import DocumentAnalysis

        worker = get_current_worker()

        def cancelled() -> bool:
            return worker.is_cancelled or doc is not self.document

        try:
            analysis = analysis or DocumentAnalysis(doc, style=self.register)
            self._analysis_readings = (doc, analysis.readings)
            while not cancelled():
                k = analysis.next_piece(self._focus_block)
                if k is None:
                    break
                if not analysis.run_piece(k, cancelled):
                    return
                first, end = analysis.pieces[k] if k < len(analysis.pieces) else (0, 0)
                self.post_message(self.PieceAnalysed(doc, first, end, analysis.complete))
        except Exception as exc:  # the dictionary missing or broken: read without furigana
            if not cancelled():
                message = f"Furigana unavailable: {type(exc).__name__}: {exc}"
                self.app.call_from_thread(self.notify, message, severity="warning", markup=False)

    def on_reader_view_piece_analysed(self, message: PieceAnalysed) -> None:
        message.stop()
        doc = message.document
        if doc is not self.document or self._analysis_readings is None:
            return
        if self._analysis_readings[0] is not doc:
            return
        readings = self._analysis_readings[1]
        if self._readings is not readings:
            self._readings = readings  # the first piece: furigana from now on
            self._select_readings()
            self._relayout(self.position)
        elif message.complete and self.furigana_mode == "first":
            self._select_readings()  # first use per section needs every block before it
            self._relayout(self.position)
        elif message.end > message.first:
            self._refresh_blocks(message.first, message.end)
        self.post_message(self.LinesMoved(self))
        if message.complete:
            self._analysis_readings = None
            self.post_message(self.ReadingsReady(doc))

    def _refresh_blocks(self, first: int, end: int) -> None:
        """Blocks ``first``..``end`` got readings: lay them out again, keeping the top line."""
        layout = self._layout
        if layout is None:
            return
        if self._shown is not None:
            self._shown.forget(first, end)
        shown = self._cursor_on_screen()
        top = int(self.scroll_y)
        anchor = layout.piece_at_line(top)
        within = top - layout.starts[anchor] if layout.heights else 0
        changed = layout.invalidate_blocks(first, end)
        if not changed:
            return
        self._cache.clear()
        height = self.size.height or 24
        k = anchor
        while k < len(layout.pieces) and layout.starts[k] < top + height:  # what shows now
            layout.ensure(k)
            k += 1
        if self._pending_position is None:
            self._update_virtual_size()
            y = layout.starts[anchor] + min(within, layout.heights[anchor] - 1)
            if y != top:
                self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self._keep_cursor_shown(shown)
        self.refresh()
        self._layout_rest(self._gen)

    def set_readings(self, readings: Any) -> None:
        """Readings arrived (analysed in a worker): redraw with them, keeping the position."""
        self._readings = readings
        self._select_readings()
        self._relayout(self.position)

    def goto_block(self, index: int) -> None:
        """Put block ``index`` at the top of the pane (and the cursor at its start)."""
        if self.document is None or not self.document.blocks:
            return
        index = max(0, min(index, len(self.document.blocks) - 1))
        self.cursor = self.document.block_starts[index]
        self._scroll_to_position((index, 0))
        self._refresh_lines()

    def goto_offset(self, offset: int) -> None:
        """Move the cursor to base-text ``offset`` and scroll it into view."""
        self._move_cursor(offset)

    @property
    def position(self) -> tuple[int, int]:
        """``(block, offset)`` of the top line."""
        if self._layout is None:
            return self._pending_position or (0, 0)
        if self._pending_position is not None:
            return self._pending_position
        return self._top_position()

    def _top_position(self) -> tuple[int, int]:
        """The top row's ``(block, offset)``; while the row asked for (restored, jumped to)
        is still on top, that exact offset rather than its row's start, so relayouts (the
        furigana arriving, a resize, a mode change) never drift towards the row above."""
        assert self._layout is not None
        top = int(self.scroll_y)
        anchor = self._top_anchor
        if anchor is not None:
            if self._layout.y_of(*anchor) == top:
                return anchor
            self._top_anchor = None  # the user has scrolled away from it
        return self._layout.position_at(top)

    @property
    def highlights(self) -> list[tuple[int, int, str]]:
        """``(start, end, style_name)`` in base-text offsets, drawn as background colour.

        ``style_name`` is one of :data:`HIGHLIGHT_NAMES`, the store's colour keys
        (``reader--highlight-<name>``, coloured by the app's ``$highlight-<name>`` theme
        variables), ``""`` for the default, or any Rich style string (``"on #553300"``).
        """
        return list(self._highlights)

    @highlights.setter
    def highlights(self, value: Sequence[tuple[int, int, str]]) -> None:
        self._highlights = [(int(s), int(e), str(n)) for s, e, n in value if e > s]
        self._set_highlight_index()
        self._refresh_lines()

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected base-text span, or None."""
        if self._anchor is None:
            return None
        a, b = sorted((self._anchor, self.cursor))
        end = min(b + 1, len(self.document.base_text)) if self.document else b
        return (a, end)

    @property
    def matches(self) -> list[tuple[int, int]]:
        """The search's matches: base-text spans, then footnotes' (see :class:`SearchText`)."""
        return list(self._matches)

    @property
    def _matches(self) -> list[tuple[int, int]]:
        return self._match_spans

    @_matches.setter
    def _matches(self, spans: list[tuple[int, int]]) -> None:
        """Spans in :class:`SearchText` offsets, sorted (a row's drawing bisects them); the
        order ``n``/``N`` visit them in is kept beside."""
        self._match_spans = spans
        order = list(range(len(spans)))
        if spans and spans[-1][0] > len(self.document.base_text if self.document else ""):
            key = self._search_text().reading_key
            order.sort(key=lambda i: key(spans[i]))
        self._order = order
        self._rank = [0] * len(order)
        for rank, i in enumerate(order):
            self._rank[i] = rank

    # -- readings and layout ------------------------------------------------------------
    def set_own_readings(self, own: Mapping[str, str]) -> None:
        """The user's own readings for the document shown (word -> reading), laid over the
        analysis wherever the word stands alone (``store.japanese.own_readings``)."""
        if dict(own) == self._own:
            return
        self._own = dict(own)
        if self._readings is not None:
            self._select_readings()
            self._relayout(self.position)
            self.post_message(self.LinesMoved(self))  # an open note takes its readings anew

    def set_register(self, register: Register | None) -> None:
        """Read the document shown as ``register`` from now on (None: as the analyser detects):
        its readings are analysed again, nearest the reader first (or taken from the cache),
        and replace the old ones as they come."""
        if register == self.register:
            return
        self.register = register
        doc = self.document
        if doc is None or not doc.blocks:
            return
        analysis = self._cached_analysis(doc, self._focus_block)
        if self._analysis_readings is not None and self._analysis_readings[0] is doc:
            self._analysis_readings = None  # the old worker's pieces are not shown any more
        self._select_readings()
        self._relayout(self.position)
        self._analyse(doc, analysis)

    def _select_readings(self) -> None:
        """Choose again for the mode (lazily: blocks choose on first use)."""
        readings = self._readings
        if readings is not None and hasattr(readings, "own"):
            readings.own = self._own
        level = MODE_LEVEL.get(self.furigana_mode, "off")
        self._shown = None if readings is None or level == "off" else ShownReadings(readings, level)

    def _block_readings(self, index: int) -> Sequence[Any]:
        """The readings block ``index`` shows in the current mode (called from the layout
        worker too)."""
        shown = self._shown
        if self.document is None or shown is None:
            return ()
        try:
            return shown.block(index)
        except (ValueError, IndexError, AttributeError):
            return ()

    def reading_forms(self) -> tuple[Callable[[str], str] | None, Callable[[str], str] | None]:
        """``(form, fallback)`` the readings are drawn in, in the current style and mode:
        ``form`` for every reading (None: as given), ``fallback`` for a word whose reading
        would not fit over it otherwise."""
        from store.japanese.chars import to_half_width_katakana as half

        style = self.furigana_style
        if style == "half-width" or (style == "auto" and self._reading_mode() in DENSE_MODES):
            return half, None
        if style == "auto":
            return None, half
        return None, None

    def _reading_mode(self) -> str:
        """The furigana mode that decides how dense the readings are."""
        return self.furigana_mode

    def _pane_width(self) -> int:
        """Cells the text area has (0 before the widget has been given a size)."""
        return self.scrollable_content_region.width

    def _layout_width(self) -> int:
        """The width lines are laid out at: the pane's, or the reading measure if narrower."""
        width = max(8, self._pane_width())
        if self.measure > 0:
            width = min(width, max(8, 2 * self.measure))
        return width

    def _margin(self) -> int:
        """Blank cells left of the text, which is centred in the pane."""
        layout = self._layout
        return max(0, (self._pane_width() - layout.width) // 2) if layout is not None else 0

    def _relayout(self, position: tuple[int, int]) -> None:
        """Start a new layout (new document, width or mode), keeping ``position`` on top.

        Before the widget has its size nothing is laid out (a layout at a guessed width would
        paint once and jump): the first resize lays out at the real width."""
        shown = self._cursor_on_screen()
        self._gen += 1
        self._cache.clear()
        doc = self.document
        if doc is None:
            return
        self._pending_position = position
        if not self._pane_width():
            self._layout = None
            self._laid_out_width = 0
            return
        width = self._layout_width()
        self._laid_out_width = width
        form, fallback = self.reading_forms()
        self._layout = DocumentLayout(
            doc,
            width,
            readings=self._block_readings,
            inline=self.furigana_mode == "inline",
            reading_form=form,
            fallback_form=fallback,
        )
        if self.is_mounted and self.size.height:
            self._apply_pending_position()
            self._keep_cursor_shown(shown)
        self._layout_rest(self._gen)

    def _apply_pending_position(self) -> None:
        layout = self._layout
        position = self._pending_position
        if layout is None or position is None:
            return
        # lay out the first screen from the position down before anything paints
        block = position[0]
        y = layout.y_of(block, position[1])
        need = y + self.size.height
        i = layout.piece_of(block, position[1])
        while i < len(layout.layouts) and layout.starts[i] < need:
            layout.ensure(i)
            i += 1
        y = layout.y_of(block, position[1])
        self._pending_position = None
        self._top_anchor = position
        self._update_virtual_size()
        self.scroll_to(y=y, animate=False, immediate=True, force=True)
        if self._reveal_cursor:
            self._ensure_cursor_visible()
        self._post_position()
        self.refresh()

    def _update_virtual_size(self) -> None:
        if self._layout is not None:
            self.virtual_size = Size(self._layout.width, self._layout.line_count)

    @work(thread=True, exclusive=True, group="reader-layout")
    def _layout_rest(self, gen: int) -> None:
        """Lay out every block not yet laid out, handing batches to the main thread."""
        worker = get_current_worker()
        layout = self._layout
        if layout is None:
            return
        batch: list[tuple[int, BlockLayout]] = []
        started = time.perf_counter()
        for i in range(len(layout.layouts)):
            if worker.is_cancelled or gen != self._gen:
                return
            if layout.measured[i]:
                continue
            batch.append((i, layout.compute(i)))
            if time.perf_counter() - started > BATCH_SECONDS:
                self.app.call_from_thread(self._install, gen, batch)
                batch = []
                started = time.perf_counter()
        if batch and not worker.is_cancelled:
            self.app.call_from_thread(self._install, gen, batch)

    def _install(self, gen: int, batch: list[tuple[int, BlockLayout]]) -> None:
        layout = self._layout
        if gen != self._gen or layout is None:
            return
        shown = self._cursor_on_screen()
        top = int(self.scroll_y)
        anchor = layout.piece_at_line(top)
        within = top - layout.starts[anchor] if layout.heights else 0
        changed = False
        for i, block_layout in batch:
            if not layout.measured[i]:
                changed |= layout.install(i, block_layout)
        if changed and self._pending_position is None:
            self._update_virtual_size()
            y = layout.starts[anchor] + min(within, layout.heights[anchor] - 1)
            if y != top:
                self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self._keep_cursor_shown(shown or self._reveal_cursor)
            self.refresh()

    # -- Textual hooks ------------------------------------------------------------------
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """For ``height: auto``: the laid-out height of a short document."""
        doc = self.document
        if doc is not None and len(doc.blocks) > 200:
            return viewport.height
        return self.text_height(width)

    def text_height(self, width: int) -> int:
        """Rows the document takes in this widget ``width`` cells wide (popups size to it)."""
        doc = self.document
        if doc is None:
            return 0
        inner = width - self.gutter.width  # padding and the reserved scrollbar gutter
        form, fallback = self.reading_forms()
        layout = DocumentLayout(
            doc,
            max(8, inner),
            readings=self._block_readings,
            inline=self.furigana_mode == "inline",
            reading_form=form,
            fallback_form=fallback,
        )
        for i in range(len(layout.layouts)):
            layout.ensure(i)
        return layout.line_count

    def on_mount(self) -> None:
        if self._pending_position is not None:
            self.call_after_refresh(self._first_layout)

    def _first_layout(self) -> None:
        if self._layout is None and self.document is not None:
            if self._pane_width():
                self._relayout(self._pending_position or (0, 0))
        else:
            self._apply_pending_position()

    def on_resize(self, event: events.Resize) -> None:
        if self.document is None:
            return
        if self._layout_width() != self._laid_out_width or self._pending_position is not None:
            self._relayout(self.position)
        if self._reveal_cursor and self._has_room() and not self._cursor_on_screen():
            self._ensure_cursor_visible()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None
        self._styles = {}
        self._cache.clear()

    def watch_furigana_mode(self, old: str, new: str) -> None:
        if new not in {m for m, _ in FURIGANA_MODES}:
            self.furigana_mode = old
            return
        if self.document is not None:
            position = self.position
            self._select_readings()
            self._relayout(position)

    def watch_furigana_style(self, old: str, new: str) -> None:
        if new not in {s for s, _ in READING_STYLES}:
            self.furigana_style = old
            return
        if self.document is not None:
            self._relayout(self.position)

    def watch_measure(self, old: int, new: int) -> None:
        if new < 0:
            self.measure = 0
            return
        if self.document is not None and self._layout_width() != self._laid_out_width:
            self._relayout(self.position)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._post_position()

    def _post_position(self) -> None:
        doc, layout = self.document, self._layout
        if doc is None or layout is None or not doc.blocks or self._pending_position:
            return
        position = self._top_position()
        fraction = 1.0 if self._end_shown() else reading_fraction(doc, *position)
        if (position, fraction) == (self._last_position, self._last_fraction):
            return
        self._last_position, self._last_fraction = position, fraction
        self._focus_block = position[0]
        chain = doc.section_of(position[0])
        title = safe_line(chain[-1].text) if chain else ""
        self.post_message(self.PositionChanged(position[0], position[1], fraction, title))

    def _end_shown(self) -> bool:
        """Whether the document's last line is on screen: then the whole text has been seen
        (100%), however much lies above the top line. Judged on the pieces from the top line
        to the end laid out for real (what painting the screen lays out anyway), never on the
        estimated height of pieces not laid out yet."""
        layout = self._layout
        if layout is None or not layout.heights:
            return False
        top, height = int(self.scroll_y), self.size.height
        k = layout.piece_at_line(top)
        while k < len(layout.heights) and layout.starts[k] < top + height:
            layout.ensure(k)
            k += 1
        return k == len(layout.heights) and top + height >= layout.line_count

    # -- painting -----------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            try:
                style = self.get_component_rich_style(f"reader--{name}", partial=True)
            except KeyError:
                style = Style()
            self._styles[name] = style
        return style

    def _get_palette(self) -> Palette:
        if self._palette is None:
            s = self._style
            self._palette = Palette(
                base=self.rich_style,
                ruby=s("ruby"),
                ruby_guess=s("ruby-guess"),
                ruby_source=s("ruby-source"),
                marker=s("marker"),
                marker_current=s("marker-current"),
                reading=s("inline-reading"),
                bullet=s("bullet"),
                bar=s("bar"),
                cell=s("cell"),
                cursor=s("cursor"),
            )
        return self._palette

    def _block_style(self, block: Block) -> tuple[Style, Style | None]:
        """(text style, whole-line fill or None) for a block's kind."""
        if block.kind == "heading":
            name = f"h{block.level}" if 1 <= block.level <= 3 else "heading"
            style = self._style(name)
            return style, (self.rich_style + style if block.level == 1 else None)
        if block.kind == "list_item":
            return self._style("list"), None
        if block.kind in ("quote", "meta", "table", "code"):
            return self._style(block.kind), None
        return Style(), None

    def _highlight_style(self, name: str) -> Style:
        if not name:
            return self._style("highlight")
        if name in HIGHLIGHT_NAMES:
            # The app's palette colours each key; without it every highlight still shows.
            return self._style("highlight") + self._style(f"highlight-{name}")
        key = f"raw:{name}"
        style = self._styles.get(key)
        if style is None:
            try:
                style = Style.parse(name)
            except Exception:
                style = self._style("highlight")
            self._styles[key] = style
        return style

    def _set_highlight_index(self) -> None:
        self._hl_by_block = {}
        doc = self.document
        if doc is None or not doc.blocks:
            return
        starts = doc.block_starts
        for s, e, name in self._highlights:
            first = max(0, bisect_right(starts, s) - 1)
            last = max(0, bisect_right(starts, max(s, e - 1)) - 1)
            for i in range(first, last + 1):
                bs = starts[i]
                self._hl_by_block.setdefault(i, []).append((s - bs, e - bs, name))

    def _overlays(self, index: int, row_start: int, row_end: int) -> tuple[Any, ...]:
        """Everything besides the layout that changes how a row looks (also its cache key)."""
        doc = self.document
        assert doc is not None
        base = doc.block_starts[index]
        g0, g1 = base + row_start, base + row_end
        spans: list[tuple[int, int, str]] = []
        for s, e, name in self._hl_by_block.get(index, ()):
            if s < row_end and e > row_start:
                spans.append((s, e, "hl:" + name))
        if self._matches:
            k = max(0, bisect_right(self._matches, (g0, g0)) - 1)
            while k < len(self._matches) and self._matches[k][0] <= g1:
                s, e = self._matches[k]
                if s <= g1 and e > g0:
                    name = "match-current" if k == self._match else "match"
                    spans.append((s - base, e - base, name))
                k += 1
        sel = self.selection
        if sel and sel[0] <= g1 and sel[1] > g0:
            spans.append((sel[0] - base, sel[1] - base, "selection"))
        cursor = self.cursor - base if self.has_focus and g0 <= self.cursor <= g1 else None
        if cursor is not None and cursor == row_end and row_end < len(doc.blocks[index].text):
            cursor = None  # it is drawn at the start of the next row
        marker = None
        if cursor is not None:
            for ref in doc.blocks[index].refs:
                if ref.offset in (cursor, cursor + 1):
                    marker = ref.offset
                    break
        return (tuple(spans), cursor, marker)

    def _span_style(self, name: str) -> Style:
        if name.startswith("hl:"):
            return self._highlight_style(name[3:])
        return self._style(name)

    def _sync_virtual_size(self) -> None:
        self._resize_pending = False
        if self._pending_position is None:
            self._update_virtual_size()

    def _reflow_if_resized(self) -> None:
        self._reflow_pending = False
        if self.document is not None and self._layout_width() != self._laid_out_width:
            self._relayout(self.position)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The first paint after a document is shown: lay it out now, at the width the pane
        # has just been given, so the very first frame with text is the final layout.
        if self._layout is None and self.document is not None and self._pane_width():
            self._relayout(self._pending_position or (0, 0))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._pane_width()
        layout, doc = self._layout, self.document
        if layout is not None and self._layout_width() != layout.width and not self._reflow_pending:
            # the text area changed without a Resize (a scrollbar came or went): reflow
            self._reflow_pending = True
            self.call_after_refresh(self._reflow_if_resized)
        palette = self._get_palette()
        if self._note and doc is not None:
            return self._paint_note(y, width, palette)
        if layout is None or doc is None:
            return paint_blank(width, palette)
        line = layout.line(int(self.scroll_y) + y)
        if layout.line_count != self.virtual_size.height and not self._resize_pending:
            # painting laid out a piece whose height was an estimate: fix the scroll range
            self._resize_pending = True
            self.call_after_refresh(self._sync_virtual_size)
        if line is None or line.row is None:
            return paint_blank(width, palette)
        if line.kind == RUBY and y >= self.size.height - 1:
            # a reading row whose text is on the next page stays with it, never alone
            return paint_blank(width, palette)
        strip = self._paint_line(line, layout.width, palette)
        margin = self._margin()
        if margin or strip.cell_length < width:
            fill = palette.base
            strip = Strip.join(
                [
                    Strip.blank(margin, fill),
                    strip,
                    Strip.blank(max(0, width - margin - strip.cell_length), fill),
                ]
            )
        return strip

    def _paint_note(self, y: int, width: int, palette: Palette) -> Strip:
        """Row ``y`` of the note shown for a document with no text: under one blank row, its
        lines wrapped at the reading measure and set where the text would be, as a caption."""
        measure = self._layout_width()
        rows = [row for text in self._note for row in wrap_lines(safe_line(text), measure)]
        if not 1 <= y <= len(rows):
            return paint_blank(width, palette)
        note = Strip([Segment(rows[y - 1], palette.base + self._style("meta"))])
        margin = max(0, (width - measure) // 2)
        return Strip.join(
            [
                Strip.blank(margin, palette.base),
                note,
                Strip.blank(max(0, width - margin - note.cell_length), palette.base),
            ]
        )

    def _paint_line(self, line: Line, width: int, palette: Palette) -> Strip:
        """One laid-out line painted at the layout's ``width`` (cached by what it shows)."""
        assert self.document is not None and line.row is not None
        block = self.document.blocks[line.block]
        text_style, fill = self._block_style(block)
        row = line.row
        if line.kind == RUBY:
            key: tuple[Any, ...] = (self._gen, width, line.block, row.start, RUBY)
            strip = self._cache.get(key)
            if strip is None:
                strip = paint_ruby(row, width, palette, fill)
                self._cache[key] = strip
            return strip
        overlays = self._overlays(line.block, row.start, row.end)
        key = (self._gen, width, line.block, row.start, BASE, overlays)
        strip = self._cache.get(key)
        if strip is None:
            spans = [(s, e, self._span_style(n)) for s, e, n in overlays[0]]
            spans = self._emphasis(block) + spans
            if block.kind == "table" and row.start == 0:
                text_style = text_style + self._style("table-header")
            strip = paint_row(
                row,
                block.text,
                width,
                palette,
                text_style=text_style,
                fill=fill,
                spans=spans,
                cursor=overlays[1],
                current_marker=overlays[2],
            )
            self._cache[key] = strip
        return strip

    def _emphasis(self, block: Block) -> list[tuple[int, int, Style]]:
        return [(e.start, e.end, self._style(e.kind)) for e in block.emphasis]

    def _refresh_lines(self) -> None:
        self.refresh()

    # -- geometry helpers ---------------------------------------------------------------
    def _line_of(self, offset: int) -> int:
        """Screen line index of the base row holding base-text ``offset``."""
        doc, layout = self.document, self._layout
        if doc is None or layout is None or not doc.blocks:
            return 0
        block, local = doc.locate(offset)
        return layout.y_of(block, local, base=True)

    def _scroll_to_position(self, position: tuple[int, int]) -> None:
        layout = self._layout
        if layout is None or self._pending_position is not None or not self._has_room():
            # not laid out yet, or without room (a narrow terminal's tree and sidebar over it,
            # a heading chosen there): applied once laid out with room (``on_resize``)
            self._pending_position = position
            return
        y = layout.y_of(*position)
        self._top_anchor = position
        self._update_virtual_size()
        self.scroll_to(y=y, animate=False, immediate=True, force=True)

    def _has_room(self) -> bool:
        """Whether the reader is drawn with a size (a narrow terminal's tree and sidebar may
        leave it none for a while)."""
        return bool(self.size.height and self._pane_width())

    def _cursor_on_screen(self) -> bool:
        if self._layout is None or self._pending_position is not None or not self.size.height:
            return False
        top = int(self.scroll_y)
        return top <= self._line_of(self.cursor) < top + self.size.height

    def _keep_cursor_shown(self, was_shown: bool) -> None:
        """A relayout keeps the top line; where that pushed the cursor, which was on screen,
        off it (readings added above it near the end of a text: a search's match), the
        cursor is brought back into view."""
        if was_shown and not self._cursor_on_screen():
            self._ensure_cursor_visible()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._reveal_cursor = False  # the reader scrolls away: stop following the cursor

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._reveal_cursor = False

    def _ensure_cursor_visible(self) -> None:
        if self._layout is None or self._pending_position is not None or not self._has_room():
            # asked before the layout (a library search opening at its match), or while the
            # reader has no room (a narrow terminal's tree and sidebar over it, a heading
            # chosen there): done once the pending position is applied or the room is back
            self._reveal_cursor = True
            return
        self._reveal_cursor = False
        y = self._line_of(self.cursor)
        self._update_virtual_size()
        top = int(self.scroll_y)
        height = max(1, self.size.height)
        line = self._layout.line(y - 1)
        ruby_above = line is not None and line.kind == RUBY
        # force: before the widget's first layout pass Textual does not yet allow scrolling
        if y - (1 if ruby_above else 0) < top:
            self.scroll_to(y=y - (1 if ruby_above else 0), animate=False, immediate=True, force=True)
        elif y >= top + height:
            self.scroll_to(y=y - height + 1, animate=False, immediate=True, force=True)
        # while heights below are estimates (the background layout still measuring), a
        # cursor sent far down may land off screen as they are measured: follow it until
        # the layout is done or the reader scrolls away
        self._reveal_cursor = 0 in self._layout.measured

    def _offset_at(self, x: int, y: int) -> tuple[int, Line | None, str | None]:
        """(base offset, line, footnote id of a marker there) for a point in the widget."""
        doc, layout = self.document, self._layout
        if doc is None or layout is None or not doc.blocks:
            return (0, None, None)
        line_y = int(self.scroll_y) + y
        line = layout.line(line_y)
        if line is None:
            return (len(doc.base_text), None, None)
        base = doc.block_starts[line.block]
        if line.row is None:
            return (base + len(doc.blocks[line.block].text), line, None)
        col = int(self.scroll_x) + x - self._margin()
        for deco in line.row.decorations:
            if (
                deco.kind == "marker"
                and line.kind == BASE
                and deco.col <= col < deco.col + deco.width
            ):
                return (base + max(0, deco.offset - 1), line, deco.key)
        return (base + line.row.offset_at(col, doc.blocks[line.block].text), line, None)

    # -- cursor and selection -----------------------------------------------------------
    def _move_cursor(self, offset: int) -> None:
        doc = self.document
        if doc is None:
            return
        offset = max(0, min(offset, max(0, len(doc.base_text) - 1)))
        self.cursor = offset
        self._ensure_cursor_visible()
        if self._anchor is not None:
            sel = self.selection
            if sel:
                self.post_message(self.SelectionChanged(*sel))
        self._refresh_lines()

    def _keep_cursor_on_screen(self) -> None:
        """After a scroll: pull the cursor onto the visible lines."""
        doc, layout = self.document, self._layout
        if doc is None or layout is None or self._anchor is not None:
            return
        y = self._line_of(self.cursor)
        top = int(self.scroll_y)
        bottom = top + self.size.height - 1
        if top <= y <= bottom:
            return
        target = top if y < top else bottom
        line = layout.line(target)
        step = 1 if y < top else -1
        while line is not None and line.kind != BASE and top <= target + step <= bottom:
            target += step
            line = layout.line(target)
        if line is not None and line.row is not None:
            self.cursor = doc.block_starts[line.block] + line.row.start
        self._refresh_lines()

    def _ruby_above(self, y: int) -> bool:
        """Line ``y`` is a base row whose furigana row is line ``y - 1``."""
        layout = self._layout
        if layout is None or y <= 0:
            return False
        line, above = layout.line(y), layout.line(y - 1)
        return (
            line is not None
            and above is not None
            and line.kind == BASE
            and above.kind == RUBY
            and above.row is line.row
        )

    def _scroll_lines(self, delta: int) -> None:
        """Scroll by ``delta`` lines, never leaving a row's furigana cut off above the top."""
        self._reveal_cursor = False
        if self._layout is None:
            return
        y = max(0, min(int(self.scroll_y) + delta, int(self.max_scroll_y)))
        if self._ruby_above(y):
            y = y + 1 if delta == 1 else y - 1
        y = max(0, min(y, int(self.max_scroll_y)))
        self.scroll_to(y=y, animate=False, immediate=True)
        self._keep_cursor_on_screen()

    def action_line_down(self) -> None:
        self._scroll_lines(1)

    def action_line_up(self) -> None:
        self._scroll_lines(-1)

    def action_page_down(self) -> None:
        self._scroll_lines(max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self._scroll_lines(-max(1, self.size.height - 1))

    def action_top(self) -> None:
        self._move_cursor(0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        if self.document is None:
            return
        layout = self._layout
        if layout is not None and layout.layouts:
            # lay out the last screenful for real, so the end is exactly at the bottom
            k, height = len(layout.layouts) - 1, 0
            while k >= 0 and height < self.size.height:
                height += len(layout.ensure(k).lines)
                k -= 1
            self._update_virtual_size()
            self.scroll_to(
                y=max(0, layout.line_count - self.size.height),
                animate=False,
                immediate=True,
                force=True,
            )
        self._move_cursor(len(self.document.base_text))

    def action_cursor_left(self) -> None:
        self._move_cursor(self.cursor - 1)

    def action_cursor_right(self) -> None:
        self._move_cursor(self.cursor + 1)

    def action_visual(self) -> None:
        if self._anchor is None:
            doc = self.document
            text = doc.base_text if doc is not None else ""
            after = self.cursor + 1
            if (
                any(offset == after for offset, _ in self._markers)
                and after < len(text)
                and text[after] != "\n"
            ):
                # on a footnote marker (where ] puts the cursor: the character before it), a
                # selection starts at the marker, after that character (not 「）級を…」)
                self._move_cursor(after)
            self._anchor = self.cursor
            sel = self.selection
            if sel:
                self.post_message(self.SelectionChanged(*sel))
        else:
            self._anchor = None
            self.post_message(self.SelectionChanged(self.cursor, self.cursor))
        self._refresh_lines()

    def action_copy(self, as_citation: bool = True) -> None:
        doc, sel = self.document, self.selection
        if doc is None or sel is None:
            self.notify("Nothing selected: v starts a selection", timeout=3)
            return
        text = doc.base_text[sel[0] : sel[1]]
        self.post_message(
            self.SelectionCopied(text, sel[0], sel[1], as_citation, note=self.footnote_id)
        )
        self.finish_selection()

    def finish_selection(self) -> None:
        """The selection has been used (copied, highlighted): clear it and put the cursor where
        reading goes on — right after it, or at the next sentence's start when it ended a
        sentence — so the next ``v )`` takes the next sentence whole."""
        sel = self.selection
        if sel is None:
            return
        self._anchor = None
        self._move_cursor(self._past_sentence_end(sel[1]))
        self.post_message(self.SelectionChanged(self.cursor, self.cursor))

    @property
    def footnote_id(self) -> str:
        """The footnote this view shows ("" for the document itself)."""
        return ""

    def action_copy_text(self) -> None:
        """``ctrl+c``: the selection as plain text (never "quit?")."""
        self.action_copy(as_citation=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":
            # Let Escape reach the screen (closing a popup) when there is nothing to clear.
            return self._anchor is not None or bool(self._query)
        return True

    def action_clear(self) -> None:
        if self._anchor is not None:
            self._anchor = None
            self.post_message(self.SelectionChanged(self.cursor, self.cursor))
        elif self._query:
            self._matches, self._match, self._query = [], -1, ""
            self.post_message(self.SearchChanged("", -1, 0))
        self._refresh_lines()

    # -- words and sentences ------------------------------------------------------------
    def morphemes(self, block: int) -> list[Any]:
        """The analyser's words of ``block`` (cached)."""
        found = self._morphemes.get(block)
        if found is None and self.document is not None:
            text = self.document.blocks[block].text
            try:
                from store.japanese import tokenize

                found = tokenize(text)
            except Exception as exc:  # no dictionary: words by script, and say so once
                found = script_runs(text)
                if not self._analyser_failed:
                    self._analyser_failed = True
                    self.notify(
                        f"Word analysis unavailable ({type(exc).__name__}); "
                        "words follow the script instead",
                        severity="warning",
                        markup=False,
                    )
            self._morphemes[block] = found
        return found or []

    def _word_starts_global(self, block: int) -> list[int]:
        assert self.document is not None
        base = self.document.block_starts[block]
        return [base + s for s in word_starts(self.morphemes(block))]

    def _next_word_start(self, pos: int) -> int | None:
        assert self.document is not None
        block, _ = self.document.locate(pos)
        for i in range(block, min(block + 50, len(self.document.blocks))):
            found = next_in(self._word_starts_global(i), pos)
            if found is not None:
                return found
        return None

    def _next_sentence_start(self, pos: int) -> int | None:
        assert self.document is not None
        block, _ = self.document.locate(pos)
        return next_in(self._sentence_starts_near(block), pos)

    def _forward(self, next_start: Callable[[int], int | None]) -> None:
        """Move to the next word/sentence. While a selection grows forward the cursor lands on
        the unit's last character instead (the selection includes the cursor's character), so
        `v )` selects exactly a sentence and never the next one's first character."""
        doc = self.document
        if doc is None or not doc.blocks:
            return
        found = next_start(self.cursor)
        if found is None:  # in the last unit (a note is often one sentence): to its end
            end = self._unit_end(len(doc.base_text))
            if end > self.cursor:
                self._move_cursor(end)
            return
        if self._anchor is not None and self.cursor >= self._anchor:
            end = self._unit_end(found)
            if end <= self.cursor:  # already on this unit's last character: take the next one
                following = next_start(found)
                end = self._unit_end(following) if following is not None else len(doc.base_text) - 1
            found = max(end, self.cursor)
        self._move_cursor(found)

    def _unit_end(self, next_unit_start: int) -> int:
        """The last character before ``next_unit_start``, not counting spaces or line ends."""
        assert self.document is not None
        text = self.document.base_text
        end = next_unit_start - 1
        while end > 0 and text[end] in " \n\u3000":
            end -= 1
        return end

    def action_word_next(self) -> None:
        self._forward(self._next_word_start)

    def action_word_prev(self) -> None:
        doc = self.document
        if doc is None or not doc.blocks:
            return
        block, _ = doc.locate(self.cursor)
        for i in range(block, max(-1, block - 50), -1):
            found = prev_in(self._word_starts_global(i), self.cursor)
            if found is not None:
                self._move_cursor(found)
                return

    def _sentence_starts_near(self, block: int) -> list[int]:
        assert self.document is not None
        doc = self.document
        lo, hi = max(0, block - 1), min(len(doc.blocks), block + 2)
        base = doc.block_starts[lo]
        text = "\n".join(b.text for b in doc.blocks[lo:hi])
        return [base + s for s in sentence_starts(text)]

    def _past_sentence_end(self, pos: int) -> int:
        """``pos``, or the next sentence's start when only the end of a sentence (its 。, 」,
        spaces) lies between (:func:`past_sentence_end`)."""
        if self.document is None or not self.document.blocks:
            return pos
        following = self._next_sentence_start(pos)
        if following is None:
            return pos
        return past_sentence_end(self.document.base_text, pos, following)

    def action_sentence_next(self) -> None:
        if self.document is None or not self.document.blocks:
            return
        if self._anchor is not None and self._anchor == self.cursor:
            # a selection begun on the end of a sentence (its 。 or 」) starts with the next
            # one: `v )` is one whole sentence, never 「。参考のため…」
            start = self._past_sentence_end(self.cursor)
            if start != self.cursor:
                self._anchor = start
                self.cursor = start
        self._forward(self._next_sentence_start)

    def action_sentence_prev(self) -> None:
        """Back to the sentence's start — or to a highlight's start, when one begins nearer: a
        highlight begun mid-sentence (after a footnote marker) is where ``(`` returns after
        ``v ) a``, so ``e``, ``d`` and ``y`` act on it."""
        doc = self.document
        if doc is None or not doc.blocks:
            return
        block, _ = doc.locate(self.cursor)
        found = prev_in(self._sentence_starts_near(block), self.cursor)
        first = doc.block_starts[block]
        marks = [s for s, _e, _name in self._highlights if first <= s < self.cursor]
        if marks and (found is None or max(marks) > found):
            found = max(marks)
        if found is not None:
            self._move_cursor(found)

    def word_at_cursor(self) -> Any | None:
        doc = self.document
        if doc is None or not doc.blocks:
            return None
        block, local = doc.locate(self.cursor)
        for m in self.morphemes(block):
            if m.start <= local < m.end:
                return m
        return None

    def action_word_info(self) -> None:
        word = self.word_at_cursor()
        if word is None or not word.surface.strip():
            self.notify("No word under the cursor", timeout=3)
            return
        self.post_message(
            self.WordInfoRequested(word, self._cursor_row(), self._span(), self._shown_over(word))
        )

    def _shown_over(self, word: Any) -> tuple[str, str] | None:
        """The reading the document's analysis gives the word under the cursor (the gloss, the
        source's ruby or the rules' choice, which the dictionary's own may not be)."""
        doc, readings = self.document, self._readings
        if doc is None or readings is None:
            return None
        from store.japanese.readings import reading_over

        block, _local = doc.locate(self.cursor)
        return reading_over(doc.blocks[block].text, word.start, word.end, readings.block(block))

    # -- footnotes ----------------------------------------------------------------------
    #: What ``]``, ``[`` and Enter say where there is no marker to go to.
    NO_MARKERS = "No footnote markers in this document"

    def action_next_marker(self) -> None:
        doc = self.document
        if doc is None or not self._markers:
            self.notify(self.NO_MARKERS, timeout=3)
            return
        for offset, _ in self._markers:
            if offset - 1 > self.cursor:
                self._move_cursor(offset - 1)
                return
        self.notify("No more footnote markers after this point", timeout=3)

    def action_prev_marker(self) -> None:
        if self.document is None or not self._markers:
            self.notify(self.NO_MARKERS, timeout=3)
            return
        for offset, _ in reversed(self._markers):
            if offset - 1 < self.cursor:
                self._move_cursor(offset - 1)
                return
        self.notify("No footnote markers before this point", timeout=3)

    def marker_at_cursor(self) -> str | None:
        """The footnote id of the marker right after the cursor's character (or at it)."""
        for offset, fid in self._markers:
            if offset - 1 == self.cursor or offset == self.cursor:
                return fid
        return None

    def action_open_footnote(self) -> None:
        fid = self.marker_at_cursor()
        if fid is None and not self._markers:
            self.notify(self.NO_MARKERS, timeout=3)
            return
        if fid is None:
            self.notify("No footnote marker at the cursor: ] goes to the next one", timeout=3)
            return
        self.open_footnote(fid)

    def open_footnote(
        self, footnote_id: str, *, matches: Sequence[tuple[int, int]] = (), current: int = -1
    ) -> None:
        """Ask (:class:`FootnoteRequested`) for the footnote to be shown; the screen opens it
        (with the search's ``matches`` in it highlighted, ``current`` the one landed on)."""
        doc = self.document
        note = doc.footnote(footnote_id) if doc else None
        if note is None:
            self.notify(
                f"Footnote {safe_line(footnote_id)} is not in this document",
                severity="warning",
                markup=False,
            )
            return
        self.post_message(
            self.FootnoteRequested(
                note,
                self.footnote_readings(footnote_id),
                self.furigana_mode,
                self._cursor_row(),
                self.furigana_style,
                self._span(),
                matches,
                current,
                self,
            )
        )

    def footnote_readings(self, footnote_id: str) -> Sequence[Any]:
        """The readings shown for a note in the current mode (none before the analysis)."""
        if self._shown is None:
            return ()
        try:
            return self._shown.footnote(footnote_id)
        except (AttributeError, ValueError):
            return ()

    @property
    def cursor_screen_row(self) -> int | None:
        """The screen row of the cursor's line (None off screen): where a popup goes beside."""
        return self._cursor_row()

    def _span(self) -> tuple[int, int]:
        """The reader's screen columns ``(x, width)``, for a popup to sit over."""
        return self.region.x, self.region.width

    def _cursor_row(self) -> int | None:
        """The screen row of the cursor's line, or None when it is not on screen."""
        if self._layout is None or self.document is None or not self.document.blocks:
            return None
        row = self._line_of(self.cursor) - int(self.scroll_y)
        region = self.content_region
        return region.y + row if 0 <= row < region.height else None

    def footnote_preview(self, footnote_id: str) -> str:
        note = self.document.footnote(footnote_id) if self.document else None
        if note is None:
            return ""
        text = safe_line(" ".join(note.text.split()))
        return f"[{safe_line(footnote_id)}] {text[:80]}{'…' if len(text) > 80 else ''}"

    # -- mouse --------------------------------------------------------------------------
    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self.document is None or event.button != 1:
            return
        offset, _line, fid = self._offset_at(event.x, event.y)
        self.focus()
        if fid is not None:
            self.cursor = offset
            self._refresh_lines()
            self.open_footnote(fid)
            return
        if self._anchor is not None:
            self._anchor = None
            self.post_message(self.SelectionChanged(offset, offset))
        self._drag_from = offset
        self.capture_mouse()
        self._move_cursor(offset)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self.document is None:
            return
        offset, _line, fid = self._offset_at(event.x, event.y)
        if self._drag_from is not None and event.button == 1:
            if offset != self._drag_from and self._anchor is None:
                self._anchor = self._drag_from
            self._move_cursor(offset)
            return
        preview = self.footnote_preview(fid) if fid else None
        if preview != self._preview:
            self._preview = preview
            self.tooltip = Text(preview) if preview else None

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.release_mouse()

    # -- furigana -----------------------------------------------------------------------
    def action_cycle_furigana(self) -> None:
        modes = [m for m, _ in FURIGANA_MODES]
        i = modes.index(self.furigana_mode) if self.furigana_mode in modes else -1
        self.furigana_mode = modes[(i + 1) % len(modes)]
        label = dict(FURIGANA_MODES)[self.furigana_mode]
        self.notify(label, timeout=2)

    # -- search -------------------------------------------------------------------------
    def action_search(self) -> None:
        self.post_message(self.SearchRequested(self, self._query))

    def count_matches(
        self, query: str, cancelled: Callable[[], bool] = lambda: False
    ) -> int | None:
        """How many matches ``query`` has: exactly the ones Enter will show (word forms
        included). May take a moment the first time (the search bar calls it in a thread);
        None when ``cancelled`` answered True on the way."""
        found = self.find_matches(query, cancelled)
        return len(found) if found is not None else None

    def _search_text(self) -> SearchText:
        """The text and its footnotes as ``/`` searches them (made once per document)."""
        self._folded_text()
        assert self._folded is not None
        return self._folded[1]

    def _folded_text(self) -> str:
        """The search text folded for search (computed once per document)."""
        doc = self.document or Document("", [])
        if self._folded is None or self._folded[0] is not doc:
            text = SearchText(doc)
            self._folded = (doc, text, fold(text.text))
        return self._folded[2]

    def find_matches(
        self, query: str, cancelled: Callable[[], bool] = lambda: False
    ) -> list[tuple[int, int]] | None:
        """Every match of ``query`` in the base text, by the library search's rules
        (:mod:`store.search.within`): a word's literal matches (ignoring case and width) and its
        other forms by dictionary form (取り組む → 取り組み), a ``"phrase"`` as written, and for
        several words their matches in the paragraphs holding all of them (not a ``-word``).
        The one matcher for the count while typing and the search itself (kept per query);
        None when ``cancelled`` answered True on the way."""
        doc = self.document
        if doc is None:
            return []
        found = self._found.get(query)
        if found is not None:
            return found

        folded = self._folded_text()
        text = self._search_text()

        def spans_of(term: Term) -> list[tuple[int, int]] | None:
            literal = find_literal(text.text, term.text, folded)
            if term.phrase:
                return literal
            words = self._word_forms(doc, term.text, cancelled)
            return None if words is None else merge_spans(literal, words)

        found = matches_within(text.starts, parse_query(query), spans_of)
        if found is None:
            return None
        if doc is self.document:
            if len(self._found) > 32:
                self._found.clear()
            self._found[query] = found
        return found

    def _literal_matches(self, doc: Document, query: str) -> list[tuple[int, int]]:
        """``query``'s matches without other word forms: shown at once, the rest follows."""
        folded = self._folded_text()
        text = self._search_text()
        found = matches_within(
            text.starts,
            parse_query(query),
            lambda term: find_literal(text.text, term.text, folded),
        )
        return found or []

    def _word_forms(
        self, doc: Document, query: str, cancelled: Callable[[], bool]
    ) -> list[tuple[int, int]] | None:
        """Spans of the other forms of a one-word ``query`` (none without a working
        analyser, or for a query that is not one word)."""
        try:
            from store.japanese import tokenize

            q = [m for m in tokenize(query) if m.surface.strip()]
        except Exception:  # no analyser: the literal matches are all there is
            return []
        if not is_word_query(q):
            return []
        found: list[tuple[int, int]] = []
        text = self._search_text()
        paragraphs = [b.text for b in doc.blocks] + [n.text for n in doc.footnotes]
        for i, paragraph in enumerate(paragraphs):  # blocks, then notes (keys past the blocks)
            if cancelled() or doc is not self.document:
                return None
            if not paragraph:
                continue
            morphemes = self._morphemes.get(i)
            if morphemes is None:
                morphemes = self._morphemes[i] = tokenize(paragraph)
            found.extend(find_word(morphemes, q[0], text.starts[i]))
        return found

    def search(self, query: str, at: tuple[int, int] | None = None) -> None:
        """Find ``query`` (and, for one word, its other forms): at once when the search bar
        has counted it already, else the literal matches now and the rest from a worker.

        ``at`` is a match found elsewhere (the library search: a word form the analyser has
        not confirmed here yet): it is the current match, and ``n``/``N`` go on from it."""
        doc = self.document
        if doc is None:
            return
        self._query = query
        found = self._found.get(query)
        if found is not None:
            self._matches = merge_spans(found, [at] if at is not None else [])
            self._goto_first_match(at)
            return
        literal = self._literal_matches(doc, query)
        self._matches = merge_spans(literal, [at]) if at is not None else literal
        self._goto_first_match(at)
        self._search_words(query, self._gen)

    def span_of(
        self, block: int, offset: int, length: int, footnote: str = ""
    ) -> tuple[int, int] | None:
        """A library result (block and offset, or footnote ``footnote`` and offset in it) as a
        span of what ``/`` searches; None when the document has no such place."""
        doc = self.document
        if doc is None:
            return None
        if footnote:
            begin = self._search_text().note_start(footnote)
            return None if begin is None else (begin + offset, begin + offset + length)
        if not 0 <= block < len(doc.blocks):
            return None
        start = doc.block_starts[block] + offset
        return (start, start + length)

    def show_matches(self, label: str, spans: list[tuple[int, int]], at: tuple[int, int]) -> None:
        """Go through ``spans`` (a library query's own results in this document, found
        elsewhere) with ``n``/``N``, starting at ``at``; ``label`` is what the header shows."""
        if self.document is None:
            return
        self._query = label
        self._matches = merge_spans(sorted(spans), [at])
        self._goto_first_match(at)

    def _goto_first_match(self, at: tuple[int, int] | None = None) -> None:
        """To ``at`` (a match found elsewhere), else the first match from the cursor on."""
        if not self._matches:
            self._match = -1
            self._report_search()
            self._refresh_lines()
            return
        if at is not None and at in self._matches:
            self._match = self._matches.index(at)
        else:
            key = self._search_text().reading_key
            ranked = [key(self._matches[i]) for i in self._order]
            k = bisect_left(ranked, (self.cursor, 0, -1))
            self._match = self._order[k] if k < len(self._order) else self._order[0]
        self._show_match()

    def _show_match(self) -> None:
        """Go to the current match; one in a footnote: to its marker, and open the note with
        its matches highlighted (``n``/``N`` there go on with this search)."""
        self._anchor = None
        start = self._matches[self._match][0]
        note = self._search_text().note_at(start)
        if note is None:
            self._move_cursor(start)
            self._report_search()
            return
        note_id, offset, marker = note
        self._move_cursor(max(0, marker - 1))  # where ] puts the cursor: the marker's word
        self._report_search()
        begin = start - offset  # where the note's text starts in the search text
        text = self._search_text()
        spans = [
            (s - begin, e - begin)
            for s, e in self._matches
            if (found := text.note_at(s)) is not None and found[0] == note_id
        ]
        current = next(i for i, (s, _e) in enumerate(spans) if s == offset)
        self.open_footnote(note_id, matches=spans, current=current)

    def _report_search(self) -> None:
        """Tell the screen (which shows it in one place, updated in place): no toasts. The
        index is the match's place in reading order."""
        index = self._rank[self._match] if 0 <= self._match < len(self._rank) else -1
        self.post_message(self.SearchChanged(self._query, index, len(self._matches)))

    def step_match(self, delta: int) -> None:
        """``n`` (1) / ``N`` (-1): the next or previous match in reading order."""
        if not self._matches:
            if self._query:
                self._report_search()
            return
        rank = self._rank[self._match] if 0 <= self._match < len(self._rank) else -1
        self._match = self._order[(rank + delta) % len(self._order)]
        self._show_match()

    @work(thread=True, exclusive=True, group="reader-search")
    def _search_words(self, query: str, gen: int) -> None:
        """The whole match list (word forms added) for a search started before it was
        counted; the literal matches stay if there is no working analyser."""
        worker = get_current_worker()
        found = self.find_matches(query, lambda: worker.is_cancelled or query != self._query)
        if found:
            self.app.call_from_thread(self._add_matches, query, found)

    def _add_matches(self, query: str, found: list[tuple[int, int]]) -> None:
        if query != self._query:
            return
        current = self._matches[self._match] if 0 <= self._match < len(self._matches) else None
        merged = merge_spans(self._matches, found)
        if len(merged) == len(self._matches):
            return
        self._matches = merged
        if current is not None:
            self._match = max(0, bisect_right(self._matches, current) - 1)
            self._report_search()
            self._refresh_lines()
        else:
            self._goto_first_match()

    def action_next_match(self) -> None:
        self.step_match(1)

    def action_prev_match(self) -> None:
        self.step_match(-1)


class FootnoteView(ReaderView):
    """One footnote's text as the reader draws it (furigana, wrapping), for a popup.

    ``readings`` come already chosen by the main reader for its ``mode`` (``inline`` shows
    them as ``漢字(かんじ)``), drawn in its ``style``.
    """

    NO_MARKERS = "A note has no markers of its own: Escape goes back to the text"

    BINDINGS: ClassVar[list[BindingType]] = [
        # The reader's ``y`` (its own id, so a keymap moves both): here it cites with the note.
        _b(
            "y",
            "copy",
            "Cite",
            "copy",
            tooltip="Copy the selection as a citation that names its note (…、注2。)",
        ),
        _b("Y", "copy_source", "Copy the citation without the quote", "cite_source"),
    ]

    def __init__(
        self,
        note: Footnote,
        readings: Sequence[Any],
        *,
        mode: str = "all",
        style: str = "auto",
        matches: Sequence[tuple[int, int]] = (),
        current: int = -1,
        step: Callable[[int], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        #: ``n``/``N`` here go on with the reader's search (the popup closes for it).
        self._step = step
        self.note, self.note_readings = note, list(readings)
        #: The main reader's mode: the readings come chosen for it, and it decides the style.
        self.source_mode = mode
        self.measure = 0  # a popup is as wide as it is
        self.furigana_style = style
        self.furigana_mode = "inline" if mode == "inline" else "all"
        # Shown at once (laid out when sized), so the popup can measure the note.
        from store.japanese.document import DocumentReadings

        ruby = [Ruby(r.start, r.end, r.reading) for r in note.ruby]
        doc = Document(title=note.id, blocks=[Block("paragraph", note.text, ruby=ruby)])
        self.show(
            doc,
            readings=DocumentReadings([self.note_readings], texts=[note.text], headings=[False]),
        )
        if 0 <= current < len(matches):  # the reader's search landed here: show its matches
            self._matches = sorted(matches)
            self._match = self._matches.index(matches[current])
            self._move_cursor(matches[current][0])

    @property
    def footnote_id(self) -> str:
        return self.note.id

    def take_readings(self, readings: Sequence[Any]) -> None:
        """The main reader's analysis reached the note (it opened before): show them."""
        if list(readings) == self.note_readings:
            return
        from store.japanese.document import DocumentReadings

        self.note_readings = list(readings)
        note = self.note
        self.set_readings(DocumentReadings([self.note_readings], texts=[note.text], headings=[False]))

    def action_copy_source(self) -> None:
        """``Y``: the citation of the selection without its quote, or of the whole note (its
        source and 注N) when nothing is selected."""
        sel = self.selection or (0, len(self.note.text))
        text = self.note.text[sel[0] : sel[1]]
        self.post_message(
            self.SelectionCopied(text, sel[0], sel[1], note=self.note.id, source_only=True)
        )
        if self.selection is not None:
            self.finish_selection()

    def step_match(self, delta: int) -> None:
        if self._step is not None:
            self._step(delta)
        else:
            super().step_match(delta)

    def _reading_mode(self) -> str:
        return self.source_mode


__all__ = ["FURIGANA_MODES", "HIGHLIGHT_NAMES", "FootnoteView", "ReaderView"]
