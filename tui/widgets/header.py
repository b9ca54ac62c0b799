"""The one-line header: document title, current section, reading progress.

Widths are measured in terminal cells (Japanese is two cells a character) and only ASCII is
used for the chrome itself, since East Asian Ambiguous characters differ between terminals.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from store.terminal_safe import safe_line

APP_MARK = " 栞 Shiori "
SEPARATOR = " / "
ELLIPSIS = ".."


def one_line(text: str) -> str:
    """``text`` on one line (whitespace runs as one space), controls drawn as visible symbols."""
    return safe_line(" ".join(text.split()))


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, marked with ``..`` when cut."""
    if cell_len(text) <= width:
        return text
    if width <= len(ELLIPSIS):
        return ""
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - len(ELLIPSIS):
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


class ShioriHeader(Widget):
    """Shows what is being read and how far along; the App sets the three reactives."""

    DEFAULT_CSS = """
    ShioriHeader { height: 1; dock: top; }
    """

    doc_title: reactive[str] = reactive("")
    section: reactive[str] = reactive("")
    #: Fraction of the document above the reading position, 0..1; ``None`` hides it.
    progress: reactive[float | None] = reactive(None)
    #: The search state shown at the right ("/query 3/12"); empty when no search is on.
    search: reactive[str] = reactive("")
    #: The printed page the reading position is on ("135"); empty when the source has none.
    page: reactive[str] = reactive("")
    #: How far a long import has got, 0..1, drawn as a bar; ``None`` when nothing is loading.
    import_fraction: reactive[float | None] = reactive(None)

    def render(self) -> Text:
        width = self.size.width
        right = f" {round(self.progress * 100):3d}% " if self.progress is not None else " "
        if self.page:
            right = f" p.{fit(one_line(self.page), 8)}" + right
        if self.import_fraction is not None:
            return self._render_loading(width, right)
        search = fit(one_line(self.search), max(0, width // 2 - 2)) if self.search else ""
        search_part = f" {search} " if search else ""
        mark_style = "bold reverse"
        room = width - cell_len(APP_MARK) - cell_len(right) - cell_len(search_part) - 1
        title = one_line(self.doc_title) or "Library"
        section = one_line(self.section)
        if section == title:
            section = ""  # the document's own title heading: said once is enough
        title_part = fit(title, max(0, min(room, max(room // 2, room - cell_len(section)))))
        room -= cell_len(title_part)
        section_part = ""
        if section and room > len(SEPARATOR) + 2:
            section_part = fit(section, room - len(SEPARATOR))
        text = Text(no_wrap=True, overflow="crop")
        text.append(APP_MARK, style=mark_style)
        text.append(" ")
        text.append(title_part, style="bold")
        if section_part:
            text.append(SEPARATOR, style="dim")
            text.append(section_part)
        pad = width - cell_len(text.plain) - cell_len(search_part) - cell_len(right)
        if pad > 0:
            text.append(" " * pad)
        if search_part:
            text.append(search_part, style="reverse")
        text.append(right, style="bold")
        return text

    def _render_loading(self, width: int, right: str) -> Text:
        """The section's place holds a bar (cells of colour, no glyphs whose width a
        terminal may disagree on) filling as a long import reads its pages."""
        text = Text(no_wrap=True, overflow="crop")
        text.append(APP_MARK, style="bold reverse")
        text.append(" ")
        label = f" {one_line(self.section)} "
        room = width - cell_len(APP_MARK) - 1 - cell_len(label) - cell_len(right)
        bar = max(0, min(40, room))
        filled = round(bar * max(0.0, min(1.0, self.import_fraction or 0.0)))
        text.append(" " * filled, style="reverse")
        text.append(" " * (bar - filled), style="dim underline")
        text.append(label)
        pad = width - cell_len(text.plain) - cell_len(right)
        if pad > 0:
            text.append(" " * pad)
        text.append(right, style="bold")
        return text
