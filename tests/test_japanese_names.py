"""Full names from the names table (store/japanese/names.py, JMnedict): read as a careful
reader reads them, their short forms too, and never where the dictionary sees other words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_japanese_given import read_doc

from store.japanese.names import person_name

ROOT = Path(__file__).resolve().parent.parent


def pairs(paragraph: list[tuple]) -> list[tuple[str, str]]:
    return [(s, r) for s, r, _ in paragraph]


def test_a_korean_name_and_its_short_form_after_it() -> None:
    before, first, later = read_doc(
        [
            ("金委員長が視察した。", []),
            ("北朝鮮の金正恩委員長は演説した。", []),
            ("金委員長は核武力の強化を訴え、金与正副部長が談話を出した。", []),
        ]
    )
    assert ("金", "きん") in pairs(before)  # not yet named: the dictionary's reading
    assert ("金", "きむ") in pairs(first) and ("正恩", "じょんうん") in pairs(first)
    assert [r for s, r in pairs(later) if s == "金"] == ["きむ", "きむ"]
    assert ("与正", "よじょん") in pairs(later)
    assert all(src == "dict" for s, _, src in first if s in ("金", "正恩"))


def test_japanese_names_the_dictionary_splits_wrongly() -> None:
    (text,) = read_doc([("岸田文雄総理と川島真教授が、金融政策を論じた。", [])])
    got = pairs(text)
    assert ("文雄", "ふみお") in got and ("真", "しん") in got
    assert ("金融", "きんゆう") in got


def test_a_name_jmnedict_gives_a_vowel_short_keeps_the_dictionary_reading() -> None:
    """JMnedict romanised some names and lost or doubled a vowel (後藤茂之 ごとしげゆき, 後宇多
    ごうだあ); the table leaves them to Sudachi, which has them right."""
    assert person_name("後藤茂之") is None and person_name("後宇多") is None
    (text,) = read_doc([("後宇多天皇の頃、後藤茂之氏の論考。", [])])
    got = pairs(text)
    assert ("後宇多", "ごうだ") in got
    assert ("後藤", "ごとう") in got and ("茂之", "しげゆき") in got


def test_no_name_where_the_dictionary_sees_other_words() -> None:
    assert person_name("上地等") is not None  # a name in the table...
    (text,) = read_doc([("上地等の区域では三界火宅を説いた。", [])])
    got = pairs(text)
    assert ("上地", "うえち") not in got and ("等", "ひとし") not in got  # ...not here
    assert ("三界", "さんがい") in got


def test_a_name_never_ends_inside_another_name() -> None:
    assert person_name("清和源氏") is not None  # 清和源 is in the table...
    (text,) = read_doc([("清和源氏で初の太政大臣。", [])])
    got = pairs(text)
    assert ("源氏", "げんじ") in got  # ...but here the clan 源氏 is read, not 源 + the title 氏
    assert ("源", "みなもと") not in got


def test_shiori_furigana_reads_the_name_whole_text() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tui.cli", "furigana", "--format", "json"],
        input="金正恩総書記と会談した。\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=60,
    ).stdout
    assert ["金", "きむ"] in json.loads(out) and ["正恩", "じょんうん"] in json.loads(out)


def test_every_name_of_the_table_is_found() -> None:
    """The table is looked up by bisection: every line must be where the search looks."""
    from store.japanese.names import TABLE

    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()]
    names = [row for row in rows if row[0] and not row[0].startswith("#")]
    assert len(names) > 10_000
    for name, _family, family_reading, rest in names:
        found = person_name(name)
        assert found is not None and found[0] == name, name
        assert "".join(reading for _, _, reading in found[1]) == family_reading + rest


def test_a_chinese_surname_before_an_office_only_china_has_is_read_on() -> None:
    first, later = read_doc(
        [
            ("台湾の林佳龍外交部長は、米国と会談した。", []),
            ("林外交部長は日本と協議し、頼総統も演説した。", []),
        ]
    )
    assert ("林", "りん") in pairs(first) and ("佳龍", "かりゅう") in pairs(first)
    assert ("林", "りん") in pairs(later) and ("頼", "らい") in pairs(later)
    (japanese,) = read_doc([("林部長は会議で報告した。", [])])  # another document
    assert ("林", "はやし") in pairs(japanese)


def test_a_japanese_surname_in_a_japanese_office_keeps_its_reading() -> None:
    (text,) = read_doc([("林外務大臣と林総務部長が出席した。", [])])
    assert [r for s, r in pairs(text) if s == "林"] == ["はやし", "はやし"]


def test_a_family_name_is_read_as_most_who_bear_it_read_it() -> None:
    # Sudachi read 大谷 おおや and 西沢 にしさわ before a given name or an honorific
    (text,) = read_doc([("大谷翔平選手と西沢さんが萩原朔太郎の詩を読んだ。", [])])
    got = pairs(text)
    assert ("大谷", "おおたに") in got and ("西沢", "にしざわ") in got
    assert ("萩原", "はぎわら") in got


def test_a_family_name_as_a_place_or_a_person_read_otherwise_keeps_its_reading() -> None:
    (text,) = read_doc([("大谷石の塀の前で、高村正彦副総裁と高村光太郎の詩を論じた。", [])])
    got = pairs(text)
    assert ("大谷石", "おおやいし") in got  # a stone, not a person
    # JMnedict's 高村正彦 is こうむら although most 高村 are たかむら: the names table wins
    assert [r for s, r in got if s == "高村"] == ["こうむら", "たかむら"]
