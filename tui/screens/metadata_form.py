"""The metadata form (``m``): the open document's bibliographic fields, saved in the store.

Filled with what the library knows (the seeds' metadata, overlaid with what the user entered
before); what is saved here overrides the seed's fields in every citation from then on. A
preview shows the source line in each style as the fields change, so the user sees the
citation they will get. The date must be ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static

from store.citation import STYLES, Locator, format_source
from store.library import DocMeta
from store.model import Document
from store.patterns import compiled
from store.terminal_safe import clean_line, safe_line

#: (field, label, placeholder) in the order the form shows them.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", "Title", "e.g. 北米"),
    ("author", "Author / issuer", "e.g. 外務省"),
    ("container", "In (book, journal)", "e.g. 外交青書2025"),
    ("publisher", "Publisher", "only if not the author"),
    ("date", "Date", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("kind", "Kind", "e.g. white paper chapter, article, report, press release"),
    ("url", "URL", "https://..."),
    ("notes", "Notes", ""),
)
DATE = compiled(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")


def date_error(value: str) -> str | None:
    """A one-line message when ``value`` is not an ISO-style date (empty is fine)."""
    value = value.strip()
    if not value or DATE.match(value):
        if value:
            parts = [int(p) for p in value.split("-")]
            if len(parts) > 1 and not 1 <= parts[1] <= 12:
                return "Date: the month must be 1-12."
            if len(parts) > 2 and not 1 <= parts[2] <= 31:
                return "Date: the day must be 1-31."
        return None
    return "Date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-10-28)."


class PlainCheckbox(Checkbox):
    """A checkbox drawn ``[X]`` when ticked and ``[ ]`` when not.

    Textual draws its ``X`` either way, telling the states apart by colour alone, between
    half-block edges (ambiguous width in CJK terminals) coloured as its background: in a
    terminal an unticked box read as ticked, and Space seemed to do nothing. Colours are in
    ``annotations.tcss``.
    """

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        mark = self.BUTTON_INNER if self.value else " "
        return Content.assemble(self.BUTTON_LEFT, (mark, style), self.BUTTON_RIGHT)


class MetadataForm(ModalScreen[DocMeta | None]):
    """Dismisses with the edited :class:`DocMeta` (ctrl+s), or None (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="metadata.save"),
        Binding("escape", "cancel", "Cancel", id="metadata.cancel"),
    ]

    def __init__(self, key: str, meta: DocMeta, document: Document | None = None) -> None:
        super().__init__()
        self.key = key
        self.meta = meta
        self.document = document

    def compose(self) -> ComposeResult:
        with Vertical(id="metadata-box"):
            yield Static(
                Text("Document metadata: ", style="bold") + Text(safe_line(self.key), "dim"),
                id="metadata-title",
            )
            with VerticalScroll(id="metadata-fields"):
                for name, label, placeholder in FIELDS:
                    with Horizontal(classes="metadata-row"):
                        yield Static(label, classes="metadata-label")
                        yield Input(
                            clean_line(str(getattr(self.meta, name) or "")),
                            placeholder=placeholder,
                            id=f"meta-{name}",
                        )
                yield PlainCheckbox(
                    "The author is an organisation (a ministry, a company)",
                    self.meta.author_is_org,
                    id="meta-author_is_org",
                )
            yield Static(id="metadata-preview")
            yield Static(id="metadata-error")
            yield Static(
                Text("ctrl+s: save   tab: next field   Esc: cancel", style="dim"),
                id="metadata-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#meta-title", Input).focus()
        self._preview()

    def edited(self) -> DocMeta:
        """The form's fields as a :class:`DocMeta` (other fields kept)."""
        values: dict[str, Any] = {}
        names = {f.name for f in fields(DocMeta)}
        for name, _label, _ in FIELDS:
            if name in names:
                values[name] = clean_line(self.query_one(f"#meta-{name}", Input).value)
        values["author_is_org"] = self.query_one("#meta-author_is_org", Checkbox).value
        meta = replace(self.meta, **values)
        if meta.title != self.meta.title:
            meta = replace(meta, title_supplied=False)
        return meta

    @on(Input.Changed)
    @on(Checkbox.Changed)
    def _preview(self) -> None:
        meta = self.edited()
        preview = Text("Citations will read:\n", style="bold")
        for style in STYLES:
            try:
                line = format_source(meta, Locator(), style)
            except Exception as exc:  # a preview must never break the form
                line = f"({exc})"
            preview.append(f"{style:>6}  ", style="dim")
            preview.append(line + ("\n" if style != STYLES[-1] else ""))
        self.query_one("#metadata-preview", Static).update(preview)
        error = date_error(meta.date)
        self.query_one("#metadata-error", Static).update(
            Text(error, style="bold red") if error else ""
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        meta = self.edited()
        error = date_error(meta.date)
        if error:
            self.notify(error, severity="error")
            self.query_one("#meta-date", Input).focus()
            return
        self.dismiss(meta)

    def action_cancel(self) -> None:
        self.dismiss(None)
