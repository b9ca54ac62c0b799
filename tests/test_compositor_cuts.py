"""A toast over the reader and the sidebar shows its whole text: a wide character across the
edge between two widgets under it was drawn as two blank cells (``Highlighted 「岡本か    」``,
seen at 120×36 with the sidebar shown)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_waits import settle
from screen_text import screen_lines
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static
from textual.widgets._toast import Toast

from store.importer import import_file
from tui import compositor_cuts
from tui.app import OpenedFile, ShioriApp
from tui.widgets.sidebar import Sidebar

#: Toasts of one and of two more cells: whatever column the sidebar starts at, a wide
#: character of one of them at least lies across it (at 120×36 one of 子 in both, before).
MESSAGES = (
    "Highlighted 「岡本かの子の巴里祭」 (u undoes)",
    "Highlighted 「岡本かの子の巴里祭」 (u undoes).",
)


def ours(app: ShioriApp) -> list[Toast]:
    """The toasts on screen showing one of ``MESSAGES``."""
    return [t for t in app.screen.query(Toast) if t._notification.message in MESSAGES]


async def test_a_toast_across_the_sidebar_edge_shows_every_character(doc_path: Path) -> None:
    app = ShioriApp(OpenedFile(doc_path.resolve(), import_file(doc_path)))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot, until=lambda: app.annotations.current is not None)
        if not app.sidebar_shown:
            await pilot.press("s")
        for message in MESSAGES:
            app.notify(message, timeout=30)
        await settle(pilot, until=lambda: len(ours(app)) == len(MESSAGES))
        sidebar = app.main_screen.query_one(Sidebar).region
        for toast in ours(app):  # the premise: each toast crosses the sidebar's edge
            assert toast.region.x < sidebar.x < toast.region.right
        lines = screen_lines(app)
        for message in MESSAGES:
            assert any(message in line for line in lines), "\n".join(lines[-12:])


class Halves(App[None]):
    """Two panes side by side, the right one ``right`` cells wide: any app's widget edge."""

    CSS = "Static { height: 1fr; } #left { width: 1fr; }"

    def __init__(self, right: int) -> None:
        compositor_cuts.install()  # as ShioriApp does at start-up
        super().__init__()
        self.right = right

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("左" * 40, id="left")
            yield Static("右" * 40, id="right")

    def on_mount(self) -> None:
        self.query_one("#right").styles.width = self.right


@pytest.mark.parametrize("right", [20, 21])
async def test_any_notification_over_any_widget_edge_keeps_its_wide_characters(
    right: int,
) -> None:
    app = Halves(right)
    async with app.run_test(size=(80, 12), notifications=True) as pilot:
        message = "猫の近くから時として狼が"
        app.notify(message, timeout=30)
        await settle(pilot, until=lambda: bool(app.screen.query(Toast)))
        toast = app.screen.query_one(Toast)
        assert toast.region.x < 80 - right < toast.region.right  # it lies across the edge
        lines = screen_lines(app)
        assert any(message in line for line in lines), "\n".join(lines)
