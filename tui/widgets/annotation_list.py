"""The sidebar's content: the open document's annotations in reading order.

Each entry shows the colour (under the user's name for it), an excerpt of the quote, the tags
and the start of the note. The filter field takes words (matched in quote, note and tags),
``#tag`` and ``@colour`` (key, name or number), all of which must match. Enter on an entry
jumps to its passage; ``e``/``d``/``y`` edit, delete and cite it. Orphans (passages the
changed document no longer contains) are listed after the rest with their quote; Enter on one
re-attaches it to the passage selected in the reader. Focusing the list (Tab to the sidebar)
puts the keys in its entries with one chosen: the one nearest the reader's cursor, else the
first. The list is rebuilt only when the annotations or the filter change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Self

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.annotations.model import Annotation, ColorSlot
from store.counts import count
from store.terminal_safe import safe_line
from tui.annotation_chips import chip_style, excerpt

ORPHAN_PREFIX = "orphan:"
FILTER_DELAY = 0.15
QUOTE_CELLS = 56
#: Entries listed at once when the list is refilled; the rest follow a chunk per refresh.
FIRST_CHUNK = 40
CHUNK = 150
CHUNK_DELAY = 0.02
NOTE_CELLS = 60


def parse_filter(query: str) -> tuple[list[str], list[str], list[str]]:
    """``(words, tags, colours)`` from ``"日米 #外交 @重要"``."""
    words, tags, colors = [], [], []
    for token in query.split():
        if token.startswith("#") and len(token) > 1:
            tags.append(token[1:].casefold())
        elif token.startswith("@") and len(token) > 1:
            colors.append(token[1:].casefold())
        else:
            words.append(token.casefold())
    return words, tags, colors


def matches(ann: Annotation, query: str, colors: Sequence[ColorSlot]) -> bool:
    """Whether ``ann`` passes the filter ``query`` (see :func:`parse_filter`)."""
    words, tags, wanted = parse_filter(query)
    ann_tags = [t.casefold() for t in ann.tags]
    if any(not any(t == want or t.startswith(want) for t in ann_tags) for want in tags):
        return False
    for want in wanted:
        ok = False
        for i, slot in enumerate(colors, 1):
            if slot.key == ann.color and want in (slot.key, slot.label.casefold(), str(i)):
                ok = True
        if not ok:
            return False
    if words:
        hay = "\n".join([ann.quote, ann.note, ann.original, *ann.tags]).casefold()
        if any(w not in hay for w in words):
            return False
    return True


def entry_text(
    ann: Annotation, labels: dict[str, str], theme: Mapping[str, str], *, orphan: bool = False
) -> Text:
    """The lines one entry shows in the list (``theme``: the app's theme variables)."""
    text = Text(no_wrap=False)
    label = labels.get(ann.color, ann.color)
    text.append(f" {safe_line(label)} ", style=chip_style(ann.color, theme))
    quote = ann.original or ann.quote if orphan else ann.quote
    text.append(" 「" + excerpt(quote, QUOTE_CELLS) + "」")
    if ann.tags:
        text.append("\n" + " ".join("#" + safe_line(t) for t in ann.tags), style="bold")
    if ann.note:
        text.append("\n" + excerpt(ann.note, NOTE_CELLS), style="italic")
    if orphan:
        text.append("\nnot found; Enter re-attaches it to the selection", style="dim")
    text.append("\n")  # a blank line between entries (no rule: see _rebuild)
    return text


class AnnotationEntries(OptionList):
    """The entries; the keys live here (a focusable widget) so help and the palette list them.

    The footer shows the short descriptions; help and the palette the tooltips. Enter is two
    bindings, of which the chosen entry enables one: "Jump" on an annotation, "Re-attach" on
    an orphan, so the footer and help say which (Textual's own Enter said "Select").
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open('jump')",
            "Jump",
            tooltip="Go to the chosen annotation's passage",
            id="annotations.list_open",
        ),
        Binding(
            "enter",
            "open('reattach')",
            "Re-attach",
            tooltip="Re-attach the chosen orphan to the passage selected in the reader",
            id="annotations.list_reattach",
        ),
        Binding(
            "e",
            "entry('edit')",
            "Edit",
            tooltip="Edit the annotation",
            id="annotations.list_edit",
        ),
        Binding(
            "d",
            "entry('delete')",
            "Delete",
            tooltip="Delete the annotation",
            id="annotations.list_delete",
        ),
        Binding(
            "y",
            "entry('cite')",
            "Cite",
            tooltip="Copy the chosen annotation as citation",
            id="annotations.list_cite",
        ),
        Binding(
            "Y",
            "entry('source')",
            "Copy the chosen annotation's citation alone",
            show=False,
            id="annotations.list_source",
        ),
        Binding(
            "slash", "filter", "Filter", tooltip="Filter the list", id="annotations.list_filter"
        ),
    ]

    def _owner(self) -> AnnotationList | None:
        for node in self.ancestors:
            if isinstance(node, AnnotationList):
                return node
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "entry":
            owner = self._owner()
            return owner is not None and owner.highlighted_annotation() is not None
        if action == "open":
            owner = self._owner()
            return owner is not None and owner.highlighted_kind() == parameters[0]
        return super().check_action(action, parameters)

    def action_open(self, what: str) -> None:
        """Enter: what the entry's hint says (see :meth:`AnnotationList._selected`)."""
        self.action_select()

    def action_entry(self, what: str) -> None:
        owner = self._owner()
        if owner is not None:
            owner.request(what)

    def action_filter(self) -> None:
        owner = self._owner()
        if owner is not None:
            owner.focus_filter()


class AnnotationList(Vertical):
    """See the module docstring; fed by ``AnnotationsController.reload``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            "Leave",
            show=False,
            tooltip="Leave the filter for the list, the list for the text",
            id="annotations.list_leave",
        )
    ]

    class Left(Message):
        """Escape in the list: the reader should take the keys back."""

    class Chosen(Message):
        """Enter on an annotation: jump to its passage."""

        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    class ReattachRequested(Message):
        """Enter on an orphan: give it the reader's selection."""

        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    class ActionRequested(Message):
        """``e``, ``d``, ``y`` or ``Y`` on an entry (``action``: edit, delete, cite, source)."""

        def __init__(self, action: str, annotation: Annotation) -> None:
            super().__init__()
            self.action, self.annotation = action, annotation

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._anchored_annotations: list[Annotation] = []
        self._orphans: list[Annotation] = []
        self._colors: list[ColorSlot] = []
        self._has_document = False
        self._by_id: dict[str, Annotation] = {}
        self._timer: Timer | None = None
        self._shown_query: str | None = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Input(placeholder="words #tag @colour; Esc leaves", id="annotation-filter")
        yield Static("", id="annotation-count")
        yield AnnotationEntries(id="annotation-options")

    @property
    def options(self) -> OptionList:
        return self.query_one("#annotation-options", OptionList)

    @property
    def query_text(self) -> str:
        return self.query_one("#annotation-filter", Input).value.strip()

    def set_annotations(
        self,
        anchored: Sequence[Annotation],
        orphans: Sequence[Annotation],
        colors: Sequence[ColorSlot],
        *,
        has_document: bool = True,
    ) -> None:
        self._anchored_annotations, self._orphans = list(anchored), list(orphans)
        self._colors, self._has_document = list(colors), has_document
        self._by_id = {a.id: a for a in [*self._anchored_annotations, *self._orphans]}
        # After the next refresh: the reader paints the document first.
        self.call_after_refresh(self._rebuild)

    def shown(self) -> list[Annotation]:
        """The entries listed now (after the filter), in order, orphans last."""
        out = []
        for option in self.options.options:
            ann = self._annotation(option.id)
            if ann is not None:
                out.append(ann)
        return out

    def _annotation(self, option_id: str | None) -> Annotation | None:
        if not option_id:
            return None
        return self._by_id.get(option_id.removeprefix(ORPHAN_PREFIX))

    def _rebuild(self) -> None:
        """Refill the list for the current filter: a first screenful now, the rest in chunks.

        Measuring 1,000 wrapped entries takes Textual a few hundred milliseconds, so the rest
        is added a chunk per refresh: the reader and the first entries paint at once.
        """
        query = self.query_text
        self._shown_query = query
        self._generation += 1
        labels = {c.key: c.label for c in self._colors}
        keep = self.options.highlighted_option
        keep_id = keep.id if keep is not None else None
        anchored = [
            a for a in self._anchored_annotations if not query or matches(a, query, self._colors)
        ]
        orphans = [a for a in self._orphans if not query or matches(a, query, self._colors)]
        # No separator rules between entries: they are box-drawing characters, which are
        # East Asian Ambiguous width (two cells in CJK terminals). The colour chip leads each.
        pending: list[tuple[Annotation | None, bool]] = [(a, False) for a in anchored]
        if orphans:
            pending.append((None, True))  # the "Orphans" heading
            pending += [(a, True) for a in orphans]
        self.options.clear_options()
        self._add_chunk(self._generation, pending, 0, labels, keep_id, FIRST_CHUNK)
        total = len(self._anchored_annotations) + len(self._orphans)
        shown = self.query_one("#annotation-count", Static)
        if not self._has_document:
            shown.update(Text("No document open.", style="dim"))
        elif total == 0:
            shown.update(Text("No annotations yet: select a passage (v) and press a.", style="dim"))
        elif query:
            shown.update(Text(f"{len(anchored) + len(orphans)} of {total} shown", style="dim"))
        else:
            extra = f", {len(self._orphans)} orphaned" if self._orphans else ""
            shown.update(Text(f"{count(total, 'annotation')}{extra}", style="dim"))

    def _add_chunk(
        self,
        generation: int,
        pending: list[tuple[Annotation | None, bool]],
        start: int,
        labels: dict[str, str],
        keep_id: str | None,
        size: int,
    ) -> None:
        if generation != self._generation or not self.is_mounted:
            return  # a newer rebuild (new annotations or filter) took over
        items: list[Option] = []
        theme = self.app.theme_variables
        for ann, orphan in pending[start : start + size]:
            if ann is None:
                heading = Text("Orphans: passage not found", style="bold")
                items.append(Option(heading, disabled=True))
            elif orphan:
                items.append(
                    Option(entry_text(ann, labels, theme, orphan=True), id=ORPHAN_PREFIX + ann.id)
                )
            else:
                items.append(Option(entry_text(ann, labels, theme), id=ann.id))
        options = self.options
        options.add_options(items)
        if keep_id is not None and options.highlighted is None:
            for i, item in enumerate(items, start):
                if item.id == keep_id:
                    options.highlighted = i
        end = start + size
        if end < len(pending):
            self.set_timer(
                CHUNK_DELAY,
                lambda: self._add_chunk(generation, pending, end, labels, keep_id, CHUNK),
            )

    # -- the filter --------------------------------------------------------------------------

    @on(Input.Changed, "#annotation-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(FILTER_DELAY, self._apply_filter)

    def _apply_filter(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        if self.query_text != self._shown_query:
            self._rebuild()

    @on(Input.Submitted, "#annotation-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._apply_filter()
        self.options.focus()
        if self.options.option_count and self.options.highlighted is None:
            self.options.highlighted = 0

    def focus_filter(self) -> None:
        self.query_one("#annotation-filter", Input).focus()

    def focus(self, scroll_visible: bool = True) -> Self:
        """Focusing the list focuses its entries, one of them chosen (:meth:`choose_nearest`),
        so Up/Down, Enter and the entry keys work at once (the sidebar, focused by Tab, had
        none of them)."""
        self.choose_nearest()
        self.options.focus(scroll_visible)
        return self

    def choose_nearest(self) -> None:
        """Highlight the entry nearest the reader's cursor: the annotation under it (the
        shortest, as ``e`` takes), else the closest before or after; with no reader or no
        passage listed, the first entry. An empty list stays without one."""
        options = self.options
        listed = [
            (i, self._annotation(option.id), (option.id or "").startswith(ORPHAN_PREFIX))
            for i, option in enumerate(options.options)
            if option.id
        ]
        if not listed:
            return
        cursor = self._reader_cursor()
        best: tuple[tuple[int, int], int] | None = None
        for i, ann, orphan in listed:
            if ann is None or orphan or cursor is None:
                continue
            if ann.start <= cursor < ann.end:
                rank = (0, ann.end - ann.start)
            else:
                rank = (1, ann.start - cursor if cursor < ann.start else cursor - ann.end + 1)
            if best is None or rank < best[0]:
                best = (rank, i)
        options.highlighted = best[1] if best is not None else listed[0][0]

    def _reader_cursor(self) -> int | None:
        """The cursor of the reader on this list's screen (a base-text offset), if any."""
        from tui.widgets.reader import ReaderView

        try:
            reader = self.screen.query(ReaderView).first()
        except (NoScreen, NoMatches):  # not on a screen yet, or no reader on it
            return None
        return reader.cursor if reader.document is not None else None

    def action_leave(self) -> None:
        """Escape: from the filter to the entries (the filter stays applied), from the
        entries (or an empty list) back to the text, so no key typed next lands in the
        filter."""
        self._apply_filter()
        options = self.options
        if self.query_one("#annotation-filter", Input).has_focus and options.option_count:
            options.focus()
            if options.highlighted is None:
                options.highlighted = 0
        else:
            self.post_message(self.Left())

    # -- choosing ----------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#annotation-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ann = self._annotation(event.option.id)
        if ann is None:
            return
        if (event.option.id or "").startswith(ORPHAN_PREFIX):
            self.post_message(self.ReattachRequested(ann))
        else:
            self.post_message(self.Chosen(ann))

    def follow(self, ann_id: str) -> None:
        """Highlight ``ann_id``'s entry (the reader moved to it), unless the user is in the list."""
        options = self.options
        if options.has_focus or self.query_one("#annotation-filter", Input).has_focus:
            return
        try:
            index = options.get_option_index(ann_id)
        except Exception:  # filtered out, or not listed yet (the list fills in chunks)
            return
        if options.highlighted != index:
            options.highlighted = index

    def highlighted_annotation(self) -> Annotation | None:
        option = self.options.highlighted_option
        return self._annotation(option.id) if option is not None else None

    def highlighted_kind(self) -> str | None:
        """What Enter does on the chosen entry: ``"jump"``, ``"reattach"`` (an orphan), or
        None (no entry chosen)."""
        option = self.options.highlighted_option
        if option is None or self._annotation(option.id) is None:
            return None
        return "reattach" if (option.id or "").startswith(ORPHAN_PREFIX) else "jump"

    def request(self, action: str) -> None:
        """``edit``, ``delete``, ``cite`` or ``source`` for the highlighted entry."""
        ann = self.highlighted_annotation()
        if ann is not None:
            self.post_message(self.ActionRequested(action, ann))
