"""The tag browser (``T``): every tag with its count, and one tag's passages across the library.

Left, the tags (most used first; the field above narrows them). Right, every passage carrying
the highlighted tag, grouped by document, with its section, quote and note. Enter on a passage
closes the browser and opens that document with the cursor on the passage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.annotations.model import Annotation
from store.counts import count
from store.terminal_safe import safe_line
from tui.annotation_chips import chip_style, excerpt

if TYPE_CHECKING:
    from tui.annotations_ui import AnnotationsController


class TagBrowserScreen(ModalScreen[tuple[str, int] | None]):
    """Dismisses with ``(document key, start offset)`` of the chosen passage, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back / close", id="tag_browser.close"),
        Binding("left", "focus_tags", "Tags", show=False, id="tag_browser.tags"),
        Binding("right", "focus_passages", "Passages", show=False, id="tag_browser.passages"),
    ]

    def __init__(self, controller: AnnotationsController) -> None:
        super().__init__()
        self.controller = controller
        self.tags: list[tuple[str, int]] = controller.all_tags()
        self.passages: list[Annotation] = []
        self._titles: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-browser-box"):
            yield Static(Text("Tags", style="bold"), id="tag-browser-title")
            with Horizontal(id="tag-browser-panes"):
                with Vertical(id="tag-browser-left"):
                    yield Input(placeholder="narrow the tags", id="tag-filter")
                    yield OptionList(id="tag-list")
                yield OptionList(id="tag-passages")
            yield Static(
                Text(
                    "Enter: show the tag's passages / open the passage   "
                    "left/right: switch lists   Esc: close",
                    style="dim",
                ),
                id="tag-browser-hint",
            )

    def on_mount(self) -> None:
        self._fill_tags("")
        tag_list = self.query_one("#tag-list", OptionList)
        tag_list.focus()
        if self.tags:
            tag_list.highlighted = 0
        else:
            self.query_one("#tag-passages", OptionList).set_options(
                [Option(Text("No tags yet: add some with a (new highlight) or e (edit)."))]
            )

    def _fill_tags(self, needle: str) -> None:
        needle = needle.casefold()
        options = [
            Option(Text(f"{safe_line(tag)}  ({uses})"), id=tag)
            for tag, uses in self.tags
            if needle in tag.casefold()
        ]
        tag_list = self.query_one("#tag-list", OptionList)
        tag_list.set_options(options)
        if options:
            tag_list.highlighted = 0

    @on(Input.Changed, "#tag-filter")
    def _narrow(self, event: Input.Changed) -> None:
        event.stop()
        self._fill_tags(event.value.strip())

    @on(Input.Submitted, "#tag-filter")
    def _narrowed(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#tag-list", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#tag-list")
    def _tag_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_tag(event.option.id or "")

    @on(OptionList.OptionSelected, "#tag-list")
    def _tag_selected(self, event: OptionList.OptionSelected) -> None:
        self.show_tag(event.option.id or "")
        self.action_focus_passages()

    def _title(self, key: str) -> str:
        title = self._titles.get(key)
        if title is None:
            try:
                title = safe_line(self.controller.source_meta(key).title)
            except Exception:
                title = key
            self._titles[key] = title or key
        return self._titles[key]

    def show_tag(self, tag: str) -> None:
        """List every passage tagged ``tag``, grouped by document."""
        repo = self.controller.repo
        try:
            self.passages = repo.list(tag=tag) if repo is not None and tag else []
        except Exception as exc:  # a damaged store: say so, keep the browser open
            self.notify(f"Could not list the tag: {exc}", severity="error")
            self.passages = []
        labels = {c.key: c.label for c in self.controller.colors()}
        items: list[Option] = []
        doc = None
        present = {key for key, _ in self.controller.library.files()}
        for i, ann in enumerate(self.passages):
            if ann.doc != doc:
                doc = ann.doc
                heading = Text(self._title(doc), style="bold underline")
                if doc.startswith(("lib:", "seed:")) and doc not in present:
                    heading.append(" (removed: orphaned until it returns)", style="dim")
                items.append(Option(heading, disabled=True))
            text = Text()
            label = safe_line(labels.get(ann.color, ann.color))
            text.append(f" {label} ", chip_style(ann.color, self.app.theme_variables))
            if ann.section:
                text.append(" " + excerpt(ann.section[-1], 40), style="dim")
            if ann.state == "orphan":
                text.append(" (orphan: passage not found)", style="dim")
            text.append("\n「" + excerpt(ann.quote, 70) + "」")
            if ann.note:
                text.append("\n" + excerpt(ann.note, 70), style="italic")
            text.append("\n")  # a blank line between passages (no box-drawing rules)
            items.append(Option(text, id=str(i)))
        passages = self.query_one("#tag-passages", OptionList)
        passages.set_options(items)
        title = self.query_one("#tag-browser-title", Static)
        if tag:
            title.update(
                Text(f"Tags: #{safe_line(tag)}, {count(len(self.passages), 'passage')}", style="bold")
            )

    @on(OptionList.OptionSelected, "#tag-passages")
    def _passage_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        ann = self.passages[int(event.option.id)]
        self.dismiss((ann.doc, ann.start))

    def action_focus_tags(self) -> None:
        self.query_one("#tag-list", OptionList).focus()

    def action_focus_passages(self) -> None:
        passages = self.query_one("#tag-passages", OptionList)
        passages.focus()
        if passages.highlighted is None and passages.option_count:
            first = next(
                (i for i, o in enumerate(passages.options) if not o.disabled),
                None,
            )
            passages.highlighted = first

    def action_back(self) -> None:
        if self.query_one("#tag-passages", OptionList).has_focus:
            self.action_focus_tags()
        else:
            self.dismiss(None)
