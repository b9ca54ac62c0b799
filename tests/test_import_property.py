"""Import never crashes, and never drops a body character that is not debris, marker or note.

"Body character" is made precise on plain prose: text built from hiragana, a few kanji and
Japanese punctuation (no digits, so no footnote markers; no Latin, brackets or bullets, so no
debris, headings-by-numbering or list marks). For such input every non-space character must
survive, in order, in the document's base text — whether the prose comes one paragraph a line
or hard-wrapped at a fixed width as a PDF extractor leaves it. (Paragraphs are distinct: a
body repeated whole is a scraper's duplicate and is shown once, by design.)
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.importer import import_text

_CHARS = (
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
    + "日本語文章国際関係政府会談首脳経済安全保障"
)
_word = st.text(alphabet=_CHARS, min_size=1, max_size=12)
_sentence = st.builds(
    lambda words, end: "、".join(words) + end,
    st.lists(_word, min_size=1, max_size=5),
    st.sampled_from(["。", "。", "！", "？", ""]),
)
#: A paragraph ends its last sentence: a last line of bare kana under a line ending in a kanji
#: is exactly what a PDF ruby line looks like, and is read as one.
_paragraph = st.builds(lambda s: "".join(s) + "。", st.lists(_sentence, min_size=1, max_size=6))


def _squash(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_paragraph, min_size=1, max_size=8, unique=True))
def test_prose_one_paragraph_a_line_loses_nothing(paragraphs: list[str]) -> None:
    source = "\n\n".join(paragraphs) + "\n"
    doc = import_text(source)
    assert _squash(doc.base_text) == _squash(source)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_paragraph, min_size=1, max_size=6, unique=True),
    st.integers(min_value=15, max_value=40),
)
def test_hard_wrapped_prose_loses_nothing(paragraphs: list[str], width: int) -> None:
    lines: list[str] = []
    for para in paragraphs:
        lines.extend(para[i : i + width] for i in range(0, len(para), width))
        lines.append("")
    source = "\n".join(lines)
    doc = import_text(source)
    assert _squash(doc.base_text) == _squash(source)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_imports_without_crashing_and_without_control_characters(text: str) -> None:
    doc = import_text(text)
    for block in doc.blocks:
        assert "\x1b" not in block.text and "\x07" not in block.text
        for r in block.ruby:
            assert 0 <= r.start < r.end <= len(block.text)
        for ref in block.refs:
            assert 0 <= ref.offset <= len(block.text)
        for e in block.emphasis:
            assert 0 <= e.start <= e.end <= len(block.text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "（1）見出し",
                "ア\t小見出し",
                "(1)\t 注の本文である。",
                "1 注の本文であり、長く続く説明が書かれている文である。",
                "本文の一行目で、途中で折り返され",
                "ている文章である。",
                "かな",
                "漢字",
                "",
                " ",
                "※注記である。",
                "- 項目",
                "目的\t期間",
                "**強調**と*斜体*の文。",
                "｜漢字《かんじ》の文。",
                "日米首脳会談（4月10日、東京）",
                "News Thumbnail",
                "ランキング",
            ]
        ),
        max_size=40,
    )
)
def test_mixed_structures_never_crash(lines: list[str]) -> None:
    import_text("\n".join(lines))
    import_text("\n".join(lines), suffix=".md")
