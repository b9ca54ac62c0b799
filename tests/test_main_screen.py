"""The main screen, driven through Pilot: the search status in the header, one help entry per
key, a welcome text that follows the keymap, side-pane choices that survive a resize, exact
position restore, a footer of whole keys, and a footnote popup beside its marker."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_waits import settle

from store import paths
from tui.app import OpenedFile, ShioriApp, import_document
from tui.widgets.sidebar import Sidebar

SNIPPET = """# 同盟の記録

## 第1章 概観

日米同盟は、日本の外交・安全保障の基軸である[^1]。両国は経済でも協力を深めている。

## 第2章 首脳会談

首脳会談では、同盟の抑止力と対処力の強化を確認した。同盟国との連携も話し合った。

[^1]: 外務省『外交青書』による。
"""


@pytest.fixture
def user_doc() -> Path:
    path = paths.library_dir() / "domei.md"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


def header_text(app: ShioriApp) -> str:
    return app.header.render().plain


async def test_search_count_is_one_header_field_updated_in_place(user_doc: Path) -> None:
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.clear_notifications()
        await pilot.press("slash", *"同盟", "enter")
        await settle(pilot)
        count = len(app.reader.matches)
        assert count == 4  # 同盟 in the title, 日米同盟, 同盟の, 同盟国
        first = header_text(app)
        index = next(i for i, (s, _) in enumerate(app.reader.matches) if s == app.reader.cursor)
        assert f"/同盟 {index + 1}/{count}" in first
        await pilot.press("n")
        await pilot.pause()
        assert f"/同盟 {(index + 1) % count + 1}/{count}" in header_text(app)
        await pilot.press("N", "N")
        await pilot.pause()
        assert f"/同盟 {(index - 1) % count + 1}/{count}" in header_text(app)
        # No toast per keystroke: the header is the one place the count is shown.
        assert [n.message for n in app._notifications] == []
        await pilot.press("escape")
        await pilot.pause()
        assert "/同盟" not in header_text(app)
        assert app.header.search == ""


async def test_a_search_with_no_match_says_so_in_the_header(user_doc: Path) -> None:
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"xyzzy", "enter")
        await settle(pilot)
        assert "/xyzzy no match" in header_text(app)
        assert [n.message for n in app._notifications] == []
        await pilot.press("escape")  # ends the search, though nothing was found
        await pilot.pause()
        assert "xyzzy" not in header_text(app)


async def test_help_lists_each_key_once_per_pane_with_what_it_does(user_doc: Path) -> None:
    from collections import Counter

    from tui.screens.help import HelpScreen

    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        infos = app.screen._infos
        # The reader's keys and the screen's keys both apply while reading: no key twice.
        reading = [i for i in infos if i.group in ("Everywhere", "Reader", "Annotations")]
        counts = Counter(key for info in reading for key in info.keys)
        assert [k for k, n in counts.items() if n > 1] == []
        [y] = [info for info in reading if "y" in info.keys]
        assert y.description == (
            "Copy the selection, or the highlight under the cursor, as a citation"
        )
        # What it says is what it does: with a selection, y cites the selection.
        await pilot.press("escape")
        copied: list[str] = []
        app.annotations.copy = copied.append  # type: ignore[method-assign,assignment]  # record, not copy
        await pilot.press("v", "l", "l")
        sel = app.reader.selection
        assert sel is not None
        quote = app.reader.document.base_text[sel[0] : sel[1]]
        await pilot.press("y")
        await pilot.pause()
        assert len(copied) == 1 and quote in copied[0] and copied[0] != quote
        assert app.reader.selection is None


async def test_welcome_names_the_keys_in_force(user_doc: Path) -> None:
    (paths.config_dir() / "keymap.toml").write_text(
        'app.toggle_tree = "f2"\napp.help = "f1"\n"tree.expand" = "L"\n', encoding="utf-8"
    )
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.current_key is None  # nothing read yet: the welcome text
        text = app.reader.document.base_text
        assert "f2 shows or hides the library" in text
        assert "f1 lists every key" in text
        assert "L shows its headings" in text
        assert "t shows" not in text and "? lists" not in text


async def test_welcome_with_default_keys(user_doc: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = app.reader.document.base_text
        for phrase in ("enter opens it", ". t shows or hides", ", ? lists every key", ", q quits"):
            assert phrase in text, text


async def test_resizing_keeps_the_users_tree_and_sidebar_choice(user_doc: Path) -> None:
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        tree, sidebar = app.library_pane, app.main_screen.query_one(Sidebar)
        assert tree.display and sidebar.display
        await pilot.press("t", "s")  # the user hides both on the wide terminal
        assert not tree.display and not sidebar.display
        await pilot.resize_terminal(120, 40)  # wide -> medium band
        await settle(pilot)
        assert not tree.display and not sidebar.display
        await pilot.resize_terminal(200, 60)  # and back
        await settle(pilot)
        assert not tree.display and not sidebar.display
        await pilot.press("s")  # shown on purpose at a width where it is off by default
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert sidebar.display and not tree.display


async def test_without_a_choice_the_band_decides(user_doc: Path) -> None:
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        tree, sidebar = app.library_pane, app.main_screen.query_one(Sidebar)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert tree.display and not sidebar.display
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not tree.display and not sidebar.display


def long_text() -> str:
    """Long paragraphs full of kanji (no readings given), so the furigana change the wraps."""
    parts = ["# 長い記録", ""]
    sentence = (
        "首脳会談では経済安全保障と技術協力の強化について意見を交換し、同盟の抑止力を確認した。"
    )
    for i in range(1, 41):
        parts += [f"第{i}段落。" + sentence * 4, ""]
    return "\n".join(parts)


async def test_reopen_restores_exactly_the_saved_row(user_doc: Path) -> None:
    from store import positions
    from store.library import doc_key

    path = user_doc.with_name("nagai.md")
    path.write_text(long_text(), encoding="utf-8")
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.reader._readings is not None  # furigana laid out
        await pilot.press("space", "space")
        for _ in range(12):  # down to a row in the middle of a paragraph
            await pilot.press("j")
            await pilot.pause()
            if app.reader.position[1] > 20:
                break
        await settle(pilot)
        left_at = app.reader.position
        assert left_at[1] > 0  # mid-paragraph: the case where a relayout can move the row
        await pilot.press("q")
    saved = positions.load_position(doc_key(path))
    assert saved is not None and (saved.block, saved.offset) == left_at
    for _ in range(2):  # `shiori` again (the last document read), twice: never drifts
        again = ShioriApp()
        async with again.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert again.reader._readings is not None
            assert again.reader.position == left_at
            await pilot.press("q")


async def test_footer_shows_only_keys_that_fit_whole(user_doc: Path) -> None:
    from textual.widgets._footer import FooterKey

    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for width in (80, 120, 200):
            await pilot.resize_terminal(width, 30)
            await settle(pilot)
            keys = list(app.main_screen.query(FooterKey))
            [palette] = [k for k in keys if k.has_class("-command-palette")]
            shown = [k for k in keys if k.display and k is not palette]
            assert shown, width
            # each shown key is drawn whole, left of the palette key (no label cut mid-word)
            for key in shown:
                region = key.region
                assert region.width == key.get_content_width(region.size, region.size)
                assert region.right <= palette.region.x, (width, key.description)
            if width == 80:
                # the most used keys first, so a narrow terminal still shows them
                assert len(shown) < len(keys) - 1
                assert [k.key for k in shown[:4]] == ["question_mark", "v", "a", "y"]
                assert "q" in [k.key for k in shown]


async def test_footnote_popup_opens_beside_its_marker_not_over_it(user_doc: Path) -> None:
    from tui.widgets.footnote_popup import FootnotePopup

    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        row = app.reader._cursor_row()
        assert row is not None and app.reader.marker_at_cursor() == "1"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FootnotePopup)
        box = app.screen.query_one("#footnote-box").region
        assert box.y == row + 1  # just below the marker's line, which stays readable
        assert "外交青書" in app.screen.query_one("#footnote-text").document.base_text
