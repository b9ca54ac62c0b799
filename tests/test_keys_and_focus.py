"""Keys that do what help says: ctrl+c copies the selection (it never asks to quit), help
lists only what works in each pane (ours first), the footer leads with the most used keys,
and Escape always leaves a text field, so letters typed next are keys again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_waits import settle
from textual.widgets import Input

from store import paths
from tui.app import OpenedFile, ShioriApp, import_document
from tui.screens.help import HelpScreen
from tui.widgets.annotation_list import AnnotationList

SNIPPET = """# 同盟の記録

日米同盟は、日本の外交・安全保障の基軸である。両国は経済でも協力を深めている。

首脳会談では、同盟の抑止力と対処力の強化を確認した。
"""


@pytest.fixture
def app(tmp_path: Path) -> ShioriApp:
    path = paths.library_dir() / "domei.md"
    path.write_text(SNIPPET, encoding="utf-8")
    return ShioriApp(OpenedFile(path, import_document(path)))


async def test_ctrl_c_copies_the_selection_as_text(app: ShioriApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        copied: list[str] = []
        app.annotations.copy = copied.append  # type: ignore[method-assign,assignment]  # record, not copy
        reader = app.reader
        start = reader.document.base_text.index("日米同盟")
        reader.goto_offset(start)
        await pilot.press("v", "l", "l", "l", "ctrl+c")
        await pilot.pause()
        assert copied == ["日米同盟"]  # the text itself, not a citation
        assert reader.selection is None
        # nothing selected: it says how to select, and never "quit?"
        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("v starts a selection" in m for m in messages)
        assert not any("quit" in m.lower() for m in messages)
        assert app.is_running


async def test_help_lists_what_works_in_each_pane_ours_first(app: ShioriApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        infos = app.screen._infos
        reader = [i for i in infos if i.group == "Reader"]
        descriptions = [i.description for i in reader]
        # no sideways paging in a pane that never scrolls sideways, no Textual duplicates
        assert "Page Left" not in descriptions and "Page Right" not in descriptions
        assert all(i.binding_id for i in reader)
        assert not any(i.action == "screen.copy_text" for i in infos)
        # ctrl+c is listed with what it does, once, in the reader
        [copy] = [i for i in infos if "^c" in i.keys]
        assert copy.group == "Reader" and "plain text" in copy.description
        # our keys first, in the order declared: j before down, g before home
        [down] = [i for i in reader if i.binding_id == "reader.down"]
        assert down.keys == ("j", "down")
        [top] = [i for i in reader if i.binding_id == "reader.top"]
        assert top.keys == ("g", "home")
        assert reader[0].binding_id == "reader.down"


async def test_escape_leaves_the_sidebar_filter(app: ShioriApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        field = app.main_screen.query_one("#annotation-filter", Input)
        assert field.has_focus
        await pilot.press(*"#同盟")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not field.has_focus
        assert app.focused is app.reader
        await pilot.press("s", "a")  # keys again: the sidebar goes, a asks for a selection
        await settle(pilot)
        assert field.value == "#同盟"
        assert not app.sidebar_shown


async def test_one_escape_in_the_filter_goes_to_the_list(app: ShioriApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        ctl = app.annotations
        assert ctl.repo is not None and ctl.current is not None
        start = app.reader.document.base_text.index("日米同盟")
        ctl.repo.create(ctl.current.key, ctl.current.document, start, start + 4, tags=["同盟"])
        ctl.reload()
        await pilot.press("f", *"#同盟", "escape")
        await settle(pilot)
        listing = app.main_screen.query_one(AnnotationList)
        assert listing.options.has_focus and listing.options.option_count == 1
        await pilot.press("x")  # not typed into the filter
        assert listing.query_text == "#同盟"
