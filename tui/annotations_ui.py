"""Annotations in the reader: the controller between the store and the screen.

The App owns one :class:`AnnotationsController` (``app.annotations``); the main screen gets the
keys from :class:`~tui.screens.annotation_keys.AnnotationKeys` (a Screen base class, re-exported
here), the sidebar shows an
:class:`~tui.widgets.annotation_list.AnnotationList`. The controller keeps the open document's
annotations in memory, sorted by position, and rebuilds the reader's highlights and the sidebar
only when they change (open, create, edit, delete, undo, re-attach): never per keystroke, so a
document carrying a thousand annotations opens and scrolls as fast as one without.

Copying goes through :func:`store.clipboard.copy_text`: the system clipboard where it works,
always OSC 52 through Textual's driver (wrapped for tmux), and the status line says which route
was taken. When neither can work, or the first time in a session that only OSC 52 was possible
(we cannot know whether the terminal took it), the citation is shown in a dialog to copy by hand.
"""

from __future__ import annotations

import contextlib
import os
import threading
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.annotations.model import Annotation, ColorSlot
from store.annotations.repository import AnnotationError, Repository
from store.annotations.storage import StorageError
from store.citation import STYLES, Passage, cite, source_meta
from store.clipboard import ClipboardBackend, CopyResult, Route
from store.counts import count
from store.files import is_regular
from store.japanese.own_readings import OwnReadingError, kanji_part, normalised
from store.library import DocMeta, Library, NotInLibrary, path_for_key
from store.model import Document
from store.terminal_safe import safe_line
from tui.annotation_chips import excerpt
from tui.citation_prefs import STYLE_NAMES, CitationPrefs, terminal_writer

# The dialogs and the list are imported here, not when first shown, so that their bindings'
# ids are known when the user's keymap is checked at start-up.
from tui.screens.annotate import AnnotateScreen, AnnotationDraft
from tui.screens.annotation_keys import AnnotationKeys
from tui.screens.citation_dialog import CitationDialog
from tui.screens.metadata_form import MetadataForm
from tui.screens.reading_form import ReadingForm
from tui.screens.tag_browser import TagBrowserScreen
from tui.widgets.annotation_list import AnnotationList
from tui.widgets.reader import ReaderView

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

#: Errors the store raises for a request it cannot satisfy; shown as one line, never a crash.
STORE_ERRORS = (AnnotationError, StorageError, OSError)
#: Seconds between two looks (two ``stat`` calls) at whether another instance, or ``shiori
#: annotate``, changed the store: soon enough to see a delete before acting on it again.
POLL_SECONDS = 1.5


@dataclass
class OpenDoc:
    key: str
    path: Path | None
    document: Document


class AnnotationsController:
    """Everything the annotation keys do; see the module docstring.

    ``repo``, ``clipboard`` and ``osc52`` can be injected (tests pass a repository in a tmp
    dir and a fake clipboard); by default the user's repository, pyperclip and Textual's
    driver are used.
    """

    def __init__(
        self,
        app: App[Any],
        *,
        repo: Repository | None = None,
        clipboard: ClipboardBackend | None = None,
        osc52: Callable[[str], None] | None | bool = True,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.app = app
        self._repo = repo
        self._repo_error: str | None = None
        self._clipboard = clipboard
        self._osc52 = osc52
        self._env = env
        self.current: OpenDoc | None = None
        #: The open document's anchored annotations, by (start, end); orphans apart.
        self.annotations: list[Annotation] = []
        self.orphans: list[Annotation] = []
        self._starts: list[int] = []
        self._pending_jump: tuple[str, int] | None = None
        self._repo_lock = threading.Lock()
        #: Bumped per document shown, so a late load for a previous one is dropped.
        self._generation = 0
        self._loaded_generation = 0
        #: Bumped whenever the shown annotations are replaced, so a background re-read that
        #: started before a save of ours (and so lacks it) is dropped.
        self._view_version = 0
        #: ``Repository.outside_changes`` as of the last list shown; a re-read is due when
        #: the store's counter has moved on (some other read of ours caught up first).
        self._seen_outside = -1
        self._polling = False
        self._poll_timer: Timer | None = None
        self._warned_terminal = False
        self.last_copy: CopyResult | None = None
        self.prefs, prefs_notice = CitationPrefs.load()
        #: Told once the app can show it (``attach``).
        self._startup_notices = [prefs_notice] if prefs_notice else []
        #: The documents and their metadata, with what the user entered once the store is open.
        self.library = Library(self.user_metadata)

    # -- the store -------------------------------------------------------------------------

    def _open_repo(self) -> tuple[Repository | None, list[str]]:
        """Open the repository once (any thread); returns it and what to tell the user."""
        with self._repo_lock:
            if self._repo is not None or self._repo_error is not None:
                return self._repo, []
            try:
                from store.annotations.repository import default_repository

                self._repo = default_repository()
            except Exception as exc:  # unreadable, unwritable, damaged beyond repair
                self._repo_error = f"Annotations unavailable: {exc}"
                return None, [self._repo_error]
            return self._repo, list(self._repo.notices)

    @property
    def repo(self) -> Repository | None:
        """The repository, opened on first use; None (with a message shown) if it cannot be."""
        repo, messages = self._open_repo()
        self._tell(messages)
        return repo

    def _tell(self, messages: list[str]) -> None:
        for text in messages:
            error = text.startswith("Annotations unavailable")
            self.app.notify(text, severity="error" if error else "warning", timeout=15)

    def _usable_repo(self) -> Repository | None:
        repo = self.repo
        if repo is None and self._repo_error:
            self.app.notify(self._repo_error, severity="error")
        return repo

    def colors(self) -> list[ColorSlot]:
        """The five colours under the user's names (the defaults until the store is open)."""
        repo = self._repo  # never opens the store: this runs while painting
        if repo is not None:
            try:
                return repo.colors()
            except STORE_ERRORS:
                pass
        from store.annotations.model import DEFAULT_COLORS

        return [ColorSlot(k, label) for k, label in DEFAULT_COLORS]

    def all_annotations(self) -> list[Annotation]:
        """Every annotation of the store (any thread; none when the store is unusable)."""
        repo, _messages = self._open_repo()
        try:
            return repo.list() if repo is not None else []
        except STORE_ERRORS:
            return []

    def count_for(self, key: str) -> int:
        """How many annotations the document ``key`` carries (0 if the store is unusable)."""
        repo = self.repo
        try:
            return len(repo.list(doc=key)) if repo is not None else 0
        except STORE_ERRORS:
            return 0

    def all_tags(self) -> list[tuple[str, int]]:
        repo = self.repo
        try:
            return repo.tags() if repo is not None else []
        except STORE_ERRORS:
            return []

    # -- widgets ---------------------------------------------------------------------------

    @property
    def reader(self) -> ReaderView:
        """The main screen's reader (raises ``NoMatches`` before it is mounted)."""
        return self.app.screen_stack[0].query_one(ReaderView)

    def annotation_list(self) -> AnnotationList | None:
        try:
            return self.app.screen_stack[0].query_one(AnnotationList)
        except Exception:
            return None

    def user_metadata(self, key: str) -> DocMeta | None:
        """What the user entered for ``key`` (the app's :class:`Library` asks this); None
        while the store is not open yet, so listing the library never waits for it."""
        repo = self._repo
        if repo is None:
            return None
        from store.annotations.metadata import load_user_metadata

        return load_user_metadata(key, repo)

    async def attach(self) -> None:
        """Put the annotation list into the sidebar."""
        from tui.widgets.sidebar import Sidebar

        notices, self._startup_notices = self._startup_notices, []
        for text in notices:
            self.app.notify(text, severity="warning", timeout=8, markup=False)
        if self.annotation_list() is None:
            sidebar = self.app.screen_stack[0].query_one(Sidebar)
            await sidebar.set_content(AnnotationList(id="annotation-list"))
        self._refresh_views()
        if self._poll_timer is None:
            self._poll_timer = self.app.set_interval(POLL_SECONDS, self._poll, name="store-poll")

    # -- the open document -----------------------------------------------------------------

    def document_shown(self, key: str | None, path: Path | None, document: Document) -> None:
        """The reader now shows ``document`` (``key`` None: not a library document).

        The document's annotations are loaded in a thread once the document has painted
        (opening a 10,000-annotation store and re-anchoring a changed file take longer than
        painting a page), then drawn: the first paint never waits for them.
        """
        self.annotations, self.orphans, self._starts = [], [], []
        self._generation += 1
        if key is None:
            self.current = None
            self._refresh_views()
            return
        current = self.current = OpenDoc(key, path, document)
        self._refresh_views()
        pending, self._pending_jump = self._pending_jump, None
        if pending is not None and pending[0] == key:
            self._goto(pending[1])
        # Start loading once the document has painted: the load is mostly JSON parsing,
        # which holds the GIL, so even in a thread it would delay the first frame.
        self.app.call_after_refresh(self._start_load, current, self._generation)

    def _start_load(self, current: OpenDoc, generation: int) -> None:
        if generation != self._generation:
            return
        self.app.run_worker(
            lambda: self._load(current, generation),
            thread=True,
            exclusive=True,
            exit_on_error=False,
            group="annotations-load",
            description="load annotations",
        )

    @property
    def loading(self) -> bool:
        """Whether the open document's annotations are still being loaded."""
        return self.current is not None and self._loaded_generation != self._generation

    def _load(self, current: OpenDoc, generation: int) -> None:
        """(Thread) re-anchor if the file changed, list the document's annotations."""
        repo, messages = self._open_repo()
        changed: list[Annotation] = []
        anns: list[Annotation] = []
        own: dict[str, str] = {}
        if repo is not None:
            path = current.path
            # Anything at all may go wrong in a damaged store: say so, never crash the app.
            try:
                if path is not None and is_regular(path):
                    from store.annotations.documents import refresh

                    changed = refresh(repo, current.key, path, current.document)
            except Exception as exc:
                messages.append(f"Could not re-anchor annotations: {exc}")
            try:
                seen, anns, own = self._read_document(repo, current.key)
            except Exception as exc:
                messages.append(f"Could not read annotations: {exc}")
            else:
                self._seen_outside = seen
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.app.call_from_thread(
                self._loaded, current, generation, anns, changed, messages, own
            )

    @staticmethod
    def _read_document(
        repo: Repository, key: str
    ) -> tuple[int, list[Annotation], dict[str, str]]:
        """(Thread) Take in other processes' writes, then the document's annotations and the
        user's own readings of it: ``(writes seen, annotations, readings)``."""
        return repo.catch_up(), repo.list(doc=key), repo.own_readings(key)

    def _loaded(
        self,
        current: OpenDoc,
        generation: int,
        anns: list[Annotation],
        changed: list[Annotation],
        messages: list[str],
        own: dict[str, str],
    ) -> None:
        self._tell(messages)
        if generation != self._generation or self.current is not current:
            return  # another document was opened meanwhile
        self._loaded_generation = generation
        self._own_readings(own)
        lost = sum(1 for a in changed if a.state == "orphan")
        if changed:
            self.app.notify(
                f"The document changed: {count(len(changed) - lost, 'annotation')} moved, "
                f"{lost} not found (listed under Orphans in the sidebar).",
                severity="warning" if lost else "information",
                timeout=8,
            )
        self._set(anns)

    def reload(self) -> None:
        """Re-read the open document's annotations and redraw highlights and the list."""
        anns: list[Annotation] = []
        repo = self.repo
        if self.current is not None and repo is not None:
            try:
                # Read first: what list() takes in is shown; a catch-up by another thread
                # after this point leaves the counter ahead, and the next tick looks again.
                seen = repo.outside_changes
                anns = repo.list(doc=self.current.key)
                self._own_readings(repo.own_readings(self.current.key))
                self._seen_outside = seen
            except STORE_ERRORS as exc:
                self.app.notify(f"Could not read annotations: {exc}", severity="error")
        self._set(anns)

    def _own_readings(self, own: dict[str, str]) -> None:
        """Show the user's own readings of the open document (see ``correct_reading``)."""
        with contextlib.suppress(Exception):  # no reader mounted (closing): nothing to show
            self.reader.set_own_readings(own)

    def _set(self, anns: list[Annotation], *, if_changed: bool = False) -> None:
        orphans = [a for a in anns if a.state == "orphan"]
        anchored = sorted((a for a in anns if a.state != "orphan"), key=lambda a: (a.start, a.end))
        if if_changed and (anchored, orphans) == (self.annotations, self.orphans):
            return
        self.orphans, self.annotations = orphans, anchored
        self._starts = [a.start for a in self.annotations]
        self._view_version += 1
        self._refresh_views()

    # -- what other instances write ----------------------------------------------------------

    def _poll(self) -> None:
        """(Timer) Re-read the open document's annotations once the store changed on disk.

        On the UI thread this costs two ``stat`` calls; the reading is done in a thread. While
        a dialog is open (an edit, the metadata form) nothing is redrawn under it: the next
        tick after it closes finds the change still pending (``_seen_outside`` unchanged).
        """
        repo, current = self._repo, self.current
        if repo is None or current is None or self._polling or self.loading:
            return
        if len(self.app.screen_stack) > 1:
            return
        if not repo.changed_on_disk() and repo.outside_changes == self._seen_outside:
            return
        self._polling = True
        generation, version = self._generation, self._view_version
        self.app.run_worker(
            lambda: self._poll_read(repo, current, generation, version),
            thread=True,
            exit_on_error=False,
            group="annotations-poll",
            description="re-read annotations changed elsewhere",
        )

    def _poll_read(self, repo: Repository, current: OpenDoc, generation: int, version: int) -> None:
        """(Thread) Take in the other processes' writes and list the document again."""
        anns: list[Annotation] | None = None
        own: dict[str, str] = {}
        seen = self._seen_outside
        try:
            seen, anns, own = self._read_document(repo, current.key)
        except Exception:  # a damaged store: the next real action says so, in one line
            anns = None
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.app.call_from_thread(
                self._polled, current, generation, version, anns, seen, own
            )

    def _polled(
        self,
        current: OpenDoc,
        generation: int,
        version: int,
        anns: list[Annotation] | None,
        seen: int,
        own: dict[str, str],
    ) -> None:
        self._polling = False
        if anns is None:
            self._seen_outside = seen  # not again and again until the store changes once more
            return
        if generation != self._generation or self.current is not current:
            return
        if version != self._view_version:
            return  # a save of ours redrew meanwhile; the next tick looks again
        self._seen_outside = seen
        self._own_readings(own)  # the other instance's ``K``/``e`` too
        self._set(anns, if_changed=True)  # the reader's cursor, scroll and selection stay

    def _refresh_views(self) -> None:
        try:
            reader = self.reader
        except Exception:
            reader = None
        if reader is not None and hasattr(reader, "highlights"):
            reader.highlights = [(a.start, a.end, a.color) for a in self.annotations]
        listing = self.annotation_list()
        if listing is not None:
            listing.set_annotations(
                self.annotations,
                self.orphans,
                self.colors(),
                has_document=self.current is not None,
            )

    def annotation_at(self, offset: int) -> Annotation | None:
        """The annotation covering ``offset`` (the shortest one where several overlap)."""
        i = bisect_right(self._starts, offset)
        best: Annotation | None = None
        for ann in reversed(self.annotations[:i]):
            if ann.start <= offset < ann.end and (
                best is None or ann.end - ann.start < best.end - best.start
            ):
                best = ann
            if best is not None and ann.end <= best.start:
                break
        return best

    def reading_at(self, offset: int) -> None:
        """The reader's top line moved to ``offset``: the sidebar follows to the first
        annotation from there on (so the list shows what is marked around the page)."""
        if not self.annotations:
            return
        i = bisect_right(self._starts, offset - 1)
        ann = self.annotations[min(i, len(self.annotations) - 1)]
        listing = self.annotation_list()
        if listing is not None:
            listing.follow(ann.id)

    def annotation_at_cursor(self) -> Annotation | None:
        if self.current is None:
            return None
        return self.annotation_at(self.reader.cursor)

    def _selection(self) -> tuple[int, int] | None:
        if self.current is None:
            return None
        sel = self.reader.selection
        if sel is None or sel[0] >= sel[1]:
            return None
        return sel

    def _goto(self, offset: int) -> None:
        reader = self.reader
        reader.goto_offset(offset)
        self.app.call_after_refresh(reader.goto_offset, offset)
        reader.focus()

    # -- create, edit, delete, undo --------------------------------------------------------

    def create_from_selection(self) -> None:
        """``a``: the colour picker, then note and tags; saved when the dialog is confirmed."""
        if self.current is None:
            self.app.notify("Open a document first.", timeout=3)
            return
        sel = self._selection()
        if sel is None:
            self.app.notify(
                "Select a passage first: v starts a selection (or drag with the mouse).",
                timeout=4,
            )
            return
        if self._usable_repo() is None:
            return
        current = self.current
        quote = current.document.base_text[sel[0] : sel[1]]

        def done(draft: AnnotationDraft | None) -> None:
            if draft is None:
                return
            repo = self.repo
            if repo is None:
                return
            try:
                ann = repo.create(
                    current.key,
                    current.document,
                    sel[0],
                    sel[1],
                    color=draft.color,
                    note=draft.note,
                    tags=draft.tags,
                )
                if current.path is not None and is_regular(current.path):
                    repo.remember_file(
                        current.key,
                        current.path,
                        current.document.content_hash,
                        current.document.title,
                        current.document.metadata,
                    )
            except STORE_ERRORS as exc:
                self.app.notify(f"Not saved: {exc}", severity="error", timeout=10)
                return
            if self.current is current:
                self.reader.finish_selection()  # the cursor goes on after the highlight
            self.reload()
            self.app.notify(f"Highlighted 「{excerpt(ann.quote, 30)}」 (u undoes)", timeout=4)

        self.app.push_screen(AnnotateScreen(quote, self, None), done)

    def edit_at_cursor(self, ann: Annotation | None = None) -> None:
        """``e``: the same dialog, filled in, for the annotation under the cursor."""
        ann = ann or self.annotation_at_cursor()
        if ann is None:
            self.app.notify("No highlight under the cursor.", timeout=3)
            return
        if self._usable_repo() is None:
            return

        def done(draft: AnnotationDraft | None) -> None:
            repo = self.repo
            if draft is None or repo is None:
                return
            try:
                # Against ``ann`` as the dialog showed it: another instance may have edited or
                # deleted it since, and what was typed here must survive either.
                saved = repo.save_edit(ann, note=draft.note, tags=draft.tags, color=draft.color)
            except STORE_ERRORS as exc:
                # A full disk, say: the dialog comes back with what was typed, to try again.
                self.app.notify(
                    f"Not saved: {exc}. Your note is back in the dialog: ctrl+s tries again.",
                    severity="error",
                    timeout=15,
                )
                typed = ann.with_changes(note=draft.note, tags=draft.tags, color=draft.color)
                self.app.push_screen(AnnotateScreen(ann.quote, self, typed, unsaved=True), done)
                return
            self.reload()
            if saved.recreated:
                self.app.notify(
                    "This highlight had been deleted in another window: it is made again, "
                    "with your note (u undoes).",
                    severity="warning",
                    timeout=10,
                )
            elif saved.notes_joined:
                self.app.notify(
                    "The note had been changed in another window too: both texts are kept, "
                    "yours first (u undoes).",
                    severity="warning",
                    timeout=10,
                )
            else:
                self.app.notify("Annotation saved (u undoes).", timeout=3)

        self.app.push_screen(AnnotateScreen(ann.quote, self, ann), done)

    def delete_at_cursor(self, ann: Annotation | None = None) -> None:
        """``d``: delete the annotation under the cursor (``u`` brings it back)."""
        ann = ann or self.annotation_at_cursor()
        if ann is None:
            self.app.notify("No highlight under the cursor.", timeout=3)
            return
        repo = self._usable_repo()
        if repo is None:
            return
        try:
            repo.delete(ann.id)
        except STORE_ERRORS as exc:
            self.reload()
            if all(a.id != ann.id for a in (*self.annotations, *self.orphans)):
                self.app.notify("It had already been deleted in another window.", timeout=5)
            else:
                self.app.notify(f"Not deleted: {exc}", severity="error", timeout=10)
            return
        self.reload()
        self.app.notify(f"Deleted 「{excerpt(ann.quote, 30)}」: u undoes.", timeout=5)

    def export_document(self) -> None:
        """``E``: this document's annotations as Markdown (each passage with its citation),
        written beside where Shiori was started (``<file>-annotations.md``), else into the
        data folder; the notification says where."""
        current = self.current
        if current is None or current.path is None:
            self.app.notify("Open a document first: its annotations are exported.", timeout=4)
            return
        repo = self._usable_repo()
        if repo is None:
            return
        if next(iter(repo.iter(doc=current.key)), None) is None:
            self.app.notify("No annotations in this document to export.", timeout=4)
            return
        from store import paths
        from store.annotations.export import export_to_file
        from store.files import describe, shown

        name = f"{current.path.stem}-annotations.md"
        problem = ""
        for folder in (Path.cwd(), paths.data_dir() / "exports"):
            target = folder / name
            try:
                written = export_to_file(target, repo, "md", doc=current.key)
            except OSError as exc:
                problem = describe(exc)
                continue
            self.app.notify(
                f"Exported {count(written, 'annotation')} to {shown(target)}", timeout=8
            )
            return
        self.app.notify(f"Not exported: {problem}", severity="error", timeout=10)

    def undo(self) -> None:
        repo = self.repo
        if repo is None or not repo.can_undo():
            self.app.notify("Nothing to undo.", timeout=3)
            return
        try:
            what = repo.undo()
        except STORE_ERRORS as exc:
            self.app.notify(f"Could not undo: {exc}", severity="error", timeout=10)
            return
        self.reload()
        self.app.notify(f"Undid the last {what}.", timeout=3)

    def reattach(self, ann: Annotation) -> None:
        """Give ``ann`` (an orphan) the passage selected in the reader."""
        sel = self._selection()
        if self.current is None or sel is None:
            self.app.notify(
                "Select the new passage in the reader (v), then choose the orphan again.",
                timeout=6,
            )
            return
        repo = self._usable_repo()
        if repo is None:
            return
        try:
            repo.reattach(ann.id, self.current.document, sel[0], sel[1])
        except STORE_ERRORS as exc:
            self.app.notify(f"Not re-attached: {exc}", severity="error", timeout=10)
            return
        self.reader.action_clear()
        self.reload()
        self.app.notify("Re-attached to the selected passage (u undoes).", timeout=4)

    def rename_color(self, key: str, label: str) -> str | None:
        """Name a colour (e.g. 疑問); returns an error message or None."""
        repo = self._usable_repo()
        if repo is None:
            return self._repo_error or "annotations unavailable"
        try:
            repo.set_color_label(key, label)
        except STORE_ERRORS as exc:
            return str(exc)
        self._refresh_views()
        return None

    # -- jumping ---------------------------------------------------------------------------

    def jump_to(self, key: str, start: int) -> None:
        """Show ``key`` with the cursor at ``start`` (opening it first if needed)."""
        if self.current is not None and self.current.key == key:
            self._goto(start)
            return
        self._pending_jump = (key, start)
        try:
            path = path_for_key(key)
        except NotInLibrary:  # an older store may hold a key that walks out of the library
            path = None
        opener = getattr(self.app, "open_document", None)
        if opener is None or path is None or not is_regular(path):
            self._pending_jump = None
            self.app.notify(f"Cannot open {key}: the file is not there.", severity="error")
            return
        block = self._block_hint(key, start)
        opener(key, path, block)

    def _block_hint(self, key: str, start: int) -> int | None:
        repo = self.repo
        if repo is None:
            return None
        try:
            for ann in repo.list(doc=key):
                if ann.start == start:
                    return ann.anchor.block
        except STORE_ERRORS:
            return None
        return None

    # -- citations -------------------------------------------------------------------------

    def source_meta(self, key: str, document: Document | None = None) -> DocMeta:
        """What a citation of ``key`` names (the user's metadata once the store is open)."""
        repo = self.repo  # the user's metadata is kept in the store: open it first
        if document is None and repo is not None:
            from store.annotations.documents import stored_source_meta

            return stored_source_meta(self.library, repo, key)
        if document is None:
            return source_meta(self.library.metadata(key), key)
        return source_meta(self.library.metadata(key), key, document.title, document.metadata)

    def citation_for(
        self,
        span: tuple[int, int] | None,
        ann: Annotation | None,
        *,
        source_only: bool,
        note: str = "",
    ) -> str | None:
        """The citation text for a selected span (in footnote ``note``'s text when given),
        or for an annotation (orphans too)."""
        cur = self.current
        if cur is None:
            return None
        if span is not None:
            start, end = span
        elif ann is not None:
            start, end = ann.start, ann.end
        else:
            return None
        orphan = ann is not None and ann.state == "orphan"
        if orphan:
            assert ann is not None
            passage = Passage(ann.quote, ann.section, ann.page)
        elif note:
            passage = Passage.in_note(cur.document, note, start, end)
        else:
            passage = Passage.in_document(cur.document, start, end)
        meta = self.source_meta(cur.key, cur.document)
        readings = None
        if self.prefs.readings and not source_only and not orphan:
            from store.annotations.documents import note_quote_readings, quote_readings

            try:
                repo = self._repo
                own = repo.own_readings(cur.key) if repo is not None else {}
                register = self.reader.register  # the readings the reader shows
                if note:
                    readings = note_quote_readings(cur.document, note, start, end, own, register)
                else:
                    readings = quote_readings(cur.document, start, end, own, register)
            except Exception:  # the analyser failing must not stop the copy
                readings = None
        return cite(meta, passage, self.prefs.style, source_only=source_only, readings=readings)

    def cite(self, *, source_only: bool, span: tuple[int, int] | None = None) -> None:
        """``y`` / ``Y``: the selection (or ``span``), else the annotation under the cursor."""
        if self.current is None:
            self.app.notify("Open a document first.", timeout=3)
            return
        ann = None
        if span is None:
            span = self._selection()
        if span is None:
            ann = self.annotation_at_cursor()
            if ann is None:
                self.app.notify(
                    "Nothing to cite: select a passage (v) or put the cursor on a highlight.",
                    timeout=4,
                )
                return
        self.cite_annotation_or_span(span, ann, source_only=source_only)

    def cite_note(self, note: str, span: tuple[int, int], *, source_only: bool = False) -> None:
        """``y`` (``Y``: the source alone) on a passage selected in footnote ``note``'s
        popup: cited with its note."""
        if self.current is None:
            return
        try:
            text = self.citation_for(span, None, source_only=source_only, note=note)
        except Exception as exc:  # never crash on a copy
            self.app.notify(f"Could not build the citation: {exc}", severity="error")
            return
        if text:
            self.copy(text)

    def cite_annotation_or_span(
        self, span: tuple[int, int] | None, ann: Annotation | None, *, source_only: bool
    ) -> None:
        try:
            text = self.citation_for(span, ann, source_only=source_only)
        except Exception as exc:  # never crash on a copy
            self.app.notify(f"Could not build the citation: {exc}", severity="error")
            return
        if text:
            self.copy(text)

    def _osc52_writer(self) -> Callable[[str], None] | None:
        if self._osc52 is None or self._osc52 is False:
            return None
        if callable(self._osc52):
            return self._osc52
        return terminal_writer(self.app, os.environ if self._env is None else self._env)

    def copy(self, text: str) -> CopyResult:
        """Copy by every route available and say honestly which one worked."""
        from store.clipboard import copy_text

        result = copy_text(text, backend=self._clipboard, osc52=self._osc52_writer(), env=self._env)
        self.last_copy = result
        if result.route is Route.CLIPBOARD:
            self.app.notify(result.message, timeout=4)
        elif result.route is Route.TERMINAL and self._warned_terminal:
            self.app.notify(result.message + " (ctrl+y shows the text)", timeout=6)
        else:
            self._warned_terminal = True
            self.show_citation_dialog(result)
        return result

    def show_citation_dialog(self, result: CopyResult | None = None) -> None:
        result = result or self.last_copy
        if result is None:
            self.app.notify("Nothing has been copied yet.", timeout=3)
            return
        self.app.push_screen(CitationDialog(result))

    def cycle_style(self) -> None:
        i = STYLES.index(self.prefs.style) if self.prefs.style in STYLES else 0
        self.prefs.style = STYLES[(i + 1) % len(STYLES)]
        self._save_prefs()
        self.app.notify(f"Citation style: {STYLE_NAMES[self.prefs.style]}", timeout=3)

    def toggle_readings(self) -> None:
        self.prefs.readings = not self.prefs.readings
        self._save_prefs()
        state = "with readings ｜漢字《かんじ》" if self.prefs.readings else "without readings"
        self.app.notify(f"Citations: quote {state}", timeout=3)

    def _save_prefs(self) -> None:
        try:
            self.prefs.save()
        except OSError as exc:
            self.app.notify(f"Could not remember the citation style: {exc}", severity="warning")

    # -- dialogs ---------------------------------------------------------------------------

    def open_tag_browser(self) -> None:
        if self._usable_repo() is None:
            return

        def done(choice: tuple[str, int] | None) -> None:
            if choice is not None:
                self.jump_to(*choice)

        self.app.push_screen(TagBrowserScreen(self), done)

    def _open_for_change(self) -> OpenDoc | None:
        """The open document, when the store can take a change to it (else None, said)."""
        cur = self.current
        if cur is None:
            self.app.notify("Open a document first.", timeout=3)
            return None
        if self._usable_repo() is None:
            return None
        return cur

    def correct_reading(self, word: str, reading: str, *, own: bool = False) -> None:
        """Ask for the user's own reading of ``word`` (showing ``reading`` now; ``own``: it is
        already theirs) and keep it for every occurrence in the open document."""
        cur = self._open_for_change()
        if cur is None:
            return
        with contextlib.suppress(OwnReadingError):  # the dialog shows the kanji's reading
            reading = normalised(word, reading)[1]
        word = kanji_part(word)  # what the reading goes over, and is kept under: 読ん → 読

        def done(typed: str | None) -> None:
            if typed is None:
                return
            repo = self.repo
            if repo is None:
                return
            try:
                kept, shown = repo.save_own_reading(cur.key, word, typed)
                own_readings = repo.own_readings(cur.key)
            except OwnReadingError as exc:
                self.app.notify(str(exc), severity="warning", timeout=6)
                return
            except STORE_ERRORS as exc:
                self.app.notify(f"Reading not saved: {exc}", severity="error", timeout=10)
                return
            if self.current is cur:
                self.reader.set_own_readings(own_readings)
            if shown:
                self.app.notify(f"{safe_line(kept)}: {shown} throughout this document", timeout=4)
            else:
                self.app.notify(f"{safe_line(kept)}: the analyser's reading again", timeout=4)

        self.app.push_screen(ReadingForm(word, reading, own=own), done)

    def open_metadata_form(self) -> None:
        cur = self._open_for_change()
        if cur is None:
            return
        meta = self.source_meta(cur.key, cur.document)

        def done(saved: DocMeta | None) -> None:
            if saved is None:
                return
            from store.annotations.metadata import save_user_metadata

            repo = self.repo
            try:
                save_user_metadata(cur.key, saved, repo)
            except STORE_ERRORS as exc:
                self.app.notify(f"Metadata not saved: {exc}", severity="error", timeout=10)
                return
            self.app.notify("Metadata saved: citations use it from now on.", timeout=4)
            refresh = getattr(self.app, "refresh_library", None)
            if refresh is not None:
                refresh()  # the tree and the header show the new title

        self.app.push_screen(MetadataForm(cur.key, meta, cur.document), done)


__all__ = ["STORE_ERRORS", "AnnotationKeys", "AnnotationsController", "OpenDoc"]
