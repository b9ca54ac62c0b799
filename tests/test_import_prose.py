"""Prose is never taken for a title, heading or caption: a line with a sentence in it is text."""

from __future__ import annotations

from store.importer import import_text
from store.importer.headings import match_heading

_CUT_MID_WORD = (
    "日本の外交は、国際社会の平和と安定のために、同盟国や同志国と連携して様々な課題に取り組んでいる。安全\n"
    "保障の分野では、抑止力の強化が重要な課題となっており、日米同盟の役割はますます大きくなっている。\n"
    "また、経済の分野では、サプライチェーンの強靱化や重要技術の保護に向けた協力が進められている。\n"
)


def _blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in import_text(text, name="memo").blocks]


def test_a_prose_line_cut_mid_word_is_not_a_title_and_joins_the_next_line() -> None:
    doc = import_text(_CUT_MID_WORD, name="memo")
    assert doc.title == "memo"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (
            "paragraph",
            "日本の外交は、国際社会の平和と安定のために、同盟国や同志国と連携して様々な課題に"
            "取り組んでいる。安全保障の分野では、抑止力の強化が重要な課題となっており、"
            "日米同盟の役割はますます大きくなっている。",
        ),
        (
            "paragraph",
            "また、経済の分野では、サプライチェーンの強靱化や重要技術の保護に向けた協力が進められている。",
        ),
    ]


def test_a_long_first_line_running_straight_on_into_the_next_is_prose() -> None:
    text = _CUT_MID_WORD.replace("取り組んでいる。安全", "取り組む中で安全")
    doc = import_text(text, name="memo")
    assert doc.title == "memo"
    assert doc.blocks[0].kind == "paragraph"
    assert "取り組む中で安全保障の分野では" in doc.blocks[0].text


def test_a_short_first_line_with_a_sentence_then_more_is_not_a_title() -> None:
    blocks = _blocks(
        "会談は成功した。ただし課題も\n残されており、今後の交渉が注目される状況にあると言えるだろう。\n"
    )
    assert [kind for kind, _ in blocks] == ["paragraph"]
    assert blocks[0][1] == (
        "会談は成功した。ただし課題も残されており、今後の交渉が注目される状況にあると言えるだろう。"
    )


def test_a_numbered_line_holding_a_sentence_and_more_is_not_a_heading() -> None:
    assert match_heading("1 日米同盟は重要である。今後も協力を") is None
    assert match_heading("（2）首脳は会談した！そして合意に") is None
    # a closing bracket or a space after the mark keeps a real heading a heading
    assert match_heading("3 「信頼。」の外交") is not None
    assert match_heading("■なぜ今か？ 日米関係の行方") is not None


def test_a_title_without_a_sentence_is_still_the_title() -> None:
    doc = import_text("日米首脳会談の成果\n\n首脳は同盟の強化で一致した。\n", name="memo")
    assert doc.title == "日米首脳会談の成果"
    assert doc.blocks[0].kind == "heading"


def test_a_short_line_holding_a_sentence_is_body_text_not_meta() -> None:
    doc = import_text("見出し\n\n本文\x1b]52;c;ZXZpbA==\x07です。\x1b[31m赤\x1b[0m\n", name="m")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "見出し"),
        ("paragraph", "本文です。赤"),
    ]
    assert any("escape sequence" in n for n in doc.notices)


def test_a_short_line_with_an_exclamation_under_a_title_is_not_a_byline() -> None:
    assert _blocks("見出し\n\n本文です！赤\n")[1] == ("paragraph", "本文です！赤")


def test_a_short_unfinished_line_without_a_sentence_is_still_meta() -> None:
    blocks = _blocks("見出し\n\n本文です。\n\n山田太郎\n")
    assert blocks[-1] == ("meta", "山田太郎")


def test_a_short_line_with_a_sentence_between_wrapped_paragraphs_is_text() -> None:
    body = "外交は内政の延長であり、国内の政治状況が対外政策に大きな影響を与えることになる"
    text = "\n".join(
        [
            "1 概観",
            "",
            body,
            "と考えられる。日米関係においてもこの点は同様であり、新政権の動向が注目される。",
            "",
            "要点は次だ。なお",
            "",
            body,
            "と考えられる。経済安全保障の分野でも、両国の協力は一層深まることが期待される。",
            "",
        ]
    )
    blocks = _blocks(text)
    assert any(kind == "paragraph" and "要点は次だ。なお" in t for kind, t in blocks)
    assert all(kind != "meta" for kind, _ in blocks)
