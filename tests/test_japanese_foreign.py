"""Kanji words the dictionary reads in Korean or Chinese sounds (store/japanese/foreign.py)."""

from __future__ import annotations

import pytest

from store.japanese import Annotator
from store.japanese.foreign import foreign_sounding, japanese_reading


def pairs(text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.reading) for r in Annotator("modern").readings(text)]


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        # Botchan's temple; the dictionary's Korean place name ヤンウォン was read (養源|寺
        # before the temples joined the words table: read whole now, as JMnedict has it)
        ("清の墓は小日向の養源寺にある。", "養源寺", "ようげんじ"),
        # a hammer's sound (うちうとぅ before)
        ("ハンマーによる打音で緩みを発見した場合には", "打音", "だおん"),
        # brothers, in a classical quotation (こんじぇ before)
        ("古の時、神荼欝塁昆弟二人あり、性能く鬼を執う", "昆弟", "こんてい"),
        # a pavilion, a shop's name (てぃん before)
        ("廬山の下に一つの亭がある。", "亭", "てい"),
        ("「田むら銀かつ亭」のドーナツ", "亭", "てい"),
    ],
)
def test_foreign_dictionary_readings_become_japanese(text: str, word: str, reading: str) -> None:
    assert (word, reading) in pairs(text)


def test_a_place_in_a_paragraph_about_korea_keeps_its_korean_reading() -> None:
    assert ("養源", "やんうぉん") in pairs("ソウルの養源にある。")
    # the setting is the paragraph's, not the document's
    assert ("養源", "ようげん") in pairs("韓国の話だ。\n小日向の養源にある。")


def test_people_keep_their_own_readings() -> None:
    assert ("在訓", "じぇふん") in pairs("金在訓さんが来た。")


def test_foreign_sounds_are_told_from_japanese_ones() -> None:
    assert foreign_sounding("やんうぉん") and foreign_sounding("ちぇじゅ")
    assert not foreign_sounding("きょう") and not foreign_sounding("がっこう")


def test_the_japanese_reading_prefers_the_dictionarys_own_entry() -> None:
    assert japanese_reading("搾菜") == "ざーさい"  # not ツァーツァイ, not さくさい
    assert japanese_reading("養源") == "ようげん"  # no other entry: the characters' on-readings


def test_a_loanword_reading_from_jmdict_is_not_taken_for_a_foreign_one() -> None:
    # JMdict spells フィンランド 芬蘭 and ウィーン 維納: the small vowels are the loanword's own
    assert ("芬蘭", "ふぃんらんど") in pairs("芬蘭と維納を旅した")
    assert ("維納", "うぃーん") in pairs("芬蘭と維納を旅した")
