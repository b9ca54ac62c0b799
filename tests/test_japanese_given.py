"""Readings the document gives itself (store/japanese/given.py), reused where a reader would."""

from __future__ import annotations

from store.japanese import Annotator
from store.japanese.levels import filter_readings


def read_doc(paragraphs: list[tuple[str, list[tuple[int, int, str]]]]) -> list[list[tuple]]:
    """(surface, reading, source) per paragraph, one Annotator for the whole document."""
    annotator = Annotator("modern")
    out = []
    for text, ruby in paragraphs:
        out.append(
            [(text[r.start : r.end], r.reading, r.source) for r in annotator.readings(text, ruby)]
        )
    return out


def test_a_name_glossed_in_katakana_gives_each_part_and_its_short_form() -> None:
    first, later = read_doc(
        [
            ("石破総理は尹錫悦（ユン・ソンニョル）大統領と会談した。", []),
            ("ところが、尹大統領は弾劾訴追され、尹政権下で混乱が続いた。日韓首脳会談。", []),
        ]
    )
    assert ("尹", "ゆん", "gloss") in first and ("錫悦", "そんにょる", "gloss") in first
    assert [r for s, r, _ in later if s == "尹"] == ["ゆん", "ゆん"]
    assert ("韓", "はん", "gloss") not in later  # 日韓 is not a short form of anything


def test_a_family_name_reads_from_the_gloss_only_before_an_office() -> None:
    (_, later) = read_doc(
        [
            ("韓悳洙（ハン・ドクス）大統領権限代行と電話会談を行った。", []),
            ("27日に韓総理は国会で弾劾訴追された。韓国の韓流。", []),
        ]
    )
    assert ("韓", "はん", "gloss") in later
    assert [s for s, r, _ in later if r == "はん"] == ["韓"]  # 韓国, 韓流 keep their reading


def test_a_family_name_read_with_its_person_keeps_that_reading_standing_alone() -> None:
    # 大谷 is おおや to the dictionary; before 翔平 the surnames table reads おおたに, and so
    # the rest of the document (a careful reader's pass: 大谷は read おおや a line later)
    first, later = read_doc(
        [
            ("大谷翔平選手が本塁打を放った。", []),
            ("大谷は試合後、笑顔を見せた。監督は大谷について語った。大谷石の塀。", []),
        ]
    )
    assert ("大谷", "おおたに", "dict") in first
    assert [r for s, r, _ in later if s == "大谷"] == ["おおたに", "おおたに"]  # not 大谷石
    # and a family name the names table reads with its person (高村正彦 こうむら)
    _, later = read_doc([("高村正彦氏が述べた。", []), ("高村は続けた。", [])])
    assert ("高村", "こうむら", "dict") in later
    # nothing learned, nothing recalled: 大谷 alone is the dictionary's
    (alone,) = read_doc([("大谷は試合後、笑顔を見せた。", [])])
    assert ("大谷", "おおや", "dict") in alone


def test_a_family_name_taught_by_one_person_is_not_anothers() -> None:
    # 菅義偉 (すが, from the names table) teaches 菅 before an office; 菅直人 is another person
    (first, later) = read_doc(
        [("菅義偉首相が会見した。", []), ("菅直人元首相が講演した。その後、菅首相は述べた。", [])]
    )
    assert ("菅", "すが", "dict") in first
    assert [r for s, r, _ in later if s == "菅"] == ["かん", "すが"]


def test_a_translation_in_katakana_is_not_a_reading() -> None:
    (para,) = read_doc([("仏領コンゴー国では蟹（ンカラ）を食べる。", [])])
    assert ("蟹", "かに", "dict") in para


def test_source_ruby_is_reused_for_later_occurrences_of_the_word() -> None:
    first, later = read_doc(
        [
            ("池に蓮が咲く。", [(2, 3, "はす")]),
            ("蓮の花と蓮華。伊藤和貴市長。", []),
        ]
    )
    assert ("蓮", "はす", "source") in first
    assert later[0] == ("蓮", "はす", "gloss")
    assert ("蓮華", "れんげ", "dict") in later  # a one-kanji reading stays with the word alone


def test_a_one_kanji_reading_is_not_reused_inside_a_verb() -> None:
    """想《おもひ》 (the noun, 想を凝らす) is not 想 in 想はれて or 想つて, verbs whose reading of
    想 ends where their okurigana starts: the word there is another one."""
    text = "一所懸命に想を凝らして居りました"
    at = text.index("想")
    first, verb, again = read_doc(
        [
            (text, [(at, at + 1, "おもひ")]),
            ("神秘なお伽噺などが想はれて、冬の夜を想つてゐた。", []),
            ("その想を練る。", []),
        ]
    )
    assert ("想", "おもひ", "source") in first
    assert [(s, r) for s, r, _ in verb if s == "想"] == [("想", "おも"), ("想", "おも")]
    assert ("想", "おもひ", "gloss") in again  # the noun again: the document's reading


def test_ruby_over_a_name_in_parts_is_the_names_reading_later() -> None:
    _, later = read_doc(
        [
            ("伊藤和貴山口市長", [(2, 3, "かず"), (3, 4, "き")]),
            ("伊藤和貴市長が参加した。", []),
        ]
    )
    assert ("和", "かず", "gloss") in later and ("貴", "き", "gloss") in later


def test_ruby_on_part_of_a_word_leaves_the_rest_of_the_words_reading() -> None:
    (para,) = read_doc(
        [("新年の喧騒と収斂と牽引。", [(3, 4, "けん"), (7, 8, "れん"), (9, 10, "けん")])]
    )
    assert ("騒", "そう", "dict") in para  # not さわぎ
    assert ("収", "しゅう", "dict") in para  # not おさむ
    assert ("引", "いん", "dict") in para  # not ひき


def test_readings_the_document_gives_show_at_every_level_but_off() -> None:
    # 今日 is elementary-school kanji: above-grade hides its dictionary reading, but the
    # reading the document gave it (こんにち) is the author's and shows at every level
    annotator = Annotator("modern")
    annotator.readings("今日の世界", [(0, 2, "こんにち")])
    text = "今日では"
    readings = annotator.readings(text, [])
    for level in ("above-grade", "first", "all"):
        shown = filter_readings(readings, text, level, seen=set())
        assert [(text[r.start : r.end], r.reading) for r in shown] == [("今日", "こんにち")]
    assert filter_readings(readings, text, "off") == []
    plain = Annotator("modern").readings(text, [])
    assert filter_readings(plain, text, "above-grade") == []


def test_a_reading_the_text_gives_right_after_its_word_is_not_drawn_over_it_too() -> None:
    """栞（しおり）: the gloss is there to read; drawn above 栞 as well it was said twice. The
    later 栞 and a short form of a glossed name get the reading (at every level but off), and
    `all` still draws every reading."""
    annotator = Annotator("modern")
    texts = [
        "栞（しおり）は読みかけの本に挟む。尹錫悦（ユン・ソンニョル）大統領が来日した。",
        "栞を使う。尹大統領は演説した。",
    ]
    shown = []
    for text in texts:
        readings = annotator.readings(text, [])
        shown.append(
            [
                (text[r.start : r.end], r.reading)
                for r in filter_readings(readings, text, "above-grade")
                if text[r.start : r.end] in ("栞", "尹", "錫悦", "尹錫悦")
            ]
        )
        every = filter_readings(readings, text, "all")
        assert {r.reading for r in readings if r.source == "gloss"} <= {r.reading for r in every}
    assert shown == [[], [("栞", "しおり"), ("尹", "ゆん")]]


def _ruby_on(text: str, base: str, reading: str) -> tuple[str, list[tuple[int, int, str]]]:
    at = text.index(base)
    return text, [(at, at + len(base), reading)]


def test_ruby_on_a_numeral_stays_with_its_counter_and_its_number() -> None:
    """三《み》たび is not the 三 of 三疋 or 四三二頁, 一九《いっく》 (the author) not the 一九 of
    一一九頁 or 一九〇七年: a numeral reads as its counter and number make it."""
    *_, later = read_doc(
        [
            _ruby_on("物を搏つや三たび躍った。", "三", "み"),
            _ruby_on("想うに一九などの小説にある。", "一九", "いっく"),
            ("（三）虎と人。三疋の虎が四三二頁に出る。一一九頁と一九〇七年版。", []),
        ]
    )
    assert [r for s, r, _ in later if s == "三"].count("み") == 0
    assert not [x for x in later if x[1] in ("み", "いっく")]


def test_a_word_with_a_numeral_is_not_reused_inside_a_longer_number() -> None:
    _, later = read_doc(
        [
            _ruby_on("わずか一年で去った。", "一年", "ひととせ"),
            ("一八八一年サイゴンで、また一年が過ぎた。", []),
        ]
    )
    assert [(s, r) for s, r, _ in later if r == "ひととせ"] == [("一年", "ひととせ")]


def test_a_numeral_name_is_reused_where_it_stands_alone() -> None:
    _, later = read_doc(
        [_ruby_on("想うに一九などの小説にある。", "一九", "いっく"), ("一九の『安本丹』。", [])]
    )
    assert ("一九", "いっく", "gloss") in later


def test_a_one_kanji_reading_is_not_reused_inside_a_compound_or_before_other_okurigana() -> None:
    """間《ひま》に乗じ is not その間母虎; 目《なづ》けて not 二年目; 事《つか》え not 教えた事;
    経《へ》 not 因縁経."""
    doc = read_doc(
        [
            _ruby_on("猟夫間に乗じその子供を取る。", "間", "ひま"),
            _ruby_on("遂に婚姻を為し目けて虎媒といった。", "目", "なづ"),
            _ruby_on("今蘭人に事え居る僕一人。", "事", "つか"),
            _ruby_on("虎四郡を経すべて千二百人を食う。", "経", "へ"),
            ("その間母虎は二年目に教えた事を因縁経に記す。", []),
        ]
    )
    first, later = doc[0], doc[4]
    assert ("間", "ひま", "source") in first
    assert not [x for x in later if x[2] == "gloss"], later


def test_a_stem_reading_is_reused_before_the_same_okurigana() -> None:
    _, later = read_doc(
        [_ruby_on("遂に婚姻を為し目けて虎媒といった。", "目", "なづ"), ("これを虎媒と目けた。", [])]
    )
    assert ("目", "なづ", "gloss") in later
