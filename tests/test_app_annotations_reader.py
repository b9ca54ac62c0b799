"""Annotations in the reader, driven like a user: highlight, edit, delete, undo, cite, copy.

A small app mounts the real ReaderView and the sidebar under a screen with the annotation keys,
with a real Repository in a tmp data dir and a fake clipboard.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, TextArea

from store.annotations.repository import Repository, default_repository
from store.importer import import_file
from store.library import doc_key
from store.model import Document
from tui.annotation_chips import highlight_variables
from tui.annotations_ui import AnnotationKeys, AnnotationsController
from tui.screens.annotate import AnnotateScreen, parse_tags
from tui.screens.citation_dialog import CitationDialog
from tui.widgets.annotation_list import AnnotationList
from tui.widgets.reader import ReaderView
from tui.widgets.sidebar import Sidebar

TCSS = Path(__file__).resolve().parent.parent / "tui" / "styles" / "annotations.tcss"

TEXT = """第1章 北米

1 概観

日米同盟は、日本の安全保障の基軸である。両国は経済安全保障でも協力を深めている。

2 日米関係

首脳会談では、同盟の抑止力と対処力の強化を確認した。
"""
SENTENCE = "日米同盟は、日本の安全保障の基軸である。"


class FakeClipboard:
    """A system clipboard that works (``fail`` False) or raises like pyperclip without a tool."""

    name = "fake"

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.text = ""

    def copy(self, text: str) -> None:
        if self.fail:
            raise RuntimeError("Pyperclip could not find a copy/paste mechanism for your system.")
        self.text = text

    def paste(self) -> str:
        return self.text


class AnnScreen(AnnotationKeys):
    def compose(self) -> ComposeResult:
        with Horizontal():
            yield ReaderView(id="reader")
            yield Sidebar(id="sidebar")

    async def on_mount(self) -> None:
        await self.app.ready()  # type: ignore[attr-defined]


class AnnApp(App[None]):
    CSS_PATH = str(TCSS)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **highlight_variables()}

    def __init__(
        self,
        path: Path,
        *,
        clipboard: FakeClipboard | None = None,
        osc52: Any = None,
        repo: Repository | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.document: Document = import_file(path)
        self.key = doc_key(path)
        self.clip = clipboard or FakeClipboard()
        self.osc52_sent: list[str] = []
        self.repo = repo or default_repository()
        self.annotations = AnnotationsController(
            self, repo=self.repo, clipboard=self.clip, osc52=osc52, env={}
        )
        self.opened: list[tuple[str, int | None]] = []

    def get_default_screen(self) -> AnnScreen:
        return AnnScreen()

    @property
    def reader(self) -> ReaderView:
        return self.screen_stack[0].query_one(ReaderView)

    async def ready(self) -> None:
        await self.annotations.attach()
        self.show(self.key, self.path, self.document, None)

    def show(self, key: str, path: Path, document: Document, block: int | None) -> None:
        self.reader.show(document, position=(block, 0) if block is not None else None)
        self.annotations.document_shown(key, path, document)
        self.reader.focus()

    def open_document(self, key: str, path: Path, block: int | None = None) -> None:
        self.opened.append((key, block))
        self.show(key, path, import_file(path), block)


@pytest.fixture(autouse=True)
def _tmp_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tmp data dirs; the repository cache restored afterwards."""
    import store.annotations.repository as repository

    for name in ("DATA", "CACHE", "CONFIG"):
        monkeypatch.setenv(f"SHIORI_{name}_DIR", str(tmp_path / name.lower()))
    for name in ("SSH_CONNECTION", "SSH_TTY", "SSH_CLIENT", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    cache: dict[Any, Repository] = {}
    monkeypatch.setattr(repository, "_default", cache)
    yield
    for repo in cache.values():
        repo.close()


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "hokubei.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT, encoding="utf-8")
    return path


async def settle(pilot: Any, app: AnnApp) -> None:
    """Wait until the open document's annotations are loaded (a thread) and drawn."""
    await pilot.pause()
    for _ in range(500):
        if not app.annotations.loading:
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def select(pilot: Any, app: AnnApp, quote: str) -> None:
    """Select ``quote`` in the reader the way a user does: move there, v, then extend."""
    start = app.document.base_text.index(quote)
    app.reader.goto_offset(start)
    await pilot.press("v")
    for _ in range(len(quote) - 1):
        await pilot.press("l")
    assert app.reader.selection == (start, start + len(quote))


async def highlight(
    pilot: Any, app: AnnApp, quote: str, color_key: str = "1", note: str = "", tags: str = ""
) -> None:
    await select(pilot, app, quote)
    await pilot.press("a")
    assert isinstance(app.screen, AnnotateScreen)
    await pilot.press(color_key)
    area = app.screen.query_one("#note", TextArea)
    area.insert(note)
    app.screen.query_one("#tags", Input).value = tags
    await pilot.press("ctrl+s")
    await pilot.pause()


def sidebar_entries(app: AnnApp) -> list[str]:
    options = app.screen_stack[0].query_one("#annotation-options", OptionList)
    return [str(o.prompt) for o in options.options if o.id]


async def test_highlight_with_colour_note_and_tags_is_saved_drawn_and_listed(
    doc_path: Path,
) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
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
        await settle(pilot, app)
        await highlight(pilot, app, SENTENCE, tags="日米")
    import store.annotations.repository as repository

    app.repo.close()
    repository._default.clear()  # as in a new process: the file is opened anew
    again = AnnApp(doc_path)
    assert again.repo is not app.repo
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(pilot, again)
        assert len(again.reader.highlights) == 1
        assert any("日米同盟は" in e for e in sidebar_entries(again))


async def test_escape_cancels_without_saving(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        await select(pilot, app, SENTENCE)
        await pilot.press("a", "3")  # colour chosen, now in the note step
        await pilot.press("escape")  # back to the colours
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("escape")  # cancelled
        assert not isinstance(app.screen, AnnotateScreen)
        assert app.repo.list() == []
        assert app.reader.selection is not None  # the selection is kept for another try


async def test_a_without_selection_says_how(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("a")
        assert not isinstance(app.screen, AnnotateScreen)
        assert any("Select a passage first" in n.message for n in app._notifications)


async def test_edit_delete_and_undo_the_highlight_under_the_cursor(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
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
        await settle(pilot, app)
        await highlight(pilot, app, SENTENCE)
        app.reader.goto_offset(app.document.base_text.index("首脳会談"))
        await pilot.press("d")
        assert len(app.repo.list()) == 1
        assert any("No highlight under the cursor" in n.message for n in app._notifications)


async def test_y_copies_the_selection_as_a_japanese_citation(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        await select(pilot, app, SENTENCE)
        await pilot.press("y")
        quote, source = app.clip.text.split("\n")
        assert quote == f"「{SENTENCE}」"
        assert source == "「第1章 北米」、「1 概観」。"
        assert app.reader.selection is None
        assert any("Copied to the clipboard (fake)" in n.message for n in app._notifications)


async def test_y_on_a_highlight_and_Y_without_quote(doc_path: Path) -> None:
    app = AnnApp(doc_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
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
        await settle(pilot, app)
        await select(pilot, app, SENTENCE)
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
        await settle(pilot, app)
        await select(pilot, app, SENTENCE)
        await pilot.press("y")
        await pilot.pause()
        assert sent and sent[0].startswith(f"「{SENTENCE}」")
        # the first time, the dialog explains and shows the text; then only the status line
        assert isinstance(app.screen, CitationDialog)
        assert "Sent to the terminal (OSC 52)" in app.annotations.last_copy.message
        await pilot.press("escape")
        await select(pilot, app, SENTENCE)
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
        await settle(pilot, app)
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
            await pilot.pause(0.3)
            entries = sidebar_entries(app)
            assert len(entries) == len(expected), query
            for entry, want in zip(entries, expected, strict=True):
                assert want in entry
        listing.query_one("#annotation-filter", Input).value = ""
        await pilot.pause(0.3)
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
        await settle(pilot, app)
        doc = app.document
        for n in (2, 45):
            quote = f"第{n}段落の本文"
            start = doc.base_text.index(quote)
            app.repo.create(app.key, doc, start, start + len(quote))
        app.annotations.reload()
        await pilot.pause(0.2)
        options = app.screen_stack[0].query_one("#annotation-options", OptionList)
        app.reader.focus()
        await pilot.press("G")  # to the end: the list follows to the last annotation
        await pilot.pause(0.2)
        assert options.highlighted == 1
        await pilot.press("g")
        await pilot.pause(0.2)
        assert options.highlighted == 0
