"""PDF import from the layout: each test sets a page the way a printed Japanese document is set
(reportlab, CID fonts) and checks the blocks, notes, ruby and pages a reader gets."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_formats import BODY, GOTHIC, LEADING, MINCHO, Columns, Frame, golden_to_pdf, set_text
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from store.importer import ImportFailed, import_file
from store.model import Document, Ruby

W, H = 595.0, 842.0


def _texts(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


def _page_number(c: canvas.Canvas, text: str) -> None:
    c.setFont(MINCHO, 9)
    c.drawCentredString(W / 2, 36, text)


def test_two_columns_are_read_column_by_column_and_a_paragraph_flows_on(tmp_path: Path) -> None:
    first = "左の段の最初の段落である。" * 6
    flowing = "左の段から右の段へ続く段落で、段の終わりを越えて読まれなければならない。" * 6
    last = "右の段の二つ目の段落である。ここで本文は終わる。" * 3
    path = tmp_path / "twocol.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.setFont(GOTHIC, 16)
    c.drawString(60, 780, "二段組の報告書")
    cols = Columns(c, [Frame(60, 230, 740, 600), Frame(305, 230, 740, 80)])
    for text in (first, flowing, last):
        cols.paragraph(text)
    assert cols.frame == 1  # the middle paragraph did cross into the right column
    _page_number(c, "7")
    c.save()
    doc = import_file(path)
    assert _texts(doc) == [
        ("heading", "二段組の報告書"),
        ("paragraph", first),
        ("paragraph", flowing),
        ("paragraph", last),
    ]
    assert doc.pages[0].label == "7"


def test_a_box_is_its_own_flow_and_the_body_paragraph_runs_on_past_it(tmp_path: Path) -> None:
    body = "本文の段落は枠の前から始まり、枠を挟んで後ろへ続いていく。" * 8
    boxed = "枠の中の文章はコラムであり、本文とは別に読まれる。" * 3
    path = tmp_path / "box.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    cols = Columns(c, [Frame(60, 475, 760, 660), Frame(60, 475, 560, 70)])
    cols.paragraph(body)  # runs out of the first frame, over the box, into the second
    c.rect(55, 575, 485, 75)
    set_text(c, boxed, 70, 632, 455)
    c.save()
    doc = import_file(path)
    assert _texts(doc) == [("paragraph", body), ("paragraph", boxed)]


def test_table_cells_become_rows(tmp_path: Path) -> None:
    rows = [
        ["目的", "期間", "税率"],
        ["交渉手段", "数週間", "25%以上"],
        ["財政収入", "恒久的", "10%以下"],
    ]
    path = tmp_path / "table.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    y = set_text(c, "関税の目的は次の表のとおりである。", 60, 760, 475)
    for row in rows:
        y -= 6
        for x, cell in zip((70, 220, 370), row, strict=True):
            c.setFont(MINCHO, BODY)
            c.drawString(x, y, cell)
        c.line(60, y - 5, 535, y - 5)
        y -= LEADING
    set_text(c, "表の後の段落である。", 60, y - 10, 475)
    c.save()
    doc = import_file(path)
    assert _texts(doc)[0] == ("paragraph", "関税の目的は次の表のとおりである。")
    table = doc.blocks[1]
    assert table.kind == "table" and table.rows == rows
    assert table.text == "目的\t期間\t税率\n交渉手段\t数週間\t25%以上\n財政収入\t恒久的\t10%以下"
    assert _texts(doc)[2] == ("paragraph", "表の後の段落である。")


def _superscript(c: canvas.Canvas, x: float, y: float, label: str) -> float:
    c.setFont(MINCHO, 6)
    c.drawString(x + 0.5, y + 4.5, label)
    return x + pdfmetrics.stringWidth(label, MINCHO, 6) + 1


def _line(
    c: canvas.Canvas, x: float, y: float, text: str, size: float = BODY, font: str = MINCHO
) -> float:
    c.setFont(font, size)
    for ch in text:
        c.drawString(x, y, ch)
        x += pdfmetrics.stringWidth(ch, font, size)
    return x


def test_footnotes_at_the_page_foot_link_to_raised_markers_and_run_over_a_page(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    x = _line(c, 60, 760, "本文に注がある")
    x = _superscript(c, x, 760, "1")
    x = _line(c, x, 760, "。二つ目の注もある")
    x = _superscript(c, x, 760, "2")
    _line(c, x, 760, "。")
    c.line(60, 110, 180, 110)
    _line(c, 60, 96, "1 最初の注である。", 8)
    note2 = "二つ目の注は長く、このページの下端を越えて次のページの脚注欄へと続いていく"
    _line(c, 60, 84, "2 " + note2[:34], 8)
    _page_number(c, "12")
    c.showPage()
    x = _line(c, 60, 760, "次のページの本文")
    x = _superscript(c, x, 760, "3")
    _line(c, x, 760, "。")
    c.line(60, 110, 180, 110)
    _line(c, 60, 96, note2[34:] + "。", 8)
    _line(c, 60, 84, "3 三つ目の注である。", 8)
    _page_number(c, "13")
    c.save()
    doc = import_file(path)
    assert _texts(doc) == [
        ("paragraph", "本文に注がある。二つ目の注もある。"),
        ("paragraph", "次のページの本文。"),
    ]
    assert [(n.id, n.text) for n in doc.footnotes] == [
        ("1", "最初の注である。"),
        ("2", note2 + "。"),
        ("3", "三つ目の注である。"),
    ]
    assert [(r.offset, r.footnote_id) for r in doc.blocks[0].refs] == [(7, "1"), (16, "2")]
    assert [(r.offset, r.footnote_id) for r in doc.blocks[1].refs] == [(8, "3")]
    assert [(p.block, p.offset, p.label) for p in doc.pages] == [(0, 0, "12"), (1, 0, "13")]


def test_markers_set_in_the_text_type_are_found_by_their_number(tmp_path: Path) -> None:
    path = tmp_path / "paren.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    _line(c, 60, 760, "白書は括弧の注番号(1)を本文の大きさで組む(2)。")
    _line(c, 60, 96, "(1) 一つ目の定義である。", 8)
    _line(c, 60, 84, "(2) 二つ目の定義である。", 8)
    c.save()
    doc = import_file(path)
    assert doc.blocks[0].text == "白書は括弧の注番号を本文の大きさで組む。"
    assert [(r.offset, r.footnote_id) for r in doc.blocks[0].refs] == [(9, "1"), (19, "2")]
    assert [n.text for n in doc.footnotes] == ["一つ目の定義である。", "二つ目の定義である。"]


def test_superscript_digit_characters_are_markers_but_exponents_stay(tmp_path: Path) -> None:
    """A font's own superscript digits (¹ ² ³, as a converter or a word processor writes
    them) mark notes as small raised digits do; after a Latin letter or a digit they are an
    exponent and stay in the text."""
    path = tmp_path / "superscripts.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    _line(c, 60, 760, "住家被害は十万棟を超えた¹。面積は100m²で、いわゆる基準²を参考にする³。")
    _line(c, 60, 96, "1 内閣府の調べによる。", 8)
    _line(c, 60, 84, "2 人道支援の最低基準。", 8)
    _line(c, 60, 72, "3 目標である。", 8)
    c.save()
    doc = import_file(path)
    text = "住家被害は十万棟を超えた。面積は100m²で、いわゆる基準を参考にする。"
    assert _texts(doc) == [("paragraph", text)]
    assert [(r.offset, r.footnote_id) for r in doc.blocks[0].refs] == [
        (text.index("た。") + 1, "1"),
        (text.index("基準") + 2, "2"),
        (len(text) - 1, "3"),
    ]
    assert [n.text for n in doc.footnotes] == ["内閣府の調べによる。", "人道支援の最低基準。", "目標である。"]
    assert not any("without a marker" in n for n in doc.notices)


def test_running_heads_and_page_numbers_are_dropped_and_label_the_pages(tmp_path: Path) -> None:
    path = tmp_path / "heads.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    text = "各ページの本文である。ここに段落が置かれている。" * 2
    for n, number in enumerate(["iv", "1", "2", "3"]):
        c.setFont(MINCHO, 8)
        c.drawString(60, H - 40, "外交青書2025　第2章")
        c.drawRightString(535, H - 40, "北米")
        set_text(c, f"{n + 1}ページ目。" + text, 60, 760, 475)
        _page_number(c, f"- {number} -")
        c.showPage()
    c.save()
    doc = import_file(path)
    assert all("外交青書" not in b.text and b.text != "北米" for b in doc.blocks)
    assert [b.text[:5] for b in doc.blocks] == ["1ページ目", "2ページ目", "3ページ目", "4ページ目"]
    assert [p.label for p in doc.pages] == ["iv", "1", "2", "3"]
    assert doc.page_at(2, 5) == "2"


def test_page_without_printed_numbers_are_the_physical_pages(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    for n in range(3):
        set_text(c, f"第{n + 1}の本文。", 60, 760, 475)
        c.showPage()
    c.save()
    assert [p.label for p in import_file(path).pages] == ["1", "2", "3"]


def test_small_kana_above_kanji_is_ruby_grouped_or_per_kanji(tmp_path: Path) -> None:
    path = tmp_path / "ruby.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    x = _line(c, 60, 760, "議論が")
    start = x
    x = _line(c, x, 760, "収斂")
    c.setFont(MINCHO, 5.25)
    c.drawCentredString((start + x) / 2, 770, "しゅうれん")  # one reading over both
    x = _line(c, x, 760, "し、")
    for ch, reading in (("祇", "ぎ"), ("園", "おん")):
        left = x
        x = _line(c, x, 760, ch)
        c.setFont(MINCHO, 5.25)
        c.drawCentredString((left + x) / 2, 770, reading)  # one reading over each kanji
    _line(c, x, 760, "へ行く。")
    c.save()
    doc = import_file(path)
    assert doc.blocks[0].text == "議論が収斂し、祇園へ行く。"
    assert doc.blocks[0].ruby == [Ruby(3, 5, "しゅうれん"), Ruby(7, 8, "ぎ"), Ruby(8, 9, "おん")]


def test_group_ruby_spread_evenly_close_together_or_past_its_kanji(tmp_path: Path) -> None:
    """Readings a typesetter centres over their whole kanji run: one spread evenly so that
    its kana fall two to a kanji but split where no reading starts (じゃ・ちぼ・うぎ・ゃく), two
    set so close they read as one small line (信州や甲州), one overhanging the kana beside its
    kanji (貴い日本魂)."""
    text = "信州や甲州の沿線で、邪智暴虐の王を除き、貴い日本魂を示した。"

    def at(word: str) -> tuple[int, int]:
        start = text.index(word)
        return start, start + len(word)

    ruby = [
        [*at("信州"), "しんしゅう"],
        [*at("甲州"), "こうしゅう"],
        [*at("邪智暴虐"), "じゃちぼうぎゃく"],
        [*at("貴"), "たっと"],
        [*at("日本魂"), "やまとだましい"],
    ]
    block = {"kind": "paragraph", "text": text, "ruby": ruby, "refs": [], "emphasis": []}
    path = tmp_path / "ruby.pdf"
    golden_to_pdf({"title": "", "blocks": [block], "footnotes": []}, path, header=False)
    doc = import_file(path)
    assert _texts(doc) == [("paragraph", text)]
    assert [(r.start, r.end, r.reading) for r in doc.blocks[0].ruby] == [tuple(r) for r in ruby]


def test_headings_by_size_weight_and_numbering(tmp_path: Path) -> None:
    path = tmp_path / "heads.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.setFont(GOTHIC, 18)
    c.drawString(60, 780, "日米関係の現状")
    c.setFont(GOTHIC, 13)
    c.drawString(60, 740, "1 概観")
    y = set_text(c, "概観の本文である。" * 3, 60, 715, 475)
    _line(c, 60, y - 6, "（1）米国情勢")  # body type, numbered, standing alone
    y = set_text(c, "米国情勢の本文である。" * 3, 60, y - 6 - LEADING, 475)
    c.setFont(GOTHIC, 13)
    c.drawString(60, y - 10, "2 カナダ")
    set_text(c, "カナダの本文である。", 60, y - 10 - 25, 475)
    c.save()
    doc = import_file(path)
    heads = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert heads == [(1, "日米関係の現状"), (2, "1 概観"), (3, "（1）米国情勢"), (2, "2 カナダ")]
    assert doc.title == "日米関係の現状"


def test_unnumbered_headings_nest_by_type_size(tmp_path: Path) -> None:
    path = tmp_path / "sizes.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    y = 780.0
    for size, text in ((16, "章の見出し"), (13, "節の見出し"), (13, "次の節"), (16, "次の章")):
        c.setFont(GOTHIC, size)
        c.drawString(60, y, text)
        y = set_text(c, "本文である。", 60, y - 25, 475) - 10
    c.save()
    heads = [(b.level, b.text) for b in import_file(path).blocks if b.kind == "heading"]
    assert heads == [(1, "章の見出し"), (2, "節の見出し"), (2, "次の節"), (1, "次の章")]


def test_a_numbered_bold_line_a_little_smaller_than_the_body_is_a_sub_heading(
    tmp_path: Path,
) -> None:
    """Sub-headings set a point or two under the body in a bold gothic (``（1）…``) are
    headings one level under the chapter's, not captions."""
    path = tmp_path / "subheads.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.setFont(GOTHIC, 16)
    c.drawString(60, 780, "地域防災の基本方針")
    _line(c, 60, 740, "第1章　基本的な考え方", font=GOTHIC)
    y = set_text(c, "防災の本文である。" * 8, 60, 740 - 25, 475)
    for head in ("（1）避難所の改善", "（2）消防団員の確保"):
        _line(c, 60, y - 6, head, size=BODY - 1.5, font=GOTHIC)
        y = set_text(c, "小見出しの本文である。" * 6, 60, y - 6 - 25, 475)
    c.save()
    doc = import_file(path)
    heads = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert heads == [
        (1, "地域防災の基本方針"),
        (2, "第1章　基本的な考え方"),
        (3, "（1）避難所の改善"),
        (3, "（2）消防団員の確保"),
    ]
    assert [b.kind for b in doc.blocks].count("paragraph") == 3


def test_a_dateline_that_says_more_than_its_date_keeps_its_line(tmp_path: Path) -> None:
    """The date under the title goes to the metadata; what else the line says (who decided)
    stays in the text."""
    path = tmp_path / "dateline.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.setTitle("地域防災の基本方針")
    c.setAuthor("内閣府")
    c.setFont(GOTHIC, 16)
    c.drawCentredString(W / 2, 780, "地域防災の基本方針")
    c.setFont(MINCHO, 9)
    c.drawCentredString(W / 2, 756, "2024年12月27日　中央防災会議決定")
    set_text(c, "防災の本文である。" * 8, 60, 720, 475)
    c.save()
    doc = import_file(path)
    assert _texts(doc)[:2] == [
        ("heading", "地域防災の基本方針"),
        ("meta", "2024年12月27日　中央防災会議決定"),
    ]
    assert doc.metadata["date"] == "2024年12月27日"


def test_list_items_with_bullets_and_hanging_indents(tmp_path: Path) -> None:
    path = tmp_path / "list.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    y = set_text(c, "主な合意は次のとおり。", 60, 760, 475)
    long_item = (
        "法の支配に基づく自由で開かれた国際秩序を維持し強化するために両国が緊密に連携すること。"
    )
    for item in (long_item, "経済安全保障の強化。"):
        _line(c, 60, y, "・")
        y = set_text(c, item, 60 + BODY, y, 475 - BODY, indent=0) - 4
    _line(c, 60, y, "①番号付きの項目。")
    c.save()
    doc = import_file(path)
    assert _texts(doc) == [
        ("paragraph", "主な合意は次のとおり。"),
        ("list_item", long_item),
        ("list_item", "経済安全保障の強化。"),
        ("list_item", "①番号付きの項目。"),
    ]


def test_an_indented_paragraph_after_a_hanging_list_item_is_not_the_item(tmp_path: Path) -> None:
    """A report's list items hang by one em and its paragraphs open one em in: the same
    place. After an item's last line stops short, that line starts a paragraph; the item goes
    on there only with a word that did not fit (a long URL)."""
    item = "戦略的不可欠性の維持：日本の存在が国際社会にとって不可欠である分野を戦略的に拡大し、長期的な繁栄を確保すること"
    url_item = "外務省「日米首脳会談」"
    url = "https://www.mofa.go.jp/mofaj/na/na1/us/page1_001234_abcdefghij.html"
    para = "私は、法律が適切に運用されることを願う。" * 4
    path = tmp_path / "hanging.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    _line(c, 60, 760, "・")
    y = set_text(c, item, 60 + BODY, 760, 475 - BODY, indent=0) - 4
    _line(c, 60, y, "・")
    _line(c, 60 + BODY, y, url_item)
    _line(c, 60 + BODY, y - LEADING, url)
    y = set_text(c, para, 60, y - 2 * LEADING, 475)
    c.save()
    doc = import_file(path)
    assert _texts(doc) == [
        ("list_item", item),
        ("list_item", url_item + " " + url),
        ("paragraph", para),
    ]


def _full_lines(c: canvas.Canvas, text: str, y: float) -> float:
    """Set ``text`` as its own characters drawn, a full-width space included, in lines of
    45 (the full measure at the body size) from the left margin; return the next baseline."""
    for start in range(0, len(text), 45):
        c.setFont(MINCHO, BODY)
        c.drawString(60, y, text[start : start + 45])
        y -= LEADING
    return y


def _sentences(n: int, phrase: str) -> str:
    """``n`` characters of ``phrase`` repeated, ending a sentence."""
    return (phrase * n)[: n - 1] + "。"


def test_an_indent_drawn_as_a_full_width_space_starts_a_paragraph_across_a_page_break(
    tmp_path: Path,
) -> None:
    """A paragraph whose last line is full ends where the next line opens with a full-width
    space (its indent drawn as a character at the margin), on the same page or the next; a
    paragraph running on to the next page's first line still runs on."""
    first = "　" + _sentences(89, "地域の防災力を強化する。")
    second = "　" + _sentences(179, "政府は本方針を定めるものとする。")
    third = "　" + _sentences(89, "自主防災組織の活動を支援する。")
    last = "　" + _sentences(60, "以上のとおり定める。")
    path = tmp_path / "indents.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    y = _full_lines(c, first, 760)
    _full_lines(c, second[:90], y)  # runs on to the next page
    _page_number(c, "1")
    c.showPage()
    y = _full_lines(c, second[90:], 760)
    y = _full_lines(c, third, y)
    _full_lines(c, last, y)
    _page_number(c, "2")
    c.save()
    doc = import_file(path)
    assert _texts(doc) == [
        ("paragraph", first[1:]),
        ("paragraph", second[1:]),
        ("paragraph", third[1:]),
        ("paragraph", last[1:]),
    ]
    assert [(p.block, p.offset) for p in doc.pages] == [(0, 0), (1, 89)]


def test_a_page_border_is_no_box_but_a_box_may_fill_a_page(tmp_path: Path) -> None:
    """A frame drawn round the text at the same place on every page is the page's border; a
    frame round one whole page's text elsewhere is a box (a column set on a page of its own),
    and the section's paragraph it interrupted runs on past it."""
    body = "本文の段落は枠の外の本文として読まれ、見出しの下に置かれる。" * 6
    running = "本文は枠の前から始まり頁を越えて続いていく" * 10
    cut = 44 + 45 * 2  # three full lines (the first indented) end page 2 mid-sentence
    boxed = "一頁を占めるコラムの文章であり、本文とは別に読まれる。" * 6
    path = tmp_path / "border.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    for page in range(4):
        c.rect(50, 60, 495, 730)  # the border, on every page
        if page == 2:
            c.rect(56, 500, 483, 280)
            _line(c, 66, 760, "現地の取組", font=GOTHIC, size=12)
            set_text(c, boxed, 66, 738, 463)
        elif page == 3:
            set_text(c, running[cut:] + "。", 60, 760, 475, indent=0)
        else:
            _line(c, 60, 760, f"{page + 1} 第{page + 1}の節", font=GOTHIC, size=12)
            y = set_text(c, body, 60, 738, 475)
            if page == 1:
                set_text(c, running[:cut], 60, y, 475)
        _page_number(c, str(page + 1))
        c.showPage()
    c.save()
    doc = import_file(path)
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "1 第1の節"),
        ("paragraph", 0, body),
        ("heading", 1, "2 第2の節"),
        ("paragraph", 0, body),
        ("paragraph", 0, running + "。"),
        ("heading", 2, "現地の取組"),  # the box, at the end of the section it sits in
        ("paragraph", 0, boxed),
    ]


def _vertical_font() -> str:
    name = "HeiseiMin-W3-V"
    if name not in pdfmetrics.getRegisteredFontNames():
        font = UnicodeCIDFont("HeiseiMin-W3", isVertical=True)
        font.name = font.fontName = name
        pdfmetrics.registerFont(font)
    return name


def test_vertical_writing_is_read_column_by_column_right_to_left(tmp_path: Path) -> None:
    font = _vertical_font()
    path = tmp_path / "tategaki.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, 400))
    first = "縦書きの文章は右の行から左の行へと読まれていき、行の下端まで来ると次の行へ移る。"
    columns = ["　" + first[:19], first[19:39], first[39:], "　次の段落である。"]
    assert len(columns[1]) == 20
    x = 520.0
    for text in columns:
        c.setFont(font, 12)
        c.drawString(x, 320, text)  # a column runs down 20 characters, 320 to 80
        x -= 20
    c.setFont(font, 6)
    c.drawString(528, 308, "たて")  # ruby to the right of 縦
    _page_number(c, "5")
    c.save()
    doc = import_file(path)
    assert _texts(doc) == [("paragraph", first), ("paragraph", "次の段落である。")]
    assert doc.blocks[0].ruby == [Ruby(0, 1, "たて")]
    assert doc.pages[0].label == "5"
    assert any("vertical" in n for n in doc.notices)


def test_progress_hears_each_page(tmp_path: Path) -> None:
    path = tmp_path / "pages.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    for n in range(3):
        set_text(c, f"{n}ページ。", 60, 760, 475)
        c.showPage()
    c.save()
    heard: list[tuple[int, int]] = []
    import_file(path, progress=lambda done, total: heard.append((done, total)))
    assert heard == [(1, 3), (2, 3), (3, 3)]


def test_metadata_from_the_document_information_without_placeholders(tmp_path: Path) -> None:
    path = tmp_path / "meta.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.setTitle("外交青書2025")
    c.setAuthor("外務省")
    set_text(c, "本文。", 60, 760, 475)
    c.save()
    meta = import_file(path).metadata
    assert meta["title"] == "外交青書2025" and meta["author"] == "外務省"
    bare = tmp_path / "bare.pdf"
    c = canvas.Canvas(str(bare), pagesize=(W, H))  # reportlab writes "untitled" / "anonymous"
    set_text(c, "本文。", 60, 760, 475)
    c.save()
    assert "title" not in import_file(bare).metadata and "author" not in import_file(bare).metadata


# -- refusals ---------------------------------------------------------------------------------


def _minimal_pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def test_fonts_without_unicode_are_refused(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 72 700 Td <0102030405060708> Tj ET"
    path = tmp_path / "cid.pdf"
    path.write_bytes(
        _minimal_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                b"<< /Type /Font /Subtype /Type0 /BaseFont /Custom /Encoding /Identity-H"
                b" /DescendantFonts [6 0 R] >>",
                b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Custom /CIDSystemInfo"
                b" << /Registry (Custom) /Ordering (Custom) /Supplement 0 >> /DW 1000 >>",
            ]
        )
    )
    with pytest.raises(ImportFailed, match=r"fonts map to no Unicode.*\(cid:"):
        import_file(path)


def test_a_pdf_without_a_text_layer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.rect(50, 50, 400, 600, fill=1)
    c.save()
    with pytest.raises(ImportFailed, match="no text layer") as err:
        import_file(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.pdf"
    c = canvas.Canvas(
        str(path), pagesize=(W, H), encrypt=StandardEncryption("pw", ownerPassword="o")
    )
    c.setFont(MINCHO, 12)
    c.drawString(72, 700, "秘密の文書")
    c.save()
    with pytest.raises(ImportFailed, match="encrypted"):
        import_file(path)


def test_a_pdf_encrypted_only_for_its_permissions_opens_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(
        str(path),
        pagesize=(W, H),
        encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0),
    )
    set_text(c, "複製を禁じた文書であるが、読むことはできる。", 60, 760, 475)
    c.save()
    doc = import_file(path)
    assert _texts(doc) == [("paragraph", "複製を禁じた文書であるが、読むことはできる。")]
    assert any("encrypted" in n and "permissions" in n for n in doc.notices)


def test_a_damaged_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert "\n" not in str(err.value) and "broken.pdf" in str(err.value)
