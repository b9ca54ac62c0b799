"""The annotation tests' harness: a small app that mounts the real ReaderView and sidebar under a
screen with the annotation keys, a real Repository in the test's data dir, a fake clipboard,
and the steps a user takes (highlight a passage, read the sidebar).

Not a test module: ``test_app_annotations_*`` import it; the ``doc_path`` fixture is in
``conftest.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from pilot_waits import select
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, TextArea

from store.annotations.repository import Repository, default_repository
from store.importer import import_file
from store.library import doc_key
from store.model import Document
from tui.annotation_chips import highlight_variables
from tui.annotations_ui import AnnotationKeys, AnnotationsController
from tui.screens.annotate import AnnotateScreen
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
        await cast("AnnApp", self.app).ready()


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


async def highlight(
    pilot: Any, app: AnnApp, quote: str, color_key: str = "1", note: str = "", tags: str = ""
) -> None:
    await select(pilot, quote)
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
