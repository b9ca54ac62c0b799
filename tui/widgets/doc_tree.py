"""The library tree: library -> documents by title -> each document's outline of headings.

Outlines are filled lazily: expanding a document asks the App (``OutlineWanted``) to import it
in a worker, and the App hands the result back through :meth:`DocTree.set_outline`. Choosing a
document or a heading posts ``OpenRequested``; the App decides what to open. Labels are plain
``Text`` (never markup), so a title like ``[要旨]`` shows as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from store.library import LibraryEntry
from store.model import Document
from store.terminal_safe import safe_line


@dataclass(frozen=True, slots=True)
class TreeTarget:
    """What a tree node stands for: a document, or one heading (block index) in it."""

    key: str
    path: Path
    block: int | None = None


LOADING = "loading outline..."
NO_HEADINGS = "(no headings)"


def label(text: str) -> Text:
    """One line of plain text, control characters drawn as visible symbols (never raw)."""
    return Text(safe_line(" ".join(text.split())))


def outline_of(doc: Document) -> list[tuple[int, int, str]]:
    """``(level, block_index, text)`` for each heading, in reading order."""
    return [
        (max(1, block.level), i, " ".join(block.text.split()))
        for i, block in enumerate(doc.blocks)
        if block.kind == "heading" and block.text.strip()
    ]


class DocTree(Tree[TreeTarget | None]):
    """Library and outlines; posts messages, holds no state beyond its nodes."""

    # ASCII guides and icons: box-drawing characters and triangles are East Asian Ambiguous
    # width, drawn two cells wide by some CJK terminals, which would shear every label.
    ICON_NODE = "+ "
    ICON_NODE_EXPANDED = "- "
    LINES: dict[str, tuple[str, str, str, str]] = {  # not a ClassVar: Tree declares it so
        style: ("  ", "| ", "`-", "|-") for style in ("default", "bold", "double")
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="tree.open"),
        Binding("down,j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("space", "toggle_node", "Expand/collapse", id="tree.toggle"),
        Binding("right,l", "expand", "Expand", show=False, id="tree.expand"),
        Binding("left,h", "collapse", "Collapse or go to parent", show=False, id="tree.collapse"),
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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Library"), id=id)
        self.auto_expand = False
        self.show_root = True
        self.guide_depth = 2
        self._documents: dict[str, TreeNode[TreeTarget | None]] = {}
        self._outlined: set[str] = set()
        #: Documents listed by file name (no metadata title): relabelled once imported.
        self._untitled: set[str] = set()

    def set_entries(self, entries: Iterable[LibraryEntry]) -> None:
        """Show these documents (by title) under the root, outlines collapsed and unloaded."""
        self.root.remove_children()
        self._documents.clear()
        self._outlined.clear()
        self._untitled.clear()
        for entry in entries:
            node = self.root.add(
                label(entry.title), data=TreeTarget(entry.key, entry.path), allow_expand=True
            )
            self._documents[entry.key] = node
            if not entry.meta.title and not entry.meta.title_supplied:
                self._untitled.add(entry.key)
        self.root.expand()

    def document_node(self, key: str) -> TreeNode[TreeTarget | None] | None:
        return self._documents.get(key)

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
            node.add_leaf(Text(NO_HEADINGS, style="dim"), data=None)
        elif len(node.children) == 1:
            node.children[0].expand()  # one title heading: show the chapters under it
        if key in self._untitled and doc.title.strip():
            node.set_label(label(doc.title))
            self._untitled.discard(key)
        self._outlined.add(key)
        node.allow_expand = True

    def set_outline_error(self, key: str, message: str) -> None:
        node = self._documents.get(key)
        if node is None:
            return
        node.remove_children()
        node.add_leaf(Text(safe_line(message), style="red"), data=None)
        self._outlined.add(key)

    def reveal(self, key: str, block: int | None = None) -> None:
        """Show the document's outline, cursor on the last heading at or before ``block``."""
        node = self._documents.get(key)
        if node is None:
            return
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

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[TreeTarget | None]) -> None:
        data = event.node.data
        if isinstance(data, TreeTarget) and data.block is None and data.key not in self._outlined:
            if not event.node.children:
                event.node.add_leaf(Text(LOADING, style="dim"), data=None)
            self.post_message(self.OutlineWanted(data.key, data.path))

    def _on_tree_node_selected(self, event: Tree.NodeSelected[TreeTarget | None]) -> None:
        event.stop()
        data = event.node.data
        if isinstance(data, TreeTarget):
            if data.block is None:
                event.node.expand()
            self.post_message(self.OpenRequested(data))


def _walk(node: TreeNode[TreeTarget | None]) -> Iterable[TreeNode[TreeTarget | None]]:
    for child in node.children:
        yield child
        yield from _walk(child)
