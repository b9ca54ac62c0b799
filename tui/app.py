"""The Shiori app: wires the library tree, the reader and the sidebar, and owns their state.

Widgets post messages; only the App changes state (which document is open, which panes are
shown, the theme). Importing documents and analysing their readings run in thread workers that
post messages back, so the first screen paints before the dictionary has loaded. The library
tree is filled from the index's catalog at once (real titles, no document opened); the index
is brought up to date in a worker after the first paint, its progress in the tree's root.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Any, ClassVar, cast

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import get_current_worker

from store import positions, registers
from store.citation import source_meta
from store.files import describe
from store.library import Library, LibraryEntry, SortKey, doc_key
from store.model import Block, Document
from store.registers import NAMES, Register, register_of, save_register
from store.terminal_safe import safe_line, safe_text
from tui import compositor_cuts, line_breaking, toast_timeout
from tui import keymap as keymaps
from tui.annotation_chips import highlight_variables
from tui.annotations_ui import AnnotationsController
from tui.key_order import KeyOrder
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.reader_popups import OpensReaderPopups
from tui.settings import Settings, load_settings, save_settings
from tui.widgets.doc_tree import DocTree
from tui.widgets.header import ShioriHeader
from tui.widgets.library_pane import LibraryPane
from tui.widgets.reader import READING_STYLES, ReaderView, reading_fraction
from tui.widgets.sidebar import Sidebar

STYLES = Path(__file__).resolve().parent / "styles"
#: Widths (cells) at which the side panes are shown by default.
TREE_MIN_WIDTH = 100
SIDEBAR_MIN_WIDTH = 160
#: Imported documents kept in memory for quick switching.
DOCUMENT_CACHE = 8
#: Seconds between writes of the reading position while reading.
POSITION_SAVE_DELAY = 1.0

#: What the reader shows for a document with no text whose import said nothing about it.
NO_TEXT = "no text: nothing to read"

#: Key symbols Textual shows that are East Asian Ambiguous width (drawn two cells wide by some
#: CJK terminals), replaced by their names.
KEY_SYMBOL_NAMES = {
    "↑": "up",
    "↓": "down",
    "←": "left",
    "→": "right",
    "⏎": "enter",
    "⌫": "backspace",
}


def welcome_document(key: Callable[[str], str]) -> Document:
    """What the reader shows before any document is open; ``key(binding_id)`` is the key in
    force for that binding (after the user's keymap), so the text never names a stale key."""
    return Document(
        title="Shiori",
        blocks=[
            Block("heading", "栞 Shiori", level=1),
            Block(
                "paragraph",
                f"Choose a document in the library on the left: {key('tree.open')} opens it, "
                f"{key('tree.expand')} shows its headings, {key('tree.filter')} filters the "
                f"list by title. {key('app.library_search')} searches every document. "
                f"{key('app.toggle_tree')} shows or "
                f"hides the library, {key('app.help')} lists every key, "
                f"{key('app.command_palette')} finds any command by name, "
                f"{key('app.quit')} quits.",
            ),
        ],
    )


@dataclass(frozen=True)
class OpenedFile:
    """A file given on the command line, already imported (so errors came before the UI)."""

    path: Path
    document: Document

    @classmethod
    def given(cls, path: Path, document: Document) -> OpenedFile:
        """The file as the app opens it: the library's copy of it when the library holds its
        bytes (``store.library.named_file``), so ``shiori news.html`` after ``shiori add
        news.html`` is ``lib:news.html`` with its annotations, metadata and place. Found
        here, before the app starts: a stat per library document is not paid on the UI."""
        from store.library import named_file

        return cls(named_file(path).path, document)


class DocumentImported(Message):
    def __init__(self, key: str, path: Path, document: Document, block: int | None) -> None:
        super().__init__()
        self.key, self.path, self.document, self.block = key, path, document, block


class DocumentFailed(Message):
    def __init__(self, key: str, path: Path, error: str, for_outline: bool) -> None:
        super().__init__()
        self.key, self.path, self.error, self.for_outline = key, path, error, for_outline


class ImportProgress(Message):
    """A long import (a PDF's pages, an EPUB's chapters) got this far."""

    def __init__(self, key: str, done: int, total: int) -> None:
        super().__init__()
        self.key, self.done, self.total = key, done, total


class IndexProgress(Message):
    """The library index's background update got this far (bytes of the files read)."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class IndexSynced(Message):
    """The library index is up to date: the tree can show what it now knows."""

    def __init__(
        self, records: dict[str, Any], notices: list[str], failed: int, changed: bool
    ) -> None:
        super().__init__()
        self.records, self.notices, self.failed = records, notices, failed
        #: Whether any document was indexed again or dropped.
        self.changed = changed


@dataclass(frozen=True)
class MatchTarget:
    """Where a library search result is: the reader goes there and ``n``/``N`` go on with
    ``term`` (the query's word the result matched) — or, for a query that one word cannot
    say (several words, a phrase, words left out, annotated passages only), through
    ``results``: the query's own results in the document, as (block, offset, length), under
    the label ``query``."""

    block: int
    offset: int
    length: int
    term: str
    results: tuple[tuple[int, int, int, str], ...] = ()
    query: str = ""
    #: The result is in this footnote (``offset``/``length`` into its text; ``block`` holds
    #: its marker); ``results``' fourth field says the same of each.
    footnote: str = ""


class OutlineImported(Message):
    def __init__(self, key: str, document: Document) -> None:
        super().__init__()
        self.key, self.document = key, document


def import_document(path: Path, progress: Callable[[int, int], None] | None = None) -> Document:
    """The importer (through its cache, so a reopened document is not imported again),
    imported lazily so the first paint does not wait for it."""
    from store.document_cache import load_document

    return load_document(path, progress=progress)


def import_error_text(exc: BaseException, path: Path) -> str:
    """One line for a failed import, naming the file once (``ImportFailed`` already does)."""
    from store.files import shown
    from store.importer import ImportFailed

    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if isinstance(exc, ImportFailed) else f"{shown(path.name)}: {text}"


def _position_error(exc: OSError) -> str:
    return f"could not save the reading position: {exc}"


def shiori_commands() -> type[Any]:
    """The palette's provider, imported when the palette first opens (not at start-up)."""
    from tui.palette import ShioriCommands

    return ShioriCommands


class ShioriApp(App[None]):
    #: Absolute, so that a subclass defined elsewhere (the reader benchmark's) finds them too.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        STYLES / "app.tcss",
        STYLES / "annotations.tcss",
        STYLES / "library.tcss",
    ]
    TITLE = "Shiori"
    COMMANDS: ClassVar[set[Any]] = App.COMMANDS | {shiori_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="Show every key", id="app.help"),
        Binding("q", "quit", "Quit", tooltip="Quit Shiori", id="app.quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            tooltip="Find a command by name",
            id="app.command_palette",
        ),
        Binding(
            "ctrl+t",
            "change_theme",
            "Theme",
            show=False,
            tooltip="Choose the colour theme",
            id="app.theme",
        ),
    ]

    def __init__(self, opened: OpenedFile | None = None) -> None:
        line_breaking.install()  # every widget wraps Japanese as the reader does
        toast_timeout.install()  # a toast already due goes away instead of freezing the app
        compositor_cuts.install()  # a kanji over a widget edge (a toast's) is never blanked
        super().__init__()
        self._opened = opened
        #: The unhandled exception that ended the app, if one did (``run_app`` reports it).
        self.crash: BaseException | None = None
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._paths: dict[str, Path] = {}
        #: Library titles (metadata) by key; the header prefers them to the imported title.
        self._titles: dict[str, str] = {}
        #: Documents whose import notices have been told in this run.
        self._noticed: set[str] = set()
        self.current_key: str | None = None
        self.current_document: Document | None = None
        self._pending_position: tuple[str, positions.Position] | None = None
        self._position_timer: Any = None
        #: Set by ``run_app`` for the command line, whose process ends as soon as the app has
        #: exited (``tui.quick_exit``): quitting then skips the teardown of every widget, and
        #: the reading position is saved while the terminal is being restored.
        self.leaving_process = False
        self._saving_on_exit: threading.Thread | None = None
        self._exit_save_error: str | None = None
        self._width_band: str | None = None
        #: A document is being opened at start-up (panes are fitted for reading meanwhile).
        self._document_coming = False
        self.tree_shown = True
        self.sidebar_shown = True
        #: What the user last chose with ``t`` / ``s`` (None: no choice, the band decides);
        #: a resize across a width band keeps a choice instead of resetting it.
        self._tree_choice: bool | None = None
        self._sidebar_choice: bool | None = None
        #: The sidebar was put away for the tree on a narrow terminal: back when the tree goes.
        self._sidebar_under_tree = False
        self.settings = Settings()
        self.keymap: dict[str, str] = {}
        #: Highlights, notes, tags and citations (tui/annotations_ui.py).
        self.annotations = AnnotationsController(self)
        #: The documents and their metadata (the user's from the annotation store).
        self.library: Library = self.annotations.library
        #: The index's catalog (titles, authors, dates of every document), by key.
        self.catalog: dict[str, Any] = {}
        self.library_entries: list[LibraryEntry] = []
        self._every_document: tuple[object, list[LibraryEntry]] | None = None
        #: Whether the library index is being brought up to date (the search screen says so).
        self.indexing: float | None = None
        #: A search result to show once its document is open.
        self._pending_match: tuple[str, MatchTarget] | None = None
        from tui.screens.library_search import SearchState

        #: The library search's query and options, kept between its openings.
        self.library_search_state = SearchState()
        #: Keys read in one burst wait for the app to settle from the one before (key_order).
        self._key_order = KeyOrder(self)

    # Set-up ---------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._key_order.hold(event):
                return
            await super().on_event(event)
            self._key_order.routed()
            return
        await super().on_event(event)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Textual's, plus the highlight palette (``$highlight-<colour key>``)."""
        return {**super().get_theme_variable_defaults(), **highlight_variables()}

    def get_system_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        """Textual's palette commands but its "Quit" and "Keys", which stood beside Shiori's own
        (``Quit Shiori``, ``Show every key``) and did otherwise: Textual's key panel is not the
        help, and its quit skips Shiori's quick exit."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Keys"):
                yield command

    def get_default_screen(self) -> Screen[Any]:
        return MainScreen()

    def on_mount(self) -> None:
        self.settings, notice = load_settings()
        self._sidebar_choice = self.settings.sidebar_shown
        for text in (notice, positions.check(), registers.check()):
            if text:
                self.notify(text, severity="warning", timeout=8, markup=False)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.keymap, notices = keymaps.load_keymap()
        if self.keymap:
            self.set_keymap(self.keymap)
            unknown = keymaps.unknown_ids(self.keymap, declared_binding_ids())
            if unknown:
                notices.append(f"{keymaps.FILE_NAME}: no binding has the id {', '.join(unknown)}")
        for text in notices:
            self.notify(text, severity="warning", timeout=8, markup=False)

    async def main_screen_ready(self) -> None:
        """Called by the main screen once its panes exist: fill them."""
        # A document is about to open (the file given, or the one read last): the panes are
        # fitted for reading from the first frame, so the text is laid out once at its width.
        self._document_coming = self._opened is not None or positions.last_read() is not None
        self.fit_panes_to_width(self.size.width)
        reader = self.reader
        settings = self.settings
        if settings.furigana_mode in {mode for mode, _ in self.furigana_modes()}:
            reader.furigana_mode = settings.furigana_mode
        if settings.furigana_style in {style for style, _ in self.reading_styles()}:
            reader.furigana_style = settings.furigana_style
        reader.measure = max(0, settings.measure)
        self.watch(reader, "furigana_mode", self._remember_furigana_mode, init=False)
        self.watch(reader, "furigana_style", self._remember_furigana_style, init=False)
        self.watch(reader, "measure", self._remember_measure, init=False)
        self.call_after_refresh(self.annotations.attach)  # after the first paint
        self._fill_library()
        self.call_after_refresh(self.sync_index)  # after the first paint

    def _fill_library(self) -> None:
        tree = self.doc_tree
        if self._opened is not None:
            # The tree lists the file given; a document opened later (the library search,
            # an annotation) joins it when shown (``_list_shown``).
            path, doc = self._opened.path, self._opened.document
            key = doc_key(path)
            tree.set_entries([])
            self._remember(key, path, doc)
            self._show(key, doc, None)
            return
        from store.search.index import read_catalog

        self.catalog = read_catalog()
        self._list_library(sort=self._saved_sort())
        last = positions.last_read()
        if last in self._paths:
            self.open_document(last, self._paths[last])
        else:
            self._document_coming = False
            self._show_welcome()

    def _saved_sort(self) -> SortKey:
        from typing import get_args

        sort = self.settings.library_sort
        return cast(SortKey, sort) if sort in get_args(SortKey) else "title"

    def _list_library(self, sort: SortKey | None = None) -> None:
        """(Re)fill the tree from the library's files, their metadata and the catalog."""
        entries = self.library_entries = self.library.entries(self.catalog)
        for entry in entries:
            self._paths[entry.key] = entry.path
            self._titles[entry.key] = entry.meta.title
        self.doc_tree.set_entries(entries, read=positions.read_times(), sort=sort)

    def every_document(self) -> list[LibraryEntry]:
        """The whole library, also after ``shiori FILE`` (whose tree lists that file only):
        what the command palette opens by title."""
        if self._opened is None or self.library_entries:
            return self.library_entries
        cached = self._every_document
        if cached is None or cached[0] is not self.catalog:  # once per state of the index
            cached = self._every_document = (self.catalog, self.library.entries(self.catalog))
        return cached[1]

    def refresh_library(self) -> None:
        """The library changed (a document added, removed, retitled): show it as it is now."""
        if self._opened is None:
            self._list_library()
        if self.current_key in self._titles:
            self.header.doc_title = self._titles[self.current_key] or self.header.doc_title

    # The library index ----------------------------------------------------------------------

    def sync_index(self) -> None:
        """Bring the library index up to date in a worker (new, changed, removed files)."""
        self._index_worker()

    @work(thread=True, exclusive=True, group="library-index", exit_on_error=False)
    def _index_worker(self) -> None:
        """(Thread) bring the index up to date: new and changed documents are read."""
        from store.search.index import LibraryIndex

        worker = get_current_worker()
        self.annotations._open_repo()  # the user's titles, for when the tree is listed again
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.2 or done >= total:
                last[0] = now
                self.post_message(IndexProgress(done, total))

        with LibraryIndex() as index:
            report = index.sync(
                self.library.files(), progress=progress, cancelled=lambda: worker.is_cancelled
            )
            records = index.records()
        if not worker.is_cancelled:
            changed = bool(report.indexed or report.removed)
            self.post_message(IndexSynced(records, report.notices, len(report.failed), changed))

    def on_index_progress(self, message: IndexProgress) -> None:
        fraction = message.done / max(1, message.total)
        self.indexing = fraction if fraction < 1 else None
        if self._opened is None:
            self.doc_tree.set_status(
                f"indexing {fraction:.0%}" if self.indexing is not None else ""
            )
        screen = self._library_search_screen()
        if screen is not None:
            screen.index_changed(rerun=False)

    def on_index_synced(self, message: IndexSynced) -> None:
        self.indexing = None
        self.catalog = message.records
        for text in message.notices:
            self.notify(text, severity="warning", timeout=8, markup=False)
        self.doc_tree.set_status("")
        if message.changed or not self.library_entries:
            self.refresh_library()
        screen = self._library_search_screen()
        if screen is not None:
            screen.index_changed(rerun=message.changed)

    def _library_search_screen(self) -> Any:
        from tui.screens.library_search import LibrarySearchScreen

        screen = self.screen
        return screen if isinstance(screen, LibrarySearchScreen) else None

    def on_reader_view_selection_copied(self, message: ReaderView.SelectionCopied) -> None:
        """A passage copied in a footnote's popup (the main screen handles the reader's own):
        ``y`` cites it with its note, ``ctrl+c`` copies it as it is."""
        message.stop()
        if message.as_citation:
            self.annotations.cite_note(
                message.note, (message.start, message.end), source_only=message.source_only
            )
        else:
            self.annotations.copy(message.text)

    def on_reader_view_word_info_requested(self, message: ReaderView.WordInfoRequested) -> None:
        """``K`` in a footnote's popup (the main screen handles the reader's own): the word's
        popup over the note, ``e`` there correcting its reading as on the page."""
        message.stop()
        screen = self.main_screen
        if isinstance(screen, OpensReaderPopups):
            screen.show_word_info(message)

    def on_doc_tree_sort_changed(self, message: DocTree.SortChanged) -> None:
        self.settings.library_sort = message.sort
        self._save_settings()

    def on_doc_tree_remove_requested(self, message: DocTree.RemoveRequested) -> None:
        self.ask_to_remove(message.target.key)

    def ask_to_remove(self, key: str) -> None:
        """Ask, then take the document out of the library (its annotations stay)."""
        from tui.screens.confirm import ConfirmScreen

        if not key.startswith("lib:"):
            what = "bundled with Shiori" if key.startswith("seed:") else "not in the library"
            self.notify(f"This document is {what}: it cannot be removed.", timeout=5)
            return
        title = self._titles.get(key) or key[4:]
        kept = self.annotations.count_for(key)
        note = (
            f"Its {kept} annotation{'s are' if kept != 1 else ' is'} kept, shown as orphaned "
            "until the document comes back."
            if kept
            else "It has no annotations."
        )

        def done(yes: bool | None) -> None:
            if yes:
                self._remove(key)

        self.push_screen(
            ConfirmScreen(f"Remove 「{title}」 from the library?", note, "Remove"), done
        )

    def _remove(self, key: str) -> None:
        from store.library import NotRemovable, remove_document

        try:
            remove_document(key)
        except (NotRemovable, OSError) as exc:
            self.notify(f"Not removed: {exc}", severity="error", markup=False)
            return
        self._documents.pop(key, None)
        self.catalog.pop(key, None)
        if self.current_key == key:
            self.current_key = None
            self.current_document = None
            self._show_welcome()
        self.refresh_library()
        self.notify(f"Removed {self._titles.get(key) or key[4:]}.", timeout=4, markup=False)
        self.sync_index()

    # The citation keys that work in a popup too (the main screen binds its own).
    def action_show_citation(self) -> None:
        self.annotations.show_citation_dialog()

    def action_cycle_citation_style(self) -> None:
        self.annotations.cycle_style()

    def action_toggle_citation_readings(self) -> None:
        self.annotations.toggle_readings()

    def action_library_search(self) -> None:
        """Open the library search (``F``)."""
        from tui.screens.library_search import LibrarySearchScreen

        if isinstance(self.screen, LibrarySearchScreen):
            return
        self.push_screen(LibrarySearchScreen())

    def open_match(self, key: str, path: Path, target: MatchTarget) -> None:
        """Open ``key`` with the reader on ``target`` (a library search result)."""
        self._pending_match = (key, target)
        if key == self.current_key and self.current_document is not None:
            self._apply_match()
            self._after_jump()
            return
        self.open_document(key, path, target.block)

    def _apply_match(self) -> None:
        pending, self._pending_match = self._pending_match, None
        doc = self.current_document
        if pending is None or doc is None or pending[0] != self.current_key:
            return
        target = pending[1]
        if not 0 <= target.block < len(doc.blocks):
            return
        at = self.reader.span_of(target.block, target.offset, target.length, target.footnote)
        if at is None:
            return
        start = at[0]
        if target.results:
            spans = [
                span
                for b, o, n, note in target.results
                if (span := self.reader.span_of(b, o, n, note)) is not None
            ]
            self.reader.show_matches(target.query, spans, at)
        elif target.term:
            self.reader.search(target.term, at=at)
        else:  # an annotation: its passage, no search to go on with
            self.reader.goto_offset(start)

    def _show_welcome(self) -> None:
        welcome = welcome_document(self.key_for)
        self.reader.show(welcome, analyse=False)
        self.annotations.document_shown(None, None, welcome)
        self.header.doc_title = ""
        self.header.section = ""
        self.header.progress = None
        self.header.page = ""
        if not self.tree_shown:
            self._set_tree_shown(True)
        self.library_pane.focus()

    # Widgets --------------------------------------------------------------------------------

    @property
    def main_screen(self) -> Screen[Any]:
        return self.screen_stack[0]

    @property
    def reader(self) -> ReaderView:
        return self.main_screen.query_one(ReaderView)

    @property
    def header(self) -> ShioriHeader:
        return self.main_screen.query_one(ShioriHeader)

    @property
    def library_pane(self) -> LibraryPane:
        return self.main_screen.query_one(LibraryPane)

    @property
    def doc_tree(self) -> DocTree:
        return self.main_screen.query_one(DocTree)

    def panes(self) -> list[Widget]:
        screen = self.main_screen
        return [
            screen.query_one(LibraryPane),
            screen.query_one(ReaderView),
            screen.query_one(Sidebar),
        ]

    def binding_nodes(self) -> list[tuple[str, DOMNode]]:
        """Every node whose bindings the user can reach, with the pane it belongs to."""
        screen = self.main_screen
        nodes: list[tuple[str, DOMNode]] = [
            (keymaps.EVERYWHERE, self),
            (keymaps.EVERYWHERE, screen),
        ]
        for name, pane in zip(("Library tree", "Reader", "Sidebar"), self.panes(), strict=True):
            nodes.append((name, pane))
            # Our own focusable widgets inside the pane (not Textual's inputs and lists, nor
            # a text box of ours: its editing keys are Textual's, ctrl+c among them).
            nodes += [
                (name, w)
                for w in pane.query("*")
                if w.can_focus
                and type(w).__module__.startswith("tui.")
                and not isinstance(w, Input)
            ]
        return nodes

    def binding_infos(self) -> list[keymaps.BindingInfo]:
        taken = getattr(self.main_screen, "keys_taken_from", None)
        infos = keymaps.gather_bindings(self, self.binding_nodes(), taken)
        unique: dict[tuple[str, str, tuple[str, ...]], keymaps.BindingInfo] = {}
        for info in infos:
            unique.setdefault((info.group, info.action, info.keys), info)
        order: dict[str, int] = {}
        for info in unique.values():
            order.setdefault(info.group, len(order))
        return sorted(unique.values(), key=lambda info: order[info.group])

    def key_for(self, binding_id: str) -> str:
        """The first key in force for ``binding_id`` as help shows it, or "(no key)"."""
        for info in self.binding_infos():
            if info.binding_id == binding_id and info.keys:
                return info.keys[0]
        return "(no key)"

    # Opening documents ----------------------------------------------------------------------

    def _remember(self, key: str, path: Path, doc: Document) -> None:
        self._paths[key] = path
        self._documents[key] = doc
        self._documents.move_to_end(key)
        while len(self._documents) > DOCUMENT_CACHE:
            self._documents.popitem(last=False)

    def open_document(self, key: str, path: Path, block: int | None = None) -> None:
        """Show the document (importing it in a worker if needed), at ``block`` if given."""
        if key == self.current_key and self.current_document is not None:
            if block is not None:
                self.reader.goto_block(block)
            self._after_jump()
            return
        doc = self._documents.get(key)
        if doc is not None:
            self._show(key, doc, block)
            return
        self.header.section = "opening..."
        self._import(key, path, block)

    @work(thread=True, exclusive=True, group="open")
    def _import(self, key: str, path: Path, block: int | None) -> None:
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.05 or done >= total:  # the bar needs no more than 20 a second
                last[0] = now
                self.post_message(ImportProgress(key, done, total))

        try:
            doc = import_document(path, progress)
        except Exception as exc:  # the importer's own ImportFailed, or an unexpected failure
            self.post_message(
                DocumentFailed(key, path, import_error_text(exc, path), for_outline=False)
            )
            return
        if not get_current_worker().is_cancelled:
            self.post_message(DocumentImported(key, path, doc, block))

    @work(thread=True, group="outline")
    def _import_outline(self, key: str, path: Path) -> None:
        try:
            doc = import_document(path)
        except Exception as exc:
            self.post_message(
                DocumentFailed(key, path, import_error_text(exc, path), for_outline=True)
            )
            return
        self.post_message(OutlineImported(key, doc))

    def on_import_progress(self, message: ImportProgress) -> None:
        if self.header.import_fraction is None and message.done >= message.total:
            return  # a quick import: no bar flashing at its end
        self.header.import_fraction = message.done / max(1, message.total)
        self.header.section = f"opening... {message.done}/{message.total}"

    def on_document_imported(self, message: DocumentImported) -> None:
        self.header.import_fraction = None
        self._remember(message.key, message.path, message.document)
        self._show(message.key, message.document, message.block)

    def on_outline_imported(self, message: OutlineImported) -> None:
        self._documents.setdefault(message.key, message.document)
        self.doc_tree.set_outline(message.key, message.document)

    def on_document_failed(self, message: DocumentFailed) -> None:
        if message.for_outline:
            self.doc_tree.set_outline_error(
                message.key, "cannot open: " + message.error
            )
        else:
            self.header.section = ""
            self.header.import_fraction = None
            self._pending_match = None
            self.notify(message.error, severity="error", timeout=10, markup=False)
            if self._document_coming and self.current_document is None:
                self._document_coming = False
                self._show_welcome()  # the document read last did not open: the library

    def _show(self, key: str, doc: Document, block: int | None) -> None:
        self._document_coming = False
        self._flush_position()
        self.current_key = key
        self.current_document = doc
        if block is not None:
            where: positions.Position | None = positions.Position(block, 0)
        else:
            where = positions.load_position(key)
        if where is not None:
            where = positions.clamp(where, [len(b.text) for b in doc.blocks])
        self.reader.show(
            doc,
            position=(where.block, where.offset) if where else None,
            note=doc.notices or [NO_TEXT],  # shown in place of a text there is not
            register=register_of(key),
        )
        self.annotations.document_shown(key, self._paths.get(key), doc)
        self._list_shown(key, doc)
        self.header.doc_title = (
            self._titles.get(key) or doc.title or self._paths.get(key, Path(key)).stem
        )
        self._tell_notices(key, doc)
        self.header.section = ""
        at = (where.block, where.offset) if where else (0, 0)
        self.header.progress = reading_fraction(doc, *at)  # the figure the reader posts
        self.header.page = doc.page_at(*at) or ""
        tree = self.doc_tree
        if self._opened is None:
            tree.mark_read(key, time.time())
        if not tree.has_outline(key):
            tree.set_outline(key, doc)
        tree.reveal(key, where.block if where else None)
        self._apply_match()
        self._after_jump()

    def _tell_notices(self, key: str, doc: Document) -> None:
        """What the import said about a document with text ("decoded as shift_jis", "removed
        3 control characters"), in a toast the first time it is shown in a run (a document
        with none shows the notices in the reader instead)."""
        if not doc.notices or not doc.base_text.strip() or key in self._noticed:
            return
        self._noticed.add(key)
        self.notify("; ".join(doc.notices), title=self.header.doc_title, timeout=6)

    def _list_shown(self, key: str, doc: Document) -> None:
        """The tree lists the document being shown, however it was opened (the tree, the
        library search, the palette, an annotation, the command line): one the tree does not
        list yet — any but the file given, when the tree lists only that — joins it, titled
        as the library titles it (the user's metadata, the seeds' ``library.toml``, what the
        file says), else by its imported title (``store.citation.source_meta``)."""
        tree = self.doc_tree
        if tree.lists(key):
            return
        path = self._paths.get(key, Path(key))
        entry = self.library.entries(self.catalog, files=[(key, path)])[0]
        if not entry.meta.title:
            entry = replace(entry, meta=source_meta(entry.meta, key, doc.title), known=True)
        self._titles[key] = entry.meta.title
        tree.add_entry(entry)

    def _after_jump(self) -> None:
        """On narrow terminals the tree covers the text: put it away once a choice is made."""
        if self._width_band == "narrow" and self.tree_shown:
            self._set_tree_shown(False)
            self._tree_choice = None  # put away for the text, not by the user: no choice
        self.reader.focus()

    def on_doc_tree_open_requested(self, message: DocTree.OpenRequested) -> None:
        target = message.target
        self.open_document(target.key, target.path, target.block)

    def on_doc_tree_outline_wanted(self, message: DocTree.OutlineWanted) -> None:
        doc = self._documents.get(message.key)
        if doc is not None:
            self.doc_tree.set_outline(message.key, doc)
        else:
            self._import_outline(message.key, message.path)

    # Reading position -----------------------------------------------------------------------

    def main_reader_moved(self, message: ReaderView.PositionChanged) -> None:
        """The main reader's position changed (forwarded by the main screen: popups have
        readers of their own, on their own screens, whose positions are not the document's)."""
        if self.current_key is None:
            return  # the welcome text: nothing to show or remember
        if self.reader.position[0] != message.block:
            return  # stale (e.g. from the document shown before): a current one follows
        self.header.section = message.section_title
        self.header.progress = message.fraction
        doc = self.current_document
        if doc is None:
            return
        self.header.page = doc.page_at(message.block, message.offset) or ""
        self._pending_position = (
            self.current_key,
            positions.Position(message.block, message.offset, doc.content_hash),
        )
        if self._position_timer is None:
            self._position_timer = self.set_timer(POSITION_SAVE_DELAY, self._flush_position)

    def _flush_position(self, *, exiting: bool = False) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
            self._position_timer = None
        pending, self._pending_position = self._pending_position, None
        if pending is None:
            return
        if exiting and self.leaving_process:
            # Two fsyncs (10-70 ms) need not hold up the terminal: run_app waits for them.
            self._saving_on_exit = threading.Thread(
                target=self._save_position_on_exit, args=pending, name="position"
            )
            self._saving_on_exit.start()
            return
        try:
            positions.save_position(*pending)
        except OSError as exc:
            self.notify(_position_error(exc), severity="warning", markup=False)

    def _save_position_on_exit(self, key: str, position: positions.Position) -> None:
        try:
            positions.save_position(key, position)
        except OSError as exc:
            self._exit_save_error = _position_error(exc)

    def position_saved(self) -> str | None:
        """Wait for the reading position saved on the way out (``leaving_process``); what
        went wrong, if anything, for the command line to say once the terminal is back."""
        if self._saving_on_exit is not None:
            self._saving_on_exit.join()
        return self._exit_save_error

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._flush_position(exiting=True)
        self.workers.cancel_all()  # background analysis and layout stop now, not after a queue
        super().exit(*args, **kwargs)

    async def _shutdown(self) -> None:
        """Textual closes every widget, one message queue after another (20-60 ms with a
        large document); a process about to end (``leaving_process``) needs none of it — only
        the driver's last output, the restored terminal, flushed. A crash shuts down fully."""
        if not self.leaving_process or self.crash is not None:
            await super()._shutdown()
            return
        self._running = False
        driver = self._driver
        if driver is not None:
            driver.disable_input()
            driver.close()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast (widgets' too: theirs come here) goes through the terminal gate, as
        plain text: a file name, a note or an error message can neither reach the terminal
        raw nor be read as markup."""
        super().notify(
            safe_text(message),
            title=safe_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def _fatal_error(self) -> None:
        """An unhandled exception ends the app: ``run_app`` reports it in one line and exits
        non-zero (instead of Textual's full traceback on the terminal)."""
        self.crash = self._exception or sys.exc_info()[1] or RuntimeError("unknown error")
        self.bell()
        self._close_messages_no_wait()

    def get_driver_class(self) -> Any:
        """Textual's driver for this platform, on Linux one that does not wait on quit."""
        driver = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver is LinuxDriver:
            from tui.quick_exit import QuickExitDriver

            return QuickExitDriver
        return driver

    # Panes ----------------------------------------------------------------------------------

    def fit_panes_to_width(self, width: int) -> None:
        """Show the side panes that fit the width, unless the user chose otherwise (t / s)."""
        band = (
            "narrow"
            if width < TREE_MIN_WIDTH
            else "medium"
            if width < SIDEBAR_MIN_WIDTH
            else "wide"
        )
        if band == self._width_band:
            return
        self._width_band = band
        self._sidebar_under_tree = False
        screen = self.main_screen
        # Inline widths rather than a screen class: restyling every widget costs a frame.
        for pane, narrow_width, narrow_max in (
            (screen.query_one(LibraryPane), "70%", 48),
            (screen.query_one(Sidebar), "60%", 40),
        ):
            if band == "narrow":
                pane.styles.width = narrow_width
                pane.styles.max_width = narrow_max
            else:
                pane.styles.clear_rule("width")
                pane.styles.clear_rule("max_width")
        no_document = self.current_document is None and not self._document_coming
        tree_default = band != "narrow" or no_document
        self._set_tree_shown(tree_default if self._tree_choice is None else self._tree_choice)
        sidebar_default = band == "wide"
        self._set_sidebar_shown(
            sidebar_default if self._sidebar_choice is None else self._sidebar_choice
        )

    def _set_tree_shown(self, shown: bool) -> None:
        """Show or hide the tree. On a narrow terminal the tree and the sidebar each cover the
        text, and both together left it no width at all: the tree puts the sidebar away while
        it is shown, and gives it back when it goes."""
        self.tree_shown = shown
        pane = self.library_pane
        pane.display = shown
        if not shown and pane.has_focus_within:
            self.reader.focus()
        if self._width_band != "narrow":
            return
        if shown and self.sidebar_shown:
            self._set_sidebar_shown(False)
            self._sidebar_under_tree = True
        elif not shown and self._sidebar_under_tree:
            self._sidebar_under_tree = False
            self._set_sidebar_shown(True)

    def _set_sidebar_shown(self, shown: bool) -> None:
        """Show or hide the sidebar; on a narrow terminal showing it puts the tree away (and
        hiding it, whatever hides it, means it is not waiting under the tree to come back)."""
        self._sidebar_under_tree = False
        self.sidebar_shown = shown
        sidebar = self.main_screen.query_one(Sidebar)
        sidebar.display = shown
        if not shown and sidebar.has_focus_within:
            self.reader.focus()
        if shown and self._width_band == "narrow" and self.tree_shown:
            self._set_tree_shown(False)

    def action_toggle_tree(self) -> None:
        """Show or hide the library tree."""
        self._set_tree_shown(not self.tree_shown)
        self._tree_choice = self.tree_shown
        if self.tree_shown:
            self.library_pane.focus()

    def action_toggle_sidebar(self) -> None:
        """Show or hide the annotation sidebar."""
        self._set_sidebar_shown(not self.sidebar_shown)
        self._sidebar_choice = self.sidebar_shown
        self.settings.sidebar_shown = self.sidebar_shown
        self._save_settings()

    def _cycle_pane(self, step: int) -> None:
        panes = [p for p in self.panes() if p.display]
        focused = self.main_screen.focused
        current = next(
            (
                i
                for i, p in enumerate(panes)
                if focused is not None and (focused is p or p in focused.ancestors)
            ),
            -1,
        )
        panes[(current + step) % len(panes)].focus()

    def action_next_pane(self) -> None:
        self._cycle_pane(+1)

    def action_previous_pane(self) -> None:
        self._cycle_pane(-1)

    def get_key_display(self, binding: Binding) -> str:
        """Textual's key display, with arrows and the return symbol spelled out in ASCII."""
        display = super().get_key_display(binding)
        for symbol, name in KEY_SYMBOL_NAMES.items():
            display = display.replace(symbol, name)
        return display

    # Help, themes, furigana -----------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.binding_infos()))

    def set_theme(self, name: str) -> None:
        self.theme = name

    def _remember_theme(self, theme: Any) -> None:
        self.settings.theme = theme.name
        self._save_settings()

    def furigana_modes(self) -> list[tuple[str, str]]:
        """``(mode, label)`` for each furigana mode the reader offers."""
        return list(ReaderView.FURIGANA_MODES)

    def set_furigana_mode(self, mode: str) -> None:
        self.reader.furigana_mode = mode

    def _remember_furigana_mode(self, mode: str) -> None:
        self.settings.furigana_mode = mode
        self._save_settings()

    def reading_registers(self) -> list[tuple[Register | None, str]]:
        """``(register, label)`` for each register the user can choose for a document's readings
        (None: the one the analyser detects); the one the open document follows says so."""
        chosen: list[tuple[Register | None, str]] = [(r, f"as {n}") for r, n in NAMES.items()]
        now = self.reader.register if self.current_document is not None else -1
        return [
            (r, f"{label} (now)" if r == now else label)
            for r, label in [(None, "as detected"), *chosen]
        ]

    def set_register(self, register: Register | None) -> None:
        """Read the open document as ``register`` (remembered for it; None: as detected)."""
        key, doc = self.current_key, self.current_document
        if key is None or doc is None:
            self.notify("Open a document first.", timeout=3)
            return
        try:
            save_register(key, register)
        except OSError as exc:
            self.notify(f"Cannot remember the choice: {describe(exc)}", severity="error")
        self.reader.set_register(register)
        said = "as the text suggests" if register is None else NAMES[register]
        self.notify(f"Readings of this document: {said}.", timeout=4)

    def reading_styles(self) -> list[tuple[str, str]]:
        """``(style, label)`` for each way the reader draws readings."""
        return list(READING_STYLES)

    def set_furigana_style(self, style: str) -> None:
        self.reader.furigana_style = style

    def _remember_furigana_style(self, style: str) -> None:
        self.settings.furigana_style = style
        self._save_settings()

    def set_measure(self, measure: int) -> None:
        """At most ``measure`` full-width characters per line (0: the pane's width)."""
        self.reader.measure = measure

    def _remember_measure(self, measure: int) -> None:
        self.settings.measure = measure
        self._save_settings()

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.notify(f"could not save settings: {exc}", severity="warning", markup=False)


def declared_binding_ids() -> set[str]:
    """Binding ids declared by any loaded widget class (popups included, mounted or not)."""
    found: set[str] = set()
    stack: list[type[DOMNode]] = [DOMNode]
    seen: set[type[DOMNode]] = set()
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        stack.extend(cls.__subclasses__())
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                found.add(binding.id)
    return found


def run_app(
    file: str | None, app_class: type[ShioriApp] = ShioriApp, *, exit_when_done: bool = False
) -> int:
    """``shiori [FILE]``: import FILE first (errors: one line, exit 2), then run the app.

    An unhandled exception in the app ends it with one line on stderr (the traceback goes to
    the crash report) and exit status 70, never 0. ``app_class`` lets the reader benchmark run
    a subclass that exits once it has painted. ``exit_when_done`` (the command line) ends the
    process once the app has run, without waiting on threads or teardown (``tui.quick_exit``);
    a file that does not import returns its status like any command.
    """
    from tui.cli import CRASHED
    from tui.commands._io import crash_line, fail

    opened = None
    if file is not None:
        from tui.commands._progress import import_progress

        path = Path(file).expanduser()
        try:
            with import_progress(file) as progress:
                document = import_document(path, progress)
        except Exception as exc:
            return fail("shiori", import_error_text(exc, path), 2)
        opened = OpenedFile.given(path, document)
    app = app_class(opened)
    app.leaving_process = exit_when_done
    if exit_when_done:
        # A loop of our own: asyncio.run would, on the way out, wait for every thread worker
        # still running (a paragraph of analysis, a layout) — 0.4-1.4 s on a large document.
        app.run(loop=asyncio.new_event_loop())
    else:
        app.run()
    code = fail("shiori", crash_line(app.crash), CRASHED) if app.crash else app.return_code or 0
    position_error = app.position_saved()
    if position_error:
        fail("shiori", position_error)
    if exit_when_done:
        from tui.quick_exit import exit_now

        exit_now(code)
    return code
