"""The annotation keys of the main screen (``class MainScreen(AnnotationKeys)``).

Every binding has an ``annotations.<name>`` id and a description, so the help screen, the
user's keymap and the command palette pick it up; every action goes to ``app.annotations``
(:class:`tui.annotations_ui.AnnotationsController`), and the sidebar list's messages are
handled here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from tui.annotations_ui import AnnotationsController


class AnnotatedApp(Protocol):
    """What the app showing these keys has (``ShioriApp``, and the tests' harness app)."""

    annotations: AnnotationsController


def _bind(
    key: str, action: str, description: str, name: str, *, show: bool = False, **kw: Any
) -> Binding:
    return Binding(key, action, description, show=show, id=f"annotations.{name}", **kw)


class AnnotationKeys(Screen[Any]):
    """The annotation keys, for the main screen to inherit (``class MainScreen(AnnotationKeys)``).

    Every action goes to ``app.annotations``. ``y`` is a priority binding that takes the key
    while the reader is focused (the reader's own "copy the selection" is never reached there:
    a selection is cited, see :meth:`keys_taken_from`, so help lists one ``y``); with another
    pane focused it steps aside for that pane's own ``y``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        _bind(
            "a",
            "annotate",
            "Highlight",
            "create",
            show=True,
            tooltip="Highlight the selection",
        ),
        _bind("e", "edit_annotation", "Edit the highlight under the cursor", "edit"),
        _bind("d", "delete_annotation", "Delete the highlight under the cursor", "delete"),
        _bind("u", "undo_annotation", "Undo the last annotation change", "undo"),
        _bind(
            "y",
            "cite",
            "Cite",
            "cite",
            show=True,
            priority=True,
            tooltip="Copy the selection, or the highlight under the cursor, as a citation",
        ),
        _bind("Y", "cite_source", "Copy the citation without the quote", "cite_source"),
        _bind("ctrl+y", "show_citation", "Show the last citation copied", "show_citation"),
        _bind("C", "cycle_citation_style", "Citation style (ja / SIST 02 / en)", "style"),
        _bind("R", "toggle_citation_readings", "Citations with readings on/off", "readings"),
        _bind("m", "metadata", "Document metadata", "metadata"),
        _bind("T", "tag_browser", "Tag browser", "tags"),
        _bind("E", "export_annotations", "Export this document's annotations (Markdown)", "export"),
        _bind("f", "filter_annotations", "Filter the annotation list", "filter"),
    ]

    @property
    def annotations(self) -> AnnotationsController:
        """The app's controller (an app showing this screen has one: see the module doc)."""
        return cast("AnnotatedApp", self.app).annotations

    def _reader_focused(self) -> bool:
        from tui.widgets.reader import ReaderView

        return isinstance(self.focused, ReaderView)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cite":
            # Only with the reader focused and nothing selected: otherwise the key goes on to
            # the reader (which copies its selection) or to the focused list.
            return self._reader_focused()
        return super().check_action(action, parameters)

    def keys_taken_from(self, node: Any) -> set[str]:
        """Keys (after the user's keymap) that this screen's priority bindings take from
        ``node`` when it is focused, so help does not list a binding that never runs."""
        from tui.widgets.reader import ReaderView

        if not isinstance(node, ReaderView):
            return set()
        bindings = self._bindings.copy()
        if self.app._keymap:
            bindings.apply_keymap(self.app._keymap)
        return {key for key, b in bindings if b.priority and b.action == "cite"}

    def on_reader_view_position_changed(self, message: Any) -> None:
        # Not stopped: the app keeps the reading position and the header from it too.
        ctl = self.annotations
        if ctl.current is not None:
            starts = ctl.current.document.block_starts
            if 0 <= message.block < len(starts):
                ctl.reading_at(starts[message.block] + message.offset)

    def on_reader_view_selection_copied(self, message: Any) -> None:
        message.stop()
        if getattr(message, "as_citation", True):
            self.annotations.cite(source_only=False, span=(message.start, message.end))
        else:
            self.annotations.copy(message.text)

    def on_annotation_list_chosen(self, message: Any) -> None:
        ctl = self.annotations
        if ctl.current is not None:
            ctl.jump_to(ctl.current.key, message.annotation.start)

    def on_annotation_list_left(self, message: Any) -> None:
        ctl = self.annotations
        if ctl.current is not None:
            ctl.reader.focus()
        else:
            self.focus_next()

    def on_annotation_list_reattach_requested(self, message: Any) -> None:
        self.annotations.reattach(message.annotation)

    def on_annotation_list_action_requested(self, message: Any) -> None:
        ctl, ann = self.annotations, message.annotation
        if message.action == "edit":
            ctl.edit_at_cursor(ann)
        elif message.action == "delete":
            ctl.delete_at_cursor(ann)
        else:
            ctl.cite_annotation_or_span(None, ann, source_only=message.action == "source")

    def action_annotate(self) -> None:
        self.annotations.create_from_selection()

    def action_edit_annotation(self) -> None:
        self.annotations.edit_at_cursor()

    def action_delete_annotation(self) -> None:
        self.annotations.delete_at_cursor()

    def action_undo_annotation(self) -> None:
        self.annotations.undo()

    def action_cite(self) -> None:
        ctl = self.annotations
        ctl.cite(source_only=False)
        reader = ctl.reader if ctl.current is not None else None
        if reader is not None and reader.selection is not None:
            reader.action_clear()  # as the reader's own copy did: the selection is used up

    def action_cite_source(self) -> None:
        ctl = self.annotations
        ctl.cite(source_only=True)
        reader = ctl.reader if ctl.current is not None else None
        if reader is not None and reader.selection is not None:
            reader.action_clear()

    def action_show_citation(self) -> None:
        self.annotations.show_citation_dialog()

    def action_cycle_citation_style(self) -> None:
        self.annotations.cycle_style()

    def action_toggle_citation_readings(self) -> None:
        self.annotations.toggle_readings()

    def action_metadata(self) -> None:
        self.annotations.open_metadata_form()

    def action_export_annotations(self) -> None:
        self.annotations.export_document()

    def action_tag_browser(self) -> None:
        self.annotations.open_tag_browser()

    def action_filter_annotations(self) -> None:
        listing = self.annotations.annotation_list()
        if listing is None:
            return
        show = getattr(self.app, "_set_sidebar_shown", None)
        if show is not None and not getattr(self.app, "sidebar_shown", True):
            show(True)
        listing.focus_filter()
