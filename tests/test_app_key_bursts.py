"""Keys that reach the app in one burst (a slow SSH link, tmux) go where a person typing them
one by one would send them: the app settles from each before the next is routed."""

from __future__ import annotations

from pathlib import Path

from annotations_harness import SENTENCE, TEXT
from pilot_waits import settle
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from store.importer import import_file
from tui.app import OpenedFile, ShioriApp
from tui.screens.metadata_form import MetadataForm
from tui.widgets.search_bar import SearchBar

SIZE = (170, 40)
NAMES = {"\t": "tab", " ": "space", "/": "slash", "\r": "enter", "\x1b": "escape"}


def burst(pilot: Pilot[None], keys: str) -> None:
    """Post every key at once, as the terminal driver does with one read of the input."""
    for ch in keys:
        pilot.app.post_message(events.Key(NAMES.get(ch, ch), ch))


def make_app(tmp_path: Path) -> ShioriApp:
    path = tmp_path / "hokubei.txt"
    path.write_text(TEXT, encoding="utf-8")
    return ShioriApp(OpenedFile(path.resolve(), import_file(path)))


async def opened(pilot: Pilot[None], app: ShioriApp) -> None:
    await settle(pilot, until=lambda: app.annotations.current is not None)
    app.reader.focus()
    await pilot.pause()


async def test_a_search_typed_in_one_burst_goes_to_the_search_box(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        burst(pilot, "/日米")  # the reader took 日米 before, and the box stayed empty
        await settle(pilot, until=lambda: isinstance(app.screen, SearchBar))
        box = app.screen.query_one("#search-input", Input)
        await settle(pilot, until=lambda: box.value == "日米")
        burst(pilot, "\x1b/quota")  # closed, opened again: the q of quota used to quit
        await settle(pilot, until=lambda: isinstance(app.screen, SearchBar))
        box = app.screen.query_one("#search-input", Input)
        await settle(pilot, until=lambda: box.value == "quota")
        assert app.is_running


async def test_a_highlight_typed_in_one_burst_keeps_its_note_and_tags(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        start = app.reader.document.base_text.index(SENTENCE)
        app.reader.goto_offset(start)
        await pilot.pause()
        burst(pilot, "v" + "l" * (len(SENTENCE) - 1) + "a1要点\t日米 安保\r")
        await settle(pilot, until=lambda: bool(app.reader.highlights))
        await settle(pilot)
        assert app.reader.highlights == [(start, start + len(SENTENCE), "yellow")]
        current = app.annotations.current
        assert current is not None
        [annotation] = app.annotations.repo.list(doc=current.key)
        assert annotation.note == "要点" and tuple(annotation.tags) == ("日米", "安保")


async def test_tab_in_a_burst_moves_to_the_next_field_first(tmp_path: Path) -> None:
    # "A<Tab>B" at once in the metadata form: A in the first field, B in the next
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        await pilot.press("m")
        form = app.screen
        assert isinstance(form, MetadataForm)
        first = form.focused
        assert isinstance(first, Input)
        first.value = ""
        burst(pilot, "A\tB")
        await settle(pilot, until=lambda: form.focused is not first)
        await settle(pilot)
        assert first.value == "A" and isinstance(form.focused, Input)
        assert form.focused.value.endswith("B")


async def test_a_count_that_ends_after_the_bar_closed_is_dropped(tmp_path: Path) -> None:
    """``/日米`` then Escape in one burst: the count's thread finished after the bar was gone
    and its result, shown on the removed bar, raised NoMatches — a crash (seen once in CI)."""
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        burst(pilot, "/日米")
        await settle(pilot, until=lambda: isinstance(app.screen, SearchBar))
        bar = app.screen
        assert isinstance(bar, SearchBar)
        burst(pilot, "\x1b")
        await settle(pilot, until=lambda: not isinstance(app.screen, SearchBar))
        bar._show_count("日米", 3)  # what the count's thread calls when it ends late
        await settle(pilot)
        assert app.is_running and app.crash is None
