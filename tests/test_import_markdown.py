"""Markdown's own structure: fences, front matter, setext headings, footnotes, references."""

from __future__ import annotations

from store.importer import import_text
from store.model import Block, Document
from tui.layout.document import layout_block
from tui.layout.lines import layout_verbatim


def md(text: str) -> Document:
    return import_text(text, suffix=".md")


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


def test_fenced_code_is_one_verbatim_code_block_and_its_comments_are_not_headings() -> None:
    doc = md(
        "# 使い方\n\n次のように書く。\n\n```python\n# 設定を読む\ndef load(path):\n\treturn path  # **太字ではない**\n```\n\n以上。\n"
    )
    assert kinds(doc) == [
        ("heading", "使い方"),
        ("paragraph", "次のように書く。"),
        ("code", "# 設定を読む\ndef load(path):\n    return path  # **太字ではない**"),
        ("paragraph", "以上。"),
    ]
    assert doc.blocks[2].emphasis == [] and doc.blocks[2].ruby == []


def test_tilde_fences_a_longer_closing_fence_and_an_unclosed_fence() -> None:
    doc = md("~~~\n```\n中の行\n```\n~~~~\n\n後の段落。\n")
    assert kinds(doc) == [("code", "```\n中の行\n```"), ("paragraph", "後の段落。")]
    doc = md("本文。\n\n```\n閉じない\n")
    assert kinds(doc)[-1] == ("code", "閉じない")


def test_a_footnote_marker_inside_code_is_not_linked() -> None:
    doc = md("本文に注がある[^1]。\n\n```\nx = a[^1]\n```\n\n[^1]: 注の本文。\n")
    assert doc.blocks[0].refs[0].footnote_id == "1"
    assert doc.blocks[1].text == "x = a[^1]" and doc.blocks[1].refs == []


def test_yaml_front_matter_goes_to_metadata_and_the_title() -> None:
    doc = md(
        '---\ntitle: "日米関係の展望"\nauthor: 山田太郎\ndate: 2025-02-07\ntags:\n  - 外交\n  - 日米\n---\n\n本文の段落。\n'
    )
    assert doc.title == "日米関係の展望"
    assert doc.metadata == {
        "title": "日米関係の展望",
        "author": "山田太郎",
        "date": "2025-02-07",
        "tags": "外交, 日米",
    }
    assert kinds(doc) == [("paragraph", "本文の段落。")]


def test_toml_front_matter_goes_to_metadata() -> None:
    doc = md('+++\ntitle = "記事"\nauthors = ["甲", "乙"]\ndate = 2024-09-01\n+++\n本文。\n')
    assert doc.metadata == {"title": "記事", "author": "甲, 乙", "date": "2024-09-01"}
    assert kinds(doc) == [("paragraph", "本文。")]


def test_a_leading_thematic_break_is_not_front_matter() -> None:
    doc = md("---\n\n本文の段落。\n\n---\n\n次の段落。\n")
    assert kinds(doc) == [("paragraph", "本文の段落。"), ("paragraph", "次の段落。")]
    assert doc.metadata == {}


def test_setext_headings() -> None:
    doc = md("大見出し\n========\n\n本文。\n\n小見出し\n--------\n\n続き。\n")
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "大見出し"),
        ("paragraph", 0, "本文。"),
        ("heading", 2, "小見出し"),
        ("paragraph", 0, "続き。"),
    ]
    assert doc.title == "大見出し"


def test_multi_line_footnotes() -> None:
    doc = md(
        "本文[^a]。\n\n[^a]: 注の一行目、\n    その続き。\nさらに怠惰な続き。\n\n    注の二段落目。\n\n次の段落。\n"
    )
    assert doc.footnote("a").text == "注の一行目、その続き。さらに怠惰な続き。\n注の二段落目。"
    assert kinds(doc) == [("paragraph", "本文。"), ("paragraph", "次の段落。")]


def test_link_reference_definitions_are_dropped_and_references_read_as_text() -> None:
    doc = md(
        "詳しくは[外務省の発表][発表]と[白書][]、[外務省]を見よ。\n\n"
        '[発表]: https://example.com/a "発表"\n[白書]: https://example.com/b\n[外務省]: <https://example.com/>\n'
    )
    assert kinds(doc) == [("paragraph", "詳しくは外務省の発表と白書、外務省を見よ。")]


def test_html_comments_are_dropped() -> None:
    doc = md("本文。\n\n<!-- 下書きの\nメモ -->\n\n続き。\n")
    assert kinds(doc) == [("paragraph", "本文。"), ("paragraph", "続き。")]


def test_code_is_laid_out_verbatim_cut_only_at_the_width() -> None:
    text = "def f():\n    return 1\n" + "x" * 30
    rows = layout_verbatim(text, 12, indent=2)
    shown = [text[r.start : r.end].rstrip("\n") for r in rows]
    assert shown == ["def f():", "    return", " 1", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxxxxxxx"]
    assert rows[1].cols[0] == 2 and list(rows[1].cols)[4] == 6  # indentation kept, column 2 on
    layout = layout_block(Block("code", "漢字の行　と　かな"), 0, 40, readings=[])
    assert all(not row.ruby for row in layout.rows)
