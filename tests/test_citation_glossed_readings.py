"""``--readings`` (``R`` in the app) over a name the quote glosses itself: the reading once.
It printed ``｜加藤《かとう》｜鮎子《あゆこ》（かとう・あゆこ）``."""

from __future__ import annotations

from store.citation import with_readings


def test_a_name_glossed_in_the_quote_gets_no_second_reading() -> None:
    text = "加藤鮎子（かとう・あゆこ）前担当相は"
    readings = [(0, 2, "かとう"), (2, 4, "あゆこ"), (13, 14, "ぜん"), (14, 16, "たんとう")]
    assert with_readings(text, readings) == "加藤鮎子（かとう・あゆこ）｜前《ぜん》｜担当《たんとう》相は"


def test_a_katakana_gloss_and_a_gloss_of_the_last_word_only() -> None:
    assert with_readings("尹錫悦（ユン・ソンニョル）大統領", [(0, 1, "ゆん"), (1, 3, "そんにょる")]) == (
        "尹錫悦（ユン・ソンニョル）大統領"
    )
    # the gloss reads the last word only: the word before keeps its reading
    assert with_readings("日本銀行（にちぎん）", [(0, 2, "にほん"), (2, 4, "ぎんこう")]) == (
        "｜日本《にほん》｜銀行《ぎんこう》（にちぎん）"
    )
    assert with_readings("新潟県（にいがたけん）", [(0, 2, "にいがた"), (2, 3, "けん")]) == "新潟県（にいがたけん）"


def test_a_bracket_that_is_not_the_reading_keeps_them() -> None:
    text = "日米同盟（どうめい）"  # glosses 同盟 only
    readings = [(0, 1, "にち"), (1, 2, "べい"), (2, 4, "どうめい")]
    assert with_readings(text, readings) == "｜日《にち》｜米《べい》同盟（どうめい）"
