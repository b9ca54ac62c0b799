"""PDF, web pages and EPUB from the command line and in the reader: inspect, add, progress,
the page in the header."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from render_formats import golden_to_epub, golden_to_html, golden_to_pdf

from store import paths
from store.library import Library
from tui.app import OpenedFile, ShioriApp, import_document
from tui.commands import _progress

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "inspect"


def _model(name: str = "diplomatic-bluebook-2025-north-america") -> dict:
    return json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


def _shiori(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_inspect_shows_a_pdf_with_its_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "bluebook.pdf"
    golden_to_pdf(_model(), pdf, first_page=135)
    result = _shiori("inspect", str(pdf), "--json", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    doc = json.loads(result.stdout)
    assert doc["pages"][0] == [0, 0, "135"]
    assert [b["text"] for b in doc["blocks"][:2]] == [
        "1 概観",
        "〈基本的価値や原則を共有する北米地域との連携の重要性〉",
    ]
    outline = _shiori("inspect", str(pdf), cwd=tmp_path)
    assert "footnotes: 12" in outline.stdout


def test_a_file_that_is_not_what_its_name_says_is_one_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = _shiori("inspect", str(broken), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "scan.pdf" in result.stderr


def test_add_takes_pdf_html_and_epub_and_names_a_file_by_its_content(tmp_path: Path) -> None:
    model = _model("mofa-japan-us-summit-2025-10-28")
    golden_to_pdf(model, tmp_path / "download")  # a PDF saved without an ending
    (tmp_path / "page.html").write_text(golden_to_html(model), encoding="utf-8")
    golden_to_epub(model, tmp_path / "book.epub")
    result = _shiori("add", "download", "page.html", "book.epub", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    title = "日米首脳会談、署名式、ワーキング・ランチ"
    assert result.stdout.splitlines() == [
        f"added download.pdf ({title})",
        f"added page.html ({title})",
        f"added book.epub ({title})",
    ]
    listed = [e.path.name for e in Library().entries() if not e.read_only]
    assert listed == ["book.epub", "download.pdf", "page.html"]
    assert (paths.library_dir() / "download.pdf").read_bytes()[:5] == b"%PDF-"


def test_progress_is_a_line_on_a_terminal_cleared_at_the_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(_progress, "DELAY", 0.0)
    monkeypatch.setattr(_progress, "RATE", 10**9)
    out = Terminal()
    with _progress.import_progress("big.pdf", out) as progress:
        assert progress is not None
        for done in (1, 2, 3):
            progress(done, 3)
    assert out.getvalue() == (
        "\rshiori: reading big.pdf: 1/3\rshiori: reading big.pdf: 2/3"
        "\rshiori: reading big.pdf: 3/3\r\x1b[K"
    )
    with _progress.import_progress("big.pdf", io.StringIO()) as progress:
        assert progress is None  # a script reading stderr gets no progress lines


async def test_the_header_shows_the_printed_page_of_the_reading_position(tmp_path: Path) -> None:
    pdf = tmp_path / "bluebook.pdf"
    golden_to_pdf(_model(), pdf, first_page=135)
    doc = import_document(pdf)
    app = ShioriApp(OpenedFile(pdf, doc))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.header.page == "135"
        assert "p.135" in app.header.render().plain
        second = doc.pages[1]
        app.reader.goto_block(second.block + 1)
        await pilot.pause()
        await pilot.pause()
        assert app.header.page == doc.page_at(second.block + 1) == "136"


async def test_a_long_import_fills_a_bar_in_the_header() -> None:
    from tui.app import ImportProgress

    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.post_message(ImportProgress("k", 30, 120))
        await pilot.pause()
        assert app.header.import_fraction == 0.25
        rendered = app.header.render()
        assert "opening... 30/120" in rendered.plain
        bar = [s for s in rendered.spans[1:] if str(s.style) == "reverse"]
        assert bar and bar[0].end - bar[0].start == 10  # a quarter of a 40-cell bar


async def test_y_in_a_pdf_cites_the_page_the_passage_is_on(tmp_path: Path) -> None:
    from annotations_harness import AnnApp
    from pilot_waits import select, settle

    pdf = tmp_path / "bluebook.pdf"
    golden_to_pdf(_model(), pdf, first_page=135)
    quote = "日米同盟はかつてなく強固なものとなっている。"
    app = AnnApp(pdf)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await select(pilot, quote)
        await pilot.press("y")
        start = app.document.base_text.index(quote)
        page = app.document.page_at(*app.document.locate(start))
        assert page is not None and int(page) > 135
        assert app.clip.text.endswith(f"、{page}頁。")
