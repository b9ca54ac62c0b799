"""Headings and their outline levels from Japanese numbering; the numbering stays in the text."""

from __future__ import annotations

from store.importer import import_text
from store.importer.headings import Outline, match_heading


def _outline(text: str, suffix: str = ".txt") -> list[tuple[int, str]]:
    return [
        (b.level, b.text) for b in import_text(text, suffix=suffix).blocks if b.kind == "heading"
    ]


def test_every_numbering_style_is_recognised_with_its_numbering() -> None:
    cases = {
        " \t1\t\t1\t 概観": "1 概観",
        "1\t米国": "1 米国",
        "１．2025年の国際情勢 ": "１．2025年の国際情勢",
        "（1）米国情勢": "（1）米国情勢",
        "（１）第２次政権": "（１）第２次政権",
        "(2)安全保障": "(2)安全保障",
        "ア\t政治": "ア 政治",
        "（ア）大統領選予備選": "（ア）大統領選予備選",
        "第1章 総論": "第1章 総論",
        "第2節 各論": "第2節 各論",
        "《安全保障》": "《安全保障》",
        "〈米国とカナダの外交政策〉": "〈米国とカナダの外交政策〉",
        "<FOIPの三本柱>": "<FOIPの三本柱>",
        "■参考文献": "■参考文献",
        "## 小見出し": "小見出し",
    }
    for line, text in cases.items():
        head = match_heading(line)
        assert head is not None, line
        assert head.text == text


def test_sentences_and_numbers_are_not_headings() -> None:
    for line in [
        "（イ）参照）に関しては、2024年2月24日、",
        "2 岩屋外務大臣が外交演説で言及している（第217回国会）。",
        "2025年は大きな転換点となった。",
        "1.5%の成長を記録した",
        "アメリカは同盟国である。",
        "12 月には首脳会談が行われ",
        "3 か国の首脳が集まり",
    ]:
        assert match_heading(line) is None, line


def test_levels_nest_in_the_usual_order_and_a_style_seen_before_closes_the_ones_below() -> None:
    text = "\n\n".join(
        [
            "1 概観",
            "〈基本的価値〉",
            "本文である。",
            "2 米国",
            "（1）米国情勢",
            "ア 政治",
            "（ア）予備選",
            "本文である。",
            "（イ）本選",
            "本文である。",
            "イ 経済",
            "（2）日米関係",
            "3 カナダ",
        ]
    )
    assert _outline(text) == [
        (1, "1 概観"),
        (2, "〈基本的価値〉"),
        (1, "2 米国"),
        (2, "（1）米国情勢"),
        (3, "ア 政治"),
        (4, "（ア）予備選"),
        (4, "（イ）本選"),
        (3, "イ 経済"),
        (2, "（2）日米関係"),
        (1, "3 カナダ"),
    ]


def test_chapter_outranks_section_outranks_numbers() -> None:
    outline = Outline()
    levels = [
        outline.level_for(match_heading(line))  # type: ignore[arg-type]  # a heading line by construction
        for line in ["第1章 総論", "第1節 背景", "1 概要", "第2節 課題", "第2章 各論"]
    ]
    assert levels == [1, 2, 3, 2, 1]


def test_markdown_levels_are_taken_as_written() -> None:
    text = "# 題\n\n本文。\n\n## 節\n\n### 項\n\n## 次の節\n"
    assert _outline(text, ".md") == [(1, "題"), (2, "節"), (3, "項"), (2, "次の節")]


def test_web_page_title_line_is_the_document_title() -> None:
    doc = import_text(
        "トランプ大統領と会談\n\n本日、首脳会談が行われました。\n\n《安全保障》\n\n同盟の強化で一致しました。\n"
    )
    assert doc.title == "トランプ大統領と会談"
    assert [(b.kind, b.level) for b in doc.blocks if b.kind == "heading"] == [
        ("heading", 1),
        ("heading", 2),
    ]


def test_no_heading_gives_the_file_stem_as_title() -> None:
    doc = import_text("これは本文だけの文書である。見出しはない。\n", name="memo")
    assert doc.title == "memo"


def test_table_rows_starting_with_numbers_are_not_headings() -> None:
    assert match_heading("1\t日本\t10%") is None
    assert match_heading("ア\t政治\t経済") is None
    doc = import_text("番号\t国\t税率\n1\t日本\t10%\n2\t米国\t25%\n")
    assert [b.kind for b in doc.blocks] == ["table"]


def test_an_appendix_label_after_the_numbered_sections_is_their_sibling() -> None:
    text = "\n\n".join(
        [
            "日米首脳会談",
            "1 日米関係",
            "（1）総論",
            "両首脳は同盟の強化で一致しました。",
            "2 国際情勢",
            "〈北朝鮮〉",
            "両首脳は認識を共有しました。",
            "(参考)",
            "・合意文書",
            "3 今後",
        ]
    )
    assert _outline(text) == [
        (1, "日米首脳会談"),
        (2, "1 日米関係"),
        (3, "（1）総論"),
        (2, "2 国際情勢"),
        (3, "〈北朝鮮〉"),
        (2, "(参考)"),
        (2, "3 今後"),
    ]
