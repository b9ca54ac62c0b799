"""PDF-extracted text: the page stream's rules — where a page's notes find their markers,
paragraphs across page breaks, boxes set indented or framed, running heads with the page
number, two columns printed side by side, and the marks an extractor leaves (blank lines
inside paragraphs, a paragraph's end marked by a space, ruby set apart).

The snippets are set the way a typesetter sets them: a paragraph's first line one character
short (its indent, lost in extraction), every other line full, a closing 。 hanging past the
measure, and a character that may not start a line taking the one before it along."""

from __future__ import annotations

from itertools import zip_longest

from store.importer import import_text
from store.importer.sanitize import sanitize


def _rows(text: str, width: int, *, first: int | None = None) -> list[str]:
    """Full-width ``text`` cut into rows of ``width`` characters (the first ``first``); a
    closing 。 or 、 hangs at a row's end."""
    rows: list[str] = []
    row = ""
    limit = width - 1 if first is None else first
    for ch in text:
        if len(row) >= limit and ch not in "。、":
            rows.append(row)
            row, limit = "", width
        row += ch
    return rows + [row] if row else rows


def _paras(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


A = "両国の首脳は地域の安全保障環境について率直な意見交換を行い協力の継続を確認した。"
B = "政府は同盟の抑止力と対処力を一層強化していく方針を改めて示し理解を求めた。"
C = "会談の冒頭で首相は大統領の訪日を歓迎しこれまでの協力に謝意を表した。"
D = "貿易と投資の拡大は両国経済の持続的な成長にとって欠かせないとされる。"
E = "重要鉱物の供給網を多角化するため新たな枠組みへの署名が行われた。"


# -- a page's notes mark text on that page -----------------------------------------------------


def test_a_box_s_own_note_1_and_the_body_s_note_1_on_one_page_each_find_their_marker() -> None:
    # the body's note 1 is marked before the box; the box's own note 1 is defined right after
    # the box (before the page's foot, where the body's notes are)
    body = _rows(A[:-1] + "1。" + B + C, 30)
    box = _rows("交流事業の参加者は延べ三万人を超え" + "地域の期待は大きい1。" + D, 38, first=37)
    text = "\n".join(
        ["１．概観", *body[:2], *box, "", "交流の現場から", "在外公館", "", "コラム", "－", ""]
        + ["1  参加者数は主催者の発表による。", *body[2:], " "]
        + ["1 外務省「会談の概要」による。", "経済調査月報　2024.9　No.518", "- 1 -", ""]
    )
    doc = import_text(text)
    notes = {f.id: f.text for f in doc.footnotes}
    linked = {
        notes[r.footnote_id]: b.text[: r.offset][-6:] for b in doc.blocks for r in b.refs
    }
    assert linked == {
        "外務省「会談の概要」による。": "交換を行い協力の継続を確認した"[-6:],
        "参加者数は主催者の発表による。": "地域の期待は大きい"[-6:],
    }


def test_a_number_on_an_earlier_page_is_never_a_later_page_s_marker() -> None:
    # page 1 holds 「2分の1で」 (no notes of its own); page 2's notes 1 and 2 are marked on it
    page1 = _rows("出席者は定員の2分の1であった。" + A + B, 30)
    page2 = _rows(C[:-1] + "1。" + D[:-1] + "2。" + E, 30)
    text = "\n".join(
        ["１．概観", *page1, "経済調査月報　2024.9　No.518", "- 1 -", ""]
        + [*page2, " ", "1 当時の肩書による。", "2 外務省の発表による。"]
        + ["経済調査月報　2024.9　No.518", "- 2 -", ""]
    )
    doc = import_text(text)
    assert "2分の1であった" in doc.base_text
    (para,) = [b for b in doc.blocks if b.kind == "paragraph" and b.refs]
    assert [(para.text[: r.offset][-4:], r.footnote_id) for r in para.refs] == [
        ("歓迎しこれまでの協力に謝意を表した"[-4:], "1"),
        ("両国経済の持続的な成長にとって欠かせないとされる"[-4:], "2"),
    ]


def test_counters_after_a_number_are_a_quantity_never_a_marker() -> None:
    para = _rows("方法は大きく分けて1つある。" + A[:-1] + "1。" + B, 30)
    doc = import_text("\n".join(["１．概観", *para, " ", "1 当時の肩書による。", "- 1 -"]))
    assert "分けて1つある" in doc.base_text
    assert [r.footnote_id for b in doc.blocks for r in b.refs] == ["1"]


def test_a_note_cut_by_a_page_break_goes_on_after_a_box_s_own_notes() -> None:
    long_note = "1 外務省「会談の概要」によれば、両首脳は対話の継続を確認し、関係省庁の間でも"
    body1 = _rows(A[:-1] + "1。" + B + C, 30)
    body2 = _rows(D + E, 30, first=30)
    box = _rows("交流事業の参加者は延べ三万人を超え地域の期待は大きい1。", 38, first=37)
    text = "\n".join(
        ["１．概観", *body1[:-1], " ", long_note, "経済調査月報　2024.9　No.518", "- 1 -", ""]
        + [body1[-1], *box, "", "交流の現場から", "在外公館", "", "コラム", ""]
        + ["1  参加者数は主催者の発表による。", *body2, " ", "協議が続けられている。"]
        + ["経済調査月報　2024.9　No.518", "- 2 -", ""]
    )
    doc = import_text(text)
    note = next(f for f in doc.footnotes if f.text.startswith("外務省"))
    assert note.text.endswith("関係省庁の間でも協議が続けられている。")
    assert "協議が続けられている" not in doc.base_text


def test_a_box_s_notes_set_wider_than_the_body_s_do_not_set_the_body_notes_measure() -> None:
    # a box's note runs 50 wide; the body's note runs 36 wide and ends a sentence at its edge
    # before going on
    box = _rows("交流事業の参加者は延べ三万人を超え地域の期待は大きい1。" + D, 38, first=37)
    box_note = _rows("1  参加者数は主催者の発表による。関係機関の発表資料をもとに筆者が作成した。" * 2, 50)
    note = "1 統計は年度ベースの速報値であり、今後改定される可能性がある（第4項）。"
    body = _rows(A[:-1] + "1。" + B + C, 30)
    text = "\n".join(
        ["１．概観", *box, "", "交流の現場から", "在外公館", "", "コラム", ""]
        + [*box_note, *body, " ", note, "関係省庁の発表資料を基に筆者作成。", "- 1 -"]
    )
    doc = import_text(text)
    (body_note,) = [f for f in doc.footnotes if f.text.startswith("統計")]
    assert body_note.text.endswith("（第4項）。関係省庁の発表資料を基に筆者作成。")
    assert "関係省庁の発表資料を基に" not in doc.base_text


# -- paragraphs across lines, blanks and page breaks --------------------------------------------


def test_blank_lines_the_extractor_put_inside_paragraphs_end_nothing() -> None:
    # a white paper's extraction: blank lines after rows the width cut, and one after a full
    # row that ends a sentence (…を確認した。) though the paragraph goes on; a paragraph ends
    # with a short row, and the next one starts one character short
    p1 = _rows(A + B + C, 20)
    assert p1[1].endswith("確認した。") and len(p1[1]) == 21  # full, the 。 hanging
    p2 = _rows(D + E, 20)
    text = "\n".join(
        ["（1）政治", p1[0], "", p1[1], "", *p1[2:4], "", *p1[4:], *p2[:2], "", *p2[2:]]
        + ["", "（2）経済", *_rows(E + D, 20)]
    )
    doc = import_text(text)
    assert _paras(doc) == [A + B + C, D + E, E + D]


def test_a_row_one_short_that_ends_a_sentence_goes_on_where_the_next_row_is_full() -> None:
    # 「ずーっと」: ー may not start a row, so ず went along and the row before is one short
    rows = [
        "会談の冒頭で首相は大統領の訪日を歓迎し謝意を表し",  # 24: a first line (25 - 1)
        "た。両国はこれまでの協力の成果を再び確認しました。",  # 24 with its 。: one short
        "ずーっと続いてきた交流の歴史を振り返りつつ今後の協",  # 25: full
        "力の方向性について意見を交わした。",
        "政府は同盟の抑止力と対処力を一層強化していく方針",  # 24: a first line
        "を改めて示し、理解を求めたと発表されている。",
    ]
    before = [row for text in (A, B, C, D) for row in _rows(text, 25)]  # first lines one short
    doc = import_text("\n".join(["（1）政治", *before, *rows]))
    assert _paras(doc)[4:] == ["".join(rows[:4]), "".join(rows[4:])]


def test_a_first_line_after_a_row_that_gave_a_character_away_still_opens_a_paragraph() -> None:
    # the first paragraph has a row one short (追い出し: 「思っ」 may not be split), so its
    # rows are not all one count; the next paragraph's first line is still told by its room
    rows = [
        "車がくればいいがなと、話し相手が居なくなったので待ち遠しく",  # 29: gave 思 away
        "思っていると、また一人あわてて場内へ馳け込んで来たものがある。",  # 30 + 。
        "奥さんにお嬢さんを呉れろと明白な談判を開こうかと考えたので",  # 29: a first line
        "す。二人は壺のクリームを、顔に塗って手に塗ってそれから靴下を",
        "ぬいで足に塗りました。",
    ]
    doc = import_text("\n".join(["（1）政治", *_rows(A + B, 30), *rows]))
    assert _paras(doc)[1:] == ["".join(rows[:2]), "".join(rows[2:])]


def test_a_paragraph_s_end_marked_by_a_space_and_a_full_row_ending_a_sentence_without_one() -> None:
    # 立法と調査: double spaced, a paragraph's last row followed by a space; a full row that
    # ends a sentence without it runs on
    rows = [
        "両国の首脳は地域の安全保障環境について率直な意見交換を行い",  # 28: first (29 - 1)
        "協力の継続を確認した。政府は同盟の抑止力を強化していきます。",  # full, ends, no space
        "会談の冒頭で首相は大統領の訪日を歓迎した。 ",
        "貿易と投資の拡大は両国経済の持続的な成長にとって欠かせない",
        "とされる。重要鉱物の供給網を多角化するための署名が行われた。 ",
    ] * 2
    text = "\n\n".join(["１．概観 ", *rows]) + "\n"
    doc = import_text(text)
    assert len(_paras(doc)) == 4
    assert _paras(doc)[0].endswith("強化していきます。会談の冒頭で首相は大統領の訪日を歓迎した。")


def test_a_row_a_ruby_line_cut_is_measured_whole() -> None:
    # a row whose kanji carries a reading comes out as 「…の牽」 / けん / blank / 「引した。」;
    # that row, measured whole, is full, so a sentence's end at its edge does not end the
    # paragraph
    text = A + B + C + D + E
    rows = _rows(text, 20)
    k = next(k for k, r in enumerate(rows) if k and r.endswith("。") and "\u4e00" <= r[3] <= "\u9fff")
    cut = [rows[k][:4], "けん", "", rows[k][4:]]
    doc = import_text("\n".join(["（ア）経済の現状", *rows[:k], *cut, *rows[k + 1 :]]))
    (para,) = [b for b in doc.blocks if b.kind == "paragraph"]
    assert para.text == text
    assert [(para.text[r.start : r.end], r.reading) for r in para.ruby] == [(rows[k][3], "けん")]


def test_a_bullet_row_after_a_row_the_width_cut_is_the_paragraph_s() -> None:
    rows = ["民宿を紹介するサイトでは、春・夏・秋", "・冬の宿泊プランを紹介しています。"]
    doc = import_text("\n".join(["（1）政治", A[:19], A[19:], *rows, B[:19], B[19:]]))
    assert not [b for b in doc.blocks if b.kind == "list_item"]
    assert any("秋・冬の宿泊プラン" in p for p in _paras(doc))


def _page_break_doc(text: str, cut: int, first: int) -> str:
    """Short paragraphs, then ``text``, whose sentence ends at the edge of its row ``cut``, the
    last on page 12, and which goes on at the next page's first row; then one more paragraph.
    First rows are ``first`` wide (the measure is 26)."""
    rows = _rows(text, 26, first=first)
    assert rows[cut - 1].endswith("。") and len(rows[cut - 1]) in (26, 27) and len(rows[cut]) == 26
    short = [row for para in (E + D, C + B, D + C, B + E) for row in _rows(para, 26, first=first)]
    return "\n".join(
        ["１．政治", *short, *rows[:cut], "", "- 12 -", "", *rows[cut:]]
        + _rows(E + A, 26, first=first)
    )


def test_a_paragraph_whose_sentence_ends_at_a_page_s_last_row_edge_reads_on_past_the_break() -> None:
    # the page's last row fills the measure and ends a sentence; the next page's first row
    # fills it too, where a paragraph's first row is one short: the page break cut the paragraph
    paras = _paras(import_text(_page_break_doc(A + B + C + D, 3, 25)))
    assert paras == [E + D, C + B, D + C, B + E, A + B + C + D, E + A]


def test_where_first_rows_are_not_indented_a_full_row_after_a_page_break_may_open_one() -> None:
    # block paragraphs (first rows full, as wide as the rest): the full row after the break
    # tells nothing, and the sentence's end before the break ends the paragraph
    paras = _paras(import_text(_page_break_doc(B + C + D + A, 4, 26)))
    assert B + C + D + A not in paras and paras[-1] == E + A


def test_a_row_one_over_the_measure_by_half_width_punctuation_does_not_widen_it() -> None:
    # 「…ここにいる！」」 fills one character more than the measure (its brackets set
    # half-width); the full row after it is the paragraph's next, not a first line one short
    rows = [
        "私はたびたび繰り返した通り、愛の裏面に",
        "この感情の働きを明らかに意識していたので",
        "すから。彼を人質にした私は、ここにいる！」",
        "と、かすれた声で叫びながら、ついに磔台に",
        "昇り、吊り上げられてゆく友の両足に齧りつ",
        "いた。",
    ]
    assert [len(r) for r in rows[:5]] == [19, 20, 21, 20, 20]
    text = "\n".join(["１．政治", *_rows(A + B + C + D, 20), *rows, *_rows(E + A, 20)])
    assert _paras(import_text(text)) == [A + B + C + D, "".join(rows), E + A]


# -- boxes ----------------------------------------------------------------------------------------


def test_a_framed_box_set_narrower_than_the_body_with_its_title_first() -> None:
    body = _rows(A + B + C, 30)
    box = _rows(D + E + "交流の成果は地域にも広がっている。", 24)
    text = "\n".join(
        ["１．概観", *body[:2], "", "交流の現場から", "在外公館", "", *box, "", *body[2:]]
        + ["２．経済", *_rows(E + D, 30)]
    )
    doc = import_text(text)
    texts = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert ("paragraph", 0, A + B + C) in texts  # the body's paragraph runs on past the box
    head = texts.index(("heading", 2, "交流の現場から"))
    assert texts[head + 1] == ("meta", 0, "在外公館")
    assert texts[head + 2] == ("paragraph", 0, D + E + "交流の成果は地域にも広がっている。")
    assert texts[head + 3][2] == "２．経済"


def test_an_indented_box_right_under_a_heading_whose_first_sentence_ends_at_the_edge() -> None:
    # the box's first row is one short (its indent), its second ends a sentence at the edge:
    # the rows after it run on at that width, so this is the box's text, not a title line
    first = "原子炉とは制御された核分裂の連鎖反応を維持できるよう核燃料を配置した装置をいう。"
    box = _rows(first + D + E, 20)
    text = "\n".join(
        ["１．概観", *box, "", "交流の現場から", "在外公館", "", "コラム", "－", ""]
        + [*_rows(A + B + C, 30), "２．経済", *_rows(E + D, 30)]
    )
    doc = import_text(text)
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert ("paragraph", first + D + E) in texts
    assert not [t for k, t in texts if k == "meta" and t.startswith("原子炉")]
    assert ("paragraph", A + B + C) in texts


def test_every_paragraph_of_an_indented_box_is_the_box_s_even_one_too_short_to_show_its_width() -> None:
    # the box's second paragraph is three rows, the last two ending sentences: too short to
    # show the box's measure by itself, it follows the box's first paragraph at its width
    first = "原子炉とは制御された核分裂の連鎖反応を維持できるよう核燃料を配置した装置をいう。"
    second = first + "交流の成果は地域の人々にも広く及んでいる。"
    assert [len(r) for r in _rows(second, 20)] == [19, 21, 21]
    text = "\n".join(
        ["１．概観", *_rows(A + B + C, 30), ""]
        + [*_rows(D + E, 20), "", *_rows(second, 20), "", *_rows(C, 20), ""]
        + ["交流の現場から", "在外公館", "", "コラム", "－", ""]
        + [*_rows(E + D, 30), "２．経済", *_rows(B + A, 30)]
    )
    doc = import_text(text)
    assert _paras(doc) == [A + B + C, E + D, D + E, second, C, B + A]
    texts = [b.text for b in doc.blocks]
    for para in (D + E, second, C):
        chain = doc.section_of(len(texts) - 1 - texts[::-1].index(para))
        assert [h.text for h in chain] == ["１．概観", "交流の現場から"]


def test_a_framed_box_whose_row_ends_in_a_comma_set_inside_its_measure_is_still_the_box() -> None:
    # the third row gave its last character to the next (々 may not start a line), so its 、
    # is set inside the measure, not hanging past it: the rows are still of one measure
    box = [
        "地方自治体による交流事業も相互理解の土台として",
        "評価されている。気候変動への対応では技術協力と資",
        "金支援の両面で連携が確認され、交流の催しには、",
        "人々が集い、延べ三万人を超える来場者があった。",
    ]
    body = _rows(A + B + C, 30)
    text = "\n".join(
        ["１．概観", "", "交流の現場から", "", "在外公館", "", *box, "", *body]
        + ["２．経済", *_rows(E + D, 30)]
    )
    texts = [(b.kind, b.level, b.text) for b in import_text(text).blocks]
    head = texts.index(("heading", 2, "交流の現場から"))
    assert texts[head + 1] == ("meta", 0, "在外公館")
    assert texts[head + 2] == ("paragraph", 0, "".join(box))
    assert ("paragraph", 0, A + B + C) in texts


def test_a_box_paragraph_whose_first_row_ends_a_sentence_is_the_box_s_not_the_body_s_rest() -> None:
    # a framed box cuts a body paragraph mid-word; the box's second paragraph opens with a
    # sentence that ends at the edge of its first row (one short, its 。 hanging): the
    # column's next paragraph, never the last row of the body paragraph waiting for its rest
    opening = "メロスは満面に喜色を湛えて王との約束を皆忘れた。"
    assert len(opening) == 24
    second = opening + D
    body = _rows(A + B + C, 30)
    text = "\n".join(
        ["１．概観", *body[:2], "", "交流の現場から", "在外公館", ""]
        + [*_rows(E + C, 24), *_rows(second, 24), "", *body[2:]]
        + ["２．経済", *_rows(E + D, 30)]
    )
    doc = import_text(text)
    texts = [b.text for b in doc.blocks]
    assert _paras(doc) == [A + B + C, E + C, second, E + D]
    assert [h.text for h in doc.section_of(texts.index(second))][-1] == "交流の現場から"


# -- running heads and columns --------------------------------------------------------------------


def test_running_heads_carrying_the_page_number_are_furniture() -> None:
    page = _rows(A + B + C + D, 30)
    text = "\n".join(
        ["第1章　概観", "１．政治", *page, ""]
        + ["2　日本と北米の関係", "", *page, ""]
        + ["第1章　概観　3", "", *page, ""]
        + ["4　日本と北米の関係", "", *page, ""]
    )
    doc = import_text(text)
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["第1章　概観", "１．政治"]
    assert "日本と北米の関係" not in doc.base_text


def test_a_running_head_seen_once_where_the_page_numbering_puts_one_is_furniture() -> None:
    # a book's title heads its only even page (2), the chapters head the odd ones (3, 5); the
    # head on page 2 stands between a chapter's title and its first section, not inside a
    # sentence, and is seen once: its number, one short of the next page's head, gives it away
    page = _rows(A + B + C + D, 30)
    text = "\n".join(
        ["第1章　概観", "１．政治", *page, "", "第2章　米国", ""]
        + ["2　日本と北米の関係", "", "１．経済", *page, ""]
        + ["第2章　米国　3", "", *page, ""]
        + ["第3章　カナダ", "", "１．政治", *page, ""]
        + ["第3章　カナダ　5", "", *page, ""]
    )
    doc = import_text(text)
    assert "日本と北米の関係" not in doc.base_text
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "第1章　概観", "１．政治", "第2章　米国", "１．経済", "第3章　カナダ", "１．政治"
    ]


def test_a_numbered_section_is_no_running_head_where_the_page_numbering_puts_none() -> None:
    # the same lines, but the section's number is not the page's: it stays a section
    page = _rows(A + B + C + D, 30)
    text = "\n".join(
        ["第1章　概観", "１．政治", *page, "", "第2章　米国", ""]
        + ["7　日本と北米の関係", "", *page, ""]
        + ["第2章　米国　3", "", *page, ""]
        + ["第3章　カナダ", "", "１．政治", *page, ""]
        + ["第3章　カナダ　5", "", *page, ""]
    )
    doc = import_text(text)
    assert "7　日本と北米の関係" in [b.text for b in doc.blocks if b.kind == "heading"]


def test_two_columns_printed_side_by_side_read_left_then_right() -> None:
    # one paragraph, cut by the column break; each output line holds a row of each column
    rows = _rows((A + B + C + D + E) * 2, 16)
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:] + [""]
    gutter = 16 * 2 + 6
    page = [(a + " " * (gutter - 2 * len(a)) + b).rstrip() for a, b in zip(left, right, strict=False)]
    text = "\n".join(["1 概観", *page, "", " " * 18 + "1", "\f"])
    doc = import_text(text)
    assert _paras(doc) == [(A + B + C + D + E) * 2]


def test_a_paragraph_whose_sentence_ends_at_the_foot_of_the_left_column_reads_on() -> None:
    # the left column's last row ends a sentence at the measure and the right column's first
    # row is full: the column break (beside the heading's row, the right column is blank) is
    # no paragraph break
    text = (E + A + B + C + D) * 2
    rows = _rows(text, 16)
    left, right = ["1 概観", *rows[:13]], ["", *rows[13:], *_rows(A + B, 16)]
    assert left[-1].endswith("。") and len(left[-1]) == 16 and len(right[1]) == 16
    gutter = 16 * 2 + 6
    page = [
        (a + " " * (gutter - 2 * len(a)) + b).rstrip()
        for a, b in zip_longest(left, right, fillvalue="")
    ]
    doc = import_text("\n".join([*page, "", " " * 18 + "1", "\f"]))
    assert _paras(doc) == [text, A + B]


def test_interlinear_annotation_marks_never_come_from_a_file() -> None:
    assert sanitize("本文\ufff90\ufffbである") == ("本文0である", 2)

