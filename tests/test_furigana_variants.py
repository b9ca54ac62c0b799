"""Text written with characters the dictionary does not read as meant: variation selectors
(葛󠄀), old character forms (團扇) and set phrases Sudachi cuts at a particle (一か八か).
What ``shiori furigana`` prints, and the same readings on the reader's and search's paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store.japanese import document_readings, tokenize
from store.model import Block, Document, Footnote, Ruby
from tui.layout.lines import layout_text
from tui.layout.plain import render_plain

ROOT = Path(__file__).resolve().parent.parent

#: 葛 with the IVS selector government documents write (U+E0100), 辻 likewise; 神 with the
#: standardized variation selector of its compatibility form (U+FE00).
KATSU = "葛\U000e0100"
TSUJI = "辻\U000e0100"
KAMI = "神\ufe00"


def _furigana(text: str, fmt: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "furigana", "--format", fmt],
        input=text.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


# -- variation selectors ---------------------------------------------------------------------


def test_a_variation_selector_never_changes_the_reading() -> None:
    text = f"{KATSU}城市と{KATSU}飾区、{TSUJI}さんの{KAMI}社\n"
    printed = _furigana(text, "text")
    assert printed == (
        f"{KATSU}城市(かつらぎし)と{KATSU}飾区(かつしかく)、{TSUJI}(つじ)さんの{KAMI}社(じんじゃ)\n"
    )


def test_a_selector_stays_in_the_segment_of_the_character_it_follows() -> None:
    text = f"{KATSU}城市\n{TSUJI}\n"
    segments = json.loads(_furigana(text, "json"))
    assert "".join(s for s, _ in segments) == text
    assert [f"{KATSU}城市", "かつらぎし"] in segments
    assert [TSUJI, "つじ"] in segments
    # no segment is a selector alone
    assert not any(s in ("\U000e0100", "\ufe00") for s, _ in segments)


def test_source_ruby_and_glosses_on_a_word_with_a_selector() -> None:
    text = f"{KATSU}西（かさい）の{KATSU}西臨海公園"
    doc = Document(
        title="t",
        blocks=[
            Block("paragraph", text),
            Block("paragraph", f"{KATSU}飾と{KATSU}西", ruby=[Ruby(4, 7, "かさい")]),
        ],
        footnotes=[Footnote("1", f"{KATSU}西のこと。")],
    )
    readings = document_readings(doc)
    got = [(text[r.start : r.end], r.reading, r.source) for r in readings.block(0)]
    assert got[0] == (f"{KATSU}西", "かさい", "gloss")
    second = doc.blocks[1].text
    assert [(second[r.start : r.end], r.reading) for r in readings.block(1)] == [
        (f"{KATSU}飾", "かつしか"),
        (f"{KATSU}西", "かさい"),
    ]
    note = doc.footnotes[0].text
    assert [(note[r.start : r.end], r.reading) for r in readings.footnote("1")] == [
        (f"{KATSU}西", "かさい")
    ]


def test_the_reader_draws_the_reading_over_the_whole_word() -> None:
    text = f"{KATSU}城市へ行く"
    doc = Document(title="t", blocks=[Block("paragraph", text)])
    rows = layout_text(text, 40, readings=document_readings(doc).block(0))
    # as 葛城市 is drawn: one reading over the four characters, the selector in the base row
    assert render_plain(rows, text, 40)[:2] == ["かつらぎし", f"{KATSU}城市へ"]


def test_words_and_search_see_the_word_behind_the_selector() -> None:
    words = [(m.surface, m.dictionary_form, m.reading) for m in tokenize(f"{KATSU}飾区に住む")]
    assert words[0] == (f"{KATSU}飾区", "葛飾区", "かつしかく")

    from store.search.engine import Contexts

    text = f"{KATSU}飾区に住んだ"
    first, found = Contexts(text).words(5, 6)
    assert [(text[first + s : first + e], m.dictionary_form()) for s, e, m in found][:2] == [
        (f"{KATSU}飾区", "葛飾区"),
        ("に", "に"),
    ]


@pytest.mark.parametrize("fmt", ["aozora", "html"])
def test_other_formats_keep_the_selector_inside_the_ruby(fmt: str) -> None:
    printed = _furigana(f"{KATSU}城市", fmt)
    assert (
        f"｜{KATSU}城市《かつらぎし》" in printed
        if fmt == "aozora"
        else f"<ruby>{KATSU}城市<rt>かつらぎし</rt></ruby>" in printed
    )


# -- old character forms ---------------------------------------------------------------------


def test_old_character_forms_are_read_as_their_standard_forms() -> None:
    text = "以來、團扇の往來。此處に居た樣子\n"
    assert _furigana(text, "text") == (
        "以來(いらい)、團扇(うちわ)の往來(おうらい)。此處(ここ)に居(い)た樣子(ようす)\n"
    )


def test_compatibility_ideographs_are_read_as_their_canonical_forms() -> None:
    # 漢 U+FA9A (a compatibility ideograph KANJIDIC does not list) is canonically 漢 U+6F22;
    # Sudachi took it for a symbol: 漢|字 じ. Kept as written.
    assert _furigana("\ufa9a字を見た。\n", "text") == "\ufa9a字(かんじ)を見(み)た。\n"


def test_a_word_the_dictionary_knows_in_old_forms_keeps_its_reading() -> None:
    # 洋燈 is ランプ in the dictionary; 洋灯, its standard spelling, would be ようとう
    assert _furigana("洋燈を點けた\n", "text") == "洋燈(らんぷ)を點(つ)けた\n"
    # but a name in old forms yields to the common word: 眞實 is マミ, 真実 しんじつ
    assert _furigana("眞實に\n", "text") == "眞實(しんじつ)に\n"



def test_a_words_popup_says_what_its_furigana_says_in_old_forms() -> None:
    """``K`` and word motions take their words from ``tokenize``: 團扇 is one word read うちわ
    there too, not 團 だん + 扇 せん, and the text's own characters are kept."""
    words = [(m.surface, m.reading, m.start, m.end) for m in tokenize("團扇と洋燈と葛\U000e0100城市")]
    assert words[0] == ("團扇", "うちわ", 0, 2)
    assert ("洋燈", "らんぷ", 3, 5) in words
    assert words[-1][:2] == ("葛\U000e0100城市", "かつらぎし")

# -- set phrases -----------------------------------------------------------------------------


def test_set_phrases_cut_at_a_particle_are_read_as_phrases() -> None:
    text = "着の身着のまま逃げた。一か八かの賭け。目の当たりにした\n"
    assert _furigana(text, "text") == (
        "着(き)の身(み)着(き)のまま逃(に)げた。一(いち)か八(ばち)かの賭(か)け。"
        "目(ま)の当(あ)たりにした\n"
    )


def test_a_phrase_applies_only_to_its_exact_cut() -> None:
    # the same words with something between them, or only part of the phrase, are left alone
    assert _furigana("一か八つか\n", "text") == "一(いち)か八(やっ)つか\n"
    assert _furigana("着の身で\n", "text") == "着(き)の身(み)で\n"


def test_phrase_table_is_sorted_and_from_jmdict() -> None:
    from store.japanese import phrases

    lines = phrases.TABLE.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    entries = [line for line in lines if not line.startswith("#")]
    assert any("EDRDG" in line and "CC BY-SA 4.0" in line for line in header)
    assert entries == sorted(entries) and len(entries) > 300
    assert "一か八か\tいちかばちか" in entries


# -- words with a numeral inside -------------------------------------------------------------


def test_a_word_with_a_numeral_inside_keeps_its_reading_a_count_does_not() -> None:
    # 双十節 (Taiwan's national day) was read そうじゅっせつ, 十節 taken for a count as in 第十節
    text = "10月の双十節での演説。第十節。三十節。北方四島の返還。三分の一\n"
    assert _furigana(text, "text") == (
        "10月(がつ)の双(そう)十(じゅう)節(せつ)での演説(えんぜつ)。第(だい)十(じゅっ)節(せつ)。"
        "三(さん)十(じゅっ)節(せつ)。北方(ほっぽう)四(よん)島(とう)の返還(へんかん)。"
        "三(さん)分(ぶん)の一(いち)\n"
    )


def test_a_fraction_reads_bun_minutes_stay_minutes() -> None:
    # 3分の1 was read さんぷんのいち (three minutes), 十分の一 じゅっぷん
    text = "3分の1を占める。十分の一税。8分の5。1分の遅れ。5分の休憩\n"
    assert _furigana(text, "text") == (
        "3分(ぶん)の1を占(し)める。十(じゅう)分(ぶん)の一(いち)税(ぜい)。8分(ぶん)の5。"
        "1分(ぷん)の遅(おく)れ。5分(ふん)の休憩(きゅうけい)\n"
    )


def test_numeral_word_table_is_sorted_and_from_jmdict() -> None:
    from store.japanese import numeral_words

    lines = numeral_words.TABLE.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    entries = [line for line in lines if not line.startswith("#")]
    assert any("EDRDG" in line and "CC BY-SA 4.0" in line for line in header)
    assert entries == sorted(entries)
    assert "双十節\tそうじゅうせつ" in entries


def test_one_old_form_costs_its_line_not_a_second_analysis_of_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A novel with one 處 in it was analysed twice whole (the time of the analysis doubled);
    the line holding it is analysed again, and it reads as before."""
    from store.japanese import analyzer
    from store.japanese.tokens import word_tokens

    real = analyzer.tokenizer()
    shown: list[int] = []

    class Counting:
        def tokenize(self, piece: str) -> object:
            shown.append(len(piece))
            return real.tokenize(piece)

    monkeypatch.setattr(analyzer, "tokenizer", lambda: Counting())
    lines = ["山の上に小さな家があった。"] * 400
    lines[200] = "此處に居た。"
    text = "\n".join(lines) + "\n"
    tokens = word_tokens(text)
    assert sum(shown) < len(text) * 1.1
    here = next(t for t in tokens if t.surface == "此處")
    assert (here.reading, text[here.start : here.end]) == ("ここ", "此處")
    assert "".join(t.surface for t in tokens) == text
