"""The highlight palette is defined once, as theme variables named by the store's colour keys."""

from __future__ import annotations

from pathlib import Path

from pilot_waits import settle
from rich.color import Color
from rich.style import Style
from textual.theme import Theme

from store.annotations.model import COLOR_KEYS
from tui.annotation_chips import HIGHLIGHT_BACKGROUNDS, chip_style
from tui.app import OpenedFile, ShioriApp, import_document


def background(style: Style) -> str:
    assert style.bgcolor is not None
    return style.bgcolor.get_truecolor().hex


async def test_each_colour_key_has_one_background_in_the_reader_and_in_the_chips(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kiroku.md"
    path.write_text("# 記録\n\n日米同盟は基軸である。\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert sorted(HIGHLIGHT_BACKGROUNDS) == sorted(COLOR_KEYS)
        for key in COLOR_KEYS:
            reader = background(app.reader.get_component_rich_style(f"reader--highlight-{key}"))
            chip = background(Style.parse(chip_style(key, app.theme_variables)))
            assert reader == chip == HIGHLIGHT_BACKGROUNDS[key], key

        # A theme may recolour a highlight: the reader and the chips follow it together.
        app.register_theme(
            Theme(name="test-red", primary="#004578", dark=True, variables={"highlight-red": "#aa0000"})
        )
        app.theme = "test-red"
        await pilot.pause()
        reader = app.reader.get_component_rich_style("reader--highlight-red")
        assert background(reader) == "#aa0000"
        assert Style.parse(chip_style("red", app.theme_variables)).bgcolor == Color.parse("#aa0000")
