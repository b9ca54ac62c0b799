"""Annotation keys: ids for the keymap, tag completion, keys typed into fields, a read-only
store, escape sequences in notes, and a snapshot of the highlight dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotations_harness import (
    SENTENCE,
    AnnApp,
    highlight,
)
from pilot_waits import select, settle
from textual.binding import Binding
from textual.widgets import Input, TextArea

from store.annotations.repository import Repository
from tui.annotations_ui import AnnotationKeys
from tui.screens.annotate import AnnotateScreen, TagSuggester
from tui.widgets.annotation_list import AnnotationEntries, AnnotationList


def test_every_annotation_binding_has_an_id_and_a_description() -> None:
    bindings = [
        b for b in (*AnnotationKeys.BINDINGS, *AnnotationEntries.BINDINGS) if isinstance(b, Binding)
    ]
    ids = [b.id for b in bindings]
    assert all(i and i.startswith("annotations.") for i in ids)
    assert len(set(ids)) == len(ids)
    assert all(b.description for b in bindings)
    keys = {b.id: b.key for b in bindings}
    assert keys["annotations.create"] == "a" and keys["annotations.cite"] == "y"
    assert keys["annotations.cite_source"] == "Y" and keys["annotations.tags"] == "T"


async def test_a_remapped_key_works(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.set_keymap({"annotations.create": "H"})
        await select(pilot, SENTENCE)
        await pilot.press("a")
        assert not isinstance(app.screen, AnnotateScreen)
        await pilot.press("H")
        assert isinstance(app.screen, AnnotateScreen)


async def test_tag_suggestions_complete_the_tag_being_typed() -> None:
    suggester = TagSuggester([("日米同盟", 5), ("日本外交", 2), ("安保", 1)])
    assert await suggester.get_suggestion("日") == "日米同盟"
    assert await suggester.get_suggestion("安保 日本") == "安保 日本外交"
    assert await suggester.get_suggestion("日米同盟 ") is None
    assert await suggester.get_suggestion("#安") == "#安保"
    assert await suggester.get_suggestion("未知") is None


async def test_typing_a_tag_and_accepting_the_completion(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, tags="日米同盟")
        await highlight(pilot, app, "首脳会談では", "1")
        start = app.document.base_text.index("首脳会談では")
        app.reader.goto_offset(start)
        await pilot.press("e", "enter")  # keep the colour, on to the note
        await pilot.press("tab")  # note -> tags
        tags = app.screen.query_one("#tags", Input)
        assert tags.has_focus
        await pilot.press("日")
        await settle(pilot)  # the suggester runs in a worker and posts its suggestion
        await pilot.press("right")
        assert tags.value == "日米同盟"
        await pilot.press("enter")
        await pilot.pause()
        assert app.repo.tags() == [("日米同盟", 2)]


async def test_keys_typed_in_the_filter_are_text_not_commands(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE)
        app.clip.text = ""
        listing = app.screen_stack[0].query_one(AnnotationList)
        listing.focus_filter()
        await pilot.press("y", "a", "d", "e", "T")
        assert listing.query_one("#annotation-filter", Input).value == "yadeT"
        assert app.clip.text == "" and len(app.repo.list()) == 1
        assert not isinstance(app.screen, AnnotateScreen)


async def test_a_read_only_store_says_so_and_nothing_crashes(
    doc_path: Path, tmp_path: Path
) -> None:
    Repository(tmp_path / "ro" / "annotations.json").close()  # create it
    readonly = Repository(tmp_path / "ro" / "annotations.json", readonly=True)
    app = AnnApp(doc_path, repo=readonly)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE)
        assert readonly.list() == []
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Not saved:") and "read-only" in m for m in messages)
        await pilot.press("y")  # citing still works
        assert app.clip.text.startswith(f"「{SENTENCE}」")


async def test_escape_sequences_typed_into_a_note_are_not_kept(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await select(pilot, SENTENCE)
        await pilot.press("a", "1")
        app.screen.query_one("#note", TextArea).text = "危険\x1b]52;c;aGk=\x07な\x1b[31m注"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.repo.list()[0].note == "危険な注"


def test_highlight_dialog_snapshot(doc_path: Path, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await settle(pilot)
        app.reader.furigana_mode = "off"  # the dictionary's readings are not under test here
        await highlight(pilot, app, SENTENCE, "2", note="基軸", tags="日米 安保")
        await select(pilot, "首脳会談では")
        app.clear_notifications()
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(AnnApp(doc_path), terminal_size=(100, 28), run_before=run_before)


async def test_citation_style_and_readings_are_chosen_and_remembered(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("C", "C")  # ja -> sist02 -> en
        await select(pilot, SENTENCE)
        await pilot.press("y")
        quote, source = app.clip.text.split("\n")
        assert quote == f"“{SENTENCE}”"
        assert source.startswith('"第1章 北米," ')
        await pilot.press("C", "R")  # back to ja, with readings
        assert (app.annotations.prefs.style, app.annotations.prefs.readings) == ("ja", True)
        await select(pilot, SENTENCE)
        await pilot.press("y")
        assert app.clip.text.startswith("「｜日米《にちべい》｜同盟《どうめい》は")
    again = AnnApp(doc_path)
    assert (again.annotations.prefs.style, again.annotations.prefs.readings) == ("ja", True)


def test_tag_browser_snapshot(doc_path: Path, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await settle(pilot)
        app.reader.furigana_mode = "off"
        await highlight(pilot, app, SENTENCE, "2", note="基軸の意味を確認", tags="日米 安保")
        await highlight(pilot, app, "同盟の抑止力と対処力の強化", "3", tags="日米 防衛")
        app.clear_notifications()
        app.reader.goto_offset(0)
        await pilot.press("T")
        await pilot.pause()

    assert snap_compare(AnnApp(doc_path), terminal_size=(100, 28), run_before=run_before)
