"""Two instances on one store (two tmux windows, or the app and ``shiori annotate``): an edit
never loses what was typed when the other deleted or edited the annotation meanwhile, and the
open app notices what the other wrote and redraws it (found by a user pass)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotations_harness import SENTENCE, AnnApp, highlight, sidebar_entries
from pilot_waits import settle
from textual.widgets import TextArea

from store.annotations.repository import Repository
from store.annotations.storage import StorageError
from store.model import Block, Document
from tui.screens.annotate import AnnotateScreen

TEXT = (
    "強固な日米同盟は、日本の外交及び安全保障の基軸である。両国は経済安全保障でも協力を深めている。"
)
QUOTE = "日米同盟"


@pytest.fixture
def two(tmp_path: Path) -> tuple[Repository, Repository]:
    """Two repositories on one data dir, as two running instances hold them."""
    path = tmp_path / "annotations.json"
    first, second = Repository(path), Repository(path)
    yield first, second
    first.close()
    second.close()


def _create(repo: Repository, note: str = "", tags: tuple[str, ...] = ()) -> tuple[str, Document]:
    doc = Document("北米", [Block("paragraph", TEXT)])
    start = TEXT.index(QUOTE)
    ann = repo.create("seed:na.txt", doc, start, start + len(QUOTE), note=note, tags=tags)
    return ann.id, doc


def test_an_edit_of_a_highlight_deleted_elsewhere_is_made_again_with_the_note(
    two: tuple[Repository, Repository],
) -> None:
    window1, window2 = two
    ann_id, _doc = _create(window2, note="最初")
    shown = window2.get(ann_id)  # what window 2's edit dialog was opened with
    window1.delete(ann_id)

    saved = window2.save_edit(shown, note="打ち込んだメモ", tags=("同盟",), color="red")

    assert saved.recreated and not saved.notes_joined
    again = saved.annotation
    assert again.id != ann_id  # window 1's undo of its delete must not overwrite this note
    assert (again.start, again.end, again.quote) == (shown.start, shown.end, QUOTE)
    assert (again.note, again.tags, again.color) == ("打ち込んだメモ", ("同盟",), "red")
    assert [a.note for a in window1.list()] == ["打ち込んだメモ"]
    assert window1.undo() == "delete"  # the other window takes its delete back: both are kept
    assert sorted(a.note for a in window2.list()) == ["打ち込んだメモ", "最初"]
    assert window2.undo() == "create"  # and this window's u takes the re-made one away
    assert [a.id for a in window1.list()] == [ann_id]


def test_an_edit_keeps_what_another_instance_changed_meanwhile(
    two: tuple[Repository, Repository],
) -> None:
    window1, window2 = two
    ann_id, _doc = _create(window2, note="元のメモ", tags=("a", "b"))
    shown = window2.get(ann_id)
    window1.update(ann_id, note="窓1のメモ", tags=("b", "c"), color="blue")

    saved = window2.save_edit(shown, note="窓2のメモ", tags=("a", "b", "d"), color=shown.color)

    assert saved.notes_joined and not saved.recreated
    [ann] = window1.list()
    assert ann.id == ann_id
    assert ann.note == "窓2のメモ\n\n窓1のメモ"  # both texts, the one just typed first
    assert ann.tags == ("b", "d", "c")  # a removed there, d added here, c added there
    assert ann.color == "blue"  # changed there only
    # A field this window did not touch is not written back over the other's.
    shown = window2.get(ann_id)
    window1.update(ann_id, note="もう一度")
    saved = window2.save_edit(shown, note=shown.note, tags=("b",), color="red")
    assert not saved.notes_joined
    assert (saved.annotation.note, saved.annotation.tags, saved.annotation.color) == (
        "もう一度",
        ("b",),
        "red",
    )


def test_a_write_elsewhere_shows_in_a_stat_and_nothing_else_does(
    two: tuple[Repository, Repository],
) -> None:
    window1, window2 = two
    _create(window1)
    window1.list()
    assert not window1.changed_on_disk()  # its own save
    seen = window1.outside_changes
    ann_id, _doc = _create(window2)
    assert window1.changed_on_disk()
    assert window1.catch_up() > seen
    assert not window1.changed_on_disk()
    assert ann_id in {a.id for a in window1.list()}
    # Caught up by some other read first: the counter still tells a view it is behind.
    seen = window1.outside_changes
    window2.delete(ann_id)
    assert ann_id not in {a.id for a in window1.list()}
    assert not window1.changed_on_disk() and window1.outside_changes > seen
    # Another instance folding its journal at the end of its session is seen too.
    seen = window1.outside_changes
    window2.close()
    assert window1.changed_on_disk()
    assert window1.catch_up() > seen and len(window1.list()) == 1


async def test_an_annotation_made_by_another_instance_appears_in_the_open_app(
    doc_path: Path,
) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert sidebar_entries(app) == []
        cursor = len(app.document.base_text) // 2
        app.reader.goto_offset(cursor)
        await settle(pilot)
        scroll = app.reader.scroll_y
        other = Repository(app.repo.path)  # as `shiori annotate` opens the store
        start = app.document.base_text.index(SENTENCE)
        made = other.create(
            app.key, app.document, start, start + len(SENTENCE), note="コマンドから"
        )
        other.close()

        await settle(pilot, until=lambda: any("コマンドから" in e for e in sidebar_entries(app)))

        assert app.reader.highlights == [(made.start, made.end, made.color)]
        assert (app.reader.cursor, app.reader.scroll_y) == (cursor, scroll)
        assert app.reader.has_focus


async def test_a_highlight_deleted_by_another_instance_disappears_from_the_open_app(
    doc_path: Path,
) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, note="消される")
        await highlight(pilot, app, "同盟の抑止力", note="残る")
        await settle(pilot)
        gone = next(a for a in app.repo.list() if a.note == "消される")
        other = Repository(app.repo.path)
        other.delete(gone.id)

        await settle(pilot, until=lambda: len(app.reader.highlights) == 1)

        entries = sidebar_entries(app)
        assert not any("消される" in e for e in entries)
        assert any("残る" in e for e in entries)
        other.close()


async def test_editing_a_highlight_another_window_deleted_keeps_the_note(
    doc_path: Path,
) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, note="最初")
        [ann] = app.repo.list()
        app.reader.goto_offset(ann.start + 3)
        await pilot.press("e")
        assert isinstance(app.screen, AnnotateScreen)
        other = Repository(app.repo.path)  # window 1 deletes it while the dialog is open
        other.delete(ann.id)
        app.screen.query_one("#note", TextArea).text = "打ち込んだメモ"
        await pilot.press("ctrl+s")
        await settle(pilot)

        [again] = app.repo.list()
        assert again.id != ann.id and again.note == "打ち込んだメモ"
        assert (again.start, again.end) == (ann.start, ann.end)
        assert app.reader.highlights == [(again.start, again.end, again.color)]
        assert any("打ち込んだメモ" in e for e in sidebar_entries(app))
        messages = [str(n.message) for n in app._notifications]
        assert any("deleted in another window" in m for m in messages)
        assert [a.note for a in other.list()] == ["打ち込んだメモ"]
        other.close()


async def test_an_edit_that_cannot_be_saved_comes_back_in_the_dialog(
    doc_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, note="最初")
        [ann] = app.repo.list()
        app.reader.goto_offset(ann.start + 3)

        def full_disk(*_args: object, **_kwargs: object) -> None:
            raise StorageError("could not save: the disk is full; nothing was changed")

        monkeypatch.setattr(app.repo, "save_edit", full_disk)
        await pilot.press("e")
        app.screen.query_one("#note", TextArea).text = "失いたくないメモ"
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert isinstance(app.screen, AnnotateScreen)  # the dialog is back, with the text
        assert app.screen.query_one("#note", TextArea).text == "失いたくないメモ"
        assert any("disk is full" in str(n.message) for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [a.note for a in app.repo.list()] == ["失いたくないメモ"]


async def test_escape_in_the_dialog_back_after_a_failed_save_asks_first(
    doc_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog that came back held the typed note as its starting text, so Escape took
    nothing as typed and closed it at once: the note was gone."""
    from tui.screens.confirm import ConfirmScreen

    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await highlight(pilot, app, SENTENCE, note="最初")
        [ann] = app.repo.list()
        app.reader.goto_offset(ann.start + 3)

        def full_disk(*_args: object, **_kwargs: object) -> None:
            raise StorageError("could not save: the disk is full; nothing was changed")

        monkeypatch.setattr(app.repo, "save_edit", full_disk)
        await pilot.press("e")
        app.screen.query_one("#note", TextArea).text = "失いたくないメモ"
        await pilot.press("ctrl+s")
        await settle(pilot, until=lambda: isinstance(app.screen, AnnotateScreen))
        app.screen.query_one("#colors").focus()  # out of the note: Escape is the dialog's
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)


async def test_a_reading_corrected_in_another_instance_shows_in_the_open_app(
    doc_path: Path,
) -> None:
    """Another window's ``K``/``e`` reached this one only when the document was opened again."""
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        start = app.document.base_text.index("基軸")
        block, local = app.document.locate(start)
        other = Repository(app.repo.path)
        other.save_own_reading(app.key, "基軸", "もといじく")
        other.close()

        def shown() -> bool:
            return any(
                r.reading == "もといじく" and r.start == local
                for r in app.reader._readings.block(block)
            )

        await settle(pilot, until=shown)
