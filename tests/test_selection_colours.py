"""The selection looks unlike every highlight (and search match) in 16-colour, 256-colour and
true-colour terminals: the colours are resolved as each kind of terminal shows them."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from rich.color import Color, ColorSystem
from rich.style import Style
from textual.app import App, ComposeResult

from store.annotations.model import COLOR_KEYS
from store.model import Block, Document
from tui.annotation_chips import highlight_variables
from tui.widgets.reader import ReaderView

TEXT = "選択と強調の色を比べる。" * 3
SYSTEMS = [ColorSystem.STANDARD, ColorSystem.EIGHT_BIT, ColorSystem.TRUECOLOR]


class ColourApp(App[None]):
    CSS_PATH = "../tui/styles/annotations.tcss"

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **highlight_variables()}

    def compose(self) -> ComposeResult:
        yield ReaderView()

    def on_mount(self) -> None:
        reader = self.query_one(ReaderView)
        reader.show(Document("色", [Block("paragraph", TEXT)]), analyse=False)
        # each colour key on two characters, then the default highlight and a search match
        spans = [(2 * k, 2 * k + 2, key) for k, key in enumerate(COLOR_KEYS)]
        n = len(COLOR_KEYS)
        reader.highlights = [*spans, (2 * n, 2 * n + 2, "")]
        reader._matches = [(2 * n + 2, 2 * n + 4)]


def cell_styles(reader: ReaderView) -> list[Style]:
    """The style of each character of the first line, in order."""
    strip = reader.render_line(0)
    out: list[Style] = []
    for segment in strip:
        out += [segment.style or Style()] * cell_len(segment.text)
    return out


def shown_background(style: Style, system: ColorSystem) -> Any:
    """The background a terminal of ``system`` shows for ``style`` (reverse swaps)."""
    color = style.color if style.reverse else style.bgcolor
    assert color is not None, style
    down = Color.parse(color.name if color.triplet is None else color.triplet.hex)
    down = down.downgrade(system)
    return down.triplet.hex if system is ColorSystem.TRUECOLOR and down.triplet else down.number


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "gruvbox"])
async def test_selection_is_unlike_every_highlight_in_every_colour_system(theme: str) -> None:
    app = ColourApp()
    async with app.run_test(size=(80, 10)) as pilot:
        app.theme = theme
        reader = app.query_one(ReaderView)
        reader.cursor = len(TEXT) - 1  # the cursor out of the way
        await pilot.pause()
        n = len(COLOR_KEYS)
        marked = cell_styles(reader)
        # the text's cells: two per character (wide), take the first of each
        marks = {
            **{key: marked[4 * k] for k, key in enumerate(COLOR_KEYS)},
            "default": marked[4 * n],
            "match": marked[4 * (n + 1)],
        }
        # now select the whole line (highlights included) and look again
        reader._anchor = 0
        reader.cursor = len(TEXT) - 1
        reader.refresh()
        await pilot.pause()
        selected = cell_styles(reader)
        for system in SYSTEMS:
            others = {name: shown_background(s, system) for name, s in marks.items()}
            for k in (0, 4, 4 * n, 4 * (n + 2)):  # selected over a highlight, and plain
                sel = shown_background(selected[k], system)
                assert sel not in others.values(), (theme, system, k, sel, sorted(others.items()))
