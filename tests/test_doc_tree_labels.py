"""Tree labels cut to the pane: two documents of one long title stay told apart (the suffix
that names where each comes from is kept whole), a lone long title is cut as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_waits import settle
from rich.text import Text

from store import paths
from store.library import DocMeta, LibraryEntry, display_titles
from tui.app import ShioriApp
from tui.layout.cells import text_width
from tui.widgets.doc_tree import DocTree, fit_label, suffixes

TITLE = "地方財政の持続可能性に関する報告書"
REPORT = f"# {TITLE}\n\n## 第1章 現状\n\n地方財政は厳しい状況にある。\n"


def test_a_cut_label_keeps_its_suffix_whole() -> None:
    text = Text(f"+ {TITLE} (library: report.md)")
    suffix = len(" (library: report.md)")
    cut = fit_label(text, 34, keep=suffix)
    assert cut.plain == "+ 地方財政... (library: report.md)"
    assert cut.cell_len <= 34


def test_a_label_too_narrow_for_its_suffix_keeps_the_suffix_end() -> None:
    text = Text(f"+ {TITLE} (library: report.md)")
    cut = fit_label(text, 14, keep=len(" (library: report.md)"))
    assert cut.plain == "... report.md)"  # the end of the suffix: where the two differ


def test_a_label_without_a_suffix_is_cut_as_before() -> None:
    text = Text(f"+ {TITLE}")
    assert fit_label(text, 16).plain == "+ 地方財政の..."
    assert fit_label(text, 16, keep=0).plain == fit_label(text, 16).plain
    assert fit_label(text, 80) is text  # it fits: untouched


def test_a_cut_keeps_the_styles_of_title_and_suffix() -> None:
    text = Text("+ ", style="bold") + Text(f"{TITLE} (library: report.md)", style="red")
    cut = fit_label(text, 34, keep=len(" (library: report.md)"))
    assert {span.style for span in cut.spans} >= {"bold", "red"}


def entry(key: str, title: str = TITLE) -> LibraryEntry:
    name = key.split(":", 1)[1]
    return LibraryEntry(key, Path("/lib") / name, DocMeta(title=title), read_only=False)


def test_the_short_end_of_a_suffix_still_tells_the_documents_apart() -> None:
    entries = [
        entry("lib:report.md"),
        entry("lib:report.pdf"),
        entry("lib:a/sub/yoake.epub", "夜明け前"),
        entry("lib:b/sub/yoake.epub", "夜明け前"),
        entry("lib:yoake.epub", "夜明け前"),
        entry("seed:kokoro.txt", "こころ"),
        entry("lib:kokoro.txt", "こころ"),
        entry("lib:alone.md", "一つだけ"),
    ]
    found = suffixes(entries, display_titles(entries))
    short = {key: (s.whole, s.short) for key, s in found.items()}
    assert short == {
        "lib:report.md": (" (library: report.md)", "report.md)"),
        "lib:report.pdf": (" (library: report.pdf)", "report.pdf)"),
        "lib:a/sub/yoake.epub": (" (library: a/sub/yoake.epub)", "a/sub/yoake.epub)"),
        "lib:b/sub/yoake.epub": (" (library: b/sub/yoake.epub)", "b/sub/yoake.epub)"),
        "lib:yoake.epub": (" (library: yoake.epub)", ""),  # its end is the others' too
        "seed:kokoro.txt": (" (bundled)", ""),
        "lib:kokoro.txt": (" (library)", ""),
    }


@pytest.fixture
def reports() -> Path:
    folder = paths.library_dir()
    (folder / "report.md").write_text(REPORT, encoding="utf-8")
    (folder / "report.markdown").write_text(REPORT, encoding="utf-8")
    return folder


def tree_rows(tree: DocTree) -> list[str]:
    return [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]


def report_rows(tree: DocTree) -> list[str]:
    return [row for row in tree_rows(tree) if "地方財政" in row or "report." in row]


@pytest.mark.parametrize("size", [(140, 40), (80, 24)])
async def test_same_long_titles_never_look_the_same(reports: Path, size: tuple[int, int]) -> None:
    app = ShioriApp()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        tree = app.doc_tree
        assert app.library_pane.display
        rows = report_rows(tree)
        assert len(rows) == 2 and rows[0] != rows[1], rows
        # the whole suffix where the pane has room for it and some title, else its end
        assert any(r.endswith(("(library: report.md)", " (report.md)")) for r in rows), rows
        assert any(r.endswith(("(library: report.markdown)", " (report.markdown)")) for r in rows)
        room = tree.scrollable_content_region.width
        assert all(text_width(r) <= room for r in rows)
        assert all("..." in r for r in rows)  # the title part was shortened


async def test_the_tree_over_the_text_at_80_columns_tells_them_apart(reports: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree = app.doc_tree
        tree.focus()
        node = tree.document_node("lib:report.md")
        assert node is not None
        tree.move_cursor(node)
        await pilot.press("enter")  # opened: the tree gives way to the text
        await settle(pilot)
        await pilot.press("t")  # and comes back over it
        await settle(pilot)
        assert app.library_pane.display
        rows = report_rows(tree)
        assert any(r.endswith("(library: report.md)") for r in rows), rows
        assert any(r.endswith("(library: report.markdown)") for r in rows), rows
        room = tree.scrollable_content_region.width
        assert all(text_width(r) <= room for r in rows)
