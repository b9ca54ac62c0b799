"""The annotation dialogs and lists: tag browser, metadata form, colour names, orphans."""

from __future__ import annotations

from pathlib import Path

from annotations_harness import (
    SENTENCE,
    TEXT,
    AnnApp,
    highlight,
    sidebar_entries,
)
from pilot_waits import select, settle
from textual.widgets import Input, OptionList, TextArea

from store.importer import import_file
from store.library import doc_key
from tui.screens.annotate import AnnotateScreen
from tui.screens.metadata_form import MetadataForm, date_error
from tui.screens.tag_browser import TagBrowserScreen
from tui.widgets.annotation_list import AnnotationList

OTHER = """日米首脳会談

1 会談の概要

両首脳は日米同盟を新たな高みへ引き上げることで一致した。
"""


async def test_tag_browser_lists_tags_with_counts_and_opens_the_passage(
    doc_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "docs" / "summit.txt"
    other.write_text(OTHER, encoding="utf-8")
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        other_doc = import_file(other)
        quote = "日米同盟を新たな高みへ"
        start = other_doc.base_text.index(quote)
        app.repo.create(doc_key(other), other_doc, start, start + len(quote), tags=["日米"])
        await highlight(pilot, app, SENTENCE, tags="日米 安保")
        await pilot.press("T")
        screen = app.screen
        assert isinstance(screen, TagBrowserScreen)
        await pilot.pause()
        tags = [str(o.prompt) for o in screen.query_one("#tag-list", OptionList).options]
        assert tags == ["日米  (2)", "安保  (1)"]
        passages = screen.query_one("#tag-passages", OptionList)
        shown = "\n".join(str(o.prompt) for o in passages.options)
        assert "日米同盟は、日本の" in shown and "新たな高みへ" in shown
        assert "hokubei" in shown or "第1章 北米" in shown
        await pilot.press("enter")  # tag chosen: to its passages
        assert passages.has_focus
        # the passages are grouped by document (headings first); go to the other document's
        ids = [o.id for o in passages.options]
        target = next(
            i for i, o in enumerate(passages.options) if o.id and "高みへ" in str(o.prompt)
        )
        assert ids[target] is not None
        passages.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TagBrowserScreen)
        assert app.opened and app.opened[-1][0] == doc_key(other)
        assert app.reader.document is not None
        assert app.reader.document.base_text[app.reader.cursor :].startswith(quote)


async def test_metadata_form_saves_and_citations_use_it(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        form = app.screen
        assert isinstance(form, MetadataForm)
        assert form.query_one("#meta-title", Input).value == "第1章 北米"
        form.query_one("#meta-author", Input).value = "外務省"
        form.query_one("#meta-container", Input).value = "外交青書2025"
        form.query_one("#meta-date", Input).value = "2025年"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MetadataForm)  # a bad date is refused, nothing lost
        assert "YYYY" in str(form.query_one("#metadata-error").render())
        form.query_one("#meta-date", Input).value = "2025"
        await pilot.pause()
        preview = str(form.query_one("#metadata-preview").render())
        assert "外務省「第1章 北米」『外交青書2025』2025年" in preview
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MetadataForm)
        assert app.repo.user_metadata(app.key)["author"] == "外務省"
        await select(pilot, SENTENCE)
        await pilot.press("y")
        assert (
            app.clip.text.split("\n")[1]
            == "外務省「第1章 北米」『外交青書2025』2025年、「1 概観」。"
        )


def test_date_check() -> None:
    assert date_error("") is None and date_error("2025-10-28") is None
    assert date_error("2025-13") and date_error("令和7年")


async def test_colours_can_be_named_and_the_name_is_kept(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await select(pilot, SENTENCE)
        await pilot.press("a", "down", "n")
        rename = app.screen.query_one("#rename", Input)
        assert rename.has_focus and rename.value == "疑問"
        rename.value = "要検討"
        await pilot.press("enter")
        colors = app.screen.query_one("#colors", OptionList)
        assert "要検討" in str(colors.get_option_at_index(1).prompt)
        assert colors.has_focus
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert [c.label for c in app.repo.colors()][1] == "要検討"
        assert app.repo.list()[0].color == "blue"
        assert "要検討" in sidebar_entries(app)[0]


async def test_orphans_are_listed_and_reattached_to_a_new_selection(
    doc_path: Path,
) -> None:
    document = import_file(doc_path)
    from store.annotations.repository import default_repository

    repo = default_repository()
    start = document.base_text.index(SENTENCE)
    key = doc_key(doc_path)
    ann = repo.create(key, document, start, start + len(SENTENCE), note="大事", tags=["日米"])
    repo.remember_file(key, doc_path, document.content_hash, document.title)
    # the document changes: the sentence is gone
    doc_path.write_text(
        TEXT.replace(SENTENCE, "同盟関係は地域の平和と安定に不可欠である。"), encoding="utf-8"
    )
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.reader.highlights == []
        entries = sidebar_entries(app)
        assert len(entries) == 1 and SENTENCE[:10] in entries[0] and "not found" in entries[0]
        listing = app.screen_stack[0].query_one(AnnotationList)
        assert "1 orphaned" in str(listing.query_one("#annotation-count").render())
        new = "同盟関係は地域の平和と安定に不可欠である。"
        await select(pilot, new)
        options = listing.query_one("#annotation-options", OptionList)
        options.focus()
        options.highlighted = next(i for i, o in enumerate(options.options) if o.id)
        await pilot.press("enter")
        await pilot.pause()
        [again] = app.repo.list(doc=key)
        assert again.id == ann.id and again.state == "anchored" and again.quote == new
        assert again.note == "大事" and again.tags == ("日米",)
        assert len(app.reader.highlights) == 1


async def test_list_keys_edit_delete_and_cite_the_chosen_entry(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, note="メモ")
        listing = app.screen_stack[0].query_one(AnnotationList)
        options = listing.query_one("#annotation-options", OptionList)
        options.focus()
        options.highlighted = 0
        await pilot.press("y")
        assert app.clip.text.startswith(f"「{SENTENCE}」\n")
        await pilot.press("e")
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("escape", "escape")
        options.focus()
        await pilot.press("d")
        assert app.repo.list() == []



async def test_editing_a_note_puts_the_cursor_after_it(doc_path: Path) -> None:
    """`e` on a highlight: the cursor was at the note's start, so typing went in front."""
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, note="一行目\n二行目", tags="日米")
        reader = app.reader
        reader.goto_offset(reader.document.base_text.index(SENTENCE) + 2)
        await pilot.press("e")
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("enter")  # the colour as it was: on to the note
        area = app.screen.query_one("#note", TextArea)
        assert area.has_focus
        assert area.cursor_location == area.document.end == (1, 3)
        await pilot.press(*"追記")
        assert area.text == "一行目\n二行目追記"
        await pilot.press("tab", *" 安保")  # the tags too: one more, the others kept
        assert app.screen.query_one("#tags", Input).value == "日米 安保"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [ann] = app.repo.list()
        assert ann.note == "一行目\n二行目追記" and ann.tags == ("日米", "安保")
