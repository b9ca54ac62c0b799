"""The annotation sidebar: the right-hand pane, its title and a slot for its content.

The pane, its place and its toggle belong to the app shell; what it lists (highlights, notes,
tags) is mounted into it by the annotations feature through :meth:`Sidebar.set_content`.
Focusing the pane (``tab``) focuses that content — the annotation list puts the focus in its
entries, one chosen — so the pane's keys work at once and the footer shows them.
"""

from __future__ import annotations

from typing import Self

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

EMPTY_TEXT = "No annotations in this document."


class Sidebar(Vertical, can_focus=True):
    """Right-hand pane; focusable itself so ``tab`` reaches it even while it is empty."""

    DEFAULT_CSS = """
    Sidebar { width: 36; }
    Sidebar > #sidebar-title { height: 1; text-style: bold; padding: 0 1; }
    Sidebar > #sidebar-body { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Annotations", id="sidebar-title", markup=False)
        with VerticalScroll(id="sidebar-body", can_focus=False):
            yield Static(EMPTY_TEXT, id="sidebar-empty", markup=False)

    def content(self) -> Widget | None:
        """What :meth:`set_content` put in the pane (None before it did)."""
        body = self.query_one("#sidebar-body", VerticalScroll)
        return next((w for w in body.children if w.id != "sidebar-empty"), None)

    def focus(self, scroll_visible: bool = True) -> Self:
        """Focus the content (its ``focus`` says where: the annotation list, its entries);
        the pane itself only while it has none. Tab used to stop on the pane, where no key of
        the list worked and the footer showed none of them."""
        content = self.content()
        if content is None:
            return super().focus(scroll_visible)
        content.focus(scroll_visible)
        return self

    def on_focus(self, event: events.Focus) -> None:
        """Focused directly (a click on the title): hand the focus on to the content too."""
        if self.content() is not None:
            self.focus()

    async def set_content(self, widget: Widget) -> None:
        """Replace whatever the pane shows with ``widget`` — nothing once the pane has left the
        screen (a `q` pressed before the first paint's callbacks ran: the app is closing, and
        mounting then raised, exit 70 instead of 0)."""
        body = self.query_one("#sidebar-body", VerticalScroll)
        if not body.is_attached:
            return
        await body.remove_children()
        if body.is_attached:
            await body.mount(widget)
