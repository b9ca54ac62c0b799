"""Line breaking, kinsoku, ruby placement and the cell ↔ offset mapping (tui.layout.lines)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.layout.cells import char_width, text_width
from tui.layout.kinsoku import NO_LINE_END, NO_LINE_START, is_word_char
from tui.layout.lines import Row, RubyPlacement, RubySpan, layout_text
from tui.layout.plain import render_plain

PARA = (
    "現在、国際社会は歴史の転換点にあるといえる。中東情勢の緊迫化や侵略の継続などをめぐり、"
    "「国際社会の分断」と対立は深まっている。また、大陸間弾道ミサイル（ICBM）級を含む発射や、"
    "U.S.-Japan Alliance の強化など、2025年の日本を取り巻く安全保障環境は一層厳しさを増しており…"
)


def drawn(row: Row, text: str) -> list[tuple[int, str]]:
    return [(c, text[row.start + i]) for i, c in enumerate(row.cols) if c >= 0]


def check_invariants(rows: list[Row], text: str, width: int) -> None:
    assert rows[0].start == 0
    assert rows[-1].end == len(text)
    for a, b in zip(rows, rows[1:], strict=False):
        assert a.end == b.start
    for row in rows:
        chars = drawn(row, text)
        # never wider than the row; characters never overlap and keep their order
        for (c1, ch1), (c2, _) in zip(chars, chars[1:], strict=False):
            assert c1 + char_width(ch1) <= c2
        if chars:
            assert chars[-1][0] + char_width(chars[-1][1]) <= width
        for deco in row.decorations:
            assert deco.col + deco.width <= width
        # readings never overlap; those of different groups keep one blank cell between them
        groups = ruby_groups(row, text)
        for g1, g2 in zip(groups, groups[1:], strict=False):
            assert g1[-1].col + g1[-1].width + 1 <= g2[0].col
        for group in groups:
            for r1, r2 in zip(group, group[1:], strict=False):
                assert r1.col + r1.width <= r2.col
        for r in row.ruby:
            assert r.col >= 0 and r.col + r.width <= width
        # a group's reading lies over its bases (across their middle unless it cannot)
        for group in groups:
            base_l = row.cols[group[0].start - row.start]
            base_r = row.cols[group[-1].end - 1 - row.start] + char_width(text[group[-1].end - 1])
            assert group[0].col < base_r and base_l < group[-1].col + group[-1].width, group
        # the base line opens at most one cell, and only before a word with a reading
        starts = {r.start for g in groups for r in g[:1]}
        for i in range(1, len(row.cols)):
            a, b = row.cols[i - 1], row.cols[i]
            if a < 0 or b < 0:
                continue
            natural = a + char_width(text[row.start + i - 1])
            if not any(d.col >= natural and d.col < b for d in row.decorations):
                assert b - natural <= (1 if row.start + i in starts else 0), (i, text)


def ruby_groups(row: Row, text: str) -> list[list[RubyPlacement]]:
    """The row's readings grouped as placed: adjacent bases with nothing drawn between."""
    groups: list[list[RubyPlacement]] = []
    for r in row.ruby:
        if groups:
            prev = groups[-1][-1]
            a = row.cols[prev.end - 1 - row.start] + char_width(text[prev.end - 1])
            if prev.end == r.start and row.cols[r.start - row.start] == a:
                groups[-1].append(r)
                continue
        groups.append([r])
    return groups


@pytest.mark.parametrize("width", [10, 11, 17, 24, 40, 79, 80, 120, 200])
def test_kinsoku_and_whole_words_at_many_widths(width: int) -> None:
    rows = layout_text(PARA, width)
    check_invariants(rows, PARA, width)
    for k, row in enumerate(rows):
        chars = drawn(row, PARA)
        if k > 0:
            assert chars[0][1] not in NO_LINE_START, (width, k)
        if k < len(rows) - 1:
            assert chars[-1][1] not in NO_LINE_END, (width, k)
    lines = render_plain(rows, PARA, width)
    for word in ("ICBM", "U.S.-Japan", "Alliance", "2025"):
        assert any(word in line for line in lines), (word, width)
    assert all(text_width(line) <= width for line in lines)


def test_full_width_of_short_lines_is_used() -> None:
    rows = layout_text("あいうえおかきくけこさしすせそ", 10)
    assert render_plain(rows, "あいうえおかきくけこさしすせそ", 10) == [
        "あいうえお",
        "かきくけこ",
        "さしすせそ",
    ]


def test_closing_punctuation_never_starts_a_line() -> None:
    text = "あいうえ。かきくけ」こ"
    # "。" would start the second row at width 8; it pulls "え" down with it
    lines = render_plain(layout_text(text, 8), text, 8)
    assert lines == ["あいう", "え。かき", "くけ」こ"]


def test_opening_bracket_never_ends_a_line() -> None:
    text = "あいう「かき」"
    lines = render_plain(layout_text(text, 8), text, 8)
    assert lines[0] == "あいう"
    assert lines[1].startswith("「か")


def test_latin_word_longer_than_the_row_is_broken() -> None:
    text = "Supercalifragilistic"
    lines = render_plain(layout_text(text, 8), text, 8)
    assert lines == ["Supercal", "ifragili", "stic"]


def test_mixed_latin_and_japanese_fill_lines() -> None:
    text = "日本とUSAの関係"
    lines = render_plain(layout_text(text, 10), text, 10)
    assert lines == ["日本とUSA", "の関係"]


def test_space_at_a_wrap_is_swallowed() -> None:
    text = "alpha beta gamma"
    rows = layout_text(text, 10)
    assert render_plain(rows, text, 10) == ["alpha beta", "gamma"]
    assert rows[0].cols[10] == -1 or rows[1].cols[0] == -1


def test_reading_is_centred_over_its_base_and_overhangs_plain_neighbours() -> None:
    text = "この収斂が"
    start = text.index("収斂")
    rows = layout_text(text, 20, readings=[RubySpan(start, start + 2, "しゅうれん", "dict")])
    assert render_plain(rows, text, 20) == [" しゅうれん", "この収斂が"]
    (row,) = rows
    # base not pushed: 収 sits where it would without a reading
    assert row.cols[start] == 4
    assert row.ruby[0].col == 4 - 3


def test_narrow_reading_centred_inside_a_wide_base() -> None:
    text = "東京都"
    rows = layout_text(text, 20, readings=[RubySpan(0, 3, "と", "source")])
    assert rows[0].ruby[0].col == 2


def test_readings_of_a_compound_are_one_unit_and_push_nothing() -> None:
    text = "漢字読本"
    spans = [RubySpan(0, 1, "かん"), RubySpan(1, 2, "じ"), RubySpan(2, 4, "とくほん")]
    (row,) = layout_text(text, 40, readings=spans)
    check_invariants([row], text, 40)
    # one group: the readings run back to back from the row start, the base is not spaced
    assert list(row.cols) == [0, 2, 4, 6]
    assert [(r.col, r.reading) for r in row.ruby] == [(0, "かん"), (4, "じ"), (6, "とくほん")]


def test_separate_words_keep_a_blank_cell_and_open_at_most_one_cell() -> None:
    text = "国際は社会"
    spans = [RubySpan(0, 2, "こくさい"), RubySpan(3, 5, "しゃかい")]
    (row,) = layout_text(text, 40, readings=spans)
    check_invariants([row], text, 40)
    a, b = row.ruby
    assert b.col - (a.col + a.width) >= 1
    assert row.cols[3] - row.cols[2] <= 3  # は, and at most one blank cell


def test_readings_overhang_kana_instead_of_opening_holes() -> None:
    # 中華人民共和国 reads twice as wide as it is written: its reading overhangs the kana
    # around it (off-centre, still across the word's middle), and 互いに keeps its place
    # (no hole of ten cells as before)
    text = "日本と中国、すなわち中華人民共和国は互いに協力する"
    at = text.index("中華")
    spans = [RubySpan(at, at + 7, "ちゅうかじんみんきょうわこく"), RubySpan(at + 8, at + 9, "たが")]
    (row,) = layout_text(text, 60, readings=spans)
    check_invariants([row], text, 60)
    natural = list(layout_text(text, 60)[0].cols)
    assert max(c - n for c, n in zip(row.cols, natural, strict=True)) <= 1


def test_a_reading_lies_across_the_middle_of_its_word() -> None:
    text = "米国は、バイデン大統領の下で、2022年にインド太平洋戦略及び国家安全保障戦略を発表し"
    spans = []
    for word, reading in [("米国", "べいこく"), ("大統領", "だいとうりょう"), ("下", "もと"),
                          ("発表", "はっぴょう")]:  # fmt: skip
        at = text.index(word)
        spans.append(RubySpan(at, at + len(word), reading))
    (row,) = layout_text(text, 100, readings=spans)
    for r in row.ruby:
        left = row.cols[r.start]
        right = row.cols[r.end - 1] + 2
        assert r.col <= (left + right) / 2 <= r.col + r.width


def test_a_reading_that_does_not_fit_in_kana_falls_back_to_half_width() -> None:
    from store.japanese.chars import to_half_width_katakana

    text = "安全保障の基軸である。北朝鮮籍船舶の瀬取り対策"
    spans = []
    for word, reading in [("基軸", "きじく"), ("北朝鮮籍船舶", "きたちょうせんせきせんぱく"),
                          ("瀬", "せ")]:  # fmt: skip
        at = text.index(word)
        spans.append(RubySpan(at, at + len(word), reading))
    plain = layout_text(text, 80, readings=spans)
    kana_only = render_plain(plain, text, 80)
    assert len(kana_only) == 4  # in kana the line ends early: 瀬 cannot have its reading
    rows = layout_text(text, 80, readings=spans, fallback_form=to_half_width_katakana)
    lines = render_plain(rows, text, 80)
    assert lines[1] == text  # one line, no hole
    assert "ｷﾀﾁｮｳｾﾝｾｷｾﾝﾊﾟｸ" in lines[0] and "きじく" in lines[0] and "せ" in lines[0]
    check_invariants(rows, text, 80)


def test_half_width_reading_form_fits_over_its_kanji() -> None:
    from store.japanese.chars import to_half_width_katakana

    text = "国際社会"
    spans = [RubySpan(0, 2, "こくさい"), RubySpan(2, 4, "しゃかい")]
    (row,) = layout_text(text, 40, readings=spans, reading_form=to_half_width_katakana)
    assert render_plain([row], text, 40) == ["ｺｸｻｲｼｬｶｲ", "国際社会"]


def test_half_width_readings_write_out_the_kana_iteration_marks() -> None:
    """Older books' ruby repeats a kana with ゝ or ゞ (倚凭 よりかゝ, 唯 たゞ), which have no
    half-width form: a half-width reading was ﾖﾘｶゝ, two widths mixed; it is ﾖﾘｶｶ."""
    from store.japanese.chars import to_half_width_katakana

    assert to_half_width_katakana("よりかゝ") == "ﾖﾘｶｶ"
    assert to_half_width_katakana("たゞ") == "ﾀﾀﾞ"
    assert to_half_width_katakana("ずゝ") == "ｽﾞｽﾞ"  # repeated as written
    text = "窓に倚凭つて"
    (row,) = layout_text(
        text, 40, readings=[RubySpan(2, 4, "よりかゝ")], reading_form=to_half_width_katakana
    )
    assert render_plain([row], text, 40)[0].strip() == "ﾖﾘｶｶ"


def test_row_without_reading_takes_no_ruby_line() -> None:
    text = "あいうえおかきくけこ漢字"
    rows = layout_text(text, 10, readings=[RubySpan(10, 12, "かんじ", "dict")])
    lines = render_plain(rows, text, 10)
    assert lines == ["あいうえお", "かきくけこ", "かんじ", "漢字"]
    assert not rows[0].ruby and not rows[1].ruby and rows[2].ruby


def test_ruby_base_is_never_split_across_rows() -> None:
    text = "ああああ取り組み"
    spans = [RubySpan(4, 5, "と"), RubySpan(6, 7, "く")]
    for width in range(10, 20):
        rows = layout_text(text, width, readings=spans)
        check_invariants(rows, text, width)
        for r in (r for row in rows for r in row.ruby):
            assert any(row.start <= r.start and r.end <= row.end for row in rows)


def test_inline_mode_draws_reading_in_brackets() -> None:
    text = "漢字を読む"
    rows = layout_text(text, 40, readings=[RubySpan(0, 2, "かんじ")], inline=True)
    assert render_plain(rows, text, 40) == ["漢字(かんじ)を読む"]
    assert not rows[0].ruby


def test_footnote_marker_drawn_after_its_word_and_not_text() -> None:
    text = "ミサイル（ICBM）級"
    offset = text.index("）") + 1
    rows = layout_text(text, 40, refs=[(offset, "1")])
    assert render_plain(rows, text, 40) == ["ミサイル（ICBM）[1]級"]
    (row,) = rows
    marker = row.decorations[0]
    assert marker.kind == "marker" and marker.key == "1" and marker.offset == offset
    assert marker.col == row.cols[offset - 1] + 2
    assert row.end - row.start == len(text)


def test_marker_stays_on_the_line_of_its_word() -> None:
    text = "あいうえ" + "お" + "かきくけこ"
    for width in range(10, 16):
        rows = layout_text(text, width, refs=[(5, "12")])
        for row in rows:
            for d in row.decorations:
                assert row.start < d.offset <= row.end
                assert d.col + d.width <= width


def test_cell_offset_mapping_both_ways() -> None:
    text = "日本とUSAの関係、Ａ①※―で"
    rows = layout_text(text, 12, readings=[RubySpan(0, 2, "にほん")])
    for row in rows:
        for i, col in enumerate(row.cols):
            if col < 0:
                continue
            offset = row.start + i
            assert row.col_of(offset, text) == col
            assert row.offset_at(col, text) == offset
            if char_width(text[offset]) == 2:
                assert row.offset_at(col + 1, text) == offset


def test_control_characters_take_visible_cells() -> None:
    text = "前\x1b[2J後\x07"
    lines = render_plain(layout_text(text, 20), text, 20)
    assert lines == ["前␛[2J後␇"]
    assert not re.search(r"[\x00-\x1f\x7f-\x9f]", "".join(lines))


def test_empty_text_gives_one_empty_row() -> None:
    rows = layout_text("", 10)
    assert len(rows) == 1 and rows[0].start == rows[0].end == 0


JA = "あいうかきくさしアイウ漢字東京日本語研究、。「」（）ー々っゃ…ＡＢ①※― abcXYZ 0123\n"


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=JA, min_size=0, max_size=120).filter(
        lambda t: not re.search("[" + re.escape("".join(NO_LINE_START | NO_LINE_END)) + "]{3}", t)
    ),
    width=st.integers(10, 200),
    marks=st.lists(st.integers(0, 120), max_size=4, unique=True),
)
def test_properties_hold_for_any_mixed_text(text: str, width: int, marks: list[int]) -> None:
    spans = []
    i = 0
    while i < len(text) - 1:  # a reading on every kanji pair
        if "\u4e00" <= text[i] <= "\u9fff" and "\u4e00" <= text[i + 1] <= "\u9fff":
            spans.append(RubySpan(i, i + 2, "よみかた"[: 1 + i % 4]))
            i += 2
        else:
            i += 1
    refs = [(m, str(k + 1)) for k, m in enumerate(marks) if m <= len(text)]
    rows = layout_text(text, width, readings=spans, refs=refs)
    check_invariants(rows, text, width)
    for k, row in enumerate(rows):
        chars = drawn(row, text)
        if k > 0 and chars and chars[0][1] in NO_LINE_START and text[row.start - 1] != "\n":
            # only allowed when the previous row was full (a cluster wider than the row had to
            # be cut somewhere: （0ＡＡっっ at 10 cells); its last cell at most left over
            prev = drawn(rows[k - 1], text)
            assert not prev or prev[-1][0] + char_width(prev[-1][1]) >= width - 1
    # every Latin word shorter than the row, with the markers drawn in and after it, sits on
    # one row
    for m in re.finditer(r"[a-zA-Z0-9]+", text):
        drawn_width = m.end() - m.start() + sum(
            len(f"[{k + 1}]") for k, at in enumerate(marks) if m.start() < at <= m.end()
        )
        if drawn_width <= width and all(is_word_char(c) for c in m.group()):
            assert any(row.start <= m.start() and m.end() <= row.end for row in rows)


def test_ambiguous_width_characters_take_one_cell() -> None:
    text = "①②③※―…①②③※"
    assert render_plain(layout_text(text, 10), text, 10) == [text]  # ten characters, ten cells
    # at 5 cells "…" may not start the second row, so "―" comes down with it
    assert render_plain(layout_text(text, 5), text, 5) == ["①②③※", "―…①②③", "※"]


def test_newline_inside_a_block_ends_the_row() -> None:
    text = "一行目\n二行目"
    rows = layout_text(text, 40)
    assert render_plain(rows, text, 40) == ["一行目", "二行目"]
    assert rows[0].end == rows[1].start == 4


def test_full_width_numbers_stay_whole() -> None:
    text = "あいうえおか２０２５年"
    lines = render_plain(layout_text(text, 16), text, 16)
    assert lines == ["あいうえおか", "２０２５年"]


def test_a_marker_that_does_not_fit_wraps_alone() -> None:
    """A footnote marker after the last character that fits goes to the next row by itself: the
    text keeps its row (a 、 never opens the next one), and no marker reaches past the width
    (Hypothesis found both at 10 columns)."""
    text = "00000000、"
    rows = layout_text(text, 10, refs=[(9, "1")])
    check_invariants(rows, text, 10)
    assert rows[0].end == len(text)  # 、 stays with its word
    assert [d.text for d in rows[1].decorations] == ["[1]"]
    text = "00000000 "
    rows = layout_text(text, 10, refs=[(9, "1")])
    check_invariants(rows, text, 10)
    assert [d.text for r in rows for d in r.decorations] == ["[1]"]


def _spans(text: str, words: list[tuple[str, str]]) -> list[RubySpan]:
    spans = []
    for word, reading in words:
        at = text.index(word)
        spans.append(RubySpan(at, at + len(word), reading, "dict"))
    return spans


def test_a_compound_whose_reading_fits_whole_never_ends_the_line_early() -> None:
    """巴里祭 at 120x36: 淀嶋新吉は stood alone on its line. The compound 滞在邦人 (read
    滞在・邦人) was judged by its first word's reading alone, which could not lie across 滞在
    after the name's reading, though the compound's reading fits across the compound."""
    from store.japanese.chars import to_half_width_katakana

    text = "淀嶋新吉は滞在邦人の中でも追放人の方である。だが自分でそう呼ぶことすらもう月並の嫌味を感じる"
    spans = _spans(text, [("淀嶋", "よどじま"), ("新吉", "しんきち"), ("滞在", "たいざい"),
                          ("邦人", "ほうじん"), ("追放人", "エキスパトリエ"), ("月並", "つきなみ")])  # fmt: skip
    rows = layout_text(text, 80, readings=spans, fallback_form=to_half_width_katakana)
    check_invariants(rows, text, 80)
    lines = render_plain(rows, text, 80)
    assert lines[1] == text[:40]  # the measure, 40 characters
    # each reading across its own compound: the name's in half-width makes room for it
    assert lines[0].startswith("ﾖﾄﾞｼﾞﾏｼﾝｷﾁ たいざいほうじん")


def test_a_compound_split_by_a_short_first_word_fits_as_a_whole() -> None:
    """十二支考: 乾陀摩提国の, then the line broke before 栴檀摩 (read せんだん・ま)."""
    text = "乾陀摩提国の栴檀摩提太子たり、貧民に施すを好み所有物一切を施し余物なきに至り、自身を"
    spans = _spans(text, [("乾陀摩提国", "かんだまじこく"), ("栴檀", "せんだん")])
    spans.append(RubySpan(8, 9, "ま", "guess"))  # 摩 of 栴檀摩提太子
    rows = layout_text(text, 80, readings=spans)
    check_invariants(rows, text, 80)
    assert render_plain(rows, text, 80)[1] == text[:40]


def test_a_word_at_the_row_end_takes_the_reading_form_that_fits_there() -> None:
    """A reading in kana would reach past the row: the half-width form that stays on the row
    is taken, rather than moving the word (and the 14 cells it fills) to the next line."""
    from store.japanese.chars import to_half_width_katakana

    text = "国でも古来虎を実際見ずに千里を走ると信じ、戯曲に清正の捷疾を賞して千里一跳虎之助などと洒落て居る。"
    spans = _spans(text, [("捷疾", "すばやさ"), ("千里一跳虎之助", "せんりひとはねとらのすけ")])
    rows = layout_text(text, 80, readings=spans, fallback_form=to_half_width_katakana)
    check_invariants(rows, text, 80)
    lines = render_plain(rows, text, 80)
    assert lines[1] == text[:40] and lines[0].endswith("ｾﾝﾘﾋﾄﾊﾈﾄﾗﾉｽｹ")


def test_the_words_before_take_the_fallback_to_make_room_rather_than_the_line_ending() -> None:
    """巴里祭: 彼女が裸に矢飛白の 金泥を, then a line break — 塗's reading found no room after
    four readings in a row; drawing the words before it in half-width leaves room."""
    from store.japanese.chars import to_half_width_katakana

    text = "彼女が裸に矢飛白の金泥を塗って、ラパン・ア・ジルの酒場で踊り狂ったのは新吉の逢った二回目"
    spans = _spans(text, [("彼女", "かのじょ"), ("裸", "はだか"), ("矢飛白", "やがすり"),
                          ("金泥", "きんでい"), ("塗", "ぬ")])  # fmt: skip
    rows = layout_text(text, 80, readings=spans, fallback_form=to_half_width_katakana)
    check_invariants(rows, text, 80)
    lines = render_plain(rows, text, 80)
    assert lines[1] == text[:40]  # no blank cell opened either
    assert lines[0].split()[-1] == "ぬ"


def test_a_hanging_indent_sets_the_wrapped_rows_in() -> None:
    text = "――六月三十日より前に巴里を去るのも阿呆、六月三十日より後に巴里に居残るのも阿呆。」"
    rows = layout_text(text, 40, indent=0, hanging=4)
    assert [row.cols[0] for row in rows] == [0, 4, 4]
    check_invariants(rows, text, 40)


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("あいうえおかきく9時に", "9時に"),
        ("あいうえおかきく三人で", "三人で"),
        ("あいうえおかき2025年", "2025年"),
        ("あいうえおかき５０％", "５０％"),
    ],
)
def test_a_number_keeps_its_counter_on_its_line(text: str, second: str) -> None:
    """At 18 cells the number fits at the end of the first line and its counter does not: the
    number goes down with it (``9`` / ``時`` read as two lines is what careful typesetting
    never does)."""
    lines = render_plain(layout_text(text, 18), text, 18)
    assert lines == [text[: len(text) - len(second)], second]


def test_a_run_of_numerals_wider_than_the_row_still_breaks() -> None:
    text = "一二三四五六七八九十百千万億兆人"
    lines = render_plain(layout_text(text, 8), text, 8)
    assert "".join(line.strip() for line in lines) == text
    assert all(text_width(line) <= 8 for line in lines)


@pytest.mark.parametrize("width", [8, 9, 10])
def test_a_full_width_space_where_the_line_wraps_is_not_drawn(width: int) -> None:
    """A byline broken at its ideographic space starts the next line with the name, not with a
    blank that reads as a paragraph's indent."""
    text = "山田太郎\u3000東京大学教授"
    lines = render_plain(layout_text(text, width), text, width)
    assert [line.rstrip() for line in lines][:2] == ["山田太郎", "東京大学" if width < 10 else "東京大学教"]
    assert not any(line.startswith("\u3000") for line in lines)


def test_a_full_width_space_that_indents_is_kept() -> None:
    text = "\u3000本文です。\n\u3000二行目です。"
    lines = render_plain(layout_text(text, 20), text, 20)
    assert [line.rstrip() for line in lines] == ["\u3000本文です。", "\u3000二行目です。"]
    mid = "山田太郎\u3000東京大学"
    assert render_plain(layout_text(mid, 30), mid, 30)[0].rstrip() == mid


def test_widgets_wrap_a_byline_without_a_leading_blank() -> None:
    from tui.layout.wrap import wrap_lines

    assert wrap_lines("山田太郎\u3000東京大学教授", 9) == ["山田太郎", "東京大学", "教授"]
