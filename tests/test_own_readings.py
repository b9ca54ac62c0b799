"""The reader's own readings: a name no text or dictionary settles (三牧 みまき, not みつまき)
is corrected once, in the word popup, and read so everywhere in the document, in every
furigana mode, after a restart and beside another running instance."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from footnote_texts import shiori
from pilot_waits import settle
from screen_text import screen_lines, widget_lines
from textual.widgets import Input

from store.annotations.documents import quote_readings
from store.annotations.repository import Repository
from store.japanese.chars import to_hiragana
from store.japanese.document import DocumentReadings
from store.japanese.levels import Level, filter_readings
from store.japanese.own_readings import OwnReadingError, apply_own, kanji_part, normalised
from store.japanese.reading_record import Reading
from store.library import doc_key
from tui.app import OpenedFile, ShioriApp, import_document
from tui.screens.reading_form import ReadingForm
from tui.widgets.footnote_popup import FootnotePopup
from tui.widgets.reader import FootnoteView, ReaderView
from tui.widgets.word_popup import WordPopup

TEXT = "三牧聖子は述べた。聡明な森聡と三牧が話した。"


def _screen(app: ShioriApp) -> str:
    """The screen, its readings in hiragana whatever style draws them (ﾐﾏｷ in ``all``)."""
    return to_hiragana(unicodedata.normalize("NFKC", "\n".join(screen_lines(app))))


def _analysed() -> list[Reading]:
    """The analysis of TEXT as ``shiori furigana`` gives it (the names read wrong)."""
    return [
        Reading(0, 2, "みつまき", "dict"),
        Reading(2, 4, "せいこ", "dict"),
        Reading(5, 6, "の", "dict"),
        Reading(9, 11, "そうめい", "dict"),
        Reading(12, 13, "もり", "dict"),
        Reading(13, 14, "さとし", "dict"),
        Reading(15, 17, "みつまき", "dict"),
        Reading(18, 19, "はな", "dict"),
    ]


def test_a_correction_reads_every_occurrence_that_is_a_word_of_its_own() -> None:
    got = apply_own(TEXT, _analysed(), {"三牧": "みまき", "聡": "さとる"})
    over = {(TEXT[r.start : r.end], r.start): (r.reading, r.source) for r in got}
    assert over[("三牧", 0)] == ("みまき", "own") and over[("三牧", 15)] == ("みまき", "own")
    assert over[("聡", 13)] == ("さとる", "own")
    assert over[("聡明", 9)] == ("そうめい", "dict")  # 聡 inside another word: left alone
    assert over[("聖子", 2)] == ("せいこ", "dict")
    assert [r.start for r in got] == sorted(r.start for r in got)


def test_a_longer_correction_wins_over_a_shorter_one_inside_it() -> None:
    got = apply_own(TEXT, _analysed(), {"三牧": "さんまき", "三牧聖子": "みまきせいこ"})
    assert got[0] == Reading(0, 4, "みまきせいこ", "own")
    assert Reading(15, 17, "さんまき", "own") in got


def test_a_block_not_analysed_yet_shows_no_correction() -> None:
    readings = DocumentReadings([None], texts=[TEXT], headings=[False], own={"三牧": "みまき"})
    assert readings.block(0) == []
    readings.blocks[0] = _analysed()
    assert Reading(0, 2, "みまき", "own") in readings.block(0)


@pytest.mark.parametrize("level", ["all", "above-grade", "first"])
def test_a_correction_shows_in_every_mode_but_off(level: Level) -> None:
    readings = apply_own(TEXT, _analysed(), {"三牧": "みまき"})
    shown = filter_readings(readings, TEXT, level, seen=set())
    assert [r.start for r in shown if r.source == "own"] == [0, 15]
    assert filter_readings(readings, TEXT, "off") == []


def test_what_is_kept_of_a_correction() -> None:
    assert normalised("三牧", "ミマキ") == ("三牧", "みまき")  # katakana folded
    assert normalised("跳る", "おどる") == ("跳", "おど")  # the kana the word shows: not ruby
    assert normalised(" 森 聡 ", "もり さとる") == ("森聡", "もりさとる")
    assert normalised("読ん", "とん") == ("読", "と")  # the word as Sudachi cuts a verb
    assert normalised("読ん", "よ") == ("読", "よ")  # the reading of its kanji only
    assert normalised("聡", "ｻﾄｼ") == ("聡", "さとし")  # half-width, as `all` draws readings
    assert kanji_part("お茶を") == "茶" and kanji_part("取り沙汰") == "取り沙汰"
    for word, reading, said in [
        ("なる", "なる", "kanji"),
        ("三牧", "mimaki", "kana"),
        ("三牧", "三まき", "kana"),
        ("跳る", "る", "nothing for the kanji"),
        ("聡", "ゝ", "kana"),  # an iteration mark alone is no reading
    ]:
        with pytest.raises(OwnReadingError, match=said):
            normalised(word, reading)


def test_corrections_are_kept_per_document_and_survive_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "shiori.json"
    repo = Repository(db)
    assert repo.save_own_reading("lib:a", "三牧", "ミマキ") == ("三牧", "みまき")
    repo.save_own_reading("lib:a", "聡", "さとる")
    repo.save_own_reading("lib:b", "聡", "あきら")
    repo.close()
    again = Repository(db)
    assert again.own_readings("lib:a") == {"三牧": "みまき", "聡": "さとる"}
    assert again.own_readings("lib:b") == {"聡": "あきら"}
    assert again.save_own_reading("lib:a", "聡", "") == ("聡", "")  # back to the analyser
    assert again.own_readings("lib:a") == {"三牧": "みまき"}
    assert again.own_readings("lib:c") == {}
    # a verb as Sudachi cuts it (読ん) is kept under its kanji, and dropped the same way
    assert again.save_own_reading("lib:a", "読ん", "よん") == ("読", "よ")
    again.save_own_reading("lib:a", "読ん", "")
    assert again.own_readings("lib:a") == {"三牧": "みまき"}


def test_two_instances_each_keep_their_correction(tmp_path: Path) -> None:
    db = tmp_path / "shiori.json"
    first, second = Repository(db), Repository(db)
    first.own_readings("lib:a")  # both have read the document's record (none yet)
    second.own_readings("lib:a")
    first.save_own_reading("lib:a", "三牧", "みまき")
    second.save_own_reading("lib:a", "聡", "さとる")
    assert Repository(db).own_readings("lib:a") == {"三牧": "みまき", "聡": "さとる"}


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "zadankai.md"
    path.write_text(f"# 座談会\n\n{TEXT}\n\n三牧氏は続けた。\n", encoding="utf-8")
    return path


async def _correct(
    pilot: Any, app: ShioriApp, word: str, typed: str, *, reader: ReaderView | None = None
) -> None:
    """``K`` on ``word`` (the cursor already there when ``reader`` is given), ``e``, ``typed``."""
    if reader is None:
        reader = app.reader
        reader.goto_offset(reader.document.base_text.index(word))
    await pilot.press("K")
    await settle(pilot)
    assert isinstance(app.screen, WordPopup)
    assert "e corrects the reading" in "\n".join(screen_lines(app))
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(app.screen, ReadingForm)
    app.screen.query_one("#reading-input", Input).value = ""
    await pilot.press(*typed)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_word_popup_corrects_a_name_throughout_the_document(doc: Path) -> None:
    app = ShioriApp(OpenedFile(doc, import_document(doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")  # all readings, so the analyser's みつまき shows first
        await settle(pilot)
        while app.reader.furigana_mode != "all":
            await pilot.press("r")
            await settle(pilot)
        text = _screen(app)
        assert "みつまき" in text and "みまき" not in text
        await _correct(pilot, app, "三牧", "mimaki")  # typed romaji: an IME would give kana
        assert isinstance(app.screen, ReadingForm)
        assert "kana" in _screen(app)  # said in the dialog, which stays
        app.screen.query_one("#reading-input", Input).value = "みまき"
        await pilot.press("enter")
        await settle(pilot)
        text = _screen(app)
        assert "みつまき" not in text
        assert text.count("みまき") == 3  # the three 三牧, the last in another paragraph
        assert "そうめい" in text  # 聡明 untouched
        reader = app.reader
        reader.goto_offset(reader.document.base_text.index("三牧"))
        await pilot.press("K")
        await settle(pilot)
        assert "みまき (your reading)" in _screen(app)
        await pilot.press("escape")

    again = ShioriApp(OpenedFile(doc, import_document(doc)))
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)  # the default mode (above grade 6) hides 三牧's reading, not yours
        text = _screen(again)
        assert text.count("みまき") == 3 and "みつまき" not in text


def test_a_citation_with_readings_reads_the_word_as_corrected(doc: Path) -> None:
    before = shiori("cite", str(doc), "--quote", "三牧が話した", "--readings")
    assert "｜三牧《みつまき》が" in before.stdout, before.stderr
    repo = Repository()
    repo.save_own_reading(doc_key(doc), "三牧", "みまき")
    repo.close()
    after = shiori("cite", str(doc), "--quote", "三牧が話した", "--readings")
    assert "｜三牧《みまき》が" in after.stdout, after.stderr
    document = import_document(doc)
    start = document.base_text.index("三牧が話した")
    assert quote_readings(document, start, start + 6, {"三牧": "みまき"})[0] == (0, 2, "みまき")


async def test_a_name_in_a_footnote_is_corrected_from_the_note_s_popup(tmp_path: Path) -> None:
    """The seeds' 三牧聖子 stands only in a note: ``K`` there did nothing."""
    path = tmp_path / "notes.md"
    path.write_text(
        "# 座談会\n\n戦争を止められるかが論じられた[^1]。三牧氏の指摘による。\n\n"
        "[^1]: 川島真、三牧聖子「座談会 戦争を止められるか」『世界』（2025.1）。\n",
        encoding="utf-8",
    )
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FootnotePopup)
        body = app.screen.body
        assert isinstance(body, FootnoteView)
        body.goto_offset(body.note.text.index("三牧"))
        await _correct(pilot, app, "三牧", "みまき", reader=body)
        assert isinstance(app.screen, FootnotePopup)  # back in the note, read anew
        assert "みまき" in " ".join(widget_lines(body))
        await pilot.press("escape")
        await settle(pilot)
        assert _screen(app).count("みまき") == 1  # 三牧氏 on the page, in the default mode


async def test_a_verb_s_reading_is_asked_and_kept_for_its_kanji(tmp_path: Path) -> None:
    """The dialog named 読ん, kept the reading under 読, and an empty field then removed
    nothing: the correction could not be taken back."""
    path = tmp_path / "yomu.txt"
    path.write_text("本を読んだ。本を読む。読書が好きだ。\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        reader.goto_offset(reader.document.base_text.index("読ん"))
        await pilot.press("K")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ReadingForm)
        assert "Your reading of 読 " in _screen(app) + " "
        assert app.screen.query_one("#reading-input", Input).value == "よ"
        app.screen.query_one("#reading-input", Input).value = "と"
        await pilot.press("enter")
        await settle(pilot)
        repo, current = app.annotations.repo, app.annotations.current
        assert repo is not None and current is not None
        key = current.key
        assert repo.own_readings(key) == {"読": "と"}
        reader.goto_offset(reader.document.base_text.index("読ん"))
        await pilot.press("K")
        await settle(pilot)
        assert "とん (your reading)" in _screen(app)  # the word 読ん as the text reads it
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#reading-input", Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert repo.own_readings(key) == {}
