"""Popups show their whole text: sized to the screen, scrollable with the keys they list, and
beside the line they are about, never over it (footnote, word, citation)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_waits import settle
from screen_text import screen_lines, widget_lines
from textual.widgets import TextArea

from store.clipboard import CopyResult, Route
from tui.app import OpenedFile, ShioriApp, import_document
from tui.screens.citation_dialog import CitationDialog
from tui.widgets.footnote_popup import FootnotePopup
from tui.widgets.popup_fit import fit_across, fit_beside
from tui.widgets.word_popup import WordPopup

LONG_NOTE = (
    "瀬取り：洋上で船舶から船舶へ物資を積み替えること。国連安保理決議は、北朝鮮籍船舶との"
    "瀬取りを加盟国に禁じている。日本は、関係国と連携して警戒監視を行い、疑わしい事案を"
    "国連安保理北朝鮮制裁委員会に通報し、関係国と情報を共有している。2018年以降、"
    "オーストラリア、カナダ、フランス、ニュージーランド、英国、米国などが航空機や艦艇を"
    "派遣し、日本周辺の海域で警戒監視活動を行ってきた。その結果、多数の事案が明らかに"
    "なり、制裁の実効性の確保に寄与している。最後の文はここで終わる。"
)
END = "最後の文はここで終わる。"

DOCUMENT = "# 警戒監視\n\n" + "".join(
    f"第{k}段落。日米は、地域の平和と安定のために協力を続けている。\n\n" for k in range(1, 9)
) + (
    "北朝鮮による「瀬取り」[^1]への対策として、関係国と連携した。\n\n"
    + "".join(f"後続{k}。両国は対話を続ける。\n\n" for k in range(1, 9))
    + f"[^1]: {LONG_NOTE}\n"
)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "keikai.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_fit_beside_keeps_the_line_and_its_readings_free() -> None:
    assert fit_beside(5, 4, 24) == (6, 4)  # below
    assert fit_beside(20, 6, 24) == (13, 6)  # above, leaving rows 19 (readings) and 20
    assert fit_beside(12, 30, 24) == (13, 11)  # taller than both sides: the roomier one
    assert fit_beside(14, 30, 24) == (0, 13)
    assert fit_beside(None, 30, 24) == (0, 24)
    assert fit_beside(None, 6, 24) == (9, 6)


def marker_row_text(app: ShioriApp, row: int) -> str:
    return screen_lines(app)[row]


@pytest.mark.parametrize("size", [(80, 24), (50, 12), (200, 60)])
async def test_a_long_footnote_shows_whole_or_scrolls_to_its_end(
    doc: Path, size: tuple[int, int]
) -> None:
    app = ShioriApp(OpenedFile(doc, import_document(doc)))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        row = app.reader._cursor_row()
        assert row is not None
        before = marker_row_text(app, row)
        assert "瀬取り" in before
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FootnotePopup)
        box = app.screen.query_one("#footnote-box").region
        assert box.height <= size[1]
        assert not (box.y <= row < box.bottom), "the popup covers the marker's line"
        assert marker_row_text(app, row) == before
        shown = "".join(screen_lines(app))
        hint = app.screen.query_one("#footnote-hint").render()
        if END not in shown:
            # it scrolls, says how, and End shows the note's last characters
            assert "j/k" in str(hint) and "End" in str(hint)
            await pilot.press("end")
            await pilot.pause()
            assert END[-4:] in "".join(screen_lines(app))
            await pilot.press("home", "j", "pagedown")
            await pilot.pause()
        else:
            assert str(hint) == "Esc closes"
        shown = " ".join(" ".join(screen_lines(app)).split())
        assert "Esc closes" in shown
        if str(hint) != "Esc closes":  # the whole hint, wrapped, not cut
            hint_lines = widget_lines(app.screen.query_one("#footnote-hint"))
            assert "Home/End scroll" in " ".join(" ".join(hint_lines).split())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FootnotePopup)


async def test_the_word_popup_sits_beside_its_word(doc: Path) -> None:
    app = ShioriApp(OpenedFile(doc, import_document(doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        reader.goto_offset(reader.document.base_text.index("瀬取り"))
        await pilot.pause()
        row = reader._cursor_row()
        await pilot.press("K")
        await settle(pilot)
        assert isinstance(app.screen, WordPopup)
        box = app.screen.query_one("#word-box").region
        assert row is not None and not (box.y <= row < box.bottom)
        text = "\n".join(screen_lines(app))
        assert "Part of speech" in text and "Esc closes" in text


@pytest.mark.parametrize("size", [(80, 24), (60, 16)])
async def test_a_long_citation_dialog_shows_whole(doc: Path, size: tuple[int, int]) -> None:
    app = ShioriApp(OpenedFile(doc, import_document(doc)))
    citation = "「" + LONG_NOTE * 3 + "」\n外務省「警戒監視」2025年。"
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        result = CopyResult(Route.NONE, "No clipboard: copy it by hand.", citation)
        app.push_screen(CitationDialog(result))
        await settle(pilot)
        text = " ".join(" ".join(screen_lines(app)).split())  # wrapped lines joined
        assert "Copy by hand" in text and "Esc or Enter closes" in text
        assert "PgUp/PgDn scroll" in text  # it is longer than the room it has
        area = app.screen.query_one("#citation-text", TextArea)
        assert app.screen.query_one("#citation-box").region.bottom <= size[1]
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert area.scroll_y > 0


def test_a_popup_goes_over_its_pane_and_spills_only_when_the_pane_is_too_thin() -> None:
    # a wide reader between the library and the sidebar: the box narrows to it
    assert fit_across((36, 88), 90, 160) == (36, 88)
    # a roomy reader: centred over it, not over the screen's middle
    assert fit_across((40, 120), 90, 160) == (55, 90)
    # a reader too thin to wrap a note in: centred on it, kept on the screen
    assert fit_across((70, 30), 60, 100) == (40, 60)
    assert fit_across((0, 30), 60, 100) == (0, 60)
    # nothing known of the pane: centred on the screen
    assert fit_across(None, 60, 100) == (20, 60)


async def test_help_opens_over_the_word_popup_and_the_citation_dialog(doc: Path) -> None:
    """`?` did nothing in either (a modal screen does not pass keys on to the app)."""
    app = ShioriApp(OpenedFile(doc, import_document(doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.reader.goto_offset(app.reader.document.base_text.index("瀬取り"))
        await pilot.press("K")
        await settle(pilot)
        assert isinstance(app.screen, WordPopup)
        await _help_over(pilot, WordPopup)
        await pilot.press("escape")
        app.push_screen(CitationDialog(CopyResult(Route.NONE, "Copy it by hand.", "「瀬取り」")))
        await settle(pilot)
        await _help_over(pilot, CitationDialog)


async def _help_over(pilot: Any, below: type) -> None:
    """``?`` opens help over the screen shown (a ``below``), Escape gives that screen back."""
    from tui.screens.help import HelpScreen

    await pilot.press("question_mark")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HelpScreen)
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, below)


async def test_help_opens_over_the_highlight_dialog_and_a_typed_question_mark_is_text(
    doc: Path,
) -> None:
    from pilot_waits import select

    from tui.screens.annotate import AnnotateScreen
    from tui.screens.help import HelpScreen

    app = ShioriApp(OpenedFile(doc, import_document(doc)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, "日米は、地域の平和")
        await pilot.press("a")
        await settle(pilot, until=lambda: isinstance(app.screen, AnnotateScreen))
        await pilot.press("question_mark")  # choosing the colour: help
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("1")  # the colour; now the note
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.query_one(TextArea).text == "?"
