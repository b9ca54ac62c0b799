"""Citations: the three styles, omitted fields, locators, readings, and terminal safety."""

from __future__ import annotations

import datetime as dt

import pytest

from store.citation import (
    Locator,
    Passage,
    cite,
    format_citation,
    format_quote,
    format_source,
    source_meta,
    with_readings,
)
from store.library import DocMeta
from store.model import Block, Document, Ruby

DAY = dt.date(2026, 11, 22)
CHAPTER = DocMeta(
    title="北米",
    author="外務省",
    author_is_org=True,
    publisher="外務省",
    container="外交青書2025",
    date="2025",
    kind="white paper chapter",
)
BOOK = DocMeta(
    title="日本語の歴史", author="山田太郎", publisher="岩波書店", date="2010-04", kind="book"
)
WEB = DocMeta(
    title="日米首脳会談",
    author="外務省",
    publisher="Fast Fact",
    date="2025-10-28",
    kind="press release",
    url="https://example.jp/summit",
)


@pytest.mark.parametrize(
    ("meta", "loc", "style", "expected"),
    [
        (CHAPTER, Locator(("1 概観",)), "ja", "外務省「北米」『外交青書2025』2025年、「1 概観」。"),
        (
            CHAPTER,
            Locator(("1 概観",)),
            "sist02",
            '外務省. "北米". 外交青書2025. 2025, 「1 概観」.',
        ),
        (
            CHAPTER,
            Locator(("1 概観",)),
            "en",
            '外務省, "北米," in 外交青書2025 (2025), sec. "1 概観".',
        ),
        (BOOK, Locator((), "12"), "ja", "山田太郎『日本語の歴史』岩波書店、2010年4月、12頁。"),
        (BOOK, Locator((), "12"), "sist02", "山田太郎. 日本語の歴史. 岩波書店, 2010, p. 12."),
        (BOOK, Locator((), "12"), "en", "山田太郎, 日本語の歴史 (岩波書店, April 2010), p. 12."),
        (
            WEB,
            Locator(),
            "ja",
            "外務省「日米首脳会談」Fast Fact、2025年10月28日、https://example.jp/summit（2026年11月22日閲覧）。",
        ),
        (
            WEB,
            Locator(),
            "sist02",
            '外務省. "日米首脳会談". Fast Fact, 2025-10-28. https://example.jp/summit, (参照 2026-11-22).',
        ),
        (
            WEB,
            Locator(),
            "en",
            '外務省, "日米首脳会談," Fast Fact, October 28, 2025, https://example.jp/summit (accessed November 22, 2026).',
        ),
    ],
)
def test_styles(meta, loc, style, expected) -> None:
    assert format_source(meta, loc, style, accessed=DAY) == expected


def test_missing_fields_are_left_out_not_invented() -> None:
    meta = DocMeta(title="新政権と日米関係の課題", author="中林美恵子", kind="article")
    assert (
        format_source(meta, Locator(("3 信頼関係",)), "ja")
        == "中林美恵子「新政権と日米関係の課題」、「3 信頼関係」。"
    )
    assert format_source(meta, Locator(), "en") == '中林美恵子, "新政権と日米関係の課題," n.d.'
    untitled = DocMeta(title="覚え書き")
    assert format_source(untitled, Locator(), "ja") == "「覚え書き」。"


def test_quote_then_source_and_inner_brackets() -> None:
    text = format_citation(CHAPTER, "彼は「同盟の礎」と述べた", Locator(("1 概観",)), "ja")
    assert (
        text == "「彼は『同盟の礎』と述べた」\n外務省「北米」『外交青書2025』2025年、「1 概観」。"
    )
    assert format_quote("alliance", "en") == "“alliance”"


def test_readings_only_when_given() -> None:
    assert (
        with_readings("議論が収斂する", [(3, 5, "しゅうれん")]) == "議論が｜収斂《しゅうれん》する"
    )
    assert format_quote("収斂する", "ja", [(0, 2, "しゅうれん")]) == "「｜収斂《しゅうれん》する」"
    assert format_quote("収斂する", "ja") == "「収斂する」"


def test_the_locator_comes_from_the_document_without_the_title_heading() -> None:
    doc = Document(
        "北米",
        [
            Block("heading", "北米", level=1),
            Block("heading", "2 米国", level=2),
            Block("paragraph", "議論が収斂する。", ruby=[Ruby(3, 5, "しゅうれん")]),
        ],
    )
    start = doc.base_text.index("収斂")
    passage = Passage.in_document(doc, start, start + 2)
    assert passage == Passage("収斂", ("北米", "2 米国"))
    meta = source_meta(DocMeta(), "lib:hokubei.txt", doc.title)
    assert cite(meta, passage, source_only=True) == "「北米」、「2 米国」。"


def test_a_work_is_always_named_by_one_rule() -> None:
    """No title in the metadata: the imported title, else the file name (never an empty 「」)."""
    assert source_meta(DocMeta(), "seed:a.txt", "外交青書") == DocMeta(
        title="外交青書", title_supplied=True
    )
    assert source_meta(DocMeta(), "/home/u/論文.md", " \x1b[1m").title == "論文"
    assert source_meta(DocMeta(title="題"), "lib:x.md", "別").title == "題"


def test_escape_sequences_never_reach_the_citation() -> None:
    meta = DocMeta(title="題\x1b]52;c;ZXZpbA==\x07名", author="著\x1b[31m者\x00")
    out = format_citation(meta, "本文\x1b[2J", Locator(), "ja")
    assert "\x1b" not in out and "\x00" not in out
    assert out == "「本文」\n著者「題名」。"


def test_unknown_style_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="ja, sist02, en"):
        format_source(BOOK, Locator(), "apa")


def test_a_numbered_first_section_stays_in_the_locator_when_the_title_differs() -> None:
    """The imported title of a white-paper chapter is often just its first heading (1 概観):
    `shiori cite` and the Markdown export must name the same section chain."""
    doc = Document(
        title="1 概観",
        blocks=[
            Block("heading", "1 概観", level=1),
            Block("heading", "〈日本の対北米外交〉", level=2),
            Block("paragraph", "日米関係はかつてないほど強固である。"),
        ],
    )
    start = doc.block_starts[2]
    passage = Passage.in_document(doc, start, start + 4)
    stored = Passage(passage.quote, ("1 概観", "〈日本の対北米外交〉"))
    chapter = DocMeta(title="北米", author="外務省")
    assert cite(chapter, passage) == cite(chapter, stored)
    assert cite(chapter, passage, source_only=True) == "外務省「北米」、「1 概観 〈日本の対北米外交〉」。"
    # A top heading that merely repeats the work's title is still left out.
    untitled = source_meta(DocMeta(author="外務省"), "lib:x.txt", doc.title)
    assert cite(untitled, passage, source_only=True) == "外務省「1 概観」、「〈日本の対北米外交〉」。"


def test_what_a_file_states_about_itself_fills_what_the_library_leaves_empty() -> None:
    """A user's web page named its author, date and address, and its citation said n.d. and
    no author: the library had no record of it."""
    stated = {"author": "鈴木一郎", "date": "2025-01-24", "url": "https://example.jp/a", "x": "y"}
    meta = source_meta(DocMeta(), "lib:page.html", "日銀の利上げ", stated)
    assert (meta.title, meta.author, meta.date, meta.url) == (
        "日銀の利上げ",
        "鈴木一郎",
        "2025-01-24",
        "https://example.jp/a",
    )
    # what the user (or library.toml) entered comes first, field by field
    mine = source_meta(DocMeta(title="題", author="山田"), "lib:page.html", "", stated)
    assert (mine.title, mine.author, mine.date) == ("題", "山田", "2025-01-24")


@pytest.mark.parametrize(
    "date", ["2025年6月12日", "2025/6/12", "2025.06.12", "２０２５年６月１２日", "2025-06-12"]
)
def test_a_date_written_as_pages_write_it_keeps_its_month_and_day(date: str) -> None:
    """A byline's 2025年6月12日 was cited as 2025年: only ISO dates were read."""
    meta = DocMeta(title="再エネ新方針", author="山田太郎", date=date, kind="article")
    assert format_source(meta, Locator(), "ja") == "山田太郎「再エネ新方針」2025年6月12日。"
    assert format_source(meta, Locator(), "en") == '山田太郎, "再エネ新方針," June 12, 2025.'
