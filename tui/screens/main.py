"""The reading screen: header, library tree | reader | annotation sidebar, footer.

Composition only; the App owns the state (which document, which panes are shown) and this
screen forwards its resizes and key bindings to the App's actions. The reader's popups
(footnotes, word info) are opened here when the reader asks for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, TextArea

from tui.annotations_ui import AnnotationKeys
from tui.screens.reader_popups import OpensReaderPopups
from tui.widgets.footer import ShioriFooter
from tui.widgets.header import ShioriHeader
from tui.widgets.library_pane import LibraryPane
from tui.widgets.reader import ReaderView
from tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from tui.app import ShioriApp


def search_status(query: str, index: int, count: int) -> str:
    """The header's search field: ``/query 3/12``, ``/query no match``, or nothing."""
    if not query:
        return ""
    if not count:
        return f"/{query} no match"
    return f"/{query} {index + 1}/{count}"


class MainScreen(OpensReaderPopups, AnnotationKeys):
    #: Reading starts in the reader (the App moves focus to the tree when nothing is open).
    AUTO_FOCUS = "#reader"

    #: The annotation keys come from ``AnnotationKeys``; these are the shell's own.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "t",
            "app.toggle_tree",
            "Tree",
            tooltip="Show or hide the library tree",
            id="app.toggle_tree",
        ),
        Binding(
            "s",
            "app.toggle_sidebar",
            "Sidebar",
            tooltip="Show or hide the annotation sidebar",
            id="app.toggle_sidebar",
        ),
        Binding(
            "F",
            "app.library_search",
            "Find in the library",
            show=False,
            tooltip="Search every document of the library",
            id="app.library_search",
        ),
        Binding(
            "tab",
            "app.next_pane",
            "Next pane",
            show=False,
            tooltip="Focus the next pane",
            id="app.next_pane",
        ),
        Binding(
            "shift+tab",
            "app.previous_pane",
            "Previous pane",
            show=False,
            tooltip="Focus the previous pane",
            id="app.previous_pane",
        ),
        # Not in help (esc is the reader's there); the filter's placeholder names it.
        Binding(
            "escape",
            "leave_input",
            "Leave",
            show=False,
            system=True,
            tooltip="Leave a text field (back to the text)",
            id="app.leave_input",
        ),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_input":
            return isinstance(self.focused, Input | TextArea)
        return super().check_action(action, parameters)

    def action_leave_input(self) -> None:
        """Escape in a text field: the keys go back to the reader, never into the field."""
        self.query_one(ReaderView).focus()

    def compose(self) -> ComposeResult:
        yield ShioriHeader(id="header")
        with Horizontal(id="panes"):
            yield LibraryPane(id="tree")
            yield ReaderView(id="reader")
            yield Sidebar(id="sidebar")
        yield ShioriFooter(id="footer")

    @property
    def shiori(self) -> ShioriApp:
        """The app (this screen is only ever shown by ``ShioriApp``)."""
        return cast("ShioriApp", self.app)

    async def on_mount(self) -> None:
        await self.shiori.main_screen_ready()

    def on_reader_view_position_changed(self, message: ReaderView.PositionChanged) -> None:
        message.stop()
        self.shiori.main_reader_moved(message)

    def on_reader_view_search_changed(self, message: ReaderView.SearchChanged) -> None:
        message.stop()
        self.query_one(ShioriHeader).search = search_status(
            message.query, message.index, message.count
        )

    def on_resize(self, event: events.Resize) -> None:
        self.app.call_later(self.shiori.fit_panes_to_width, event.size.width)

    def correct_reading(self, word: str, reading: str, *, own: bool) -> None:
        """``e`` in the word popup: the user's own reading, kept with their annotations."""
        self.annotations.correct_reading(word, reading, own=own)
