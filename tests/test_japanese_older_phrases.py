"""Set words of older prose the count rules or the dictionary's cut misread
(store/japanese/older_phrases.py): each read as the word where what follows shows it, and the
count or grade kept wherever it can be one."""

from __future__ import annotations

import pytest
from test_japanese_rules import pairs


def _of(text: str, word: str, style: str = "literary") -> list[str]:
    return [r for s, r in pairs(text, style) if s == word]


@pytest.mark.parametrize("style", ["literary", "modern"])
@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        # Sudachi cut 一|寸 after の and the counter rule read いっ·すん
        ("河床や河岸の一寸した影響のために流れる。", "一寸", "ちょっと"),
        ("一寸した事で腹を立てた。", "一寸", "ちょっと"),
        ("一寸先も見えなくなった。", "一寸", "いっすん"),  # the dictionary's ちょっと
        ("一寸五分の釘を打った。", "一寸", "いっすん"),
        ("何等かの理由で来なかった。", "等", "ら"),  # 何|等 read なん·とう
        ("何等の関係もない。", "等", "ら"),
        ("数多の人々が集まった。", "数多", "あまた"),  # the dictionary's すうた
        ("家は九分通り出来上がった。", "九分", "くぶ"),  # not nine minutes
        ("そんな事をしては不可ない。", "不可", "いけ"),  # the dictionary's ふか
        ("廊下を走っては不可ません。", "不可", "いけ"),
        ("夏草や兵どもが夢の跡", "兵", "つわもの"),  # へい
    ],
)
def test_older_set_words_are_read_as_the_word(
    text: str, word: str, reading: str, style: str
) -> None:
    assert _of(text, word, style) == [reading]


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("長さ約一寸といえば正確だ。", "寸", "すん"),  # a length stays a length
        ("彼は何等星かと尋ねた。", "等", "とう"),  # a star's magnitude
        ("数多くの人が来た。", "数多", "かずおお"),
        ("九分の遅れで着いた。", "分", "ふん"),  # nine minutes
        ("可もなく不可もなく。", "不可", "ふか"),
        ("兵を挙げた。", "兵", "へい"),
        ("胡兵どもが攻めて来た。", "兵", "へい"),  # the end of 胡兵 こへい
    ],
)
def test_the_count_or_grade_is_kept_where_it_can_be_one(text: str, word: str, reading: str) -> None:
    assert _of(text, word) == [reading]


def test_older_prose_words_a_second_careful_reader_corrected() -> None:
    # 事丈 たけ, 併し乍ら あわし, 余は あまり: each read wrong before
    assert _of("寒かった事丈は記憶して居る。", "丈") == ["だけ"]
    assert _of("着物の丈が短い。", "丈") == ["たけ"]  # a length
    assert _of("着物の丈が短い。\n併し乍ら、世の中はそうしたものだ。", "併") == ["しか"]
    assert _of("知らぬ。\n余は此の一篇を草して世に問う。", "余") == ["よ"]
    assert _of("百円余の金が残った。", "余", "literary") != ["よ"]  # the rest


def test_the_older_spelling_s_volitional_in_the_ha_row() -> None:
    # 吸はう was cut 吸|はう and read きゅう (the prefix): 吸おう, today
    assert _of("一向に吸はうともしなかつた。", "吸") == ["す"]
