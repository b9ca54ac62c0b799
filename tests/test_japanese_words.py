"""Nouns from the JMdict table (store/japanese/words.py): words Sudachi cuts and misreads are
read whole, as a reader reads them, and only where the text's words are exactly the cut."""

from __future__ import annotations

from test_japanese_rules import pairs

from store.japanese.words import TABLE, word_reading


def test_a_noun_sudachi_cuts_is_read_whole() -> None:
    got = pairs("北朝鮮籍船舶との「瀬取り」を監視し、瀬取り対策を強化した。")
    assert got.count(("瀬取", "せど")) == 2  # not 瀬 せ + 取 と
    got = pairs("教員が控所へ揃う。大きい法螺貝を見つけた。")
    assert ("控所", "ひかえじょ") in got and ("法螺貝", "ほらがい") in got


def test_no_join_after_a_number_or_where_sudachi_reads_the_pieces_so() -> None:
    got = pairs("椅子が二十脚ばかり並ぶ。日本企業の国境地帯")
    assert ("脚", "きゃく") in got  # twenty chairs, not the table's 二十脚 にじゅうあし
    assert ("日本", "にほん") in got and ("国境", "こっきょう") in got  # left to the rules
    assert word_reading("日本企業") is None and word_reading("国境地帯") is None
    got = pairs("米国内法の制約")  # 米国 + 内 (a suffix) + 法: not the table's 内法 うちのり
    assert ("内", "ない") in got and ("法", "ほう") in got


def test_an_idiom_of_two_numbers_is_a_saying_not_two_counts() -> None:
    # the number rules read each half as a count: 一石 いっこく (rice), 三文 さんぶん, 一期 いっき
    got = pairs(
        "一石二鳥だ。三寒四温の候。一期一会の縁。二束三文で売った。七転八倒の苦しみ。一日千秋の思い。"
    )
    for word, reading in [
        ("一石二鳥", "いっせきにちょう"),
        ("一期一会", "いちごいちえ"),
        ("二束三文", "にそくさんもん"),
        ("七転八倒", "しちてんばっとう"),
        ("一日千秋", "いちじつせんしゅう"),
    ]:
        assert (word, reading) in got
    got = pairs("十月十日は体育の日だ。")  # a date, not JMdict's とつきとおか
    assert ("十月十日", "とつきとおか") not in got and ("十日", "とおか") in got
    got = pairs("椅子が二十脚、酒が三十石。")  # a count stays a count
    assert ("脚", "きゃく") in got and ("十石", "じっこく") in got


def test_a_one_kanji_piece_the_cut_misreads_is_read_as_the_whole() -> None:
    got = pairs("大きな仏様が３体ある。四聖諦とは何か。")
    assert ("仏様", "ほとけさま") in got  # not 仏 ふつ (France) + 様
    assert ("四聖諦", "ししょうたい") in got


def test_every_word_of_the_table_is_found() -> None:
    """The table is looked up by bisection: every line must be where the search looks."""
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()]
    words = [row for row in rows if row[0] and not row[0].startswith("#")]
    assert len(words) > 5_000
    for word, reading, *_spelling in words:
        assert word_reading(word) == reading, word


def test_a_loanword_spelled_in_kanji_reads_as_the_loanword() -> None:
    # JMdict's ateji of foreign names, which older prose uses (欧羅巴 was おう·ら·どもえ)
    from store.japanese.readings import furigana_segments

    got = [s for s in furigana_segments("中世紀的な欧羅巴の隅々から、波蘭の工芸品") if s[1]]
    assert ("欧羅巴", "よーろっぱ") in got
    assert ("波蘭", "ぽーらんど") in got


def test_a_noun_written_without_its_okurigana_is_read_whole() -> None:
    # older and official prose drops okurigana: 寝冷(え), 黒焦(げ), 猫撫(で)声, 襖越(し)
    got = pairs("寝冷をして風邪を引く。焼餅の黒焦のようだ。猫撫声よりはましだ。襖越に話す。")
    assert ("寝冷", "ねびえ") in got and ("黒焦", "くろこげ") in got  # not ね·れい, くろ·しょう
    assert ("猫撫声", "ねこなでごえ") in got and ("襖越", "ふすまごし") in got
    got = pairs("いかに物好な殿にせよ。舌打しながら。死後の片付方も頼みたい。")
    assert ("物好", "ものずき") in got and ("舌打", "したうち") in got
    assert ("片付", "かたづけ") in got and ("方", "かた") in got  # the way of it, not がた


def test_kana_that_go_on_the_kanji_keep_them_a_verb() -> None:
    # the table's 見送(り), 目立(て), 咳払(い) must not take a verb or okurigana written out
    got = pairs("舟を見送つて、目立ぬやうに、咳払ひを一つ。参加を見送\n\nり、翌日")
    assert ("見送", "みおくり") not in got and ("目立", "めたて") not in got
    assert ("咳払", "せきばらい") not in got
    got = pairs("夜の空気を胸一杯吸った。")  # 胸一(つ) is not a word here: 胸 + 一杯
    assert ("一杯", "いっぱい") in got or ("杯", "ぱい") in got


def test_a_temple_is_read_by_its_name_not_by_its_parts() -> None:
    # the cut read 浅草|寺 あさくさ·でら and 金剛|峯|寺 こんごう·ぽう·じ
    got = pairs("浅草寺に参り、金剛峯寺と三千院を訪ねた。")
    assert ("浅草寺", "せんそうじ") in got and ("金剛峯寺", "こんごうぶじ") in got
    assert ("三千院", "さんぜんいん") in got
    # JMnedict reads 清水寺 two ways (the Kyoto temple, and せいすいじ): not in the table
    assert word_reading("清水寺") is None


def test_a_natural_place_is_read_by_its_name_not_by_its_parts() -> None:
    # the cut read 白川|郷 しらかわ·きょう and 二荒|山 (a place's name JMnedict reads so)
    got = pairs("白川郷を訪ね、千曲川の流れに沿って歩き、四万十川で泳いだ。")
    assert ("白川郷", "しらかわごう") in got
    # a name read as the dictionary reads it, and 川 after it, are the rules' (below)
    assert ("千曲", "ちくま") in got and ("四万十", "しまんと") in got
    assert word_reading("千曲川") is None and word_reading("多良間島") is None
    # a mountain the dictionary knows only as a family name, where nobody is named
    assert ("阿蘇山", "あそさん") in pairs("阿蘇山が噴火した。")
    # not a name a person bears (加藤川 is a family name in JMnedict), nor a number or a
    # common word before the ending (三角|島 is a delta, 十六|島 sixteen islands)
    for word in ("三角島", "十六島", "加藤川"):
        assert word_reading(word) is None


def test_a_number_named_as_a_place_keeps_its_name_before_a_river() -> None:
    # 千曲 and 四万十 (proper nouns the number rule read as counts: せんきょく, よんまんじゅう)
    # before 川; 三代目 is still a count
    assert ("千曲", "ちくま") in pairs("千曲川の流れ")
    assert ("千曲", "ちくま") in pairs("千曲川沿いの道の駅")  # a word that starts with 川 too
    assert ("四万十", "しまんと") in pairs("四万十川で泳ぐ")
    assert ("三代", "さんだい") in pairs("皇孫三代目が臣籍に降りた。")
