"""One definition of kanji and kana, shared by the importer and the analysis."""

from __future__ import annotations

import pytest

from store.importer.pipeline import import_text
from store.japanese.chars import KANJI_RE, is_kanji, to_hiragana

#: U+20B9F 𠮟 (Extension B, the jōyō form of 叱), U+2A6B2 (Extension B), 〇, 々, ヶ, 〆.
KANJI_BEYOND_THE_BMP_AND_MARKS = ["\U00020b9f", "\U0002a6b2", "〇", "々", "ヶ", "〆", "仝"]


@pytest.mark.parametrize("ch", KANJI_BEYOND_THE_BMP_AND_MARKS)
def test_extension_blocks_and_kanji_like_marks_are_kanji(ch: str) -> None:
    assert is_kanji(ch)
    assert KANJI_RE.fullmatch(ch)


@pytest.mark.parametrize("ch", ["あ", "ア", "ー", "・", "a", "1", "。"])
def test_kana_and_the_rest_are_not(ch: str) -> None:
    assert not is_kanji(ch)


def test_aozora_ruby_on_an_extension_b_kanji_or_on_zero_is_read_by_the_importer() -> None:
    """The importer used to know only the BMP blocks: 𠮟《しか》 stayed in the text as is."""
    doc = import_text("先生に\U00020b9f《しか》られた。二〇《にれい》の番号。\n", name="a.txt")
    [block] = doc.blocks
    assert block.text == "先生に\U00020b9fられた。二〇の番号。"
    assert [(r.start, r.end, r.reading) for r in block.ruby] == [(3, 4, "しか"), (8, 10, "にれい")]


def test_katakana_folds_to_hiragana_with_the_iteration_marks() -> None:
    assert to_hiragana("カタカナヽヾヶ漢字ー") == "かたかなゝゞゖ漢字ー"
