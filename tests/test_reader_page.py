"""The page as a reader meets it: laid out once at its final width (furigana included for a
returning reader), reading rows that stay with their text at a page's end, a reading measure
with the text centred, and the reading style."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_waits import settle

from tui.app import OpenedFile, ShioriApp, import_document
from tui.layout.cells import text_width
from tui.layout.document import RUBY
from tui.widgets.reader import ReaderView

SENTENCES = [
    "国際社会は歴史の転換点にあり、各国は協調に取り組む。",
    "日米同盟は、日本の外交と安全保障の基軸である。",
    "北朝鮮籍船舶の瀬取り対策として、警戒監視活動を続けている。",
    "経済安全保障の分野でも、重要鉱物の供給網の強靱化で協力する。",
]


def document_text(paragraphs: int) -> str:
    parts = ["# 外交の記録"]
    for k in range(paragraphs):
        parts.append(f"## 第{k + 1}節")
        parts.append("".join(SENTENCES[(k + j) % len(SENTENCES)] for j in range(4)))
    return "\n\n".join(parts) + "\n"


@pytest.fixture
def doc_file(tmp_path: Path) -> Path:
    path = tmp_path / "kiroku.md"
    path.write_text(document_text(40), encoding="utf-8")
    return path


def painted(reader: ReaderView) -> list[str]:
    return [reader.render_line(y).text for y in range(reader.size.height)]


class Recorder:
    """Every frame's reader lines as painted, with the layout they came from."""

    def __init__(self) -> None:
        self.frames: list[tuple[Any, int, bool, tuple[str, ...]]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        original = ReaderView.render_lines
        frames = self.frames

        def render_lines(reader: ReaderView, crop: Any) -> Any:
            strips = original(reader, crop)
            if reader.id == "reader" and reader.document is not None:
                layout = reader._layout
                text = tuple(strip.text.strip() for strip in strips)
                if any(line.strip() for line in text):
                    frames.append(
                        (reader._gen, layout.width if layout else 0, reader._readings is not None, text)
                    )
            return strips

        monkeypatch.setattr(ReaderView, "render_lines", render_lines)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_a_returning_reader_sees_the_text_laid_out_once(
    doc_file: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first open analyses the document (and caches its readings).
    first = ShioriApp(OpenedFile(doc_file, import_document(doc_file)))
    async with first.run_test(size=size) as pilot:
        await settle(pilot, until=lambda: first.reader._readings is not None)
        final_width = first.reader._layout.width
    recorder = Recorder()
    recorder.install(monkeypatch)
    again = ShioriApp(OpenedFile(doc_file, import_document(doc_file)))
    async with again.run_test(size=size) as pilot:
        await settle(pilot)
        reader = again.reader
        final = tuple(line.strip() for line in painted(reader))
    assert recorder.frames
    layouts = {(gen, width, readings) for gen, width, readings, _ in recorder.frames}
    # one layout painted, at the final width, with its furigana from the first frame on
    assert layouts == {(reader._gen, final_width, True)}
    # and every frame shows exactly what the settled screen shows (no missing characters)
    for *_, text in recorder.frames:
        assert text == final[: len(text)]


async def test_a_page_never_ends_on_a_reading_row_alone(doc_file: Path) -> None:
    app = ShioriApp(OpenedFile(doc_file, import_document(doc_file)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, until=lambda: app.reader._readings is not None)
        reader = app.reader
        reader.furigana_mode = "all"
        reader.furigana_style = "kana"
        await settle(pilot)
        layout = reader._layout
        assert layout is not None
        hidden = 0
        shown_ruby: set[int] = set()
        for _ in range(60):
            top = int(reader.scroll_y)
            height = reader.size.height
            lines = painted(reader)
            for y in range(height):
                line = layout.line(top + y)
                if line is None or line.kind != RUBY:
                    continue
                if y == height - 1:
                    # its text is on the next page: the reading goes there with it
                    assert lines[y].strip() == ""
                    hidden += 1
                else:
                    shown_ruby.add(top + y)
            if top >= reader.max_scroll_y:
                break
            await pilot.press("space")
        assert hidden  # the document has pages that would have ended on one
        every = {y for y in range(layout.line_count) if layout.line(y).kind == RUBY}
        assert every <= shown_ruby  # and none of them is lost: each shows on some page


def base_width(lines: list[str]) -> int:
    return max(text_width(line.rstrip()) - (len(line) - len(line.lstrip())) for line in lines)


@pytest.mark.parametrize(("measure", "width"), [(40, 80), (30, 60), (0, 129)])
async def test_the_reading_measure_centres_the_text(
    doc_file: Path, measure: int, width: int
) -> None:
    app = ShioriApp(OpenedFile(doc_file, import_document(doc_file)))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        reader = app.reader
        app.set_measure(measure)
        await settle(pilot)
        assert reader._layout is not None and reader._layout.width == width
        lines = [line for line in painted(reader) if line.strip()]
        pane = reader.scrollable_content_region.width
        left = min(len(line) - len(line.lstrip()) for line in lines)
        assert left == (pane - width) // 2
        assert max(text_width(line.rstrip()) for line in lines) <= left + width
    assert app.settings.measure == measure  # remembered


async def test_the_reading_measure_is_full_width_on_a_narrow_terminal(doc_file: Path) -> None:
    app = ShioriApp(OpenedFile(doc_file, import_document(doc_file)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert reader.measure == 40
        assert reader._layout is not None
        assert reader._layout.width == reader.scrollable_content_region.width == 77


async def test_reading_styles_draw_kana_or_half_width_katakana(doc_file: Path) -> None:
    app = ShioriApp(OpenedFile(doc_file, import_document(doc_file)))
    async with app.run_test(size=(80, 50)) as pilot:
        await settle(pilot, until=lambda: app.reader._readings is not None)
        reader = app.reader
        seen = {}
        for mode, style in [
            ("all", "auto"),
            ("above-grade", "auto"),
            ("all", "kana"),
            ("above-grade", "half-width"),
        ]:
            app.set_furigana_style(style)
            app.set_furigana_mode(mode)
            await settle(pilot)
            seen[(mode, style)] = "\n".join(painted(reader))
        # 強靱化: 靱 is beyond the school grades, so every mode here reads it
        assert "ｷｮｳｼﾞﾝｶ" in seen[("all", "auto")]  # dense: half-width katakana
        assert "きょうじん" in seen[("above-grade", "auto")]  # sparse: kana
        assert "きょうじんか" in seen[("all", "kana")]
        assert "ｷｮｳｼﾞﾝ" in seen[("above-grade", "half-width")]
    assert app.settings.furigana_style == "half-width"  # remembered
