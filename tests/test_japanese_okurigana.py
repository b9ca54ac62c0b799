"""Okurigana splitting: kana written in a word carry no reading; the kanji share the rest."""

from __future__ import annotations

import pytest

from store.japanese.okurigana import split_okurigana


@pytest.mark.parametrize(
    ("surface", "reading", "expected"),
    [
        ("読む", "よむ", (("読", "よ"), ("む", None))),
        ("取り組み", "とりくみ", (("取", "と"), ("り", None), ("組", "く"), ("み", None))),
        ("収斂", "しゅうれん", (("収斂", "しゅうれん"),)),
        ("お茶", "おちゃ", (("お", None), ("茶", "ちゃ"))),
        ("思い出", "おもいで", (("思", "おも"), ("い", None), ("出", "で"))),
        ("聞き入れ", "ききいれ", (("聞", "き"), ("き", None), ("入", "い"), ("れ", None))),
        ("お祖父さん", "おじいさん", (("お", None), ("祖父", "じい"), ("さん", None))),
        ("ヶ月", "かげつ", (("ヶ月", "かげつ"),)),
        # katakana in the word matches the hiragana reading
        ("ソ連", "それん", (("ソ", None), ("連", "れん"))),
        # kana the reading gives as said: the particle は read わ, the older spelling's づ ふ ひ へ
        # ゐ and full-size つ (the word was one segment, its reading over the kana too)
        ("或は", "あるいわ", (("或", "あるい"), ("は", None))),
        ("或いは", "あるいわ", (("或", "ある"), ("いは", None))),
        ("先づ", "まず", (("先", "ま"), ("づ", None))),
        ("考へる", "かんがえる", (("考", "かんが"), ("へる", None))),
        ("思ひ出", "おもいで", (("思", "おも"), ("ひ", None), ("出", "で"))),
        ("用ゐ", "もちい", (("用", "もち"), ("ゐ", None))),
        ("却つて", "かえって", (("却", "かえ"), ("つて", None))),
        ("小ぢんまり", "こじんまり", (("小", "こ"), ("ぢんまり", None))),
        ("棒きれ", "ぼうぎれ", (("棒", "ぼう"), ("きれ", None))),  # voiced in the reading only
        ("流るゝ", "ながるる", (("流", "なが"), ("るゝ", None))),  # ゝ repeats る
        ("可愛さう", "かわいそう", (("可愛", "かわい"), ("さう", None))),  # さう said そう
        ("見やう", "みよう", (("見", "み"), ("やう", None))),
        # the reading does not contain the word's kana: keep it whole rather than guess a cut
        ("見る", "けん", (("見る", "けん"),)),
        ("1日", "ついたち", (("1日", "ついたち"),)),
        # no kanji or no reading: one unread segment
        ("ひらがな", "ひらがな", (("ひらがな", None),)),
        ("漢字", None, (("漢字", None),)),
    ],
)
def test_split(surface: str, reading: str | None, expected: tuple) -> None:
    assert split_okurigana(surface, reading) == expected
    assert "".join(s for s, _ in expected) == surface


def test_a_long_word_whose_kana_recur_in_its_reading_is_cut_in_time() -> None:
    """漢が漢が…漢ぞ over かかか…: every が matches a か as said, and no cut works; each failed cut
    is tried once (it took 45 s at 12 runs, doubling with each, before)."""
    surface = "漢が" * 40 + "漢ぞ"
    assert split_okurigana(surface, "か" * 120) == ((surface, "か" * 120),)
