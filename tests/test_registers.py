"""The register a document's readings follow, chosen by the user where the analyser's guess is
wrong (store/registers.py): a modern essay that writes a few words in kanji as older prose does
(丁度, 沢山) looks like older prose to the analyser, which then reads 私 わたくし and 行く ゆく; the reader, the citation and ``shiori
furigana`` read it as the user says."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from footnote_texts import shiori
from pilot_waits import settle
from screen_text import screen_lines
from test_app_shell import palette_run

from store import registers
from store.japanese.chars import to_hiragana
from store.japanese.document import DocumentAnalysis, analysis_key
from store.library import doc_key
from store.model import Block, Document
from tui.app import OpenedFile, ShioriApp, import_document

if TYPE_CHECKING:
    from store.japanese.rules import Style

#: Today's essay prose, no digits, Latin letters or katakana, that writes 丁度 and 沢山 in kanji
#: as older prose does: the analyser takes it for older.
ESSAY = (
    "私は毎朝早く起きて駅まで歩いて行く。途中の公園では近所の人が沢山の犬を連れて散歩している。"
    "私はその様子を眺めながら、今日の仕事の段取りを考える。会社に着くと同僚が挨拶をしてくれる。"
    "昼には近くの食堂へ行く。午後は会議が続き、夕方には丁度少し疲れを感じる。帰り道に本屋へ寄ると、"
    "新しい小説が並んでいて、つい手に取ってしまう。家に帰ると家族が夕食を用意して待っている。"
) * 6


def test_the_choice_is_kept_per_document_and_cleared_on_auto() -> None:
    assert registers.register_of("lib:essay.md") is None
    registers.save_register("lib:essay.md", "modern")
    registers.save_register("lib:story.txt", "literary")
    assert registers.register_of("lib:essay.md") == "modern"
    assert registers.register_of("lib:story.txt") == "literary"
    registers.save_register("lib:essay.md", None)
    assert registers.register_of("lib:essay.md") is None
    assert registers.register_of("lib:story.txt") == "literary"


def test_a_damaged_file_is_set_aside_and_reads_as_no_choice() -> None:
    path = registers.registers_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"documents": [', encoding="utf-8")
    notice = registers.check()
    assert notice is not None and "registers.json" in notice and "damaged" in notice
    assert registers.register_of("lib:essay.md") is None
    assert path.with_name(path.name + ".damaged").exists()
    registers.save_register("lib:essay.md", "modern")  # a fresh file, the damaged one kept
    assert json.loads(path.read_text(encoding="utf-8"))["documents"] == {"lib:essay.md": "modern"}


def screen_readings(app: ShioriApp) -> str:
    """The screen, its readings in hiragana whatever style draws them (ﾜﾀｸｼ in ``all``)."""
    return to_hiragana(unicodedata.normalize("NFKC", "\n".join(screen_lines(app))))


def _readings_of(doc: Document, word: str, style: Style | None) -> list[str]:
    analysis = DocumentAnalysis(doc, use_cache=False, style=style)
    analysis.run_all()
    text = doc.blocks[0].text
    return [r.reading for r in analysis.readings.block(0) if text[r.start : r.end] == word]


def test_the_analysis_follows_the_register_chosen() -> None:
    doc = Document("essay", [Block("paragraph", ESSAY)])
    assert set(_readings_of(doc, "私", None)) == {"わたくし"}  # the analyser's guess
    assert set(_readings_of(doc, "私", "modern")) == {"わたし"}
    assert analysis_key(doc, "modern") != analysis_key(doc)  # the cache keeps both apart


def test_shiori_furigana_reads_as_the_register_asked(tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    auto = shiori("furigana", "--format", "text", str(path))
    today = shiori("furigana", "--format", "text", "--register", "today", str(path))
    older = shiori("furigana", "--format", "text", "--register", "older", "-")
    assert "私(わたくし)" in auto.stdout and "行(ゆ)く" in auto.stdout, auto.stderr
    assert "私(わたし)" in today.stdout and "行(い)く" in today.stdout, today.stderr
    assert "私(わたくし)" not in today.stdout
    assert older.returncode == 0


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "essay.md"
    path.write_text(f"# 朝の道\n\n{ESSAY}\n", encoding="utf-8")
    return path


async def test_the_reader_reads_the_document_as_the_user_says_and_remembers_it(
    essay: Path,
) -> None:
    app = ShioriApp(OpenedFile(essay, import_document(essay)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.reader.furigana_mode = "all"
        await settle(pilot)
        assert "わたくし" in screen_readings(app)
        await pilot.press("ctrl+p")
        await palette_run(pilot, "Readings as today's prose")
        await settle(pilot)
        shown = screen_readings(app)
        assert "わたし" in shown and "わたくし" not in shown
        told = " ".join(str(n.message) for n in app._notifications)
        assert "Readings of this document: today's prose." in told
        offered = dict(app.reading_registers())  # the palette marks the document's choice
        assert offered["modern"] == "as today's prose (now)"
        assert offered[None] == "as detected"
    assert registers.register_of(doc_key(essay)) == "modern"

    again = ShioriApp(OpenedFile(essay, import_document(essay)))
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        again.reader.furigana_mode = "all"
        await settle(pilot)
        assert "わたくし" not in screen_readings(again)  # remembered, from the first paint
        await pilot.press("ctrl+p")
        await palette_run(pilot, "Readings as detected")
        await settle(pilot)
        assert "わたくし" in screen_readings(again)
    assert registers.register_of(doc_key(essay)) is None


def test_a_citation_reads_the_quote_in_the_register_chosen(essay: Path) -> None:
    quote = "私は毎朝早く起きて"
    before = shiori("cite", str(essay), "--quote", quote, "--nth", "1", "--readings")
    assert "｜私《わたくし》は" in before.stdout, before.stderr
    registers.save_register(doc_key(essay), "modern")
    after = shiori("cite", str(essay), "--quote", quote, "--nth", "1", "--readings")
    assert "｜私《わたし》は" in after.stdout, after.stderr
