"""Footnotes in the app: ``/`` counts a note's matches and ``n``/``N`` reach them right after
the note's marker, opening its popup with the match highlighted; a library search result in a
note opens that popup; a passage selected in a note's popup is cited with its note."""

from __future__ import annotations

from pathlib import Path

from annotations_harness import FakeClipboard
from footnote_texts import write_toudai
from pilot_waits import settle
from screen_text import screen_lines, widget_lines

from store import paths
from tui.app import OpenedFile, ShioriApp, import_document
from tui.widgets.footnote_popup import FootnotePopup
from tui.widgets.reader import FootnoteView


def header_text(app: ShioriApp) -> str:
    return app.header.render().plain


def popup_view(app: ShioriApp) -> FootnoteView:
    assert isinstance(app.screen, FootnotePopup), type(app.screen)
    return app.screen.query_one(FootnoteView)


async def test_n_goes_through_a_footnote_right_after_its_marker(tmp_path: Path) -> None:
    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        doc = app.current_document
        assert doc is not None
        await pilot.press("slash", *"灯台", "enter")
        await settle(pilot)
        assert "/灯台 1/4" in header_text(app)  # 3 in the text, 1 in note 2
        await pilot.press("n")
        await settle(pilot)
        assert "/灯台 2/4" in header_text(app)
        await pilot.press("n")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        assert "/灯台 3/4" in header_text(app)
        view = popup_view(app)
        assert view.note.id == "2"
        at = view.note.text.index("灯台")
        assert view.matches == [(at, at + 2)] and view.cursor == at
        assert app.reader.marker_at_cursor() == "2"  # the page shows where the note is
        assert any("明治期に建てられた灯台" in line for line in screen_lines(app))
        await pilot.press("n")  # n goes on from the popup: it closes, the next match is shown
        await settle(pilot, until=lambda: not isinstance(app.screen, FootnotePopup))
        assert "/灯台 4/4" in header_text(app)
        assert doc.base_text[app.reader.cursor :].startswith("灯台の光")
        await pilot.press("N")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        assert "/灯台 3/4" in header_text(app)
        await pilot.press("escape")
        await settle(pilot, until=lambda: not isinstance(app.screen, FootnotePopup))
        assert "/灯台 3/4" in header_text(app)


async def test_the_search_bar_counts_a_word_found_only_in_notes(tmp_path: Path) -> None:
    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.reader.count_matches("気象庁") == 2
        await pilot.press("slash", *"気象庁", "enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        assert "/気象庁 1/2" in header_text(app)
        assert popup_view(app).note.id == "1"


async def test_a_library_result_in_a_note_opens_its_popup_at_the_match() -> None:
    write_toudai(paths.library_dir())
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press(*"気象庁の資料")
        await settle(
            pilot,
            until=lambda: "s)" in str(app.screen.query_one("#library-search-status").render()),
        )
        listed = "\n".join(screen_lines(app))
        assert "[注2]" in listed
        await pilot.press("enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        view = popup_view(app)
        assert view.note.id == "2"
        at = view.note.text.index("気象庁の資料")
        assert view.matches == [(at, at + 6)] and view.cursor == at
        assert app.reader.marker_at_cursor() == "2"


async def test_a_passage_selected_in_a_note_is_cited_with_its_note(tmp_path: Path) -> None:
    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.annotations._clipboard = FakeClipboard()
        app.reader.focus()
        await pilot.press("right_square_bracket", "right_square_bracket", "enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        view = popup_view(app)
        assert view.note.id == "2"
        start = view.note.text.index("気象庁の資料")
        await pilot.press(*["l"] * start, "v", *["l"] * 5, "y")
        await settle(pilot, until=lambda: app.annotations.last_copy is not None)
        copied = app.annotations.last_copy
        assert copied is not None
        quote, source = copied.text.split("\n")
        assert quote == "「気象庁の資料」"
        assert source.endswith("「第1節 岬」、注2。")


async def test_v_sentence_in_a_one_sentence_note_takes_the_whole_sentence(tmp_path: Path) -> None:
    """The last sentence has no next one to stop before: `v )` runs to its end (it took one
    character, and most notes are one sentence)."""
    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.annotations._clipboard = FakeClipboard()
        app.reader.focus()
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        view = popup_view(app)
        assert view.note.id == "1"
        await pilot.press("v", "right_parenthesis", "ctrl+c")
        await settle(pilot, until=lambda: app.annotations.last_copy is not None)
        copied = app.annotations.last_copy
        assert copied is not None and copied.text == view.note.text == "岬は気象庁の観測点でもある。"


async def test_the_citation_keys_work_in_a_note(tmp_path: Path) -> None:
    """Y (the source alone: the note's), C (style), ctrl+y (the last citation) in a popup —
    they were the page's only and did nothing over a note."""
    from tui.screens.citation_dialog import CitationDialog

    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.annotations._clipboard = FakeClipboard()
        app.annotations.prefs.style = "ja"
        app.reader.focus()
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        await pilot.press("Y")
        await settle(pilot, until=lambda: app.annotations.last_copy is not None)
        copied = app.annotations.last_copy
        assert copied is not None
        assert copied.text.endswith("「第1節 岬」、注1。") and "「岬は" not in copied.text
        await pilot.press("C")  # ja → SIST 02
        await settle(pilot, until=lambda: app.annotations.prefs.style != "ja")
        assert app.annotations.prefs.style == "sist02"
        await pilot.press("ctrl+y")
        await settle(pilot, until=lambda: isinstance(app.screen, CitationDialog))


async def test_a_note_opened_before_the_furigana_follows_its_marker() -> None:
    """A library result in a seed's note opens the popup at once, before the page has
    furigana; when they arrive the marker's line moves down — the popup moves with it (it
    covered the marker) and shows the note's readings too (it had none)."""
    app = ShioriApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press(*"日立造船")
        await settle(
            pilot,
            until=lambda: "s)" in str(app.screen.query_one("#library-search-status").render()),
        )
        await pilot.press("enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        await settle(pilot, until=lambda: app.reader._analysis_readings is None)
        popup = app.screen
        assert isinstance(popup, FootnotePopup) and popup.note.id == "78"
        row = app.reader.cursor_screen_row
        box = popup.query_one("#footnote-box").region
        assert row is not None and popup.near_row == row
        assert not box.y <= row < box.bottom, (row, box)
        assert popup_view(app).note_readings  # 損害賠償 and the rest are read


async def test_a_in_a_note_says_highlights_are_on_the_text(tmp_path: Path) -> None:
    """`v w w a` in a popup did nothing at all: annotations anchor to the base text, so it
    says so in one line, and the selection stays to be copied."""
    from tui.screens.annotate import AnnotateScreen

    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        app.reader.focus()
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        await pilot.press("v", "w", "w", "a")
        await settle(pilot)
        assert isinstance(app.screen, FootnotePopup) and not isinstance(app.screen, AnnotateScreen)
        messages = [n.message for n in app._notifications]
        assert any("Highlights are on the text" in m and "(y)" in m for m in messages), messages
        assert popup_view(app).selection is not None


POPUP_GROUP = "Footnote popup"


async def test_help_opens_over_a_note_and_lists_the_popups_keys(tmp_path: Path) -> None:
    """`?` did nothing in a popup, and help had no section for it."""
    from tui.screens.help import HelpScreen

    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.reader.focus()
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        await pilot.press("question_mark")
        await settle(pilot, until=lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        popup = {i.binding_id: i for i in help_screen._infos if i.group == POPUP_GROUP}
        assert popup["footnote.close"].keys == ("esc", "q")
        for binding_id in (
            "reader.down",
            "reader.word_next",
            "reader.sentence_next",
            "reader.visual",
            "reader.copy",
            "reader.cite_source",
            "reader.copy_text",
            "footnote.style",
            "footnote.readings",
            "footnote.show_citation",
            "reader.next_match",
            "reader.prev_match",
            "reader.word_info",  # K over a note: the word, and e corrects its reading
        ):
            assert binding_id in popup, binding_id
        assert "note" in popup["reader.copy"].description  # y cites with the note
        # what does nothing over a note is not listed there
        for binding_id in ("reader.search", "reader.open_footnote"):
            assert binding_id not in popup, binding_id
        # the sidebar lists re-attaching an orphan (it said only "enter Select")
        sidebar = [i for i in help_screen._infos if i.group == "Sidebar" and "enter" in i.keys]
        assert any("Re-attach" in i.description for i in sidebar), sidebar
        assert not any(i.description == "Select" for i in sidebar)
        table = widget_lines(help_screen.query_one("#help-table"))
        at = next(i for i, line in enumerate(table) if POPUP_GROUP in line)
        section = "\n".join(table[at:])
        assert "esc q" in section and "Copy the selection as a citation that names" in section
        await pilot.press("escape")  # back to the note
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))


async def test_help_from_the_page_lists_the_popups_keys_too(tmp_path: Path) -> None:
    from tui.screens.help import HelpScreen

    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.reader.focus()
        await pilot.press("question_mark")
        await settle(pilot, until=lambda: isinstance(app.screen, HelpScreen))
        groups = [i.group for i in app.screen._infos]  # type: ignore[attr-defined]
        assert POPUP_GROUP in groups and groups[-1] == POPUP_GROUP


async def test_marker_keys_in_a_note_say_what_a_note_is(tmp_path: Path) -> None:
    """] [ and Enter in a popup said "No footnote markers in this document", of a document
    full of them."""
    path = write_toudai(tmp_path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.reader.focus()
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot, until=lambda: isinstance(app.screen, FootnotePopup))
        for key in ("right_square_bracket", "left_square_bracket", "enter"):
            await pilot.press(key)
        await settle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert said.count(FootnoteView.NO_MARKERS) >= 1
        assert not any("in this document" in m for m in said)
        assert isinstance(app.screen, FootnotePopup)
