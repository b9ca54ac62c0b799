"""The left-hand pane: a filter box over the library tree.

Typing in the box narrows the tree as you type (title, author or file name); Enter or Down
goes to the tree, Escape clears the box and goes back to the tree. ``/`` in the tree comes
here. The pane is shown, hidden and sized as one (the App's ``t``); focusing it focuses the
tree.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input

from tui.widgets.doc_tree import DocTree


class FilterBox(Input):
    """The filter box: Escape and Down leave it for the tree (Input keeps every other key)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave(True)", "Clear the filter", show=False, id="tree.filter_clear"),
        Binding("down", "leave(False)", "To the tree", show=False, id="tree.filter_down"),
    ]

    def action_leave(self, clear: bool) -> None:
        if clear:
            self.value = ""
        pane = self.parent
        if isinstance(pane, LibraryPane):
            pane.doc_tree.focus()


class LibraryPane(Vertical):
    def compose(self) -> ComposeResult:
        yield FilterBox(placeholder="filter: / (title, author)", id="tree-filter")
        yield DocTree(id="doc-tree")

    @property
    def doc_tree(self) -> DocTree:
        return self.query_one(DocTree)

    @property
    def filter_box(self) -> FilterBox:
        return self.query_one(FilterBox)

    def focus(self, scroll_visible: bool = True) -> LibraryPane:
        """Focusing the pane focuses its tree (``tab`` and ``t`` land there)."""
        self.doc_tree.focus(scroll_visible)
        return self

    @on(Input.Changed, "#tree-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.doc_tree.set_filter(event.value)

    @on(Input.Submitted, "#tree-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        tree = self.doc_tree
        tree.focus()
        keys = tree.document_keys()
        if keys:
            node = tree.document_node(keys[0])
            if node is not None:
                tree.move_cursor(node)

    @on(DocTree.FilterWanted)
    def _filter_wanted(self, event: DocTree.FilterWanted) -> None:
        event.stop()
        self.filter_box.focus()

