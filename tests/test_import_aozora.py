"""Aozora Bunko notation as the archive writes it: header, legend, gaiji, ruby, notes, colophon.

Every snippet here is written for the test (the notation follows the archive's manual).
"""

from __future__ import annotations

from pathlib import Path

from store.importer import import_file, import_text
from store.importer.aozora_notation import parse
from store.importer.gaiji import accents, jis_x0213, kunoji, resolve
from store.model import Document

LEGEND = """\
-------------------------------------------------------
【テキスト中に現れる記号について】

《》：ルビ
（例）雨《あめ》

［＃］：入力者注　主に外字の説明や、傍点の位置の指定
　　　（数字は、JIS X 0213の面区点番号またはUnicode、底本のページと行数）
（例）※［＃「てへん＋劣」、第3水準1-84-77］
-------------------------------------------------------
"""

COLOPHON = """\


底本：「架空作品集」架空書房
　　　1950（昭和25）年1月1日発行
入力：試験入力者
校正：試験校正者
青空文庫作成ファイル：
このファイルは、インターネットの図書館、青空文庫で作られました。
"""


def work(body: str, header: str = "試しの作品\n試し作者\n", legend: str = LEGEND) -> Document:
    return import_text(header + "\n" + legend + "\n" + body + COLOPHON)


def ruby_of(block) -> list[tuple[str, str]]:
    return [(block.text[r.start : r.end], r.reading) for r in block.ruby]


def no_notation(doc: Document) -> None:
    texts = [doc.title] + [b.text for b in doc.blocks] + [f.text for f in doc.footnotes]
    for mark in ("［＃", "《", "》", "｜", "／＼", "／″＼", "※［"):
        assert not any(mark in t for t in texts), mark


# -- the parts of a file ---------------------------------------------------------------------------


def test_header_legend_and_colophon_become_title_metadata_and_one_meta_block() -> None:
    doc = work("　本文の一行目である。\n")
    assert doc.title == "試しの作品"
    assert doc.metadata == {
        "title": "試しの作品",
        "author": "試し作者",
        "source": "「架空作品集」架空書房",
    }
    assert [(b.kind, b.text) for b in doc.blocks[:3]] == [
        ("heading", "試しの作品"),
        ("meta", "試し作者"),
        ("paragraph", "本文の一行目である。"),
    ]
    colophon = doc.blocks[-1]
    assert colophon.kind == "meta" and colophon.text.startswith("底本：「架空作品集」")
    assert "入力：試験入力者" in colophon.text and len(doc.blocks) == 4
    assert "記号について" not in doc.base_text


def test_a_work_without_a_legend_is_still_aozora() -> None:
    doc = work("　雨《あめ》が降る。\n", legend="")
    assert doc.title == "試しの作品"
    assert ruby_of(doc.blocks[2]) == [("雨", "あめ")]
    assert doc.blocks[-1].kind == "meta" and doc.blocks[-1].text.startswith("底本")


def test_a_legend_between_short_rules_or_without_rules_is_cut() -> None:
    short = "-----\n【テキスト中に現れる記号について】\n\n《》：ルビ\n（例）雨《あめ》\n-----\n"
    bare = "【テキスト中に現れる記号について】\n\n《》：ルビ\n（例）雨《あめ》\n"
    for legend in (short, bare):
        doc = work("　雨《あめ》が降る。\n", legend=legend)
        assert [b.text for b in doc.blocks[:3]] == ["試しの作品", "試し作者", "雨が降る。"]


def test_title_subtitle_author_and_translator_go_to_metadata() -> None:
    doc = work("　本文。\n", header="長い物語\n第一部　はじまり\nある作者\n別の人訳\n")
    assert doc.metadata["title"] == "長い物語"
    assert doc.metadata["subtitle"] == "第一部　はじまり"
    assert doc.metadata["author"] == "ある作者"
    assert doc.metadata["translator"] == "別の人訳"


def test_an_author_set_apart_by_blank_lines_is_the_author() -> None:
    text = "題名\n\n書いた人\n\n　本文の一行目である。\n" + COLOPHON
    doc = import_text(text)
    assert doc.metadata["author"] == "書いた人"
    assert [b.kind for b in doc.blocks[:3]] == ["heading", "meta", "paragraph"]


def test_a_colophon_after_the_body_end_note_or_without_teihon_is_meta() -> None:
    text = "題名\n作者\n\n　本文である。\n［＃本文終わり］\nThis is a translation.\n翻訳：誰か\n青空文庫収録ファイル：\n"
    doc = import_text(text)
    assert doc.blocks[-1].kind == "meta" and doc.blocks[-1].text.startswith("This is")
    old = "題名\n作者\n\n　雨《あめ》の日。\n　風《かぜ》の日。\n　雪《ゆき》の日。\n\n入力者注\n・底本は架空書房刊。\nテキスト入力者：誰か\n"
    doc = import_text(old)
    assert doc.blocks[-1].kind == "meta" and doc.blocks[-1].text.startswith("入力者注")
    assert [b.kind for b in doc.blocks[2:5]] == ["paragraph"] * 3


# -- gaiji, くの字点, accents ---------------------------------------------------------------------


def test_gaiji_codes_resolve_through_the_jis_x0213_codec() -> None:
    assert jis_x0213(1, 87, 25) == "濹"
    assert jis_x0213(2, 1, 7) == "丮"  # plane 2: the SS3 byte before the row and cell
    assert resolve("「てへん＋劣」、第3水準1-84-77") == "挘"
    assert resolve("「土＋竒」、第4水準2-1-7") == "丮"
    assert resolve("「口＋卓」、U+5545、123-4") == "啅"
    assert resolve("感嘆符疑問符、1-8-78") == "⁉"
    assert resolve("「さんずい＋因」、424-3") is None  # only the 底本's page and line
    assert resolve("「口＋２」、12-3") is None  # digits in the description never count


def test_title_with_a_gaiji_note_is_resolved() -> None:
    doc = work("　本文。\n", header="※［＃「さんずい＋墨」、第3水準1-87-25］東綺譚\n永井荷風\n")
    assert doc.title == "濹東綺譚" and doc.metadata["title"] == "濹東綺譚"
    assert doc.blocks[0].text == "濹東綺譚"


def test_a_gaiji_without_a_code_is_a_geta_mark_with_a_note() -> None:
    doc = work("　涙に※［＃「口＋金」、12-3］ぶ。\n")
    para = doc.blocks[2]
    assert para.text == "涙に〓ぶ。"
    assert [(r.offset, r.footnote_id) for r in para.refs] == [(3, "外字1")]
    assert doc.footnote("外字1") is not None and "口＋金" in doc.footnote("外字1").text
    no_notation(doc)


def test_ruby_on_a_gaiji_and_after_a_gaiji_note() -> None:
    doc = work("　籠の雄※［＃「奚＋隹」、第3水準1-93-66］《おんどり》が鳴く。\n")
    para = doc.blocks[2]
    assert para.text == "籠の雄雞が鳴く。"
    assert ruby_of(para) == [("雄雞", "おんどり")]


def test_kunoji_ten_becomes_the_vertical_repeat_marks() -> None:
    assert kunoji("いよ／＼") == "いよ〳〵"
    assert kunoji("それ／″＼") == "それ〴〵"
    assert kunoji("いよ／\\") == "いよ〳〵"  # ＼ as Shift_JIS-2004 decodes it
    doc = work("　度々《たび／＼》来て、ぶら／＼歩く。\n")
    para = doc.blocks[2]
    assert para.text == "度々来て、ぶら〳〵歩く。"
    # in a reading, set horizontally over its word, the mark is written out
    assert ruby_of(para) == [("度々", "たびたび")]


def test_a_reading_ending_in_a_kunoji_ten_repeats_what_comes_before_it() -> None:
    doc = work("　赫々《くわく／＼》と炎ゆる、様々《さま／″＼》な人。\n")
    assert ruby_of(doc.blocks[2]) == [("赫々", "くわくくわく"), ("様々", "さまざま")]


def test_accent_decomposition_becomes_accented_letters() -> None:
    assert accents("〔Ame'rique〕") == "Amérique"
    assert accents("〔garc,on, Mu:ller, l'homme, qu'il〕") == "garçon, Müller, l'homme, qu'il"
    assert accents("〔日本〕と〔Paris〕") == "〔日本〕と〔Paris〕"  # nothing to compose: kept


# -- ruby ----------------------------------------------------------------------------------------


def test_ruby_base_is_the_run_of_one_kind_before_the_reading() -> None:
    p = parse("その王《キング》とbully《いじめっ子》、ひらがな《平仮名》にカタカナ《片仮名》")
    assert [(p.text[r.start : r.end], r.reading) for r in p.ruby] == [
        ("王", "キング"),
        ("bully", "いじめっ子"),
        ("ひらがな", "平仮名"),
        ("カタカナ", "片仮名"),
    ]


def test_consecutive_ruby_bases_do_not_swallow_each_other() -> None:
    p = parse("さぬつ鳥《どり》雉子《きぎす》とよめり")
    assert [(p.text[r.start : r.end], r.reading) for r in p.ruby] == [
        ("鳥", "どり"),
        ("雉子", "きぎす"),
    ]


def test_a_long_bar_base_holding_notes_keeps_its_ruby_and_no_bar() -> None:
    base = "俗話小説の移化と伝播についての長い長い長い長い長い長い書名である"
    p = parse(f"『｜{base}［＃「書名」に傍点］《テールス》』")
    assert p.text == f"『{base}』"
    assert [(p.text[r.start : r.end], r.reading) for r in p.ruby] == [(base, "テールス")]
    assert len(base) > 30


def test_a_stray_bar_is_dropped_and_a_reading_with_nothing_before_it_is_kept_as_text() -> None:
    assert parse("｜ここには読みがない").text == "ここには読みがない"
    assert parse("《書名》を読む").text == "《書名》を読む"


def test_ruby_given_by_a_note() -> None:
    p = parse(
        "聖霊［＃「聖霊」に「みたま」のルビ］と［＃注記付き］神［＃「かみ」の注記付き終わり］"
    )
    assert p.text == "聖霊と神"
    assert [(p.text[r.start : r.end], r.reading) for r in p.ruby] == [
        ("聖霊", "みたま"),
        ("神", "かみ"),
    ]


# -- notes ---------------------------------------------------------------------------------------


def test_emphasis_notes_of_every_form() -> None:
    p = parse(
        "これは大事［＃「大事」に傍点］で、［＃太字］太い［＃太字終わり］、斜め［＃「斜め」は斜体］"
    )
    spans = [(p.text[e.start : e.end], e.kind) for e in p.emphasis]
    assert p.text == "これは大事で、太い、斜め"
    assert spans == [("大事", "bold"), ("太い", "bold"), ("斜め", "italic")]
    p = parse("赤い※［＃「虫＋罔」、第3水準1-91-55］［＃「赤い※」に白ゴマ傍点］")
    assert [(p.text[e.start : e.end], e.kind) for e in p.emphasis] == [("赤い" + p.text[2], "bold")]


def test_kaeriten_and_kunten_okurigana() -> None:
    p = parse("學［＃（ビテ）］而時習［＃レ］之［＃（ヲ）］")
    assert p.text == "學ビテ而時習㆑之ヲ"
    assert parse("不［＃二］敢言［＃一］").text == "不㆓敢言㆒"


def test_other_notes_leave_nothing_behind() -> None:
    p = parse(
        "１０［＃「１０」は縦中横］時［＃「時」はママ］、須弥山［＃底本「須禰山」を訂正］［＃割り注］小さく［＃割り注終わり］"
    )
    assert p.text == "１０時、須弥山（小さく）"


# -- headings and regions --------------------------------------------------------------------------


def headings(doc: Document) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]


def test_headings_in_every_form_at_levels_by_size() -> None:
    body = (
        "［＃５字下げ］第一章［＃「第一章」は大見出し］\n"
        "［＃３字下げ］［＃中見出し］春［＃中見出し終わり］\n"
        "　本文。\n"
        "［＃ここから中見出し］\n夏の\n終わり\n［＃ここで中見出し終わり］\n"
        "［＃窓小見出し］雨［＃窓小見出し終わり］　雨が降った。\n"
        "秋［＃「秋」は同行中見出し］　秋が来た。\n"
        "｜四《よ》の巻［＃「四の巻」は大見出し］\n"
    )
    doc = work(body)
    assert headings(doc) == [
        (1, "試しの作品"),
        (2, "第一章"),
        (3, "春"),
        (3, "夏の\u3000終わり"),
        (4, "雨"),
        (3, "秋"),
        (2, "四の巻"),
    ]
    texts = [b.text for b in doc.blocks]
    assert "雨が降った。" in texts and "秋が来た。" in texts
    four = next(b for b in doc.blocks if b.text == "四の巻")
    assert ruby_of(four) == [("四", "よ")]
    no_notation(doc)


def test_a_work_with_only_middle_headings_puts_them_right_under_the_title() -> None:
    doc = work(
        "［＃中見出し］一［＃中見出し終わり］\n　本文。\n［＃中見出し］二［＃中見出し終わり］\n"
    )
    assert headings(doc) == [(1, "試しの作品"), (2, "一"), (2, "二")]


def test_indented_regions_are_quotes_and_footed_short_lines_meta() -> None:
    body = (
        "　手紙にはこうあった。\n"
        "［＃ここから２字下げ］\n"
        "拝啓、お元気ですか。\n"
        "［＃ここから４字下げ］\n"
        "敬具\n"
        "［＃ここで字下げ終わり］\n"
        "　それきりだった。\n"
        "［＃地付き］（大正十年一月）\n"
        "［＃改ページ］\n"
    )
    doc = work(body)
    kinds = [(b.kind, b.text) for b in doc.blocks[2:-1]]
    assert kinds == [
        ("paragraph", "手紙にはこうあった。"),
        ("quote", "拝啓、お元気ですか。"),
        ("quote", "敬具"),
        ("paragraph", "それきりだった。"),
        ("meta", "（大正十年一月）"),
    ]


def test_indents_record_the_first_line_and_the_wrapped_lines() -> None:
    """A hanging indent (巴里祭's dialogue: 改行天付き, 折り返して２字下げ) and every other
    first/wrapped pair are kept on the blocks, in characters, for the reader to set."""
    body = (
        "［＃ここから改行天付き、折り返して２字下げ］\n"
        "――六月三十日より前に巴里を去るのも阿呆。」\n"
        "［＃ここで字下げ終わり］\n"
        "［＃ここから３字下げ、折り返して４字下げ］\n"
        "一、一つ目の条。\n"
        "［＃ここで字下げ終わり］\n"
        "［＃２字下げ］一行だけ下げた段落。\n"
        "　地の文。\n"
    )
    doc = work(body)
    got = [(b.kind, b.indent, b.hanging, b.text) for b in doc.blocks[2:-1]]
    assert got == [
        ("paragraph", 0, 2, "――六月三十日より前に巴里を去るのも阿呆。」"),
        ("quote", 3, 4, "一、一つ目の条。"),
        ("paragraph", 2, 2, "一行だけ下げた段落。"),
        ("paragraph", 0, 0, "地の文。"),
    ]
    assert doc.blocks[2].to_json()["indent"] == [0, 2]
    assert "indent" not in doc.blocks[5].to_json()


def test_a_figure_with_a_caption_becomes_its_caption() -> None:
    doc = work(
        "　本文。\n［＃「古い橋」のキャプション付きの図（fig1.png、横100×縦80）入る］\n［＃挿絵（fig2.png）入る］\n"
    )
    assert [(b.kind, b.text) for b in doc.blocks[2:-1]] == [
        ("paragraph", "本文。"),
        ("meta", "古い橋"),
    ]


def test_a_figure_inside_a_sentence_leaves_its_place() -> None:
    """A formula set as an image mid-sentence was dropped: 「例えばのごときものがある」."""
    doc = work(
        "　例えば［＃1+1/2^2+1/3^2…の図（fig42705_01.png、横120×縦40）入る］のごときものがある。\n"
    )
    assert doc.blocks[2].text == "例えば〔図〕のごときものがある。"


def test_shift_jis_2004_file_that_cp932_cannot_read_imports(tmp_path: Path) -> None:
    text = "題名\n作者\n\n　カフェの名は「Café」であった。\n" + COLOPHON
    path = tmp_path / "work.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("shift_jis_2004"))
    doc = import_file(path)
    assert doc.encoding == "shift_jis-2004"
    assert doc.blocks[2].text == "カフェの名は「Café」であった。"
