"""Annotations in the reader, driven like a user: highlight, edit, delete, undo, cite, copy
(in the harness app of ``annotations_harness.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotations_harness import SENTENCE, AnnApp, FakeClipboard, highlight, sidebar_entries
from pilot_waits import select, settle
from textual.widgets import Input, OptionList, TextArea

from tui.screens.annotate import AnnotateScreen, parse_tags
from tui.screens.citation_dialog import CitationDialog
from tui.screens.confirm import ConfirmScreen
from tui.widgets.annotation_list import AnnotationList


async def test_highlight_with_colour_note_and_tags_is_saved_drawn_and_listed(
    doc_path: Path,
) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, "2", note="基軸とは何か\n要確認", tags="日米 #安保")
        anns = app.repo.list(doc=app.key)
        assert len(anns) == 1
        ann = anns[0]
        assert ann.quote == SENTENCE
        assert ann.color == "blue" and ann.tags == ("日米", "安保")
        assert ann.note == "基軸とは何か\n要確認"
        start = app.document.base_text.index(SENTENCE)
        assert app.reader.highlights == [(start, start + len(SENTENCE), "blue")]
        assert app.reader.selection is None
        [entry] = sidebar_entries(app)
        assert "疑問" in entry and "日米同盟は" in entry and "#日米 #安保" in entry
        assert "基軸とは何か" in entry
        # The list keeps its annotations under a name of its own: Textual's ``_anchored`` (the
        # flag that pins a widget's scroll to its end) stays a flag.
        listing = app.annotations.annotation_list()
        assert listing is not None and listing.is_anchored is False


async def test_reopening_shows_saved_highlights(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, tags="日米")
    import store.annotations.repository as repository

    app.repo.close()
    repository._default.clear()  # as in a new process: the file is opened anew
    again = AnnApp(doc_path)
    assert again.repo is not app.repo
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert len(again.reader.highlights) == 1
        assert any("日米同盟は" in e for e in sidebar_entries(again))


async def test_escape_cancels_without_saving(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await select(pilot, SENTENCE)
        await pilot.press("a", "3")  # colour chosen, now in the note step
        await pilot.press("escape")  # back to the colours
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("escape")  # cancelled
        assert not isinstance(app.screen, AnnotateScreen)
        assert app.repo.list() == []
        assert app.reader.selection is not None  # the selection is kept for another try


async def test_escape_asks_before_throwing_away_a_typed_note(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await select(pilot, SENTENCE)
        await pilot.press("a", "3")
        app.screen.query_one("#note", TextArea).text = "大事な考察"
        await pilot.press("escape", "escape")  # back to the colours, then cancel
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it: back in the note, the text still there
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        note = app.screen.query_one("#note", TextArea)
        assert note.text == "大事な考察" and note.has_focus
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, (AnnotateScreen, ConfirmScreen))
        assert app.repo.list() == []


async def test_escape_on_an_unchanged_edit_cancels_without_asking(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, note="first", tags="日米")
        app.reader.goto_offset(app.document.base_text.index(SENTENCE) + 3)
        await pilot.press("e", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, (AnnotateScreen, ConfirmScreen))
        [ann] = app.repo.list()
        assert ann.note == "first" and ann.tags == ("日米",)


async def test_e_exports_the_documents_annotations_as_markdown_beside_the_user(
    doc_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "here"
    out.mkdir()
    monkeypatch.chdir(out)
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        assert any("No annotations in this document" in n.message for n in app._notifications)
        assert list(out.iterdir()) == []
        await highlight(pilot, app, SENTENCE, note="要確認", tags="日米")
        await pilot.press("E")
        await pilot.pause()
        exported = out / "hokubei-annotations.md"
        text = exported.read_text(encoding="utf-8")
        assert SENTENCE in text and "要確認" in text and "#日米" in text
        assert any(
            "Exported 1 annotation to" in n.message and str(exported) in n.message
            for n in app._notifications
        )


async def test_a_without_selection_says_how(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert not isinstance(app.screen, AnnotateScreen)
        assert any("Select a passage first" in n.message for n in app._notifications)


async def test_edit_delete_and_undo_the_highlight_under_the_cursor(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, note="first")
        start = app.document.base_text.index(SENTENCE)
        app.reader.goto_offset(start + 3)
        await pilot.press("e")
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.query_one("#note", TextArea).text == "first"
        await pilot.press("5")  # a new colour
        app.screen.query_one("#note", TextArea).text = "second"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [ann] = app.repo.list()
        assert ann.note == "second" and ann.color == "red"
        assert app.reader.highlights[0][2] == "red"  # one name for a colour everywhere
        await pilot.press("d")
        assert app.repo.list() == [] and app.reader.highlights == []
        assert sidebar_entries(app) == []
        await pilot.press("u")
        assert [a.id for a in app.repo.list()] == [ann.id]
        assert len(app.reader.highlights) == 1


async def test_e_and_d_elsewhere_say_there_is_no_highlight(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE)
        app.reader.goto_offset(app.document.base_text.index("首脳会談"))
        await pilot.press("d")
        assert len(app.repo.list()) == 1
        assert any("No highlight under the cursor" in n.message for n in app._notifications)


async def test_y_copies_the_selection_as_a_japanese_citation(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await select(pilot, SENTENCE)
        await pilot.press("y")
        quote, source = app.clip.text.split("\n")
        assert quote == f"「{SENTENCE}」"
        assert source == "「第1章 北米」、「1 概観」。"
        assert app.reader.selection is None
        assert any("Copied to the clipboard (fake)" in n.message for n in app._notifications)


async def test_after_a_highlight_v_sentence_y_cites_the_next_sentence_whole(
    doc_path: Path,
) -> None:
    """`v ) a 2`, note, Tab, tags, Enter, then `v ) y`: the citation was 「。両国は…」, the
    highlight having left the cursor on its 。; now the cursor goes on at the next sentence."""
    app = AnnApp(doc_path, clipboard=FakeClipboard())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        text = app.document.base_text
        app.reader.goto_offset(text.index(SENTENCE))
        await pilot.press("v", "right_parenthesis", "a", "2", *"基軸", "tab", *"日米", "enter")
        await settle(pilot, until=lambda: not isinstance(app.screen, AnnotateScreen))
        assert [a.quote for a in app.repo.list()] == [SENTENCE]
        following = "両国は経済安全保障でも協力を深めている。"
        assert app.reader.cursor == text.index(following)
        await pilot.press("v", "right_parenthesis", "y")
        assert app.clip.text.split("\n")[0] == f"「{following}」"


async def test_y_on_a_highlight_and_Y_without_quote(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE)
        app.reader.goto_offset(app.document.base_text.index(SENTENCE) + 2)
        await pilot.press("y")
        assert app.clip.text.startswith(f"「{SENTENCE}」\n")
        await pilot.press("Y")
        assert "\n" not in app.clip.text and SENTENCE not in app.clip.text
        assert app.clip.text == "「第1章 北米」、「1 概観」。"


async def test_without_clipboard_or_terminal_the_dialog_shows_the_citation(
    doc_path: Path,
) -> None:
    app = AnnApp(doc_path, clipboard=FakeClipboard(fail=True), osc52=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await select(pilot, SENTENCE)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CitationDialog)
        shown = app.screen.query_one("#citation-text", TextArea).text
        assert shown.startswith(f"「{SENTENCE}」")
        assert "No clipboard available" in app.annotations.last_copy.message
        await pilot.press("escape")
        assert not isinstance(app.screen, CitationDialog)


async def test_osc52_route_is_reported_as_sent_not_copied(doc_path: Path) -> None:
    sent: list[str] = []
    app = AnnApp(doc_path, clipboard=FakeClipboard(fail=True), osc52=sent.append)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await select(pilot, SENTENCE)
        await pilot.press("y")
        await pilot.pause()
        assert sent and sent[0].startswith(f"「{SENTENCE}」")
        # the first time, the dialog explains and shows the text; then only the status line
        assert isinstance(app.screen, CitationDialog)
        assert "Sent to the terminal (OSC 52)" in app.annotations.last_copy.message
        await pilot.press("escape")
        await select(pilot, SENTENCE)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, CitationDialog)
        assert len(sent) == 2
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Sent to the terminal") for m in messages)
        assert not any(m.startswith("Copied") for m in messages)


async def test_sidebar_filter_and_enter_jumps(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, "1", tags="日米")
        await highlight(pilot, app, "同盟の抑止力と対処力の強化", "3", note="抑止", tags="防衛")
        assert len(sidebar_entries(app)) == 2
        listing = app.screen_stack[0].query_one(AnnotationList)
        for query, expected in (
            ("#防衛", ["同盟の抑止力"]),
            ("@重要", ["日米同盟は"]),
            ("@3", ["同盟の抑止力"]),
            ("基軸", ["日米同盟は"]),
            ("抑止 #防衛", ["同盟の抑止力"]),
            ("存在しない", []),
        ):
            listing.query_one("#annotation-filter", Input).value = query

            def listed(expected: list[str] = expected) -> bool:
                entries = sidebar_entries(app)
                return len(entries) == len(expected) and all(
                    want in entry for entry, want in zip(entries, expected, strict=True)
                )

            # The filter applies after a short pause in typing (a timer): wait for its result.
            await settle(pilot, until=listed)
        listing.query_one("#annotation-filter", Input).value = ""
        await settle(pilot, until=lambda: len(sidebar_entries(app)) == 2)
        options = listing.query_one("#annotation-options", OptionList)
        options.focus()
        options.highlighted = len(options.options) - 1
        await pilot.press("enter")
        assert app.reader.has_focus
        assert app.reader.cursor == app.document.base_text.index("同盟の抑止力と対処力の強化")


def test_tags_are_split_on_spaces_and_commas() -> None:
    assert parse_tags("日米, #安保、 外交  日米") == ("日米", "安保", "外交")
    assert parse_tags("  ") == ()


async def test_the_sidebar_follows_the_reading_position(tmp_path: Path) -> None:
    paras = [f"第{i}段落の本文である。日米の協力について述べる。" for i in range(1, 61)]
    path = tmp_path / "long.txt"
    path.write_text("長い文書\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    app = AnnApp(path)
    async with app.run_test(size=(120, 20)) as pilot:
        await settle(pilot)
        doc = app.document
        for n in (2, 45):
            quote = f"第{n}段落の本文"
            start = doc.base_text.index(quote)
            app.repo.create(app.key, doc, start, start + len(quote))
        app.annotations.reload()
        options = app.screen_stack[0].query_one("#annotation-options", OptionList)
        await settle(pilot, until=lambda: options.option_count == 2)
        app.reader.focus()
        await pilot.press("G")  # to the end: the list follows to the last annotation
        await settle(pilot, until=lambda: options.highlighted == 1)
        await pilot.press("g")
        await settle(pilot, until=lambda: options.highlighted == 0)
