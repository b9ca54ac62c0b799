"""The annotation features inside the real app shell: the newcomer's path of issue 5.

Open a document, highlight a sentence with a note and tags, quit, reopen, find it in the
sidebar and the tag browser, and copy a citation — with no clipboard at all (CI), the honest
message and the dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotations_harness import SENTENCE, TEXT
from pilot_waits import settle
from textual.widgets import Input, OptionList, TextArea

from store.importer import import_file
from tui.app import OpenedFile, ShioriApp
from tui.screens.annotate import AnnotateScreen
from tui.screens.citation_dialog import CitationDialog
from tui.screens.help import HelpScreen
from tui.screens.tag_browser import TagBrowserScreen
from tui.widgets.annotation_list import AnnotationList

SIZE = (170, 40)  # wide enough for the sidebar to be shown


def make_app(path: Path) -> ShioriApp:
    return ShioriApp(OpenedFile(path.resolve(), import_file(path)))


async def wait_loaded(pilot: Any, app: ShioriApp) -> None:
    """The document is shown and its annotations are in."""
    await settle(pilot, until=lambda: app.annotations.current is not None)


async def test_highlight_quit_reopen_find_and_cite(tmp_path: Path) -> None:
    path = tmp_path / "hokubei.txt"
    path.write_text(TEXT, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        reader = app.reader
        start = reader.document.base_text.index(SENTENCE)
        reader.focus()
        reader.goto_offset(start)
        await pilot.press("v", *["l"] * (len(SENTENCE) - 1), "a")
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("2")
        app.screen.query_one("#note", TextArea).insert("基軸の意味")
        app.screen.query_one("#tags", Input).value = "日米 安保"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert reader.highlights == [(start, start + len(SENTENCE), "blue")]

    harness_cache_clear()
    again = make_app(path)
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, again)
        assert len(again.reader.highlights) == 1
        options = again.main_screen.query_one(AnnotationList).options
        assert any(SENTENCE[:8] in str(o.prompt) for o in options.options)
        again.reader.focus()
        await pilot.press("T")
        assert isinstance(again.screen, TagBrowserScreen)
        tags = [str(o.prompt) for o in again.screen.query_one("#tag-list", OptionList).options]
        assert tags == ["安保  (1)", "日米  (1)"]
        await pilot.press("escape")
        # No clipboard in CI and no terminal to send OSC 52 to: the dialog, honestly.
        again.reader.goto_offset(again.reader.document.base_text.index(SENTENCE) + 1)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(again.screen, CitationDialog)
        text = again.screen.query_one("#citation-text", TextArea).text
        assert text.startswith(f"「{SENTENCE}」\n")
        assert "「1 概観」" in text
        assert again.annotations.last_copy is not None
        assert not again.annotations.last_copy.copied


async def test_the_copy_by_hand_dialog_is_not_covered_by_notices(tmp_path: Path) -> None:
    """With no clipboard, ``R`` then ``y`` left "Citations: quote with readings…" over the
    dialog's citation, the very text the user is to copy."""
    path = tmp_path / "hokubei.txt"
    path.write_text(TEXT, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        app.reader.focus()
        app.reader.goto_offset(app.reader.document.base_text.index(SENTENCE))
        await pilot.press("R")
        await pilot.pause()
        assert app._notifications  # the toggle's notice
        await pilot.press("v", "right_parenthesis", "y")
        await pilot.pause()
        assert isinstance(app.screen, CitationDialog)
        assert not app._notifications


async def test_help_lists_the_annotation_keys(tmp_path: Path) -> None:
    path = tmp_path / "hokubei.txt"
    path.write_text(TEXT, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        descriptions = {info.description for info in app.binding_infos()}
        for wanted in (
            "Highlight the selection",
            "Copy the selection, or the highlight under the cursor, as a citation",
            "Tag browser",
        ):
            assert wanted in descriptions
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


def harness_cache_clear() -> None:
    """A second app in the same test: open the store anew, as a new process would."""
    import store.annotations.repository as repository

    for repo in repository._default.values():
        repo.close()
    repository._default.clear()


async def test_tag_browser_opens_another_library_document_at_the_passage() -> None:
    from store import paths
    from store.annotations.repository import default_repository
    from store.library import doc_key

    first = paths.library_dir() / "a-hokubei.txt"
    first.write_text(TEXT, encoding="utf-8")
    second = paths.library_dir() / "b-summit.txt"
    quote = "同盟を新たな高みへ引き上げる"
    second.write_text("日米首脳会談\n\n両首脳は" + quote + "ことで一致した。\n", encoding="utf-8")
    repo = default_repository()
    doc = import_file(second)
    start = doc.base_text.index(quote)
    repo.create(doc_key(second), doc, start, start + len(quote), tags=["首脳"])
    app = ShioriApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_document(doc_key(first), first)
        await wait_loaded(pilot, app)
        assert app.current_key == doc_key(first)
        app.reader.focus()
        await pilot.press("T")
        browser = app.screen
        assert isinstance(browser, TagBrowserScreen)
        await pilot.press("enter")  # the tag 首脳: to its passages
        passages = browser.query_one("#tag-passages", OptionList)
        assert passages.has_focus and passages.highlighted is not None
        await pilot.press("enter")
        await settle(pilot, until=lambda: app.current_key == doc_key(second))
        reader = app.reader
        assert reader.document.base_text[reader.cursor :].startswith(quote)
        assert len(reader.highlights) == 1


async def test_f_shows_the_sidebar_and_focuses_its_filter(tmp_path: Path) -> None:
    path = tmp_path / "hokubei.txt"
    path.write_text(TEXT, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:  # medium width: no sidebar at first
        await wait_loaded(pilot, app)
        assert not app.sidebar_shown
        app.reader.focus()
        await pilot.press("f")
        await pilot.pause()
        assert app.sidebar_shown
        listing = app.main_screen.query_one(AnnotationList)
        assert listing.query_one("#annotation-filter", Input).has_focus


async def test_a_damaged_store_is_reported_and_the_reader_keeps_working(tmp_path: Path) -> None:
    from store import paths

    paths.annotations_db().write_bytes(b"\x00garbage{not json")
    path = tmp_path / "hokubei.txt"
    path.write_text(TEXT, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        messages = " ".join(n.message for n in app._notifications)
        assert "annotations.json" in messages  # what happened, naming the file
        reader = app.reader
        reader.focus()
        reader.goto_offset(reader.document.base_text.index(SENTENCE))
        await pilot.press("v", "l", "l", "y")
        await pilot.pause()
        assert isinstance(app.screen, CitationDialog)  # citing still works


async def test_keymap_entries_for_annotation_keys_are_known_at_start(tmp_path: Path) -> None:
    from store import paths

    (paths.config_dir() / "keymap.toml").write_text(
        '"annotations.list_edit" = "E"\n"annotate.save" = "ctrl+w"\n"annotations.tags" = "ctrl+g"\n',
        encoding="utf-8",
    )
    path = tmp_path / "hokubei.txt"
    path.write_text(TEXT, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        messages = " ".join(n.message for n in app._notifications)
        assert "no binding has the id" not in messages
        app.reader.focus()
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, TagBrowserScreen)
