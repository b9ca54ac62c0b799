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
        # ctrl+c is listed with what it does, once, in the reader (and the note's popup)
        [copy] = [i for i in infos if "^c" in i.keys and i.group != "Footnote popup"]
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


#: Three passages of ``SNIPPET``, in reading order.
PASSAGES = ("日米同盟", "経済でも協力", "抑止力と対処力")


def _annotate(app: ShioriApp, *quotes: str) -> None:
    ctl = app.annotations
    assert ctl.repo is not None and ctl.current is not None
    text = ctl.current.document.base_text
    for quote in quotes:
        start = text.index(quote)
        ctl.repo.create(ctl.current.key, ctl.current.document, start, start + len(quote))
    ctl.reload()


def _listed(listing: AnnotationList) -> list[str]:
    """The quote of each entry listed, in order."""
    return [a.quote for a in listing.shown()]


def _chosen(listing: AnnotationList) -> str | None:
    ann = listing.highlighted_annotation()
    return ann.quote if ann is not None else None


def _footer_keys(app: ShioriApp) -> list[str]:
    """The keys the footer shows whole (not the palette's)."""
    from textual.widgets._footer import FooterKey

    return [
        k.key
        for k in app.main_screen.query(FooterKey)
        if k.display and not k.has_class("-command-palette")
    ]


@pytest.mark.parametrize("size", [(140, 40), (80, 24)])
async def test_tab_into_the_sidebar_chooses_an_entry_and_the_keys_work(
    app: ShioriApp, size: tuple[int, int]
) -> None:
    """A user pass: Tab landed in the sidebar with no entry chosen, the footer showed none of
    its keys, and Down, End and Enter did nothing there."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        _annotate(app, *PASSAGES)
        listing = app.main_screen.query_one(AnnotationList)
        await settle(pilot, until=lambda: _listed(listing) == list(PASSAGES))
        reader = app.reader
        reader.focus()
        # the cursor in the second passage: its entry is the one chosen
        reader.goto_offset(reader.document.base_text.index(PASSAGES[1]) + 2)
        if not app.sidebar_shown:
            await pilot.press("s")
        await pilot.press("tab")
        await settle(pilot)
        assert listing.options.has_focus
        assert _chosen(listing) == PASSAGES[1]
        footer = _footer_keys(app)
        # the list's main keys (delete too where there is room), and still ? and q
        for key in ("enter", "e", "y", "slash", *(["d"] if size[0] > 80 else [])):
            assert key in footer, (size, footer)
        assert "q" in footer and footer[0] == "question_mark"
        await pilot.press("down")
        assert _chosen(listing) == PASSAGES[2]
        await pilot.press("home")
        assert _chosen(listing) == PASSAGES[0]
        await pilot.press("end")
        assert _chosen(listing) == PASSAGES[2]
        await pilot.press("up", "enter")  # Enter jumps to the passage, the reader takes over
        await settle(pilot)
        assert app.focused is reader
        assert reader.document.base_text[reader.cursor :].startswith(PASSAGES[1])


async def test_tab_into_the_sidebar_without_a_cursor_nearby_chooses_the_nearest(
    app: ShioriApp,
) -> None:
    """Past the last annotation the last one is nearest; at the start, the first."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _annotate(app, *PASSAGES[:2])
        listing = app.main_screen.query_one(AnnotationList)
        await settle(pilot, until=lambda: len(_listed(listing)) == 2)
        reader = app.reader
        reader.focus()
        reader.goto_offset(len(reader.document.base_text) - 1)
        await pilot.press("s", "tab")
        assert _chosen(listing) == PASSAGES[1]
        await pilot.press("escape")  # back to the text
        assert app.focused is reader
        reader.goto_offset(0)
        await pilot.press("tab")
        assert listing.options.has_focus and _chosen(listing) == PASSAGES[0]


async def test_tab_into_an_empty_sidebar(app: ShioriApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        listing = app.main_screen.query_one(AnnotationList)
        await pilot.press("s", "tab")
        await settle(pilot)
        assert listing.options.has_focus and listing.options.option_count == 0
        assert _chosen(listing) is None
        assert "slash" in _footer_keys(app)  # the filter is what there is to do
        assert not {"enter", "e", "d", "y"} & set(_footer_keys(app))
        await pilot.press("down", "end", "enter", "e", "d")  # nothing to act on: no error
        await settle(pilot)
        assert app.is_running and listing.options.has_focus
        await pilot.press("escape")
        assert app.focused is app.reader


async def test_enter_on_an_orphan_reattaches_it_by_keyboard(tmp_path: Path) -> None:
    """The docs' "Enter re-attaches it to the selection", with the keys alone: select, Tab,
    End (orphans come last), Enter."""
    from store.annotations.repository import default_repository
    from store.library import doc_key

    path = paths.library_dir() / "domei.md"
    path.write_text(SNIPPET, encoding="utf-8")
    document = import_document(path)
    gone, new = "首脳会談では", "首脳会議では"
    repo = default_repository()
    key = doc_key(path)
    start = document.base_text.index(gone)
    kept = repo.create(key, document, 0, 5)  # an entry before the orphan
    ann = repo.create(key, document, start, start + len(gone), note="大事")
    repo.remember_file(key, path, document.content_hash, document.title)
    path.write_text(SNIPPET.replace(gone, new), encoding="utf-8")
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.main_screen.query_one(AnnotationList)
        await settle(pilot, until=lambda: len(_listed(listing)) == 2)
        reader = app.reader
        at = reader.document.base_text.index(new)
        reader.focus()
        reader.goto_offset(at)
        await pilot.press("v", *["l"] * (len(new) - 1))
        assert reader.selection == (at, at + len(new))
        await pilot.press("s", "tab", "end")
        assert listing.options.has_focus and _chosen(listing) == gone
        assert "enter" in _footer_keys(app)
        await pilot.press("enter")
        await settle(pilot)
        again = {a.id: a for a in app.annotations.repo.list(doc=key)}  # type: ignore[union-attr]
        assert again[ann.id].state == "anchored" and again[ann.id].quote == new
        assert again[ann.id].note == "大事" and again[kept.id].state == "anchored"
