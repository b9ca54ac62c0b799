"""The annotation sidebar: the right-hand pane, its title and a slot for its content.

The pane, its place and its toggle belong to the app shell; what it lists (highlights, notes,
tags) is mounted into it by the annotations feature through :meth:`Sidebar.set_content`.
"""

from __future__ import annotations

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
