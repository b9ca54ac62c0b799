"""The highlight dialog (``a`` creates, ``e`` edits): a colour, then a note and tags.

Step one lists the five colours under the names the user gave them (``n`` renames one, e.g.
重要 / 疑問 / 引用); ``1``-``5`` or Enter picks. Step two is a multi-line note (a ``TextArea``:
a Japanese input method composes in the terminal and the text arrives as typed) and the tags,
completed from the tags already in use (right arrow accepts). Nothing is saved until
``ctrl+s`` (or Enter in the tags field); Escape goes back a step, then cancels — asking first
when a note or tags were typed, since cancelling would throw them away.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from store.annotations.model import Annotation, ColorSlot
from store.patterns import compiled
from store.terminal_safe import clean_line, safe_line, strip_controls
from tui.annotation_chips import chip_style, excerpt

if TYPE_CHECKING:
    from tui.annotations_ui import AnnotationsController

#: What separates tags in the tags field.
TAG_SEPARATORS = compiled(r"[\s,、，]+")


@dataclass(frozen=True)
class AnnotationDraft:
    """What the dialog returns: the chosen colour key, the note and the tags."""

    color: str
    note: str
    tags: tuple[str, ...]


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as ``外交, 日米 #安保``: split on spaces and commas, ``#`` dropped, de-duplicated."""
    out: dict[str, None] = {}
    for part in TAG_SEPARATORS.split(clean_line(text)):
        tag = part.strip().lstrip("#").strip()
        if tag:
            out[tag] = None
    return tuple(out)


class TagSuggester(Suggester):
    """Completes the tag being typed (the last one in the field) from the tags in use."""

    def __init__(self, tags: list[tuple[str, int]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = [tag for tag, _ in tags]  # most used first

    async def get_suggestion(self, value: str) -> str | None:
        parts = TAG_SEPARATORS.split(value)
        token = parts[-1].lstrip("#") if parts else ""
        if not token:
            return None
        typed = set(parse_tags(value)[:-1])
        folded = token.casefold()
        for tag in self.tags:
            if tag not in typed and tag.casefold().startswith(folded) and tag != token:
                return value + tag[len(token) :]
        return None


def color_prompt(number: int, slot: ColorSlot, theme: Mapping[str, str]) -> Text:
    text = Text()
    text.append(f" {number} ", style="bold")
    text.append(f" {safe_line(slot.label)} ", style=chip_style(slot.key, theme))
    text.append(f"  {slot.key}", style="dim")
    return text


class AnnotateScreen(ModalScreen[AnnotationDraft | None]):
    """See the module docstring. ``existing`` fills the fields in for editing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back / cancel", id="annotate.back"),
        Binding("ctrl+s", "save", "Save", id="annotate.save"),
        Binding("1", "pick(0)", "Colour 1", show=False, id="annotate.color1"),
        Binding("2", "pick(1)", "Colour 2", show=False, id="annotate.color2"),
        Binding("3", "pick(2)", "Colour 3", show=False, id="annotate.color3"),
        Binding("4", "pick(3)", "Colour 4", show=False, id="annotate.color4"),
        Binding("5", "pick(4)", "Colour 5", show=False, id="annotate.color5"),
        Binding("n", "rename", "Name the colour", id="annotate.rename"),
        # The app's help, under the app's own id (a modal screen does not pass keys on); in
        # the note and tags fields a typed ? is text, as n and 1-5 are.
        Binding("question_mark", "app.help", "Help", tooltip="Show every key", id="app.help"),
    ]

    def __init__(
        self,
        quote: str,
        controller: AnnotationsController,
        existing: Annotation | None,
        *,
        unsaved: bool = False,
    ) -> None:
        super().__init__()
        self.quote = quote
        self.controller = controller
        self.existing = existing
        #: ``existing`` holds what was typed but could not be saved (the dialog came back
        #: after a failed save): Escape asks before dropping it, as for anything typed.
        self.unsaved = unsaved
        self.slots: list[ColorSlot] = controller.colors()
        keys = [s.key for s in self.slots]
        self.color = existing.color if existing and existing.color in keys else keys[0]

    def compose(self) -> ComposeResult:
        title = "Edit annotation" if self.existing else "New highlight"
        with Vertical(id="annotate-box"):
            yield Static(Text(title, style="bold"), id="annotate-title")
            yield Static(Text("「" + excerpt(self.quote, 120) + "」"), id="annotate-quote")
            with ContentSwitcher(initial="annotate-colors", id="annotate-steps"):
                with Vertical(id="annotate-colors"):
                    yield OptionList(*self._color_options(), id="colors")
                    yield Input(placeholder="a name for this colour", id="rename")
                    yield Static(
                        "1-5 or Enter: choose   n: name the colour   "
                        "ctrl+s: save now   Esc: cancel",
                        id="colors-hint",
                        classes="annotate-hint",
                    )
                with Vertical(id="annotate-note"):
                    yield Static(id="chosen")
                    yield Static("Note", classes="annotate-label")
                    yield TextArea(
                        self.existing.note if self.existing else "",
                        id="note",
                        soft_wrap=True,
                        tab_behavior="focus",
                        show_line_numbers=False,
                    )
                    yield Static("Tags (spaces or commas between them)", classes="annotate-label")
                    yield Input(
                        " ".join(self.existing.tags) if self.existing else "",
                        placeholder="e.g. 日米同盟 要確認",
                        id="tags",
                        suggester=TagSuggester(self.controller.all_tags()),
                        # Tab into the tags of a highlight being edited: typing adds a tag
                        # after them, never replaces them all (Textual selects all on focus).
                        select_on_focus=False,
                    )
                    yield Static(self._tags_hint(), id="tags-known", classes="annotate-hint")
                    yield Static(
                        "ctrl+s or Enter in Tags: save   tab: next field   "
                        "right arrow: complete a tag   Esc: back",
                        id="note-hint",
                        classes="annotate-hint",
                    )

    def _color_options(self) -> list[Option]:
        theme = self.app.theme_variables
        return [
            Option(color_prompt(i, slot, theme), id=slot.key)
            for i, slot in enumerate(self.slots, 1)
        ]

    def _tags_hint(self) -> Text:
        tags = self.controller.all_tags()[:12]
        if not tags:
            return Text("No tags yet.", style="dim")
        return Text("In use: " + "  ".join(f"{safe_line(t)}({n})" for t, n in tags), style="dim")

    def on_mount(self) -> None:
        colors = self.query_one("#colors", OptionList)
        colors.highlighted = [s.key for s in self.slots].index(self.color)
        self.query_one("#rename", Input).display = False
        # Editing: what is typed goes after the note there is (the cursor started before it).
        # Set once here, so going back to the colours and on again keeps where the user was.
        note = self.query_one("#note", TextArea)
        note.move_cursor(note.document.end)
        colors.focus()

    @property
    def step(self) -> str:
        return self.query_one(ContentSwitcher).current or "annotate-colors"

    def _renaming(self) -> bool:
        return bool(self.query_one("#rename", Input).display)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pick", "rename"):
            return self.step == "annotate-colors" and not self._renaming()
        return True

    # -- step one: the colour ----------------------------------------------------------------

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.slots):
            self.color = self.slots[index].key
            self._to_note()

    @on(OptionList.OptionSelected, "#colors")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.color = event.option.id or self.color
        self._to_note()

    def _to_note(self) -> None:
        slot = next(s for s in self.slots if s.key == self.color)
        chosen = Text("Colour: ")
        chosen.append(
            f" {safe_line(slot.label)} ", style=chip_style(slot.key, self.app.theme_variables)
        )
        self.query_one("#chosen", Static).update(chosen)
        self.query_one(ContentSwitcher).current = "annotate-note"
        self.query_one("#note", TextArea).focus()

    def action_rename(self) -> None:
        colors = self.query_one("#colors", OptionList)
        index = colors.highlighted or 0
        rename = self.query_one("#rename", Input)
        rename.value = self.slots[index].label
        rename.display = True
        rename.focus()

    @on(Input.Submitted, "#rename")
    def _renamed(self, event: Input.Submitted) -> None:
        event.stop()
        colors = self.query_one("#colors", OptionList)
        index = colors.highlighted or 0
        error = self.controller.rename_color(self.slots[index].key, event.value)
        if error:
            self.notify(error, severity="error")
            return
        self.slots = self.controller.colors()
        colors.clear_options()
        colors.add_options(self._color_options())
        colors.highlighted = index
        event.input.display = False
        colors.focus()

    # -- step two: note and tags -------------------------------------------------------------

    @on(Input.Submitted, "#tags")
    def _tags_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self._renaming():
            return
        if self.step == "annotate-colors":
            colors = self.query_one("#colors", OptionList)
            if colors.highlighted is not None:
                self.color = self.slots[colors.highlighted].key
        note = self.query_one("#note", TextArea).text
        tags = parse_tags(self.query_one("#tags", Input).value)
        self.dismiss(AnnotationDraft(self.color, strip_controls(note)[0].strip(), tags))

    def action_back(self) -> None:
        if self._renaming():
            self.query_one("#rename", Input).display = False
            self.query_one("#colors", OptionList).focus()
        elif self.step == "annotate-note":
            self.query_one(ContentSwitcher).current = "annotate-colors"
            self.query_one("#colors", OptionList).focus()
        elif self._typed_something():
            from tui.screens.confirm import ConfirmScreen

            self.app.push_screen(
                ConfirmScreen(
                    "Discard the note and tags you typed?",
                    "Nothing has been saved yet.",
                    "Discard",
                ),
                self._discard_answered,
            )
        else:
            self.dismiss(None)

    def _typed_something(self) -> bool:
        """Whether cancelling now would lose a note or tags the user typed in this dialog."""
        note = self.query_one("#note", TextArea).text.strip()
        tags = parse_tags(self.query_one("#tags", Input).value)
        if self.existing is not None and not self.unsaved:
            return note != self.existing.note.strip() or tags != tuple(self.existing.tags)
        return bool(note or tags)

    def _discard_answered(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)
        else:
            self._to_note()
