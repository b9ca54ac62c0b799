"""The metadata form's "The author is an organisation" box: drawn as what is stored (``[ ]``
for a person or no author, ``[X]`` for a body the metadata marks so), reached with Tab,
ticked and unticked with Space and Enter, and saved as shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotations_harness import AnnApp
from pilot_waits import settle
from render_formats import golden_to_epub
from screen_text import widget_lines
from textual.app import App
from textual.widgets import Checkbox, Input

from store import paths
from store.library import DocMeta
from tui.annotation_chips import highlight_variables
from tui.screens.metadata_form import FIELDS, MetadataForm

TCSS = Path(__file__).resolve().parent.parent / "tui" / "styles" / "annotations.tcss"
BLUEBOOK = paths.SEEDS_DIR / "diplomatic-bluebook-2025-north-america.txt"


class FormApp(App[None]):
    """The form alone over an empty screen, as the reader's ``m`` pushes it."""

    CSS_PATH = str(TCSS)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **highlight_variables()}

    def __init__(self, meta: DocMeta) -> None:
        super().__init__()
        self.meta = meta
        self.saved: list[DocMeta | None] = []

    def on_mount(self) -> None:
        self.push_screen(MetadataForm("lib:essay.epub", self.meta), self.saved.append)


def box(form: MetadataForm) -> Checkbox:
    return form.query_one("#meta-author_is_org", Checkbox)


def drawn(form: MetadataForm) -> str:
    """The box's row as a person reads it."""
    return widget_lines(box(form))[0].strip()


async def form_of(app: AnnApp) -> tuple[str, str]:
    """``m`` on ``app``'s document: the form's author and how its box is drawn."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        form = app.screen
        assert isinstance(form, MetadataForm)
        return form.query_one("#meta-author", Input).value, drawn(form)[:3]


async def test_a_person_or_no_author_is_not_ticked_a_body_marked_so_is() -> None:
    for meta, mark in (
        (DocMeta(title="随筆集 春の庭", author="田中 誠一"), "[ ]"),
        (DocMeta(title="地方財政の持続可能性に関する報告書"), "[ ]"),
        (DocMeta(title="北米", author="外務省", author_is_org=True), "[X]"),
    ):
        app = FormApp(meta)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            form = app.screen
            assert isinstance(form, MetadataForm)
            assert box(form).value is meta.author_is_org
            assert drawn(form).startswith(mark + " The author is an organisation"), drawn(form)


async def test_tab_reaches_the_box_and_space_and_enter_toggle_it() -> None:
    app = FormApp(DocMeta(title="随筆集 春の庭", author="田中 誠一"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MetadataForm)
        assert isinstance(form.focused, Input)
        for _ in FIELDS:  # one Tab per field: past the last one to the box
            await pilot.press("tab")
        assert form.focused is box(form)
        await pilot.press("space")
        assert box(form).value and drawn(form).startswith("[X]")
        assert form.edited().author_is_org
        await pilot.press("enter")
        assert not box(form).value and drawn(form).startswith("[ ]")
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        [saved] = app.saved
        assert saved is not None and saved.author_is_org and saved.author == "田中 誠一"


async def test_an_epub_by_a_person_opens_the_form_unticked(tmp_path: Path) -> None:
    path = tmp_path / "essay.epub"
    body = [
        {"kind": "heading", "level": 1, "text": "第1章 春", "inlines": []},
        {"kind": "paragraph", "level": 0, "text": "庭に梅が咲いた。", "inlines": []},
    ]
    model = {
        "title": "随筆集 春の庭",
        "metadata": {"author": "田中 誠一"},
        "blocks": body,
        "footnotes": [],
    }
    golden_to_epub(model, path)
    assert await form_of(AnnApp(path)) == ("田中 誠一", "[ ]")


async def test_a_markdown_report_without_an_author_opens_the_form_unticked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "report.md"
    path.write_text("# 地方財政の報告書\n\n## 第1章\n\n本文。\n", encoding="utf-8")
    assert await form_of(AnnApp(path)) == ("", "[ ]")


async def test_a_seed_whose_metadata_marks_a_body_opens_the_form_ticked() -> None:
    assert await form_of(AnnApp(BLUEBOOK)) == ("外務省", "[X]")


async def test_toggling_the_box_redraws_the_preview(monkeypatch: pytest.MonkeyPatch) -> None:
    # store.citation names an organisation as any author today; the preview must still follow
    # the box at once, so a style that cites one differently shows it while the form is open
    import tui.screens.metadata_form as form_module

    def source(meta: DocMeta, _locator: object, style: str) -> str:
        return f"{style}: {meta.author} org={meta.author_is_org}"

    monkeypatch.setattr(form_module, "format_source", source)
    app = FormApp(DocMeta(title="随筆集 春の庭", author="田中 誠一"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MetadataForm)
        preview = form.query_one("#metadata-preview")
        assert "org=False" in str(preview.render())
        box(form).focus()
        await pilot.press("space")
        await pilot.pause()
        assert "org=True" in str(preview.render()) and "org=False" not in str(preview.render())
