"""The library tree: library -> documents by title -> each document's outline of headings.

Every document shows its real title from the first paint (the library's metadata, else what
the file says, from the index's catalog), sorted by title, author, date added or last read
(``o`` cycles; the root says which), with ``bundled`` / ``library`` added where two titles are
the same. A "Recently read" folder comes first. :meth:`DocTree.set_filter` keeps only the
documents whose title, author or file name holds the text (the library pane's filter box).

Labels never run past the pane: a long title is cut with ``...`` (ASCII: the ellipsis
character is East Asian Ambiguous, two cells in some terminals) and there is no horizontal
scrolling. Where two documents share a title, the cut shortens the title and keeps what tells
them apart (`` (library: report.md)``), or the two would read the same. Outlines are filled
lazily: expanding a document asks the App (``OutlineWanted``) to import it in a worker, and
the App hands the result back through :meth:`set_outline`, which scrolls the outline into
view. Choosing a document or a heading posts ``OpenRequested``, ``x``
posts ``RemoveRequested``; the App decides. Labels are plain ``Text`` (never markup), so a
title like ``[要旨]`` shows as written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from store.library import (
    SORTS,
    LibraryEntry,
    SortKey,
    display_titles,
    recently_read,
    sort_entries,
)
from store.model import Document
from store.terminal_safe import safe_line
from tui.layout.cells import char_width
from tui.layout.cells import text_width as cell_len


@dataclass(frozen=True, slots=True)
class TreeTarget:
    """What a tree node stands for: a document, or one heading (block index) in it."""

    key: str
    path: Path
    block: int | None = None


LOADING = "loading outline..."
NO_HEADINGS = "(no headings)"
RECENT = "Recently read"
#: How many documents the "Recently read" folder lists.
RECENT_COUNT = 5
#: What ends a label cut to the pane's width.
CUT = "..."
#: Cells of title a cut label keeps before its suffix gives way to the suffix's short end.
LEAST_TITLE = 8


def label(text: str) -> Text:
    """One line of plain text, control characters drawn as visible symbols (never raw)."""
    return Text(safe_line(" ".join(text.split())))


def _head(text: Text, room: int) -> Text:
    """The start of ``text`` that fits in ``room`` cells (a wide character is never split)."""
    used = 0
    end = 0
    for ch in text.plain:
        w = char_width(ch)
        if used + w > room:
            break
        used += w
        end += 1
    return text[:end]


def _tail(text: Text, room: int) -> Text:
    """The end of ``text`` that fits in ``room`` cells."""
    used = 0
    start = len(text.plain)
    for ch in reversed(text.plain):
        w = char_width(ch)
        if used + w > room:
            break
        used += w
        start -= 1
    return text[start:]


def fit_label(text: Text, width: int, keep: int = 0) -> Text:
    """``text`` cut to ``width`` cells, ending in ``...`` when cut.

    ``keep`` is how many characters at the end must survive the cut (the ``(library:
    report.md)`` that tells two documents of one title apart): the part before them is
    shortened instead, so the cut never makes two labels the same. Where even they do not
    fit, their end is kept, after ``...`` (where such suffixes differ: the file's name).
    """
    if text.cell_len <= width:
        return text
    if width <= len(CUT):
        return text[:0] + Text("." * max(0, width))
    split = len(text.plain) - max(0, min(keep, len(text.plain)))
    if split < len(text.plain):
        suffix = text[split:]
        room = width - len(CUT) - suffix.cell_len
        if room >= 0:
            out = _head(text[:split], room)
            out.append(CUT)
            return out + suffix
        out = text[:0] + Text(CUT)
        return out + _tail(suffix, width - len(CUT))
    out = _head(text, width - len(CUT))
    out.append(CUT)
    return out


@dataclass(frozen=True, slots=True)
class Suffix:
    """What a label adds to its title to tell documents of one title apart."""

    #: As the label ends: `` (library: report.md)``.
    whole: str
    #: The end of :attr:`whole` that alone still tells them apart (``report.md)``), for a
    #: pane too narrow for the whole and some title; ``""`` when there is none shorter.
    short: str = ""


def suffix_of(title: str, shown: str) -> str:
    """What ``shown`` (:func:`store.library.display_titles`) adds to ``title``, as its label
    ends (`` (library: report.md)``); ``""`` when it adds nothing."""
    whole = label(shown).plain
    own = label(title).plain
    if whole == own or not whole.startswith(own):
        return ""
    return whole[len(own) :]


def _ends(suffix: str) -> list[str]:
    """The ends of `` (library: sub/report.md)`` that read alone, shortest first:
    ``report.md)``, ``sub/report.md)`` (cut after ``: `` or ``/``, never inside a name)."""
    if not (suffix.startswith(" (") and suffix.endswith(")")):
        return []
    tag = suffix[2:]
    cuts = [i + 2 for i in range(len(tag)) if tag.startswith(": ", i)]
    cuts += [i + 1 for i, ch in enumerate(tag) if ch == "/"]
    return sorted({tag[c:] for c in cuts if 0 < c < len(tag) - 1}, key=len)


def suffixes(entries: Iterable[LibraryEntry], shown: Mapping[str, str]) -> dict[str, Suffix]:
    """Each label's :class:`Suffix`, its short end chosen so that no other document of the
    same title can end the same way, shortened or not."""
    found: dict[str, tuple[str, str]] = {}
    for e in entries:
        if suffix := suffix_of(e.title, shown.get(e.key, e.title)):
            found[e.key] = (_folded(label(e.title).plain), suffix)
    groups: dict[str, list[str]] = {}
    for key, (title, _suffix) in found.items():
        groups.setdefault(title, []).append(key)
    out: dict[str, Suffix] = {}
    for keys in groups.values():
        for key in keys:
            whole = found[key][1]
            others = set[str]()
            for other in keys:
                if other != key:
                    others.update(_ends(found[other][1]), [found[other][1][2:]])
            short = next((end for end in _ends(whole) if end not in others), "")
            out[key] = Suffix(whole, short)
    return out


def outline_of(doc: Document) -> list[tuple[int, int, str]]:
    """``(level, block_index, text)`` for each heading, in reading order."""
    return [
        (max(1, block.level), i, " ".join(block.text.split()))
        for i, block in enumerate(doc.blocks)
        if block.kind == "heading" and block.text.strip()
    ]


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def matches_filter(entry: LibraryEntry, title: str, needle: str) -> bool:
    """``needle`` (folded) occurs in the title shown, the author, the file's name or its
    folder in the library (``shiori add DIR`` keeps a tree's layout)."""
    if not needle:
        return True
    where = entry.key.split(":", 1)[-1] if entry.source == "library" else entry.path.name
    hay = "\n".join((title, entry.meta.author, where, entry.meta.container))
    return all(part in _folded(hay) for part in needle.split())


class DocTree(Tree[TreeTarget | None]):
    """Library and outlines; posts messages, holds no state beyond what it shows."""

    # ASCII guides and icons: box-drawing characters and triangles are East Asian Ambiguous
    # width, drawn two cells wide by some CJK terminals, which would shear every label.
    ICON_NODE = "+ "
    ICON_NODE_EXPANDED = "- "
    LINES: dict[str, tuple[str, str, str, str]] = {  # not a ClassVar: Tree declares it so
        style: ("  ", "| ", "`-", "|-") for style in ("default", "bold", "double")
    }
    #: The "Recently read" folder, notes in place of an outline, an outline that failed.
    COMPONENT_CLASSES: ClassVar[set[str]] = Tree.COMPONENT_CLASSES | {
        "doc-tree--folder",
        "doc-tree--note",
        "doc-tree--error",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="tree.open"),
        Binding("down,j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("space", "toggle_node", "Expand/collapse", id="tree.toggle"),
        Binding("right,l", "expand", "Expand", show=False, id="tree.expand"),
        Binding("left,h", "collapse", "Collapse or go to parent", show=False, id="tree.collapse"),
        Binding("slash", "filter", "Filter the library", id="tree.filter"),
        Binding(
            "o",
            "cycle_sort",
            "Sort",
            show=False,
            tooltip="Sort by title, author, date added or last read",
            id="tree.sort",
        ),
        Binding(
            "x",
            "remove",
            "Remove",
            show=False,
            tooltip="Remove the document from the library (asks first)",
            id="tree.remove",
        ),
    ]

    class OpenRequested(Message):
        """The user chose a document (``target.block is None``) or a heading in it."""

        def __init__(self, target: TreeTarget) -> None:
            super().__init__()
            self.target = target

    class OutlineWanted(Message):
        """A document was expanded whose outline has not been loaded yet."""

        def __init__(self, key: str, path: Path) -> None:
            super().__init__()
            self.key = key
            self.path = path

    class FilterWanted(Message):
        """``/``: the user wants to type in the filter box."""

    class SortChanged(Message):
        """The user chose another order (the App remembers it)."""

        def __init__(self, sort: SortKey) -> None:
            super().__init__()
            self.sort = sort

    class RemoveRequested(Message):
        """``x`` on a document: the App asks the user, then removes it."""

        def __init__(self, target: TreeTarget) -> None:
            super().__init__()
            self.target = target

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Library"), id=id)
        self.auto_expand = False
        self.show_root = True
        self.guide_depth = 2
        self._documents: dict[str, TreeNode[TreeTarget | None]] = {}
        self._outlined: set[str] = set()
        #: Documents listed by file name (no title known yet): relabelled once imported.
        self._untitled: set[str] = set()
        self._entries: list[LibraryEntry] = []
        self._titles: dict[str, str] = {}
        #: Where a title is shared, what each label adds to tell them apart: kept by a cut.
        self._suffixes: dict[str, Suffix] = {}
        self._read: Mapping[str, float] = {}
        self._recent: TreeNode[TreeTarget | None] | None = None
        #: The document whose outline :meth:`reveal` opened (it was closed before): closed
        #: again when another document is revealed, so the tree shows the open one's outline.
        self._revealed: str | None = None
        self.sort: SortKey = "title"
        self.filter_text = ""
        #: Said after the count in the root's label (e.g. how far indexing has got).
        self.status = ""

    # Filling --------------------------------------------------------------------------------

    def set_entries(
        self,
        entries: Iterable[LibraryEntry],
        *,
        read: Mapping[str, float] | None = None,
        sort: SortKey | None = None,
    ) -> None:
        """Show these documents (sorted, filtered), outlines collapsed and unloaded; the
        documents that were expanded stay expanded (their outlines are asked for again)."""
        self._entries = list(entries)
        self._titles = display_titles(self._entries)
        self._suffixes = suffixes(self._entries, self._titles)
        if read is not None:
            self._read = read
        if sort is not None:
            self.sort = sort
        self._rebuild()

    def lists(self, key: str) -> bool:
        """Whether ``key`` is one of the documents listed (shown, or hidden by the filter)."""
        return key in self._titles

    def add_entry(self, entry: LibraryEntry) -> None:
        """List one more document (one opened that the tree did not list)."""
        self.set_entries([*self._entries, entry])

    def set_filter(self, text: str) -> None:
        self.filter_text = " ".join(text.split())
        self._rebuild()

    def set_status(self, status: str) -> None:
        self.status = status
        self._relabel_root()

    def _shown_entries(self) -> list[LibraryEntry]:
        needle = _folded(self.filter_text)
        ordered = sort_entries(self._entries, self.sort, self._read)
        return [e for e in ordered if matches_filter(e, self._titles[e.key], needle)]

    def _rebuild(self) -> None:
        expanded = [k for k, n in self._documents.items() if n.is_expanded]
        cursor = self.cursor_node.data if self.cursor_node is not None else None
        self.root.remove_children()
        self._documents.clear()
        self._outlined.clear()
        self._untitled.clear()
        shown = self._shown_entries()
        self._recent = None
        self._add_recent()
        for entry in shown:
            node = self.root.add(
                label(self._titles[entry.key]),
                data=TreeTarget(entry.key, entry.path),
                allow_expand=True,
            )
            self._documents[entry.key] = node
            if not entry.known and not entry.meta.title:
                self._untitled.add(entry.key)
        self._relabel_root(len(shown))
        self.root.expand()
        for key in expanded:
            again = self._documents.get(key)
            if again is not None:
                again.expand()
        if isinstance(cursor, TreeTarget) and cursor.key in self._documents:
            self.call_after_refresh(self._restore_cursor, cursor.key)

    def _add_recent(self) -> None:
        """The "Recently read" folder, first under the root (not while filtering)."""
        recent = [] if self.filter_text else recently_read(self._entries, self._read, RECENT_COUNT)
        if not recent:
            return
        before = self.root.children[0] if self.root.children else None
        folder = self.root.add(
            self._styled(RECENT, "doc-tree--folder"), data=None, expand=True, before=before
        )
        for entry in recent:
            folder.add_leaf(label(self._titles[entry.key]), data=TreeTarget(entry.key, entry.path))
        self._recent = folder

    def mark_read(self, key: str, when: float) -> None:
        """``key`` was just opened: it heads the "Recently read" folder (and, sorted by last
        read, the list)."""
        self._read = {**self._read, key: when}
        if self.sort == "read":
            self._rebuild()
            return
        if self._recent is not None:
            self._recent.remove()
            self._recent = None
        self._add_recent()

    def _restore_cursor(self, key: str) -> None:
        node = self._documents.get(key)
        if node is not None:
            self.move_cursor(node)

    def _relabel_root(self, shown: int | None = None) -> None:
        if shown is None:
            shown = len(self._documents)
        total = len(self._entries)
        count = f"{shown} of {total}" if shown != total else str(total)
        order = dict(SORTS)[self.sort]
        parts = [f"Library ({count}, {order})"]
        if self.status:
            parts.append(self.status)
        self.root.set_label(Text(" ".join(parts)))

    def document_node(self, key: str) -> TreeNode[TreeTarget | None] | None:
        return self._documents.get(key)

    def document_keys(self) -> list[str]:
        """The documents listed now, in order (after sort and filter)."""
        return list(self._documents)

    def has_outline(self, key: str) -> bool:
        return key in self._outlined

    def set_outline(self, key: str, doc: Document) -> None:
        """Fill the document's node with its headings, nested by level."""
        node = self._documents.get(key)
        if node is None or not isinstance(node.data, TreeTarget):
            return
        target = node.data
        node.remove_children()
        stack: list[tuple[int, TreeNode[TreeTarget | None]]] = [(0, node)]
        headings = outline_of(doc)
        for level, index, text in headings:
            while len(stack) > 1 and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1]
            child = parent.add(label(text), data=TreeTarget(target.key, target.path, index))
            child.allow_expand = False
            stack.append((level, child))
        # A heading with sub-headings can expand; leaves cannot.
        for sub in _walk(node):
            sub.allow_expand = bool(sub.children)
        if not headings:
            node.add_leaf(self._styled(NO_HEADINGS, "doc-tree--note"), data=None)
        elif len(node.children) == 1:
            node.children[0].expand()  # one title heading: show the chapters under it
        if key in self._untitled and doc.title.strip():
            node.set_label(label(doc.title))
            self._untitled.discard(key)
        self._outlined.add(key)
        node.allow_expand = True
        if node.is_expanded:
            self.call_after_refresh(self.scroll_outline_into_view, node)

    def set_outline_error(self, key: str, message: str) -> None:
        node = self._documents.get(key)
        if node is None:
            return
        node.remove_children()
        node.add_leaf(self._styled(safe_line(message), "doc-tree--error"), data=None)
        self._outlined.add(key)

    def scroll_outline_into_view(self, node: TreeNode[TreeTarget | None]) -> None:
        """Show as much of ``node``'s expanded outline as fits, ``node`` itself always."""
        if node.tree is not self or node._line < 0:
            return
        last = node
        while last.is_expanded and last.children:
            last = last.children[-1]
        if last._line >= 0:
            self.scroll_to_line(last._line, animate=False)
        self.scroll_to_line(node._line, animate=False)

    def _shown_by_opening(self, key: str, node: TreeNode[TreeTarget | None]) -> None:
        """``key``'s outline is shown because it is opened: the outline the previous opening
        showed closes, and this one will close in turn, unless the user had expanded it."""
        if self._revealed is not None and self._revealed != key:
            previous = self._documents.get(self._revealed)
            if previous is not None and previous.is_expanded:
                previous.collapse()
        if self._revealed != key:
            self._revealed = None if node.is_expanded else key

    def reveal(self, key: str, block: int | None = None) -> None:
        """Show the document's outline, cursor on the last heading at or before ``block``."""
        node = self._documents.get(key)
        if node is None:
            return
        self._shown_by_opening(key, node)
        node.expand()
        best = node
        if block is not None:
            for sub in _walk(node):
                data = sub.data
                if isinstance(data, TreeTarget) and data.block is not None and data.block <= block:
                    best = sub
        parent = best.parent
        while parent is not None and parent is not self.root:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self.move_cursor, best)

    # Drawing ---------------------------------------------------------------------------------

    def _styled(self, text: str, component: str) -> Text:
        """A label in one of the tree's component styles (``.tcss``)."""
        return Text(text, style=self.get_component_rich_style(component, partial=True))

    def _guide_width(self, node: TreeNode[TreeTarget | None]) -> int:
        depth = 0
        parent = node.parent
        while parent is not None:
            depth += 1
            parent = parent.parent
        if not self.show_root:
            depth -= 1
        return max(0, depth) * self.guide_depth

    def _room(self, node: TreeNode[TreeTarget | None]) -> int | None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return None
        return max(1, width - self._guide_width(node))

    def render_label(
        self, node: TreeNode[TreeTarget | None], base_style: Style, style: Style
    ) -> Text:
        """Textual's label, cut to what the pane has room for. Of a title two documents
        share, the title is shortened and the suffix telling them apart kept whole — or,
        when that would leave under :data:`LEAST_TITLE` cells of title, its short end
        (`` (report.md)``)."""
        text = super().render_label(node, base_style, style)
        room = self._room(node)
        if room is None:
            return text
        data = node.data
        suffix = None
        if isinstance(data, TreeTarget) and data.block is None:
            suffix = self._suffixes.get(data.key)
        if suffix is None or text.cell_len <= room or not text.plain.endswith(suffix.whole):
            return fit_label(text, room)
        split = len(text.plain) - len(suffix.whole)
        icon = cell_len(self.ICON_NODE) if node.allow_expand else 0  # Tree's + / - before it
        title_room = room - len(CUT) - cell_len(suffix.whole) - icon
        if not suffix.short or title_room >= LEAST_TITLE:
            return fit_label(text, room, len(suffix.whole))
        short = text[: split + 2] + text[len(text.plain) - len(suffix.short) :]
        return fit_label(short, room, len(short.plain) - split)

    def get_label_width(self, node: TreeNode[TreeTarget | None]) -> int:
        """None: every label is cut to the pane when drawn (:meth:`render_label`), so no line
        reaches past it and there is nothing to scroll sideways to. (Textual measures every
        line, each drawn, at each change of the tree: a thousand documents made that the
        slowest part of the first paint.)"""
        return 0

    # Actions and events -------------------------------------------------------------------

    def action_expand(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None:
            self.move_cursor(node.parent)

    def action_filter(self) -> None:
        self.post_message(self.FilterWanted())

    def action_cycle_sort(self) -> None:
        keys = [key for key, _ in SORTS]
        self.sort = keys[(keys.index(self.sort) + 1) % len(keys)]
        self._rebuild()
        self.post_message(self.SortChanged(self.sort))

    def action_remove(self) -> None:
        node = self.cursor_node
        data = node.data if node is not None else None
        if isinstance(data, TreeTarget):
            self.post_message(self.RemoveRequested(TreeTarget(data.key, data.path)))

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[TreeTarget | None]) -> None:
        data = event.node.data
        if isinstance(data, TreeTarget) and data.block is None and data.key not in self._outlined:
            if event.node.parent is not self.root:
                return  # a "recently read" entry: opened, not expanded
            if not event.node.children:
                event.node.add_leaf(self._styled(LOADING, "doc-tree--note"), data=None)
            self.post_message(self.OutlineWanted(data.key, data.path))
        elif event.node.children:
            self.call_after_refresh(self.scroll_outline_into_view, event.node)

    def _on_tree_node_selected(self, event: Tree.NodeSelected[TreeTarget | None]) -> None:
        event.stop()
        data = event.node.data
        if isinstance(data, TreeTarget):
            if data.block is None and event.node.parent is self.root:
                # Enter opens the document: its outline shows as by any opening (it was
                # counted as expanded by the user, and stayed open after the next one)
                self._shown_by_opening(data.key, event.node)
                event.node.expand()
            self.post_message(self.OpenRequested(data))


def _walk(node: TreeNode[TreeTarget | None]) -> Iterable[TreeNode[TreeTarget | None]]:
    for child in node.children:
        yield child
        yield from _walk(child)
